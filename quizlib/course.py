"""The course: its lessons, and the quiz each one takes from the class bank.

The quizzes are picked together, so that no lesson shows another lesson's answer: no two quizzes ask
about one paragraph (the feedback shows it whole), and no quiz asks about a sentence another quiz
offers as an option. The most constrained quizzes are picked first: lesson 04 has the only
consistency item, 00 asks only which-article items, 02 and 03 need sentences with particular cues;
01 comes last, with the most kinds to fall back on (measured on the seeds with five seeds: every
other order left 03 or 01 short of its size).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lessons
from .articles import Corpus
from .bank import Bank
from .questions import Question


@dataclass(frozen=True)
class Lesson:
    """A learner notebook's quiz: how many questions of each (kind, technique or None) it asks."""

    notebook: str
    plan: lessons.Plan
    size: int


LESSONS: dict[str, Lesson] = {
    "00": Lesson("00_start_here", {("which_article", None): 3}, 3),
    "01": Lesson(
        "01_the_story",
        {
            # scarce kinds first: a plentiful kind picked earlier can take the paragraph one of them needs
            ("who_said", None): 1,
            ("role_match", None): 1,
            ("fact", None): 1,
            ("true_false", None): 2,
            ("cloze", None): 2,
            ("number", None): 1,
            ("when", None): 1,
            ("which_article", None): 1,
            ("section", None): 1,
        },
        10,
    ),
    "02": Lesson(
        "02_bias_words",
        {
            ("which_word", "loaded_language"): 2,
            ("which_word", "hedge"): 2,
            ("mark_words", "loaded_language"): 2,
            ("mark_words", "hedge"): 2,
            ("neutral_rewrite", "loaded_language"): 1,
        },
        9,
    ),
    "03": Lesson(
        "03_bias_sources",
        {
            ("source", "vague_source"): 3,
            ("which_word", "vague_source"): 1,
            ("which_word", "motive_guessing"): 2,
            ("fact_opinion", "opinion"): 3,
        },
        9,
    ),
    # No which-article items (00 and 01 ask those) and no count its charts show.
    "04": Lesson(
        "04_comparing_coverage", {("compare_coverage", "consistency"): 1, ("which_word", "engagement_bait"): 2}, 3
    ),
}
PICK_ORDER = ("04", "00", "02", "03", "01")


def quizzes(bank: Bank, corpus: Corpus, seed: int) -> dict[str, list[Question]]:
    """Every lesson's quiz, in lesson order; the same bank and seed give the same quizzes."""
    picked: dict[str, list[Question]] = {}
    for name in PICK_ORDER:
        lesson = LESSONS[name]
        taken = [q for qs in picked.values() for q in qs]
        picked[name] = lessons.pick(bank, corpus, lesson.plan, seed, lesson.size, avoid=taken)
    return {name: picked[name] for name in LESSONS}


def quiz(bank: Bank, corpus: Corpus, lesson: str, seed: int) -> list[Question]:
    """One lesson's quiz (picked together with the others)."""
    return quizzes(bank, corpus, seed)[lesson]


def held_back(bank: Bank, corpus: Corpus, seed: int) -> set[tuple[str, int]]:
    """(article id, sentence start) of every sentence some quiz of the course asks about: what the
    lessons' tables and viewers leave out."""
    return lessons.sentences([q for qs in quizzes(bank, corpus, seed).values() for q in qs], corpus)
