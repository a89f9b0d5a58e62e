"""A printable worksheet in Markdown or HTML, with the answer key in a separate file so it can
be handed out after the lesson.

Every text from the bank is escaped for the target: Markdown's markup characters get a
backslash (CommonMark allows one before any ASCII punctuation), HTML gets html.escape.
"""

from __future__ import annotations

import html
import re
import string

from ..bank import Bank
from ..questions import Question
from . import Rendered, common

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#{}])")
LETTERS = string.ascii_lowercase

INSTRUCTION = {
    "single": "Circle one answer.",
    "multi": "Tick every answer that applies.",
    "text": "Write a short answer.",
    "match": "Write the letter of the matching option next to each item.",
    "rewrite": "Rewrite it in your own words, then compare with the answer key.",
}


def md(text: str) -> str:
    """Markdown-escaped text on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def letter(n: int) -> str:
    return LETTERS[n] if n < len(LETTERS) else f"{LETTERS[n // 26 - 1]}{LETTERS[n % 26]}"


def _key_parts(q: Question) -> str:
    """The key as the worksheet shows it: letters where the worksheet gave letters."""
    if q.form == "single":
        return f"({letter(q.options.index(q.answer[0]))}) {q.answer[0]}"
    if q.form == "multi":
        return ", ".join(f"({letter(q.options.index(a))}) {a}" for a in q.answer)
    if q.form == "match":
        pairs = enumerate(zip(q.items, q.answer, strict=True), 1)
        return "; ".join(f"{n}. {i} → ({letter(q.options.index(a))}) {a}" for n, (i, a) in pairs)
    if q.form == "text":
        more = f" (also accepted: {', '.join(q.answer[1:])})" if len(q.answer) > 1 else ""
        return q.answer[0] + more
    return f"A model answer: {q.answer[0]}"


# -- Markdown ---------------------------------------------------------------------------------
def _md_question(number: int, q: Question, names: dict[str, str]) -> list[str]:
    line = common.article_line(q, names)
    meta = f"*{md(line)}* — {INSTRUCTION[q.form]}" if line else INSTRUCTION[q.form]
    lines = [f"### {number}. {md(q.prompt)}", "", meta, ""]
    if q.form in ("single", "multi"):
        box = "( )" if q.form == "single" else "[ ]"
        lines += [f"- {md(box)} ({letter(n)}) {md(o)}" for n, o in enumerate(q.options)]
    elif q.form == "match":
        lines += [f"{n}. {md(i)} → \\_\\_\\_\\_" for n, i in enumerate(q.items, 1)]
        lines += ["", "Options: " + "; ".join(f"({letter(n)}) {md(o)}" for n, o in enumerate(q.options))]
    elif q.form == "text":
        lines += ["Answer: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"]
    else:
        lines += ["\\_" * 60, "", "\\_" * 60]
    return [*lines, ""]


def _md_key(number: int, q: Question, names: dict[str, str]) -> list[str]:
    return [
        f"### {number}. {md(_key_parts(q))}",
        "",
        md(q.explanation),
        "",
        *(f"> {md(line)}" for line in common.evidence_lines(q, names)),
        "",
    ]


def _markdown(bank: Bank, stem: str) -> dict[str, bytes]:
    names = common.titles(bank)
    head = f"Bank {bank.id} · {len(bank)} questions"
    sheet = [f"# Worksheet: {md(stem)}", "", head, "", "Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_", ""]
    key = [f"# Answer key: {md(stem)}", "", head, ""]
    for number, q in enumerate(bank.questions, 1):
        sheet += _md_question(number, q, names)
        key += _md_key(number, q, names)
    return {
        f"{stem}.md": "\n".join(sheet).encode("utf-8"),
        f"{stem}-answers.md": "\n".join(key).encode("utf-8"),
    }


# -- HTML -------------------------------------------------------------------------------------
_STYLE = """
body { font-family: Georgia, serif; max-width: 42em; margin: 2em auto; line-height: 1.45; }
section { break-inside: avoid; margin-bottom: 1.5em; }
.meta { color: #555; font-style: italic; }
ol.options { list-style: none; padding-left: 1em; }
.blank { display: inline-block; border-bottom: 1px solid #000; min-width: 12em; height: 1.2em; }
.lines { border-bottom: 1px solid #000; height: 2em; }
blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 1em; }
"""


def e(text: str) -> str:
    return html.escape(text, quote=True)


def _page(title: str, body: list[str]) -> bytes:
    doc = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        f'<head><meta charset="utf-8"><title>{e(title)}</title><style>{_STYLE}</style></head>',
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(doc).encode("utf-8")


def _html_question(number: int, q: Question, names: dict[str, str]) -> list[str]:
    out = [
        f'<section class="question" id="q{number}">',
        f"<h3>{number}. {e(q.prompt)}</h3>",
        f'<p class="meta">{e(" — ".join(filter(None, [common.article_line(q, names), INSTRUCTION[q.form]])))}</p>',
    ]
    if q.form in ("single", "multi"):
        box = "◯" if q.form == "single" else "☐"
        out.append('<ol class="options">')
        out += [f"<li>{box} ({letter(n)}) {e(o)}</li>" for n, o in enumerate(q.options)]
        out.append("</ol>")
    elif q.form == "match":
        out.append("<ol>")
        out += [f'<li>{e(i)} → <span class="blank"></span></li>' for i in q.items]
        out.append('</ol><ol class="options">')
        out += [f"<li>({letter(n)}) {e(o)}</li>" for n, o in enumerate(q.options)]
        out.append("</ol>")
    elif q.form == "text":
        out.append('<p>Answer: <span class="blank"></span></p>')
    else:
        out += ['<div class="lines"></div>'] * 3
    return [*out, "</section>"]


def _html_key(number: int, q: Question, names: dict[str, str]) -> list[str]:
    return [
        f'<section class="answer" id="a{number}">',
        f"<h3>{number}. {e(_key_parts(q))}</h3>",
        f"<p>{e(q.explanation)}</p>",
        *(f"<blockquote>{e(line)}</blockquote>" for line in common.evidence_lines(q, names)),
        "</section>",
    ]


def _html(bank: Bank, stem: str) -> dict[str, bytes]:
    names = common.titles(bank)
    head = f'<p class="meta">Bank {e(bank.id)} · {len(bank)} questions</p>'
    sheet = [f"<h1>Worksheet: {e(stem)}</h1>", head, '<p>Name: <span class="blank"></span></p>']
    key = [f"<h1>Answer key: {e(stem)}</h1>", head]
    for number, q in enumerate(bank.questions, 1):
        sheet += _html_question(number, q, names)
        key += _html_key(number, q, names)
    return {
        f"{stem}.html": _page(f"Worksheet: {stem}", sheet),
        f"{stem}-answers.html": _page(f"Answer key: {stem}", key),
    }


def render(bank: Bank, stem: str, fmt: str = "markdown") -> Rendered:
    files = _markdown(bank, stem) if fmt == "markdown" else _html(bank, stem)
    return Rendered(files, (), len(bank.questions))
