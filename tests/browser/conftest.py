"""Fixtures for the real-browser tests: JupyterLab and Voilà on 127.0.0.1, headless Debian Chromium.

Everything a server writes goes to a temporary folder (JUPYTER_* dirs, progress file, a copy of
the notebook), servers are stopped by their own process handle, and a failing test leaves a
screenshot in test-artifacts/. Without Chromium or Playwright the tests skip, unless
QUIZLIB_REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
FIXTURES = HERE.parent / "fixtures" / "widgets"
ARTIFACTS = ROOT / "test-artifacts"
NOTEBOOK = "quiz_test.ipynb"
BIN = Path(sys.executable).parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Kernels talk over Unix sockets in the temporary runtime folder: with TCP, a port picked for a
# kernel can be taken by another process (parallel test runs) before the kernel binds it.
KERNEL_IPC = ["--KernelManager.transport=ipc"]


def _chromium() -> str | None:
    if "QUIZLIB_CHROMIUM" in os.environ:  # another browser binary, or "" to test the skip
        return os.environ["QUIZLIB_CHROMIUM"] if Path(os.environ["QUIZLIB_CHROMIUM"]).is_file() else None
    for name in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if name and Path(name).exists():
            return name
    return None


def _missing_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright; never `playwright install`)"
    if _chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    return None


@pytest.fixture(scope="session", autouse=True)
def _need_browser():
    """Skip (or, under QUIZLIB_REQUIRE_BROWSER=1, fail) before any server is started."""
    why = _missing_browser()
    if why is None:
        return
    if os.environ.get("QUIZLIB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"QUIZLIB_REQUIRE_BROWSER=1 but {why}", pytrace=False)
    pytest.skip(f"browser test skipped: {why}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} not up after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server by its own handle (it shuts its kernels down on SIGTERM)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@dataclass
class Server:
    url: str  # the notebook or app, ready to open
    workdir: Path
    db: Path
    learner: str


@pytest.fixture(scope="session")
def workspace() -> Iterator[Path]:
    """A folder with a copy of the test notebook and every JUPYTER_* folder.

    Made with tempfile rather than tmp_path: pytest runs of other suites prune old basetemp folders.
    """
    with tempfile.TemporaryDirectory(prefix="quizlib-browser-") as name:
        yield from _fill_workspace(Path(name))


def _fill_workspace(base: Path) -> Iterator[Path]:
    for sub in ("config", "data", "runtime", "settings", "workspaces", "ipython", "work"):
        (base / sub).mkdir()
    notify = base / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notify.parent.mkdir(parents=True)
    notify.write_text(json.dumps({"fetchNews": "false"}))
    shutil.copy(HERE / NOTEBOOK, base / "work" / NOTEBOOK)
    yield base


def _env(base: Path, db: Path, learner: str) -> dict[str, str]:
    return dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_DATA_DIR=str(base / "data"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        IPYTHONDIR=str(base / "ipython"),
        QUIZLIB_PROGRESS_DB=str(db),
        QUIZLIB_WIDGET_FIXTURES=str(FIXTURES),
        QUIZLIB_TEST_LEARNER=learner,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )


@pytest.fixture
def jupyterlab(workspace) -> Iterator[Server]:
    port, token = _free_port(), secrets.token_hex(16)
    db, learner = workspace / "lab-progress.sqlite3", "lab-learner"
    log = workspace / "lab.log"
    cmd = [
        str(BIN / "jupyter"),
        "lab",
        "--allow-root",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",  # lets the test wait for the kernel and run cells by command
        *KERNEL_IPC,
        f"--ServerApp.root_dir={workspace / 'work'}",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, env=_env(workspace, db, learner), stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/api/status?token={token}", proc, log)
        yield Server(f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK}?reset&token={token}", workspace, db, learner)
    finally:
        _stop(proc)


@pytest.fixture
def voila(workspace) -> Iterator[Server]:
    port = _free_port()
    db, learner = workspace / "voila-progress.sqlite3", "voila-learner"
    log = workspace / "voila.log"
    cmd = [str(BIN / "voila"), NOTEBOOK, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", *KERNEL_IPC]
    with log.open("w") as out:
        proc = subprocess.Popen(
            cmd, cwd=workspace / "work", env=_env(workspace, db, learner), stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", proc, log)
        yield Server(f"http://127.0.0.1:{port}/", workspace, db, learner)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        workspace = request.getfixturevalue("workspace")
        for log in workspace.glob("*.log"):
            shutil.copy(log, ARTIFACTS / f"{request.node.name}-{log.name}")
    context.close()
