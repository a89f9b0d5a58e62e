"""Quality rules every generated question must pass, and the ranking that picks the best.

A wrong key teaches the wrong lesson, so each rule names a way an item can be unsound and
`problem` returns the first that applies (the pipeline counts these as drop reasons).
"""

from __future__ import annotations

import random
from collections import defaultdict

from .articles import Corpus
from .questions import Question
from .scoring import normalize_answer

GIVEAWAY_OPTIONS = {"all of the above", "none of the above", "both", "neither"}


def problem(q: Question, corpus: Corpus) -> str | None:
    """Why a candidate is unsound, or None when it passes every rule."""
    for check in CHECKS:
        reason = check(q, corpus)
        if reason:
            return reason
    return None


def _evidence_matches_text(q: Question, corpus: Corpus) -> str | None:
    for e in q.evidence:
        try:
            article = corpus[e.article_id]
        except KeyError:
            return "evidence names an unknown article"
        if article.text[e.start : e.end] != e.text:
            return "evidence span does not match the article text"
        if any(c.start < e.end and e.start < c.end for c in article.chrome):
            return "evidence is site chrome"
    return None


def _options_sound(q: Question, corpus: Corpus) -> str | None:
    if q.form not in ("single", "multi", "match"):
        return None
    norm = [normalize_answer(o) for o in q.options]
    if len(set(norm)) != len(norm):
        return "two options are the same or aliases"
    if any(n in GIVEAWAY_OPTIONS for n in norm):
        return "all/none-of-the-above option"
    if q.form == "single" and (len(q.options) < 2 or q.options.count(q.answer[0]) != 1):
        return "key not exactly once among options"
    return None


def _prompt_hides_key(q: Question, corpus: Corpus) -> str | None:
    if q.form not in ("single", "text"):
        return None
    key = normalize_answer(q.answer[0])
    if q.kind in ("true_false", "fact_opinion", "which_article", "source", "which_word"):
        return None  # keys are labels ("True", an article title, ...), not words of the prompt
    if key and len(key) > 2 and f" {key} " in f" {normalize_answer(q.prompt)} ":
        return "prompt gives the key away"
    return None


CHECKS = (_evidence_matches_text, _options_sound, _prompt_hides_key)


def select(questions: list[Question], rng: random.Random, per_article_kind: int | None = None) -> list[Question]:
    """Keep the best-ranked candidates, at most `per_article_kind` per (article, kind), with a
    seeded shuffle among equals so other seeds give other selections."""
    if per_article_kind is None:
        return list(questions)
    groups: dict[tuple[str, str], list[Question]] = defaultdict(list)
    for q in questions:
        groups[(q.article_ids[0], q.kind)].append(q)
    kept: list[Question] = []
    for key in sorted(groups):
        group = groups[key]
        rng.shuffle(group)
        group.sort(key=lambda q: -rank(q))
        kept.extend(group[:per_article_kind])
    return kept


def rank(q: Question) -> float:
    """Higher is better: items near the middle of the difficulty range teach most."""
    return 1.0 - abs(q.difficulty - 0.5)
