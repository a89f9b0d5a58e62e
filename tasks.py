#!/usr/bin/env python3
"""The project's commands, needing nothing but Python 3.11+ (no make, no shell tricks).

    python3 tasks.py lab     set up .venv and open the course notebooks in JupyterLab
    python3 tasks.py test    set up .venv and run the whole test suite (unit, nbval, browser)
    python3 tasks.py serve   set up .venv and open the learner notebooks as Voila apps
    python3 tasks.py bench   set up .venv and run the benchmarks

The virtual environment is created once and reused; it is reinstalled when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("QUIZLIB_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def ensure_env(extra: str) -> None:
    """Create .venv if needed and install quizlib (editable) with the given extra."""
    if sys.version_info < (3, 11):  # noqa: UP036  (tasks.py runs on the system Python)
        sys.exit(f"quizlib needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    stamp = VENV / f".quizlib-{extra}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"installing quizlib[{extra}] into {VENV}", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[{extra}]"], check=True)
    stamp.write_text(digest)


def run(*cmd: str, **extra_env: str) -> int:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra_env)
    return subprocess.call(list(cmd), cwd=ROOT, env=env)


def lab() -> int:
    ensure_env("notebooks")
    return run(
        str(BIN / "jupyter"), "lab", "notebooks/00_start_here.ipynb", "--ServerApp.root_dir", str(ROOT / "notebooks")
    )


def serve() -> int:
    ensure_env("notebooks")
    return run(str(BIN / "quizlib"), "serve")


def test() -> int:
    ensure_env("test")
    lint = run(str(BIN / "ruff"), "check", "quizlib", "tests", "benchmarks", "scripts", "tasks.py")
    pytest = [str(BIN / "python"), "-m", "pytest", "tests", "notebooks", "--nbval-lax", "--nbval-current-env"]
    with tempfile.TemporaryDirectory(prefix="quizlib-test-") as tmp:
        # Progress that the notebooks under test save goes to a throw-away file, not the home folder.
        tests = run(*pytest, "-p", "no:cacheprovider", QUIZLIB_PROGRESS_DB=f"{tmp}/progress.sqlite3", MPLBACKEND="Agg")
    return tests or lint


def bench() -> int:
    ensure_env("test")
    return run(str(BIN / "python"), "benchmarks/run_all.py", *sys.argv[2:])


COMMANDS = {"lab": lab, "test": test, "serve": serve, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    sys.exit(COMMANDS[sys.argv[1]]())
