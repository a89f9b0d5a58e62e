"""The `quizlib` command as a user runs it: a real subprocess, real exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "loader"


def quizlib(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizlib.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_version():
    import quizlib as q

    r = quizlib("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"quizlib {q.__version__}"


def test_python_dash_m_quizlib_runs_the_command():
    """Instructor walkthrough: `python -m quizlib` did not work, only the `quizlib` script did."""
    import quizlib as q

    r = subprocess.run([sys.executable, "-m", "quizlib", "--version"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == f"quizlib {q.__version__}"


def test_one_article_is_not_articles():
    from quizlib import generate, load_corpus

    corpus = load_corpus(FIXTURES.parent / "articles" / "court-ruling.txt")
    assert repr(corpus) == "<Corpus of 1 article>"
    assert " from 1 article, " in repr(generate(corpus, seed=0))


def test_articles_lists_the_bundled_seeds_from_any_folder(tmp_path):
    r = quizlib("articles", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:4] == ["id", "title", "words", "sentences"]
    assert "chrome lines" in lines[0]
    assert [ln.split()[0] for ln in lines[1:]] == ["analysis", "explainer", "news-site", "blog", "short-news"]


def test_articles_on_a_saved_web_page():
    r = quizlib("articles", str(FIXTURES / "page.html"))
    assert r.returncode == 0, r.stderr
    assert "Library Opens Late-Night Study Hall" in r.stdout and "Sam Okoro" in r.stdout


def test_bad_file_is_reported_but_others_load(tmp_path):
    (tmp_path / "ok.txt").write_text("Pool Reopens\n\nThe town pool reopened on Saturday after repairs.\n")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe bad")
    r = quizlib("articles", str(tmp_path))
    assert r.returncode == 0
    assert "Pool Reopens" in r.stdout
    assert "broken.txt" in r.stderr and "not UTF-8" in r.stderr


def test_errors_exit_2_without_traceback(tmp_path):
    r = quizlib("articles", str(tmp_path / "missing.txt"))
    assert r.returncode == 2
    assert r.stderr.startswith("quizlib: error:") and "missing.txt" in r.stderr
    assert "Traceback" not in r.stderr
