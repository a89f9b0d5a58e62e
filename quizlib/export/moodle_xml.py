"""Moodle XML: Moodle's own question format, the richest it imports (per-answer, general,
correct/partly/incorrect feedback, hints, tags, id numbers).

Texts Moodle shows as HTML are HTML-escaped and wrapped in CDATA (a "]]>" inside is split across
two sections); plain-text fields (names, short-answer keys, matching answers) use XML entities.
Characters XML cannot hold at all (control characters) are dropped.
"""

from __future__ import annotations

import html
import re
from xml.sax.saxutils import escape

from ..bank import Bank
from ..questions import Question
from . import Note, Rendered, common

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def cdata(markup: str) -> str:
    """Markup in CDATA; a literal ']]>' is split so it cannot close the section early."""
    return "<![CDATA[" + clean(markup).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def paragraphs(parts: list[str]) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in common.blocks(parts))


def inline(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def html_field(tag: str, parts: list[str]) -> str:
    return f'<{tag} format="html"><text>{cdata(paragraphs(parts))}</text></{tag}>'


def plain(text: str) -> str:
    return escape(clean(text))


def _head(q: Question, number: int, qtype: str, names: dict[str, str], extra: list[str] | None = None) -> list[str]:
    return [
        f'  <question type="{qtype}">',
        f"    <name><text>{plain(common.name(q, number))}</text></name>",
        "    " + html_field("questiontext", [q.prompt, common.article_line(q, names)]),
        "    " + html_field("generalfeedback", [*(extra or []), *common.general_feedback(q, names)]),
        "    <defaultgrade>1</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{plain(q.id)}</idnumber>",
    ]


def _feedbacks() -> list[str]:
    return [
        "    " + html_field("correctfeedback", [common.CORRECT]),
        "    " + html_field("partiallycorrectfeedback", [common.PARTLY]),
        "    " + html_field("incorrectfeedback", [common.INCORRECT]),
    ]


def _tail(q: Question, names: dict[str, str]) -> list[str]:
    tags = [q.skill, q.kind, *([q.technique] if q.technique else []), *q.tags]
    return [
        "    " + html_field("hint", [common.hint(q, names)]),
        "    <tags>" + "".join(f"<tag><text>{plain(t)}</text></tag>" for t in dict.fromkeys(tags)) + "</tags>",
        "  </question>",
    ]


def _answer(fraction: str, text_markup: str, feedback: str | None = None) -> str:
    fb = f'<feedback format="html"><text>{cdata(paragraphs([feedback]))}</text></feedback>' if feedback else ""
    return f'    <answer fraction="{fraction}" format="html"><text>{text_markup}</text>{fb}</answer>'


def _question(q: Question, number: int, names: dict[str, str]) -> tuple[list[str] | None, list[Note]]:
    if q.form in ("single", "multi"):
        if q.form == "single":
            fractions = {o: "100" if o == q.answer[0] else "0" for o in q.options}
        else:
            share = common.moodle_share(len(q.answer))
            if share is None:
                reason = f"a key of {len(q.answer)} answers cannot be weighted with the grades Moodle accepts"
                return None, [Note(q.id, q.kind, "skipped", reason)]
            wrong = common.moodle_penalty(len(q.options) - len(q.answer))
            fractions = {o: share if o in q.answer else wrong for o in q.options}
        lines = _head(q, number, "multichoice", names)
        lines += [
            f"    <single>{'true' if q.form == 'single' else 'false'}</single>",
            "    <shuffleanswers>true</shuffleanswers>",
            "    <answernumbering>abc</answernumbering>",
            *_feedbacks(),
            "    <shownumcorrect/>",
        ]
        lines += [_answer(fractions[o], cdata(inline(o)), common.option_feedback(q, o)) for o in q.options]
        return lines + _tail(q, names), []
    if q.form == "text":
        lines = [*_head(q, number, "shortanswer", names), "    <usecase>0</usecase>"]
        lines += [
            f'    <answer fraction="100" format="moodle_auto_format"><text>{plain(a)}</text></answer>' for a in q.answer
        ]
        return lines + _tail(q, names), []
    if q.form == "match":
        if len(q.items) < 2 or len(set(q.options)) < 3:
            return None, [Note(q.id, q.kind, "skipped", "Moodle matching needs two items and three options")]
        lines = [*_head(q, number, "matching", names), "    <shuffleanswers>true</shuffleanswers>", *_feedbacks()]
        lines += [
            f'    <subquestion format="html"><text>{cdata(inline(i))}</text>'
            f"<answer><text>{plain(a)}</text></answer></subquestion>"
            for i, a in zip(q.items, q.answer, strict=True)
        ]
        # Options that match no item are distractors: a subquestion with empty text.
        lines += [
            f'    <subquestion format="html"><text></text><answer><text>{plain(o)}</text></answer></subquestion>'
            for o in q.options
            if o not in q.answer
        ]
        return lines + _tail(q, names), []
    if q.form == "rewrite":
        note = Note(q.id, q.kind, "converted", "self-checked rewrite exported as an essay, graded by hand")
        lines = _head(q, number, "essay", names, [f"A model answer: {q.answer[0]}"])
        lines += [
            "    <responseformat>editor</responseformat>",
            "    <responserequired>1</responserequired>",
            "    <responsefieldlines>8</responsefieldlines>",
            "    <attachments>0</attachments>",
            "    <attachmentsrequired>0</attachmentsrequired>",
            "    " + html_field("graderinfo", [f"A model answer: {q.answer[0]}", q.explanation]),
            '    <responsetemplate format="html"><text></text></responsetemplate>',
        ]
        return lines + _tail(q, names), [note]
    return None, [Note(q.id, q.kind, "skipped", f"form {q.form!r} has no Moodle equivalent")]


def render(bank: Bank, stem: str, fmt: str = "moodle-xml") -> Rendered:
    names = common.titles(bank)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- quizlib question bank {bank.id}, seed {bank.seed}, quizlib {bank.quizlib_version} -->",
        "<quiz>",
    ]
    notes: list[Note] = []
    exported = 0
    current: tuple[str, ...] | None = None
    for number, q in sorted(enumerate(bank.questions, 1), key=lambda nq: common.category(nq[1])):
        lines, why = _question(q, number, names)
        notes += why
        if lines is None:
            continue
        if common.category(q) != current:
            current = common.category(q)
            path = plain("$course$/top/" + "/".join(current))
            out.append(f'  <question type="category"><category><text>{path}</text></category></question>')
        out += lines
        exported += 1
    out.append("</quiz>\n")
    return Rendered({f"{stem}.xml": "\n".join(out).encode("utf-8")}, tuple(notes), exported)
