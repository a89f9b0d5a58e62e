"""What the course notebooks promise beyond running (nbval runs them; test_repo_rules checks they are
clean and name nothing from the seeds): a self-check at the end, quizzes only from the seeded bank,
quiet widget cells, escaped HTML, and learner notebooks that never show keys outside the Quiz widget."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _code(path: Path) -> list[str]:
    return [_source(c) for c in _cells(path) if c["cell_type"] == "code"]


def _audience(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["metadata"].get("quizlib", {}).get("audience", "learner")


LEARNER = [p for p in NOTEBOOKS if _audience(p) == "learner"]


def test_the_course_has_its_lessons():
    names = [p.stem[:2] for p in NOTEBOOKS]
    assert names == ["00", "01", "02", "03", "04", "05"]
    assert [p.name for p in NOTEBOOKS if p not in LEARNER] == ["05_for_instructors.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_ends_with_a_self_check(path):
    last = _cells(path)[-1]
    assert last["cell_type"] == "markdown"
    assert re.search(r"^## Self-check", _source(last), re.MULTILINE)


WITH_QUIZ = [p for p in NOTEBOOKS if any("Quiz(" in c for c in _code(p))]


@pytest.mark.parametrize("path", WITH_QUIZ, ids=lambda p: p.name)
def test_quizzes_come_from_the_bank_generated_with_the_class_seed(path):
    code = "\n".join(_code(path))
    assert re.search(r"^CLASS_SEED = \d+", code, re.MULTILINE)
    assert "quizlib.generate(corpus, seed=CLASS_SEED)" in code
    # no question is built by hand in a notebook
    assert "make_question" not in code and "Question(" not in code


def test_every_learner_lesson_has_a_quiz():
    assert WITH_QUIZ == LEARNER


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_cells_do_not_print(path):
    for src in _code(path):
        if "Quiz(" in src or "widgets.VBox(" in src:
            assert "print(" not in src, src[:80]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_html_built_in_a_notebook_is_escaped(path):
    for src in _code(path):
        shows_html = re.search(r"\.value\s*=|HTML\(", src)
        if shows_html and re.search(r"<(p|li|h\d|mark|span)\b", src):
            assert "escape(" in src, src[:80]


@pytest.mark.parametrize("path", LEARNER, ids=lambda p: p.name)
def test_learner_notebooks_do_not_show_keys(path):
    # Keys, explanations and evidence reach a learner only through the Quiz widget, after Check.
    code = "\n".join(_code(path))
    assert not re.search(r"\bq\.(answer|key_text|explanation)\b", code)
    for leak in ("bank.to_frame", "report_text", "quizlib show"):
        assert leak not in code, leak


def test_instructor_notebook_writes_only_into_a_temporary_folder():
    code = "\n".join(_code(ROOT / "notebooks" / "05_for_instructors.ipynb"))
    assert "WORK = Path(tempfile.mkdtemp(" in code
    assert not re.search(r"Path\(['\"]|expanduser|Path\.home|open\(", code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_output_check_markers_open_their_cell(path):
    # nbval only honours the marker on a cell's first line; anywhere else the check silently does not run.
    for src in _code(path):
        if "NBVAL_CHECK_OUTPUT" in src:
            assert src.startswith("# NBVAL_CHECK_OUTPUT\n"), src[:80]
