"""Exports of a question bank for learning-management systems and print, one module per format.

Each format carries what it can. A question a format cannot express is converted to the nearest
form it has, or skipped; either way the result says which question and why, so an instructor
never loses an item silently.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..bank import Bank
from ..errors import QuizlibError

# format name -> (module, what it writes)
FORMATS: dict[str, tuple[str, str]] = {
    "gift": ("gift", "Moodle GIFT text file (.gift / .txt)"),
    "moodle-xml": ("moodle_xml", "Moodle XML file (.xml)"),
    "qti": ("qti", "Canvas QTI 1.2 package (.zip)"),
    "csv": ("csv", "spreadsheet, one row a question (.csv)"),
    "markdown": ("worksheet", "printable worksheet and separate answer key (.md)"),
    "html": ("worksheet", "printable worksheet and separate answer key (.html)"),
    "jupyterquiz": ("jupyterquiz", "jupyterquiz JSON for notebooks and Jupyter Book (.json)"),
}


class ExportError(QuizlibError):
    """An export that cannot be written (unknown format, unusable output path)."""


@dataclass(frozen=True)
class Note:
    """What happened to one question that a format could not carry as it is."""

    question_id: str
    kind: str
    action: str  # "skipped" or "converted"
    reason: str

    def __str__(self) -> str:
        return f"{self.action} {self.question_id} ({self.kind}): {self.reason}"


@dataclass(frozen=True)
class Rendered:
    """The files of one export (name relative to the output path's folder -> bytes) and its notes."""

    files: dict[str, bytes]
    notes: tuple[Note, ...] = ()
    exported: int = 0


@dataclass(frozen=True)
class ExportResult:
    format: str
    paths: tuple[Path, ...]
    exported: int
    notes: tuple[Note, ...] = field(default=())

    @property
    def skipped(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.action == "skipped")

    @property
    def converted(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.action == "converted")

    def summary(self) -> str:
        lines = [f"wrote {', '.join(str(p) for p in self.paths)}: {self.exported} questions ({self.format})"]
        lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)


def renderer(fmt: str) -> Callable[[Bank, str], Rendered]:
    if fmt not in FORMATS:
        raise ExportError(None, f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt][0]}")
    return lambda bank, stem: module.render(bank, stem, fmt)


def render(bank: Bank, fmt: str, name: str = "quiz") -> Rendered:
    """The export in memory: `name` is the stem the files are named after."""
    return renderer(fmt)(bank, name)


def export(bank: Bank, fmt: str, out: str | Path) -> ExportResult:
    """Write `bank` in format `fmt` to `out` (a file path; formats with more than one file put the
    others beside it, e.g. the worksheet's answer key)."""
    out = Path(out)
    if out.is_dir():
        raise ExportError(out, "is a folder; give the file to write, e.g. quiz.xml")
    done = render(bank, fmt, out.stem)
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(folder, f"cannot make the output folder: {exc.strerror}") from None
    paths = []
    for i, (name, data) in enumerate(done.files.items()):
        # the first file is `out`; others (an answer key) sit beside it with the same suffix
        path = out if i == 0 else folder / (Path(name).stem + (out.suffix or Path(name).suffix))
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            raise ExportError(path, f"cannot write: {exc.strerror}") from None
        paths.append(path)
    return ExportResult(fmt, tuple(paths), done.exported, done.notes)
