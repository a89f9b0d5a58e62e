"""Entity finding on invented texts (and properties on the seeds): people with roles, places with
aliases, organisations, figures, and figure distractors."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from quizlib import entities as ent
from quizlib.articles import Corpus, load_corpus, parse_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
OWN_FIXTURES = ["council-budget", "football-transfer", "river-flood", "vaccine-trial"]

TEXT = """Harbour Town Weighs New Bridge

Harbour Town council met on Monday to discuss a new bridge over the Wend.

Deputy Mayor Olena Kovalenko said the bridge would cost $42 million and take 30 months to build.
Kovalenko added that the U.K. Treasury had offered a 20-year loan. The plan was backed by 65% of residents in a survey.
Jonas Berg, the town's chief engineer, warned that the old crossing in Lindholm would close in 2027.
Dr. Mira Sato, a hydrologist at the Coastal Research Institute, said the river had risen twice since 2019.
"We cannot wait another decade for this," said Kovalenkko at the end of the meeting.
The European Union and the EU's regional fund may also help, and NATO has no part in it.
Article 5 of the town charter needs a two-thirds vote, which is set for May 19, 2026.
"""


@pytest.fixture(scope="module")
def index() -> ent.EntityIndex:
    return ent.index(Corpus((parse_article(TEXT, "bridge"),)))


def _person(index: ent.EntityIndex, surname: str) -> ent.Entity:
    found = [e for e in index.of_kind("person") if e.name.endswith(surname)]
    assert len(found) == 1, [e.name for e in index.of_kind("person")]
    return found[0]


def test_people_found_from_titles_appositives_and_honorifics(index):
    names = sorted(e.name for e in index.of_kind("person"))
    assert names == ["Jonas Berg", "Mira Sato", "Olena Kovalenko"]


def test_roles_are_the_text_s_own_words(index):
    roles = {m.text: m.role for m in index.mentions if m.role}
    assert roles["Olena Kovalenko"] == "Deputy Mayor"
    assert roles["Jonas Berg"].endswith("chief engineer")
    assert roles["Mira Sato"].startswith("hydrologist")


def test_two_spellings_one_letter_apart_are_one_person(index):
    person = _person(index, "Kovalenko")
    assert "Kovalenkko" in person.aliases and "Kovalenko" in person.aliases
    mentions = [m for m in index.mentions if m.key == person.key]
    assert len(mentions) == 3  # full name, surname, other spelling


def test_different_first_names_are_different_people():
    text = "Title line here\n\nMayor Anna Berg met Coach Erik Berg on Monday and they talked for an hour.\n"
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert sorted(e.name for e in ix.of_kind("person")) == ["Anna Berg", "Erik Berg"]


def test_places_have_their_aliases(index):
    uk = index.entities["place:United Kingdom"]
    assert {"UK", "U.K.", "United Kingdom", "Britain"} <= set(uk.aliases)
    assert "place:Lindholm" in index.entities  # learned from "in Lindholm"


def test_organisations_and_acronyms(index):
    eu = index.entities["org:European Union"]
    assert "EU" in eu.aliases
    assert "org:Coastal Research Institute" in index.entities
    assert "org:North Atlantic Treaty Organization" in index.entities


def test_figures_with_units(index):
    figures = {m.text: m for m in index.mentions if m.kind == "number"}
    assert {"$42 million", "30 months", "20-year", "65%", "2027", "2019"} <= set(figures)
    assert figures["20-year"].template == "{}-year" and figures["20-year"].value == 20
    assert figures["65%"].template == "{}%"
    # A designation and a date are not figures to ask about.
    assert "5" not in figures and "19" not in figures and "2026" not in figures


def test_figure_distractors_same_unit_size_and_roundness():
    m = ent.Mention("a", 0, 6, "30-day", "number", "30-day", value=30, template="{}-day")
    for seed in range(20):
        out = ent.figure_distractors(m, random.Random(seed), avoid=set())
        assert len(out) == 3 and "30-day" not in out
        values = [int(o.split("-")[0]) for o in out]
        assert all(o.endswith("-day") for o in out)
        # a usual length is offered among usual lengths ("within 90 days" beside 70, 80 and 140 days stood out)
        assert all(v in (7, 10, 14, 21, 28, 45, 60, 90, 120) for v in values), values
    odd = ent.Mention("a", 0, 6, "37-day", "number", "37-day", value=37, template="{}-day")
    for seed in range(20):
        values = [int(o.split("-")[0]) for o in ent.figure_distractors(odd, random.Random(seed), avoid=set())]
        assert all(v % 5 and abs(v - 37) >= 4 for v in values), values
    decade = ent.Mention("a", 0, 4, "1940", "number", "1940", value=1940, template="{}")
    for seed in range(10):
        values = [int(o) for o in ent.figure_distractors(decade, random.Random(seed), avoid=set())]
        assert all(v % 10 == 0 for v in values), values
    exact = ent.Mention("a", 0, 3, "88%", "number", "88%", value=88, template="{}%")
    for seed in range(20):
        values = [int(o.rstrip("%")) for o in ent.figure_distractors(exact, random.Random(seed), avoid=set())]
        assert all(v % 5 and 0 < v < 100 and abs(v - 88) >= 4 for v in values)


def test_key_position_among_figures_varies():
    m = ent.Mention("a", 0, 9, "40-minute", "number", "40-minute", value=40, template="{}-minute")
    ranks = set()
    for seed in range(40):
        out = ent.figure_distractors(m, random.Random(seed), avoid=set())
        values = sorted([40, *(int(o.split("-")[0]) for o in out)])
        ranks.add(values.index(40))
    assert ranks == {0, 1, 2, 3}


def test_no_model_is_loaded(index):
    assert "spacy" not in sys.modules or not any(k.startswith("spacy.lang") for k in sys.modules)


def test_seeds_people_roles_and_spelling_variants():
    ix = ent.index(load_corpus(None))
    with_roles = {m.article_id for m in ix.mentions if m.role}
    assert len(with_roles) >= 3
    assert any(len({a for a in e.aliases if " " in a}) >= 2 for e in ix.of_kind("person"))
    for m in ix.mentions:
        article = next(a for a in load_corpus(None) if a.id == m.article_id)
        assert article.text[m.start : m.end] == m.text


@pytest.mark.parametrize("path", [FIXTURES / f"{n}.txt" for n in OWN_FIXTURES], ids=OWN_FIXTURES)
def test_fixture_articles_have_people_places_and_figures(path):
    ix = ent.index(load_corpus(path))
    kinds = {m.kind for m in ix.mentions}
    assert {"person", "place", "number"} <= kinds
    assert sum(1 for m in ix.mentions if m.role) >= 3


def test_round_figures_get_equally_round_distractors():
    m = ent.Mention("a", 0, 8, "$600,000", "number", "$600,000", value=600000, template="${}")
    for seed in range(10):
        for o in ent.figure_distractors(m, random.Random(seed), avoid=set()):
            v = int(o.strip("$").replace(",", ""))
            assert v % 100000 == 0 and v % 500000 != 0, o


def test_figures_never_swallow_a_function_word_or_a_year():
    text = "Walls Rebuilt\n\nThe walls were built in 1998 after a flood, and 40 volunteers helped by 2027 and beyond.\n"
    ix = ent.index(Corpus((parse_article(text, "walls"),)))
    figures = sorted(m.text for m in ix.mentions if m.kind == "number")
    assert figures == ["1998", "2027", "40 volunteers"]


def test_two_names_joined_by_and_the_are_two_organisations():
    """ "the Coastal Alliance and the Fjord Alliance" is two bodies, not one name to type."""
    text = (
        "Port Talks\n\nBy Kim Lee\n\nThe story developed over the weekend.\n\n"
        "The Harbour Alliance met the Coastal Alliance and the Fjord Alliance in the town hall.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "port"),)))
    names = {e.name for e in ix.of_kind("org")}
    assert {"Coastal Alliance", "Fjord Alliance"} <= names
    assert not any(" and " in n for n in names), names


def _orgs(text: str) -> dict[str, tuple[str, ...]]:
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    return {e.name: e.aliases for e in ix.of_kind("org")}


def test_a_dateline_in_capitals_is_no_organisation():
    text = (
        "Town Limits Water\n\nLOWER BRENN, March 6 (Coast Wire) - The town of Lower Brenn will limit water use "
        "from Monday, its mayor said.\n\nThe Brenn Water Authority said the reservoir stood at forty percent.\n"
    )
    assert set(_orgs(text)) == {"Brenn Water Authority"}


def test_an_acronym_before_a_noun_names_a_thing_not_a_body():
    text = (
        "Birds Fly Earlier\n\nThe team will use GPS tags next year, and DNA samples were taken from every bird.\n\n"
        "The RSPB said the study was welcome. The BTO has funded a second season of tracking.\n"
    )
    assert set(_orgs(text)) == {"RSPB", "BTO"}


def test_an_acronym_the_text_defines_is_one_body_with_its_name_whatever_the_apostrophe():
    text = (
        "Drivers Vote to Strike\n\nThe Associated Bus Drivers' Union (ABDU) said most members voted to strike.\n\n"
        "A spokesperson for the Associated Bus Drivers’ Union called the vote clear. The ABDU says talks failed.\n"
    )
    orgs = _orgs(text)
    assert len(orgs) == 1, orgs
    (aliases,) = orgs.values()
    assert "ABDU" in aliases


def test_second_held_out_set_names():
    text = (
        "Ward to Close\n\nGwen Tallis, the county councillor for Kelsford East, said the plan would put women at "
        "risk. \u201cIt is too far,\u201d Cllr Tallis said. Dr Priya Anand, Director of Midwifery and Women's "
        "Services, said the unit was safe. The trust runs Kelsford General Hospital and Oldcastle Community "
        "Hospital. Members should reset their library PIN and change that PIN or any code like it.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert sorted(e.name for e in ix.of_kind("person")) == ["Gwen Tallis", "Priya Anand"]  # "Cllr Tallis" is her
    assert sorted(e.name for e in ix.of_kind("org")) == ["Kelsford General Hospital", "Oldcastle Community Hospital"]


def test_a_count_s_unit_is_no_adjective():
    text = "Births Fall\n\nThe unit delivered 1,140 last year, and 38,000 current and former members were told.\n"
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert not [m.text for m in ix.by_article.get("x", []) if m.kind == "number" and re.search("last|current", m.text)]


def test_distractors_are_written_with_the_key_s_decimals():
    """Held-out review: "£3.1m" among "£2.80m", "£2.20m", "£2.50m" stood out by its form."""
    m = ent.Mention("a", 0, 5, "£3.1m", "number", "£3.1m", value=3.1, template="£{}m")
    for seed in range(10):
        out = ent.figure_distractors(m, random.Random(seed), avoid=set())
        assert out and all(re.fullmatch(r"£\d+\.\dm", o) for o in out), out


def test_a_name_seen_only_beside_a_speech_verb_needs_its_surname_alone():
    """Held-out review: "Skerry Air said ..." and "told Market Row traders" made two people."""
    text = (
        "Airline Grows\n\nSkerry Air said it would add five routes. The council told Market Row traders to wait. "
        "Noor Haddad said the plan was fair. Haddad runs the airport board. Graham Pettifer of the Carn Traders "
        "Association said shops would suffer.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert sorted(e.name for e in ix.of_kind("person")) == ["Noor Haddad"]
    assert [e.name for e in ix.of_kind("org")] == ["Carn Traders Association"]


def test_a_count_before_another_noun_is_no_figure_and_no_one_month():
    ix = ent.index(Corpus((parse_article("Lizards\n\nThe team recorded 41 bird species over 13 months.\n", "x"),)))
    figures = {m.text: m for m in ix.by_article["x"] if m.kind == "number"}
    assert "41 bird" not in figures and "13 months" in figures
    for seed in range(10):
        assert "1 months" not in ent.figure_distractors(figures["13 months"], random.Random(seed), set())


def test_sixth_held_out_set_names_units_and_prices():
    text = (
        "Ferry News\n\nSkerra Sound Ferries runs 14 crossings a day, the school's head told Vale Sound on "
        "Monday. A 2.5 MW charger is being fitted. The mill lies in Flood Zone 3, the inspector said.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert not ix.of_kind("person") and not [e for e in ix.of_kind("org") if e.name == "MW"]
    assert "Flood Zone" not in {e.name for e in ix.of_kind("place")}
    price = ent.Mention("a", 0, 6, "£2,399", "number", "£2,399", value=2399, template="£{}")
    for seed in range(5):
        assert all(o.endswith("99") for o in ent.figure_distractors(price, random.Random(seed), set()))


def test_first_names_shaped_like_nationalities_and_police_ranks():
    """Held-out set 10: "Chief Inspector Anjali Restorick" was no person ("Anjali" ends like "Somali", and
    "Inspector" was no title), and "Harcourt Academy, where the head says" was a person."""
    text = (
        "Bike Thefts Rise\n\nChief Inspector Anjali Restorick said 41 people had been charged since July.\n\n"
        "Sergeant Brian Hale and Ewan Tulloch, the club's secretary, spoke to riders at the station.\n\n"
        "Supporters quote the pilot at Harcourt Academy, where the head says behaviour improved.\n\n"
        "Ukrainian Railways and the Kenyan Embassy sent officials to the meeting in Nairobi.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    people = {e.name: {m.role for m in ix.by_key[e.key]} for e in ix.of_kind("person")}
    assert people.get("Anjali Restorick") == {"Chief Inspector"}, people
    assert "Brian Hale" in people and "Ewan Tulloch" in people, people
    assert not [p for p in people if "Academy" in p or "Ukrainian" in p or "Kenyan" in p], people
    assert ent.nationality("Ukrainian") and ent.nationality("French") and not ent.nationality("Jordan")


def test_a_time_of_day_is_no_count():
    """Held-out set 13: "Starting at 10.30 leaves very little slack." was asked as a figure "10.30 leaves"."""
    text = "Late Start\n\nStarting at 10.30 leaves very little slack, and the walk takes 6.5 hours in all.\n"
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    figures = [m.text for m in ix.by_article["x"] if m.kind == "number"]
    assert not any("10.30" in f for f in figures) and any("6.5" in f for f in figures), figures


def test_a_shouted_word_is_no_acronym():
    """Held-out set 17: "IT was supposed to be the jewel in the city's crown." was asked as an organisation."""
    corpus = Corpus(
        (
            parse_article(
                "Tram Line Opens Late\n\nIT was supposed to be the jewel in the city's crown. The NHS said "
                "the works had delayed ambulances on Mill Street for months.\n",
                "t",
            ),
        )
    )
    orgs = {m.text for m in ent.index(corpus).mentions if m.kind == "org"}
    assert "IT" not in orgs and "NHS" in orgs, orgs


def test_a_chemical_is_no_body_and_an_ampersand_joins_a_name():
    """Held-out set 20: "DEHP is a type of chemical" and "DEHP is used to make PVC soft" made DEHP an
    organisation to type, and "Hatherley & Moss Ltd has recalled ..." asked for "Hatherley & _____"."""
    corpus = Corpus(
        (
            parse_article(
                "Crayons Recalled\n\nHatherley & Moss Ltd has recalled three batches of crayons. DEHP is a type of "
                "chemical. DEHP is used to make plastic soft. The CPSO says the risk is low.\n",
                "t",
            ),
        )
    )
    orgs = {m.text for m in ent.index(corpus).mentions if m.kind == "org"}
    assert orgs == {"Hatherley & Moss Ltd", "CPSO"}, orgs


def test_pounds_and_pence_distractors_differ_in_pounds():
    """Held-out set 20: "£2,316.40" was offered among £2,316.70, £2,317.00 and £2,317.30, a proofreading test;
    small decimals ("4.7 times") still vary in their last digit."""
    corpus = Corpus(
        (parse_article("Minutes\n\nPayments of £2,316.40 were approved. The level was 4.7 times the limit.\n", "t"),)
    )
    figures = {m.text: m for m in ent.index(corpus).mentions if m.kind == "number"}
    for seed in range(5):
        money = ent.figure_distractors(figures["£2,316.40"], random.Random(seed), set())
        assert len(money) == 3 and all(abs(float(o[1:].replace(",", "")) - 2316.4) >= 100 for o in money), money
        times = ent.figure_distractors(figures["4.7 times"], random.Random(seed), set())
        assert all(abs(float(o.split()[0]) - 4.7) < 1 for o in times), times


def test_a_full_name_is_a_person_when_the_text_gives_its_surname_with_an_honorific():
    """Held-out set 26: a feature introduced "Walter Denby" and "Maisie Rudd" with no role or speech verb beside
    them, then wrote "Mr Denby" and "Miss Rudd": neither was found, and "Denby" inside "Karen Denby-Hollis"
    gave her words ("He pretends it's nothing," she says) to him."""
    text = (
        "The Clock Winder\n\nEvery Thursday since 1984, Walter Denby has climbed the tower of the church.\n\n"
        "Maisie Rudd is 19 and studies engineering.\n\n"
        "Now 82, Mr Denby is handing the key to Miss Rudd.\n\n"
        'His daughter, Karen Denby-Hollis, is less restrained. "He pretends it\'s nothing," she says.\n\n'
        "Paul Keller walked past the church.\n"
    )
    article = parse_article(text, "x")
    ix = ent.index(Corpus((article,)))
    assert sorted(e.name for e in ix.of_kind("person")) == ["Maisie Rudd", "Walter Denby"]  # no honorific: no Keller
    hollis = text.index("Denby-Hollis")
    assert not [m for m in ix.by_article["x"] if m.start == hollis]
    from quizlib.generators.comprehension import _attributed_quotes

    assert list(_attributed_quotes(ix, article)) == []
    # a name joined to another the text knows ("the Denby-Rudd plan") is still a mention
    joined = parse_article(
        "The Clock Winder\n\nWalter Denby met Maisie Rudd. Mr Denby and Miss Rudd agreed the Denby-Rudd plan.\n", "y"
    )
    jx = ent.index(Corpus((joined,)))
    at = joined.text.index("Denby-Rudd")
    assert [m.key for m in jx.by_article["y"] if m.start == at] == ["person:Walter Denby"]


def test_a_figure_that_names_a_section_or_platform_is_no_count():
    """Held-out set 11: "A section 114 notice is issued by ..." asked as a figure with "131 notice" as an option."""
    text = (
        "Notices\n\nA section 114 notice is issued when spending exceeds resources. Trains leave from platform 4 at "
        "9am.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert [m.text for m in ix.by_article.get("x", []) if m.kind == "number"] == []
    # held-out set 27: "Articles 2 or 3 rather than issue" asked "3 rather"; "from 12 noon" offered "4 noon"
    listed = (
        "Notices\n\nA first breach of Articles 2 or 3 rather than a fine. Parking ends at 12 noon. The club has 3 "
        "teams.\n"
    )
    lx = ent.index(Corpus((parse_article(listed, "z"),)))
    assert [m.text for m in lx.by_article["z"] if m.kind == "number"] == ["3 teams"]
    assert ent.index(Corpus((parse_article("Notices\n\nThe trust spent £114 on 40 notices.\n", "y"),))).by_article["y"]


def test_a_full_name_with_an_age_beside_it_or_its_first_name_is_a_person():
    """Held-out set 29: a feature's "Marcel Dufresne, 82, a retired baker" and "Geoffrey Pollard" ("says
    Geoffrey, 81, a retired postman") were not found; a kinship word is no part of a name ("Grandad Dennis
    Hobbs, 71, who ...")."""
    text = (
        "Dear Marcel\n\nThere is a biscuit tin in Geoffrey Pollard's wardrobe full of letters.\n\n"
        '"I counted them once," says Geoffrey, 81, a retired postman.\n\n'
        "The letters are from Marcel Dufresne, 82, a retired baker in northern France.\n\n"
        "Grandad Dennis Hobbs, 71, who walks past every day, waved. Harbridge Foodservice, the caterer, said little.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert sorted(e.name for e in ix.of_kind("person")) == ["Dennis Hobbs", "Geoffrey Pollard", "Marcel Dufresne"]


def test_a_surname_inside_another_name_is_not_the_person():
    """Held-out set 29: "consultants Halliwell Marsh Partnership" and "leaders Cobham Marsh" were mentions of a
    councillor Helen Marsh, and "which person belongs in the gap? … Halliwell _____ Partnership" was keyed
    "Helen Marsh"; set 18's "Marchbank Way", a street named after Dr Elspeth Marchbank, likewise."""
    text = (
        "Meals\n\nCouncillor Helen Marsh said the contract was fair. Marsh added that schools agreed.\n\n"
        "A report from the consultants Halliwell Marsh Partnership found the roof unsafe.\n\n"
        "St. Edric's sit two points behind leaders Cobham Marsh. Mrs Marsh laughed. Marsh Lane is shut.\n"
    )
    article = parse_article(text, "x")
    ix = ent.index(Corpus((article,)))
    found = [article.text[m.start - 6 : m.end] for m in ix.by_article["x"] if m.kind == "person"]
    assert [f[-11:] for f in found] == ["Helen Marsh", "fair. Marsh", ". Mrs Marsh"]  # no "Cobham Marsh" person


def test_a_couple_s_surname_names_neither_and_a_q_and_a_answer_is_no_part_of_a_name():
    """Held-out set 30: "Derek and Janet Hume … Mr Hume, 69, said there had been “some interest” …" gave his
    words to Janet Hume (the one of the two found, by "Mrs Hume, 66,"), and "No. Wyvern Fire and Rescue Service
    said nobody was injured." (a Q&A's answer) made the organisation "No. Wyvern Fire and Rescue Service"."""
    text = (
        "Shop Sold\n\nDerek and Janet Hume have run the shop for 31 years. Mr Hume, 69, said there had been "
        "“some interest” from developers.\n\nMrs Hume, 66, said she would volunteer on Thursdays.\n\n"
        "Was anyone hurt?\n\nNo. Wyvern Fire and Rescue Service said nobody was injured.\n"
    )
    article = parse_article(text, "x")
    ix = ent.index(Corpus((article,)))
    assert not [m for m in ix.by_article["x"] if m.text == "Hume"]
    assert "Wyvern Fire and Rescue Service" in {e.name for e in ix.of_kind("org")}
    assert not [e.name for e in ix.entities.values() if e.name.startswith("No.")]


def test_an_age_after_a_surname_marks_the_surname_and_after_a_lone_word_a_first_name():
    """Held-out set 32: "Priya Lamb, 34, moved to the village" was no person (the age rule wanted "a", "who" …
    after the age); set 24: with any word after the age, "Ottilie Marsh, 54, …" made the glaze "Marsh Gold" a
    person, "Marsh" being read as a first name."""
    text = (
        "Seed Library\n\nPriya Lamb, 34, moved to the village with her two children.\n\n"
        "Ottilie Marsh, 54, glazes her pots in Marsh Gold and Harbour Blue.\n\n"
        "Brancato, 61, was named coach of the year. Odile Brancato teaches on Thursdays.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert sorted(e.name for e in ix.of_kind("person")) == ["Odile Brancato", "Ottilie Marsh", "Priya Lamb"]


def test_a_leading_preposition_or_base_is_no_part_of_a_body_s_name():
    """Held-out set 34: "Inside the Council chamber" gave the organisation "Inside the Council" to type, and
    "the Oslo-based Tellus Policy Institute" put the city into the institute's name."""
    text = (
        "Seabed Talks Stall\n\nDelegates met in Kingston on Monday for the second week of talks.\n\n"
        "Inside the Council chamber, the split is less tidy than it looks. The Harbour Council meets again in July.\n\n"
        "A report by the Oslo-based Tellus Policy Institute said the talks could run into next year.\n"
    )
    names = set(_orgs(text))
    assert "Tellus Policy Institute" in names and not any(n.startswith(("Inside", "Oslo")) for n in names), names


def test_ap_style_titles_before_a_name_make_people():
    """Held-out set 35 (AP style): "Sen. Maria Ortiz, D-N.M.", "Idaho Gov. Rachel Dunmore" and "Bonneville County
    Commissioner Dana Pruitt" were no people (the last one was "Commissioner Dana Pruitt")."""
    text = (
        "Fire Bill Passes\n\nThe bill passed 61-38, said Sen. Maria Ortiz, D-N.M., who wrote it.\n\n"
        "Idaho Gov. Rachel Dunmore urged the state's House members to support it.\n\n"
        "Bonneville County Commissioner Dana Pruitt said the county would ask for help. Pruitt spoke on Monday.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert {e.name for e in ix.of_kind("person")} >= {"Maria Ortiz", "Rachel Dunmore", "Dana Pruitt"}


def test_states_whose_names_start_with_new_or_a_direction_are_places():
    """Held-out set 35: "New Jersey Attorney General Colin Ashby" gave the role "Jersey Attorney General"; "New",
    "North", "West" … start no place name of the general lists, but they do start states ("West Virginia")."""
    text = (
        "Privacy Case Filed\n\nNew Jersey Attorney General Colin Ashby filed the case on Monday.\n\n"
        "Lawyers from West Virginia and South Australia joined the hearing in Trenton.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert {"New Jersey", "West Virginia", "South Australia"} <= {e.name for e in ix.of_kind("place")}
    assert {m.role for m in ix.by_key["person:Colin Ashby"]} == {"New Jersey Attorney General"}


def test_a_day_after_a_body_s_name_is_no_part_of_it():
    """Held-out set 35: "The Senate on Wednesday passed a $6.8 billion wildfire bill" gave "Senate on Wednesday"."""
    text = "Fire Bill Passes\n\nThe Senate on Wednesday passed a wildfire bill. The Senate meets again in May.\n"
    assert "Senate on Wednesday" not in _orgs(text)


def test_a_country_s_possessive_is_no_part_of_a_body_s_name():
    """Held-out set 43: "Ghana's Cocoa Board" and "the Cocoa Board" were two bodies, and the typed key "Cocoa Board"
    did not accept the article's other name for it."""
    text = (
        "Cocoa Floor Agreed\n\nFarmers are paid a price set by Ghana's Cocoa Board, the regulator said.\n\n"
        "The Cocoa Board said on Monday that smuggling would ease. The World Bank welcomed the deal.\n"
    )
    names = set(_orgs(text))
    assert "Cocoa Board" in names and not any(n.startswith("Ghana") for n in names), names


def test_the_initials_of_a_body_the_text_names_are_that_body_undefined():
    """Held-out set 52: "the Canadian Food Inspection Agency" then "The CFIA has set up a zone" (no bracket): a cloze
    refused "CFIA"; the two are one body."""
    text = (
        "Bird Flu Zone\n\nThe Island Food Safety Agency confirmed the case on Monday at a farm near the harbour.\n\n"
        "The IFSA has set up a ten-kilometre zone around the farm. Ana Ruiz, an IFSA spokesperson, said tests go on.\n"
    )
    orgs = _orgs(text)
    assert len(orgs) == 1, orgs
    (aliases,) = orgs.values()
    assert "IFSA" in aliases and "Island Food Safety Agency" in aliases


def test_a_founder_s_name_inside_a_firm_s_name_is_not_blanked():
    """Held-out set 59: "Since then, Ardmore & Laing has reinvented itself again." blanked "Ardmore" as the person
    Robert Ardmore."""
    text = (
        "The Pump Makers\n\nThe firm was founded in 1898 by Robert Ardmore, an engineer, and his partner. "
        "Since then, Ardmore & Laing has reinvented itself again. Robert Ardmore died in 1931.\n"
    )
    index = ent.index(Corpus((parse_article(text, "a"),)))
    firm = next(m for m in index.mentions if m.kind == "person" and text[m.end : m.end + 2] == " &")
    assert firm.bound


def test_initials_after_a_short_prefix_name_the_body():
    """Held-out set 67: "the U.N. Food and Agriculture Organization" and "the FAO" were offered side by side."""
    corpus = Corpus(
        (
            parse_article(
                "Lake Talks\n\nScientists from a body set up under the U.N. Food and Agriculture Organization "
                "will brief "
                "both delegations.\n\nAn assessment by the FAO is due in June, officials said.\n",
                "a",
            ),
        )
    )
    index = ent.index(corpus)
    bodies = [{e.name, *e.aliases} for e in index.entities.values() if e.kind == "org"]
    assert [b for b in bodies if {"FAO", "U.N. Food and Agriculture Organization"} <= b], bodies


def test_a_count_takes_no_verb_and_no_half_unit():
    """Audit of the number items: "a town of about 2,600 ringed by corn fields" offered "2,600 ringed"; "35 parts per
    million" offered "35 parts", leaving "per million" after the gap."""
    corpus = Corpus(
        (
            parse_article(
                "Town Levels\n\nCarvel is a town of about 2,600 ringed by corn fields.\n\n"
                "The meter read 35 parts per million of carbon monoxide, and 40 homes were checked.\n",
                "a",
            ),
        )
    )
    figures = [m.text for m in ent.index(corpus).mentions if m.kind == "number"]
    assert "40 homes" in figures and not [f for f in figures if "ringed" in f or f == "35 parts"], figures


def test_a_hyphenated_million_in_a_title_is_the_figure():
    """Audit of the number items: a headline's "$6.5-million vote" gave away "C$6.5 million" asked from the body."""
    from quizlib.pipeline import _phrases

    assert _phrases("A $6.5-million vote") & _phrases("the kiln will cost about $6.5 million")


def test_no_million_written_as_a_thousand_millions_but_kilometres_are_free():
    """Audit: "£1500 million" reads as altered; a cap for millions must not catch "1,200 km"."""
    money = ent.Mention("a", 0, 10, "£950 million", "number", "£950 million", value=950, template="£{} million")
    for seed in range(10):
        assert all(
            float(o[1:-8].replace(",", "")) < 1000 for o in ent.figure_distractors(money, random.Random(seed), set())
        )
    distance = ent.Mention("a", 0, 8, "1,200 km", "number", "1,200 km", value=1200, template="{} km")
    options = [o for seed in range(10) for o in ent.figure_distractors(distance, random.Random(seed), set())]
    assert any(float(o.split()[0].replace(",", "")) > 1200 for o in options), options


def test_a_count_takes_no_adverb_and_a_quoted_noun_is_still_a_noun():
    """Audit of the number items: "1003 immediately" and "71,300 open" (before "‘pathways’") were offered as figures."""
    corpus = Corpus(
        (
            parse_article(
                "Calls\n\nAbout 1003 immediately hung up, and 71,300 open ‘pathways’ were checked, while 40 homes "
                "were visited.\n",
                "a",
            ),
        )
    )
    figures = [m.text for m in ent.index(corpus).mentions if m.kind == "number"]
    assert figures == ["40 homes"], figures


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # an owner no gazetteer knows, but whose people the text names (cloze audit: "Vardania's Telecommunications
        # Office" refused "Telecommunications Office"); a body's initials or a day owning a body (sets 71, 74)
        (
            "Vardania's Telecommunications Office suspended the deal. Vardanian officials said it was lawful.",
            "Telecommunications Office",
        ),
        ("Ondrel asked the ITU's Radio Regulations Board to rule on the filing.", "Radio Regulations Board"),
        ("Tuesday's Federal Court ruling brought relief to the families of Bendigo.", "Federal Court"),
    ],
)
def test_an_owner_is_no_part_of_a_body_s_name(text, body):
    names = {m.text for m in ent.index(Corpus((parse_article(f"Row\n\nBy Kim Lee\n\n{text}\n", "a"),))).mentions}
    assert body in names, names


def test_people_called_by_surname_when_they_speak_are_found():
    """Held-out set 70's curling final named its players in full once and then only by surname when they spoke
    ("Gilchrist said", "said Baird, who …"): none was found. Words the text writes in lower case, countries whose
    people it names, a verb opening a sentence before a body's possessive stay no people."""
    text = (
        "Rink Wins Title\n\nBy Kim Lee\n\n"
        "Isla Gilchrist finally has her name on the trophy after beating Morven Rennie in the final.\n\n"
        '"It was a good call," Rennie said. "I knew it would carry," Gilchrist said.\n\n'
        '"We talked on Wednesday," said Baird, who has played with Kirsty Baird\'s rink for years.\n\n'
        "Officials said the ice was fast. Galdria said the event would return next year; Galdrian fans cheered.\n\n"
        "Read Brindle's statement and you would think nothing happened. Brindle says refunds will follow.\n"
    )
    people = {e.name for e in ent.index(Corpus((parse_article(text, "a"),))).of_kind("person")}
    assert {"Isla Gilchrist", "Morven Rennie"} <= people, people
    assert not {n for n in people if n.startswith(("Read", "Officials")) or "Galdria" in n}, people


def test_another_first_name_keeps_a_surname_from_a_known_person():
    """Held-out set 75 gave the words of "Nadia Tallo, the captain's daughter" to Captain Arvid Tallo."""
    text = (
        "Sailors Freed\n\nBy Kim Lee\n\nCaptain Arvid Tallo is still held in Kesh with two of his officers.\n\n"
        'Nadia Tallo, the captain\'s daughter, was at the airport. "I am happy for them," she said.\n\n'
        "Understanding Tallo's choices is harder, said one officer.\n"
    )
    article = parse_article(text, "a")
    ix = ent.index(Corpus((article,)))
    nadia = article.text.index("Nadia Tallo")
    linked = [m for m in ix.mentions if m.key == "person:Arvid Tallo"]
    assert not [m for m in linked if nadia <= m.start < nadia + 12], linked
    assert any(article.text[m.start - 14 : m.start] == "Understanding " for m in linked), linked


def test_a_rank_in_capitals_opening_a_sentence_leaves_the_surname_its_person():
    """The first-name rule dropped "DC <surname> added" (a cloze in set 30): a rank's initials are no first name."""
    text = (
        "Lead Stolen\n\nBy Kim Lee\n\nDetective Constable Priya Marsh said the lead was taken on Sunday night.\n\n"
        "DC Marsh added that the thieves had used a van.\n"
    )
    article = parse_article(text, "a")
    ix = ent.index(Corpus((article,)))
    added = article.text.index("DC Marsh") + 3
    assert any(m.start == added and m.key.endswith("Priya Marsh") for m in ix.mentions), ix.mentions


def test_a_figure_after_a_capitalised_opening_word_is_a_figure():
    """Held-out set 70: "Around 600 spectators packed the gallery" lost its figure, the opening word read as a label
    like "Article 5"; a capitalised word that is no opening word still names ("Route 66", "Apollo 11")."""
    text = (
        "Notices\n\nAround 600 spectators packed the gallery. The 27-year-old won. In 1962 she married a teacher. "
        "About 40% of members voted. Buses run on Route 66 and Apollo 11 flew.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert [m.text for m in ix.by_article["x"] if m.kind == "number"] == ["600 spectators", "27-year", "1962", "40%"]
    # "The 1976 Treaty of Ardenu", "The 1873 poisonings": a year that names, not a count or a date
    named = "Notices\n\nThe 1976 Treaty of Ardenu still holds. The 1873 poisonings shocked the town. It fell in 1976.\n"
    nx = ent.index(Corpus((parse_article(named, "y"),)))
    assert [m.text for m in nx.by_article["y"] if m.kind == "number"] == ["1976"]


def test_a_street_or_a_law_whose_first_word_ends_bodies_names_is_no_organisation():
    """Held-out sets 81 and 82: "under the Water Use Act" and "Inverlarig Library, Bank Street" were asked as "the
    missing organisation" ("Water" and "Bank" end bodies' names: "Fenwold Water", "Harbour Bank")."""
    text = (
        "Library notice\n\nCopies are at the library, Bank Street. Drawing water is an offence under the Water Use "
        "Act. Fenwold Water said the Water Services Board would meet.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert sorted(e.name for e in ix.of_kind("org")) == ["Fenwold Water", "Water Services Board"]


def test_a_post_is_no_person_and_a_verb_is_no_unit():
    """Held-out set 86: "Chief Plant Protection Officer, Leonie Tarrant" made a person "Plant Protection Officer"
    offered beside her; set 88: "Around 410 spent Saturday night" asked for "410 spent"."""
    text = (
        "Notice\n\nAustralia's Chief Plant Protection Officer, Leonie Tarrant, said the zone would grow. Tarrant said "
        "more traps were needed. Around 410 spent Saturday night in the hall, and 12 volunteers made tea.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert [e.name for e in ix.of_kind("person")] == ["Leonie Tarrant"]
    assert [m.text for m in ix.by_article["x"] if m.kind == "number"] == ["12 volunteers"]


def test_a_minister_of_something_comma_name_is_a_person_and_a_ministry_of_two_fields_is_one_body():
    """Held-out set 92: "the Minister of State at the Department of Finance, Pádraig Rourke," found no person, so
    "Department of Finance Pádraig Rourke" became a body; set 89: "the Ministry of Energy and Mineral Resources" was
    cut to "Ministry of Energy" ("Energy" ends firms' names)."""
    text = (
        "Notice\n\nThe Minister of Health, Padraig Rourke, said the bank was wrong. Minister of State at the "
        "Department of Finance Padraig Rourke said it was late. The Ministry of Energy and Mineral Resources said "
        "Ardent Energy would pay.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert [e.name for e in ix.of_kind("person")] == ["Padraig Rourke"]
    assert next(m.role for m in ix.by_article["x"] if m.kind == "person") == "Minister of Health"
    orgs = sorted(e.name for e in ix.of_kind("org"))
    assert "Ministry of Energy and Mineral Resources" in orgs and "Ministry of Energy" not in orgs, orgs
    assert not any("Padraig" in o for o in orgs), orgs


def test_people_and_a_body_joined_by_and_are_not_one_body():
    """Held-out set 100: "Officers and Environment Agency staff will be there" made a body "Officers and Environment
    Agency" (the corpus writes "officers" in lower case elsewhere); "Marks and Spencer Group" stays one."""
    text = (
        "Notice\n\nOfficers and Environment Agency staff will be there. Two officers spoke. The Marks and Spencer "
        "Group said it would help.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    orgs = sorted(e.name for e in ix.of_kind("org"))
    assert "Environment Agency" in orgs and not any(o.startswith("Officers") for o in orgs), orgs


def test_a_place_after_a_title_word_is_no_person():
    """Held-out set 106: "all 11 of its stores in Prince Edward Island" made a person "Edward Island" whose role was
    "Prince"."""
    text = (
        "Notice\n\nIts 85 other locations, including all 11 of its stores in Prince Edward Island, are not affected.\n"
    )
    ix = ent.index(Corpus((parse_article(text, "x"),)))
    assert "Edward Island" not in [e.name for e in ix.of_kind("person")]
