"""Bias questions: sound keys, evidence and explanations, determinism, and the numbers the
issue asks for, on the seeds (properties only) and on invented articles (exact expectations)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from random import Random

import pytest

from quizlib.articles import load_corpus
from quizlib.cues import find_cues, quote_spans
from quizlib.generators import all_generators
from quizlib.generators.bias import (
    _BUILDERS,
    _DESCRIBING_ENDINGS,
    _PURPOSE,
    _SAME_KEYS,
    ATTRIBUTED_OPTION,
    FACT_OPTION,
    KIND_OPTIONS,
    NO_SOURCE,
    OPINION_OPTION,
    ORGANISATION,
    PERSON,
    SOURCE_OPTIONS,
    SPECULATION_OPTION,
    UNNAMED,
    _body_cues_by_sentence,
    _hedge_like,
    _is_trap,
    _outside_quotes,
    _plan,
    _Positions,
    _surface,
    compare_coverage,
)
from quizlib.pipeline import generate
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
                assert set(q.answer) == set(q.options) and len(q.answer) == len(q.items)  # every option is used


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


def build(slot, needle):
    """The item a generator would make on the fixture sentence holding `needle` (or None), whether
    or not the one-item-per-sentence plan gives that sentence to this kind."""
    corpus = load_corpus(sorted(FIXTURES.glob("bias-*.txt")))
    found = [(a, i, s) for a in corpus for i, s in enumerate(a.sentences) if needle in s.text]
    assert len(found) == 1, needle
    article, i, s = found[0]
    cues = _body_cues_by_sentence(article)[i]
    return _BUILDERS[slot](_plan(corpus), article, s, cues, _Positions(Random(0)))


def build_all(slot, corpus):
    """Every sentence's item of one kind (None where there is none), in text order."""
    article = corpus[0]
    cues = _body_cues_by_sentence(article)
    plan = _plan(corpus)
    return [_BUILDERS[slot](plan, article, s, cues[i], _Positions(Random(0))) for i, s in enumerate(article.sentences)]


def _corpus_of(*texts: str):
    from quizlib.articles import Corpus, parse_article

    return Corpus(tuple(parse_article(t, f"own-{i}") for i, t in enumerate(texts)))


def test_mark_words_key_is_the_detected_set_with_partial_credit(fixture_bank):
    q = build("mark_words", "Perhaps the board")
    assert q.form == "multi" and q.technique == "hedge"
    assert q.answer == ("Perhaps",)
    assert "board" in q.options and "Perhaps" in q.options
    assert score(q, ["Perhaps"]) == 1.0
    assert score(q, ["Perhaps", "board"]) == 0.5
    marked = [q for q in fixture_bank if q.kind == "mark_words"]
    assert marked and all(len(set(q.options)) == len(q.options) for q in marked)


def test_mark_words_key_set_is_precise():
    """Review finding 10: a sentence with a word a careful reader could also mark ("victory") is
    not asked; the hedge prompt says what counts, with examples that are not in the sentence."""
    assert build("mark_words", "monumental victory") is None
    assert build("mark_words", "monumental step").answer == ("monumental",)
    q = build("mark_words", "Perhaps the board")
    rule = q.prompt.split("\n")[0]
    assert "less certain" in rule and "“if”" in rule and "do not count" in rule
    assert "“perhaps”" not in rule.lower()  # an example that is the key would give it away
    corpus = _corpus_of(
        "Ferry Fares\n\nThe ferry fares could rise in the spring, and the timetable would change. "
        "The ferry fares could rise in the spring, and the timetable will change.\n"
    )
    made = build_all("mark_words", corpus)
    assert made[0] is None and made[1].answer == ("could",)  # "would" may fairly be marked too
    assert build_all("mark_words", _corpus_of(corpus[0].text.replace("would change", "can change")))[0] is None


def test_which_word_options_come_from_the_sentence_and_only_the_key_is_of_the_asked_kind(fixture_bank, seed_bank):
    asked = [q for bank in (fixture_bank, seed_bank) for q in bank if q.kind == "which_word" and "sentence" in q.tags]
    assert {q.technique for q in asked} >= {"loaded_language", "hedge"}
    for q in asked:
        assert len(q.options) == 4
        sentence = q.evidence[-1].text.lower()
        assert all(o in sentence for o in q.options)
        cues = [c for c in find_cues(q.evidence[-1].text, headline=False) if c.category == q.technique]
        assert [c.text.lower() for c in cues] == [q.answer[0]]


def test_which_word_distractors_look_like_the_key_but_are_not_of_its_kind(fixture_bank, seed_bank):
    """Second review, finding 1: the key was the only evaluative or modal word on offer, guessed
    from the options alone. Two of three distractors are now cues of another kind ("disastrous"
    for a hedge, "reportedly" for a loaded word) or hedge traps ("will", "certain")."""
    q = build("which_word", "fares might also rise")
    assert q.answer == ("might",) and sorted(q.options) == ["also", "disgraceful", "might", "will"]
    assert "“disgraceful” is loaded" in q.explanation and "“will” states something with certainty" in q.explanation
    q = build("which_word", "reckless timetable")
    assert q.answer == ("reckless",) and {"likely", "reportedly"} < set(q.options)
    # the old items: a hedge among "already, also, will"; a loaded word among plain adjectives
    assert build("which_word", "vaccine could also reach clinics") is None
    assert build("which_word", "shameless advertising campaign") is None
    for bank in (fixture_bank, seed_bank):
        for q in bank:
            if q.kind == "which_word" and "sentence" in q.tags:
                text = q.evidence[-1].text
                kinds = {c.text.lower(): c.category for c in find_cues(text, headline=False)}
                alike = [
                    o
                    for o in q.options
                    if o != q.answer[0] and (kinds.get(o, q.technique) != q.technique or _is_trap(o))
                ]
                assert len(alike) >= 2, q.prompt


def test_hedge_distractors_are_not_hedges(fixture_bank, seed_bank):
    """Review finding 2: the hedge was the only modal or adverb among nouns, guessable by form."""
    hedges = [q for b in (fixture_bank, seed_bank) for q in b if q.kind == "which_word" and q.technique == "hedge"]
    hedges = [q for q in hedges if "sentence" in q.tags]
    assert hedges
    for q in hedges:
        assert all(not _hedge_like(o) for o in q.options if o != q.answer[0])


def test_loaded_distractors_are_describing_words_or_cues_of_another_kind(fixture_bank, seed_bank):
    # "clinic" and "trial" end like adjectives ("-ic", "-al") but are nouns here: never offered
    assert build("which_word", "monumental step") is None
    banks = (fixture_bank, seed_bank)
    loaded = [q for b in banks for q in b if q.kind == "which_word" and q.technique == "loaded_language"]
    assert loaded
    for q in loaded:
        assert all(o.endswith(_DESCRIBING_ENDINGS) or _hedge_like(o) for o in q.options if o != q.answer[0])


def test_which_word_passages_for_motives_and_engagement(fixture_bank):
    motive = [q for q in fixture_bank if q.kind == "which_word" and q.technique == "motive_guessing"]
    keys = {q.answer[0] for q in motive}
    assert "The bid might be an attempt to distract fans from a disastrous season." in keys
    assert "The company might be trying to win over investors before its shares go on sale." in keys
    bait = [q for q in fixture_bank if q.kind == "which_word" and q.technique == "engagement_bait"]
    assert "Subscribe to our newsletter for weekly updates on the trial." in {q.answer[0] for q in bait}
    for q in motive + bait:
        for o in q.options:
            if o != q.answer[0]:
                assert not [c for c in find_cues(o, headline=False) if c.category == q.technique]


def test_passage_distractors_share_the_surface_of_the_key():
    """Second review, finding 1: the key was the only sentence with a motive phrase or a call to
    action. Distractors now share a modal, a question mark or an address to the reader with it,
    and are wrong by the prompt's definition: a hedged prediction about events, a question, a
    motive the person states in a quote; a reader address that reports something."""
    corpus = load_corpus(FIXTURES / "bias-harbour-ferry.txt")
    plan = _plan(corpus)
    article = corpus[0]
    motive = {article.sentences[i].text for i in plan.pool[(article.id, "motive_guessing")]}
    assert "Fares could rise in the autumn when the winter timetable starts." in motive  # a guess about events
    assert any(t.startswith("What will happen to the old ferry") for t in motive)  # a question
    assert any(t.startswith('"We want every island family') for t in motive)  # a motive the person states
    assert (
        "The ferry between Port Selby and Marrow Island will restart on 2 May 2026 with two crossings a day."
        not in motive
    )  # "May" is the month
    react = {article.sentences[i].text for i in plan.pool[(article.id, "engagement_bait")]}
    assert "You can buy tickets at the kiosk by the harbour gate for 4 euros." in react  # talks to you, reports
    assert "None of the 300 seats on the first test crossing were empty!" in react  # exclaims, reports
    assert "Imagine the relief of island families who waited two years!" not in react  # asks you to react itself
    q = build("passage", "operator may be trying")
    assert q.answer[0].startswith("The operator may be trying") and "states themselves" in q.explanation
    for o in q.options:
        assert _surface(o, "motive_guessing") & _surface(q.answer[0], "motive_guessing")
    q = build("passage", "Subscribe to our newsletter")
    assert all("reader" in _surface(o, "engagement_bait") for o in q.options)
    # a labelled call ("Call to Action: ...") names the move: never a key
    labelled = _corpus_of(
        "Ferry News\n\nYou can buy tickets at the gate for 4 euros. Call to Action: Subscribe to our newsletter "
        "for ferry updates. Our reporter took the 7 crossing on Monday. We counted 12 cars on the deck on Tuesday.\n"
    )
    assert all(q is None for q in build_all("passage", labelled))
    unlabelled = _corpus_of(labelled[0].text.replace("Call to Action: ", ""))
    assert [q.answer[0] for q in build_all("passage", unlabelled) if q] == [
        "Subscribe to our newsletter for ferry updates."
    ]
    # a sentence that urges the reader is itself a call to react: never its distractor
    urging = _corpus_of("Ferry News\n\nWe should all thank the 12 crew members of the ferry from Port Selby.\n")
    assert _plan(urging).pool[(urging[0].id, "engagement_bait")] == ()
    # look-alikes that share nothing with the key (exclamations next to a modal motive guess): not asked
    unlike = _corpus_of(
        "Ferry News\n\nThe operator may be trying to win over the council before the vote. "
        "None of the 300 seats on the first crossing were empty! The crew of 12 sailed in fog on Monday! "
        "The harbour gate opened at 6 for the 40 cars!\n"
    )
    assert len(_plan(unlike).pool[(unlike[0].id, "motive_guessing")]) == 3
    assert all(q is None for q in build_all("passage", unlike))


def test_passage_distractors_give_no_motive_of_the_writer_and_are_no_other_items_key(seed_bank, fixture_bank):
    """Review findings 6 and 3: "It allows him to bypass ..." explains a motive; a distractor that
    is another passage item's key gives that item away."""
    for bank in (seed_bank, fixture_bank):
        keys = {q.answer[0] for q in bank if "passage" in q.tags}
        passages = [q for q in bank if "passage" in q.tags]
        assert passages
        for q in passages:
            for o in q.options:
                if o != q.answer[0]:
                    assert o not in keys
                    if q.technique == "motive_guessing":
                        assert not _PURPOSE.search(_outside_quotes(o))
    assert not [q for q in fixture_bank if any("allow the company" in o for o in q.options)]
    corpus = _corpus_of(
        "Harbour Ferry Timetable\n\nThe new ferry allows the town to skip the long road round the bay. "
        "The ferry could leave the harbour at seven every morning. The ferry might be a way to win tourists. "
        "The cafe on the pier sells tea and cake.\n"
    )
    pooled = {corpus[0].sentences[i].text for i in _plan(corpus).pool[(corpus[0].id, "motive_guessing")]}
    assert pooled == {"The ferry could leave the harbour at seven every morning."}


def test_passage_distractors_take_turns():
    """A distractor met in every passage item of an article is soon known as one: they take turns."""
    corpus = _corpus_of(
        "Harbour Ferries\n\nThe ferry company might be trying to win over the tourist board this summer. "
        "The harbour master might be seeking to avoid blame for the delays at the pier. "
        "The ferry might be aiming to draw day trippers from the city. "
        "The pier cafe might be seeking to sell more tea this summer. "
        "The ferry timetable could change at seven every morning. The cafe on the pier may sell tea and cake. "
        "The old ferry might be painted blue and white next spring. Ticket prices could rise at the kiosk by the gate. "
        "The crossing to the island might take forty minutes in calm weather.\n"
    )
    pool = {corpus[0].sentences[i].text for i in _plan(corpus).pool[(corpus[0].id, "motive_guessing")]}
    assert len(pool) == 5
    for seed in range(5):
        bank = generate(corpus, seed=seed, generators=bias_generators(), per_article_kind=None)
        passages = [q for q in bank if "passage" in q.tags]
        assert len(passages) == 4
        used = Counter(dict.fromkeys(pool, 0))
        used.update(o for q in passages for o in q.options if o != q.answer[0])
        assert sorted(used.values()) == [2, 2, 2, 3, 3], seed


def test_engagement_key_is_a_call_to_action_not_a_sign_off():
    """Review finding 7: "We'll have to stay tuned" is a sign-off; "Subscribe ..." asks the reader to act."""
    sign_off = "We'll have to stay tuned, folks, and see how this story goes."
    assert any(c.category == "engagement_bait" for c in find_cues(sign_off))  # a cue for reading ...
    assert build("passage", "stay tuned, folks") is None  # ... but never a key
    call = "Subscribe to our newsletter for weekly updates on the trial."
    assert build("passage", "Subscribe to our newsletter").answer == (call,)


@pytest.mark.parametrize(
    ("needle", "key"),
    [
        ("Mensah scored 31 goals", FACT_OPTION),
        ("approved a budget of 412", FACT_OPTION),
        ("Let's be honest", OPINION_OPTION),
        ("The transfer fee may rise", SPECULATION_OPTION),
        ("Finance Director Ana Lindqvist told", ATTRIBUTED_OPTION),
        ("Some experts argue that", ATTRIBUTED_OPTION),
        ("Some experts would argue", None),  # the writer imagines what a group would say
        ("expects the water", None),  # a forecast of an agency is not offered as a plain fact
        ("Undeniably, losing Mensah", None),  # an opinion inside a conditional prediction: two labels fit
    ],
)
def test_what_kind_of_sentence(needle, key):
    q = build("fact_opinion", needle)
    if key is None:
        assert q is None
    else:
        assert q.answer == (key,) and sorted(q.options) == sorted(KIND_OPTIONS)
        assert q.prompt.startswith("What kind of sentence is this?")


def test_kind_of_sentence_keys_vary(seed_bank, fixture_bank):
    """Review finding 1: all ten keys were "Opinion"; answering it every time scored 100 %."""
    for bank in (seed_bank, fixture_bank):
        items = [q for q in bank if q.kind == "fact_opinion"]
        keys = Counter(q.answer[0] for q in items)
        assert len(keys) >= 2 and max(keys.values()) <= 0.6 * len(items)
        per_article: dict[str, list[str]] = {}
        for q in items:
            per_article.setdefault(q.article_ids[0], []).append(q.answer[0])
        assert all(len(set(k)) >= 2 for k in per_article.values() if len(k) >= 2)  # one item sets no pattern
    corpus = _corpus_of(
        "Harbour Ferries\n\nLet's be honest, the new ferry is a disgrace. Frankly, the new winter timetable is "
        "a bad joke. The ferry leaves Eastford Harbour at 7:15 every morning. The ferry to Westford Pier carried "
        "42,000 passengers in 2025. Eastford Council bought the second ferry for 3 million euros in March.\n",
    )
    assert [q.answer[0] for q in build_all("fact_opinion", corpus) if q] == [OPINION_OPTION] * 2 + [FACT_OPTION] * 3
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    assert {q.answer[0] for q in bank if q.kind == "fact_opinion"} == {OPINION_OPTION, FACT_OPTION}
    only_opinion = _corpus_of(
        "Harbour Ferries\n\nLet's be honest, the new ferry is a disgrace. Frankly, the new winter timetable is "
        "a bad joke.\n",
    )
    bank = generate(only_opinion, seed=0, generators=bias_generators(), per_article_kind=None)
    assert not [q for q in bank if q.kind == "fact_opinion"]  # one label only: no such items


@pytest.mark.parametrize(
    ("needle", "key"),
    [
        ("Finance Director Ana Lindqvist told", PERSON),
        ("Critics including Councillor Raj Patel", PERSON),
        ("the National Water Agency said", ORGANISATION),
        ("Mensah scored 31 goals", NO_SOURCE),
        ("Dr Amara Diallo said the vaccine", PERSON),
        ("Some experts argue that", UNNAMED),
        ("Some experts would argue", None),  # hypothetical: the writer imagines it, nobody is cited
        ("Dr Amara Diallo has announced plans", None),  # the subject of an action, not a cited source
    ],
)
def test_source(needle, key):
    """Review finding 5: hypothetical attributions and mere subjects of an action are not source keys."""
    q = build("source", needle)
    if key is None:
        assert q is None
    else:
        assert sorted(q.options) == sorted(SOURCE_OPTIONS) and q.answer == (key,)


def test_source_unnamed_on_seeds_and_no_pronoun_sentences(seed_bank, fixture_bank):
    assert any(q.answer == (UNNAMED,) for q in seed_bank if q.kind == "source")
    assert not [q for q in fixture_bank if q.kind == "source" and "“It has issued" in q.prompt]
    assert build("which_word", "Some experts would argue") is None  # not an unnamed-source key either


def test_neutral_rewrite_model_answer_replaces_the_words(fixture_bank, seed_bank):
    # "… slammed the referees …, and many believe the club is panicking": the unnamed believers would stay
    assert build("neutral_rewrite", "slammed the referees") is None
    corpus = _corpus_of("Transfer Row\n\nManager Luis Ferreira slammed the referees after last weekend's defeat.\n")
    q = next(q for q in build_all("neutral_rewrite", corpus) if q is not None)
    assert q.items == ("slammed",)
    assert "criticised the referees" in q.answer[0]
    for bank in (fixture_bank, seed_bank):
        for q in (q for q in bank if q.kind == "neutral_rewrite"):
            assert score(q, q.answer[0]) == 1.0
            assert score(q, q.evidence[-1].text) == 0.0
            assert " a important" not in q.answer[0] and " an major" not in q.answer[0]


def test_neutral_rewrite_only_for_sentences_that_report_something():
    """Review finding 9: "the world watches as these moments unfold" has nothing to keep; a word
    that may describe documented harm ("devastating") is not keyed as loaded."""
    assert build("neutral_rewrite", "The world watches as these pivotal") is None
    corpus = _corpus_of(
        "Storm Report\n\nThe devastating storm damaged 40 homes in Eastford on Monday night. "
        "The developers slammed the council in Eastford on Monday night. "
        "The developers slammed the plan as a gamble.\n"
    )
    made = build_all("neutral_rewrite", corpus)
    assert made[0] is None  # severity, not judgement
    assert made[1].items == ("slammed",)
    assert made[2] is None  # no name or number, and "gamble" would stay loaded in the rewrite


def test_one_item_per_sentence(seed_bank, fixture_bank):
    """Review finding 3: mark_words and which_word on one sentence gave each other away."""
    for bank in (seed_bank, fixture_bank):
        sentences = Counter(
            (q.evidence[-1].article_id, q.evidence[-1].start) for q in bank if q.kind != "compare_coverage"
        )
        assert max(sentences.values()) == 1


def test_key_position_varies(seed_bank, fixture_bank):
    """Review finding 4: the unnamed source was option B in five of six items."""
    positions = _Positions(Random(3))
    placed = Counter(positions.place("key", ["a", "b", "c"]).index("key") for _ in range(40))
    assert placed == Counter({0: 10, 1: 10, 2: 10, 3: 10})
    for bank in (seed_bank, fixture_bank):
        by_kind: dict[str, list[int]] = {}
        for q in bank:
            if q.form == "single":
                by_kind.setdefault(q.kind, []).append(q.options.index(q.answer[0]))
        for kind, where in by_kind.items():
            if len(where) >= 4:
                assert len(set(where)) >= 3, kind
                assert max(Counter(where).values()) <= 0.5 * len(where), kind


def test_compare_coverage(fixture_bank):
    compare = {q.technique: q for q in fixture_bank if q.kind == "compare_coverage"}
    football = "Is This the Most Shocking Transfer of the Summer?"
    assert compare["headline_framing"].answer == (football,)
    assert compare["vague_source"].answer == (f"{football} (253 words)",)
    consistency = compare["consistency"]
    assert consistency.form == "match" and "Helen Okafor" in consistency.prompt
    pairs = dict(zip(consistency.items, consistency.answer, strict=True))
    assert pairs == {
        "River Wend Flood: 300 Residents Moved to Shelters": "former Mayor",
        "Council Approves 2026 Budget After Three-Hour Debate": "Mayor",
    }


def test_consistency_item_teaches_a_checkable_contradiction(fixture_bank):
    """Second review, finding 3: "former Mayor" vs "Mayor" is a checkable fact, not a framing
    difference; the walkthrough added that articles of different dates can each be right."""
    q = next(q for q in fixture_bank if q.technique == "consistency")
    assert "is Mayor or former Mayor, a fact anyone can check" in q.prompt and "differently" not in q.prompt
    assert "same date, they cannot both be right" in q.explanation and "right for its own date" in q.explanation
    assert "date line" in q.explanation and "another source" in q.explanation


def test_per_100_words_items_give_the_words_to_count_and_the_lengths():
    """Second review, finding 6: a rate over five articles cannot be estimated by hand. The prompt
    lists the words that count and every option gives its article's length; when another article
    has more hits in total, the prompt warns to compare rates."""
    long = "Harbour Report\n\n" + " ".join(
        f"The ferry might run late on day {i}, and the crossing took forty minutes with {i} cars on board."
        for i in range(1, 11)
    )
    short = (
        "Island Notes\n\nThe ferry might be late. The cafe could close. Fares may rise. Tickets might sell out. "
        "The pier could flood. The island has one shop.\n"
    )
    plain = "Port Diary\n\nThe ferry left at seven. The cafe opened at eight. The pier was painted blue.\n"
    corpus = _corpus_of(long, short, plain)
    q = next(q for q in compare_coverage(corpus, Random(0)) if q.technique == "hedge")
    assert q.answer == (f"Island Notes ({corpus[1].words} words)",)
    assert {f"{a.title} ({a.words} words)" for a in corpus} == set(q.options)
    assert "“might”" in q.prompt and "“could”" in q.prompt and "“may”" in q.prompt
    assert "Compare rates, not totals" in q.prompt  # the long article has more hedges in all
    q = next(q for q in compare_coverage(_corpus_of(short, plain), Random(0)) if q.technique == "hedge")
    assert "Compare rates" not in q.prompt  # the leader has the most hits too: nothing to warn about


def test_question_headline_options_are_headlines_and_only_the_main_headline_counts(seeds, seed_bank, fixtures):
    """Review finding 8: the options were style labels learners never see."""
    fixture_bank = generate(fixtures, seed=0, generators=bias_generators())
    for corpus, bank in ((seeds, seed_bank), (fixtures, fixture_bank)):
        q = [q for q in bank if q.kind == "compare_coverage" and q.technique == "headline_framing"]
        assert q and sorted(q[0].options) == sorted(a.title for a in corpus)
        assert not {a.style for a in corpus if a.style} & set(q[0].options)
    texts = [
        "Ferry Fares Rise in Spring\n\nThe ferry company raised its fares by four percent on Monday.\n",
        "Harbour Wall Repaired\n\nWill the harbour wall hold this winter? The council repaired it in May.\n",
        "Market Moves to the Square\n\nThe Saturday market moved to the town square in June.\n",
    ]
    bank = generate(_corpus_of(*texts), seed=0, generators=bias_generators(), per_article_kind=None)
    assert not [q for q in bank if q.kind == "compare_coverage" and q.technique == "headline_framing"]
    texts[1] = "Will the Harbour Wall Hold?\n\nThe council repaired the harbour wall in May.\n"
    bank = generate(_corpus_of(*texts), seed=0, generators=bias_generators(), per_article_kind=None)
    q = [q for q in bank if q.kind == "compare_coverage" and q.technique == "headline_framing"]
    assert q and q[0].answer == ("Will the Harbour Wall Hold?",)


def test_one_article_corpus_still_works(fixtures):
    single = load_corpus(FIXTURES / "bias-football-transfer.txt")
    bank = generate(single, seed=3, generators=bias_generators(), per_article_kind=None)
    assert len(bank) > 5 and "compare_coverage" not in {q.kind for q in bank}


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


def test_headline_words_are_not_asked_among_plain_headline_nouns():
    """Second review, finding 1: "Potentially" among the headline's nouns is found by word class.
    A headline offers no look-alike distractors, so headline framing is asked only as "which
    headline is a question" (options: the headlines)."""
    corpus = _corpus_of(
        "Council Vote Possibly Delayed Until Spring\n\n"
        "The council vote on the harbour plan was delayed on Monday. The council said the vote would "
        "take place in the spring. A delayed vote means the harbour plan waits for another season.\n"
    )
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    assert not [q for q in bank if q.technique == "headline_framing" and q.kind == "which_word"]


def test_banks_do_not_depend_on_string_hashing():
    import os
    import subprocess
    import sys

    code = (
        "import hashlib, quizlib\n"
        "from quizlib.pipeline import generate\n"
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


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        # a judgement about the future is a forecast too: two labels fit
        ("Let's be honest, the new timetable is not going to be a success for the island.", None),
        ("Let's be honest, the new timetable is a failure for the island.", OPINION_OPTION),
        # a hedge opening a side phrase leaves the main claim unhedged
        ("The new timetable adds a night crossing, potentially opening the island to day trippers.", None),
        ("The new timetable could open the island to day trippers from the city in May.", SPECULATION_OPTION),
        # "should" that sets a condition is no opinion: the key is not read off the modal
        ("Should the council agree, the ferry may turn out to be too small for the summer crowds.", SPECULATION_OPTION),
    ],
)
def test_what_kind_of_sentence_only_where_one_label_fits(sentence, key):
    """Second review, finding 2: keys must not follow surface words when two labels fit."""
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    made = [q for q in build_all("fact_opinion", corpus) if q is not None]
    assert [q.answer[0] for q in made] == ([key] if key else [])


def test_mark_hedges_skip_described_ideas_and_reported_claims():
    """Second review, finding 4: "the idea that diplomacy might prevail is a powerful one" — the
    hedge belongs to the idea described, not to the writer's own claim."""
    corpus = _corpus_of(
        "Ferry Hopes\n\nThe idea that a ferry might save the island's shops is a popular one on the island. "
        "The fear that fares could rise again has kept some families away from the port this year. "
        "Fares could rise in the autumn when the winter timetable starts on the island.\n"
    )
    made = [q.answer if q else None for q in build_all("mark_words", corpus)]
    assert made == [None, None, ("could",)]


def test_mark_hedges_cap_same_key_sets_and_prefer_traps():
    """Second review, finding 4: eleven items that only ask to find "could" teach one word."""
    could = [f"Demand could grow at harbour number {i} next spring for the island families." for i in range(6)]
    corpus = _corpus_of(
        "Ferry Plans\n\n"
        + " ".join(could)
        + " The ferry will run daily, and fares could rise when the new timetable starts in the spring.\n"
    )
    for seed in range(3):
        bank = generate(corpus, seed=seed, generators=bias_generators(), per_article_kind=None)
        marks = [q for q in bank if q.kind == "mark_words"]
        assert len(marks) == _SAME_KEYS
        assert any("will" in q.options for q in marks)  # the item with a trap word is kept first


def test_source_labels_and_vague_sources():
    """Second review, finding 5: "Some believe ...", "The reports suggesting ...", "Reports are
    swirling ..." cite someone, but nobody you could check: the vague-or-unnamed option."""
    assert UNNAMED.startswith("A vague or unnamed source") and "“" not in UNNAMED  # walkthrough 3: examples matched
    assert NO_SOURCE.startswith("No source at all")
    for sentence in (
        "Some believe the new ferry will bring 2,000 visitors to the island every summer.",
        "The reports suggesting the ferry will stop in 2027 have worried island families.",
        "Reports are swirling that the operator will sell the old ferry to a buyer abroad.",
    ):
        corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
        q = build_all("source", corpus)[0]
        assert q is not None and q.answer == (UNNAMED,), sentence
        assert "nobody you could identify, check" in q.explanation
        assert q.explanation.count("points to a source") == 1  # walkthrough 5: it was said twice


def test_passage_distractors_come_from_a_bounded_set_of_articles():
    """On a large corpus each passage item looks at most NEIGHBOURS other articles for look-alikes
    (comparing with every article made generation quadratic in the corpus size)."""
    from quizlib.articles import Corpus, parse_article
    from quizlib.generators.bias import _Plan

    text = "Town {} Votes\n\nThe council of town {} voted on Monday.\n"
    corpus = Corpus(tuple(parse_article(text.format(i, i), f"t{i}") for i in range(12)))
    plan = _Plan(corpus)
    for article in corpus:
        near = plan.neighbours(article)
        assert len(near) == _Plan.NEIGHBOURS + 1 and article in near
        assert [a.id for a in near] == sorted((a.id for a in near), key=lambda x: int(x[1:]))
    assert plan.neighbours(corpus[11])[0].id == "t0"  # wraps round


# -- issue 4: fact claims ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "key", "part"),
    [
        # a checkable main claim with the writer's comment in a side clause: the main clause is asked
        (
            "Eastford Council and Westford Council together run 14 of the island's 20 ferries, adding significant "
            "pressure to the timetable talks.",
            FACT_OPTION,
            "Eastford Council and Westford Council together run 14 of the island's 20 ferries",
        ),
        # the same shape with a hedge in the main clause: speculation, so the part prompt is no giveaway
        (
            "The new ferry could double the traffic to Westford Pier each day, adding significant strain to the "
            "harbour.",
            SPECULATION_OPTION,
            "The new ferry could double the traffic to Westford Pier each day",
        ),
        # "including" continues the claim: no side clause, the whole sentence is asked
        (
            "Eastford Council bought two ferries in March, including the Westford Star, for 6 million euros.",
            FACT_OPTION,
            None,
        ),
        # a subordinate opening: the text before the side clause is no main clause
        (
            "While Eastford Council bought two ferries in March, the harbour lost 400 seats, adding significant "
            "strain to the crossing.",
            None,
            None,
        ),
    ],
)
def test_fact_claim_from_a_main_clause(sentence, key, part):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    made = [q for q in build_all("fact_opinion", corpus) if q is not None]
    assert [q.answer[0] for q in made] == ([key] if key else [])
    if part:
        q = made[0]
        assert q.prompt.startswith("What kind of claim does this first part") and f"“{part} …”" in q.prompt
        assert q.evidence[-1].text == part  # evidence is the exact span of the part asked about
    elif key:
        assert made[0].prompt.startswith("What kind of sentence is this?")


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Eastford Council has approved the new ferry timetable for Westford Pier.", True),  # names and an action
        ("The storm closed six roads and the ferry line to Westford Pier.", True),  # a number in words
        ("Eastford Council has so far refused to fund the Westford Pier repairs.", True),  # "has ... refused"
        ("Eastford Council and Westford Council signed the ferry contract in March.", True),  # a date
        (
            "The role of Eastford Council, the unity of Westford and the future of the Harbour Board are all being "
            "tested.",
            False,
        ),  # names and an image: nothing to look up
    ],
)
def test_a_fact_claim_needs_something_a_record_can_confirm(sentence, fact):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    made = [q for q in build_all("fact_opinion", corpus) if q is not None]
    assert [q.answer[0] for q in made] == ([FACT_OPTION] if fact else [])


def test_a_sentence_naming_the_united_states_is_not_an_attributed_claim():
    """'States' in "the United States" was read as the verb "states", keying such sentences attributed."""
    corpus = _corpus_of("Fisheries\n\nThe United States and Canada signed the fisheries treaty in 1923 in Ottawa.\n")
    made = [q for q in build_all("fact_opinion", corpus) if q is not None]
    assert [q.answer[0] for q in made] == [FACT_OPTION]


def test_a_sentence_joining_two_claims_needs_the_deciding_cue_in_each():
    """Third bias review, Q27: "He's not afraid to break the mold, and ... he's likely to take it":
    the second half guesses, the first judges, so no single label is defensible."""
    mixed = "The mayor has a stubborn streak, and she will likely veto the budget."
    listed = "The plan's economic, political, and legal steps could delay the harbour vote until next spring."
    corpus = _corpus_of(f"Harbour Vote\n\n{mixed} {listed}\n")
    keys = {q.prompt.split("\n\n")[-1]: q.answer[0] for q in build_all("fact_opinion", corpus) if q}
    assert not any("stubborn" in p for p in keys)
    assert any("legal steps" in p for p in keys)  # ", and" in a list joins no second claim


def test_consistency_item_asks_every_article_that_takes_a_side():
    """Fourth walkthrough: with two articles and two titles the second match was forced (and a third
    article that also said "former" was left out of the prompt's "two articles")."""
    texts = [
        "Port Vote Delayed\n\nFormer Mayor Helen Okafor said the port vote will wait until June.\n",
        "Ferry Fares Rise\n\nFormer Mayor Helen Okafor criticised the new ferry fares on Monday.\n",
        "Harbour Budget Passed\n\nMayor Helen Okafor signed the harbour budget on Friday.\n",
    ]
    corpus = _corpus_of(*texts)
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    q = next(q for q in bank if q.technique == "consistency")
    assert dict(zip(q.items, q.answer, strict=True)) == {
        "Port Vote Delayed": "former Mayor",
        "Ferry Fares Rise": "former Mayor",
        "Harbour Budget Passed": "Mayor",
    }
    assert sorted(q.options) == ["Mayor", "former Mayor"] and len(q.evidence) == 3


def _stands_out(q) -> bool:
    """The key is more than 15 % longer than the longest other option or shorter than the shortest
    (walkthrough 6: a call to react 18 % longer than every other option was still found by length)."""
    key, others = len(q.answer[0]), [len(o) for o in q.options if o != q.answer[0]]
    return key > 1.15 * max(others) or key < 0.85 * min(others)


def test_passage_key_is_not_found_by_its_length(seed_bank, fixture_bank):
    """New-learner walkthrough: the motive guess was the longest option of most "which sentence"
    items, and a short call to act ("Share your views.") the shortest, so learners picked by length."""
    passages = [q for b in (seed_bank, fixture_bank) for q in b if "passage" in q.tags]
    assert {q.technique for q in passages} == {"motive_guessing", "engagement_bait"}
    assert not [q.answer[0] for q in passages if _stands_out(q)]


def test_passage_distractors_come_close_to_the_key_in_length():
    """A long motive guess among many short look-alikes and one long one: the long one is always an
    option (without the rule, three short ones were picked in most seeds and the key stood out)."""
    key = "The harbour master might be seeking to avoid blame for the long delays at the old pier this summer."
    long_one = "The crossing to the island might take forty minutes in calm weather and longer in a storm."
    short = [
        "The ferry could leave at seven each day.",
        "Tickets could cost five euros next year.",
        "The cafe might open on the pier soon.",
        "The old ferry might be painted blue.",
        "A new kiosk could open by the gate.",
        "The timetable may change in the autumn.",
    ]
    corpus = _corpus_of("Harbour Notes\n\n" + " ".join([key, *short, long_one]) + "\n")
    for seed in range(6):
        bank = generate(corpus, seed=seed, generators=bias_generators(), per_article_kind=None)
        q = next(q for q in bank if "passage" in q.tags and q.answer[0] == key)
        assert long_one in q.options, seed
        assert not _stands_out(q)


def test_length_balanced_swaps_the_worst_pick_only_when_the_key_stands_out():
    from quizlib.generators.bias import _length_balanced, _length_gives_away

    assert _length_balanced(100, [40, 50, 95, 30]) == [0, 1, 2]  # 95 is close enough to 100
    assert _length_balanced(100, [40, 50, 60, 30, 120, 110]) == [0, 1, 4]  # the best-ranked long one
    assert _length_balanced(100, [40, 50, 60, 30, 80]) == [0, 1, 4]  # none as long: the closest
    assert _length_balanced(100, [40, 50, 60, 30]) == [0, 1, 2]  # nothing closer: unchanged
    assert _length_balanced(20, [60, 70, 80, 15]) == [0, 1, 3]  # a short key gets a short companion
    assert _length_gives_away("x" * 20, ["x" * 60, "x" * 70, "x" * 80])
    assert not _length_gives_away("x" * 100, ["x" * 40, "x" * 50, "x" * 90])


def test_fixed_labels_have_about_the_same_length():
    """Seeds key "unnamed source" and "speculation" most: their labels were the longest (59 and 64
    characters against 14 to 43), so picking the longest label scored."""
    for labels in (SOURCE_OPTIONS, KIND_OPTIONS):
        lengths = [len(o) for o in labels]
        assert max(lengths) <= 1.1 * min(lengths), labels


def test_call_to_action_prompt_examples_never_name_an_options_word(seed_bank, fixture_bank):
    """Fifth walkthrough: the prompt listed "follow" and the key opened with "Follow ..."."""
    from quizlib.generators.bias import _sentence_prompt

    prompt = _sentence_prompt("engagement_bait", ["Follow us for updates.", "It rained.", "Prices rose.", "Why?"])
    assert "follow" not in prompt.lower() and "comment" in prompt
    # walkthrough 7: "comment" pointed at the only option with "comments"
    prompt = _sentence_prompt("engagement_bait", ["Leave your comments below!", "It rained.", "Prices rose.", "Why?"])
    assert "comment" not in prompt.lower() and "share" in prompt
    items = [q for bank in (seed_bank, fixture_bank) for q in bank if q.technique == "engagement_bait"]
    items = [q for q in items if q.kind == "which_word" and len(q.options) == 4]
    assert items
    for q in items:
        examples = q.prompt[q.prompt.index("(") + 1 : q.prompt.index(")")]
        option_words = {w for o in q.options for w in re.findall(r"\w+", o.lower())}
        assert not option_words & set(re.findall(r"\w+", examples.lower())), q.prompt


def test_a_motive_key_names_whose_motive_it_guesses(seed_bank, fixture_bank):
    """Blind review (22 Nov): "It could be an attempt to ..." left whose motive was guessed to the
    sentence before."""
    keys = [q.answer[0] for bank in (seed_bank, fixture_bank) for q in bank if q.technique == "motive_guessing"]
    assert keys
    assert not [k for k in keys if re.match(r"(?:It|This|That|These|Those)\b", k)]


def test_opinion_explanations_do_not_say_the_same_thing_twice(seed_bank, fixture_bank):
    """Walkthrough 9: "judgement shows in “must remain”: “must remain” gives the writer's own judgement"."""
    opinions = [
        q
        for bank in (seed_bank, fixture_bank)
        for q in bank
        if q.kind == "fact_opinion" and "judgement shows" in q.explanation
    ]
    assert opinions
    for q in opinions:
        quoted = re.findall(r"“[^”]+”", q.explanation)
        assert len(quoted) == len(set(quoted)), q.explanation


def test_no_source_is_not_keyed_where_the_sentence_names_a_body_or_person():
    """Instructor walkthrough: "The café is funded by a grant ... from the Greenway Foundation" was keyed
    "no source", with "a named organisation" a tempting option."""
    corpus = _corpus_of(
        "Library Opens Repair Café\n\n"
        "The repair café opened in the library hall on Saturday morning.\n\n"
        "The café is funded by a grant of 8,500 dollars from the Greenway Foundation.\n\n"
        "The first session ran from ten until one o'clock in the reading room.\n\n"
        "Volunteer Maria Lopez mended eleven lamps and a toaster during the session.\n"
    )
    keyed = {
        q.evidence[0].text if q.evidence else "": q.answer[0] for q in build_all("source", corpus) if q is not None
    }
    no_source = [text for text, key in keyed.items() if key.startswith("No source")]
    assert no_source  # plain sentences that name no one still are
    assert not [t for t in no_source if "Greenway" in t or "Lopez" in t], no_source


def test_a_hearsay_hedge_is_no_speculation_key():
    """Instructor walkthrough: "Some residents are reportedly worried ..." was keyed the writer's
    speculation, though the writer passes on what unnamed others say rather than guessing."""
    corpus = _corpus_of(
        "Library Opens Repair Café\n\n"
        "The repair café opened in the library hall on Saturday morning.\n\n"
        "Some residents are reportedly worried that the café will take space from the children's corner.\n\n"
        "The library might open a second café in the spring if enough volunteers come forward.\n"
    )
    keys = {q.evidence[0].text: q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None}
    assert not any("reportedly" in text for text in keys), keys
    assert any("might" in text and key.startswith("The writer's speculation") for text, key in keys.items())


def test_hedge_examples_in_the_prompt_do_not_hint_at_the_sentence(seed_bank, fixture_bank):
    """Walkthrough 9: the prompt's example hedges were always "might" or "perhaps" except where the
    sentence held one of them, which hinted that it did."""
    items = [q for bank in (seed_bank, fixture_bank) for q in bank if q.kind == "mark_words" and "hedge" in q.prompt]
    pairs = {}
    for q in items:
        head, sentence = q.prompt.split("\n\n", 1)
        examples = re.findall(r"“(\w+)”", head.split("such as", 1)[1].split(".")[0])
        assert len(examples) == 2 and not any(re.search(rf"\b{e}\b", sentence, re.IGNORECASE) for e in examples)
        pairs[q.id] = (tuple(examples), bool(re.search(r"\b(?:might|perhaps)\b", sentence, re.IGNORECASE)))
    free_of_default = [p for p, has_default in pairs.values() if not has_default]
    assert len(set(free_of_default)) > 1  # sentences without "might"/"perhaps" get other pairs too


# -- held-out review (articles nobody tuned on, Dec 2026) ----------------------------------------


def test_no_source_is_not_keyed_where_a_report_carries_on():
    """Three "no source" keys stood on a study's results told over several sentences, one on "the
    union's own survey of members found": the writer was reporting, not claiming."""
    corpus = _corpus_of(
        "Birds Leave Earlier\n\n"
        "The tagged birds now leave nine days earlier than in the 1990s. "
        "Most of them crossed the sea in a single night in 2023.\n\n"
        "The results suggest that the birds now leave earlier. "
        "And 31 per cent of the tracked birds stopped for a week in the south in 2023. "
        "On average the difference was less than two days in 2023.\n\n"
        "The members' own survey found that 38 per cent of shifts ran past nine hours in 2023.\n"
    )
    made = [q.answer[0] if q else None for q in build_all("source", corpus)]
    assert made[0] == NO_SOURCE  # the writer's own claim, in a paragraph that reports nobody
    assert made[2:] == [None, None, None, None], made


def test_a_claim_someone_insists_on_is_no_fact_claim():
    corpus = _corpus_of(
        "Strike Called\n\nDrivers at the rail company are due to strike on 6 and 7 June, and both sides insist "
        "the facts are on their side.\n\nDrivers at the rail company are due to strike on 6 and 7 June in Tarvik.\n"
    )
    made = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    assert made[0] != FACT_OPTION and made[1] == FACT_OPTION


def test_tell_us_is_engagement_only_when_it_asks_about_the_reader():
    demand = find_cues("Tell us who decided not to do the repairs, and when.")
    ask = find_cues("Tell us what you think in the comments below.")
    assert not [c for c in demand if c.category == "engagement_bait"]
    assert [c for c in ask if c.category == "engagement_bait"]


def test_mark_hedges_skip_a_sentence_with_an_approximate_figure():
    """ "could stretch to about 84 days": "about" may fairly be marked as a hedge too."""
    corpus = _corpus_of(
        "Water Supply\n\nIf residents cut their use, the supply could stretch to about 84 days this summer. "
        "If residents cut their use, the supply could stretch to 84 days this summer.\n"
    )
    made = [q.answer if q else None for q in build_all("mark_words", corpus)]
    assert made == [None, ("could",)]


def test_second_held_out_review_fact_claims():
    """A judgement of conduct, a sentence of a quotation running over several sentences, and a figure
    in a paragraph that reports someone's argument were keyed "fact claim"."""
    corpus = _corpus_of(
        "Dam Report\n\n"
        "Engineer Ana Roos and her team at the dam office did exactly what they are supposed to do in 2024.\n\n"
        '"Nobody is against more trains," he said. "What they will not accept is driving for 9 hours in 2024. '
        'That is unsafe."\n\n'
        "Chief executive Tom Hale argues that the timetable works. Weekday services rose from 840 to 912 in 2024.\n\n"
        "Weekday services at the rail company rose from 840 to 912 in 2024.\n"
    )
    made = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    assert FACT_OPTION not in made[:-1] and made[-1] == FACT_OPTION, made


def test_likely_describing_a_noun_is_no_hedge():
    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("The visitors looked the more likely winners after the break.") == []
    assert hedges("A likely candidate for the job is the deputy.") == []
    assert hedges("The visitors are likely to win after the break.") == ["likely"]
    assert hedges("It is more likely than not that the vote passes.") == ["likely"]
    assert hedges("While less likely given the weather, a late vote is still possible.") == ["likely", "possible"]


def test_most_hedges_only_where_counting_every_use_gives_the_same_leader():
    """Second held-out review: a learner counting every "could" reached other numbers than the key's
    explanation. Here the detector's leader (real hedges) is not the leader by plain counting (five
    "could not"), so no item is made; with the "could not" lines gone it is."""
    body = "The ferry left the harbour at noon and reached the island two hours later with forty cars aboard. "
    cannot = "The crew could not open the ramp in the wind. " * 5
    hedging = "The service may perhaps return in spring, and fares will probably rise. "
    texts = [
        f"Ferry Delays Explained\n\n{body * 3}{cannot}The ferry could return next week.\n",
        f"Island Fares Rise Again\n\n{body * 3}{hedging}{hedging}\n",
        f"Harbour Opens New Pier\n\n{body * 4}\n",
    ]
    asked = [q for q in compare_coverage(_corpus_of(*texts), Random(0)) if q.technique == "hedge"]
    assert asked == []
    texts[0] = texts[0].replace(cannot, "")
    asked = [q for q in compare_coverage(_corpus_of(*texts), Random(0)) if q.technique == "hedge"]
    assert len(asked) == 1 and asked[0].answer[0].startswith("Island Fares Rise Again")


def test_second_held_out_set_bias_keys():
    """ "I'm told" was keyed as a named person; a named speaker after ", though" as the source of the
    whole sentence; an instruction as a fact claim; "calls claiming to be from the library" as loaded;
    a hedge item beside "it is not yet clear"; "no source" after "The court heard that"."""
    corpus = _corpus_of(
        "Ward Row\n\n"
        "Some of the board, I’m told, had never visited the ward in 2023.\n\n"
        "It expects to save £1.3 million a year, though Mr Alan Penrose said every penny would go to staff in 2024.\n\n"
        "Soak the oats in hot water for at least 30 minutes.\n\n"
        "The ward could close in 2025, and it is not yet clear how long the tankers will run.\n"
    )
    sources = [q.answer[0] if q else None for q in build_all("source", corpus)]
    assert PERSON not in sources, sources
    kinds = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    assert kinds[2] is None
    assert build_all("mark_words", corpus)[3] is None
    assert not [
        c for c in find_cues("Be wary of calls claiming to be from the library.") if c.category == "loaded_language"
    ]
    court = _corpus_of(
        "Fraud Trial\n\nThe court heard that he moved the money in 2019. He bought a house in Aldbridge in 2020 for "
        "£400,000.\n"
    )
    assert [q.answer[0] if q else None for q in build_all("source", court)] == [None, None]


def test_third_held_out_set_bias_keys():
    def kinds(text, category):
        return [c.text for c in find_cues(text) if c.category == category]

    assert kinds("The board cannot possibly be serious about this plan.", "hedge") == []
    assert kinds("Check on anyone who may need help and tie down anything that could blow away.", "hedge") == []
    assert kinds("Charge your phone and keep a torch handy in case the power goes off.", "loaded_language") == []
    assert kinds("Critics torched the plan on Monday.", "loaded_language") == ["torched"]
    corpus = _corpus_of(
        "Airline Results\n\n"
        "Skerry Air reported a 12% rise in revenue on Monday in its results for 2024.\n\n"
        "Revenue rose 12% to £58 million in 2024 across the airline's eleven routes.\n\n"
        "The proposals were welcomed by the cycling group Pedal Town in March 2025.\n\n"
        "The family has asked that donations be made to the Castlebridge Civic Trust in 2025.\n\n"
        "## Q: How did the talks go?\n\nThe agreement gives the company 40 extra minutes of flying a day in 2025.\n"
    )
    sources = [q.answer[0] if q else None for q in build_all("source", corpus)]
    assert NO_SOURCE not in sources, sources
    facts = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    assert FACT_OPTION not in facts[2:], facts
    who = _corpus_of("Airline Results\n\nThe airline will add five routes in 2025, Skerry Air said on Monday.\n")
    assert [q.answer[0] if q else None for q in build_all("source", who)] == [None]  # a company is no named person


def test_fourth_held_out_set_hedges_and_kinds():
    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("I could barely read a figured bass when I arrived in 2001.") == []
    assert hedges("May I, through your pages, thank the towpath volunteers.") == []
    assert hedges("The room is smaller than you might expect.") == []
    assert hedges("The talks could fail next week.") == ["could"]
    corpus = _corpus_of(
        "Heat Advice\n\nOlder people, especially those over 75, are more likely to become unwell in the heat in 2025.\n"
    )
    assert build_all("fact_opinion", corpus) == [None] and build_all("mark_words", corpus) == [None]


def test_one_key_does_not_crowd_out_the_others():
    """Fourth held-out review: nine of nine "who is the source" items keyed "no source"; always picking
    it scored full marks. The most frequent key stays at most two ahead of the next."""
    plain = [f"The ferry carried {n} passengers to the island on Monday in 202{n % 10}." for n in range(11, 20)]
    corpus = _corpus_of(*[f"Ferry Report {i}\n\n{t}\n" for i, t in enumerate(plain)])
    bank = generate(corpus, seed=0, generators=bias_generators())
    keys = Counter(q.answer[0] for q in bank if q.kind == "source")
    assert keys and max(keys.values()) <= 2, keys
    assert bank.report["bias.source"]["dropped"].get("its key is the kind's most frequent by far")


def test_fifth_held_out_set_bias_keys():
    corpus = _corpus_of(
        "Lizard Study\n\n"
        "The authors agree that the figures from 2024 should be treated with care by other zoos.\n\n"
        "The application gives a maximum tip height of 150 metres for each of the 8 turbines in 2025.\n"
    )
    kinds = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    sources = [q.answer[0] if q else None for q in build_all("source", corpus)]
    assert kinds[0] != OPINION_OPTION and sources[1] is None


def test_a_hedge_inside_a_reported_finding_is_no_key():
    corpus = _corpus_of(
        "Mill Appeal\n\nAn inspector allowed the appeal in 2025, ruling that the concerns about parking could "
        "be dealt with by conditions.\n\nThe mill could open to guests in 2026 if the work goes well.\n"
    )
    made = [q.answer if q else None for q in build_all("mark_words", corpus)]
    assert made[0] is None and made[1] == ("could",)


def test_seventh_and_eighth_held_out_sets_bias_keys():
    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    # what something is for, a rule's penalty, a way of saying how much someone likes something
    assert hedges("Volunteers gave blood samples so that their iron levels could be checked.") == []
    assert hedges("Park without a permit after 1 May and you could face a fine of up to £200.") == []
    assert hedges("Anglers who fish without a licence may face prosecution.") == []
    assert hedges("Honestly, I could watch these otters for hours.") == []
    # still hedges: a guess about one case, a forecast
    assert hedges("The club could face a fine next season.") == ["could"]
    assert hedges("The meeting could drag on for hours.") == ["could"]
    assert hedges("We could see snow for days.") == ["could"]

    # a one-word company is no person because a line before it ends on a capitalised word
    company = _corpus_of(
        "Toy Maker Warns\n\n"
        "Shares in Brightwell Games fell on Monday after a weak Christmas.\n\n"
        "Brightwell said it would not change its dividend in 2025.\n"
    )
    assert [q.answer[0] if q else None for q in build_all("source", company)][1] != PERSON
    person = _corpus_of(
        "Toy Maker Warns\n\nChief executive Anna Brightwell spoke on Monday about Christmas.\n\n"
        "Brightwell said the firm would not change its dividend in 2025.\n"
    )
    assert [q.answer[0] if q else None for q in build_all("source", person)][1] == PERSON

    # no claim of its own: the answer to the question before it, a call to the reader
    fragments = _corpus_of(
        "Club Ban\n\nWhat does this tell members? "
        "That clubs should be punished for the actions of a few people in 2025.\n\n"
        "Let's be honest about what happened at the hall on Friday night in March.\n"
    )
    assert [q for q in build_all("fact_opinion", fragments) if q] == []
    assert [q for q in build_all("source", fragments) if q] == []

    # "a tiny handful": a reader could mark "tiny" beside "draconian", so the key set would not be precise
    tiny = _corpus_of("Society Ban\n\nA draconian punishment for the actions of a tiny handful of people in 2025.\n")
    assert [q for q in build_all("mark_words", tiny) if q] == []
    # Markdown bold is no part of a quoted sentence
    bold = _corpus_of("Price Labels\n\n- **312 products** were affected, including cereal and pet food, in 2024.\n")
    prompts = [q.prompt for q in build_all("source", bold) if q]
    assert prompts and all("*" not in p for p in prompts)


def test_ninth_held_out_set_bias_keys():
    def kinds(text, category):
        return [c.text for c in find_cues(text) if c.category == category]

    # a tabloid's verdict in plain-looking words: no "fact claim" key on it
    tabloid = "Council bosses want to slap a £5 charge on anyone who dares to park in the square from 2026."
    assert kinds(tabloid, "loaded_language") == ["bosses", "slap", "who dares to"]
    corpus = _corpus_of(f"Parking Charge\n\n{tabloid}\n")
    assert FACT_OPTION not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q]
    assert kinds("The boy slapped his brother across the face in the playground.", "loaded_language") == []
    # an unnamed group of supporters is a vague source, like "critics argue"
    assert kinds("Supporters point to Eastby, where a similar charge began in 2022.", "vague_source") == [
        "Supporters point to"
    ]
    said = _corpus_of("Parking Charge\n\nSupporters point to Eastby, where a similar charge began in 2022.\n")
    assert NO_SOURCE not in [q.answer[0] for q in build_all("source", said) if q]
    # a reason someone gave is in their name, not the writer's (held-out set 9)
    cited = _corpus_of(
        "Tour Cancelled\n\nThe singer withdrew from the 2026 tour on Thursday evening, citing exhaustion.\n"
    )
    assert NO_SOURCE not in [q.answer[0] for q in build_all("source", cited) if q]


def test_no_mark_the_loaded_words_item_beside_an_emotive_word_the_lists_lack():
    """Held-out set 9: "wonderfully" keyed alone beside "generous" and "stubborn" (an obituary); a
    general sentiment lexicon guards the key set (it flags nothing itself)."""
    plain = "The shameless plan will close the library on Fridays from March 2026."
    emotive = "The shameless plan will close the generous library on Fridays from March 2026."
    made = [q.answer for q in build_all("mark_words", _corpus_of(f"Library Hours\n\n{plain}\n")) if q]
    assert made == [("shameless",)]
    assert [q for q in build_all("mark_words", _corpus_of(f"Library Hours\n\n{emotive}\n")) if q] == []
    assert not [c for c in find_cues(emotive) if c.text == "generous"]  # a guard, not a cue


def test_tenth_held_out_set_bias_keys():
    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    # inside an opening "if" clause a word sets the condition of advice; it hedges no claim
    assert hedges("If you are offered a bike at a price that seems too good to be true, ask for a receipt.") == []
    assert hedges("The price seems too high for most riders in 2025.") == ["seems"]
    # "Brindle says ..." where the text writes "Brindle Home": a company's short name, not a person,
    # though a sentence opens "Read Brindle's statement"
    company = _corpus_of(
        "Doorbell Recall\n\nBrindle Home recalled 84,000 doorbells in 2025.\n\n"
        "Read Brindle's statement and you would think nothing had happened.\n\n"
        "Brindle says refunds will be paid within 30 days of a claim in 2025.\n"
    )
    assert PERSON not in [q.answer[0] for q in build_all("source", company) if q]
    # a call to react the lists lack is never a distractor of one, and Markdown bold leaves the options
    from quizlib.generators.bias import _CALL

    assert _CALL.search("I'd genuinely love to hear whether I'm wrong.") and _CALL.search("Hit reply now.")


def test_eleventh_held_out_set_bias_keys():
    # a doubt someone admits is theirs: an attributed claim, not the writer's speculation
    from quizlib import classify_sentence

    for text in (
        "The council's own officers admit up to six clubs could close in 2026.",
        "The team also acknowledged the risk that the satellite might not work at all.",
    ):
        assert classify_sentence(text).label == "attributed claim", text
    assert classify_sentence("The bridge could close next year.").label == "speculation"
    # "that's not a rounding error": what "that" is lies in the sentence before; no fact claim on it
    corpus = _corpus_of(
        "Council Tax\n\nFor a pensioner on a fixed income in Mardon, that's not a rounding error in 2026.\n"
    )
    assert FACT_OPTION not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q]


def test_a_judgement_in_words_the_lists_lacked_is_no_fact_claim():
    """Held-out set 8: "Friday simply handed the bureaucrats the excuse they had been waiting for." was
    keyed a fact claim in an opinion piece: "bureaucrats" is a contentious label, "the excuse they had been
    waiting for" a guess at motives."""
    text = "Friday handed the bureaucrats at Eastby Council the excuse they had been waiting for in 2025."
    cues = [(c.text, c.category) for c in find_cues(text)]
    assert ("bureaucrats", "loaded_language") in cues and any(c == "motive_guessing" for _t, c in cues)
    corpus = _corpus_of(f"Club Ban\n\n{text}\n")
    assert FACT_OPTION not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q]


def test_twelfth_held_out_set_bias_keys():
    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    # what a rule allows, or someone could do, under a condition: conditions do not count as hedges
    assert hedges("A new shop inside the zone could still open if it stays shut until 4.30 p.m.") == []
    assert hedges("Eastby could do the same if it had the will.") == []
    assert hedges("The talks could be a turning point if approached cautiously.") == ["could"]
    # an instruction to the reader is no distractor of "which sentence asks you to do something"
    from quizlib.generators.bias import _look_alike

    corpus = _corpus_of("Fast Food Ban\n\nEmail your councillor and thank the members who voted yes in 2025.\n")
    article = corpus[0]
    assert not _look_alike(article, article.sentences[0], [], "engagement_bait")
    # an unnamed source is not called neutral reporting
    critics = _corpus_of(
        "Fast Food Ban\n\nCritics argue that the members have been far less keen to act on other shops in 2025.\n"
    )
    explained = [q.explanation for q in build_all("fact_opinion", critics) if q]
    assert explained and all("without judging" not in e for e in explained)


def test_thirteenth_held_out_set_bias_keys():
    # "a head torch with spare batteries": a thing in a kit list, not "criticise"
    loaded = [
        c.text
        for c in find_cues("Pack a head torch with spare batteries and a map.")
        if c.category == "loaded_language"
    ]
    assert loaded == []
    assert [c.text for c in find_cues("Critics torched the plan on Monday.") if c.category == "loaded_language"] == [
        "torched"
    ]
    # "The ministry puts compliance at 1,200 to 3,000": someone's estimate, no fact claim
    corpus = _corpus_of(
        "Menu Labels\n\nThe Ministry of Health puts first-year costs at 1,200 to 3,000 kestrels in 2026.\n"
    )
    assert FACT_OPTION not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q]


def test_fourteenth_held_out_set_bias_keys():
    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    # what someone saw, said plainly, is no hedge; a forecast stays one
    assert hedges("Within a minute, as Brancato could see from the side of the room, he was winning.") == []
    assert hedges("She could see that the boy was winning.") == []
    assert hedges("Prices could see the biggest rise in years.") == ["could"]


def test_fifteenth_held_out_set_transcript_lines_are_the_speakers_words():
    """Held-out set 15: "CLLR LINDQVIST: It's set out in the accounts, which are published every year." was
    keyed a fact claim in the writer's voice; a transcript line is its speaker's words."""
    corpus = _corpus_of(
        "Parking Phone-in\n\nCLLR LINDQVIST: The charges are set out in the accounts published in May 2025.\n\n"
        "CALLER (Jan, Eastby): The council raised the charge to £4 in March 2025.\n"
    )
    assert [q for q in build_all("fact_opinion", corpus) if q] == []
    assert [q for q in build_all("source", corpus) if q] == []


def test_no_rewrite_item_whose_model_answer_would_still_steer():
    """Held-out set 15: model rewrites kept "Po-faced", "FORCED" and "outstanding" (only the listed word
    was replaced), "state-of-the-art new lifeboat" became "new new lifeboat", and "rammed through" became
    the ungrammatical "passed quickly a sweeping ban"."""
    texts = [
        "The council rammed through a budget of 412 million euros on Tuesday, and shopkeepers are FORCED to pay.",
        "The appeal was a remarkable effort that raised an outstanding 310,000 pounds for the town in 2025.",
        "The trust unveiled its state-of-the-art new lifeboat at the harbour on Saturday 4 May 2025.",
    ]
    for text in texts:
        assert [q for q in build_all("neutral_rewrite", _corpus_of(f"Harbour News\n\n{text}\n")) if q] == [], text
    plain = _corpus_of("Harbour News\n\nThe council rammed through a budget of 412 million euros on Tuesday.\n")
    (q,) = [q for q in build_all("neutral_rewrite", plain) if q]
    assert q.answer[0] == "The council pushed through a budget of 412 million euros on Tuesday."


def test_no_lone_modal_key_after_a_person_before_an_action():
    """Held-out sets 7-15: six of ten items whose whole key was a lone "could" were wrong or ambiguous
    ("we could look at it for hours", "you could face a fine", "is eighty-one and could knit"). After a
    personal pronoun, or joining a second verb, and before an action, "could" tells what someone can do
    as often as it doubts, so it is no key; before a state ("they might be"), and "may" / "might", stay."""

    def keyed(text):
        corpus = _corpus_of(f"Harbour News\n\n{text}\n")
        items = [q for slot in ("mark_words", "which_word", "fact_opinion") for q in build_all(slot, corpus) if q]
        return sorted(
            {a for q in items for a in q.answer if a.lower() in ("could", "may", "might")}
            | {q.kind for q in items if q.answer[0] == SPECULATION_OPTION}
        )

    for text in (
        "If the harbour gates are open, you can walk along the wall to the lighthouse.",
        "The new skipper is sixty years old and could sail the harbour blindfolded.",
        "On a calm night we could watch the lights of the harbour from the pier.",
    ):
        assert keyed(text) == [], text
    assert "could" in keyed("The new harbour wall could cost the town more than the council expects.")
    assert "might" in keyed("If the pier closes for the winter, they might be less willing to visit the town.")
    assert "might" in keyed("If the ferry stops for the winter, they might move to the mainland for good.")
    assert "may" in keyed("If the ferry stops for the winter, they may move to the mainland for good.")


def test_sixteenth_held_out_set_bias_keys():
    """Held-out set 16: "Brightwell says ..." was keyed a named person because a list item read "- **Use
    Brightwell's recall checker.**" ("Use" taken for a first name); "The recall covers two models ..."
    was keyed "no source" before "..., the company said in a statement"; a review's "Text is crisp ...,
    and the new screen is noticeably whiter" was keyed a fact claim."""
    recall = _corpus_of(
        "Kettle Recall\n\nThe Tarnwell Pro kettle is being recalled by Tarnwell Home.\n\n"
        "- **Use Tarnwell's online checker.** Enter the serial number.\n\n"
        "Tarnwell says replacement kettles will arrive within 14 days.\n"
    )
    sources = [q.answer[0] for q in build_all("source", recall) if q]
    assert PERSON not in sources
    two = _corpus_of(
        "Kettle Recall\n\nThe recall covers two models, the Pro and the Mini, sold between June 2022 and May 2023. "
        "About 48,000 were sold at home and about 6,000 abroad, the company said in a statement on Monday.\n"
    )
    first = build_all("source", two)[0]
    assert first is None or first.answer[0] != NO_SOURCE
    assert [q for q in build_all("fact_opinion", two)[:1] if q and q.answer[0] == FACT_OPTION] == []
    plain = _corpus_of(
        "Kettle Recall\n\nThe recall covers two models, the Pro and the Mini, sold between June 2022 and May 2023. "
        "About 48,000 were sold at home and about 6,000 abroad.\n"
    )
    assert build_all("source", plain)[0].answer[0] == NO_SOURCE
    for text in (
        "The new kettle is noticeably quieter than the 2019 model at 42 decibels.",
        "The handle feels sturdy and the lid closes with a crisp click at 90 degrees.",
    ):
        review = _corpus_of(f"Kettle Review\n\n{text}\n")
        assert [q for q in build_all("fact_opinion", review) if q and q.answer[0] == FACT_OPTION] == [], text


def test_seventeenth_held_out_set_bias_keys():
    """Held-out set 17: "The authority has attributed the delay to three main causes." keyed "no source" (and
    the causes after it fact claims); "the bridge across the River Brenn added about three months" made the
    river a named organisation; a rabbit called "Mayhem" and a venue called "Bedlam Yard" were loaded words."""
    causes = _corpus_of(
        "Tram Delays\n\nThe authority has attributed the delay to two main causes. The diversion of water mains "
        "under Mill Street took nine months longer than planned.\n"
    )
    assert [q for q in build_all("source", causes) if q and q.answer[0] == NO_SOURCE] == []
    assert [q for q in build_all("fact_opinion", causes) if q and q.answer[0] == FACT_OPTION] == []
    river = _corpus_of("Tram Delays\n\nA dispute over the bridge across the River Brenn added about three months.\n")
    assert [q for q in build_all("source", river) if q and q.answer[0] == ORGANISATION] == []
    said = _corpus_of("Tram Delays\n\nThe River Trust added that the bridge would open in May 2026.\n")
    assert [q.answer[0] for q in build_all("source", said) if q] == [ORGANISATION]

    def loaded(text):
        return [c.text for c in find_cues(text) if c.category == "loaded_language"]

    assert loaded("Mayhem, a house rabbit with one ear, waited 311 days.") == []
    assert loaded("Bedlam Yard, the oldest venue on the street, has hosted bands since 1987.") == []
    assert loaded("Outraged Democrats vowed to appeal the ruling.") == ["Outraged"]
    assert loaded("Mayhem followed the ruling.") == ["Mayhem"]


def test_what_a_rule_allows_and_a_superlative_possible_are_no_hedges():
    """Held-out set 17: a most-hedges count took "the shortest possible route that a runner could legally
    take" and "under the rules, a course may not be more than 0.1 per cent short" for hedges."""

    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("The course must follow the shortest possible route that a runner could legally take.") == []
    assert hedges("Under the rules, a course may not be more than 42 metres short.") == []
    assert hedges("It is at least possible that the talks resume.") == ["possible"]
    assert hedges("The deal may not be signed until May.") == ["may"]
    assert hedges("The runner could take the shorter route.") == ["could"]
    # held-out set 20: a legal limit
    assert hedges("Toys may contain no more than 0.1% DEHP, so the level found was 4.7 times the limit.") == []
    assert hedges("The crayons may contain no more than a trace of the dye, the maker thinks.") == ["may"]


def test_eighteenth_held_out_set_bias_keys():
    """Held-out set 18: "the Mayor says" keyed a named organisation; "The Health and Care Workers' Union said"
    named "Care Workers' Union"; "perhaps it could fill in the potholes first" (advice) keyed speculation;
    "is clearly betting that staff are too tired to fight back" (a motive guess) keyed an opinion."""

    def sources(text):
        return [(q.answer[0], q.explanation) for q in build_all("source", _corpus_of(f"Parking\n\n{text}\n")) if q]

    assert sources("A new prize would reach exactly the young people the Mayor says she wants to reach.") == []
    ((key, why),) = sources("The Health and Care Workers' Union said members were angry about the charges.")
    assert key == ORGANISATION and "The Health and Care Workers' Union" in why
    assert sources("Smith and Jones said the plan was sound.") == []
    advice = _corpus_of("Parking\n\nIf the council has money for signs, perhaps it could fill in the potholes first.\n")
    assert [q for q in build_all("fact_opinion", advice) if q and q.answer[0] == SPECULATION_OPTION] == []
    motive = _corpus_of("Parking\n\nThe board is clearly betting that exhausted staff are too tired to fight back.\n")
    assert [q for q in build_all("fact_opinion", motive) if q and q.answer[0] == OPINION_OPTION] == []
    assert "motive_guessing" in {c.category for c in find_cues("The board is betting that staff will give up.")}
    assert "motive_guessing" not in {c.category for c in find_cues("She was betting on a horse at the track.")}


def test_an_organisation_speaking_in_its_own_name_is_the_source():
    """Held-out set 19: "No source at all" on a sentence of a university's own FAQ, and a flood warning's
    "Roads ... are likely to become impassable" keyed as the writer's speculation: the publisher is the
    source and the forecast is the service's. The same sentences in a reporter's article keep those keys."""
    body = (
        "The council met on Monday.\n\nA formal consultation with residents runs from 3 March to 16 April.\n\n"
        "Roads near the river are likely to become impassable, and some farms may be cut off.\n"
    )
    report = _corpus_of("Kelby Bridge to Close\n\n" + body)
    warning = _corpus_of("FLOOD WARNING: River Tamm at Kelby\n\nIssued by: Tamm Valley Rivers Office\n\n" + body)
    faq = _corpus_of("Kelby bridge works: frequently asked questions\n\n" + body)
    minutes = _corpus_of("Kelby Town Council – Minutes of the Meeting of 3 March\n\n" + body)
    keys = {
        name: [q.answer[0] if q else None for slot in ("source", "fact_opinion") for q in build_all(slot, corpus)]
        for name, corpus in (("report", report), ("warning", warning), ("faq", faq), ("minutes", minutes))
    }
    assert NO_SOURCE in keys["report"] and SPECULATION_OPTION in keys["report"], keys
    for own in ("warning", "faq", "minutes"):
        assert NO_SOURCE not in keys[own] and SPECULATION_OPTION not in keys[own], keys


def test_twentieth_held_out_set_bias_keys():
    """Held-out set 20: "Critics argue ..., and they are right." keyed a claim the writer reports without
    judging; "Now it's your turn." offered as a sentence that asks nothing of the reader; "the chances are
    someone you know has them" left out of a hedge key."""
    corpus = _corpus_of(
        "Lights Out\n\nCritics argue the plan could cost far more in break-ins than it saves, and they are right.\n\n"
        "Critics argue the plan could cost far more in break-ins than it saves, the paper reported on Monday.\n"
    )
    kinds = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    assert kinds[0] != ATTRIBUTED_OPTION and kinds[1] == ATTRIBUTED_OPTION, kinds
    cues = find_cues("I have said my piece. Now it's your turn. Reportedly, the chances are someone you know has one.")
    assert ("engagement_bait", "Now it's your turn") in [(c.category, c.text) for c in cues]
    assert [c.text for c in cues if c.category == "hedge"] == ["Reportedly", "the chances are"]


def test_twenty_first_held_out_set_bias_keys():
    """Held-out set 21: "may not be lit, used or left in any park" (a ban) keyed a hedge twice, and "questioned
    whether 14 wardens could enforce it" (a named councillor's doubt) keyed the writer's speculation."""

    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("They may not be lit, used or left anywhere in a council-managed park or open space.") == []
    assert hedges("Under the order, disposable barbecues may not be lit in any council-managed park.") == []
    assert hedges("The deal may not be signed until May.") == ["may"]
    assert hedges("Wardens could struggle to enforce it across 23 sites.") == ["could"]
    corpus = _corpus_of(
        "Barbecue Ban\n\nCouncillor Martin Okoye, the opposition leader, questioned whether 14 wardens could enforce "
        "it across 23 sites.\n"
    )
    assert SPECULATION_OPTION not in [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]


def test_twenty_first_held_out_set_cues_and_transcripts():
    """Held-out set 21 (and 15 and 20): "SHARE THIS if you agree", "Share this with every parent you know",
    "Please sign the petition" were no calls to act; "everyone knows she's been itching to …" no opinion;
    "Someone at head office told a friend of mine" no unnamed source; "doesn't care about a single one of us"
    no motive guess; and a transcript speaker's second sentence keyed "no source"."""

    def cues(text):
        return [(c.category, c.text) for c in find_cues(text) if c.category != "opinion" or " " in c.text]

    assert cues("Please sign it, and SHARE THIS if you agree that staff deserve better.") == [
        ("engagement_bait", "SHARE THIS")
    ]
    assert cues("Please sign the petition now.") == [("engagement_bait", "Please sign the petition")]
    assert cues("Many economists share this view of the budget.") == []
    assert cues("And everyone knows what this is really about.") == [("opinion", "everyone knows")]
    assert cues("Tell them so everyone knows before they get stung.") == []
    assert ("vague_source", "Someone at head office") in cues("Someone at head office told me it was planned.")
    assert cues("Fiona Aldous doesn't care about a single one of us.") == [("motive_guessing", "doesn't care about")]
    assert cues("I don't care about the money.") == []
    transcript = _corpus_of(
        "Parking Phone-in\n\nCLLR LINDQVIST: I do understand that, Jan, and nobody likes a new charge. The permit is "
        "forty pounds for the first car, and it covers the cost of running the scheme in 2025.\n"
    )
    assert NO_SOURCE not in [q.answer[0] if q else None for q in build_all("source", transcript)]


def test_twenty_second_held_out_set_bias_keys():
    """Held-out set 22: what a ruling or a service allows ("Only aircraft rated quota count 2 or lower may use
    those 14 slots", "no aircraft ... may use them", "Children under 12 may be seen") keyed hedges and a
    speculation; "bombarding officials with complaints" keyed a plain fact; "Critics say ..., and it is hard to
    disagree" keyed a neutral report; "Under the ruling, ..." keyed "no source"."""

    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("Only aircraft rated quota count 2 or lower may use those 14 slots.") == []
    assert hedges("The airport may share the slots as it chooses, but no aircraft rated above 2 may use them.") == []
    assert hedges("Children under 12 may be seen if they are accompanied by a parent or carer.") == []
    assert hedges("Corvant Air may simply pack up those routes and take them to a rival airport.") == ["may"]
    assert hedges("Only time will tell, but the plan may fail.") == ["may"]
    loaded = [(c.text, c.alternative) for c in find_cues("The group spent two years bombarding officials.")]
    assert ("bombarding", "contacting") in loaded
    shelled = find_cues("The city was bombarded by artillery for weeks.")
    assert not [c for c in shelled if c.category == "loaded_language"]
    corpus = _corpus_of(
        "Night Flights\n\nCritics say the panel simply bowed to a well-drilled lobby in 2024, and it is hard to "
        "disagree.\n\nUnder the ruling, the airport may share the 14 remaining slots among its airlines from "
        "27 April 2025.\n"
    )
    kinds = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    sources = [q.answer[0] if q else None for q in build_all("source", corpus)]
    assert ATTRIBUTED_OPTION not in kinds and NO_SOURCE not in sources, (kinds, sources)


def test_twenty_third_held_out_set_bias_keys():
    """Held-out set 23: a recipe's "slam the tin once on the worktop" and "prick it all over with the skewer"
    keyed loaded words (with "criticise" as the neutral word); "simply too cosy" beside a hedge keyed the
    writer's guess "not a judgement"; steps keep their loaded words elsewhere ("we looked clueless")."""
    recipe = _corpus_of(
        "Lemon Drizzle Cake\n\nScrape the batter into the tin and slam the tin once on the worktop to knock out "
        "any large air bubbles in 2024.\n\nAs soon as the cake comes out, prick it all over with the skewer and "
        "pour the drizzle over it in 2024.\n"
    )
    assert [q for q in build_all("mark_words", recipe) if q] == []
    assert [c.text for c in find_cues("Critics were quick to skewer the plan.") if c.category == "loaded_language"]
    guess = _corpus_of("Sewage Fine\n\nIt may be that the agency is simply too cosy with the companies it polices.\n")
    assert SPECULATION_OPTION not in [q.answer[0] if q else None for q in build_all("fact_opinion", guess)]


def test_twenty_fourth_held_out_set_bias_keys():
    """Held-out set 24: "The council could have waited for the national review" (a choice not made) keyed a
    hedge and the writer's guess; "when the stand might reopen" (a question the club leaves open) a hedge; a
    forecast's own defined "likely" a guess; "the whole sorry package" left out of a loaded key beside
    "insulting"; "shipped off to …, yes, THAT Ostley" keyed a plain fact claim."""
    from quizlib.articles import parse_article

    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("The council could have waited for the national review.") == []
    assert hedges("The fire could have started in the kitchen.") == ["could"]
    assert hedges("The club is in no hurry to say what the repairs will cost or when the stand might reopen.") == []
    assert hedges("The stand might reopen in May.") == ["might"]
    outlook = parse_article(
        "Seasonal Outlook\n\nThe mean temperature is likely to be above the 1991–2020 average.\n\n"
        "“Likely” refers to an outcome with a probability of 66% or more.\n",
        "o",
    )
    assert [c.text for c in find_cues(outlook) if c.category == "hedge"] == []
    assert ("loaded_language", "sorry package") in [(c.category, c.text) for c in find_cues("the whole sorry package")]
    corpus = _corpus_of(
        "Stand Closed\n\nSaturday's game has been moved to Stanier Road - yes, THAT Ostley - nine miles away in 2025.\n"
    )
    assert FACT_OPTION not in [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]


def test_twenty_fifth_held_out_set_bias_keys():
    """Held-out set 25: "Its own modelling ... forecasts that attendance could fall" keyed the writer's guess;
    "Children under 12 must be accompanied by an adult" (a museum's rule) keyed an opinion; "splashes out"
    left out of a loaded key beside "glitzy" and "swanky"."""
    cues = find_cues("Its own modelling, published with the plan, forecasts that attendance could fall by a quarter.")
    assert [c.text for c in cues if c.category == "hedge"] == []
    assert [c for c in find_cues("Children under 12 must be accompanied by an adult.") if c.category == "opinion"] == []
    assert [c.text for c in find_cues("The council must be stopped before it ruins the town.")] == ["must be"]
    spend = find_cues("The museum splashes out on a glitzy scheme.")
    assert ("splashes out", "spends") in [(c.text, c.alternative) for c in spend]


def test_twenty_sixth_held_out_set_bias_keys():
    """Held-out set 26 (7 wrong of 21, every one a modal or a speaker): "nobody may move bees" (a ban) and "may be
    extended if more cases turn up" (a rule's terms) keyed hedges; "She reckons the ban could cost her £40,000"
    and a letter "to tell them their personal details may have been seen" keyed the writer's guess; "Buyers must be
    registered" and "Vendors are reminded that all sheep must be correctly tagged" keyed opinions; "Orchard Street
    Dental Practice said" keyed a named person. After the fixes, two more of the kind: "the zone could be lifted
    after 42 days" if no cases are found (a rule's terms) and "It's a bit rich ..." (a judgement) keyed guesses."""

    def cues_of(text, category):
        return [c.text for c in find_cues(text) if c.category == category]

    assert cues_of("Within the zone, nobody may move bees, hives or combs without permission.", "hedge") == []
    rule_terms = "The restrictions will last at least 42 days and may be extended if more cases turn up."
    assert cues_of(rule_terms, "hedge") == []
    assert cues_of("If inspections find no further cases, the zone could be lifted after 42 days.", "hedge") == []
    assert cues_of("The talks may be extended into next week.", "hedge") == ["may"]  # no rule: still a doubt
    assert cues_of("The ban could be lifted next month.", "hedge") == ["could"]
    assert cues_of("It's a bit rich for them to lecture anyone.", "opinion") == ["It's a bit rich"]
    assert cues_of("Buyers must be registered with the market office before bidding.", "opinion") == []
    assert cues_of("Vendors are reminded that all sheep must be correctly tagged.", "opinion") == []
    assert cues_of("Residents must be given a say before the plan goes ahead.", "opinion") == ["must be"]
    for text in (
        "She reckons the ban could cost her £40,000 in lost honey.",
        "A dental practice has written to 6,812 patients to tell them their personal details may have been seen.",
    ):
        corpus = _corpus_of(f"Dental Breach\n\n{text}\n")
        assert SPECULATION_OPTION not in [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)], text
    corpus = _corpus_of(
        "Dental Breach\n\nOrchard Street Dental Practice said an unknown person gained access to the account of a "
        "member of its reception team for about 11 days in September.\n"
    )
    assert [q.answer[0] for q in build_all("source", corpus) if q is not None] == [ORGANISATION]


def test_twenty_seventh_held_out_set_rule_texts():
    """Held-out set 27: the text of a dog-control order ("2.1 A person in charge of a dog may not take the dog
    onto …", "3.2 The lead must not exceed 2 metres", "may be inspected on the Council's website", "likely to
    cause annoyance") keyed hedges, the writer's guesses and opinions; a report on it keyed "The council may
    issue a fixed penalty notice" and "may be prosecuted" as guesses."""
    from quizlib.articles import parse_article

    clauses = (
        "2.1 A person in charge of a dog may not take it onto the beach between 10am and 7pm.\n\n"
        "2.2 Outside those hours dogs may be taken onto the beach.\n\n"
        "3.2 The lead must not exceed 2 metres in length.\n\n"
        "4.2 An officer may give a direction if the dog is likely to cause annoyance.\n"
    )
    for title in ("Kelmouth (Dog Control) Public Spaces Protection Order 2026", "Dogs on Kelmouth beach"):
        cues = find_cues(parse_article(f"{title}\n\n{clauses}", "order"))
        assert [c.text for c in cues if c.category in ("hedge", "opinion")] == [], title
    news = parse_article(f"Dogs on Kelmouth beach\n\n{clauses.replace('2.1 ', '').replace('2.2 ', '')}", "news")
    assert [c.text for c in find_cues(news) if c.category == "hedge"]  # two numbered clauses make no order
    order = "Kelmouth Beach Byelaws 2026\n\nThe council may close the beach in a storm. Rain could fall later.\n"
    assert [c.text for c in find_cues(parse_article(order, "b")) if c.category == "hedge"] == []

    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("The council may issue a fixed penalty notice of £100, reduced to £75 if paid within 14 days.") == []
    assert hedges("People who do not pay may be prosecuted and face a fine of up to £1,000.") == []
    assert hedges("The council may close the library next year.") == ["may"]
    assert hedges("The striker may be fined by the club.") == ["may"]
    # the rule's own text speaks in its maker's name: no "no source" key on a clause
    from quizlib.layout import own_publication

    assert own_publication("Kelmouth (Dog Control) Public Spaces Protection Order 2026", "The order applies.")
    assert not own_publication("Dogs on Kelmouth beach", "The order applies.")


def test_twenty_seventh_held_out_set_guesses_that_are_not_the_writer_s():
    """Held-out set 27: "Six of those complaints apparently involved children" (a figure passed on, which a wire
    report confirms) and "Between 30mm and 50mm of rain may fall" after "A yellow warning for rain covers the
    region" (the warning's forecast) keyed the writer's speculation."""
    for text in (
        "Six of those complaints apparently involved children being knocked over on the sand.",
        "A yellow warning for rain covers the whole region from 6pm. Between 30mm and 50mm of rain may fall on "
        "higher ground.",
    ):
        corpus = _corpus_of(f"Beach Dogs\n\n{text}\n")
        assert SPECULATION_OPTION not in [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)], text
    corpus = _corpus_of("Beach Dogs\n\nThe storm is over. Between 30mm and 50mm of rain may fall on higher ground.\n")
    assert SPECULATION_OPTION in [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]


def test_a_rewrite_model_answer_keeps_no_other_steer():
    """Rewrite model answers the held-out reviews faulted, re-read after set 27: "… sent packing, and hard-working
    corner shop owners face large fines" (set 15), "Another insider said the zone may quietly be extended"
    (set 9) and a theatre critic's "a surprising image" (set 5) still steered. No rewrite where an unnamed
    source, an evaluative word or a review's verdict would stay."""
    insider = find_cues("Another insider claimed it.")
    assert ("vague_source", "Another insider") in [(c.category, c.text) for c in insider]
    assert not [c for c in find_cues("An insider trading case was heard.") if c.category == "vague_source"]
    for title, text in (
        ("Energy Drinks", "From March, hard-working shop owners in Kelby face eye-watering fines of up to 8,000."),
        ("Zone Plan", "Another insider claimed the Kelby zone could be extended to swallow the retail park."),
        ("The Salt Ledger review", "It is a stunning image, and Oona Feldt has the confidence to let it sit."),
    ):
        corpus = _corpus_of(f"{title}\n\n{text}\n")
        assert [q for q in build_all("neutral_rewrite", corpus) if q is not None] == [], text
    corpus = _corpus_of("Energy Drinks\n\nFrom March, shop owners in Kelby face eye-watering fines of up to 8,000.\n")
    assert [q for q in build_all("neutral_rewrite", corpus) if q is not None]


def test_twenty_eighth_held_out_set_bias_keys():
    """Held-out set 28: a council's guidance ("You may be able to get a larger bin", "We may ask for evidence")
    and a letter's "you might as well put up a sign" keyed hedges; a letter's demand "Publish, in full, how the
    figure was worked out" keyed a fact claim and "Come and stand at the bottom of my road" was asked for its
    source; "Southmere Water confirmed …" was explained as a person."""

    def hedges(text):
        return [c.text for c in find_cues(text) if c.category == "hedge"]

    assert hedges("You may be able to get a larger 240-litre black bin.") == []
    assert hedges("We may ask for evidence of your household size.") == []
    assert hedges("We may see more closures next year.") == ["may"]
    assert hedges("You might as well put up a sign inviting people to dump rubbish.") == []
    assert hedges("Prices might rise as well.") == ["might"]
    corpus = _corpus_of(
        "Bin Letter\n\nPublish, in full, how the £1.3 million figure was worked out. Come and stand at the bottom of "
        "my road on a Monday. Police and fire crews closed the road on 4 March.\n"
    )
    kinds = [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    sources = [q.answer[0] if q else None for q in build_all("source", corpus)]
    assert kinds[:2] == [None, None] and sources[:2] == [None, None]
    assert kinds[2] is not None or sources[2] is not None  # "Police and fire crews" is no instruction
    corpus = _corpus_of(
        "Sinkhole\n\nSouthmere Water confirmed a water main under the road had been damaged on 4 March, leaving "
        "300 properties without water.\n"
    )
    assert [q.answer[0] for q in build_all("source", corpus) if q is not None] == [ORGANISATION]


def test_thirty_first_held_out_set_bias_keys():
    """Held-out set 31: "There is, of course, no sound from most of the room" (a signing choir described plainly)
    keyed the writer's opinion on "of course" alone."""
    corpus = _corpus_of(
        "Signing Choir\n\nThere is, of course, no sound from most of the room in Tarnwick on a Tuesday night.\n"
    )
    assert OPINION_OPTION not in [q.answer[0] if q else None for q in build_all("fact_opinion", corpus)]
    # still a cue to mark (it presumes agreement), only no opinion key on its own
    assert ("opinion", "of course") in [(c.category, c.text) for c in find_cues("It is, of course, too late.")]


def test_thirty_third_held_out_set_bias_keys():
    """Held-out set 33: a procedure's "must be received / cleaned" keyed the writer's opinion."""
    assert [
        c for c in find_cues("Comments must be received by 5pm on Monday, 3 November.") if c.category == "opinion"
    ] == []
    assert [c.text for c in find_cues("Those responsible must be held to account.") if c.category == "opinion"] == [
        "must be"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # held-out set 35: each keyed a fact claim
        "The Harbour Bill, which the Ferry Committee is due to debate on Thursday, is that kind of bill.",
        "For Westford, a port town of about 2,300 people, the decision made in March landed like a hailstorm.",
        "Judge Ana Lindqvist famously called the harbour board a museum of good intentions.",
    ],
)
def test_a_picture_or_a_pointer_to_the_writer_s_judgement_is_no_fact_claim(sentence):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    made = [q for q in build_all("fact_opinion", corpus) if q is not None]
    assert FACT_OPTION not in [q.answer[0] for q in made]


def test_a_person_named_by_the_post_of_a_body_is_a_person():
    """Held-out set 35: "Commission Chair Laura Benedetti said …" keyed a named organisation (the commission)."""
    text = (
        "Ferry Fares Rise\n\nHarbour Commission Chair Ana Lindqvist said the fares would rise by 4% in May.\n\n"
        "“We held them for three years,” Lindqvist said.\n"
    )
    made = [q for q in build_all("source", _corpus_of(text)) if q is not None]
    assert [q.answer for q in made if "fares would rise" in q.prompt] == [(PERSON,)]


def test_the_writer_s_own_plans_are_no_speculation():
    """Held-out set 36: a blog's "I'll be posting updates from the summit next week, probably far too late at night"
    keyed the writer's guess about the news."""
    corpus = _corpus_of("Summit Week\n\nI'll be posting updates from the summit next week, probably far too late.\n")
    made = [q for q in build_all("fact_opinion", corpus) if q is not None]
    assert SPECULATION_OPTION not in [q.answer[0] for q in made]
    corpus = _corpus_of("Summit Week\n\nThe summit will probably end without a deal on the border next week.\n")
    assert [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None] == [SPECULATION_OPTION]


@pytest.mark.parametrize(
    ("sentence", "not_key"),
    [
        # held-out set 37
        ("A careful ferry rollout, with published error rates, could well be worth doing.", SPECULATION_OPTION),
        ("Before the remaining 1,188 ferries sail, publish the contract.", FACT_OPTION),
        # held-out set 38: an opinion put in unnamed mouths
        ("Some fans clearly think the timing of the ferry video was no accident.", OPINION_OPTION),
    ],
)
def test_judgements_instructions_and_unnamed_opinions_get_no_such_key(sentence, not_key):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    assert not_key not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the paper's own terms, the hazard ratio for the ferry crews was 1.29 in 2024.",  # held-out set 37
        "A fourth man, a 41-year-old whom police did not name, was charged with the same offence in May.",  # set 38
    ],
)
def test_a_document_or_authority_holding_the_facts_is_no_missing_source(sentence):
    made = [q for q in build_all("source", _corpus_of(f"Ferry Plans\n\n{sentence}\n")) if q is not None]
    assert NO_SOURCE not in [q.answer[0] for q in made]


def test_what_critics_predicted_is_no_attribution_of_the_writer_s_claim():
    """Held-out set 39: "But it also did exactly what critics said it would: it cut investment …" keyed an
    attributed claim; the critics only predicted, the claim is the columnist's."""
    text = "Ferry Tax\n\nIt did exactly what critics said it would: it cut investment and knocked ferry fares up.\n"
    made = [q for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]
    assert ATTRIBUTED_OPTION not in [q.answer[0] for q in made]


def test_a_fact_disclosed_by_a_named_body_has_a_source():
    """Held-out set 39: "… and disclosed by Skarvøy before the market opened" keyed "no source"."""
    text = "Ferry Bid\n\nThe ferry bid was sent to the harbour board on March 9 and disclosed by Skarvoy on Monday.\n"
    made = [q for q in build_all("source", _corpus_of(text)) if q is not None]
    assert NO_SOURCE not in [q.answer[0] for q in made]


@pytest.mark.parametrize(
    "sentence",
    [
        # held-out set 41: the writer's reasoning about a motive, and a pledge reported
        "Westford, for its part, could hardly host the ferry summit with a queue of lorries at the pier.",
        "The harbour minister, Ana Lindqvist, has promised to publish quarterly accounts for the ferry fund.",
        # held-out set 42: a columnist's verdict
        "The grievance is real, and the ferry ban is, by any honest reading of the 1996 charter, unlawful.",
    ],
)
def test_a_verdict_or_a_pledge_is_no_fact_claim_and_no_unsourced_fact(sentence):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    assert FACT_OPTION not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None]
    assert NO_SOURCE not in [q.answer[0] for q in build_all("source", corpus) if q is not None]


def test_no_rewrite_that_breaks_a_demand_clause():
    """Held-out set 44: "Dastria reportedly insisted that the status of the valley be added to the agenda" was
    rewritten as "… said that the status of the valley be added …"."""
    clash = "After a clash near the bridge in September 2025 left six guards dead, Dastria reportedly insisted"
    text = f"Ferry Talks\n\n{clash} that the status of the contested valley be added to the agenda.\n"
    assert [q for q in build_all("neutral_rewrite", _corpus_of(text)) if q is not None] == []
    text = f"Ferry Talks\n\n{clash} that the contested valley was on the agenda.\n"
    assert [q for q in build_all("neutral_rewrite", _corpus_of(text)) if q is not None]


def test_a_rule_in_its_maker_s_release_is_no_opinion():
    """Held-out set 44: a ministry's "Farmers must not draw water outside the hours set by their association"
    keyed the writer's opinion."""
    release = (
        "Ministry sets new canal hours for farmers\n\nFOR IMMEDIATE RELEASE\n\nThe Ministry of Water announced new "
        "canal hours on Monday.\n\nFarmers must not draw water outside the hours set by their association.\n"
    )
    made = [q for q in build_all("fact_opinion", _corpus_of(release)) if q is not None]
    assert OPINION_OPTION not in [q.answer[0] for q in made if "must not draw" in q.prompt]
    column = "Canal hours\n\nBy Kim Lee\n\nFarmers must not draw water outside the hours set by their association.\n"
    made = [q for q in build_all("fact_opinion", _corpus_of(column)) if q is not None]
    assert [q.answer[0] for q in made] == [OPINION_OPTION]


def test_a_sentence_pointing_back_at_a_judgement_is_no_fact_claim():
    """Held-out set 43: "Tuesday's agreement … to set a joint export floor of $6,400 a tonne earned exactly that
    applause" (the premature applause of the sentence before) keyed a fact claim."""
    text = "Ferry Deal\n\nTuesday's agreement to set a joint ferry fare of $64 earned exactly that applause in May.\n"
    made = [q for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]
    assert FACT_OPTION not in [q.answer[0] for q in made]


@pytest.mark.parametrize(
    ("sentence", "not_key"),
    [
        # held-out set 45: a body's people are the source; a release's contact line is no opinion
        ("Analysts at the International Ferry Fund have listed fuel among the main risks to fares.", FACT_OPTION),
    ],
)
def test_a_body_s_people_make_a_source(sentence, not_key):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    assert not_key not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None]
    text = "Ferry Plans\n\nUN monitors have recorded 212 ferry violations since November 2024.\n"
    assert NO_SOURCE not in [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]


def test_a_run_of_options_the_writer_lists_is_no_forecast():
    """Held-out set 46: "I am not saying the shire should do nothing. It could lobby Canberra to stretch the
    transition. It could help small growers fill in the grant forms." keyed a guess and hedges."""
    text = (
        "Ferry Plans\n\nBy Kim Lee\n\nI am not saying the council should do nothing. It could lobby the port to "
        "stretch the timetable. It could help small operators fill in the federal grant forms in May.\n"
    )
    corpus = _corpus_of(text)
    assert SPECULATION_OPTION not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None]
    assert [q for q in build_all("mark_words", corpus) if q is not None and q.technique == "hedge"] == []
    single = _corpus_of("Ferry Plans\n\nBy Kim Lee\n\nThe new ferry could ease the queues at Westford each day.\n")
    assert [q.answer[0] for q in build_all("fact_opinion", single) if q is not None] == [SPECULATION_OPTION]


@pytest.mark.parametrize(
    ("sentence", "not_key"),
    [
        # held-out set 48: a conditional forecast and someone's count
        ("If the ferry company pays faithfully for 12 years, the town does fine.", FACT_OPTION),
        ("By the institute's count, 34 ferry routes have closed since 2019.", FACT_OPTION),
        # held-out set 47: an accusation in the writer's own voice
        ("What followed was a collective punishment of the islanders: the ferry stopped overnight.", FACT_OPTION),
    ],
)
def test_seventh_session_no_fact_claim(sentence, not_key):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    assert not_key not in [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None]
    if "count" in sentence:  # someone's count is a source too
        assert NO_SOURCE not in [q.answer[0] for q in build_all("source", corpus) if q is not None]


def test_an_item_of_a_reported_list_is_theirs():
    """Held-out set 47: "diplomats familiar with the talks describe a possible package along these lines:" / "-
    resumption of Westline flows, possibly with a revised transit fee." keyed the writer's guess."""
    text = (
        "Ferry Talks\n\nThe ferry talks resumed on Monday in the harbour office after a break of two weeks.\n\n"
        "Nothing has been published, but officials familiar with the talks describe a package along "
        "these lines:\n\n- a new timetable for the night ferry from May.\n- resumption of island flights, possibly "
        "with a revised landing fee.\n"
    )
    made = [q for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]
    assert SPECULATION_OPTION not in [q.answer[0] for q in made]
    plain = text.replace("officials familiar with the talks describe", "the board has set out")
    made = [q for q in build_all("fact_opinion", _corpus_of(plain)) if q is not None]
    assert SPECULATION_OPTION in [q.answer[0] for q in made]


@pytest.mark.parametrize(
    ("sentence", "guess"),
    [
        # a capacity, a permission, a definition, a choice: what a thing or a person may or can do (sets 34-48: 13 of
        # 26 speculation keys wrong, nearly all of this sort)
        ("The new ferry could carry 400 passengers to Westford each day.", False),
        ("Older ferries may be sold under their original names in other ports.", False),
        ("The result of the crossing may be completely unaffected by the weather.", False),
        ("Some of the island's families may simply not travel this winter.", False),
        ("Ferry operators may choose to run extra crossings over the coming weeks.", False),
        # the guess is theirs: what customers reported
        ("The ferry was withdrawn after passengers reported that its engine could overheat on long crossings.", False),
        # outcomes: the writer's guesses
        ("The new timetable may stall in the autumn, when the winter storms arrive.", True),
        ("The ferry plan could become a trap for the council and its budget.", True),
        ("The new ferry may turn out to be another photo opportunity for the council.", True),
        ("The longer crossing could open the island to day trippers from the city.", True),
    ],
)
def test_a_lone_modal_guesses_only_before_an_outcome(sentence, guess):
    corpus = _corpus_of(f"Ferry Plans\n\n{sentence}\n")
    keys = [q.answer[0] for q in build_all("fact_opinion", corpus) if q is not None]
    assert (SPECULATION_OPTION in keys) is guess


def test_a_step_of_a_procedure_is_no_hedge():
    """Held-out set 35: "Consumers with questions or complaints may call the Department's consumer hotline" keyed a
    hedge; the step is allowed whoever takes it. "Critics may call the plan a giveaway" stays a guess."""
    steps = _corpus_of(
        "Ferry Passes\n\nPassengers with questions about the new passes may call the ferry hotline on 0800 555 0100. "
        "Islanders over 65 may register online for a free pass from Monday.\n"
    )
    assert [q for q in build_all("mark_words", steps) if q is not None and q.technique == "hedge"] == []
    guess = _corpus_of("Ferry Passes\n\nSome islanders may call the new passes a giveaway to the tourist trade.\n")
    assert [q.answer for q in build_all("mark_words", guess) if q is not None and q.technique == "hedge"] == [("may",)]


def test_eighth_session_kind_keys():
    """Held-out sets 49 and 50: "clearly" alone made an opinion key on a checkable claim; a judgement that answers
    "why do it?" made one in a paragraph about motives; "she may be right" a guess; "may well" a one-word hedge key;
    a lone "could" before an act ("Ministers could cover the full cost") a hedge key."""
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    assert OPINION_OPTION not in kinds("Ferry Report\n\nSome boats had clearly been hit by ships in the harbour.\n")
    motive = (
        "Ferry Report\n\nSo why do it? The mayor faces voters in October. A tough stand against the ferry company "
        "arguably plays rather well in the wards where his party is weakest. Whether that was the whole motive I "
        "cannot say.\n"
    )
    assert OPINION_OPTION not in kinds(motive)
    assert OPINION_OPTION in kinds("Ferry Report\n\nThe new timetable is arguably the worst the island has had.\n")
    assert SPECULATION_OPTION not in kinds("Ferry Report\n\nThere is some evidence the harbour master may be right.\n")
    hedges = lambda text: [  # noqa: E731
        q.answer for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "hedge"
    ]
    assert hedges("Ferry Report\n\nIt may well be true that some ferry skippers ignored the harbour rules.\n") == []
    assert hedges("Ferry Report\n\nIt may be true that some ferry skippers ignored the harbour rules.\n") == [("may",)]
    assert hedges("Ferry Report\n\nMinisters could cover the full cost of the ferry and still have change.\n") == []
    assert hedges("Ferry Report\n\nThe dispute could escalate if the ferry stops running in June.\n") == [("could",)]


def test_a_body_named_after_its_country_is_an_organisation():
    """Held-out set 49: "Maritime NZ says it will monitor that data" keyed a named person."""
    text = (
        "Ferry Rules\n\nMaritime NZ says it will monitor the ferry data and back it up with harbour patrols. "
        "The harbour opened in 1990, Maritime New Zealand said.\n"
    )
    keys = [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]
    assert keys and all(k == "A named organisation: a body cited by its name" for k in keys)


def test_fifty_first_set_keys():
    """Held-out set 51: an ironic "Perhaps … simply have exquisite timing. I doubt it." keyed a guess; "the two white
    plumes over the Odrin Nitrogen Works have told the town …" a named organisation; a regulator's "may be subject to
    financial penalties" a hedge."""
    irony = _corpus_of(
        "Ferry Talk\n\nPerhaps this is all a coincidence. Perhaps the ferry engineers simply have exquisite timing. "
        "I doubt it, and so does everyone on the island.\n"
    )
    assert SPECULATION_OPTION not in [q.answer[0] for q in build_all("fact_opinion", irony) if q is not None]
    guess = _corpus_of("Ferry Talk\n\nPerhaps the ferry engineers will finish the repairs before the summer.\n")
    assert [q.answer[0] for q in build_all("fact_opinion", guess) if q is not None] == [SPECULATION_OPTION]
    plumes = _corpus_of(
        "Ferry Town\n\nFor 41 years, the two white plumes over the Harbour Fuel Works have told the town what kind of "
        "day it was going to be.\n"
    )
    assert "A named organisation: a body cited by its name" not in [
        q.answer[0] for q in build_all("source", plumes) if q is not None
    ]
    rule = "Operators who fail to meet the timetable may be subject to financial penalties under the Ferry Act."
    assert "hedge" not in {c.category for c in find_cues(rule)}


def test_fifty_second_set_keys():
    """Held-out set 52: "twice as likely to end up in emergency" keyed a guess; "looked as if someone had given it a
    light coat of varnish" a fact claim; "… short of the 95 per cent the World Health Organization says is needed"
    an attributed claim; a county release's "Owners … should stop using them" an opinion."""
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    risk = "Ferry Study\n\nAfter adjusting for age, islanders who rent were about twice as likely to miss a ferry.\n"
    assert SPECULATION_OPTION not in kinds(risk)
    assert FACT_OPTION not in kinds(
        "Ferry Day\n\nBy Thursday morning, the harbour looked as if someone had varnished it.\n"
    )
    relative = (
        "Ferry Figures\n\nOnly 78 per cent of ferries ran on time last year, short of the 95 per cent the Ferry "
        "Users Council says is needed to keep the island's trade going.\n"
    )
    assert ATTRIBUTED_OPTION not in kinds(relative)
    release = (
        "FOR IMMEDIATE RELEASE\n\nIsland Council\n\nFerry generator recall\n\nOwners of Haldane HX3800 generators "
        "should stop using them and consult the recall notice issued today.\n"
    )
    assert OPINION_OPTION not in kinds(release)


def test_fifty_fourth_set_keys():
    """Held-out set 54 (opinion-heavy): "What makes Port Anselm unusual is …" keyed a fact claim; "I am just not sure
    it is the compliment he seems to think it is" a hedge key without "not sure"; "Critics who call this a stealth
    decision … should look at those numbers" an unnamed source (the writer answers them)."""
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    unusual = "Ferry Caps\n\nWhat makes the island unusual is a cap and a fee brought in at the same time in 2026.\n"
    assert FACT_OPTION not in kinds(unusual)
    hedges = [
        q.answer
        for q in build_all(
            "mark_words", _corpus_of("Ferry Caps\n\nI am just not sure it is the compliment he seems to think.\n")
        )
        if q is not None
    ]
    assert hedges == []
    critics = _corpus_of(
        "Ferry Caps\n\nCritics who call this a stealth decision by a handful of retirees should look at the numbers.\n"
    )
    assert "A vague or unnamed source: cited, but not named" not in [
        q.answer[0] for q in build_all("source", critics) if q is not None
    ]
    cited = _corpus_of("Ferry Caps\n\nCritics say the cap was a stealth decision by a handful of retirees in 2026.\n")
    assert [q.answer[0] for q in build_all("source", cited) if q is not None] == [
        "A vague or unnamed source: cited, but not named"
    ]


def test_fifty_fifth_to_seventh_set_keys():
    """Held-out sets 55-57: "Then a specialist, and another scan in six months." (a step the writer imagines) keyed a
    fact claim; "Sydney-based Tellwell Connect confirmed" a named person; "Side effects were mostly mild: …" after a
    paragraph ending "…, the researchers reported." no source; "it could mean everything" a guess; "Parvadia wants a
    timetable …" and "The UN group recorded 37 violations …" fact claims; "the mood was more careful" a fact claim;
    "… the rule that now shapes …: one slot a day, when they must be available" an opinion."""
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    sources = lambda text: [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]  # noqa: E731
    steps = "Ferry Fears\n\nSo you go back for a scan. Then perhaps a biopsy. Then a specialist, and a scan in June.\n"
    assert FACT_OPTION not in kinds(steps)
    assert PERSON not in sources(
        "Ferry Outage\n\nSydney-based Harbour Connect confirmed on Monday that 2,300 alarms failed.\n"
    )
    study = (
        "Ferry Study\n\nProtection was 84% in the first months, the researchers reported.\n\n"
        "Side effects were mostly mild: sickness on the crossing in 8.6% of passengers, against 3.1% in 2024.\n"
    )
    assert NO_SOURCE not in sources(study)
    assert SPECULATION_OPTION not in kinds(
        "Ferry Talk\n\nBut for a farmer on the island, the new ferry could mean everything.\n"
    )
    assert FACT_OPTION not in kinds(
        "Ferry Talk\n\nThe island wants a timetable to reopen at least six crossings by June.\n"
    )
    assert FACT_OPTION not in kinds(
        "Ferry Talk\n\nThe UN group recorded 37 ferry violations in January and February alone.\n"
    )
    assert FACT_OPTION not in kinds(
        "Ferry Talk\n\nAt the harbour club, where she trained until 2018, the mood was more careful.\n"
    )
    rule = (
        "Ferry Rules\n\nThe 2009 code brought in the rule that now shapes the lives of skippers: one slot every day, "
        "at a named pier, when they must be available.\n"
    )
    assert OPINION_OPTION not in kinds(rule)
    assert OPINION_OPTION in kinds("Ferry Rules\n\nThe ferry company must be held to account for the delays.\n")


def test_fifty_ninth_and_sixtieth_set_keys():
    """Held-out sets 59 and 60: "nobody in the boardroom seems to notice any more" keyed a guess; a figure in a
    paragraph voicing the board's case ("will tell you …") no source; "A trade union representing production staff
    at Calderfield Foods said" the company as the source; "Under the council's petition scheme, any petition … must
    be debated" an opinion; "Items may be returned to any remaining library" and "The petition calls on the council
    to keep them open, possibly with reduced hours" hedges."""
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    sources = lambda text: [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]  # noqa: E731
    hedges = lambda text: [  # noqa: E731
        q.answer for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "hedge"
    ]
    assert SPECULATION_OPTION not in kinds(
        "Ferry Pay\n\nThe norm has drifted so far that nobody on the board seems to notice.\n"
    )
    board = (
        "Ferry Pay\n\nThe ferry board will tell you the numbers are defensible. Operating profit rose 19 per cent to "
        "£612 million in 2025.\n"
    )
    assert NO_SOURCE not in sources(board)
    union = (
        "Ferry Strike\n\nA trade union representing crew at Harbour Ferries Ltd said on Wednesday it would ballot "
        "1,400 members.\n"
    )
    assert "A named organisation: a body cited by its name" not in sources(union)
    petition = (
        "Ferry Petition\n\nUnder the council's petition scheme, any petition signed by more than 5,000 residents "
        "must be debated by all 54 councillors.\n"
    )
    assert OPINION_OPTION not in kinds(petition)
    assert hedges("Ferry Library\n\nItems may be returned to any remaining ferry office until 31 July.\n") == []
    demand = (
        "Ferry Petition\n\nThe petition calls on the council to keep the four ferry offices open, possibly with "
        "reduced hours, instead of closing them in June.\n"
    )
    assert hedges(demand) == []


def test_sixty_second_set_keys():
    """Held-out set 62: a reporter's scene with "perhaps a third as many" keyed a guess; "There may well be a sensible
    saving buried somewhere in this" a guess (a judgement too)."""
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    scene = (
        "Ferry Shop\n\nBehind the shop, bags are stacked to the ceiling of a store built for perhaps a third as many.\n"
    )
    assert SPECULATION_OPTION not in kinds(scene)
    assert SPECULATION_OPTION not in kinds(
        "Ferry Fares\n\nThere may well be a sensible saving buried in the ferry plan.\n"
    )
    assert SPECULATION_OPTION in kinds("Ferry Fares\n\nPerhaps the ferry will run again before the summer.\n")


def test_sixty_third_and_fourth_set_keys():
    """Held-out sets 63 and 64: a release's "Holders of a current licence whose landings have fallen … may claim up to
    1,200 marks" and "neither fighter may weigh more than 10% above the limit" keyed hedges; "the quickest way … may
    be to stop punishing …" a guess; "according to the Halsk gauge" the gauge's place as an organisation; a tabloid
    page's one-word rewrites ("furious" -> "angry") left its other loaded words in the model answer."""
    hedges = lambda text: [  # noqa: E731
        q.answer for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "hedge"
    ]
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    release = (
        "FOR IMMEDIATE RELEASE\n\nFerry Authority\n\nFerry support extended\n\nHolders of a current ferry licence "
        "whose takings have fallen by 30% or more may claim up to 1,200 marks a month.\n"
    )
    assert hedges(release) == []
    assert (
        hedges("Ferry Rules\n\nAt the morning check, neither ferry may carry more than 400 passengers on deck.\n") == []
    )
    assert SPECULATION_OPTION not in kinds(
        "Ferry Talk\n\nBut the quickest way to get there may be to stop charging the islanders for the ferry.\n"
    )
    gauge = "Ferry Lake\n\nThe lake stood 1.41 metres below its average on Tuesday, according to the Halsk gauge.\n"
    assert ATTRIBUTED_OPTION not in kinds(gauge)
    tabloid = (
        "FERRY FURY\n\nThe island show was AXED last night. Fuming islanders slammed the ferry firm, and the "
        "captain's stunning wife was seen leaving the harbour on Monday.\n"
    )
    assert [q for q in build_all("neutral_rewrite", _corpus_of(tabloid)) if q is not None] == []


def test_sixty_fifth_and_sixth_set_keys():
    """Held-out sets 65 and 66: "either government may take the question to arbitration under Article 22 of the
    treaty" and "a 12-year-old … could be sat in a silent booth" keyed hedges; "category 1 patients should be treated
    within 30 days" an opinion; "seismic" in "a detailed seismic assessment" a loaded word; a figure whose source the
    paragraph names after it ("Those aren't my numbers … They are Ofsted's"), or that goes on from a paragraph of
    figures, keyed "no source"."""
    hedges = lambda text: [  # noqa: E731
        q.answer for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "hedge"
    ]
    kinds = lambda text: [q.answer[0] for q in build_all("fact_opinion", _corpus_of(text)) if q is not None]  # noqa: E731
    sources = lambda text: [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]  # noqa: E731
    assert (
        hedges("Ferry Deal\n\nIf the panel cannot agree, either government may take the fares to arbitration.\n") == []
    )
    assert hedges("Ferry Deal\n\nThe ferry fares may be taken to arbitration under Article 22 of the treaty.\n") == []
    assert hedges("Ferry Deal\n\nThe ferry fares may rise again before the summer.\n")
    assert hedges("Ferry Row\n\nIt was a system in which a boy could be sat on the ferry deck for five days.\n") == []
    assert OPINION_OPTION not in kinds(
        "Hospital Waits\n\nAustralian public hospitals sort elective patients into three urgency categories: category "
        "1 patients should be treated within 30 days, category 2 within 90 days and category 3 within 365 days.\n"
    )
    assert OPINION_OPTION in kinds("Ferry Rules\n\nThe ferry company must be held to account for the delays.\n")
    loaded = lambda text: [  # noqa: E731
        q for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "loaded_language"
    ]
    assert not loaded("Ferry Pier\n\nA detailed seismic assessment rated the ferry pier at 30 per cent in March.\n")
    assert NO_SOURCE not in sources(
        "Ferry Row\n\nNow we know. Thirty-eight islanders gone from the ferry register in sixteen months. Twenty-three "
        "of them over seventy. Those aren't my numbers, or the numbers of the vocal minority we were written off as. "
        "They are the harbour board's.\n"
    )
    assert NO_SOURCE not in sources(
        "Ferry Waits\n\nMost delays were on the north route, the figures showed.\n\nThe median wait was 41 minutes. "
        "At the two island piers, more than a quarter of the crossings were late.\n"
    )
    assert NO_SOURCE in sources("Ferry Waits\n\nThe median wait for the island ferry was 41 minutes in March.\n")


def test_sixty_seventh_and_eighth_set_keys():
    """Held-out sets 67 and 68: "the closure of the Kalsa Deep declared by the Republic of Montvara is not recognised"
    keyed the lake as a named organisation; "scientists advising the EU warned" was explained as the EU speaking;
    "fishing without a valid permit may result in a fixed payment notice of €150" and "Serious or repeated offences
    may be prosecuted, with a maximum fine of €5,000" keyed hedges."""
    sources = lambda text: [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]  # noqa: E731
    hedges = lambda text: [  # noqa: E731
        q.answer for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "hedge"
    ]
    assert ORGANISATION not in sources(
        "Ferry Notice\n\nVessel owners are reminded that the closure of the Kalsa Deep declared by the Republic of "
        "Montvara is not recognised here.\n"
    )
    assert ORGANISATION in sources(
        "Ferry Notice\n\nThe Harbour Board said the Kalsa Deep will be closed to ferries from Monday.\n"
    )
    explained = [
        q.explanation
        for q in build_all(
            "fact_opinion",
            _corpus_of("Ferry Fish\n\nScientists advising the EU warned that the bass stock was falling fast.\n"),
        )
        if q is not None
    ]
    assert not [e for e in explained if "“the EU”" in e], explained
    assert (
        hedges("Ferry Permits\n\nFishing without a valid permit may result in a fixed payment notice of €150.\n") == []
    )
    assert (
        hedges("Ferry Permits\n\nSerious or repeated offences may be prosecuted, with a maximum fine of €5,000.\n")
        == []
    )


def test_seventieth_set_keys():
    """Held-out set 70: "Council could also simply decide that a leaking roof … is a core responsibility", an option
    the writer puts forward, keyed a hedge."""
    hedges = lambda text: [  # noqa: E731
        q.answer for q in build_all("mark_words", _corpus_of(text)) if q is not None and q.technique == "hedge"
    ]
    assert hedges("Ferry Roof\n\nThe council could also simply decide that the ferry roof is its own job.\n") == []
    assert hedges("Ferry Roof\n\nThe council could instead decide that the ferry roof is its own job.\n") == []
    assert hedges("Ferry Roof\n\nThe leaking ferry roof could collapse before the summer.\n")
    speculation = [  # "may … simply postpone" is a guess at an outcome ("merely"), not an option (set 44)
        q.answer[0]
        for q in build_all(
            "fact_opinion", _corpus_of("Ferry Talks\n\nIt may also simply postpone the ferry quarrel.\n")
        )
        if q is not None
    ]
    assert SPECULATION_OPTION in speculation, speculation


def test_sixty_ninth_set_keys():
    """Held-out set 69: "according to Lestrian Public Broadcasting" keyed a named person; "claiming a refund" marked
    loaded (asking for what one is owed)."""
    sources = lambda text: [q.answer[0] for q in build_all("source", _corpus_of(text)) if q is not None]  # noqa: E731
    said = "Ferry Jam\n\nFerry crossings fell by a third in March, according to Lestrian Public Broadcasting.\n"
    assert PERSON not in sources(said) and ORGANISATION in sources(said), sources(said)
    loaded = lambda text: [  # noqa: E731
        q.answer
        for q in build_all("mark_words", _corpus_of(text))
        if q is not None and q.technique == "loaded_language"
    ]
    assert not loaded("Ferry Fares\n\nPassengers claiming a refund must apply to the ferry office by 30 June.\n")


def test_no_hedge_key_beside_an_unflagged_likely():
    """Held-out set 75 keyed "possibly" alone in "The most likely first step is …, possibly starting with …"."""
    corpus = _corpus_of(
        "Ferry Talks Resume\n\n"
        "The most likely first step is a partial reopening of the harbour, possibly starting with the ferry. "
        "The ferry company said the harbour had been closed since March after the storm damaged the pier. "
        "Harbour staff repaired the pier in April and painted the ferry terminal in May.\n"
    )
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    assert not [q for q in bank if q.technique == "hedge" and "most likely first step" in q.prompt]


def test_no_rewrite_that_gives_said_a_verb_s_own_preposition():
    """Held-out set 75: "Dunevra insisted on its own coast guard" -> "Dunevra said on its own coast guard"."""
    text = "Transfer Row\n\nManager Luis Ferreira insisted {} after last weekend's defeat.\n"
    corpus = _corpus_of(text.format("on a meeting with the referees"))
    assert [q for q in build_all("neutral_rewrite", corpus) if q is not None] == []
    corpus = _corpus_of(text.format("the referees had made mistakes"))
    q = next(q for q in build_all("neutral_rewrite", corpus) if q is not None)
    assert "Ferreira said the referees had made mistakes" in q.answer[0]


def test_a_must_after_the_sentence_naming_the_act_is_its_terms():
    """Held-out set 80 keyed "Anything you buy must be of satisfactory quality" an opinion, in the sentence after
    "Under the Consumer Rights Act 2015, …"."""
    corpus = _corpus_of(
        "Faulty Kettles: Your Rights\n\n"
        "Under the Goods Standards Act 2019, your contract is with the shop that sold you the kettle. "
        "Anything you buy must be of satisfactory quality and fit for purpose. "
        "The shop replaced about 40 kettles last month, its manager said.\n"
    )
    bank = generate(corpus, seed=0, generators=bias_generators(), per_article_kind=None)
    for q in bank:
        if q.kind == "fact_opinion" and "satisfactory quality" in q.prompt:
            assert "opinion" not in q.answer[0], q.answer
