"""jupyterquiz JSON: the question list `jupyterquiz.display_quiz` reads, so a bank also works in
Jupyter Book pages (the quiz runs in the browser, no kernel needed).

jupyterquiz puts question, answer and feedback strings into the page as HTML, so every text is
HTML-escaped here. Types used: multiple_choice, many_choice, string, and match (a drag-and-drop
type of recent jupyterquiz releases). Self-checked rewrites have no jupyterquiz type and are skipped.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..bank import Bank
from ..questions import Question
from . import Note, Rendered, common


def e(text: str) -> str:
    return html.escape(text, quote=True)


def _question_text(q: Question, names: dict[str, str]) -> str:
    return f"{e(q.prompt)}<br><em>{e(common.article_line(q, names))}</em>"


def _feedback(q: Question, names: dict[str, str], lead: str) -> str:
    return "<br>".join(e(p) for p in [lead, *common.general_feedback(q, names)])


def item(q: Question, names: dict[str, str]) -> dict[str, Any] | None:
    if q.form in ("single", "multi"):
        return {
            "question": _question_text(q, names),
            "type": "multiple_choice" if q.form == "single" else "many_choice",
            "answers": [
                {
                    "answer": e(o),
                    "correct": o in q.answer,
                    "feedback": _feedback(q, names, common.option_feedback(q, o)),
                }
                for o in q.options
            ],
        }
    if q.form == "text":
        answers: list[dict[str, Any]] = [
            {"answer": a, "correct": True, "match_case": False, "feedback": _feedback(q, names, common.CORRECT)}
            for a in q.answer
        ]
        answers.append({"type": "default", "feedback": e(common.INCORRECT)})
        return {"question": _question_text(q, names), "type": "string", "answers": answers}
    if q.form == "match":
        return {
            "question": _question_text(q, names),
            "type": "match",
            "pairs": [{"label": e(i), "answer": e(a)} for i, a in zip(q.items, q.answer, strict=True)],
            "options": [e(o) for o in q.options],
        }
    return None


def render(bank: Bank, stem: str, fmt: str = "jupyterquiz") -> Rendered:
    names = common.titles(bank)
    out, notes = [], []
    for q in bank.questions:
        entry = item(q, names)
        if entry is None:
            notes.append(Note(q.id, q.kind, "skipped", f"jupyterquiz has no question type for form {q.form!r}"))
            continue
        out.append(entry)
    data = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    return Rendered({f"{stem}.json": data.encode("utf-8")}, tuple(notes), len(out))
