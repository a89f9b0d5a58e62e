"""Picking a lesson's quiz from a generated bank.

A lesson asks for so many questions of each (kind, technique); the pick is seeded, so a class sees
one set, and it never takes a question that gives another away: two on one sentence, two on one
paragraph (feedback shows the whole paragraph), or one whose prompt shows another's key.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .articles import Corpus
from .bank import Bank
from .questions import Question

Plan = Mapping[tuple[str, str | None], int]  # (kind, technique or None for any) -> how many


def sentences_of(q: Question, corpus: Corpus) -> set[tuple[str, int]]:
    """(article id, sentence start) of every sentence the question's evidence lies in."""
    return {(aid, s.start) for aid, s in _sentences(q, corpus)}


def paragraphs_of(q: Question, corpus: Corpus) -> set[tuple[str, int]]:
    """(article id, paragraph index) of every paragraph the question's evidence lies in."""
    return {(aid, s.paragraph) for aid, s in _sentences(q, corpus)}


def option_sentences(q: Question, corpus: Corpus) -> set[tuple[str, int]]:
    """(article id, sentence start) of the sentences a question's options quote ("which sentence"
    items): shown before Check."""
    shown = set()
    for option in q.options:
        if len(option.split()) > 4:
            for a in corpus:
                at = a.text.find(option)
                s = a.sentence_at(at) if at >= 0 else None
                if s is not None:
                    shown.add((a.id, s.start))
    return shown


def sentences(questions: Iterable[Question], corpus: Corpus) -> set[tuple[str, int]]:
    """Every sentence some of the questions ask about: what a lesson's tables leave out."""
    return set().union(*(sentences_of(q, corpus) for q in questions))


def _sentences(q: Question, corpus: Corpus):
    for e in q.evidence:
        s = corpus[e.article_id].sentence_at(e.start)
        if s is not None:
            yield e.article_id, s


def reveals(a: Question, b: Question) -> bool:
    """Whether a's prompt shows b's key (names, places, figures; bias keys are common words)."""
    return b.kind in ("fact", "cloze", "number", "who_said", "when") and any(
        re.search(rf"(?<!\w){re.escape(k)}(?!\w)", a.prompt, re.IGNORECASE) for k in b.answer
    )


def pick(
    bank: Bank | Iterable[Question],
    corpus: Corpus,
    plan: Plan,
    seed: int,
    size: int,
    avoid: Iterable[Question] = (),
) -> list[Question]:
    """Up to n questions per (kind, technique) of the plan, topped up from the plan's other kinds to
    `size` when one runs short; in the plan's order. Nothing on a sentence or paragraph that the
    questions to `avoid` (other lessons' quizzes) show, nor one that shows their keys."""
    bank = bank if isinstance(bank, Bank) else Bank(tuple(bank))
    rng = random.Random(seed)
    pools = {}
    for kind, technique in plan:
        pools[kind, technique] = list(bank.filter(kind=kind, technique=technique))
        rng.shuffle(pools[kind, technique])
    chosen: list[Question] = []
    others = list(avoid)
    asked = sentences(others, corpus)  # sentences a question asks about
    offered = set().union(*(option_sentences(q, corpus) for q in others))  # quoted as options
    used_paragraphs: set[tuple[str, int]] = set().union(*(paragraphs_of(q, corpus) for q in others))

    def take(key) -> bool:
        for q in pools[key]:
            mine = sentences_of(q, corpus)
            if (
                q in chosen
                or q in others
                or mine & (asked | offered)
                or option_sentences(q, corpus) & asked
                or paragraphs_of(q, corpus) & used_paragraphs
                or any(reveals(q, c) or reveals(c, q) for c in (*others, *chosen))
            ):
                continue
            chosen.append(q)
            asked.update(mine)
            offered.update(option_sentences(q, corpus))
            used_paragraphs.update(paragraphs_of(q, corpus))
            return True
        return False

    for key, n in plan.items():  # a plan may ask for more than `size` when some kinds can be missing
        for _ in range(n):
            if len(chosen) < size:
                take(key)
    while len(chosen) < size and any([take(key) for key in plan if len(chosen) < size]):
        pass
    order = list(plan)
    return sorted(
        chosen, key=lambda q: next(i for i, (k, t) in enumerate(order) if q.kind == k and t in (None, q.technique))
    )


KIND_NAMES = {
    "fact": "fact",
    "cloze": "fill in the blank",
    "true_false": "true or false",
    "number": "number",
    "when": "when",
    "role_match": "match the roles",
    "who_said": "who said it",
    "which_article": "which article",
    "section": "which heading",
    "mark_words": "mark the words",
    "which_word": "which word",
    "fact_opinion": "fact or opinion",
    "source": "who is the source",
    "neutral_rewrite": "say it neutrally",
    "compare_coverage": "compare the articles",
}
TECHNIQUE_NAMES = {
    "loaded_language": "loaded words",
    "hedge": "hedges",
    "vague_source": "unnamed sources",
    "opinion": "opinion",
    "motive_guessing": "guessing at motives",
    "engagement_bait": "calls to action",
    "headline_framing": "headlines",
    "consistency": "consistency",
}


def _name(q: Question) -> str:
    kind = KIND_NAMES.get(q.kind, q.kind.replace("_", " "))
    if q.kind == "which_word" and q.options and min(len(o.split()) for o in q.options) > 3:
        kind = "which sentence"  # the options are whole sentences, not words of one sentence
    technique = TECHNIQUE_NAMES.get(q.technique or "", (q.technique or "").replace("_", " "))
    # Beside "who is the source" or "fact or opinion" a technique would name the answer.
    named = technique and q.skill == "bias" and q.kind not in ("source", "fact_opinion")
    return f"{kind} ({technique})" if named else kind


def describe(questions: Iterable[Question]) -> str:
    """One line for learners: how many questions of each kind, in words they know ("fill in the blank",
    not the generator's kind names)."""
    questions = list(questions)
    if not questions:
        return "no questions: the articles give none of the kinds of question it asks"
    counts = Counter(map(_name, questions))  # in first-seen order
    parts = ", ".join(f"{n} {name}" for name, n in counts.items())
    return f"{len(questions)} question{'s' if len(questions) != 1 else ''}: {parts}"
