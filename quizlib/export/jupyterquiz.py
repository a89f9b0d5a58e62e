"""jupyterquiz JSON: the question list `jupyterquiz.display_quiz` reads, so a bank also works in
Jupyter Book pages (the quiz runs in the browser, no kernel needed).

jupyterquiz puts question, answer and feedback strings into the page as HTML, so every text is
HTML-escaped here. Types used: multiple_choice, many_choice and string, the types released
jupyterquiz registers. A matching question becomes one multiple-choice question per item;
self-checked rewrites have no jupyterquiz type and are skipped.
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
    line = common.article_line(q, names)
    return f"{e(q.prompt)}<br><em>{e(line)}</em>" if line else e(q.prompt)


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
    return None


def split_match(q: Question, names: dict[str, str]) -> list[dict[str, Any]]:
    """A matching question as one multiple-choice question per item (released jupyterquiz has
    no matching type)."""
    out = []
    for n, (i, a) in enumerate(zip(q.items, q.answer, strict=True), 1):
        out.append(
            {
                "question": f"{_question_text(q, names)}<br>{n}/{len(q.items)}: <strong>{e(i)}</strong>",
                "type": "multiple_choice",
                "answers": [
                    {
                        "answer": e(o),
                        "correct": o == a,
                        "feedback": _feedback(q, names, common.option_feedback_one(o == a)),
                    }
                    for o in dict.fromkeys(q.options)
                ],
            }
        )
    return out


def render(bank: Bank, stem: str, fmt: str = "jupyterquiz") -> Rendered:
    names = common.titles(bank)
    out, notes = [], []
    for q in bank.questions:
        if q.form == "match":
            parts = split_match(q, names)
            reason = f"matching split into {len(parts)} multiple-choice questions (jupyterquiz has no matching type)"
            notes.append(Note(q.id, q.kind, "converted", reason))
            out += parts
            continue
        entry = item(q, names)
        if entry is None:
            notes.append(Note(q.id, q.kind, "skipped", f"jupyterquiz has no question type for form {q.form!r}"))
            continue
        out.append(entry)
    data = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    exported = len(bank) - sum(n.action == "skipped" for n in notes)
    return Rendered({f"{stem}.json": data.encode("utf-8")}, tuple(notes), exported)
