"""Scoring a learner's response, one rule per question form, shared by widgets, exports and stats.

Scores are floats in [0, 1]; partial credit where the form allows it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from .questions import Question

Response = str | Sequence[str] | None

_PUNCT = re.compile(r"[^\w\s%]")
_ARTICLE = re.compile(r"^(the|a|an)\s+")


_TABLE_END = "\U00020000"  # no combining mark lies above the first two planes; checked in the tests


_BMP_END = "\U00010000"


@functools.cache
def _combining_marks(end: str) -> re.Pattern[str]:
    """A class of every combining mark below `end` (_BMP_END or _TABLE_END), to delete them in one C
    pass per text. Below _BMP_END the engine tests a class with a bitmap, far faster than
    str.translate's dict lookup per character; above it, a list of ranges."""
    marks = [i for i in range(0x300, ord(end)) if unicodedata.combining(chr(i))]
    ranges: list[list[int]] = []
    for i in marks:
        if ranges and ranges[-1][1] == i - 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


@functools.lru_cache(maxsize=1 << 18)
def normalize_answer(text: str) -> str:
    """Case-, space-, accent- and punctuation-insensitive form of a typed answer:
    'U.K.' and 'uk' compare equal, as do 'the Senate' and 'Senate'.

    Cached: generators compare the same options and sentences again and again."""
    if not text.isascii():  # ASCII has no decompositions and no combining marks
        text = unicodedata.normalize("NFKD", text)
        top = max(text)
        if top < _TABLE_END:
            text = _combining_marks(_BMP_END if top < _BMP_END else _TABLE_END).sub("", text)
        else:
            text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'")
    text = _PUNCT.sub("", text.replace("-", " "))
    text = " ".join(text.split())  # runs of whitespace as one space, stripped (str.isspace is re's \s)
    return _ARTICLE.sub("", text)


def _as_list(response: Response) -> list[str]:
    if response is None:
        return []
    if isinstance(response, str):
        return [response]
    return list(response)


def jaccard(chosen: Iterable[str], key: Iterable[str]) -> float:
    chosen, key = set(chosen), set(key)
    if not chosen and not key:
        return 1.0
    return len(chosen & key) / len(chosen | key)


def words_left(text: str, words: Iterable[str]) -> list[str]:
    """Which of `words` still appear (as whole words, any case) in `text`."""
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]


REWRITE_KEEPS = 1 / 3  # share of the sentence's (or model answer's) content words a rewrite must keep
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def kept_content(text: str, model: str, replaced: Iterable[str] = ()) -> float | None:
    """Share of `model`'s content words (four letters or more, not the replaced words) that
    `text` keeps; None when `model` has no such words (evidence that is only the loaded word)."""
    gone = {w.casefold() for r in replaced for w in _CONTENT.findall(r)}
    wanted = {w.casefold() for w in _CONTENT.findall(model)} - gone
    if not wanted:
        return None
    have = {w.casefold() for w in _CONTENT.findall(text)}
    return len(wanted & have) / len(wanted)


def new_loaded_words(text: str, model: str) -> list[str]:
    """Loaded words a rewrite brings in that the model rewrite does not use: swapping one slant for
    another is not a neutral rewrite."""
    from .cues import find_cues

    model_words = {w.casefold() for w in _CONTENT.findall(model)}
    return [c.text for c in find_cues(text) if c.category == "loaded_language" and c.text.casefold() not in model_words]


def score(question: Question, response: Response) -> float:
    """The learner's score for one response to one question."""
    form = question.form
    if form == "single":
        chosen = _as_list(response)
        return 1.0 if len(chosen) == 1 and chosen[0] == question.answer[0] else 0.0
    if form == "multi":
        return jaccard(_as_list(response), question.answer)
    if form == "text":
        given = normalize_answer(" ".join(_as_list(response)))
        return 1.0 if given and given in {normalize_answer(a) for a in question.answer} else 0.0
    if form == "match":
        chosen = _as_list(response)
        if len(chosen) != len(question.answer):
            chosen = (chosen + [""] * len(question.answer))[: len(question.answer)]
        hits = sum(c == a for c, a in zip(chosen, question.answer, strict=True))
        return hits / len(question.answer)
    if form == "rewrite":
        # Self-checked: the learner compares with the model answer. We check that the words the
        # question asked to replace are gone AND that the rewrite still says what the sentence
        # said (a third of its other content words at least): deleting everything is not a
        # neutral rewrite.
        text = " ".join(_as_list(response)).strip()
        shares = [
            kept_content(text, src, question.items)
            for src in (question.answer[0], *(e.text for e in question.evidence))
        ]
        if not text or max((k for k in shares if k is not None), default=1.0) < REWRITE_KEEPS:
            return 0.0
        targets = question.items
        if not targets:
            return 1.0
        left = words_left(text, targets)
        brought_in = [
            w for w in new_loaded_words(text, question.answer[0]) if w.casefold() not in map(str.casefold, targets)
        ]
        still = len(left) + len(brought_in)
        return max(0.0, 1.0 - still / len(targets))
    raise ValueError(f"cannot score form {form!r}")
