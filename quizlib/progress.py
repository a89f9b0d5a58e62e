"""A learner's progress: every checked answer, kept in SQLite so a reopened quiz resumes.

The file lives under the user data folder unless a path (or QUIZLIB_PROGRESS_DB) says otherwise.
A file that cannot be used (corrupt, locked, read-only, in a folder that cannot be made) never
stops a quiz: the store falls back to memory, says why in `warning`, and leaves the file as it was.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ENV_VAR = "QUIZLIB_PROGRESS_DB"
MEMORY = ":memory:"
LOCK_TIMEOUT = 1.0  # seconds to wait for another kernel's write before giving up

# The CSV a learner hands to the instructor; `quizlib stats` reads exactly these columns.
CSV_COLUMNS = ("learner", "bank_id", "question_id", "kind", "skill", "technique", "response", "score", "time")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    learner TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    skill TEXT NOT NULL,
    technique TEXT,
    response TEXT NOT NULL,
    score REAL NOT NULL,
    time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_by_learner ON attempts (learner, bank_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Attempt:
    """One checked answer. `response` is what the learner gave: a string or a list of strings."""

    learner: str
    bank_id: str
    question_id: str
    kind: str
    skill: str
    technique: str | None
    response: str | tuple[str, ...]
    score: float
    time: str

    def row(self) -> dict[str, object]:
        resp = self.response if isinstance(self.response, str) else list(self.response)
        return {
            "learner": self.learner,
            "bank_id": self.bank_id,
            "question_id": self.question_id,
            "kind": self.kind,
            "skill": self.skill,
            "technique": self.technique or "",
            "response": json.dumps(resp, ensure_ascii=False),
            "score": self.score,
            "time": self.time,
        }


def default_path() -> Path:
    """QUIZLIB_PROGRESS_DB if set, else progress.sqlite3 in the user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("quizlib", appauthor=False) / "progress.sqlite3"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ProgressStore:
    """Attempts in SQLite; in memory when the file cannot be used (see `warning`)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path: Path | None = None if path == MEMORY else Path(path) if path is not None else default_path()
        self.warning: str | None = None
        self._conn: sqlite3.Connection | None = None
        # ipykernel may run widget callbacks on another thread than the one that made the store.
        self._lock = threading.RLock()
        if self.path is None:
            self._conn = self._memory()
        else:
            try:
                self._conn = self._open(self.path)
            except (sqlite3.Error, OSError) as exc:
                self._fall_back(exc, "cannot be opened")

    # -- opening --------------------------------------------------------------------------
    @staticmethod
    def _memory() -> sqlite3.Connection:
        conn = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
        conn.executescript(_SCHEMA)
        return conn

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            # Reads the header: a corrupt or foreign file fails here, before anything is written.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            has_schema = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'attempts'").fetchone()
            if not has_schema:
                with _transaction(conn):
                    for statement in filter(str.strip, _SCHEMA.split(";")):
                        conn.execute(statement)
        except BaseException:
            conn.close()
            raise
        return conn

    def _fall_back(self, exc: BaseException, what: str) -> None:
        """Switch to memory, keeping the attempts already readable, and say so."""
        kept: list[Attempt] = []
        if self._conn is not None:
            try:
                kept = self._select("SELECT * FROM attempts", ())
            except sqlite3.Error:
                kept = []
            self._conn.close()
        self.warning = (
            f"Progress file {self.path} {what}: {_why(exc)}. "
            "Your answers are kept in memory for this session only and will not be saved."
        )
        self._conn = self._memory()
        self._insert(kept)

    @property
    def in_memory(self) -> bool:
        return self.path is None or self.warning is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- writing --------------------------------------------------------------------------
    def record(self, attempt: Attempt) -> None:
        """Store one attempt in its own transaction; on failure keep it in memory and warn."""
        with self._lock:
            try:
                self._insert([attempt])
            except sqlite3.Error as exc:
                self._fall_back(exc, "cannot be written")
                self._insert([attempt])

    def _insert(self, attempts: Sequence[Attempt]) -> None:
        assert self._conn is not None
        with _transaction(self._conn):
            self._conn.executemany(
                f"INSERT INTO attempts ({', '.join(CSV_COLUMNS)}) VALUES ({', '.join('?' * len(CSV_COLUMNS))})",
                [tuple(a.row().values()) for a in attempts],
            )

    def anonymous_id(self) -> str:
        """A random learner id made once per progress file, so resuming works without a name."""
        with self._lock:
            return self._anonymous_id()

    def _anonymous_id(self) -> str:
        assert self._conn is not None
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'anonymous_id'").fetchone()
            if row:
                return row[0]
            new = "anon-" + uuid.uuid4().hex[:10]
            with _transaction(self._conn):
                self._conn.execute("INSERT OR IGNORE INTO meta VALUES ('anonymous_id', ?)", (new,))
            return self._conn.execute("SELECT value FROM meta WHERE key = 'anonymous_id'").fetchone()[0]
        except sqlite3.Error as exc:
            self._fall_back(exc, "cannot be written")
            return self._anonymous_id()

    # -- reading --------------------------------------------------------------------------
    def _select(self, sql: str, params: tuple) -> list[Attempt]:
        assert self._conn is not None
        rows = self._conn.execute(sql, params).fetchall()
        out = []
        for learner, bank_id, qid, kind, skill, technique, response, score, time in rows:
            resp = json.loads(response)
            out.append(
                Attempt(
                    learner,
                    bank_id,
                    qid,
                    kind,
                    skill,
                    technique or None,
                    resp if isinstance(resp, str) else tuple(resp),
                    float(score),
                    time,
                )
            )
        return out

    def attempts(
        self, learner: str | None = None, bank_id: str | None = None, question_ids: Collection[str] | None = None
    ) -> list[Attempt]:
        """Attempts in the order they were made, optionally for one learner, bank and/or set of questions."""
        if question_ids is not None:
            wanted = set(question_ids)
            return [a for a in self.attempts(learner, bank_id) if a.question_id in wanted]
        where, params = [], []
        if learner is not None:
            where.append("learner = ?")
            params.append(learner)
        if bank_id is not None:
            where.append("bank_id = ?")
            params.append(bank_id)
        sql = f"SELECT {', '.join(CSV_COLUMNS)} FROM attempts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            try:
                return self._select(sql + " ORDER BY rowid", tuple(params))
            except sqlite3.Error as exc:
                self._fall_back(exc, "cannot be read")
                return self._select(sql + " ORDER BY rowid", tuple(params))

    def latest(self, learner: str, question_ids: Collection[str]) -> dict[str, Attempt]:
        """The last attempt at each of these questions, whichever quiz showed it: what a resumed quiz
        shows. A question's id depends on its text and evidence only, so a lesson whose quiz changed
        (a new quizlib, an instructor's edit) keeps the answers to the questions it still asks."""
        return {a.question_id: a for a in self.attempts(learner, question_ids=question_ids)}

    # -- export ---------------------------------------------------------------------------
    def to_csv(
        self, learner: str | None = None, bank_id: str | None = None, question_ids: Collection[str] | None = None
    ) -> str:
        return attempts_to_csv(self.attempts(learner, bank_id, question_ids))

    def export_csv(
        self,
        path: str | Path,
        learner: str | None = None,
        bank_id: str | None = None,
        question_ids: Collection[str] | None = None,
    ) -> Path:
        """Write the attempts (one row each, columns CSV_COLUMNS) for the instructor."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.to_csv(learner, bank_id, question_ids), encoding="utf-8", newline="")
        tmp.replace(path)
        return path

    def __repr__(self) -> str:
        where = "memory" if self.in_memory else str(self.path)
        return f"<ProgressStore {where}>"


def attempts_to_csv(attempts: Iterable[Attempt]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for a in attempts:
        writer.writerow(a.row())
    return buf.getvalue()


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (connections run in autocommit)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        return "it is not a SQLite database (damaged, or another kind of file)"
    if "locked" in text or "busy" in text:
        return "another program holds it locked"
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "it is read-only"
    return text
