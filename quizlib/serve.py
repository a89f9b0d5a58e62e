"""`quizlib serve`: the learner notebooks as Voilà apps, code hidden.

Voilà serves a folder. The course folder also holds the instructor notebook, which shows answer
keys, so the learner notebooks are copied into a fresh folder and only that one is served. A
notebook is the instructor's when its metadata says {"quizlib": {"audience": "instructor"}}.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import QuizlibError

DEFAULT_PORT = 8866


class ServeError(QuizlibError):
    """The course notebooks cannot be found or read."""


def notebook_folder() -> Path:
    """The course notebooks: beside the package in a source checkout, else ./notebooks."""
    for folder in (Path(__file__).resolve().parents[1] / "notebooks", Path.cwd() / "notebooks"):
        if folder.is_dir():
            return folder
    raise ServeError(Path.cwd() / "notebooks", "no course notebooks here; pass --notebooks FOLDER")


def audience(path: Path) -> str:
    """Who a notebook is for: "learner" unless its metadata names another audience."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError) as exc:
        raise ServeError(path, f"cannot be read as a notebook: {exc}") from None
    return str(meta.get("quizlib", {}).get("audience", "learner"))


def learner_notebooks(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ServeError(folder, "is not a folder of notebooks")
    found = [p for p in sorted(folder.glob("*.ipynb")) if audience(p) == "learner"]
    if not found:
        raise ServeError(folder, "holds no learner notebooks")
    return found


CULL_IDLE = 300  # seconds a kernel with no page connected may sit idle
CULL_INTERVAL = 60


def voila_command(folder: Path, port: int = DEFAULT_PORT, ip: str = "127.0.0.1") -> list[str]:
    """Voilà serving `folder` as a tree of apps, sources stripped, no browser opened."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(folder),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={ip}",
        "--Voila.port_retries=0",  # a busy port is an error, not a silent move to another URL
        "--strip_sources=True",
        "--show_tracebacks=False",
        # Voilà's shutdown request on page close fails (voila-dashboards/voila#1458: '_xsrf' argument
        # missing), so each reload left a kernel running. Kernels with no page connected are stopped
        # after 5 idle minutes; a learner's open page is never culled (cull_connected is False).
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL}",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE}",
        "--MappingKernelManager.cull_connected=False",
    ]


def serve(folder: Path | None = None, port: int = DEFAULT_PORT, ip: str = "127.0.0.1", dry_run: bool = False) -> int:
    """Copy the learner notebooks into a temporary folder and run Voilà on it until stopped."""
    notebooks = learner_notebooks(folder or notebook_folder())
    stage = Path(tempfile.mkdtemp(prefix="quizlib-course-"))
    try:
        for path in notebooks:
            shutil.copy2(path, stage / path.name)
        command = voila_command(stage, port, ip)
        base = f"http://{ip}:{port}"
        print(f"The course in your browser: {base}/  (Ctrl+C stops it)")
        for path in notebooks:
            print(f"  {base}/voila/render/{path.name}")
        if dry_run:
            print(" ".join(command))
            return 0
        return _run(command)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _run(command: list[str]) -> int:
    """Run Voilà until it exits; Ctrl+C or a termination signal stops it too (no orphaned server)."""
    proc = subprocess.Popen(command)

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
