"""`quizlib serve`: the command line it builds and the notebooks it offers, and (one real Voilà, no
browser) that a kernel no page is connected to is stopped; the browser tests open the pages."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from quizlib import serve as serve_module
from quizlib.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _notebook(path: Path, audience: str | None = None) -> Path:
    meta = {"quizlib": {"audience": audience}} if audience else {}
    path.write_text(json.dumps({"cells": [], "metadata": meta, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path


@pytest.fixture
def course(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    _notebook(folder / "01_lesson.ipynb")
    _notebook(folder / "02_lesson.ipynb", "learner")
    _notebook(folder / "09_teacher.ipynb", "instructor")
    (folder / "notes.txt").write_text("not a notebook", encoding="utf-8")
    return folder


def test_help_lists_the_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in ("--port", "--ip", "--notebooks", "--dry-run"):
        assert option in out


def test_voila_command_hides_code_and_opens_no_browser():
    cmd = serve_module.voila_command(Path("/srv/course"), 9123, "0.0.0.0")
    assert cmd == [
        sys.executable,
        "-m",
        "voila",
        "/srv/course",
        "--no-browser",
        "--port=9123",
        "--Voila.ip=0.0.0.0",
        "--Voila.port_retries=0",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_idle_timeout=300",
        "--MappingKernelManager.cull_connected=False",
    ]


def test_only_learner_notebooks_are_offered(course):
    assert [p.name for p in serve_module.learner_notebooks(course)] == ["01_lesson.ipynb", "02_lesson.ipynb"]


def test_the_course_instructor_notebook_is_not_offered():
    names = [p.name for p in serve_module.learner_notebooks(ROOT / "notebooks")]
    all_names = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert "00_start_here.ipynb" in names
    assert [n for n in all_names if n not in names] == ["05_for_instructors.ipynb"]


class FakeVoila:
    """Stands in for subprocess.Popen: records what it was started on, exits at once."""

    def __init__(self, seen, course, returncode=0):
        self.seen, self.course, self.returncode = seen, course, returncode

    def __call__(self, cmd):
        folder = Path(cmd[3])
        self.seen["cmd"] = cmd
        self.seen["files"] = sorted(p.name for p in folder.iterdir())
        self.seen["same"] = all((folder / n).read_bytes() == (self.course / n).read_bytes() for n in self.seen["files"])
        self.seen["folder"] = folder
        return self

    def wait(self, timeout=None):
        return self.returncode

    def poll(self):
        return self.returncode


def test_voila_runs_on_a_copy_holding_only_learner_notebooks(course, monkeypatch, capsys):
    seen = {}
    monkeypatch.setattr(serve_module.subprocess, "Popen", FakeVoila(seen, course))
    assert main(["serve", "--notebooks", str(course), "--port", "9124"]) == 0
    assert seen["files"] == ["01_lesson.ipynb", "02_lesson.ipynb"]
    assert seen["same"]
    assert seen["cmd"][4:] == [
        "--no-browser",
        "--port=9124",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_idle_timeout=300",
        "--MappingKernelManager.cull_connected=False",
    ]
    assert not seen["folder"].exists()  # the copy is removed when Voilà stops
    out = capsys.readouterr().out
    assert "http://127.0.0.1:9124/" in out
    assert "http://127.0.0.1:9124/voila/render/02_lesson.ipynb" in out
    assert "09_teacher" not in out


def test_voila_exit_status_is_passed_on(course, monkeypatch):
    monkeypatch.setattr(serve_module.subprocess, "Popen", FakeVoila({}, course, returncode=1))
    assert main(["serve", "--notebooks", str(course)]) == 1


def test_a_stopped_serve_stops_voila(course, monkeypatch):
    class Running(FakeVoila):
        terminated = False

        def wait(self, timeout=None):
            if not self.terminated:
                raise KeyboardInterrupt  # what Ctrl+C or SIGTERM turns into
            return -15

        def poll(self):
            return -15 if self.terminated else None

        def terminate(self):
            self.terminated = True

    proc = Running({}, course)
    monkeypatch.setattr(serve_module.subprocess, "Popen", proc)
    assert main(["serve", "--notebooks", str(course)]) == 0
    assert proc.terminated


def test_dry_run_prints_url_and_command_and_starts_nothing(course, monkeypatch, capsys):
    monkeypatch.setattr(serve_module.subprocess, "Popen", lambda cmd: pytest.fail("started a server"))
    assert main(["serve", "--dry-run", "--notebooks", str(course)]) == 0
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8866/" in out
    assert "-m voila" in out and "--strip_sources=True" in out


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["serve", "--notebooks", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "not a folder" in err


def test_folder_without_learner_notebooks_is_a_clear_error(tmp_path, capsys):
    _notebook(tmp_path / "keys.ipynb", "instructor")
    assert main(["serve", "--notebooks", str(tmp_path)]) == 2
    assert "no learner notebooks" in capsys.readouterr().err


def test_unreadable_notebook_is_named(tmp_path, capsys):
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    assert main(["serve", "--notebooks", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "broken.ipynb" in err and "cannot be read as a notebook" in err


def test_a_kernel_left_by_a_closed_page_is_stopped(tmp_path, monkeypatch):
    """Walkthrough 8: every Voilà page load left a kernel running (32 after one session), because the
    page's shutdown request fails. A kernel with no page connected is culled once idle."""
    monkeypatch.setattr(serve_module, "CULL_IDLE", 3)
    monkeypatch.setattr(serve_module, "CULL_INTERVAL", 1)
    folder = tmp_path / "course"
    folder.mkdir()
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": "print(1)"}
    (folder / "one.ipynb").write_text(
        json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8"
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path / "voila.log"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"), "JUPYTER_DATA_DIR": str(tmp_path)}
    with log.open("w") as out:
        proc = subprocess.Popen(serve_module.voila_command(folder, port), stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:  # the page renders the notebook in a new kernel; nothing connects to it afterwards
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/render/one.ipynb", timeout=30) as r:
                    assert r.status == 200
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, log.read_text()[-2000:]
                time.sleep(0.3)
        while "Culling 'idle' kernel" not in log.read_text():
            assert time.monotonic() < deadline and proc.poll() is None, log.read_text()[-2000:]
            time.sleep(0.5)
        assert "with 0 connections" in log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
