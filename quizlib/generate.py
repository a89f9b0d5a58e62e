"""The generation pipeline: run every generator, check, rank, select, and build a Bank.

Over-generate, then keep the best: generators propose candidates; quality checks drop the
unsound ones (with a reason counted in the bank's report); the rest are ranked and a seeded
selection keeps a balanced set.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter

from . import quality
from .articles import Corpus
from .bank import ArticleRef, Bank
from .generators import Generator, all_generators
from .questions import Question


def rng_for(seed: int, name: str) -> random.Random:
    """An independent, reproducible random stream per (seed, generator)."""
    digest = hashlib.sha256(f"{seed}\x1f{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# Enough items per article and kind for a lesson and a retake, few enough that the most guessable
# candidates (ranked lowest) are left out.
PER_ARTICLE_KIND = 4


# Comprehension kinds that are scarce go first: one passage serves one question, because a second
# question on the same sentence would show the first one's answer (a cloze gap, a swapped name).
_FIRST = ("role_match", "who_said", "number", "which_article", "true_false", "fact", "cloze")


def _priority(gen: Generator) -> tuple[int, str]:
    kind = gen.name.rsplit(".", 1)[-1]
    return (_FIRST.index(kind) if gen.skill == "comprehension" and kind in _FIRST else -1, gen.name)


def _passages(q: Question) -> tuple:
    """What a question puts in front of the learner: its first evidence passage (later ones only say
    who a name belongs to), or every name-and-role of a matching question."""
    return q.evidence if q.form == "match" else q.evidence[:1]


def _overlaps(q: Question, shown: dict[str, list[tuple[int, int]]]) -> bool:
    return any(a < e.end and e.start < b for e in _passages(q) for a, b in shown.get(e.article_id, ()))


def generate(
    corpus: Corpus,
    seed: int = 0,
    generators: list[Generator] | None = None,
    per_article_kind: int | None = PER_ARTICLE_KIND,
) -> Bank:
    """A question bank for the corpus. Same corpus, seed and quizlib version: same bytes.

    `per_article_kind=None` keeps every sound candidate."""
    report: dict[str, dict] = {}
    chosen: list[Question] = []
    seen_ids: set[str] = set()
    shown: dict[str, list[tuple[int, int]]] = {}  # passages comprehension questions already show
    for gen in sorted(generators or all_generators(), key=_priority):
        candidates = gen(corpus, rng_for(seed, gen.name))
        dropped: Counter[str] = Counter()
        sound: list[Question] = []
        for q in candidates:
            reason = quality.problem(q, corpus)
            if reason is None and q.id in seen_ids:
                reason = "duplicate"
            if reason is None and q.skill == "comprehension" and _overlaps(q, shown):
                reason = "passage already used by another question"
            if reason:
                dropped[reason] += 1
                continue
            seen_ids.add(q.id)
            sound.append(q)
        kept = quality.select(sound, rng_for(seed, gen.name + "/select"), per_article_kind)
        for q in kept:
            if q.skill == "comprehension":
                for e in _passages(q):
                    shown.setdefault(e.article_id, []).append((e.start, e.end))
        dropped["not selected (ranked lower)"] += len(sound) - len(kept)
        report[gen.name] = {
            "made": len(candidates),
            "kept": len(kept),
            "dropped": {k: v for k, v in sorted(dropped.items()) if v},
        }
        chosen.extend(kept)
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    chosen.sort(key=lambda q: (q.skill, order.get(q.article_ids[0], 0), q.evidence[0].start, q.kind, q.id))
    articles = tuple(ArticleRef(a.id, a.title, a.sha256) for a in corpus.articles)
    return Bank(tuple(chosen), articles, seed, report)
