"""When questions: the day, month or date the article gives for an event, as a multiple choice.

A time is only asked about where the text ties it to one event without doubt: the sentence gives
exactly one time, and no other sentence of the article that tells of the same thing (two content
words in common) gives another. Options are times of the same form (days for a day, months for a
month, dates for a date), first those the article gives for other events, so no option stands out.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from ..articles import Article, Corpus
from ..questions import Question
from . import generator
from .comprehension import GAP, Usable, _content_words, _q, _quote, _shuffled, _stem, usable_sentences

VERSION = "1"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# A preposition before the time ties it to the clause's event and tells "May" the month from "may".
_BEFORE = r"(?<![\w-])(?:on|in|by|until|till|from|since|before|after|during|through|last|next|this|early|late)\s+"
# Not before a capitalised word: "by June Carter" is a person.
_WEEKDAY = re.compile(rf"{_BEFORE}(?P<core>{'|'.join(WEEKDAYS)})(?![\w’'-])(?!\s+[A-Z][a-z])")
_MONTHS = "|".join(MONTH_NAMES)
_DATE = re.compile(
    rf"{_BEFORE}(?:the\s+)?(?P<core>(?P<m1>{_MONTHS})(?:\s+(?P<d1>[1-9]|[12]\d|3[01]))?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<d2>[1-9]|[12]\d|3[01])\s+(?P<m2>{_MONTHS})(?:\s+(?P<y2>(?:19|20)\d\d))?)(?![\w’'-])(?!\s+[A-Z][a-z])"
)
# Any time word at all (a second one in the sentence would leave open which event the gap's time is for).
_ANY_TIME = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|{_MONTHS}|yesterday|tomorrow|today|tonight|"
    r"(?:last|next|this|coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend)|(?:19|20)\d\d)\b"
)
_WHAT = {"day": "day", "month": "month", "date": "date"}


@dataclass(frozen=True)
class Time:
    """One time the text gives: `core` is what the gap hides ("Tuesday", "July 1", "March 2024")."""

    start: int  # offsets into the Usable's text
    end: int
    core: str
    form: str  # "day", "month" or "date"
    month: int = 0
    day: int = 0
    year: int = 0
    day_first: bool = False  # "1 July" rather than "July 1"


def _times(text: str) -> list[Time]:
    out: list[Time] = []
    for m in _WEEKDAY.finditer(text):
        out.append(Time(m.start("core"), m.end("core"), m.group("core"), "day"))
    for m in _DATE.finditer(text):
        month = MONTH_NAMES.index(m.group("m1") or m.group("m2")) + 1
        day = int(m.group("d1") or m.group("d2") or 0)
        year = int(m.group("y1") or m.group("y2") or 0)
        form = "date" if day else "month"
        out.append(Time(m.start("core"), m.end("core"), m.group("core"), form, month, day, year, bool(m.group("d2"))))
    return sorted(out, key=lambda t: t.start)


def _write(t: Time, month: int, day: int = 0) -> str:
    """A time written the way `t` is written, with another month (and day)."""
    name = MONTH_NAMES[month - 1]
    if t.form == "month":
        return f"{name} {t.year}" if t.year else name
    text = f"{day} {name}" if t.day_first else f"{name} {day}"
    if t.year:
        text += f" {t.year}" if t.day_first else f", {t.year}"
    return text


def _value(t: Time) -> str:
    """What the time says, however it is written ("July 1" and "1 July" are one date)."""
    return t.core if t.form == "day" else f"{t.form}:{t.year}-{t.month}-{t.day}"


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _content_words(text)} - {_stem(w.lower()) for w in (*WEEKDAYS, *MONTH_NAMES)}


_NAME_BEFORE = re.compile(rf"\b(?P<first>[A-Z][a-z]+)\s+(?P<time>{'|'.join((*MONTH_NAMES, *WEEKDAYS))})\b")
_NOT_FIRST_NAMES = frozenset(
    [
        "in",
        "on",
        "by",
        "until",
        "till",
        "from",
        "since",
        "before",
        "after",
        "during",
        "through",
        "last",
        "next",
        "this",
        "early",
        "late",
        "the",
        "of",
        "and",
        "or",
        "at",
        "to",
        "for",
        "every",
        "each",
        "mid",
    ]
)


def _names_like_times(text: str) -> set[str]:
    """Months and days the article also uses as a person's name ("Theresa May"): a capitalised word
    that is no preposition or time word right before them."""
    return {
        m.group("time")
        for m in _NAME_BEFORE.finditer(text)
        if m.group("first").lower() not in _NOT_FIRST_NAMES and m.group("first") not in (*MONTH_NAMES, *WEEKDAYS)
    }


def _told_elsewhere(article: Article, u: Usable, t: Time) -> bool:
    """Another sentence of the article tells of the same thing (two content words in common) and
    gives it a time of its own: then the event may have two times and the key is not sure."""
    mine = _stems(u.text[: t.start] + " " + u.text[t.end :])
    for s in article.sentences:
        if s.start == u.sentence.start or not _ANY_TIME.search(s.text):
            continue
        if len(mine & _stems(s.text)) >= 2:
            return True
    return False


def _distractors(article_times: list[Time], t: Time, rng: random.Random, n: int = 3) -> list[str]:
    """Times of the key's form: the article's other times first (a learner who skimmed has seen
    them), then times near the key (the days around it, the months around it, the same weekday a
    week or two apart for a date)."""
    key = t.core
    others = [x for x in article_times if x.form == t.form and _value(x) != _value(t)]
    # the article's other days, or its other months and dates written the key's way
    own = sorted({x.core if t.form == "day" else _write(t, x.month, x.day) for x in others})
    if t.form == "day":
        i = WEEKDAYS.index(key)
        near = [WEEKDAYS[(i + d) % 7] for d in (-3, -2, -1, 1, 2, 3)]
    elif t.form == "month":
        near = [_write(t, (t.month - 1 + d) % 12 + 1) for d in (-3, -2, -1, 1, 2, 3)]
    else:
        base = dt.date(t.year or 2001, t.month, min(t.day, 28))
        if base.day != t.day:
            return []  # the 29th to 31st: a shifted date would land on the wrong day of its month
        near = []
        for d in (-21, -14, -7, 7, 14, 21):
            other = base + dt.timedelta(days=d)
            if t.year and other.year != t.year:
                continue
            near.append(_write(t, other.month, other.day))
    near = [x for x in near if x != key and x not in own]
    rng.shuffle(own)
    rng.shuffle(near)
    picked = [x for x in [*own, *near] if x != key][:n]
    return sorted(picked) if len(picked) == n else []


@generator("comprehension.when", VERSION, "comprehension")
def when(corpus: Corpus, rng: random.Random) -> list[Question]:
    """The day, month or date an event happens, from a sentence that gives exactly one time."""
    out: list[Question] = []
    for article in corpus:
        names = _names_like_times(article.text)
        usable = usable_sentences(article)
        article_times = [t for u in usable for t in _times(u.text)]
        for u in usable:
            times = _times(u.text)
            if len(times) != 1 or _ANY_TIME.search(u.text[: times[0].start] + " " + u.text[times[0].end :]):
                continue  # two times in one sentence: which event has which is the reader's guess
            t = times[0]
            if (MONTH_NAMES[t.month - 1] if t.month else t.core) in names:
                continue  # "after May" where the article also names a person May
            if _told_elsewhere(article, u, t):
                continue
            distractors = _distractors(article_times, t, rng)
            if not distractors:
                continue
            gapped = u.text[: t.start] + GAP + u.text[t.end :]
            what = _WHAT[t.form]
            out.append(
                _q(
                    "comprehension.when",
                    kind="when",
                    form="single",
                    prompt=f"According to the article, which {what} completes this sentence? {_quote(gapped)}",
                    answer=(t.core,),
                    options=_shuffled(rng, t.core, distractors),
                    explanation=f"The article says: {_quote(u.sentence.text)}",
                    evidence=[u.evidence],
                    article_ids=(article.id,),
                    difficulty=0.5,
                    tags=(t.form,),
                )
            )
    return out
