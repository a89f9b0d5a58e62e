"""The pipeline's fast paths give what the straightforward computation gives.

Each speed-up of issue #8 that skips work (a sentence's word runs read with findall, positions
found only for the runs a word list asks about, the role patterns skipped on sentences without a
title's first word, the speech-verb and figure patterns skipped without a speech verb or a digit,
word counts from the cached bounds) is compared here with the computation it replaces, on invented
sentences (with the characters that make such shortcuts go wrong: underscores, digits, curly quotes,
non-ASCII letters, the Kelvin sign) and on every sentence of the fixture articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizlib import cues
from quizlib import entities as ent
from quizlib.articles import load_corpus
from quizlib.sentences import count_words, word_spans

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

INVENTED = [
    "The council's finance director, Jane Okafor, said the budget was “balanced”.",
    "Finance Director Jane Okafor told reporters the levy would rise 4.5% in 2027.",
    "The club's captain, Tom Rees, signed for £2.5 million; coach Ana Lind said nothing.",
    "Deputy Mayor Ruth Brand and former chief executive Omar Said met on Tuesday.",
    "top_secret files, re-election, 42points and _under_scores__ stay one run each.",
    "Nobody spoke: the trial ended, the flood receded, the season began.",
    "A café in Zürich, a naïve plan, and the Kelvin sign \u212a in a formula.",
    "The long \u017f in \u017flammed, and a dotless \u0131 in a name.",
    "Mayor-elect Priya Shah (the city's new mayor) said: “We will look again.”",
    "PRIME MINISTER Lena Varro, the health secretary, and Vice President Amos Kell spoke.",
    "Said Karimi said that Says Bay says nothing, said the harbour master, Ivo Pohl.",
    "Councillors voted 31 to 12; the vaccine trial enrolled 1,200 people over 18 months.",
    "",
    "   ",
    "… — “ ” ‘ ’ « » only punctuation!?",
]


def _sentences() -> list[str]:
    corpus = load_corpus(sorted(FIXTURES.glob("*.txt")))
    return INVENTED + [s.text for a in corpus for s in a.sentences]


def _runs_by_loop(text: str) -> tuple[dict[str, list[int]], dict[str, list[int]]] | None:
    """What cues._runs computed before: every \\w+ run's start, by run and by its first letters."""
    if re.search(r"[^\W\x00-\x7f]", text):
        return None
    runs: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        run = m.group(0).lower()
        runs.setdefault(run, []).append(m.start())
        stems.setdefault(run[: cues._STEM], []).append(m.start())
    return runs, stems


@pytest.mark.parametrize("text", _sentences())
def test_runs_match_the_per_run_loop(text):
    fast, slow = cues._runs(text), _runs_by_loop(text)
    if slow is None:
        assert fast is None
        return
    assert fast is not None
    assert fast.words == set(slow[0])
    assert {s for s in slow[1] if len(s) == cues._STEM} <= fast.stems
    for run, starts in slow[0].items():
        assert fast.starts(run, True) == starts, run
    for stem, starts in slow[1].items():
        if len(stem) == cues._STEM:  # only full-length stems index '*' entries
            assert fast.starts(stem, False) == starts, stem
    assert fast.starts("zzzzqq", True) == []


def test_runs_tell_non_ascii_words_apart():
    assert cues._runs("a naïve plan") is None
    assert cues._runs("a \u212a sign") is None  # IGNORECASE matches it to 'k': not read by lower()
    assert cues._runs("“quoted” — dashes … and ’apostrophes’") is not None


@pytest.mark.parametrize("present", [None, ("finance director", "mayor", "captain", "health secretary")])
def test_role_matches_skip_only_sentences_without_a_match(present):
    roles = ent._role_regexes(present)
    heads = ent._title_heads(present or ent.job_titles())
    assert heads is not None
    matched = 0
    for text in _sentences():
        fast = ent._role_matches(roles, text, {}, heads)
        slow = [m for rx in roles for m in rx.finditer(text)]
        assert [m.span() for m in fast] == [m.span() for m in slow], text
        matched += bool(slow)
    assert matched >= 4  # the invented sentences give roles in every pattern's shape


def test_title_heads_refuse_a_title_they_cannot_read():
    assert ent._title_heads(("mayor", "(acting) head")) is None
    assert ent._title_heads(("Vice President", "mayor")) == frozenset({"vice", "mayor"})


def test_speech_and_figure_guards_are_necessary_conditions():
    for text in _sentences():
        if not ent._SPEECH_VERB.search(text):
            assert not ent._SAID_NAME.search(text) and not ent._NAME_SAID.search(text), text
        if not re.search(r"\d", text):
            assert not any(rx.search(text) for rx in ent._FIGURES), text


def test_guards_skip_something():
    """The shortcuts are taken on ordinary sentences (else they would be dead code)."""
    texts = _sentences()
    heads = ent._title_heads(ent.job_titles())
    assert heads is not None
    assert any(heads.isdisjoint(re.findall(r"\w+", t.lower())) for t in texts)
    assert any(not ent._SPEECH_VERB.search(t) for t in texts)
    assert any(not re.search(r"\d", t) for t in texts)


@pytest.mark.parametrize("text", [*INVENTED, "word " * 400, "x-y’z 3.5 " * 150])
def test_count_words_is_the_number_of_word_spans(text):
    assert count_words(text) == len(word_spans(text)) == len(re.findall(r"\w+(?:[’'.-]\w+)*", text))


def _sentence_cues_by_loop(sentence: str, offset: int, quotes: list[tuple[int, int]]) -> list[cues.Cue]:
    """sentence_cues as it was before the word cues were shared: every list read at the offset."""
    found: list[cues.Cue] = []
    for name in cues.CUE_LISTS:
        found += cues._lexicon_cues(sentence, offset, name)
    found += cues._person_cues(sentence, offset)
    found += cues._punctuation_cues(sentence, offset, quotes)
    reported = cues.reported_from(sentence)
    kept = [
        c
        for c in found
        if not (cues._inside(quotes, c.start, c.end) and c.category != "engagement_bait")
        and not (
            reported is not None
            and c.category in cues._WRITER_ONLY
            and c.start - offset >= reported
            and c.text.lower() not in cues._DISTANCING
        )
    ]
    return cues._resolve_overlaps(kept, sentence, offset)


def test_shared_word_cues_give_the_cues_of_each_reading():
    """Inside a run, a sentence's word cues are found once and shifted to where it stands; the cues
    are those of reading the sentence at its offset, with its paragraph's quotes or on its own."""
    from quizlib import memo

    corpus = load_corpus(sorted(FIXTURES.glob("*.txt")))
    checked = 0
    with memo.scope():
        for a in corpus:
            for s in a.sentences:
                p = a.paragraphs[s.paragraph]
                quotes = cues.quote_spans(a.text[p.start : p.end], p.start)
                assert cues.sentence_cues(s.text, s.start, quotes) == _sentence_cues_by_loop(s.text, s.start, quotes)
                alone = cues.quote_spans(s.text)
                assert cues.sentence_cues(s.text) == _sentence_cues_by_loop(s.text, 0, alone)
                checked += bool(cues.sentence_cues(s.text))
    assert checked >= 10


def test_per_run_memoises_inside_a_scope_only():
    from quizlib import memo

    calls: list[str] = []

    @memo.per_run
    def shout(text: str) -> list[str]:
        calls.append(text)
        return [text.upper()]

    assert shout("a") == ["A"] and shout("a") == ["A"] and len(calls) == 2  # no scope: plain calls
    with memo.scope():
        first = shout("a")
        assert shout("a") is first and shout("b") == ["B"]
    assert shout("a") is not first
    assert calls == ["a", "a", "a", "b", "a"]


def _original_patterns():
    """Every module-level pattern of the rule modules, as written (before quicken)."""
    import importlib.util

    from quizlib import patterns

    out = []
    for module in ("quizlib.cues", "quizlib.entities", "quizlib.generators.bias", "quizlib.generators.comprehension"):
        spec = importlib.util.find_spec(module)
        assert spec and spec.origin
        source = Path(spec.origin).read_text(encoding="utf-8")
        mod = importlib.import_module(module)
        for name, rx in vars(mod).items():
            if isinstance(rx, re.Pattern) and rx.pattern.startswith("(?=["):
                assert f"{name} = re.compile(" in source, name  # a rule of the module, quickened at its end
                plain = re.compile(rx.pattern[rx.pattern.index("])(?:") + 5 : -1], rx.flags)
                assert patterns.quick(plain).pattern == rx.pattern
                out.append((f"{module}.{name}", plain, rx))
    return out


def test_quickened_rules_find_the_same_matches():
    rules = _original_patterns()
    assert len(rules) >= 10
    texts = [*_sentences(), "SAID the Mayor; \u212aeen \u017feen \u0130t Its HIS hers According To", "w" * 30]
    for name, plain, fast in rules:
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ], (name, text)


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"\b(?:said|says|according to)\b", "as"),
        (r"\b(?:Mr|Dr)\.?\s+\w+", "DM"),
        (r"\b(?:seen|viewed)\s+as\b|\bto\s+[a-z]+", "stv"),
        (r"\bfoo\b", "f"),
        (r"\b(?:a?b|c)\b", None),  # an optional first letter
        (r"\b(?:[Ww]ould|could)\b", "Wcw"),  # a class of letters
        (r"\b(?:[a-z]ould|could)\b", None),  # a range
        (r"\b(?:(?:of|in)\s+that|this)\b", "iot"),  # a group inside
        (r"\b(?:would|could)?\s", None),  # an optional group
        (r"(?<!x)\b(?:would)\b", "w"),  # a lookbehind first
        (r"(?=x)would", None),  # a lookahead first
        (r"\b(?:would)\b|x", "wx"),  # every alternative counts
        (r"^(?:This|That)\b", None),  # anchored: left alone
        (r"\b(?:^May|may)\b", None),
        (r"\b(?:\d+|ten)\b", None),
    ],
)
def test_first_letters(pattern, letters):
    from quizlib import patterns

    assert patterns.first_letters(pattern) == letters
    rx = re.compile(pattern, re.IGNORECASE)
    assert (patterns.quick(rx) is rx) == (letters is None)


def test_chrome_reason_is_the_first_pattern_matching_the_whole_line():
    from quizlib import layout

    lines = [
        "We use cookies to improve your experience. Accept all cookies",
        "This website uses cookies.",
        "The council said we use cookies? No: the bakery does.",
        "we use cookies\nand more",
        "Accept cookies",
        "accept all cookies",
        "Home » News » Council budget",
        "3 comments",
        "Share on Facebook",
        "",
    ]
    lines += [line for path in sorted(FIXTURES.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    found = 0
    for line in lines:
        expected = next((r for r, p in layout.chrome_patterns() if p.fullmatch(line)), None)
        assert layout.chrome_reason(line) == expected, line
        found += expected == "cookie notice"
    assert found >= 3


@pytest.mark.parametrize("text", [*INVENTED, "İstanbul's İZMİR and Ÿ ǅ ß ﬁ office", "KELVIN \u212a and ſ", "a" * 1200])
def test_lower_words_are_the_lower_cased_word_spans(text):
    from quizlib.sentences import lower_words

    assert lower_words(text) == [text[a:b].lower() for a, b in word_spans(text)]


def test_person_word_lookahead_keeps_the_matches():
    fast = cues._person_word()
    plain = re.compile(fast.pattern[fast.pattern.index("])") + 2 :], fast.flags)
    assert plain.pattern.startswith("(?<![A-Za-z])")
    texts = [*_sentences(), "LET’S go, YOU'RE here; Ourselves, US, i, I; \u0130 \u0131 \u212a"]
    hits = 0
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        hits += bool(plain.search(text))
    assert hits >= 3


def test_look_alike_surface_test_skips_only_sentences_that_are_no_look_alike(monkeypatch):
    from quizlib.generators import bias

    corpus = load_corpus(sorted(FIXTURES.glob("*.txt")))
    cases = [
        (a, s, bias._body_cues_by_sentence(a)[i], category)
        for a in corpus
        for i, s in enumerate(a.sentences)
        for category in ("motive_guessing", "engagement_bait")
    ]
    fast = [bias._look_alike(*case) for case in cases]
    skipped = sum(not bias._may_share_surface(case[1].text, case[2], case[3]) for case in cases if case[1].text)
    monkeypatch.setattr(bias, "_may_share_surface", lambda *_args: True)
    assert fast == [bias._look_alike(*case) for case in cases]
    assert sum(fast) >= 10 and skipped >= 100


def test_speakers_are_looked_for_only_where_a_speech_verb_stands():
    from quizlib.generators import bias

    texts = [*_sentences(), "Dr Ann Lee said", "The Mayor\tsays so", "Smith added that", "the bridge added 3 months"]
    found = 0
    for text in texts:
        assert [m.span() for m in bias._speakers_in(text)] == [m.span() for m in bias._SPEAKER.finditer(text)], text
        found += bool(bias._speakers_in(text))
    assert found >= 5
