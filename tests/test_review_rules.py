"""Rules added after the blind review of comprehension items on invented articles (22 Nov 2026).
Each test fails without its rule."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from quizlib import entities as ent
from quizlib import quality
from quizlib.articles import Corpus, load_corpus, parse_article
from quizlib.generators import comprehension as comp

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


def _corpus(*paragraphs: str) -> Corpus:
    text = "\n\n".join(["Harbour Town Plans Ahead", "By Kim Lee, Staff Reporter", *paragraphs]) + "\n"
    return Corpus((parse_article(text, "a0"),))


def test_a_gendered_pronoun_rules_out_a_which_person_choice():
    """ "_____ said she expected the review ..." was answered by the one woman among the options."""
    corpus = load_corpus(FIXTURES / "council-budget.txt")
    made = [q for q in comp.fact(corpus, random.Random(0)) if "person" in q.tags]
    assert any(quality.problem(q, corpus) == "a pronoun in the prompt tells the person's gender" for q in made)
    q = made[0]
    plain = replace(q, prompt="According to the article, which person belongs in the gap? “_____ spoke first.”")
    gendered = replace(plain, prompt=plain.prompt.replace("spoke first", "said she would speak first"))
    assert quality._pronoun_hides_no_person(plain, corpus) is None
    assert quality._pronoun_hides_no_person(gendered, corpus) == "a pronoun in the prompt tells the person's gender"
    assert quality._pronoun_hides_no_person(replace(gendered, tags=("place", "gap")), corpus) is None


def test_that_year_needs_the_sentence_before():
    """ "... approved the plan in September of that year" was quoted without the year."""
    corpus = _corpus(
        "The ferry board met in 2019 to discuss the new pier.",
        "The board approved the pier plan in September of that year after a long public meeting.",
        "The board approved a new ticket office this year after a long public meeting.",
    )
    texts = [u.text for u in comp.usable_sentences(corpus[0])]
    assert not any("of that year" in t for t in texts)
    assert any("this year" in t for t in texts)  # counted from the article's own date: stands alone


def test_a_false_swap_is_not_a_look_alike_name():
    """ "Millbrook" for "Millford" reads as a typo, not as another fact."""
    assert comp._looks_alike("Millbrook", "Millford")
    assert comp._looks_alike("Ashby Vale", "Ashby Valley")
    assert not comp._looks_alike("Northgate", "Riverside")


def test_role_match_skips_a_person_with_a_past_or_second_offered_role():
    """ "Its chair, retired surveyor Neil Forsythe": chair fits him too, and surveyor is his past job."""
    corpus = load_corpus(FIXTURES / "court-ruling.txt")
    article = corpus[0]
    ix = ent.index(corpus)
    forsythe = next(m for m in ix.by_article[article.id] if m.kind == "person" and m.role == "surveyor")
    assert comp._role_in_doubt(article, forsythe, ["Chair", "Lawyer"])
    assert comp._role_in_doubt(article, forsythe, ["Lawyer"])  # "retired": a past role
    odum = next(m for m in ix.by_article[article.id] if m.kind == "person" and m.role == "lawyer")
    assert not comp._role_in_doubt(article, odum, ["Chair", "Surveyor"])
    for seed in range(3):
        for q in comp.role_match(corpus, random.Random(seed)):
            assert "Neil Forsythe" not in q.items


def test_a_typed_name_may_be_the_surname_alone_when_no_one_shares_it():
    corpus = load_corpus(FIXTURES / "court-ruling.txt")
    ix = ent.index(corpus)
    key = next(e.key for e in ix.of_kind("person") if e.name == "Graham Petrie")
    assert comp._unique_surname(ix, key) == ["Petrie"]
    two = _corpus("Councillor Ana Petrie said the pier would open soon.", "Mayor Tom Petrie agreed with the plan.")
    ix2 = ent.index(two)
    people = [e for e in ix2.of_kind("person") if e.name.endswith("Petrie") and " " in e.name]
    assert len(people) == 2 and all(comp._unique_surname(ix2, e.key) == [] for e in people)


def test_a_widely_known_body_described_by_its_work_is_no_fact_key():
    """Review 8: "Which organisation plays a crucial role in humanitarian aid delivery ...?" was the UN
    for anyone, with OPEC as the filler option."""
    corpus = _corpus(
        "Officials of the IMF and the WTO visited the new container pier of the island on Monday.",
        "The World Health Organization plays a crucial role in checking the water supply of the island.",
        "Ships of the NATO fleet have used the deep harbour of the island for repairs since last spring.",
    )
    ix = ent.index(corpus)
    who = next(m for m in ix.by_key["org:World Health Organization"])
    assert comp._described_body(ix, who)
    made = [q for s in range(6) for q in comp.fact(corpus, random.Random(s))]
    assert not [q for q in made if q.answer[0] in ("World Health Organization", "WHO")]


def test_distractors_of_a_person_share_the_key_persons_standing():
    """Walkthrough 8: "Who suggested ...?" offered an envoy among three presidents."""
    corpus = _corpus(
        "President Anna Berg and Prime Minister Olof Lind opened the new ferry terminal on Monday.",
        "President Jan Moss of the neighbouring republic sent a message of support to the harbour town.",
        "Harbour director Tom Reyes said that the night crossings would return in the spring.",
        "Finance Secretary Mia Holt and union leader Sam Ortiz met the planners at the town hall.",
        "The town engineer, Lars Quist, checked the cranes on the old quay.",
    )
    made = [q for s in range(6) for q in comp.who_said(corpus, random.Random(s)) if q.answer[0] == "Tom Reyes"]
    assert made
    for q in made:
        assert not {"Anna Berg", "Olof Lind", "Jan Moss"} & set(q.options), q.options


def test_a_figure_the_title_gives_is_not_asked():
    """Held-out set 26: "Hive movements banned … after American foulbrood found in three colonies" stood over
    "how many colonies did the inspectorate destroy?", and "… cull ewes to £186" over a true "… selling to
    £186 …": the quizzes show a question's title beside it."""
    from quizlib.pipeline import generate

    body = (
        "Inspectors from the Bee Health Service destroyed the three infected colonies on Tuesday morning.\n\n"
        "A standstill zone of five kilometres now covers the villages of Marrow End and Tollbury.\n\n"
        "Cull ewes sold to £186 at the autumn sale in Tollbury market, up from £171 a year ago.\n\n"
        "The zone will be reviewed by the service after six weeks of checks on every local hive.\n"
    )

    def asked(title: str) -> set[str]:
        corpus = Corpus((parse_article(f"{title}\n\n{body}", "a0"),))
        bank = generate(corpus, seed=0, per_article_kind=None)
        return {q.answer[0] for q in bank if q.kind in ("number", "when", "cloze")} | {
            f"stated {q.evidence[0].text}" for q in bank if q.kind == "true_false"
        }

    plain = asked("Bee disease confirmed near Marrow End as hives are destroyed")
    assert "£186" in plain  # without the title's figure it is asked
    titled = asked("Bee disease found in three colonies; cull ewes to £186")
    assert not [a for a in titled if "186" in a or a == "three"], titled


def test_no_option_outlives_the_age_the_sentence_gives():
    """Held-out set 26: "Beverley Anstey, 67, who has been a patient at the practice for _____" offered "70
    years"."""
    corpus = _corpus(
        "Retired nurse Beverley Anstey, 67, who has been a patient at the practice for 30 years, said the letter "
        "left her shaken.",
        "The practice has 6,812 patients on its list and opened its doors in 1994 after a long campaign.",
    )
    made = [q for q in comp.number(corpus, random.Random(0)) if q.answer[0] == "30 years"]
    assert made
    q = replace(made[0], options=("30 years", "20 years", "40 years", "70 years"))
    assert quality.problem(q, corpus) == "an option is longer than the age the sentence gives"
    assert (
        quality._no_option_beyond_age(replace(q, options=("30 years", "20 years", "40 years", "50 years")), corpus)
        is None
    )


def test_a_speaker_after_an_abbreviated_title_is_read_whole():
    """Held-out set 26: in "… set their day by it," says the Rev. Dr. Colin Treharne, vicar of St. Ebba's" the
    speaker stopped at "Rev", so the quotation had no speaker."""
    corpus = _corpus(
        "“You would be amazed how many people still set their day by it,” says the Rev. Dr. Colin Treharne, "
        "vicar of the parish.",
        "Colin Treharne has been vicar for seven years. Dr. Ann Pike, the organist, said the clock was loud.",
    )
    ix = ent.index(corpus)
    quotes = list(comp._attributed_quotes(ix, corpus[0]))
    assert [(q, k) for q, k, _a, _b in quotes] == [
        ("You would be amazed how many people still set their day by it", "person:Colin Treharne")
    ]


def test_a_quotation_goes_only_to_the_person_who_speaks_it():
    """Held-out set 2, once its defendant was found as a person: "Passing sentence, she said the offending had
    been 'sustained, deliberate and sophisticated', and that Oakes-Lyle had shown …" gave the judge's words to
    him; set 25: "'The law does not give a householder a right to a view,' she said" gave the judge's words to
    Mr Pennock, the one person named in the paragraph."""
    corpus = _corpus(
        "Martin Oakes-Lyle, 54, of Fenby Road, admitted fraud. Passing sentence, she said the offending had been "
        "“sustained, deliberate and sophisticated”, and that Oakes-Lyle had shown no remorse.",
        "The judge rejected part of Mr Pennock’s claim about his view. “The law does not give a "
        "householder a right to a view,” she said.",
        "Gerald Pennock, 66, a retired surveyor, brought the claim against his neighbour in 2024.",
        "The questions, says Sandra Pike of the walkers’ group, were “framed to produce a yes”.",
        "Ms Pike said the group had about 900 members on social media.",
    )
    ix = ent.index(corpus)
    assert [k for _q, k, _a, _b in comp._attributed_quotes(ix, corpus[0])] == []
    asked = {q.prompt for q in comp.who_said(corpus, random.Random(0))}
    assert not [p for p in asked if "sustained" in p or "right to a view" in p], asked
    usable = [u for u in comp.usable_sentences(corpus[0]) if "framed to produce" in u.text]
    person = next(m for m in comp._mentions(ix, usable[0]) if m.kind == "person")
    assert comp._quoted(usable[0], usable[0].local(person)[0]) == (
        "According to the article, whose words are these? “framed to produce a yes”"
    )
