"""Figures written in words ("a five-year contract", "three fire stations", "the eighth round"), for
the number kind: quizlib.entities reads only figures in digits.

Only where the word is the sentence's one number (a second would leave open which one is asked),
not "one" or "two" (the "two sides", "one of": a reader fills them from the phrase), not an
ordinal before "year" (the age of an ongoing event is known from the calendar, not the text), and
not a count followed by the list it counts ("two libraries in Northgate and Millbrook").
"""

from __future__ import annotations

import random
import re

from .comprehension import GAP, Usable, _indefinite

CARDINALS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()  # noqa: SIM905
)
ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()  # noqa: SIM905
)
_UNITS = r"second|minute|hour|day|week|month|year|mile|metre|kilometre|point|member|seat|game|match|storey|page|lane"
_CARDINAL = re.compile(
    rf"(?<![\w-])(?P<w>{'|'.join(CARDINALS[3:13])})(?P<u>-(?:{_UNITS})(?![\w-])|(?=\s+(?!(?:times|more|less|of|and|or|"
    r"to|percent|per)\b)(?:[a-z]+\s+)?[a-z]+s\b))"
)
_ORDINAL = re.compile(
    rf"(?<=\b(?:the|its|his|her)\s)(?P<w>{'|'.join(ORDINALS[2:11])})(?=\s+(?!(?:year|of|and|to|in)\b)[a-z]+\b)"
)
_ANY_NUMBER = re.compile(
    rf"\d|\b(?:{'|'.join(CARDINALS[1:])}|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|"
    rf"{'|'.join(ORDINALS[1:])}|once|twice|both|single|double|triple)\b",
    re.IGNORECASE,
)
# Parts of a whole, by how many there are: an ordinal before one counts no further.
_PARTS = {"quarter": 4, "half": 2, "semester": 2, "trimester": 3}
_LIST_AFTER = re.compile(r"[A-Z][\w’'-]+(?:,\s+[A-Z][\w’'-]+)*,?\s+and\s+[A-Z]")


def word_figure(u: Usable, rng: random.Random) -> tuple[str, str, list[str]] | None:
    """(gapped sentence, key, three distractors) for the sentence's one number in words, or None."""
    found = [(m, CARDINALS) for m in _CARDINAL.finditer(u.text)] + [(m, ORDINALS) for m in _ORDINAL.finditer(u.text)]
    if len(found) != 1 or len(_ANY_NUMBER.findall(u.text)) != 1:
        return None
    m, words = found[0]
    if _LIST_AFTER.search(u.text[m.end() :]):
        return None  # the count can be read off the list that follows
    value = words.index(m.group("w"))
    unit = m.groupdict().get("u") or ""
    # the three nearest other values from two (second) up, ties broken by the seed: "three" gets
    # two, four and five or four, five and six; a part of a whole only up to its count ("the fourth
    # quarter" among first to third, never "the sixth quarter": held-out set 72)
    most = _PARTS.get(u.text[m.end() :].split(maxsplit=1)[0].strip(".,;:”\"'’").lower(), 0) if words is ORDINALS else 0
    lowest, highest = (1, most + 1) if most else (2, len(words))
    pool = [v for v in range(lowest, highest) if v != value]
    if len(pool) < 3:
        return None  # "the second half": too few parts for three wrong options
    rng.shuffle(pool)
    pool.sort(key=lambda v: abs(v - value))
    values = sorted([value, *pool[:3]])
    options = [f"{words[v]}{unit}" for v in values]
    before = u.text[: m.start()]
    after = u.text[m.start() + len(m.group("w")) + len(unit) :]
    art = re.search(r"(?:^|\s)(an?|An?)\s+$", before)
    if art:  # "a five-year", "an eight-year": each option carries its own article
        options = [f"{_indefinite(o)} {o}" for o in options]
        if art.group(1)[0].isupper():
            options = [o.capitalize() for o in options]
        before = before[: art.start(1)]
    key = options[values.index(value)]
    return f"{before}{GAP}{after}", key, [o for o in options if o != key]
