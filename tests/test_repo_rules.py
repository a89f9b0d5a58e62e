"""Project rules that a test can hold: notebooks committed clean, nothing about the seeds hard-coded."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# People and places of the seed articles: none may be written into the library or the notebooks'
# code and text (rule 1). Stored outputs are generated and not checked here.
SEED_NAMES = re.compile(
    r"\b(witkoff|lammy|carney|zaporizhzhia|kursk|akismet|james carter|zelensk\w*|putin|trump|vance|rubio|macron|"
    r"donetsk|luhansk|crimea|biden)\b",
    re.IGNORECASE,
)


def _load_notebook_tool():
    spec = importlib.util.spec_from_file_location("nbtool", ROOT / "scripts" / "notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    nb = nbformat.read(path, as_version=4)
    assert _load_notebook_tool().problems(nb) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_names_nothing_from_the_seeds(path):
    nb = nbformat.read(path, as_version=4)
    hits = [m.group(0) for cell in nb.cells for m in SEED_NAMES.finditer(cell.source)]
    assert hits == []


def test_library_names_nothing_from_the_seeds():
    hits = []
    for path in sorted((ROOT / "quizlib").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".json", ".csv", ".js", ".css", ".md", ".tsv"}:
            for m in SEED_NAMES.finditer(path.read_text("utf-8", errors="replace")):
                hits.append(f"{path.relative_to(ROOT)}: {m.group(0)}")
    assert hits == []
