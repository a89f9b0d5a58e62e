"""The course as learners get it: `quizlib serve` started for real, each learner notebook opened in
headless Chromium through Voilà, the instructor notebook not reachable.

The skip-or-fail rule without Chromium and the session's `browser` fixture come from conftest.py beside
this file (one Playwright per session: a second sync Playwright cannot start inside the first). Everything
the server writes goes to a temporary folder.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LEARNER = ["00_start_here", "01_the_story", "02_bias_words", "03_bias_sources", "04_comparing_coverage"]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """`quizlib serve` on a free port; yields its base URL; stopped by its own handle."""
    tmp = tmp_path_factory.mktemp("course")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, QUIZLIB_PROGRESS_DB=str(tmp / "progress.sqlite3"), MPLBACKEND="Agg")
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(tmp / name.lower())
    log = tmp / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "quizlib.cli", "serve", "--port", str(port)],
            cwd=tmp,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"quizlib serve exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(base + "/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"quizlib serve not up after 90 s:\n{log.read_text()[-3000:]}")
                time.sleep(0.5)
        yield base, log
    finally:
        if proc.poll() is None:
            proc.terminate()  # serve stops Voilà and removes its copy of the notebooks
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def test_serve_prints_the_address_of_every_learner_notebook(course):
    base, log = course
    text = log.read_text()
    assert f"{base}/" in text
    for name in LEARNER:
        assert f"{base}/voila/render/{name}.ipynb" in text
    assert "05_for_instructors" not in text


def test_the_instructor_notebook_is_not_served(course):
    base, _ = course
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{base}/voila/render/05_for_instructors.ipynb", timeout=60)
    assert err.value.code == 404


@pytest.mark.parametrize("name", LEARNER)
def test_learner_notebook_opens_with_code_hidden_and_a_quiz(course, browser, name):
    base, _ = course
    page = browser.new_page(viewport={"width": 1100, "height": 4000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{base}/voila/render/{name}.ipynb", timeout=120_000)
        page.get_by_role("heading", name="Self-check").wait_for(timeout=120_000)
        quiz = page.locator(".qz-quiz").first
        quiz.wait_for(timeout=60_000)
        text = page.inner_text("body")
        assert "question 1 of" in quiz.inner_text()
        assert page.get_by_role("button", name="Check", exact=True).count() >= 1
        assert "import quizlib" not in text and "NBVAL_CHECK_OUTPUT" not in text  # sources stripped
        assert "Traceback" not in text and "There was an error" not in text  # how Voilà reports a failing cell
        assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
        assert errors == []
    except Exception:
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / f"course-{name}.png"), full_page=True)
        raise
    finally:
        page.close()
