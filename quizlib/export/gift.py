"""Moodle GIFT: a plain-text format Moodle imports (Question bank > Import > GIFT).

Question and answer texts are marked [html] and HTML-escaped, then GIFT's special characters
(~ = # { } : and the backslash) are backslash-escaped. Short-answer keys and matching answers are
plain text in Moodle, so they are GIFT-escaped only.
"""

from __future__ import annotations

import html

from ..bank import Bank
from ..questions import Question
from . import Note, Rendered, common

_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """GIFT-escape plain text; newlines become spaces (a blank line would end the question)."""
    text = text.replace("\\", "\\\\")
    for ch in _SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def html_text(text: str) -> str:
    """Text shown as HTML by Moodle: HTML-escaped, then GIFT-escaped."""
    return escape(html.escape(text, quote=False))


def option_text(text: str) -> str:
    """An answer shown as HTML; a leading % would read as a grade weight, so it becomes &#37;."""
    out = html_text(text)
    return "&\\#37;" + out[1:] if out.startswith("%") else out


def _paragraphs(parts: list[str]) -> str:
    return "".join(f"<p>{html_text(p)}</p>" for p in parts if p)


def _general(q: Question, names: dict[str, str], extra: list[str] | None = None) -> str:
    return "####" + _paragraphs([*(extra or []), *common.general_feedback(q, names)])


def _answers(q: Question, names: dict[str, str]) -> tuple[list[str] | None, list[Note]]:
    """The lines inside { }, or None when GIFT cannot express the question."""
    notes: list[Note] = []
    if q.form == "single":
        lines = [
            f"{'=' if o == q.answer[0] else '~'}{option_text(o)}#{html_text(common.option_feedback(q, o))}"
            for o in q.options
        ]
        return [*lines, _general(q, names)], notes
    if q.form == "multi":
        share = common.moodle_share(len(q.answer))
        if share is None:
            reason = f"a key of {len(q.answer)} answers cannot be weighted with the grades Moodle accepts"
            return None, [Note(q.id, q.kind, "skipped", reason)]
        wrong = common.moodle_penalty(len(q.options) - len(q.answer))
        lines = [
            f"~%{share if o in q.answer else wrong}%{option_text(o)}#{html_text(common.option_feedback(q, o))}"
            for o in q.options
        ]
        return [*lines, _general(q, names)], notes
    if q.form == "text":
        if any(a.lstrip().startswith("%") for a in q.answer):
            return None, [Note(q.id, q.kind, "skipped", "a typed answer starts with %, which GIFT reads as a weight")]
        if any("->" in a for a in q.answer):  # Moodle would read '=... -> ...' as a matching question
            return None, [Note(q.id, q.kind, "skipped", "a typed answer contains '->', GIFT's pair separator")]
        return [*(f"={escape(a)}" for a in q.answer), _general(q, names)], notes
    if q.form == "match":
        if len(q.items) < 3:
            return None, [Note(q.id, q.kind, "skipped", "GIFT matching needs at least three pairs")]
        if any("->" in i for i in q.items):
            return None, [Note(q.id, q.kind, "skipped", "an item contains '->', GIFT's pair separator")]
        extra = [o for o in q.options if o not in q.answer]
        if extra:
            reason = f"GIFT matching has no distractors: {len(extra)} extra option(s) left out"
            notes.append(Note(q.id, q.kind, "converted", reason))
        lines = [f"={html_text(i)} -> {escape(a)}" for i, a in zip(q.items, q.answer, strict=True)]
        return [*lines, _general(q, names)], notes
    if q.form == "rewrite":
        notes.append(Note(q.id, q.kind, "converted", "self-checked rewrite exported as an essay, graded by hand"))
        return [_general(q, names, [f"A model answer: {q.answer[0]}"])], notes
    return None, [Note(q.id, q.kind, "skipped", f"form {q.form!r} has no GIFT equivalent")]


def render(bank: Bank, stem: str, fmt: str = "gift") -> Rendered:
    names = common.titles(bank)
    out = [
        "// quizlib question bank exported as Moodle GIFT",
        f"// bank {bank.id}, seed {bank.seed}, quizlib {bank.quizlib_version}",
        "",
    ]
    notes: list[Note] = []
    exported = 0
    current: tuple[str, ...] | None = None
    numbered = sorted(enumerate(bank.questions, 1), key=lambda nq: common.category(nq[1]))
    for number, q in numbered:
        answers, why = _answers(q, names)
        notes += why
        if answers is None:
            continue
        if common.category(q) != current:
            current = common.category(q)
            out += [f"$CATEGORY: $course$/top/{'/'.join(current)}", ""]
        text = _paragraphs([q.prompt, common.article_line(q, names)])
        out.append(f"::{escape(common.name(q, number))}::[html]{text}{{")
        out += [f"\t{line}" for line in answers]
        out += ["}", ""]
        exported += 1
    return Rendered({f"{stem}.gift": "\n".join(out).encode("utf-8")}, tuple(notes), exported)
