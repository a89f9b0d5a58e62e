"""Quality rules every generated question must pass, and the ranking that picks the best.

A wrong key teaches the wrong lesson, so each rule names a way an item can be unsound and
`problem` returns the first that applies (the pipeline counts these as drop reasons).
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from functools import lru_cache

from .articles import Corpus
from .generators.wordnumbers import CARDINALS
from .questions import Question
from .scoring import normalize_answer as _normalize

# Candidates share sentences and names: normalising each text once saves most of the checking time.
normalize_answer = lru_cache(maxsize=1 << 16)(_normalize)

GIVEAWAY_OPTIONS = {"all of the above", "none of the above", "both", "neither"}


def problem(q: Question, corpus: Corpus) -> str | None:
    """Why a candidate is unsound, or None when it passes every rule."""
    for check in CHECKS:
        reason = check(q, corpus)
        if reason:
            return reason
    return None


_BY_ID: dict[int, tuple[Corpus, dict]] = {}


def _articles(corpus: Corpus) -> dict:
    """Articles by id (Corpus looks ids up one by one; a bank of a thousand articles checks
    tens of thousands of spans)."""
    cached = _BY_ID.get(id(corpus))
    if cached is None or cached[0] is not corpus:
        if len(_BY_ID) > 8:
            _BY_ID.clear()
        cached = (corpus, {a.id: a for a in corpus})
        _BY_ID[id(corpus)] = cached
    return cached[1]


def _evidence_matches_text(q: Question, corpus: Corpus) -> str | None:
    for e in q.evidence:
        article = _articles(corpus).get(e.article_id)
        if article is None:
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


_WORD_OPTION_KINDS = ("fact", "who_said", "number", "when")
_GAP = re.compile(r"_{3,}")


def _answer_in_evidence(q: Question, corpus: Corpus) -> str | None:
    """The evidence must show the key: a name, figure or role is in the quoted passages."""
    if q.skill != "comprehension":
        return None
    evidence = " ".join(normalize_answer(re.sub(r"[’']s\b", "", e.text)) for e in q.evidence)
    if q.kind == "which_article":
        by_id = _articles(corpus)
        titles = {by_id[e.article_id].title for e in q.evidence if e.article_id in by_id}
        return None if q.answer[0] in titles else "evidence is not from the keyed article"
    if q.kind == "true_false":
        return None
    keys = list(q.answer) + list(q.items) if q.form == "match" else [q.answer[0]]
    for k in keys:
        words = normalize_answer(k).split()
        if not words:
            return "empty key"
        # A person's full name may be given in another sentence: the surname must be there.
        if f" {' '.join(words)} " not in f" {evidence} " and f" {words[-1]} " not in f" {evidence} ":
            return "evidence does not contain the answer"
    return None


def _options_distinct(q: Question, corpus: Corpus) -> str | None:
    """No option that is an alias or a part of another ("Smith" next to "Jane Smith")."""
    if q.skill != "comprehension" or q.form not in ("single", "match"):
        return None
    if q.form == "match" and (len(set(q.answer)) != len(q.answer) or not set(q.answer) <= set(q.options)):
        return "match key is not a pairing of the options"
    norm = [f" {normalize_answer(o)} " for o in q.options]
    for i, a in enumerate(norm):
        for j, b in enumerate(norm):
            if i != j and a in b:
                return "an option is part of another"
    return None


def _no_form_giveaway(q: Question, corpus: Corpus) -> str | None:
    """Grammar or length must not point at the key: no "a"/"an" right before a gap, and the key
    is not the one option far longer or shorter than the rest."""
    if q.skill != "comprehension":
        return None
    if re.search(r"\b(?:a|an)\s+_{3,}", q.prompt, re.IGNORECASE):
        return "a/an before the gap"
    if q.form == "single" and q.kind in _WORD_OPTION_KINDS and len(q.options) >= 3:
        key = len(q.answer[0])
        rest = sorted(len(o) for o in q.options if o != q.answer[0])
        if key > 1.6 * rest[-1] or key < 0.5 * rest[0]:
            return "key length gives it away"
    return None


def _whole_prompt(q: Question, corpus: Corpus) -> str | None:
    """A prompt is whole: starts with a capital, ends as a question or a quotation, quotes balanced,
    at most one gap."""
    if q.skill != "comprehension":
        return None
    p = q.prompt
    if not p[:1].isupper() or not p.rstrip().endswith(("?", "”", ".", ":")):
        return "prompt is not a whole sentence"
    if p.count("“") != p.count("”") or p.count('"') % 2:
        return "prompt has broken quotes"
    if len(_GAP.findall(p)) > 1:
        return "prompt has more than one gap"
    return None


def _typed_answers_hidden(q: Question, corpus: Corpus) -> str | None:
    """A typed (cloze) answer in any accepted spelling must not stand in the prompt."""
    if q.kind != "cloze":
        return None
    prompt = f" {normalize_answer(q.prompt)} "
    if any(len(n) > 2 and f" {n} " in prompt for n in map(normalize_answer, q.answer)):
        return "prompt gives the key away"
    return None


_GENDERED = re.compile(
    r"\b(?:he|she|him|her|his|hers|himself|herself|"
    # "Brannagh's stunning wife _____", "_____, a postman": a gendered noun tells as much (held-out audit)
    r"wife|husband|widow|widower|mother|father|son|daughter|brother|sister|grandmother|grandfather|aunt|uncle|"
    r"girlfriend|boyfriend|mum|dad|postman|postwoman|chairman|chairwoman|spokesman|spokeswoman|businessman|"
    r"businesswoman|policeman|policewoman|actress|waitress|headmistress|headmaster|fisherman|fishermen|"
    r"schoolboy|schoolgirl|boy|girl|king|queen|prince|princess)\b",
    re.IGNORECASE,
)


def _pronoun_hides_no_person(q: Question, corpus: Corpus) -> str | None:
    """A "which person" choice whose sentence says "she" or "his" is answered by the one woman or man
    among the options (review of invented articles: "_____ said she expected ...")."""
    person_choice = q.form == "single" and (q.kind == "who_said" or (q.kind == "fact" and "person" in q.tags))
    if person_choice and _GENDERED.search(q.prompt):
        return "a pronoun in the prompt tells the person's gender"
    if q.kind == "fact" and "person" in q.tags and q.answer:
        surname = normalize_answer(q.answer[0]).split()[-1:]
        if surname and len(surname[0]) > 2 and surname[0] in normalize_answer(q.prompt).split():
            return "the person's surname stands in the prompt"  # "_____ runs Tulloch Textile Recovery" (audit)
    return None


# A figure in a sentence: "4,860", "£540", "61%"; "per cent" counts as "%".
_FIGURE = re.compile(
    rf"(?<![\w.,-])(\d{{1,3}}(?:,\d{{3}})+|\d+|\b(?:{'|'.join(CARDINALS[2:])})\b)(\.\d+)?(?![A-Za-z])"
    r"(\s*%|\s+per\s*cent\b)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _figures(text: str) -> list[tuple[float, bool]]:
    """(value, is a percentage) for each figure of a text that is no bare year."""
    out = []
    for m in _FIGURE.finditer(text):
        if _YEAR.fullmatch(m.group(0)):
            continue
        whole = m.group(1).lower()
        value = CARDINALS.index(whole) if whole in CARDINALS else float(whole.replace(",", "") + (m.group(2) or ""))
        out.append((float(value), bool(m.group(3))))
    return out


def _worked_out(value: float, others: list[tuple[float, bool]], percent: bool) -> bool:
    """Whether a figure follows from the sentence's other figures by one sum, difference, product or
    quotient, or as what the other percentages leave of 100 ("61% … _____ … 6%")."""

    def near(x: float) -> bool:
        return abs(x - value) <= 1e-9 * max(1.0, abs(value))

    shares = [v for v, p in others if p]
    if percent and len(shares) >= 2 and near(100 - sum(shares)):
        return True
    if value < 10:
        return False  # small figures match by chance ("by 19 votes to 14 with 5 abstentions")
    numbers = [v for v, _p in others]
    # "80 per cent of the costs, which the judge assessed at £11,300, a sum of _____" (held-out set 25)
    if not percent and any(abs(value - x * p / 100) <= max(0.5, 0.001 * value) for p in shares for x in numbers):
        return True
    for i, a in enumerate(numbers):
        for b in numbers[i + 1 :]:
            if near(a + b) or near(abs(a - b)):
                return True
            if min(a, b) >= 2 and (near(a * b) or near(a / b) or near(b / a)):  # not "10 by 10 ... Lark-1"
                return True
            # "of the 47 hatchlings, 41 ... a survival rate of 87 per cent": a share, rounded
            if percent and min(a, b) > 0 and abs(value - 100 * min(a, b) / max(a, b)) < 0.5:
                return True
            # "from 310 offences in 2019 to 254 in 2024, an 18% fall": the change, rounded (held-out set 23)
            if percent and min(a, b) > 0 and any(abs(value - 100 * abs(a - b) / x) < 0.5 for x in (a, b)):
                return True
    return False


def _not_worked_out(q: Question, corpus: Corpus) -> str | None:
    """A figure the sentence's other figures give ("nine name plates ... a total of £4,860": £540 each) is
    arithmetic, not reading; and where a sentence's figures add up, a true/false version with one changed
    shows itself false (held-out set 18)."""
    if q.skill != "comprehension" or not q.evidence:
        return None
    figures = _figures(q.evidence[0].text)
    if q.kind == "number" or (q.kind == "cloze" and _figures(q.answer[0])):
        asked = _figures(q.answer[0])
        if not asked or asked[0] not in figures:
            return None
        rest = list(figures)
        rest.remove(asked[0])
        if _worked_out(asked[0][0], rest, asked[0][1]):
            return "the key follows from the sentence's other figures"
    elif q.kind == "true_false":  # true ones too: "the figures add up" would tell them apart
        for i, (v, p) in enumerate(figures):
            if _worked_out(v, figures[:i] + figures[i + 1 :], p):
                return "the sentence's figures add up, so a changed one shows"
    return None


# "24 hours a day", "7 days a week", a helpline's "(24 hours)": a figure that says "all the time", known to
# every reader; "defer the decision for 12 months" is a choice the article reports and stays askable.
_CALENDAR = {"hour": 24, "day": 7, "month": 12, "week": 52, "minute": 60, "second": 60}
_AMOUNT = re.compile(r"^(?:a |an )?(\d+)[\s-](hour|day|month|week|minute|second)s?$", re.IGNORECASE)
_ALWAYS = re.compile(r"\((\d+)[\s-]\w+\)|\b(\d+)[\s-]\w+ a (?:day|week|year)\b", re.IGNORECASE)


def _no_calendar_amount(q: Question, corpus: Corpus) -> str | None:
    """A helpline "(24 hours)" asked as a figure is known without the article, and its distractors ("41
    hours") read as absurd (held-out set 19)."""
    if not q.evidence:
        return None
    if q.kind == "true_false":  # "(28 hours)" for a helpline's "(24 hours)" is false on its face
        for always in _ALWAYS.finditer(q.evidence[0].text):
            value, unit = int(always.group(1) or always.group(2)), always.group(0).lower()
            known = any(u in unit and n == value for u, n in _CALENDAR.items())
            if known and always.group(0) not in q.prompt:
                return "a changed 'all the time' figure shows itself false"
        return None
    if q.kind not in ("number", "cloze"):
        return None
    m = _AMOUNT.match(q.answer[0].strip())
    if m is None:
        return None
    unit, value = m.group(2).lower(), int(m.group(1))
    if _CALENDAR[unit] != value and not (unit == "day" and value == 365):
        return None
    for always in _ALWAYS.finditer(q.evidence[0].text):
        if int(always.group(1) or always.group(2)) == value and unit in always.group(0).lower():
            return "the key says 'all the time', known without the article"
    return None


# "Beverley Anstey, 67, who has been a patient …": an age in apposition
_AGE_GIVEN = re.compile(r"\b[A-Z][\w’'-]+,\s+(\d{1,3}),")
_YEARS = re.compile(r"(\d+)\s+years?$")


def _no_option_beyond_age(q: Question, corpus: Corpus) -> str | None:
    """ "a patient at the practice for _____" beside "Beverley Anstey, 67," offered "70 years": an option the
    sentence's own age rules out shows it is wrong (held-out set 26)."""
    if q.kind != "number" or not q.evidence or not _YEARS.match(q.answer[0]):
        return None
    ages = [int(m.group(1)) for m in _AGE_GIVEN.finditer(q.evidence[0].text)]
    spans = [int(m.group(1)) for m in map(_YEARS.match, q.options) if m]
    if ages and any(span > min(ages) for span in spans):
        return "an option is longer than the age the sentence gives"
    return None


CHECKS = (
    _evidence_matches_text,
    _not_worked_out,
    _no_calendar_amount,
    _no_option_beyond_age,
    _pronoun_hides_no_person,
    _options_sound,
    _prompt_hides_key,
    _answer_in_evidence,
    _options_distinct,
    _no_form_giveaway,
    _whole_prompt,
    _typed_answers_hidden,
)


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
