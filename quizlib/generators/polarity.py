"""False statements made by turning one word of a sentence into its opposite ("sales fell by 12%"
-> "sales rose by 12%"), for true/false items on sentences that name nothing to swap.

The false version must be false by the text, not merely unsaid: no negation in the word's clause
("did not rise" -> "did not fall" could be true as well), the word is no part of a name or a quote,
no other sentence of the article says the opposite about the same thing, and the sentence has no
second word of the list (turning one of two would make it contradict itself).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from .. import entities as ent
from .comprehension import Usable, _content_words, _indefinite, _stem


@lru_cache(maxsize=1)
def opposites() -> dict[str, str]:
    """word -> its opposite (data/opposites.txt)."""
    out = {}
    for line in ent._data_lines("opposites.txt"):
        word, _, other = line.partition("|")
        out[word.strip()] = other.strip()
    return out


_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|cannot|hardly|barely|unless|instead|rather than|fail(?:s|ed)?|"
    r"lack(?:s|ed)?)\b|n[’']t\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:—–()]|\s-\s")
# "in the fall", "this fall": the season, not a drop; "the West", "the North" as a bloc are capitalised
# and never matched (only lower-case words are swapped).
_SEASON = re.compile(r"\b(?:the|this|last|next|in)\s+$", re.IGNORECASE)
# "rise" and "fall" are swapped only as a change of amount: before "by", "to", "from", "in", an adverb
# of degree, or the end of the clause; never in "fell ill", "fallen behind", "rose to power".
_CHANGE = frozenset("rise rose risen rising rises fall fell fallen falling falls".split())  # noqa: SIM905
_CHANGE_NEXT = re.compile(
    r"^(?:\s+(?:by|from|in|sharply|slightly|steadily|again|further|quickly|slowly|fast|significantly)\b|"
    r"\s+to\s+(?:[$€£]?\d|about|around|nearly|almost|more|less|its|their|a|the)\b|\s*[,.;]|$)"
)
# Words comparing amounts: beside two figures, the figures show which one is true ("rose from 1,204 in February to
# 1,977 in March" turned into "fell from …" is false on its face: held-out set 62).
_AMOUNT = _CHANGE | frozenset(
    "increase decrease increased decreased increases decreases increasing decreasing higher lower highest lowest "  # noqa: SIM905
    "largest smallest biggest lows highs widened narrowed".split()
)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# "the lower town", "the upper deck": after "the", a place's or a part's name, not a comparison
_NAMING = frozenset(["lower", "higher"])
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<![\w])'[^']*'(?![\w])")


def _clause(text: str, start: int, end: int) -> str:
    """The stretch between the punctuation marks around a word."""
    a = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    b = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return text[a:b]


def _said_otherwise(u: Usable, opposite: str) -> bool:
    """Another sentence of the article has the opposite word and shares two content words with
    this one: it may say the swapped statement is true of the same thing."""
    mine = {_stem(w) for w in _content_words(u.text)}
    for s in u.article.sentences:
        if s.start == u.sentence.start or not re.search(rf"\b{re.escape(opposite)}\b", s.text, re.IGNORECASE):
            continue
        if len(mine & {_stem(w) for w in _content_words(s.text)}) >= 2:
            return True
    return False


DIRECTIONS = frozenset("east west north south eastern western northern southern".split())  # noqa: SIM905


def opposite_statement(u: Usable, rng: random.Random, directions: bool = True) -> tuple[str, str, str] | None:
    """The sentence with one word turned into its opposite: (statement, word, opposite), or None.
    `directions=False` leaves compass words alone (the caller found a well-known place nearby)."""
    table = opposites()
    if len({w for w in re.findall(r"\b[a-z]+\b", u.text) if w in table}) > 1:
        # "highest in the first year and fell after that": turning either word makes the sentence
        # contradict itself, which gives the false version away without the article
        return None
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(u.text)]
    found = []
    for m in re.finditer(r"\b[a-z]+\b", u.text):
        word = m.group(0)
        if word not in table or any(a <= m.start() < b for a, b in quoted):
            continue
        if not directions and word in DIRECTIONS:
            continue
        if word in ("fall", "falls") and _SEASON.search(u.text[: m.start()]):
            continue
        if word in _CHANGE and not _CHANGE_NEXT.match(u.text[m.end() :]):
            continue
        if word in _AMOUNT and len(_FIGURE.findall(u.text)) >= 2:
            continue
        if word in _NAMING and re.search(r"\bthe\s+$", u.text[: m.start()], re.IGNORECASE):
            continue
        if word in _NAMING and re.search(
            r"\b(?:to|or|and|can|could|will|would|must|should)\s+$", u.text[: m.start()], re.IGNORECASE
        ):
            continue  # "to lower them", "remove or lower a dam": a verb; "to higher them" is no English (sets 13, 14)
        if _NEGATION.search(_clause(u.text, m.start(), m.end())):
            continue
        if _said_otherwise(u, table[word]):
            continue
        if re.search(rf"\b{re.escape(table[word])}\b", u.text, re.IGNORECASE):
            continue  # "opens on Saturday and closes at 4pm" -> "closes … and closes": false on its face (set 32)
        found.append(m)
    if not found:
        return None
    m = rng.choice(found)
    opposite = table[m.group(0)]
    before = u.text[: m.start()]
    art = re.search(r"(?:^|\s)(an?|An?)\s+$", before)
    if art:  # "an increase" -> "a decrease"
        fixed = _indefinite(opposite)
        before = before[: art.start(1)] + (fixed.capitalize() if art.group(1)[0].isupper() else fixed) + " "
    return before + opposite + u.text[m.end() :], m.group(0), opposite
