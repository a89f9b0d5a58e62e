"""Bias questions: sound keys, evidence and explanations, determinism, and the numbers the
issue asks for, on the seeds (properties only) and on invented articles (exact expectations)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quizlib.articles import load_corpus
from quizlib.cues import find_cues, quote_spans
from quizlib.generate import generate
from quizlib.generators import all_generators
from quizlib.generators.bias import (
    FACT_OPTION,
    NO_SOURCE,
    OPINION_OPTION,
    ORGANISATION,
    PERSON,
    SOURCE_OPTIONS,
    UNNAMED,
    _is_cue_word,
)
from quizlib.quality import problem
from quizlib.scoring import score

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
KINDS = {"mark_words", "which_word", "fact_opinion", "source", "neutral_rewrite", "compare_coverage"}
TECHNIQUES = {
    "loaded_language",
    "hedge",
    "vague_source",
    "opinion",
    "motive_guessing",
    "engagement_bait",
    "headline_framing",
    "consistency",
}


def bias_generators():
    return [g for g in all_generators() if g.skill == "bias"]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


@pytest.fixture(scope="module")
def seed_bank(seeds):
    return generate(seeds, seed=0, generators=bias_generators())


@pytest.fixture(scope="module")
def fixtures():
    return load_corpus(sorted(FIXTURES.glob("bias-*.txt")))


@pytest.fixture(scope="module")
def fixture_bank(fixtures):
    return generate(fixtures, seed=0, generators=bias_generators(), per_article_kind=None)


def by_sentence(bank, kind, needle):
    found = [q for q in bank if q.kind == kind and needle in q.prompt]
    assert found, f"no {kind} question about {needle!r}"
    return found


# -- the numbers on the seeds ----------------------------------------------------------------


def test_seed_bank_has_enough_items_of_every_kind_category_and_article(seeds, seed_bank):
    assert len(seed_bank) >= 40
    assert {q.kind for q in seed_bank} == KINDS
    assert {q.technique for q in seed_bank} == TECHNIQUES
    contributing = Counter(a for q in seed_bank for a in q.article_ids)
    assert set(contributing) == {a.id for a in seeds}


def test_every_question_is_sound(seeds, seed_bank, fixtures, fixture_bank):
    for corpus, bank in ((seeds, seed_bank), (fixtures, fixture_bank)):
        for q in bank:
            assert problem(q, corpus) is None
            assert q.skill == "bias" and q.technique in TECHNIQUES
            assert q.explanation.strip() and q.evidence
            for e in q.evidence:
                assert corpus[e.article_id].text[e.start : e.end] == e.text
            if q.form in ("single", "multi"):
                assert set(q.answer) <= set(q.options)
            if q.form == "match":
                assert sorted(q.answer) == sorted(q.options)


def test_banks_are_deterministic(seeds, seed_bank):
    again = generate(seeds, seed=0, generators=bias_generators())
    assert again.to_json() == seed_bank.to_json()


def test_keys_never_come_from_quoted_words(seeds, seed_bank):
    """A hedge or loaded word inside a quotation is the speaker's, not the writer's: never a key."""
    for q in seed_bank:
        if q.kind not in ("mark_words", "which_word", "neutral_rewrite"):
            continue
        for e in q.evidence[:-1]:
            article = seeds[e.article_id]
            sentence = article.sentence_at(e.start)
            if sentence is None:
                continue
            quotes = quote_spans(sentence.text, sentence.start)
            assert not any(a <= e.start and e.end <= b for a, b in quotes)


# -- each kind on invented articles ----------------------------------------------------------


def test_mark_words_key_is_the_detected_set_with_partial_credit(fixture_bank):
    q = by_sentence(fixture_bank, "mark_words", "Perhaps the board")[0]
    assert q.form == "multi" and q.technique == "hedge"
    assert q.answer == ("Perhaps",)
    assert "board" in q.options and "Perhaps" in q.options
    assert score(q, ["Perhaps"]) == 1.0
    assert score(q, ["Perhaps", "board"]) == 0.5
    loaded = [q for q in fixture_bank if q.kind == "mark_words" and q.technique == "loaded_language"]
    assert loaded and all(len(set(q.options)) == len(q.options) for q in loaded)


def test_which_word_options_come_from_the_sentence_and_only_the_key_is_a_cue(fixture_bank, seed_bank):
    q = by_sentence(fixture_bank, "which_word", "The transfer fee may rise")[0]
    assert q.answer == ("may",) and len(q.options) == 4
    sentence = q.evidence[-1].text.lower()
    assert all(o in sentence for o in q.options)
    for bank in (fixture_bank, seed_bank):
        for q in bank:
            if q.kind == "which_word" and "passage" not in q.tags:
                assert [o for o in q.options if o != q.answer[0] and _is_cue_word(o)] == []


def test_which_word_passages_for_motives_and_engagement(fixture_bank):
    motive = [q for q in fixture_bank if q.kind == "which_word" and q.technique == "motive_guessing"]
    assert motive and motive[0].answer == ("The bid might be an attempt to distract fans from a disastrous season.",)
    assert all(not find_cues(o) for o in motive[0].options if o != motive[0].answer[0])
    bait = [q for q in fixture_bank if q.kind == "which_word" and q.technique == "engagement_bait"]
    assert bait and all(not find_cues(o) for q in bait for o in q.options if o != q.answer[0])


def test_fact_or_opinion(fixture_bank):
    assert by_sentence(fixture_bank, "fact_opinion", "Mensah scored 31 goals")[0].answer == (FACT_OPTION,)
    assert by_sentence(fixture_bank, "fact_opinion", "Let's be honest")[0].answer == (OPINION_OPTION,)
    assert by_sentence(fixture_bank, "fact_opinion", "approved a budget of 412")[0].answer == (FACT_OPTION,)
    # a forecast attributed to an agency is not offered as a plain fact
    assert not [q for q in fixture_bank if q.kind == "fact_opinion" and "expects the water" in q.prompt]


@pytest.mark.parametrize(
    ("needle", "key"),
    [
        ("Finance Director Ana Lindqvist told", PERSON),
        ("Critics including Councillor Raj Patel", PERSON),
        ("the National Water Agency said", ORGANISATION),
        ("Mensah scored 31 goals", NO_SOURCE),
    ],
)
def test_source(fixture_bank, needle, key):
    q = by_sentence(fixture_bank, "source", needle)[0]
    assert q.options == SOURCE_OPTIONS and q.answer == (key,)


def test_source_unnamed_on_seeds_and_no_pronoun_sentences(seed_bank, fixture_bank):
    assert any(q.answer == (UNNAMED,) for q in seed_bank if q.kind == "source")
    assert not [q for q in fixture_bank if q.kind == "source" and "“It has issued" in q.prompt]


def test_neutral_rewrite_model_answer_replaces_the_words(fixture_bank, seed_bank):
    q = by_sentence(fixture_bank, "neutral_rewrite", "slammed the referees")[0]
    assert q.items == ("slammed",)
    assert "criticised the referees" in q.answer[0]
    for bank in (fixture_bank, seed_bank):
        for q in (q for q in bank if q.kind == "neutral_rewrite"):
            assert score(q, q.answer[0]) == 1.0
            assert score(q, q.evidence[-1].text) == 0.0
            assert " a important" not in q.answer[0] and " an major" not in q.answer[0]


def test_compare_coverage(fixture_bank):
    compare = {q.technique: q for q in fixture_bank if q.kind == "compare_coverage"}
    assert compare["headline_framing"].answer == ("bias-football-transfer",)
    assert compare["hedge"].answer == ("Is This the Most Shocking Transfer of the Summer?",)
    consistency = compare["consistency"]
    assert consistency.form == "match" and "Helen Okafor" in consistency.prompt
    pairs = dict(zip(consistency.items, consistency.answer, strict=True))
    assert pairs == {
        "River Wend Flood: 300 Residents Moved to Shelters": "Former Mayor",
        "Council Approves 2026 Budget After Three-Hour Debate": "Mayor",
    }


def test_one_article_corpus_still_works(fixtures):
    single = load_corpus(FIXTURES / "bias-football-transfer.txt")
    bank = generate(single, seed=3, generators=bias_generators(), per_article_kind=None)
    assert len(bank) > 5 and "compare_coverage" not in {q.kind for q in bank}


def _corpus_of(*texts: str):
    from quizlib.articles import Corpus, parse_article

    return Corpus(tuple(parse_article(t, f"own-{i}") for i, t in enumerate(texts)))


def test_no_hedge_key_where_a_weak_hedge_competes():
    """Hyland counts "often" as a hedge: a reader could mark it, so "could" is not asked alone there."""
    corpus = _corpus_of(
        "Harbour Ferries Add Winter Timetable\n\n"
        "The ferry company often changes its timetable in winter, and the fares could rise next month. "
        "The ferry company said the fares could rise by four percent for the winter timetable. "
        "The fares for the ferry rose in winter last year, when the company added a timetable.\n"
    )
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    asked = [q for q in bank if q.technique == "hedge" and "often changes" in q.prompt]
    assert asked == []


def test_headline_hedge_is_asked_with_words_of_the_headline():
    corpus = _corpus_of(
        "Council Vote Possibly Delayed Until Spring\n\n"
        "The council vote on the harbour plan was delayed on Monday. The council said the vote would "
        "take place in the spring. A delayed vote means the harbour plan waits for another season.\n"
    )
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    q = [q for q in bank if q.technique == "headline_framing" and q.kind == "which_word"]
    assert q and q[0].answer == ("Possibly",)
    assert set(q[0].options) <= {"Council", "Vote", "Possibly", "Delayed", "Spring"}
    assert "less certain" in q[0].prompt


def test_banks_do_not_depend_on_string_hashing():
    import os
    import subprocess
    import sys

    code = (
        "import hashlib, quizlib\n"
        "from quizlib.generate import generate\n"
        "from quizlib.generators import all_generators\n"
        "gens = [g for g in all_generators() if g.skill == 'bias']\n"
        "bank = generate(quizlib.load_corpus(), seed=0, generators=gens)\n"
        "print(hashlib.sha256(bank.to_json().encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": h},
        ).stdout
        for h in ("1", "2")
    }
    assert len(digests) == 1 and len(next(iter(digests)).strip()) == 64
