"""The word-list index of quizlib.cues finds exactly what trying every entry finds.

The index only narrows which entries are tried; these tests compare it with the per-entry loop
on invented sentences (multi-word entries, '*' endings, apostrophes, case, punctuation, entries
that overlap) and on every word list and every sentence of the fixture articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizlib import cues
from quizlib.articles import load_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

ENTRIES = "\n".join(
    [
        "# an invented list: every shape the loader allows",
        "slam*\tcriticise",
        "slammed door",
        "lash out\tcriticise",
        "lashed  out",
        "so-called",
        "so-call*",
        "don't miss",
        "rock-solid",
        "U.S. pressure",
        "-ish",
        "'em",
        "*odd",
        "naïve",
        "café owners",
        "top_secret",
        "42 points",
        "fly",
        "fly*",
        "flying high",
        "overly*",
        "over",
    ]
)

SENTENCES = [
    "The council slammed the proposal and slams it again; SLAMMING doors is not a policy.",
    "He slammed door after door, then the slammed  door stayed shut.",
    "Residents may lash out, and the mayor lashed   out at them; she lashes out too.",
    "The so-called reform, so-calling itself modern, was so-called twice; so called without a hyphen.",
    "Don't miss the vote! Don’t miss it, don'tmiss is not a word.",
    "A rock-solid plan, rock solid in print, and ROCK-SOLID in the headline.",
    "U.S. pressure grew as u.s. pressure fell; US pressure is another spelling.",
    "A boyish grin, -ish as a suffix, 'em and them, odd and *odd.",
    "The naïve plan of café owners; NAÏVE and Café Owners too.",
    "A top_secret file, top secret, top_secrets.",
    "The team scored 42 points, then 420 points and 42points.",
    "Birds fly, flying high, flyers fly-by; overly cautious, over budget, overlord.",
    "The Kelvin sign \u212a and a long \u017f: fly with \u017flam or \u017flammed.",
    "",
    "   ",
    "Nothing here matches at all.",
    "(Slammed) [lash out] {fly} “so-called” ‘rock-solid’ slam—fly–over.",
]


REGEX_ENTRIES = "\n".join(
    [
        "some (?:people|experts) (?:say|said)",
        "(?:his|her|the) (?:supporters|critics)",
        "(?:many |some )?observers (?:say|warn)",
        "(?:a |one )?sources? (?:said|told)",
        "seeks? to (?:exploit|distract)",
        "rumou?rs (?:say|swirl)",
        "(?:aims?|aiming) to (?:exploit|deflect)",
        "let's be honest",
        "follow (?:\\w+ ){0,3}for updates",
        "critics|insiders say",
        "word(?:s|ing) matter",
        "(?:foo)?",
        "[bc]ank run",
        "quick(?:ly)? move",
        "(might|may) (?:aim|seek) to",
    ]
)

REGEX_SENTENCES = [
    "Some experts say the plan fails; SOME PEOPLE SAID otherwise, some  people say nothing.",
    "Her supporters cheered and the critics, his critics, left.",
    "Observers say it is late; many observers warn; some observers say more.",
    "A source said, one source told reporters, sources said; a sources told.",
    "She seeks to exploit it, they seek to distract, seeking to exploit is not listed.",
    "Rumours swirl and rumors say; rumrs say nothing.",
    "It aims to exploit, aim to deflect, aiming to exploit.",
    "Let's be honest: let’s be honest, lets be honest.",
    "Follow the council for updates; follow our local desk for updates.",
    "Critics and insiders say so; insiders said no.",
    "Words matter and wording matter; word matter.",
    "A bank run and a cank run, or a tank run.",
    "A quick move, a quickly move.",
    "They might aim to win, may seek to stall.",
]


def _all_matches(entries, text):
    return [(i, m.span()) for i, e in enumerate(entries) for m in e.pattern.finditer(text)]


def _indexed_matches(matcher, text):
    """What the index finds, tried only where it says a match can start; and the same again over
    every candidate entry (the two must agree with each other and with the per-entry loop)."""
    index = {id(e): i for i, e in enumerate(matcher.entries)}
    placed = [(index[id(e)], m.span()) for e, at in matcher.placed(text) for m in cues._finditer(e.pattern, text, at)]
    anywhere = [(index[id(e)], m.span()) for e in matcher.candidates(text) for m in e.pattern.finditer(text)]
    assert placed == anywhere, text
    return placed


@pytest.mark.parametrize("text", SENTENCES)
def test_index_finds_what_every_entry_finds_on_invented_entries(text):
    entries = cues._parse_entries(ENTRIES, regex=False)
    matcher = cues._build_matcher(entries, regex=False)
    expected = _all_matches(entries, text)
    assert _indexed_matches(matcher, text) == expected


def test_the_invented_sentences_do_exercise_the_index():
    """Guard against a vacuous comparison: the sentences match many entries, and some are skipped."""
    entries = cues._parse_entries(ENTRIES, regex=False)
    matcher = cues._build_matcher(entries, regex=False)
    matched = {i for t in SENTENCES for i, _ in _all_matches(entries, t)}
    assert len(matched) >= 15
    assert len(matcher.candidates("Nothing here matches at all.")) < len(entries)
    assert matcher.candidates(SENTENCES[0])[0].entry == "slam*"


def test_non_ascii_letters_make_every_entry_a_candidate():
    entries = cues._parse_entries(ENTRIES, regex=False)
    matcher = cues._build_matcher(entries, regex=False)
    assert matcher.candidates("\u017flammed") == entries  # IGNORECASE matches 'ſ' to 's'
    assert [m.group(0) for m in entries[0].pattern.finditer("\u017flammed")] == ["\u017flammed"]


def _sentences():
    corpus = load_corpus(sorted(FIXTURES.glob("*.txt")))
    assert len(corpus) >= 3
    out = [s.text for a in corpus for s in a.sentences]
    out += [a.title for a in corpus if a.title]
    return out + SENTENCES


LISTS = sorted(p.name for p in Path(cues.__file__).parent.joinpath("data", "lexicons").iterdir())


@pytest.mark.parametrize("name", LISTS)
def test_index_finds_what_every_entry_finds_on_every_word_list(name):
    matcher = cues._matcher(name)
    texts = _sentences()
    found = 0
    for text in texts:
        expected = _all_matches(matcher.entries, text)
        assert _indexed_matches(matcher, text) == expected, text
        assert cues.lexicon_search(name, text) == bool(expected), text
        found += len(expected)
    assert len(texts) > 100


def test_sentence_cues_are_those_of_the_per_entry_loop(monkeypatch):
    texts = _sentences()
    fast = [cues.sentence_cues(t) for t in texts]
    monkeypatch.setattr(cues._Matcher, "placed", lambda self, text: [(e, None) for e in self.entries])
    slow = [cues.sentence_cues(t) for t in texts]
    assert fast == slow
    assert sum(map(len, fast)) > 50
    headlines = [cues.headline_cues(t) for t in texts]
    monkeypatch.undo()
    assert headlines == [cues.headline_cues(t) for t in texts]
    assert sum(map(len, headlines)) > 20


@pytest.mark.parametrize("text", REGEX_SENTENCES + SENTENCES)
def test_index_finds_what_every_entry_finds_on_invented_regex_entries(text):
    entries = cues._parse_entries(REGEX_ENTRIES, regex=True)
    matcher = cues._build_matcher(entries, regex=True)
    assert _indexed_matches(matcher, text) == _all_matches(entries, text)


def test_regex_heads_read_the_shapes_of_the_lists_and_give_up_on_the_rest():
    heads = cues._regex_heads
    assert heads("some (?:people|experts) say") == {"some"}
    assert heads("(?:many |some )?observers say") == {"many", "some", "observers"}
    assert heads("seeks? to") == {"seek", "seeks"}
    assert heads("rumou?rs say") == {"rumors", "rumours"}
    assert heads("critics|insiders say") == {"critics", "insiders"}
    assert heads("word(?:s|ing) matter") == {"words", "wording"}
    assert heads("let's be honest") == {"let"}
    for unclear in ("(?:foo)?", "[bc]ank run", "(?i)so-called", "quick(?:ly)? move", "\\w+ said", "a ?b", ""):
        assert heads(unclear) is None, unclear
    matched = {i for t in REGEX_SENTENCES for i, _ in _all_matches(cues._parse_entries(REGEX_ENTRIES, True), t)}
    assert len(matched) >= 12


PERSON_SENTENCES = [
    "I think we should act; you know it, and so do I.",
    "We’re sure, you’d agree, let’s go; LET'S GO and Let's go.",
    "The US said it would help us; our view, my view, yours too.",
    "World War I and Phase I ended; Henry I ruled.",
    "Nothing personal in this line at all.",
    "o'you, you'll, you've, yourselves, ourselves, myself.",
    "Iran, Iraq, usual, youth, wearing, mine: none of these.",
]


def test_person_cues_prefilter_keeps_every_cue(monkeypatch):
    texts = PERSON_SENTENCES + _sentences()
    fast = [cues._person_cues(t, 3) for t in texts]
    monkeypatch.setattr(cues, "_person_word", lambda: __import__("re").compile(""))
    slow = [cues._person_cues(t, 3) for t in texts]
    assert fast == slow
    assert sum(map(len, fast[: len(PERSON_SENTENCES)])) >= 15


@pytest.mark.parametrize("offset", [0, 7, 1234])
def test_cached_word_and_quote_spans_are_those_of_the_pattern(offset):
    """word_spans and quote_spans keep per-text caches; what they return is what the patterns find,
    shifted by the offset, for short texts (cached) and long ones (not cached) alike."""
    import re

    from quizlib import sentences

    word = re.compile(r"\w+(?:[’'.-]\w+)*", re.UNICODE)
    long_text = " ".join(_sentences())
    assert len(long_text) > sentences._CACHED_LENGTH
    for text in [*_sentences(), long_text, ""]:
        expected = [(m.start() + offset, m.end() + offset) for m in word.finditer(text)]
        assert sentences.word_spans(text, offset) == expected
        assert sentences.word_spans(text, offset) == expected  # from the cache
        quotes = [(m.start() + offset, m.end() + offset) for m in cues._QUOTE.finditer(text)]
        assert cues.quote_spans(text, offset) == quotes == cues.quote_spans(text, offset)


def test_sentence_offsets_are_those_of_the_bling_fire_wrapper():
    """split_sentences maps Bling Fire's byte offsets itself; the spans must be the wrapper's."""
    import blingfire

    from quizlib.sentences import _sentence_offsets

    corpus = load_corpus(sorted(FIXTURES.glob("*.txt")))
    texts = [a.text for a in corpus] + [a.text[p.start : p.end] for a in corpus for p in a.paragraphs]
    texts += [
        "Hé said “yes”. Then 👩‍👩‍👧 left! 東京は大きい。次の文。",
        "e\u0301tude. Next one.",
        "\u202eabc. def. \U0001f1fa\U0001f1e6 flag.",
        "No full stop at the end",
        "A.",
        "x",
    ]
    assert any(not t.isascii() for t in texts)
    for text in texts:
        assert _sentence_offsets(text) == blingfire.text_to_sentences_and_offsets(text)[1], text
