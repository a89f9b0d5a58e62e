"""Comprehension generators: every quality rule, on the seeds (properties only) and on invented
articles under tests/fixtures/articles."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from quizlib import entities as ent
from quizlib import quality
from quizlib.articles import Corpus, load_corpus, parse_article
from quizlib.generators import comprehension as comp
from quizlib.pipeline import generate
from quizlib.questions import Evidence, make_question
from quizlib.scoring import normalize_answer, score

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
OWN_FIXTURES = ["council-budget", "football-transfer", "river-flood", "vaccine-trial"]
KINDS = ("fact", "cloze", "true_false", "role_match", "who_said", "which_article", "number")
GENERATORS = [comp.fact, comp.cloze, comp.true_false, comp.role_match, comp.who_said, comp.which_article, comp.number]


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_corpus(None)


@pytest.fixture(scope="module")
def fixtures() -> Corpus:
    return load_corpus([FIXTURES / f"{n}.txt" for n in OWN_FIXTURES])


@pytest.fixture(scope="module")
def seed_bank(seeds):
    return generate(seeds, seed=0, generators=_comprehension())


@pytest.fixture(scope="module")
def fixture_bank(fixtures):
    return generate(fixtures, seed=0, generators=_comprehension())


def _comprehension():
    from quizlib.generators import all_generators

    return [g for g in all_generators() if g.skill == "comprehension"]


def _candidates(corpus):
    return [q for g in GENERATORS for q in g(corpus, random.Random(1))]


# -- the numbers the issue asks for ----------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="issue 3 asks for 60 from the seeds; with the review rules and true/false only as one-fact swaps "
    "(the lead rejected other-article sentences as false statements), the seeds give 38-39 sound ones "
    "(18 of them section items): see docs/questions.md",
)
def test_seeds_give_sixty_questions(seed_bank):
    assert len({q.id for q in seed_bank}) == len(seed_bank) >= 60


def test_seeds_give_questions_of_every_kind_but_true_false_from_every_article(seeds, seed_bank):
    assert len({q.id for q in seed_bank}) == len(seed_bank) >= 22
    assert set(seed_bank.counts("kind")) == {*KINDS, "section"} - {"true_false"}
    assert {q.article_ids[0] for q in seed_bank} == {a.id for a in seeds}


@pytest.mark.xfail(
    strict=True,
    reason="issue 3 asks for every kind on the seeds; their only true/false items turned a word into its opposite, "
    "which an audit of the held-out fixtures found false on its face in 36 of 70 statements, so that way was removed, "
    "and the one sentence with a name to swap ('the Western <region>') is known from the map: see docs/questions.md",
)
def test_seeds_give_true_false(seed_bank):
    assert seed_bank.counts("kind").get("true_false", 0) >= 1


@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_a_single_invented_article_gives_at_least_ten(name):
    bank = generate(load_corpus(FIXTURES / f"{name}.txt"), seed=0, generators=_comprehension())
    assert len(bank) >= 10
    assert len(bank.counts("kind")) >= 4


def test_invented_articles_give_every_kind(fixture_bank):
    """Four stories of one article each: every kind but which_article, which needs three articles on
    one story (the strike set gives it, below)."""
    assert set(fixture_bank.counts("kind")) == {*KINDS, "when", "section"} - {"which_article"}


def test_no_option_comes_from_another_story():
    """A held-out review found a footballer among the speakers of a quote about a water shortage,
    and a football report among the articles that might hold a sentence about it: the topic alone
    rules such options out."""
    names = ("strike-news", "strike-analysis", "strike-blog", "vaccine-trial")
    corpus = load_corpus([FIXTURES / f"{n}.txt" for n in names])
    ix = ent.index(corpus)
    assert len(set(comp.stories(ix, corpus).values())) == 2
    trial = corpus["vaccine-trial"]
    strike_keys = {m.key for a in corpus if a.id.startswith("strike") for m in ix.by_article[a.id]}
    trial_only = {
        ix.display(m.key, trial.id)
        for m in ix.by_article[trial.id]
        if m.kind in ("person", "org") and m.key not in strike_keys  # one name is in both (no shared story)
    }
    assert trial_only
    strike_titles = {a.title for a in corpus if a.id.startswith("strike")}
    seen = Counter()
    for s in range(4):
        bank = generate(corpus, seed=s, generators=_comprehension())
        for q in bank:
            seen[q.kind] += 1
            if q.kind == "which_article":
                assert set(q.options) <= strike_titles, q.options
            elif q.article_ids[0] != "vaccine-trial" and q.options:
                assert not set(q.options) & trial_only, (q.prompt, q.options)
    assert seen["which_article"] and seen["who_said"] and seen["fact"]


# -- every kept question is sound ------------------------------------------------------------


@pytest.mark.parametrize("which", ["seed_bank", "fixture_bank"])
def test_kept_questions_pass_every_rule(which, request):
    bank = request.getfixturevalue(which)
    corpus = request.getfixturevalue("seeds" if which == "seed_bank" else "fixtures")
    for q in bank:
        assert quality.problem(q, corpus) is None, q
        for e in q.evidence:
            assert corpus[e.article_id].text[e.start : e.end] == e.text
        assert q.explanation.strip() and q.skill == "comprehension"


@pytest.mark.parametrize("which", ["seed_bank", "fixture_bank"])
def test_exactly_one_correct_option(which, request):
    bank = request.getfixturevalue(which)
    for q in bank:
        if q.form != "single":
            continue
        assert q.options.count(q.answer[0]) == 1
        key = set(normalize_answer(q.answer[0]).split())
        for o in q.options:
            if o != q.answer[0] and q.kind in ("fact", "who_said"):
                assert not key & set(normalize_answer(o).split()), (q.prompt, q.options)  # no alias of the key


@pytest.mark.parametrize("which", ["seed_bank", "fixture_bank"])
def test_prompts_are_whole_and_hide_the_key(which, request):
    bank = request.getfixturevalue(which)
    for q in bank:
        p = q.prompt
        assert p[0].isupper() and p.count("“") == p.count("”"), p
        quoted = re.findall(r"“(.*)”", p) if q.kind != "who_said" else []  # a speaker's words may say "he"
        for inner in quoted:
            # a quoted sentence starts a sentence (or the gap), never mid-clause with a pronoun
            assert not re.match(r"(?:he|she|they|it|this|these|and|but|which)\b", inner, re.IGNORECASE), inner
        if q.kind in ("fact", "who_said", "cloze", "number"):
            for a in q.answer:
                n = normalize_answer(a)
                assert f" {n} " not in f" {normalize_answer(p)} " or len(n) <= 2, (p, a)


def test_key_position_varies(seed_bank, fixture_bank):
    positions = Counter()
    for bank in (seed_bank, fixture_bank):
        for q in bank:
            if q.form == "single" and len(q.options) >= 3:
                positions[q.options.index(q.answer[0])] += 1
    total = sum(positions.values())
    assert len(positions) >= 3 and max(positions.values()) < 0.5 * total, positions


def test_no_question_about_site_chrome(seeds, seed_bank):
    for q in seed_bank:
        for e in q.evidence:
            chrome = seeds[e.article_id].chrome
            assert not any(c.start < e.end and e.start < c.end for c in chrome)


def test_true_false_false_statements_differ_by_one_swap_true_ones_are_the_text(seed_bank, fixture_bank, strike_bank):
    seen = Counter()
    for bank in (seed_bank, fixture_bank, strike_bank):
        for q in bank.filter(kind="true_false"):
            statement = re.search(r"“(.*)”\Z", q.prompt).group(1)
            sentence = q.evidence[0].text.replace("“", "‘").replace("”", "’")
            seen[q.answer[0]] += 1
            assert q.evidence[0].article_id == q.article_ids[0]
            if q.answer[0] == "True":
                assert sentence.endswith(statement[1:]), (statement, sentence)
            else:
                assert statement != sentence and len(statement.split()) - len(sentence.split()) in (-2, -1, 0, 1, 2)
    assert seen["True"] >= 3 and seen["False"] >= 3  # the seeds make none since opposite words went


def test_who_said_has_one_speaker_named_in_the_evidence(seed_bank, fixture_bank):
    for bank in (seed_bank, fixture_bank):
        for q in bank.filter(kind="who_said"):
            surname = normalize_answer(q.answer[0]).split()[-1]
            assert any(surname in normalize_answer(e.text).split() for e in q.evidence), q
            for o in q.options:
                if o != q.answer[0]:
                    assert normalize_answer(o).split()[-1] not in normalize_answer(q.evidence[0].text).split()


def test_which_article_is_unique_among_the_offered_articles(seeds, seed_bank):
    """The sentence names something none of the other offered articles mentions, or no sentence of
    theirs shares more than two of its content words (so exactly one option is right)."""
    ix = ent.index(seeds)
    by_title = {a.title: a for a in seeds}
    for q in seed_bank.filter(kind="which_article"):
        e = q.evidence[0]
        assert seeds[e.article_id].title == q.answer[0]
        offered = [by_title[o] for o in q.options if o != q.answer[0]]
        theirs = {m.key for a in offered for m in ix.by_article.get(a.id, [])}
        unique = any(m.key not in theirs for m in ix.within(e.article_id, e.start, e.end))
        mine = {comp._stem(w) for w in comp._content_words(re.search(r"“(.*)”", q.prompt).group(1))}
        shared = max(
            len(mine & {comp._stem(w) for w in comp._content_words(s.text)}) for a in offered for s in a.sentences
        )
        assert unique or shared <= 2, q.prompt
        sentence = normalize_answer(re.search(r"“(.*)”", q.prompt).group(1))
        assert not any(sentence in normalize_answer(a.text) for a in offered)


def test_number_distractors_have_the_key_s_unit(seed_bank, fixture_bank):
    for bank in (seed_bank, fixture_bank):
        for q in bank.filter(kind="number"):
            # figures in words ("a five-year", "an eight-year") have the unit of their word forms
            figure = r"[\d.,]+" if "in words" not in q.tags else r"\b[a-z]+(?=-|$)"
            unit = re.sub(figure, "#", q.answer[0])
            assert all(
                re.sub(figure, "#", o).replace("an #", "a #") == unit.replace("an #", "a #") for o in q.options
            ), q.options
            assert len(set(q.options)) == len(q.options) == 4


def test_role_match_pairs_each_person_with_one_role(seed_bank, fixture_bank):
    for bank in (seed_bank, fixture_bank):
        for q in bank.filter(kind="role_match"):
            assert q.form == "match" and len(q.items) >= 3
            assert len(set(q.options)) == len(q.options) == len(q.answer) + 1 and set(q.answer) < set(q.options)
            for item, role in zip(q.items, q.answer, strict=True):
                assert any(item in e.text and role.lower() in e.text.lower() for e in q.evidence)
            # the extra role (blind review: with as many roles as people the last pair is forced)
            # is no one's in the item and neither holds nor repeats an item's role
            (extra,) = set(q.options) - set(q.answer)
            n = f" {normalize_answer(extra)} "
            assert not any(n in f" {normalize_answer(r)} " or f" {normalize_answer(r)} " in n for r in q.answer)
            assert not any(extra.lower() in e.text.lower() for e in q.evidence), extra
            assert score(q, list(q.answer)) == 1.0


# -- cloze answers: case, space and alias insensitive ----------------------------------------


def test_cloze_accepts_aliases_of_places():
    text = (
        "Ports Reopen After Strike\n\nThe dock strike in the U.K. ended on Monday after eleven days of talks.\n"
        "Union leader Kate Moss said members in the U.K. had voted to accept a 6% pay rise.\n"
    )
    corpus = Corpus((parse_article(text, "ports"),))
    qs = [q for q in comp.cloze(corpus, random.Random(0)) if "place" in q.tags]
    assert qs
    for typed in ("UK", "u.k.", "United Kingdom", " united   kingdom ", "Britain"):
        assert score(qs[0], typed) == 1.0
    assert score(qs[0], "France") == 0.0


def test_cloze_accepts_both_spellings_of_a_name():
    text = (
        "Budget Row Deepens\n\nFinance Minister Olena Kovalenko presented the budget on Monday to a divided chamber.\n"
        "The opposition leader said that Kovalenkko had ignored the warnings of the central bank for months.\n"
    )
    corpus = Corpus((parse_article(text, "budget"),))
    qs = [q for q in comp.cloze(corpus, random.Random(0)) if "person" in q.tags]
    assert qs
    for q in qs:
        for typed in ("Kovalenko", "kovalenkko", "Olena Kovalenko"):
            assert score(q, typed) == 1.0


def test_cloze_on_seeds_accepts_every_spelling_the_corpus_uses(seeds):
    ix = ent.index(seeds)
    spelled_twice = [e for e in ix.of_kind("person") if len({a for a in e.aliases if " " in a}) >= 2]
    assert spelled_twice
    qs = [q for q in comp.cloze(seeds, random.Random(0)) if "person" in q.tags]
    for e in spelled_twice:
        for q in qs:
            if normalize_answer(e.name) in map(normalize_answer, q.answer):
                assert all(score(q, a) == 1.0 for a in e.aliases)


# -- each quality rule catches what it names -------------------------------------------------


def _question(corpus, **overrides):
    article = corpus.articles[0]
    s = article.sentences[0]
    fields = dict(
        kind="fact",
        form="single",
        skill="comprehension",
        prompt="According to the article, who approved the plan?",
        answer=("Jane Doe",),
        options=("Jane Doe", "Ann Lee", "Tom Hart"),
        explanation="The article says so.",
        evidence=[Evidence(article.id, s.start, s.end, s.text)],
        generator="test",
        generator_version="0",
    )
    fields.update(overrides)
    return make_question(**fields)


@pytest.fixture(scope="module")
def tiny() -> Corpus:
    text = "Plan Approved\n\nMayor Jane Doe approved the plan on Monday after a long debate in the hall.\n"
    return Corpus((parse_article(text, "tiny"),))


def test_rule_sound_question_passes(tiny):
    assert quality.problem(_question(tiny), tiny) is None


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"options": ("Jane Doe", "Jane Doe", "Ann Lee")}, "two options are the same or aliases"),
        ({"options": ("Jane Doe", "Doe", "Tom Hart")}, "an option is part of another"),
        ({"options": ("Jane Doe", "Ann Lee", "None of the above")}, "all/none-of-the-above option"),
        ({"options": ("Ann Lee", "Tom Hart", "Bo Li")}, "key not exactly once among options"),
        ({"prompt": "Did Jane Doe approve the plan?"}, "prompt gives the key away"),
        (
            {"answer": ("Ann Lee",), "options": ("Ann Lee", "Jane Doe", "Tom Hart")},
            "evidence does not contain the answer",
        ),
        ({"prompt": "According to the article, who approved “the plan?"}, "prompt has broken quotes"),
        ({"prompt": "approved the plan, according to the article"}, "prompt is not a whole sentence"),
        ({"prompt": "Which name belongs in the gap? “Mayor _____ approved _____.”"}, "prompt has more than one gap"),
        ({"prompt": "Which figure belongs in the gap? “It took an _____ debate.”"}, "a/an before the gap"),
        (
            {
                "answer": ("Jane Doe of the Riverside Hall",),
                "options": ("Jane Doe of the Riverside Hall", "Ann", "Tom"),
            },
            "key length gives it away",
        ),
        # held-out audit of the fact items: "Brannagh's stunning wife _____", "_____ runs Tulloch Textile Recovery"
        (
            {
                "prompt": "Which person belongs in the gap? “Their neighbour’s wife _____ approved the plan.”",
                "tags": ("person",),
            },
            "a pronoun in the prompt tells the person's gender",
        ),
        (
            {"prompt": "Which person belongs in the gap? “The wife of _____ approved it.”", "tags": ("person",)},
            "a pronoun in the prompt tells the person's gender",
        ),
        (
            {"prompt": "Which person belongs in the gap? “_____ approved the Doe plan.”", "tags": ("person",)},
            "the person's surname stands in the prompt",
        ),
    ],
)
def test_rule_catches(tiny, overrides, reason):
    q = _question(tiny, **overrides)
    assert quality.problem(q, tiny) == reason


def test_rule_cloze_any_spelling_in_prompt(tiny):
    q = _question(
        tiny,
        kind="cloze",
        form="text",
        options=(),
        answer=("Jane Doe", "Doe"),
        prompt="Type the missing name: “Mayor _____ approved the plan, Doe said.”",
    )
    assert quality.problem(q, tiny) == "prompt gives the key away"


def test_rule_evidence_in_site_chrome(seeds):
    article = next(a for a in seeds if a.chrome)
    c = article.chrome[0]
    q = make_question(
        kind="fact",
        form="single",
        skill="comprehension",
        prompt="Which line is this?",
        answer=("x",),
        options=("x", "y"),
        explanation="-",
        evidence=[Evidence(article.id, c.start, c.end, article.text[c.start : c.end])],
        generator="test",
        generator_version="0",
    )
    assert quality.problem(q, seeds) == "evidence is site chrome"


def test_sentences_needing_context_are_not_used(seeds, fixtures):
    for corpus in (seeds, fixtures):
        for article in corpus:
            for u in comp.usable_sentences(article):
                assert not re.match(r"(?:He|She|They|It|This|These|Those|His|Her|Their)\b", u.text)
                assert u.text.endswith((".", ".”", '."', ".'"))
                assert not re.search(r"\b(?:I|we|you|guys)\b", u.text)


def test_generators_only_use_text_of_the_corpus(fixtures):
    """Keys come from the articles: every key of a fact, cloze or number question is in its evidence."""
    for q in _candidates(fixtures):
        if q.kind in ("cloze", "number") or (q.kind == "fact" and "gap" in q.tags):
            evidence = " ".join(normalize_answer(e.text) for e in q.evidence)
            key = normalize_answer(q.answer[0])
            assert key.split()[-1] in evidence.split() or key in evidence, q


def test_true_false_candidates_are_true_or_false_at_even_odds(seeds, fixtures):
    answers = Counter(q.answer[0] for corpus in (seeds, fixtures) for q in comp.true_false(corpus, random.Random(5)))
    total = answers["True"] + answers["False"]
    assert total >= 30 and 0.35 <= answers["True"] / total <= 0.65, answers


def test_true_false_keys_are_even_in_a_bank(seed_bank, fixture_bank):
    for bank in (seed_bank, fixture_bank):
        keys = Counter(q.answer[0] for q in bank.filter(kind="true_false"))
        assert abs(keys["True"] - keys["False"]) <= 2, keys


def test_one_article_asks_for_each_name_once_per_kind(seed_bank, fixture_bank):
    for bank in (seed_bank, fixture_bank):
        seen = Counter((q.article_ids[0], q.kind, q.key_text) for q in bank if q.kind in ("fact", "cloze"))
        assert max(seen.values()) == 1, [k for k, v in seen.items() if v > 1]


# -- rules from the blind review (a reader guessed keys without the article) ------------------

# Three invented articles on one invented event: the names every article gives are the set's topic.
STRIKE = ["strike-news", "strike-analysis", "strike-blog"]


@pytest.fixture(scope="module")
def strike() -> Corpus:
    return load_corpus([FIXTURES / f"{n}.txt" for n in STRIKE])


@pytest.fixture(scope="module")
def strike_bank(strike):
    return generate(strike, seed=0, generators=_comprehension())


def _corpus(*texts: str) -> Corpus:
    return Corpus(tuple(parse_article(t, f"a{i}") for i, t in enumerate(texts)))


def _text(title: str, *paragraphs: str) -> str:
    """A small invented article: headline, byline, an opening paragraph, then the paragraphs."""
    return (
        "\n\n".join([title, "By Kim Lee, Staff Reporter", "The story developed over the weekend.", *paragraphs]) + "\n"
    )


def _spans(corpus, generators=GENERATORS, seeds=range(3)):
    """(article id, start) of every first-evidence passage any generator uses, over a few seeds."""
    return {
        (q.evidence[0].article_id, q.evidence[0].start)
        for g in generators
        for s in seeds
        for q in g(corpus, random.Random(s))
    }


def _start_of(corpus, article_id, text):
    a = corpus[article_id]
    return a.text.index(text)


def test_strike_set_gives_every_kind_but_which_article_sparingly(strike_bank):
    assert len(strike_bank) >= 15
    assert {"cloze", "number", "role_match", "true_false", "which_article", "who_said"} <= set(strike_bank.counts())


def _swaps(corpus, seeds=range(6)):
    """(question, said, swapped in) of every name-swapped false statement the generator makes."""
    out = []
    for s in seeds:
        for q in comp.true_false(corpus, random.Random(s)):
            if q.answer[0] == "False" and not {"number", "other article", "opposite"} & set(q.tags):
                said, swapped = re.search(r"says “(.+?)”, not “(.+?)”", q.explanation).groups()
                out.append((q, said, swapped))
    return out


def _key_of(ix, name):
    n = normalize_answer(name)
    return next(
        e.key
        for e in ix.entities.values()
        if n in {normalize_answer(a) for a in e.aliases} | {normalize_answer(e.name)}
        or n == normalize_answer(e.name).split()[-1]
    )


def test_true_false_never_swaps_a_name_every_article_gives(strike, seeds):
    """Rule 1: swapping the set's topic names gives statements absurd to anyone who follows the news."""
    for corpus in (strike, seeds):
        ix = ent.index(corpus)
        for q, said, swapped in _swaps(corpus):
            for name in (said, swapped):
                assert len(ix.articles_of(_key_of(ix, name))) < len(corpus), (name, q.prompt)
    ix = ent.index(strike)
    topic = {e.name for e in ix.entities.values() if len(ix.articles_of(e.key)) == len(strike)}
    assert {"Marcus Hale", "Dana Whitlock", "Ruth Adler"} <= topic  # the rule has something to refuse


def test_true_false_swaps_stay_in_type_and_context(seeds, strike, fixtures):
    """Rule 1: the swapped-in person is named in the same paragraph or has the same kind of role; not
    two heads of state; places and organisations only ones a single article names, places of one type."""
    made = 0
    for corpus in (seeds, strike, fixtures):
        ix = ent.index(corpus)
        for q, said, swapped in _swaps(corpus):
            made += 1
            a, b = _key_of(ix, said), _key_of(ix, swapped)
            kind = ix.entities[a].kind
            article = corpus[q.article_ids[0]]
            if kind == "person":
                p = article.paragraphs[article.sentence_at(q.evidence[0].start).paragraph]
                heads = [
                    {normalize_answer(m.role).split()[-1] for m in ix.by_key[k] if m.role and normalize_answer(m.role)}
                    for k in (a, b)
                ]
                assert swapped.split()[-1] in article.text[p.start : p.end] or heads[0] & heads[1], q.prompt
                assert not (comp.famous_role(ix, a) and comp.famous_role(ix, b)), q.prompt
            else:
                assert len(ix.articles_of(a)) == len(ix.articles_of(b)) == 1, q.prompt
            if kind == "place":
                assert comp.place_type(ix, a) == comp.place_type(ix, b), q.prompt
    assert made >= 5


def test_sentences_that_lean_on_the_one_before_are_not_used(strike):
    """Rule 1/4: "On the other side of the dispute is X" and "Given that it ..." need the sentence before."""
    linking = "On the other side of the dispute is former Port Director Ruth Adler"
    spans = _spans(strike)
    assert ("strike-blog", _start_of(strike, "strike-blog", linking)) not in spans
    linked = "On the other side of the talks, officials in Norway said that the fishing quota would stay the same."
    control = "After the talks, officials in Norway said that the fishing quota would stay the same."
    for sentence, used in ((linked, False), (control, True)):
        corpus = _corpus(_text("Quota Talks", "The quota talks ended on Monday after a long week.", sentence))
        start = corpus[0].text.index(sentence)
        assert (("a0", start) in _spans(corpus, [comp.cloze, comp.fact], range(6))) is used, sentence
    dangling = "Given that it handles most of the fish exports of Norway, traders in Denmark and Sweden worry."
    control = "Given that the harbour handles most of the fish exports of Norway, traders in Denmark and Sweden worry."
    for sentence, used in ((dangling, False), (control, True)):
        corpus = _corpus(_text("Harbour Reopens", "The harbour reopened on Monday after a long storm.", sentence))
        start = corpus[0].text.index(sentence)
        gens = [comp.cloze, comp.fact, comp.true_false]
        assert (("a0", start) in _spans(corpus, gens, range(6))) is used, sentence


def test_which_article_is_capped_and_free_of_style_markers(seeds, seed_bank, strike):
    """Rule 2: at most three per article; no sentence with an opinion or engagement cue, an exclamation,
    or no name or figure at all (it could stand in any article)."""
    assert max(Counter(q.article_ids[0] for q in seed_bank.filter(kind="which_article")).values()) <= 3
    from quizlib.cues import find_cues

    checked = 0
    for corpus in (seeds, strike):
        ix = ent.index(corpus)
        for q in comp.which_article(corpus, random.Random(0)):
            e = q.evidence[0]
            cues = [c for c in find_cues(corpus[e.article_id]) if e.start <= c.start < e.end]
            assert not [c for c in cues if c.category in ("opinion", "engagement_bait")], q.prompt
            assert "!" not in e.text and ix.within(e.article_id, e.start, e.end), q.prompt
            checked += 1
    assert checked >= 10


def test_no_question_from_calls_to_action_or_engagement_text(strike):
    """Rule 5: "Call to Action: ..." paragraphs and "share your views in the comments" sentences."""
    cta = "Readers can follow the latest updates on the strike in Norway at the Ellery Chamber of Commerce website."
    bait = (
        "Readers in Sweden are invited to share views on the strike with the Calder Bay Harbour Board in the comments"
    )
    spans = _spans(strike)
    for text in (cta, bait):
        assert ("strike-news", _start_of(strike, "strike-news", text)) not in spans, text
    # The same sentence without the label is content and is used.
    corpus = _corpus(_text("Strike Update", "The strike at the docks entered its third week on Monday.", cta))
    assert any(e[1] == corpus[0].text.index(cta) for e in _spans(corpus, seeds=range(6)))


def test_fact_has_four_options_of_the_key_s_type_and_slot(seed_bank, fixture_bank, seeds, fixtures):
    """Rule 3: at least four options; places only of the key's type (country, region, subdivision,
    local), and before "region" only names the corpus writes before "region"."""
    for bank, corpus in ((seed_bank, seeds), (fixture_bank, fixtures)):
        ix = ent.index(corpus)
        for q in bank.filter(kind="fact"):
            assert len(q.options) >= 4, q.prompt
            if "place" in q.tags:
                keys = [_key_of(ix, o) for o in q.options]
                assert len({comp.place_type(ix, k) for k in keys}) == 1, q.options
                if re.search(r"_____ region", q.prompt):
                    text = " ".join(a.text for a in corpus)
                    assert all(re.search(rf"{re.escape(o)} region", text) for o in q.options), q.options


def test_fact_place_distractors_fit_a_region_slot():
    corpus = _corpus(
        _text(
            "Floods Spread",
            "Floods hit the Lower Arden region on Monday, and rivers rose in Spain and Portugal.",
            "Farmers in the Upper Tessel region moved cattle to higher ground as water covered the roads.",
            "Relief teams from the Greater Holm region arrived in the evening with boats and pumps.",
            "Engineer Maria Costa said that the Western Brindle region could flood by Friday if the rain continued.",
            "Aid also came from Europe and from cities such as Lisbon, where volunteers collected blankets.",
        )
    )
    qs = [q for s in range(6) for q in comp.fact(corpus, random.Random(s)) if "place" in q.tags]
    region = [q for q in qs if "_____ region" in q.prompt]
    assert region
    for q in region:
        assert set(q.options) <= {
            "Lower Arden",
            "Upper Tessel",
            "Greater Holm",
            "Western Brindle",
            "Arden",
            "Tessel",
            "Holm",
            "Brindle",
        }, q.options


def test_widely_named_and_famous_keys_rank_lower(strike):
    """Rule 3/7: a name several articles give, or a head of state, is likelier known without reading."""
    ix = ent.index(strike)
    hale, calloway = _key_of(ix, "Marcus Hale"), _key_of(ix, "Ines Calloway")
    assert comp._difficulty(ix, hale) < comp._difficulty(ix, calloway)
    corpus = _corpus(
        _text(
            "Summit Ends",
            "Chilean President Ana Rojas met economic adviser Luis Pardo in the capital on Monday.",
            "Rojas said that the talks had gone well, and Pardo said that a deal was close.",
        )
    )
    ix = ent.index(corpus)
    rojas, pardo = _key_of(ix, "Ana Rojas"), _key_of(ix, "Luis Pardo")
    assert comp.famous_role(ix, rojas) and not comp.famous_role(ix, pardo)
    assert comp._difficulty(ix, rojas) < comp._difficulty(ix, pardo)
    corpus = _corpus(
        _text(
            "Aid Arrives",
            "The UN sent tents to the valley on Monday, and the Harlow Valley Relief Committee handed out food.",
            "Workers from Norway joined volunteers in the Upper Tessel region on Tuesday.",
        )
    )
    ix = ent.index(corpus)
    un, committee = _key_of(ix, "UN"), _key_of(ix, "Harlow Valley Relief Committee")
    norway, tessel = _key_of(ix, "Norway"), _key_of(ix, "Tessel")
    assert comp.widely_known(ix, un) and comp.widely_known(ix, norway)
    assert not comp.widely_known(ix, committee) and not comp.widely_known(ix, tessel)
    assert comp._difficulty(ix, un) < comp._difficulty(ix, committee)


def test_cloze_never_blanks_a_place_that_holds_another_place_name():
    """Rule 4: "Eastern Europe" typed as "Europe" would be a near miss the learner cannot judge."""
    corpus = _corpus(
        _text(
            "Troops Move",
            "The alliance moved two brigades to Eastern Europe after a request from Poland on Monday.",
            "Officials in Norway said that the move had been planned for a year and would be reviewed in June.",
        )
    )
    keys = {q.answer[0] for s in range(8) for q in comp.cloze(corpus, random.Random(s))}
    assert "Eastern Europe" not in keys
    assert keys & {"Poland", "Norway"}


def test_number_ranks_content_figures_above_call_lengths(strike):
    """Rule 6: a 45-minute meeting is a detail; 8% pay, 2,300 firms, $3 million a day carry the story."""
    qs = comp.number(strike, random.Random(0))
    minor = [q for q in qs if re.search(r"minute|hour", q.answer[0])]
    major = [q for q in qs if re.search(r"%|\$|firms", q.answer[0])]
    assert major
    assert all(quality.rank(m) < min(quality.rank(q) for q in major) for m in minor)
    corpus = _corpus(
        _text("Call Ends", "The two leaders spoke for 40 minutes and agreed to cut tariffs by 12% next year.")
    )
    ix = ent.index(corpus)
    figures = {m.text: comp._figure_weight(m) for m in ix.mentions if m.kind == "number"}
    assert figures["40 minutes"] < figures["12%"], figures


def test_role_match_needs_people_the_text_introduces(strike):
    """Rule 7: heads of state are matched from general knowledge and the rest by elimination: an item
    has at least two other people, no more heads of state than others, and nobody the corpus gives
    conflicting roles ("Port Director" here, "former Port Director" there)."""
    famous_only = [
        "Chilean President Ana Rojas, Peruvian President Luis Arce and Colombian President Marta Gil met on Monday.",
        "Bolivian Prime Minister Hugo Salas joined them by video.",
        "Economic adviser Nora Blum said the meeting would focus on tariffs and roads.",
    ]
    assert comp.role_match(_corpus(_text("Leaders Meet", *famous_only)), random.Random(0)) == []
    mixed = [*famous_only, "Chief engineer Tomas Ruiz and spokesperson Elena Pardo briefed the leaders on the road."]
    qs = comp.role_match(_corpus(_text("Leaders Meet", *mixed)), random.Random(0))
    assert qs
    for q in qs:
        famous = [r for r in q.answer if re.search(r"President|Prime Minister", r)]
        assert len(q.answer) - len(famous) >= 2 and len(famous) <= len(q.answer) - len(famous), q.answer
    ix = ent.index(strike)
    adler = _key_of(ix, "Ruth Adler")
    assert comp._conflicting_roles(ix, adler)
    for q in comp.role_match(strike, random.Random(0)):
        assert "Ruth Adler" not in q.items


def test_who_said_reads_reported_speech_and_offers_people_of_the_article(strike, strike_bank):
    """Rule 8: "X has emphasized that ...", "X told reporters that ...", "According to X, ..."; the
    distractors are other people the corpus names, first those of the same article."""
    qs = comp.who_said(strike, random.Random(0))
    prompts = " ".join(q.prompt for q in qs)
    assert "who emphasized that the port authority cannot raise wages" in prompts
    corpus = _corpus(
        _text(
            "Rail Talks",
            "Union leader Maria Lenz met rail spokesperson Omar Haddad and Transport Minister Eva Holm on Monday.",
            "According to Lenz, the drivers would accept a new rota if overtime pay stayed the same.",
        )
    )
    said = comp.who_said(corpus, random.Random(0))
    assert [q.answer for q in said] == [("Maria Lenz",)]
    assert said[0].prompt.startswith("According to the article, who said that the drivers would accept")
    ix = ent.index(strike)
    for q in strike_bank.filter(kind="who_said"):
        unsure = comp.uncertain_office(ix, q.article_ids[0])
        here = {
            ix.display(m.key, q.article_ids[0])
            for m in ix.by_article[q.article_ids[0]]
            if m.kind == "person" and m.key not in unsure
        }
        assert all(ix.entities[_key_of(ix, o)].kind == "person" for o in q.options)
        assert len(set(q.options) & here) >= min(len(here), 3), (q.options, here)


def test_people_whose_office_the_corpus_contradicts_are_not_asked_about(strike):
    """An article calls someone "former Port Director", another "Port Director": who holds the office
    is uncertain, so that person (and anyone called "former director") is no key of a name question
    and no distractor; the real world may make such a distractor true."""
    ix = ent.index(strike)
    adler = _key_of(ix, "Ruth Adler")
    assert all(adler in comp.uncertain_office(ix, a.id) for a in strike)
    for s in range(6):
        for g in (comp.fact, comp.cloze, comp.who_said, comp.true_false):
            for q in g(strike, random.Random(s)):
                shown = set(q.options) - ({q.answer[0]} if q.kind == "who_said" else set())
                assert "Ruth Adler" not in shown and "Adler" not in shown, q.prompt
                if q.kind in ("fact", "cloze"):
                    assert "Adler" not in q.answer[0], q.prompt


def test_no_gap_inside_a_person_s_role():
    """ "_____ Foreign Secretary Jane Doe": the country is known from the person, not from the text."""
    corpus = _corpus(
        _text(
            "Fishing Deal Signed",
            "UK Trade Secretary Jane Holt signed the fishing deal with officials from Norway in Oslo on Monday.",
            "Economist Petra Lind said that the deal would cut tariffs on salmon by half within two years.",
        )
    )
    ix = ent.index(corpus)
    assert any(m.text == "UK" and m.kind == "place" for m in ix.mentions)  # the rule has something to refuse
    keys = set()
    for s in range(8):
        for g in (comp.cloze, comp.fact, comp.true_false):
            for q in g(corpus, random.Random(s)):
                keys.add(q.answer[0])
                assert not re.search(r"_____ Trade Secretary|“(?!UK)\w+ Trade Secretary", q.prompt), q.prompt
    assert "UK" not in keys and keys & {"Norway", "Oslo"}


def test_place_distractors_are_not_the_places_the_whole_set_is_about():
    """ "Key partners like _____ offered to mediate": the two sides of the dispute, which every
    article names, are no plausible wrong answer for a third country."""
    texts = [
        _text(
            f"Fishing Dispute, Part {i}",
            "Fishing boats from Peru and Chile were stopped at sea on Monday as the dispute over quotas grew.",
            sentence,
            "Officials in Peru and Chile said that talks would resume within a week if the boats were freed.",
        )
        for i, sentence in enumerate(
            [
                "Key partners like Norway have offered to mediate the quota dispute between the two fleets.",
                "Observers from Japan and Iceland arrived at the harbour on Tuesday to inspect the seized boats.",
                "A research vessel from Canada and scientists from Spain measured the fish stocks along the line.",
            ]
        )
    ]
    corpus = _corpus(*texts)
    ix = ent.index(corpus)
    topic = {e.name for e in ix.of_kind("place") if len(ix.articles_of(e.key)) == len(corpus)}
    assert {"Peru", "Chile"} <= topic
    # (a real country is no fact key any more: the distractors are asked for directly)
    made = 0
    for article in corpus:
        for key in [k for k in {m.key for m in ix.by_article[article.id]} if ix.entities[k].kind == "place"]:
            if ix.entities[key].name in topic:
                continue
            for s in range(4):
                options = comp._entity_distractors(ix, corpus, random.Random(s), key, article, {key})
                made += bool(options)
                assert not set(options) & topic, options
    assert made


# -- third round: rules from the second blind review ------------------------------------------

_BODIES = _text(
    "Harbour Talks Resume",
    "The Harbour Alliance met the Delta Alliance, the Coastal Alliance and the Fjord Alliance in Tarvik on Monday.",
    "Analysts at the Ridgeway Institute and the Lowmoor Institute followed the talks closely.",
    "The IMF lent the port authority money for new cranes after a storm damaged the quay in March.",
    "Inspectors from the WTO and the ECB reviewed the harbour accounts during the summer.",
    "Officials at Downing Street and the Pentagon sent observers, said spokesperson Nora Blum.",
    "The unity of the Harbour Alliance has been tested by a dispute over fishing quotas this spring.",
    "Port director Jane Holt said the Ridgeway Institute published a report on shipping costs in May.",
    "The Delta Alliance has imposed new fees on cargo ships and is the largest funder of the harbour school.",
    "Mayor Tomas Ruiz has professed support for the plan, but conditions outlined by the Pentagon raise doubts "
    "about his sincerity.",
    "Fishermen opposed the quotas and the Coastal Alliance offered compensation to the smallest boats.",
)


def test_org_distractors_are_bodies_of_the_key_type():
    """Third round, rule 1: an alliance's gap offers alliances, not a government seat or an institute."""
    corpus = _corpus(_BODIES)
    ix = ent.index(corpus)
    assert comp.org_type(ix, _key_of(ix, "Harbour Alliance")) == "international"
    assert comp.org_type(ix, _key_of(ix, "IMF")) == "international"
    assert comp.org_type(ix, _key_of(ix, "Pentagon")) == "government"
    assert comp.org_type(ix, _key_of(ix, "Ridgeway Institute")) == "institute"
    qs = [q for seed in range(4) for q in comp.fact(corpus, random.Random(seed)) if "org" in q.tags]
    assert qs
    for q in qs:
        assert {comp.org_type(ix, _key_of(ix, o)) for o in q.options} == {"international"}, q.options


def test_no_gap_for_a_government_seat_the_sentence_pins():
    """Third round, rule 1: "conditions outlined by the _____ raise doubts about his sincerity" with the
    leader named: only his government fits, without reading."""
    corpus = _corpus(_BODIES)
    for seed in range(4):
        for gen in (comp.fact, comp.cloze):
            for q in gen(corpus, random.Random(seed)):
                assert "Pentagon" not in q.answer, q.prompt


def test_no_typed_gap_another_name_of_the_type_fits():
    """Third round, rule 2: "Fishermen ... and the _____ offered" with three other alliances in the
    corpus, and a place acting for its government ("Tarvik insists ..."), are not typed gaps."""
    corpus = _corpus(
        _BODIES,
        _text(
            "Second Round Of Talks",
            "Delegates gathered in Tarvik and in Morlund for a second round of talks on Tuesday.",
            "Tarvik insists that the fishing quotas must be cut before any agreement on fees is signed.",
            "Shipping firms in Morlund reported record cargo volumes for the third month running.",
        ),
    )
    for seed in range(4):
        for q in comp.cloze(corpus, random.Random(seed)):
            gap = q.prompt.split("“", 1)[1]
            if "Alliance" in q.answer[0]:  # four alliances: after "and the" / "of the" any of them fits
                assert not re.search(r"(?:and the|of the|with) _____", gap), q.prompt
            assert not gap.startswith("_____ insists"), q.prompt


@pytest.mark.parametrize(
    "sentence",
    [
        "The absence of such a meeting means the harbour board will vote again in June.",
        "Observers said these talks would decide the future of the harbour fees for years.",
        "The board voted against the plan after that meeting with the shipping firms ended.",
    ],
)
def test_sentences_that_lean_on_an_earlier_noun_are_not_used(sentence):
    """Third round, rule 3: "such a meeting", "these talks", "after that meeting" name something the
    sentence before described."""
    article = parse_article(_text("Harbour Vote", sentence, "The harbour board met on Monday to discuss fees."), "a")
    texts = [u.text for u in comp.usable_sentences(article)]
    assert sentence not in texts
    assert "The harbour board met on Monday to discuss fees." in texts


def test_such_as_and_said_that_stay_usable():
    text = "Port director Jane Holt said that fees such as the mooring charge would rise in June."
    article = parse_article(_text("Harbour Fees", text), "a")
    assert text in [u.text for u in comp.usable_sentences(article)]


def test_who_said_follows_the_attribution_verb():
    """Third round, rule 4: "as suggested by X" asks who suggested it, not whose words these are."""
    corpus = _corpus(
        _text(
            "Ferry Fares",
            "A “rolling fare cap” for island ferries, as suggested by port director Jane Holt, would cost little.",
            "Harbour master Omar Haddad and spokesperson Nora Blum met the ferry operators on Monday.",
            "Council treasurer Elena Pardo presented the budget for the new ferry terminal in May.",
        )
    )
    prompts = [q.prompt for q in comp.who_said(corpus, random.Random(0))]
    assert "Who, according to the article, suggested “rolling fare cap”?" in prompts, prompts
    assert not any("whose words" in p for p in prompts)
    for q in comp.who_said(corpus, random.Random(0)):
        if "suggested" in q.prompt:
            assert q.explanation.startswith("The article attributes this to Jane Holt"), q.explanation
    # held-out set 12: "described the find as 'genuinely important' but urged caution" asked who "urged" the
    # words; the verb must govern the quote (before it, or "<verb> by" after it)
    urged = _corpus(
        _text(
            "Boat Find",
            "Professor Tomasz Wielgosz, an archaeologist, described the find as “genuinely important” but urged "
            "caution over the dates.",
            "Harbour master Omar Haddad and spokesperson Nora Blum met the divers on Monday.",
            "Council treasurer Elena Pardo presented the budget for the new museum in May.",
        )
    )
    assert not [q.prompt for s in range(4) for q in comp.who_said(urged, random.Random(s)) if "urged" in q.prompt]


def test_role_match_keeps_ministers_but_not_only_heads_of_state():
    """Heads of state are matched from general knowledge; ministers and officials are what a text
    teaches ("UK Foreign Secretary ..." is the issue's own example), so they make the item."""
    text = _text(
        "Leaders Meet",
        "Chilean President Ana Rojas, Vice President Luis Arce and Foreign Minister Marta Gil met on Monday.",
        "Chief engineer Tomas Ruiz briefed them on the new road between the two ports.",
    )
    (q,) = comp.role_match(_corpus(text), random.Random(0))
    assert {"Luis Arce", "Marta Gil", "Tomas Ruiz"} <= set(q.items)
    assert dict(zip(q.items, q.answer, strict=True))["Marta Gil"] == "Foreign Minister"


def test_no_typed_gap_in_a_list_or_for_a_well_known_body():
    """Third round, rule 2: "ports such as _____ and Morlund" admits any port of the corpus, and an
    international body of the general word lists is named by what the sentence says it does."""
    corpus = _corpus(
        _BODIES,
        _text(
            "Ports Compete",
            "Traders moved cargo to Velden, Morlund and Tarvik during the spring strike at the main harbour.",
            "Ports such as Velden and Morlund have cut their mooring fees to attract the larger cargo ships.",
            "The port authority in Velden reported record cargo volumes for the third month running.",
            "Dock workers in Morlund voted to end their strike after a pay offer on Friday.",
        ),
    )
    for seed in range(4):
        for q in comp.cloze(corpus, random.Random(seed)):
            gap = q.prompt.split("“", 1)[1]
            assert not re.search(r"(?:such as|like|including) _____", gap), q.prompt
            assert not re.search(r"_____ and [A-Z]", gap), q.prompt
            assert not {"IMF", "WTO", "ECB"} & set(q.answer), q.prompt


def test_number_keeps_a_figure_whose_own_clause_stands_alone():
    """Third round, rule 8 with rule 3: "… 64% of the cargo, adding pressure to these talks" asks for a
    figure the sentence states on its own; "the cost of these talks reached _____" does not say which."""
    after = "The two ports together handle 64% of the country's grain exports, adding urgency to these talks."
    before = "The cost of these harbour repairs reached 47 million euros over the last two years."
    corpus = _corpus(_text("Grain Ports", "The harbour board met on Monday to discuss fees.", after, before))
    prompts = [q.prompt for seed in range(4) for q in comp.number(corpus, random.Random(seed))]
    assert any("_____ of the country's grain exports" in p for p in prompts), prompts
    assert not any("these harbour repairs reached" in p for p in prompts), prompts


# -- selection: balance over kinds and keys (issue 3, the lead's findings) --------------------


def test_true_false_keys_are_even_within_each_article(seed_bank, fixture_bank, strike_bank):
    """A learner answering one article's items with "True" every time must not score well: True and
    False are at most one apart per article."""
    for bank in (seed_bank, fixture_bank, strike_bank):
        per = Counter((q.article_ids[0], q.answer[0]) for q in bank.filter(kind="true_false"))
        for article in {a for a, _ in per}:
            assert abs(per[article, "True"] - per[article, "False"]) <= 1, per


def test_role_cloze_blanks_the_role_not_the_country_and_never_a_leaders(fixtures, seeds):
    """Invented: "Opposition councillor Ben Hartley said ..." asks for "councillor"; a country or
    nationality word before the role stays ("UK _____ <name>"); heads of state or government and
    "former" roles are never asked (known from the news, or uncertain)."""
    made = {}
    for corpus in (fixtures, seeds):
        for s in range(4):
            for q in comp.cloze(corpus, random.Random(s)):
                if "role" in q.tags:
                    made[q.prompt] = q
                    role = normalize_answer(q.answer[0])
                    assert not comp._TOP_ROLE.search(role) and "former" not in role.split(), q.prompt
                    assert not ent._DEMONYM.match(q.answer[0].split()[0]), q.prompt
                    assert q.answer[0] in q.evidence[0].text and quality.problem(q, corpus) is None
    assert any("Opposition _____ Ben Hartley" in p and made[p].answer[0] == "councillor" for p in made), made
    # held-out set 8: "_____ Helen Odum calls it ..." keyed "Professor": a rank written like an
    # honorific, while her post (another role) fits the gap as well
    ranked = _corpus(
        _text(
            "College Ban",
            "Professor Lena Marsh called the ban a precautionary step on Monday afternoon.",
            "Opposition councillor Ben Hartley said the ban went too far for the club.",
        )
    )
    roles = [q.answer[0] for s in range(6) for q in comp.cloze(ranked, random.Random(s)) if "role" in q.tags]
    assert "councillor" in roles and "Professor" not in roles, roles


def test_who_said_reads_a_trailing_according_to():
    """ "<Clause>, according to fire chief X." is X's statement; a clause that opens with a name
    is left alone (lowering it would misspell the name)."""
    flood = _text(
        "River Floods Town",
        "Fire chief Marco Bellini said the water rose overnight.",
        "Crews carried out forty rescues along the river road, according to fire chief Marco Bellini.",
        "Mayor Elena Marsh visited the shelter at the school on Sunday.",
        "Doctor Anna Petrov treated twelve people for cold at the shelter.",
        "Riverside Hospital treated twelve people for cold at the shelter, according to Mayor Elena Marsh.",
    )
    corpus = _corpus(flood)
    prompts = {q.prompt: q for s in range(4) for q in comp.who_said(corpus, random.Random(s))}
    asked = "According to the article, who said that crews carried out forty rescues along the river road?"
    assert asked in prompts and prompts[asked].answer == ("Marco Bellini",), prompts
    assert not [p for p in prompts if "hospital treated" in p.lower()], prompts


def test_which_article_sentence_shares_no_word_with_only_its_own_title():
    """Blind review: "mediating efforts have yielded limited progress" under the title "... Stalled
    Russia-Ukraine Negotiations" answers itself through "Russia". A sentence sharing a word with the
    key's title that the other offered titles lack is not used; one without such a word is."""
    arts = [
        _text(
            "Harbour Strike Ends In Velden",
            "Dock workers in Velden returned to work on Monday after a long strike.",
            "The harbour in Velden lost cargo to rival ports during the spring months.",
            "Crane drivers at the northern quay received a bonus for the night shifts in Tarvik.",
            "Mayor Anna Roos and councillor Piet Maas visited on the last day.",  # one story: two names in common
        ),
        _text(
            "Ferry Fares Rise",
            "The ferry company raised fares for the summer season by a small amount.",
            "Commuters complained at a public meeting held in the town hall on Tuesday.",
            "Mayor Anna Roos and councillor Piet Maas visited on the last day.",
        ),
        _text(
            "School Opens New Library",
            "The school library opened with a reading by a local author on Friday.",
            "Parents donated books and shelves during the winter holidays.",
            "Mayor Anna Roos and councillor Piet Maas visited on the last day.",
        ),
    ]
    corpus = _corpus(*arts)
    asked = {
        re.search(r"“(.*)”\Z", q.prompt).group(1)
        for s in range(6)
        for q in comp.which_article(corpus, random.Random(s))
    }
    assert "The harbour in Velden lost cargo to rival ports during the spring months." not in asked
    assert "Crane drivers at the northern quay received a bonus for the night shifts in Tarvik." in asked


def test_no_question_quotes_an_opening_having_clause(strike):
    """Blind review: "Despite having spoken ... with <A>, <B> brings ..." (a dangling modifier) says
    something false when quoted; an opening "having + participle" clause is never used."""
    sentence = "Despite having met the mayor in Velden twice, union leader Kate Moss said the talks had failed."
    control = "After meeting the mayor in Velden twice, union leader Kate Moss said the talks had failed."
    for text, used in ((sentence, False), (control, True)):
        corpus = _corpus(_text("Talks Fail", "The talks about the harbour ended on Friday evening.", text))
        start = corpus[0].text.index(text)
        assert (("a0", start) in _spans(corpus, seeds=range(4))) is used, text


def test_cloze_accepts_the_words_beside_the_gap():
    """Blind review (22 Nov): "the Western _____ region" answered "Kursk region" was marked wrong."""
    gapped = f"The talks covered the status of the Eastern {comp.GAP} district, officials said."
    assert comp.with_neighbours(gapped, ["Talvia"]) == [
        "Talvia",
        "Eastern Talvia",
        "Talvia district",
        "Eastern Talvia district",
    ]
    # walkthrough 7: "UK _____ Jane Doe" typed as "UK Foreign Secretary" was marked wrong
    assert comp.with_neighbours(f"UK {comp.GAP} Jane Doe spoke.", ["Foreign Secretary"]) == [
        "Foreign Secretary",
        "UK Foreign Secretary",
    ]
    # grammar words beside the gap are no part of a name
    assert comp.with_neighbours(f"The {comp.GAP} has said that the plan will go ahead.", ["Town Hall"]) == ["Town Hall"]
    # held-out set 7: "he would ask _____'s committee" accepted "ask Aldern County Council"
    assert comp.with_neighbours(f"He would ask {comp.GAP}'s health committee.", ["Dale Council"]) == ["Dale Council"]
    # ... and "Local bosses at the _____ want" accepted "Dale Trust want"; a role word after the gap stays
    assert comp.with_neighbours(f"Bosses at the {comp.GAP} want cuts.", ["Dale Trust"]) == ["Dale Trust"]
    assert comp.with_neighbours(f"Ana Ruiz, the {comp.GAP} member for Eastby, spoke.", ["Green Party"]) == [
        "Green Party",
        "Green Party member",
    ]


def test_who_said_skips_a_view_another_person_agrees_with():
    """Fourth held-out review: "Fabre thinks the return will change how the museum tells its story.
    Okonjo agrees." asked who thinks it, with Okonjo among the options."""
    text = (
        "Museum Returns Objects\n\nDr Anna Fabre said that the return would change how the museum tells "
        "its own story. Dr Grace Okonjo agrees.\n\nDr Tomas Venn said that the community had waited for "
        "130 years. Minister Lena Brook said that the loan would run for five years. Director Paul Ames said "
        "that the first boxes left the museum in June.\n"
    )
    corpus = _corpus(text)
    assert comp.who_said(corpus, random.Random(0))  # the others are asked
    asked = [q.prompt for s in range(4) for q in comp.who_said(corpus, random.Random(s))]
    assert not [p for p in asked if "tells its own story" in p]


def test_markdown_emphasis_is_not_quoted_and_the_gap_stays():
    assert (
        comp._quote("The price rises to **£1,767** from _____ in May.")
        == "“The price rises to £1,767 from _____ in May.”"
    )


def test_figure_options_stay_on_the_key_s_side_of_a_range_s_other_end():
    """Held-out set 7: "profit of between £18 million and _____" offered £9m, £13m and £17m, which the
    sentence itself rules out; so did "approved by _____ to 29" with 21 and 26 votes."""
    corpus = _corpus(
        _text(
            "Toy Maker Warns",
            "The toy maker said it now expected a profit of between £18 million and £21 million this year.",
            "The city council approved the new budget by 38 votes to 29 after a debate lasting four hours.",
        )
    )
    asked = 0
    for s in range(8):
        for q in comp.number(corpus, random.Random(s)):
            values = [int(v) for v in re.findall(r"\d+", q.evidence[0].text)]
            key = int(re.search(r"\d+", q.answer[0]).group(0))
            other = next(v for v in values if v != key)
            side = key > other
            assert all((int(re.search(r"\d+", o).group(0)) > other) == side for o in q.options), q.options
            asked += 1
    assert asked >= 8


def test_a_wrong_figure_crosses_no_other_figure_of_its_sentence_and_no_year_reads_as_the_future():
    """Held-out set 62: "reported 62 assaults in 2028, up from 38 in 2023" in an article whose latest year is 2025
    was false on its face (a year to come); nor may a swap or an option cross the figure beside it ("went up from
    1,204 pence to 1,192 pence")."""
    corpus = _corpus(
        _text(
            "Drivers Strike",
            "Bus operators reported 62 assaults in 2025, up from 38 in 2023, the drivers' union said on Monday.",
            "The single fare on the Mill Road route went up from 1,204 pence to 1,231 pence on the first day.",
            "The depot on Mill Road employs 340 drivers and 85 mechanics on three shifts.",
        )
    )
    seen = Counter()
    for s in range(12):
        for q in [*comp.true_false(corpus, random.Random(s)), *comp.number(corpus, random.Random(s))]:
            shown = [q.prompt.replace("_____", o) for o in q.options] if q.kind == "number" else [q.prompt]
            for text in shown:
                assert all(int(y) <= 2025 for y in re.findall(r"\b20\d\d\b", text)), text
                fare = re.search(r"from ([\d,]+) pence to ([\d,]+) pence", text)
                if fare:
                    seen[q.kind] += 1
                    low, high = (int(x.replace(",", "")) for x in fare.groups())
                    assert low < high, text
            if q.kind == "number" and re.fullmatch(r"20\d\d", q.answer[0]):
                seen["years"] += 1
    assert seen["true_false"] and seen["number"] and seen["years"], seen


def test_false_statements_the_audit_found_false_on_their_face_are_not_made():
    """An audit of the 338 false statements of the held-out fixtures: "received 7,780 applications, of which 8,915 have
    been approved" (a swap across a figure no mention held), "about 62,000" for "about 63,000", "$1.3187" for
    "$1.3184", "a frail 115-year-old", "£1500 million", "must apply from 2023" for a scheme yet to start, "since the
    start of 2023" (holding "since 2025"), "Belgium" for "Kenya", "Castellano, a former Norwegian international"."""
    corpus = _corpus(
        _text(
            "Farm Support Scheme",
            "The farm support scheme has so far received 11,240 applications, of which 8,915 have been approved.",
            "About 62,000 people live in the valley, and the sterling rate stood at $1.3184 on Friday.",
            "A frail 85-year-old farmer waited nine hours, and the bill reached £950 million in March.",
            "Operators who wish to carry passengers from 2027 must apply for a licence, the board said in 2026.",
            "The board has published 11 suspensions since the start of 2025 under the old scheme.",
            "Exports through the airport in Kenya have fallen since the scheme began last spring.",
            "Marta Castellano, a former Norwegian international, joined the board in 2021 with Tom Hale.",
        )
    )
    statements = [
        q.prompt for s in range(16) for q in comp.true_false(corpus, random.Random(s)) if q.answer == ("False",)
    ]
    assert statements
    for text in statements:
        approved = re.search(r"received ([\d,]+) applications", text)
        assert not approved or int(approved.group(1).replace(",", "")) > 8915, text
        people = re.search(r"About ([\d,]+) people", text)
        assert not people or abs(int(people.group(1).replace(",", "")) - 62000) >= 6200, text
        assert "$1.318" not in text or "$1.3184" in text, text
        age = re.search(r"(\d+)-year-old", text)
        assert not age or int(age.group(1)) <= 100, text
        bill = re.search(r"£(\d+) million", text)
        assert not bill or int(bill.group(1)) < 1000, text
        assert "from 2027" in text or "passengers from" not in text, text
        assert "start of 2025" in text or "start of" not in text, text
        assert "Kenya" in text or "airport in" not in text, text
        assert "Castellano, a former" in text or "a former Norwegian" not in text, text
    index = ent.index(
        _corpus(_text("Inspection", "Schools in Wales and in Cumbria were visited by the inspectors in May."))
    )
    (wales,) = [e.key for e in index.entities.values() if e.name == "Wales"]
    assert comp.place_type(index, wales).startswith("subdivision"), comp.place_type(index, wales)


def test_fact_options_the_audit_found_giving_the_key_away_are_not_made():
    """An audit of the 223 fact items of the held-out fixtures found 46 answerable from the options: a court among
    companies ("The penalty, handed down at _____"), a real country among real countries ("Ghana and _____ set a
    joint cocoa price"), a county offered for a town it holds ("Northline Hardware's _____ store"), a gendered noun
    beside the gap and the key's surname in the sentence are quality rules (test_rule_catches)."""
    corpus = _corpus(
        _text(
            "Water Firm Fined",
            "The penalty, handed down at Castlebridge Crown Court, followed a guilty plea by Fenwold Water Holdings.",
            "Shares in Marlow Foods and Brindle Homes fell, while Kestrel Capital said it would wait.",
            "Exporters in Ghana and Ivory Coast met officials from Peru and Chile in Lima on Monday.",
            "Heaters sold out in Port Alder, in Tamarack County and in Clinton County by Tuesday.",
            "Stores in Lindell, in Carvel and in Halden also sold out, the chain said in a statement.",
        )
    )
    index = ent.index(corpus)
    by_name = {e.name: e.key for e in index.entities.values()}
    assert comp.place_type(index, by_name["Tamarack County"]) != comp.place_type(index, by_name["Port Alder"])
    for s in range(8):
        for q in comp.fact(corpus, random.Random(s)):
            assert q.answer[0] not in ("Ghana", "Ivory Coast", "Peru", "Chile"), q.prompt
            if q.answer[0] == "Castlebridge Crown Court":
                assert all(o.endswith("Court") for o in q.options), q.options
            if q.answer[0] == "Port Alder":
                assert not [o for o in q.options if o.endswith("County")], q.options


def test_a_count_is_no_verb_and_a_dollar_keeps_its_country():
    """Held-out set 62: "and 214 did so" offered "214 did"; "about C$4.3 million a day" was asked as "about C_____"
    (sets 39, 48, 49, 54 and 59 had the same with A$, NZ$ and C$)."""
    corpus = _corpus(
        _text(
            "Strike Costs",
            "Parents were also asked to fill in a questionnaire about the strike, and 214 did so by Friday.",
            "The chamber estimated the strike would cost local employers about C$4.3 million a day in lost hours.",
        )
    )
    figures = [m.text for m in ent.index(corpus).mentions if m.kind == "number"]
    assert "214 did" not in figures and "C$4.3 million" in figures, figures
    prompts = [q.prompt for s in range(4) for q in comp.number(corpus, random.Random(s))]
    assert prompts and not [p for p in prompts if "C_____" in p], prompts


def test_invented_countries_and_their_towns_are_never_options_together():
    """Held-out set 65: "Officials in _____ mention that case often" offered the capital "Tirsk" beside "Galdria",
    and "left _____ to complain" offered "Lundmark" (a capital standing for its government) beside the countries:
    either was as true. A place whose people the corpus names ("Galdrian") is a country; towns and capitals the
    corpus has acting for a government are typed by nobody."""
    corpus = _corpus(
        _text(
            "Levy Row Deepens",
            "Galdrian officials said the levy broke the airport treaty, and Ruvenian ministers disagreed.",
            "Lundmark says the levy is about carbon, while the government in Tirsk calls it a tax.",
            "Officials in Tirsk mention the 2016 case often, as evidence that they play by the rules.",
            "The problem is where Lundmark chose to collect the levy, at the Galdrian end of the airport.",
            "Ruvenia simply announced the levy and left Galdria to complain about it in Montreal.",
            "Fares rose in Galdria, in Ruvenia, in Ostria and in Belvania, the airlines said.",
            "Travellers in Sora, in Vennholm and in Drasca drive to the airport in Lundmark.",
            "Ostrian and Belvanian ministers watched the row from the summit in Geneva.",
        )
    )
    index = ent.index(corpus)
    by_name = {e.name: e.key for e in index.entities.values() if e.kind == "place"}
    countries = {n for n in by_name if comp.place_type(index, by_name[n]) == "country"}
    assert {"Galdria", "Ruvenia"} <= countries and not {"Tirsk", "Lundmark", "Sora"} & countries, countries
    assert {by_name["Tirsk"], by_name["Lundmark"]} <= comp.seats(index, corpus)
    asked = 0
    for s in range(8):
        for q in comp.fact(corpus, random.Random(s)):
            kinds = {n in countries for n in q.options}
            assert len(kinds) == 1, q.options
            asked += q.answer[0] in by_name
        for q in comp.cloze(corpus, random.Random(s)):
            assert not {"Tirsk", "Lundmark"} & set(q.answer), q.prompt
    assert asked


def test_a_county_is_no_wrong_option_for_the_nation_it_lies_in():
    """Held-out set 66: "… 44 nurses due to arrive in England" was keyed False where the article says "Cumbria"."""
    corpus = _corpus(
        _text("Nurses Arrive", "Nurses will arrive in Cumbria, in Kent, in England, in Scotland and in Wales in May.")
    )
    index = ent.index(corpus)
    types = {e.name: comp.place_type(index, e.key) for e in index.entities.values() if e.kind == "place"}
    assert types["Cumbria"] == types["Kent"] != types["England"] == types["Scotland"], types


def test_no_count_of_a_list_s_first_noun_and_no_name_after_an_honorific():
    """Held-out set 9: "represents about _____, cafés and market stalls" keyed "180 shops" (the figure
    counts the whole list); "Prof _____ said ..." offered one professor among a Dr, a minister and a
    chief executive."""
    corpus = _corpus(
        _text(
            "Traders Divided",
            "The Market Traders’ Association, which represents about 180 shops, cafés and market stalls, said "
            "its members were divided.",
            "The market hall has 42 stalls and opens at seven every morning except Sunday.",
            "Prof Anna Lindqvist said the panel had considered a limit but rejected it for now.",
            "Doctor Marco Bellini and chief executive Ruth Obi spoke at the meeting on Monday.",
            "Minister Tom Hale said the government would publish its response in the spring.",
        )
    )
    keys = [q.answer[0] for s in range(6) for q in comp.number(corpus, random.Random(s))]
    assert "42 stalls" in keys and not any("180" in k for k in keys), keys
    for s in range(6):
        for q in [*comp.fact(corpus, random.Random(s)), *comp.cloze(corpus, random.Random(s))]:
            assert "Prof _____" not in q.prompt and "Doctor _____" not in q.prompt, q.prompt


def test_sixteenth_held_out_set_figures_and_ranks():
    """Held-out set 16: "three reports of a buckle opening" and "three cases in which a buckle opened" were
    asked in two articles of one story (a figure in words is one fact too); "Brenda K., _____-old" offered
    "a 54-year" (the options are whole words); "and _____ Rhodri Vale" keyed "Councillor", how he is
    addressed, while his post ("cabinet member for education") fits the gap as well."""
    shared = (
        "Tarnwell Home recalled the Kettle Pro in Dunmore on Monday, said Ana Vell of the Safety Office.",
        "Owners in Dunmore can call Tarnwell Home for a free kit, Ana Vell of the Safety Office added.",
    )
    corpus = _corpus(
        _text("Kettle Recall", *shared, "The company said it had received three reports of a lid opening."),
        _text("Kettle Advice", *shared, "Tarnwell says it knows of three cases in which a lid opened in use."),
    )
    keys = [
        q.answer[0]
        for s in range(4)
        for q in generate(corpus, seed=s, generators=_comprehension())
        if q.kind == "number" and q.answer[0] == "three"
    ]
    assert keys and all(
        sum(q.answer[0] == "three" for q in generate(corpus, seed=s, generators=_comprehension()) if q.kind == "number")
        <= 1
        for s in range(4)
    )
    aged = _corpus(
        _text("Night Owls", "Brenda Kell, a 54-year-old from Millbrook, says she slept badly for six years.")
    )
    items = [q for s in range(4) for q in comp.number(aged, random.Random(s)) if "Brenda" in q.prompt]
    assert items and all(a.endswith("-year-old") for q in items for a in q.options), items[:1]
    ranked = _corpus(
        _text(
            "School Merger",
            "Councillor Rhodri Vale, the cabinet member for education, backed the plan on Monday.",
            "The vote on the plan was delayed after Councillor Rhodri Vale asked for more time.",
        )
    )
    roles = [q.answer[0] for s in range(6) for q in comp.cloze(ranked, random.Random(s)) if "role" in q.tags]
    assert "Councillor" not in roles, roles


def test_one_name_and_one_figure_in_common_make_one_story():
    """Held-out set 17: an agency report and a fact-check on one tram line shared one body and six figures
    but no second name, so each was its own story and "£38 million" was asked in both. A year in common
    ("2019") is no such sign: unrelated stories share years."""
    report = _text("Tram Line Opens", "The Kellby Transit Board said the line cost £412 million in total.")
    check = _text("Fact Check: Tram Costs", "Figures from the Kellby Transit Board show that £412 million was spent.")
    apart = _text("Harbour Strike Ends", "The Kellby Transit Board last held a strike vote in 2019.")
    corpus = _corpus(
        report, check, _text("Tram Plans", "The Kellby Transit Board first drew the plans in 2019."), apart
    )
    story = comp.stories(ent.index(corpus), corpus)
    assert story["a0"] == story["a1"] and story["a2"] != story["a3"], story


def test_no_figure_that_the_sentence_works_out():
    """Held-out set 18: "nine name plates at £540 each, making a total of £4,860" asked for £540 (a
    division), "61% supported, _____ opposed and 6% expressed no view" asked for 33%, and a false "54
    households ... £40 ... £2,480" was false by multiplication."""
    corpus = _corpus(
        _text(
            "Street Renamed",
            "The council will make nine name plates at £540 each, a total of £4,860 for the street.",
            "Of the replies, 61% supported the change, 33% opposed it and 6% expressed no view.",
            "Each of the 62 households will be offered £40 towards new documents, £2,480 in total.",
            "Of the 47 hatchlings, 41 were still alive at six months, a survival rate of 87 per cent.",
            "The council spent £12,500 on the new signs and £3,000 on the ceremony in the square.",
        )
    )
    made = [q for g in _comprehension() for s in range(3) for q in g(corpus, random.Random(s))]
    figures = [q for q in made if q.kind in ("number", "true_false", "cloze") and re.search(r"\d", q.evidence[0].text)]
    related = ("The council will", "Of the replies", "Each of the 62", "Of the 47")
    judged = [(q.evidence[0].text.startswith(related), quality.problem(q, corpus)) for q in figures]
    assert any(r for r, _p in judged) and any(not r for r, _p in judged)
    assert all(p is not None for r, p in judged if r)
    assert any(p is None for r, p in judged if not r)
    assert quality._worked_out(540, [(9, False), (4860, False)], False)
    assert quality._worked_out(33, [(61, True), (6, True)], True)
    assert not quality._worked_out(5, [(19, False), (14, False)], False)  # "19 votes to 14, 5 abstentions"
    assert not quality._worked_out(10, [(1, False), (10, False)], False)  # "Lark-1 ... 10 by 10"


def test_no_figure_that_is_a_length_of_the_calendar():
    """Held-out set 19: a helpline "(24 hours)" was asked as a figure among "41 hours" and "36 hours"; a
    reader knows a day without the article. Other amounts, and a year's delay, stay askable."""
    corpus = _corpus(
        _text(
            "Flood Warning Issued",
            "For the latest warnings, call the Floodline on 01632 960111 (24 hours) or visit the warnings page.",
            "The river is expected to stay above its banks for 36 hours after the rain stops on Monday.",
            "The warehouse in Dunmore is open 7 days a week and employs 140 people on three shifts.",
            "Councillors voted to defer the decision on the warehouse for 12 months after a long debate.",
        )
    )
    made = [q for g in _comprehension() for s in range(3) for q in g(corpus, random.Random(s))]
    figures = {q.answer[0]: quality.problem(q, corpus) for q in made if q.kind in ("number", "cloze")}
    assert figures.get("24 hours") == "the key says 'all the time', known without the article", figures
    assert "36 hours" in figures and figures["36 hours"] is None, figures
    assert "12 months" in figures and figures["12 months"] is None, figures
    helpline = [q for q in made if q.kind == "true_false" and "Floodline" in q.prompt]
    judged = {q.answer[0]: quality.problem(q, corpus) for q in helpline}
    assert judged.get("False") == "a changed 'all the time' figure shows itself false", judged


def test_names_no_pattern_knows_still_link_one_story():
    """Held-out set 19: a regional paper and a children's site on two red pandas moving zoo named the
    animals, the zoo and the park in common, none of them found as a person, body or place, so each was
    its own story and a figure was asked in one and shown in the other. Words in common that say nothing
    of one story (a weekday, a nationality, a word the corpus also writes in lower case) link none."""
    zoo = _text(
        "Otters Pip and Moss to leave Elmbury for Carrowby",
        "The otters Pip and Moss will move from Elmbury to Carrowby on Monday, keepers at Elmbury said.",
        "Keepers hope that Pip and Moss will breed at Carrowby, which has a larger pool.",
    )
    kids = _text(
        "Two otters are off on a trip!",
        "Meet Pip and Moss. They are otters at Elmbury, and on Monday they move to Carrowby.",
        "At Carrowby they will have a bigger pool. The keepers at Elmbury will miss Pip and Moss.",
    )
    other = _text(
        "French lessons return to Dunmore on Monday",
        "French teachers in Dunmore said on Monday that French lessons would return after the break.",
        "The French department at Dunmore will run lessons on Monday and Friday, the school said.",
    )
    lessons = _text(
        "Dunmore swimming pool reopens",
        "Swimmers at Dunmore were back in the pool on Monday, and French visitors joined them.",
        "The pool at Dunmore had been shut for a month, French visitors were told on Monday by staff.",
    )
    corpus = _corpus(zoo, kids, other, lessons)
    story = comp.stories(ent.index(corpus), corpus)
    assert story["a0"] == story["a1"], story
    assert len({story["a0"], story["a2"], story["a3"]}) == 3, story


def test_no_self_contradicting_swap_no_caption_and_no_film_as_place():
    """Held-out set 22: "shortened from 45 minutes to 35" became "from 35 minutes to 35" (false on its face);
    list captions of films ("The rogue ship computer in Starfall Protocol (2016).") were asked for their year,
    and the films were asked as places."""
    lesson = "Head teachers were told that each swimming lesson will be shortened from 45 minutes to 35 in May."
    corpus = _corpus(
        _text("Pool Closes", lesson),
        _text(
            "Ten Film Villains",
            "- The rogue ship computer in Starfall Protocol (2016).",
            "- The riverboat gambler who double-crosses the whole crew in Low Water (1999).",
            "- The art thief who frames the detective in Glass Tiger (2014).",
        ),
    )
    made = [q for g in _comprehension() for s in range(4) for q in g(corpus, random.Random(s))]
    for q in made:
        assert "from 35 minutes to 35" not in q.prompt, q.prompt
        assert "(2016)" not in q.prompt and "(1999)" not in q.prompt, q.prompt
    assert not [e for e in ent.index(corpus).entities.values() if e.kind == "place" and "Water" in e.name]
    at = lesson.index("45 minutes")
    assert comp._said_elsewhere(lesson, (at, at + 10), "35 minutes")
    assert not comp._said_elsewhere(lesson, (at, at + 10), "55 minutes")


def test_no_percentage_change_the_sentence_works_out():
    """Held-out set 23: "dropped from 310 offences in 2019 to 254 in 2024, an 18% fall" asked for 18%."""
    assert quality._worked_out(18, [(310, False), (254, False)], True)
    assert not quality._worked_out(30, [(310, False), (254, False)], True)


def test_no_share_of_a_sum_and_no_year_as_a_count():
    """Held-out set 25: "80 per cent of the legal costs, which the judge assessed at £11,300, a sum of £9,040"
    asked for £9,040, "Children under 12 must be accompanied" offered "12 must", and "the 1873 poisonings"
    was asked as a count of poisonings."""
    assert quality._worked_out(9040, [(80, True), (11300, False)], False)
    assert not quality._worked_out(9000, [(80, True), (11300, False)], False)
    corpus = _corpus(
        _text(
            "Museum Rules",
            "Children under 12 must be accompanied by an adult on every floor of the museum.",
            "A walk retells the true story of the 1873 poisonings in the old mill town.",
        )
    )
    figures = [m.text for m in ent.index(corpus).mentions if m.kind == "number"]
    assert not [f for f in figures if "must" in f or "1873" in f], figures


def test_a_quote_from_someone_speaking_for_a_person_is_not_theirs():
    """Held-out set 38: "A lawyer for Dolan said he 'strongly denies' the charge" gave the words to Dolan."""
    corpus = _corpus(
        _text(
            "Players Charged",
            "Three players were charged on Wednesday, police said.",
            "A lawyer for striker Rafe Dolan said he “strongly denies” the charge and would plead not guilty.",
            "Club chairman Colin Fairweather and coach Helen Varcoe met the league on Monday.",
            "Midfielder Tomasz Wierzbicki was not among those charged, the club said.",
        )
    )
    assert not [q for q in comp.who_said(corpus, random.Random(0)) if "strongly denies" in q.prompt]


def test_a_body_s_words_are_not_its_chair_s():
    """Held-out set 39: "The board, led by chair Marit Eide, said the proposal 'materially undervalues' the company"
    gave the words to the chair."""
    corpus = _corpus(
        _text(
            "Ferry Bid Rejected",
            "The board, led by chair Marit Eide, said the bid “materially undervalues” the ferry company.",
            "Harbour master Omar Haddad and spokesperson Nora Blum met the bidders on Monday.",
            "Council treasurer Elena Pardo presented the budget for the new ferry terminal in May.",
        )
    )
    assert not [q for q in comp.who_said(corpus, random.Random(0)) if "undervalues" in q.prompt]


@pytest.mark.parametrize(
    "sentence",
    [
        # each form was caught in one kind of sentence only (sets 11, 17 and 25 had such keys, unflagged)
        "Striker Rafe Dolan's lawyer said he “strongly denies” the charge and would plead not guilty.",
        "“He strongly denies the charge and will plead not guilty,” said a lawyer for striker Rafe Dolan.",
        "“He strongly denies the charge and will plead not guilty,” a lawyer for striker Rafe Dolan said.",
    ],
)
def test_words_of_someone_speaking_for_a_person_are_not_theirs_in_either_form(sentence):
    corpus = _corpus(
        _text(
            "Players Charged",
            "Three players were charged on Wednesday, police said.",
            sentence,
            "Club chairman Colin Fairweather and coach Helen Varcoe met the league on Monday.",
            "Midfielder Tomasz Wierzbicki was not among those charged, the club said.",
        )
    )
    assert not [q for q in comp.who_said(corpus, random.Random(0)) if "strongly denies" in q.prompt]


def test_a_spokesman_named_after_his_title_speaks_for_himself():
    """ "Team England's athletics team leader, Simon Ferrie, has said the position 'will be looked at'" is Ferrie's."""
    text = _text(
        "Selection Row",
        "Team England's athletics team leader, Simon Ferrie, has said the position “will be looked at” in June.",
        "Sprinter Maureen Lathwell and coach Helen Varcoe met the selectors on Monday.",
        "Club chairman Colin Fairweather said the club would wait for the hearing in July.",
    )
    keys = [q.answer for q in comp.who_said(_corpus(text), random.Random(0)) if "looked at" in q.prompt]
    assert keys == [("Simon Ferrie",)]


@pytest.mark.parametrize(
    ("sentence", "usable"),
    [
        # held-out set 41: a plural possessive is no unclosed quote (four of a wire report's sentences were lost)
        ("Peter Hale, chairman of the drivers' association, said some members had waited since March.", True),
        ("The fee was set by the Harbour Pilots' Association in a vote held in February.", True),
        ("The board called it 'a fair price' after the vote in February.", True),
        # a quote that runs on into the next sentence stays out
        ("'The board has made its choice about the harbour fees this year.", False),
        ("The board called it 'a fair price for the harbour pilots after the vote.", False),
    ],
)
def test_a_plural_possessive_is_no_open_quote(sentence, usable):
    article = parse_article(_text("Harbour Fees", sentence), "a")
    assert (sentence in [u.text for u in comp.usable_sentences(article)]) is usable


def test_a_name_after_the_speech_verb_is_whom_the_speaker_talks_about():
    """Held-out set 62: "Defending, Rhys Armitage said Corrick had built up debts and had 'lost all sense of
    proportion'" gave the words to Corrick (the speaker was not found as a person)."""
    u_text = 'Defending, Ray Hale said Corrick had built up gambling debts and had "lost all sense of proportion".'
    article = parse_article(_text("Roofer Jailed", u_text), "a")
    (u,) = [u for u in comp.usable_sentences(article) if "Corrick" in u.text]
    assert comp._quoted(u, u.text.index("Corrick")) is None
    inverted = 'The repairs, says Dean Corrick of the roofing firm, were "far too expensive for most pensioners".'
    article = parse_article(_text("Roofer Jailed", inverted), "a")
    (u,) = [u for u in comp.usable_sentences(article) if "Corrick" in u.text]
    assert comp._quoted(u, u.text.index("Dean")) is not None


def test_words_said_by_someone_s_manager_are_not_his():
    """Held-out set 64: '"There were more than three kilos between the two men," said Roa's manager, Paulina
    Oyarzún' gave the words to Roa."""
    text = _text(
        "Ferry Title",
        "Emiliano Roa, 27, did not board the ferry on Sunday after the weigh-in at the port, and Roa's team left.",
        '"There were more than three kilos between the two men this morning," said Roa\'s manager, Paulina Oyarzún.',
    )
    corpus = Corpus((parse_article(text, "a"),))
    index = ent.index(corpus)
    assert not [q for q in comp._attributed_quotes(index, corpus.articles[0]) if "three kilos" in q[0]]


def test_no_gap_holds_half_an_organisation_s_name():
    """An audit of the cloze items: "the _____, Industry and Fisheries" keyed "Ministry of Trade", "the _____ in Europe"
    keyed "Organization for Security and Co-operation", "Medicines and Healthcare products _____" keyed "Regulatory
    Agency": the gap held half a name."""
    corpus = _corpus(
        _text(
            "Bid Scrutiny",
            "A spokesperson for the Ministry of Trade, Industry and Fisheries said officials had met both firms.",
            "Observers from the Organization for Security and Co-operation in Europe will watch the crossings.",
            "Investigators from the Medicines and Healthcare products Regulatory Agency bought the pens in May.",
            "The Harbour Board approved the new pier on Monday after a two-hour debate in the hall.",
        )
    )
    keys = [a for s in range(8) for g in (comp.cloze, comp.fact) for q in g(corpus, random.Random(s)) for a in q.answer]
    assert "Harbour Board" in keys, keys
    assert not {"Ministry of Trade", "Organization for Security and Co-operation", "Regulatory Agency"} & set(keys), (
        keys
    )


def test_no_cloze_on_a_number_word_a_keyword_two_bodies_a_range_or_a_name_as_role():
    """The cloze audit's wrong cuts: "Fourteen county road sections" typed as a place, an SMS keyword "ALERT" as an
    organisation, "PSA and Trenwick Savings Bank" as one body, "the 2024–_____" cutting a year range, "the Hon.
    Leanne Hartigan MP" typed as a role."""
    corpus = _corpus(
        _text(
            "Storm Recovery",
            "Fourteen county road sections are closed because of fallen trees and power lines near Ashby.",
            "Residents who want flood warnings can register by texting ALERT followed by their postcode to 1212.",
            "The Fund, the PSA and Hollin Savings Bank will never telephone customers to ask for their passwords.",
            "The institute estimates that one in six primary schools ended the 2024–25 year with a deficit.",
            "The Minister for Roads and Transport, the Hon. Mara Quillon MP, said repairs would start at once.",
            "Crews from Ashby Power Services worked through the night to restore supply to the hospital.",
        )
    )
    answers = [q.answer for s in range(8) for q in comp.cloze(corpus, random.Random(s))]
    flat = {a for ans in answers for a in ans}
    assert not {"Fourteen", "ALERT", "PSA and Hollin Savings Bank", "25 year", "25", "2024"} & flat, answers
    assert not any("Quillon" in a for a in flat), answers
    assert "Ashby Power Services" in flat, answers  # the article still gives typed items


def test_gendered_forms_of_one_role_are_one_role():
    """Held-out set 73 offered "Spokesman" and "Spokesperson" as two roles of two people doing one job."""
    assert comp._role_words("Presidential spokesman") == comp._role_words("presidential spokesperson")
    assert comp._role_words("Chairwoman") == comp._role_words("chairman")
    assert comp._role_words("Foreign Minister") == "foreign minister"
    corpus = _corpus(
        _text(
            "Bridge Talks",
            "Presidential spokesman Miro Talan said the talks had gone well on Monday evening in the capital.",
            "Ministry spokeswoman Elin Sorvald said the ministry would publish the text of the agreement on Friday.",
            "Foreign Minister Anja Dreska told reporters the bridge could reopen in June after the repairs.",
            "Special envoy Declan Furey said both delegations would meet again in Dublin next month.",
            "Transport Secretary Ola Brenn said lorries would be checked at the border from July.",
            "Harbour master Ines Corra said the port was ready for the extra traffic this summer.",
        )
    )
    items = [q for s in range(6) for q in comp.role_match(corpus, random.Random(s))]
    assert items
    for q in items:
        roles = {comp._role_words(r) for r in q.options}
        assert len(roles) == len(q.options), q.options


def test_who_said_skips_a_clause_about_someone_before_the_speaker():
    """Held-out set 78: "… can't see from here." It is not the answer Carrodus wanted, he says afterwards — the
    quote (Fairbairn's answer) was given to Carrodus."""
    corpus = _corpus(
        _text(
            "Town Hall Questions",
            'Then Jim Carrodus, 74, a retired shearer, puts up his hand. "What happens after the twelve months?" he '
            "asks.",
            'Owen Fairbairn climbs down from the chair. "Honest answer? We look at the books," he says. "I am not '
            'going to promise you something I cannot see from here." It is not the answer Carrodus wanted, he says.',
            'Councillor Ana Whitcombe said the hall had been full for the first time in years. "People came '
            'because the smelter matters to every family here," she said.',
            'Mayor Patrick Oyelaran said the council would publish the figures next week. "Nobody will be left '
            'guessing about the numbers this time," he said.',
            'Union organiser Carol Reeve said her members wanted a written promise. "We have heard warm words '
            'before and they did not pay the bills," she said.',
        )
    )
    assert any(q for s in range(6) for q in comp.who_said(corpus, random.Random(s)))
    for s in range(6):
        for q in comp.who_said(corpus, random.Random(s)):
            assert not ("promise you something" in q.prompt and q.answer[0] == "Jim Carrodus"), q.prompt


def test_cloze_on_a_place_with_an_abbreviation_and_a_body_written_in_full():
    """Held-out set 80: "in _____. Marie" keyed "Sault Ste"; a typed "Civic Society" refused "Asherby Civic
    Society", which the article also writes."""
    corpus = _corpus(
        _text(
            "Hall Plan Opposed",
            "The regional final starts on May 5 in Sault Ste. Marie, with a place in the national final at stake.",
            "The Asherby Civic Society says the new hall would harm views of the spire from the river path.",
            "Four members of the panel live where the Civic Society's supporters are most likely to vote.",
            "The council will decide on the plan at a meeting in Leeds on Thursday evening.",
        )
    )
    for s in range(8):
        for q in comp.cloze(corpus, random.Random(s)):
            assert "_____. Marie" not in q.prompt and "Sault Ste" not in q.answer, q.prompt
            if q.answer[0] == "Civic Society":
                assert "Asherby Civic Society" in q.answer, q.answer


def test_a_who_question_stops_where_a_clause_with_its_own_subject_joins():
    """Held-out set 81: "Vasko faces an election in November, and Olvane's coalition depends on a farmers' party …"
    was asked as "who faces an election in November, and Olvane's coalition depends on …?"; the whole fact stays."""
    from quizlib.generators.comprehension import _OWN_SUBJECT_JOIN

    rest = "faces an election in November, and Olvane's coalition depends on a farmers' party."
    assert _OWN_SUBJECT_JOIN.split(rest, maxsplit=1)[0] == "faces an election in November"
    assert _OWN_SUBJECT_JOIN.split("met the mayor, and he agreed.", maxsplit=1)[0] == "met the mayor"
    listed = "bought bread, milk, and eggs at the market."
    assert _OWN_SUBJECT_JOIN.split(listed, maxsplit=1)[0] == listed


def test_one_who_question_a_story_however_many_articles_give_it():
    """Held-out set 42: "who faces an election in October?" was asked twice, from two articles of one story."""
    bank = generate(load_corpus(FIXTURES.parent / "heldout42"), seed=0, generators=_comprehension())
    asked = Counter(q.prompt for q in bank if q.kind == "fact" and q.prompt.startswith("According to the article, who"))
    assert asked and max(asked.values()) == 1, asked
