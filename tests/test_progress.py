"""The progress store: attempts survive reopening; bad files fall back to memory without losing anything."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from quizlib import progress
from quizlib.progress import CSV_COLUMNS, Attempt, ProgressStore


def attempt(qid: str = "fact-1", score: float = 1.0, response=("a",), learner: str = "ana") -> Attempt:
    return Attempt(learner, "bank1", qid, "fact", "comprehension", None, response, score, "2024-01-01T00:00:00Z")


def test_attempts_survive_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    store.record(attempt("q1", 0.0, "wrong"))
    store.record(attempt("q1", 1.0, "right"))
    store.record(attempt("q2", 0.5, ("x", "y")))
    store.close()
    again = ProgressStore(path)
    assert again.warning is None and not again.in_memory
    assert [a.question_id for a in again.attempts("ana", "bank1")] == ["q1", "q1", "q2"]
    latest = again.latest("ana", {"q1", "q2"})
    assert latest["q1"].response == "right" and latest["q1"].score == 1.0
    assert latest["q2"].response == ("x", "y")
    assert again.attempts("someone-else", "bank1") == []


def test_default_path_comes_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv(progress.ENV_VAR, str(tmp_path / "sub" / "db.sqlite3"))
    assert progress.default_path() == tmp_path / "sub" / "db.sqlite3"
    store = ProgressStore()
    store.record(attempt())
    assert (tmp_path / "sub" / "db.sqlite3").exists()


def test_default_path_without_env_is_user_data_folder(monkeypatch):
    monkeypatch.delenv(progress.ENV_VAR, raising=False)
    import platformdirs

    assert progress.default_path().parent == platformdirs.user_data_path("quizlib", appauthor=False)


def test_anonymous_id_is_kept_in_the_file(tmp_path):
    path = tmp_path / "p.sqlite3"
    first = ProgressStore(path).anonymous_id()
    assert first.startswith("anon-")
    assert ProgressStore(path).anonymous_id() == first
    assert ProgressStore(tmp_path / "other.sqlite3").anonymous_id() != first


def test_corrupt_file_falls_back_to_memory_and_is_left_alone(tmp_path):
    path = tmp_path / "p.sqlite3"
    junk = b"this is not a database at all\n" * 200
    path.write_bytes(junk)
    store = ProgressStore(path)
    assert store.in_memory
    assert "not a SQLite database" in store.warning and str(path) in store.warning
    assert "memory" in store.warning
    store.record(attempt())
    assert len(store.attempts()) == 1
    assert path.read_bytes() == junk


def test_read_only_database_keeps_old_attempts_and_warns(tmp_path, monkeypatch):
    """Read-only as SQLite sees it (file permissions do not bind root, who runs CI): open with mode=ro."""
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    store.record(attempt("old"))
    store.close()

    def open_read_only(p):
        return sqlite3.connect(f"file:{p}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(ProgressStore, "_open", staticmethod(open_read_only))
    store = ProgressStore(path)
    assert store.warning is None
    store.record(attempt("new"))
    assert "read-only" in store.warning
    assert [a.question_id for a in store.attempts()] == ["old", "new"]
    monkeypatch.undo()
    assert [a.question_id for a in ProgressStore(path).attempts()] == ["old"]


def test_unwritable_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ProgressStore(blocker / "p.sqlite3")  # parent is a file: cannot be made
    assert store.in_memory and "cannot be opened" in store.warning
    store.record(attempt())
    assert store.latest("ana", {"fact-1"})["fact-1"].score == 1.0


def test_locked_file_falls_back_and_keeps_the_attempt(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "LOCK_TIMEOUT", 0.05)
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    store.record(attempt("before"))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another kernel in the middle of a write
    try:
        store.record(attempt("during"))
        assert "locked" in store.warning
        assert [a.question_id for a in store.attempts()] == ["before", "during"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [a.question_id for a in ProgressStore(path).attempts()] == ["before"]


def test_failed_write_rolls_back(tmp_path):
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    store.record(attempt("a"))
    with pytest.raises(sqlite3.Error), progress._transaction(store._conn) as conn:
        conn.execute("INSERT INTO attempts (learner) VALUES ('half')")  # NOT NULL columns missing
    assert [a.question_id for a in store.attempts()] == ["a"]


def test_csv_columns_and_values(tmp_path):
    store = ProgressStore(":memory:")
    store.record(
        Attempt("ana", "b1", "q1", "mark_words", "bias", "hedge", ("may", "could"), 0.5, "2024-01-01T00:00:00Z")
    )
    store.record(
        Attempt("ana", "b1", "q2", "cloze", "comprehension", None, 'say "hi", ok', 1.0, "2024-01-01T00:00:01Z")
    )
    out = store.export_csv(tmp_path / "out" / "results.csv", learner="ana")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["technique"] == "hedge" and rows[1]["technique"] == ""
    assert json.loads(rows[0]["response"]) == ["may", "could"]
    assert json.loads(rows[1]["response"]) == 'say "hi", ok'
    assert float(rows[0]["score"]) == 0.5
    assert store.to_csv(learner="nobody").splitlines() == [",".join(CSV_COLUMNS)]


def test_store_can_be_used_from_another_thread(tmp_path):
    """ipykernel 7 may run widget callbacks on another thread than the one that made the quiz."""
    import threading

    store = ProgressStore(tmp_path / "p.sqlite3")
    errors = []

    def work():
        try:
            store.record(attempt("from-thread"))
        except Exception as exc:  # pragma: no cover - the failure being tested for
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert errors == [] and store.warning is None
    assert [a.question_id for a in store.attempts()] == ["from-thread"]
