"""Text every format shares: names, categories, feedback and hints built from a question's own
explanation and evidence, and the grade weights Moodle accepts."""

from __future__ import annotations

import re

from ..bank import Bank
from ..questions import Question

# Moodle accepts only these grade percentages on import (question_bank::fraction_options_full);
# 1/k for k = 1..10 and 20 are among them.
_MOODLE_SHARE = {
    1: "100",
    2: "50",
    3: "33.33333",
    4: "25",
    5: "20",
    6: "16.66667",
    7: "14.28571",
    8: "12.5",
    9: "11.11111",
    10: "10",
    20: "5",
}

FORM_LABEL = {
    "single": "choose one",
    "multi": "choose every answer that applies",
    "text": "type a short answer",
    "match": "match each item",
    "rewrite": "rewrite (self-checked)",
}


def titles(bank: Bank) -> dict[str, str]:
    return {a.id: a.title or a.id for a in bank.articles}


# Kinds whose key is an article: naming "the" article beside the prompt would give the key away.
ARTICLE_KEYED_KINDS = frozenset({"which_article", "compare_coverage"})


def article_line(q: Question, names: dict[str, str]) -> str:
    """Which article the question is about, or "" when saying so would give the key away."""
    titles = [names.get(a, a) for a in q.article_ids]
    # Words to mark are words of the sentence ("a", "may"), not names a title could give away.
    named = () if q.form == "multi" else (*q.options, *q.answer)
    if q.kind in ARTICLE_KEYED_KINDS or any(t in o or _stands_in(o, t) for t in titles for o in named):
        return ""
    return "Article: " + "; ".join(f"“{t}”" for t in titles)


def _stands_in(option: str, title: str) -> bool:
    """An option standing in a title as words of its own: "five" does not stand in "five-year study" (held-out
    set 27: that hid a number item's article line, the only one of its worksheet without one)."""
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", title) is not None


def blocks(parts: list[str]) -> list[str]:
    """Paragraphs of the given texts: a prompt's blank line ("…?\n\n“quoted sentence”") starts a new
    one, so an LMS does not run the question and its sentence together (instructor walkthrough)."""
    return [b.strip() for p in parts if p for b in p.split("\n\n") if b.strip()]


def name(q: Question, number: int) -> str:
    """The question's name in an LMS bank: numbered, with the kind and the stable id."""
    return f"{number:03d} {q.kind} {q.id}"


def category(q: Question) -> tuple[str, ...]:
    """Category path below the course's top category: skill, then technique (bias) or kind."""
    return ("quizlib", q.skill, q.technique or q.kind)


def evidence_lines(q: Question, names: dict[str, str]) -> list[str]:
    return [f"Evidence ({names.get(e.article_id, e.article_id)}): “{' '.join(e.text.split())}”" for e in q.evidence]


def general_feedback(q: Question, names: dict[str, str]) -> list[str]:
    """Shown after answering, whatever the answer: why the key is right and where the text says so."""
    return [q.explanation, *evidence_lines(q, names)]


def model_answer(q: Question) -> str:
    if q.form == "rewrite":
        return q.answer[0]
    return q.key_text


def option_feedback(q: Question, option: str) -> str:
    """Per-answer feedback: says whether the chosen option is part of the key, never more."""
    right = option in q.answer
    if q.form == "multi":
        return "Yes: this is one of them." if right else "No: this one is not among them."
    return option_feedback_one(right)


def option_feedback_one(right: bool) -> str:
    return "Correct." if right else "Not this one."


CORRECT = "Correct."
PARTLY = "Partly right: compare your answer with the explanation."
INCORRECT = "Not quite: read the explanation and the passage it quotes."


def hint(q: Question, names: dict[str, str]) -> str:
    """A hint that points back to the text without giving the key away."""
    if not article_line(q, names):  # naming the article would give the key away
        return "Go back to the articles: the answer rests on what the texts say, not on what you expect."
    where = " and ".join(f"“{names.get(a, a)}”" for a in q.article_ids)
    return f"Go back to {where}: the answer rests on what the text says, not on what you expect."


def moodle_share(count: int) -> str | None:
    """The Moodle grade percentage for one of `count` equal shares, or None when Moodle has none."""
    return _MOODLE_SHARE.get(count)


def moodle_penalty(count: int) -> str:
    """A negative weight for each of `count` wrong options (Moodle clamps a total below 0 to 0)."""
    for k in sorted(_MOODLE_SHARE):
        if k >= count:
            return "-" + _MOODLE_SHARE[k]
    return "-5"
