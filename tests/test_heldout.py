"""Held-out articles (tests/fixtures/heldout): seven articles written on 7 Dec 2026 by a helper who
never saw quizlib's code — a wire report, an explainer and a blog on one invented story, a news post
copied from a browser with its menus and a saved analysis page on a second, a science piece and a
one-block sports report. They were turned into quizzes before any rule was tuned on them, and two blind
reviews answered those quizzes (docs/questions.md, "Held-out articles"). The fixes are general rules,
each tested on other text too; these tests keep what the reviews found from coming back. Once rules are
tuned on these files they are no longer held out: a later round should ask someone who has not seen the
code for new ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizlib import entities as ent
from quizlib.articles import load_corpus
from quizlib.cues import find_cues
from quizlib.generators.bias import FACT_OPTION, NO_SOURCE, OPINION_OPTION, PERSON, SPECULATION_OPTION
from quizlib.generators.comprehension import stories
from quizlib.pipeline import generate

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(HELDOUT)


@pytest.fixture(scope="module")
def bank(corpus):
    return generate(corpus, seed=0)


def test_every_article_loads_and_gives_questions(corpus, bank):
    assert not corpus.problems and len(corpus) == 7
    assert {q.article_ids[0] for q in bank if q.skill == "comprehension"} == {a.id for a in corpus}


@pytest.mark.parametrize("folder", ["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"])
def test_no_question_shows_page_furniture(folder):
    """heldout2: a second set by another writer who never saw the code (a local paper, a Markdown
    explainer, a column with its writer's note, a press release with notes to editors, a saved tech-blog
    page, a council letter with a contact block and signature, a court report, a recipe blog with
    comments); heldout3: a third (a news report, a live blog, an op-ed, a business report with a table,
    a Markdown interview, an obituary, a saved weather-warning page, a listicle with ads and a sign-up
    box); heldout4: a fourth (a student paper, a press statement, an alumni blog, a feature, a saved news
    brief, a regatta preview, a health-advice page, a letters page); heldout5: a fifth (a local TV story, a
    fact-check, a forum thread, a science story, a children's news page, a theatre review, a meeting
    transcript, an FAQ); heldout6: a sixth (a newswire story, a trade-magazine piece, a newsletter, a
    local radio story, a school blog page with comments, a planning appeal report, a Markdown product
    review, an open letter). Each was reviewed blind before the rules were tuned on it."""
    corpus = load_corpus(HELDOUT.parent / folder)
    bank = generate(corpus, seed=0)
    furniture = [c.text for a in corpus for c in a.chrome if len(c.text.split()) >= 4 and c.reason != "title repeated"]
    assert len(furniture) >= 5  # menus, share rows, related lists, notes to editors, signatures, tables ...
    for q in bank:
        shown = " ".join([q.prompt, *q.options, *q.items])
        assert "|" not in shown, q.prompt
        assert not any(f in shown for f in furniture), q.prompt


def test_headings_and_stories(corpus):
    explainer = next(a for a in corpus if a.id == "a-explainer")
    assert len(explainer.headings) == 6 and all(h.value.endswith("?") for h in explainer.headings)
    ix = ent.index(corpus)
    assert not [e.name for e in ix.of_kind("org") if e.name.isupper() and len(e.name) > 4]  # no dateline words
    story = stories(ix, corpus)
    assert len(set(story.values())) == 4
    assert story["a-blog"] == story["a-explainer"] == story["a-wire-report"] != story["b-news"]


def test_options_come_from_the_question_s_own_story(corpus, bank):
    story = stories(ent.index(corpus), corpus)
    titles = {a.title: a.id for a in corpus}
    for q in bank.filter(kind="which_article"):
        assert {story[titles[o]] for o in q.options} == {story[q.article_ids[0]]}


def test_the_wrong_keys_of_the_first_review_stay_away(bank):
    for q in bank:
        if q.kind == "which_word" and q.technique == "engagement_bait":
            assert not q.answer[0].startswith("Tell us who"), q.answer
        if q.kind == "source" and q.answer[0].startswith("No source"):
            assert not re.search(r"\b(?:survey|study|results|authors)\b|^And\b", q.prompt.split("\n\n", 1)[1]), q.prompt


def test_role_options_come_from_the_question_s_own_story(corpus, bank):
    """Second review: "Forward" among a town's officials, "Utilities director" among footballers."""
    ix = ent.index(corpus)
    story = stories(ix, corpus)
    made = 0
    for q in bank.filter(kind="role_match"):
        mine = story[q.article_ids[0]]
        given = {m.role.lower() for a in corpus if story[a.id] == mine for m in ix.by_article.get(a.id, []) if m.role}
        assert all(any(o.lower() in g or g in o.lower() for g in given) for o in q.options), q.options
        made += 1
    assert made >= 2


def test_what_the_seventy_first_and_second_reviews_found_stays_away():
    """Set 71 (the course's own genres on an invented satellite-slot dispute; reviewed at 7deb685): comprehension 0
    wrong of 75, 2 ambiguous ("RRB" offered beside "ITU's Radio Regulations Board", one body; a typed "International
    Telecommunication Union's Radio Regulations Board" refusing "RRB"); bias 3 wrong of 20 ("must be moved to a
    disposal orbit by around October" twice keyed an opinion; "Belkara objected that the capacity should be held …"
    keyed the writer's opinion). Set 72 (science, weather and money): comprehension 0 wrong of 93 ("Malagasy", a
    people's word, offered as a place); bias 1 wrong of 29 ("may not begin before June 1, a measure meant to …", a
    decree's ban, keyed a guess), 3 ambiguous ("may be prosecuted under the … Regulations" keyed a hedge; two
    "may/might be lowered" of a reviewable price floor: left)."""
    rrb = {"RRB", "ITU's Radio Regulations Board", "Radio Regulations Board"}
    rrb |= {"International Telecommunication Union's Radio Regulations Board"}
    for q in generate(load_corpus(HELDOUT.parent / "heldout71"), seed=0):
        text, opinion = q.prompt, q.kind == "fact_opinion" and "opinion" in q.answer[0]
        assert not (opinion and "must be moved to a disposal orbit" in text)
        assert not (opinion and "objected that the spare capacity" in text)
        assert len(rrb & {o.replace("’", "'") for o in q.options}) < 2, q.options
        if q.kind == "cloze" and rrb & set(q.answer):
            assert {"RRB", "Radio Regulations Board"} <= set(q.answer), q.answer
    for q in generate(load_corpus(HELDOUT.parent / "heldout72"), seed=0):
        assert "Malagasy" not in q.options and "Malagasy" not in q.answer, q.prompt
        assert not (q.kind == "mark_words" and "may be prosecuted under" in q.prompt)
        guess = q.kind == "mark_words" or (q.kind == "fact_opinion" and "speculation" in q.answer[0])
        assert not (guess and "may not begin before June 1" in q.prompt), q.prompt


def test_what_the_seventy_third_and_fourth_reviews_found_stays_away():
    """Set 73 (the course's own genres on an invented border-crossing embargo; reviewed at 614d5c5): comprehension 1
    wrong of 65 ("Under the Dublin Understanding:", the line opening a list, keyed as a heading), 1 ambiguous
    ("Spokesman" and "Spokesperson" offered as two roles); bias 1 wrong of 12 ("Velmor has claimed $640 million"
    marked loaded). Set 74 (courts, councils and consumers): comprehension 0 wrong of 68, 1 ambiguous (a typed
    "Tuesday's Federal Court"); bias 1 wrong of 22 ("a vanity" on a refurbishment bill marked loaded), 2 ambiguous
    ("which could return about A$211 million" keyed a guess; a court's ruling beside "almost everyone outside the
    industry" keyed the named court: both left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout73"), seed=0):
        assert "Under the Dublin Understanding" not in q.options, q.options
        if q.kind == "role_match":
            assert not {"Spokesman", "Spokesperson"} <= set(q.options), q.options
        assert not (q.kind in ("mark_words", "neutral_rewrite", "which_word") and "Velmor has claimed" in q.prompt)
    for q in generate(load_corpus(HELDOUT.parent / "heldout74"), seed=0):
        assert not any(a.startswith("Tuesday's") for a in q.answer), q.answer
        assert not (q.kind in ("mark_words", "neutral_rewrite", "which_word") and "a vanity" in q.prompt)


def test_what_the_audit_of_the_new_people_items_found_stays_away():
    """A helper's audit of the 118 who-said and fact items the surname rule added (eighth session): 116 right; wrong,
    "the processing floor of _____ Shellfish" keyed the place "Pelorus" (set 37) and "Under the _____ model" keyed
    "Rural Emergency Hospital" as an organisation (set 35)."""
    for folder, gap in (("heldout35", "the _____ model"), ("heldout37", "_____ Shellfish")):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            assert gap not in q.prompt, q.prompt


def test_what_the_seventy_fifth_and_sixth_reviews_found_stays_away():
    """Set 75 (the course's own genres on invented detained sailors; reviewed at 81ac702): comprehension 2 wrong of 61
    ("Oren Valdis, hosted by the President of Sundria," read as a role; "Nadia Tallo, the captain's daughter"'s
    words given to Captain Arvid Tallo); bias 2 wrong of 14 ("possibly" keyed alone beside "the most likely first
    step"; a rewrite "Dunevra said on its own coast guard" for "insisted on"), 2 ambiguous (a nation "has long
    felt dependent" keyed a fact claim; a sentence whose last clause only is attributed: left). Set 76 (health,
    transport and work): comprehension 0 wrong of 82; bias 1 wrong of 20 ("fiasco" rewritten as "failure"), 1
    ambiguous (a maker's warning keyed attributed: left); the release's letterhead taken for its title."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout75"), seed=0):
        assert not any(o.startswith("Hosted by") for o in q.options), q.options
        if q.kind == "who_said" and "I know every one of these men" in q.prompt:
            assert q.answer[0] != "Arvid Tallo", q.answer
        assert not (q.technique == "hedge" and "most likely first step" in q.prompt), q.prompt
        assert not (q.kind == "neutral_rewrite" and "said on its own" in " ".join(q.answer)), q.answer
    corpus = load_corpus(HELDOUT.parent / "heldout76")
    assert "LAKESHORE VALLEY RAIL" not in {a.title for a in corpus}
    for q in generate(corpus, seed=0):
        assert not (q.kind == "neutral_rewrite" and "fiasco" in q.prompt and "failure" in " ".join(q.answer))


def test_what_the_seventy_seventh_and_eighth_reviews_found_stays_away():
    """Set 77 (the course's own genres on an invented trade and energy standoff; reviewed at 04c76bc): comprehension
    0 wrong of 92, bias 0 wrong of 14. Set 78 (elections and campaigns): comprehension 1 wrong of 89 (Fairbairn's
    answer "I'm not going to promise you something in 2027 …" given to Carrodus, from "It is not the answer Carrodus
    wanted, he says"); bias 1 wrong of 30 ("The cut costs $1.4 billion by Unity's own reckoning" keyed no source), 2
    ambiguous (a columnist's "slow, defensive and at times smug" keyed "smug" alone; "fed up" beside "fooled": left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout78"), seed=0):
        if "promise you something in 2027" in q.prompt:
            assert q.answer[0] != "Jim Carrodus", q.answer
        assert not (q.kind == "source" and "own reckoning" in q.prompt and q.answer[0] == NO_SOURCE), q.prompt


def test_what_the_seventy_ninth_and_eightieth_reviews_found_stays_away():
    """Set 79 (the course's own genres on an invented railway-toll dispute; reviewed at 1ff029d): comprehension 0
    wrong of 64; bias 0 wrong of 14, 2 ambiguous ("may lead to removal and a fine under the Customs Act" keyed a
    hedge; a thesis keyed speculation where opinion is as defensible: left). Set 80 (an ordinary week): comprehension
    1 wrong of 70 ("in _____. Marie" keyed "Sault Ste"), 1 ambiguous (a typed "Civic Society" refusing "Asherby Civic
    Society"); bias 1 wrong of 16 ("Anything you buy must be of satisfactory quality", after "Under the Consumer
    Rights Act 2015, …", keyed an opinion), 3 ambiguous (left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout79"), seed=0):
        assert not (q.kind == "mark_words" and "fine under the Customs Act" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout80"), seed=0):
        assert "_____. Marie" not in q.prompt and "Sault Ste" not in q.answer, q.prompt
        if q.kind == "cloze" and q.answer[0] == "Civic Society":
            assert "Asherby Civic Society" in q.answer, q.answer
        assert not (q.kind == "fact_opinion" and "satisfactory quality" in q.prompt and "opinion" in q.answer[0])


def test_what_the_eighty_first_to_eighty_fourth_reviews_found_stays_away():
    """Reviewed at 52997b7 (figures after a capitalised opening word), helpers who never saw the code. Set 81 (the
    course's own genres on an invented reservoir dispute): comprehension 0 wrong of 73; bias 1 wrong of 23 ("quietly
    emptying our irrigation canals" keyed "resent" alone: left, no list holds "quietly"), 1 ambiguous ("is an offence
    … and may lead to suspension of supply" keyed a hedge). Set 82 (sport, arts and leisure): comprehension 0 wrong
    of 70; bias 2 wrong of 15 ("she tells the story beautifully" keyed a fact claim; a consent's "At least 25% of the
    homes … must be affordable, up from the 15% first proposed" keyed an opinion), 2 ambiguous (left). Set 83 (the
    course's own genres on an invented spy row): comprehension 0 wrong of 82; bias 1 wrong of 17 ("Or it could open a
    consular office …" after "Several options are being discussed, according to two officials" keyed the writer's
    guess), 1 ambiguous ("declined to comment on which detainees might be included" keyed "might"). Set 84
    (technology, schools and housing): comprehension 0 wrong of 58; bias 1 wrong of 13 (a columnist's sarcasm
    "provided the paperwork is tidy" keyed a fact claim: left), 3 ambiguous ("the three tired towers" keyed a fact
    claim; two left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout81"), seed=0):
        assert not (q.kind == "mark_words" and "suspension of supply" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout82"), seed=0):
        assert not (q.kind == "fact_opinion" and "the story beautifully" in q.prompt), q.prompt
        assert not (q.kind == "fact_opinion" and "must be affordable" in q.prompt and "opinion" in q.answer[0])
    for q in generate(load_corpus(HELDOUT.parent / "heldout83"), seed=0):
        assert not (q.skill == "bias" and "consular office in another city" in q.prompt), q.prompt
        assert not (q.kind == "mark_words" and "which detainees might" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout84"), seed=0):
        assert not (q.kind == "fact_opinion" and "three tired towers" in q.prompt and "fact" in q.answer[0])


def test_what_the_eighty_fifth_to_eighty_eighth_reviews_found_stays_away():
    """Reviewed at 96bfb1e. Set 85 (the course's own genres on an invented airport-slot row): comprehension 0 wrong of
    66, 1 ambiguous (a release's last line under the heading above it: left); bias 1 wrong of 17 ("a sentence that
    could mean anything" keyed "could"). Set 86 (food, farming and the environment): comprehension 0 wrong of 82, 4
    ambiguous (a post, "Plant Protection Officer", offered as a person three times; a sub-label read as a heading:
    left); bias 2 wrong of 29 ("Fruit leaving a 15-kilometre zone must be washed, brushed and stripped of leaves"
    keyed an opinion; "A psyllid does not care whether …" keyed a motive guess). Set 87 (the course's own genres on
    an invented border-bridge dispute): comprehension 0 wrong of 64, 1 ambiguous (a typed "Ministry of Foreign
    Affairs" refusing "Foreign Ministry"); bias 2 wrong of 9 (rewrites "for all its bluster" -> "for all its talk"
    and "hardly blameless in the … scandal" -> "controversy"). Set 88 (crime, emergencies and public safety):
    comprehension 1 wrong of 81 ("Photographs by Ruby Acheson" keyed as a heading; "Around _____ Saturday night"
    asked "410 spent", weak); bias 0 wrong of 28, 2 ambiguous ("how many people come back" counted as an unnamed
    source; a sentence keyed "no source" whose person speaks next: left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout85"), seed=0):
        assert not (q.kind == "mark_words" and "could mean anything" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout86"), seed=0):
        assert "Plant Protection Officer" not in q.options and "Plant Health Officer" not in q.options, q.prompt
        assert not (q.kind == "fact_opinion" and "must be washed" in q.prompt and "opinion" in q.answer[0])
        assert not ("guesses at why" in q.prompt and any("does not care whether" in o for o in q.answer)), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout87"), seed=0):
        assert not (
            q.kind == "neutral_rewrite" and ("for all its bluster" in q.prompt or "hardly blameless" in q.prompt)
        )
        if q.kind == "cloze" and "Ministry of Foreign Affairs" in q.answer:
            assert "Foreign Ministry" in q.answer, q.answer
    for q in generate(load_corpus(HELDOUT.parent / "heldout88"), seed=0):
        assert "Photographs by Ruby Acheson" not in q.options, q.prompt
        assert not (q.kind == "number" and "410 spent" in q.answer), q.prompt
        assert "how many people come back" not in q.explanation, q.prompt


def test_what_the_eighty_ninth_to_ninety_second_reviews_found_stays_away():
    """Reviewed at 9f5764e. Set 89 (the course's own genres on an invented oil-field row): comprehension 0 wrong of 73
    (two gaps cut "Ministry of Energy[ and Mineral Resources]", weak); bias 1 wrong of 16 ("seismic and production
    data" marked loaded), 4 ambiguous ("a comfortable story doing the rounds" keyed no source; "a shaky coalition"
    keyed a fact claim; two left). Set 90 (science, health and space): comprehension 0 wrong of 74; bias 3 wrong of 20
    (the rewrite "welcome, overdue and far too timid" -> "cautious"; "a number … that has almost nothing to do with
    medicine" keyed a fact claim; a conditional "protection may be incomplete" keyed a guess: left). Set 91 (the
    course's own genres on an invented trawler-crew row): comprehension 0 wrong of 80; bias 2 wrong of 16 ("It is
    arguably easier for him to keep the men …" after "I can only guess" keyed an opinion; "Families may pass letters
    …" keyed a hedge), 1 ambiguous ("has a reputation for patience" keyed no source). Set 92 (business, jobs and
    money): comprehension 1 wrong of 69 ("Department of Finance Pádraig Rourke" keyed as an organisation); bias 3
    wrong of 23 ("perhaps some of them should show it" keyed a guess; "You should not be charged …" under the
    switching code keyed an opinion; "the change has landed hard" keyed a fact claim), 2 ambiguous (left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout89"), seed=0):
        assert not (q.kind == "mark_words" and "seismic and production" in q.prompt), q.prompt
        assert "Ministry of Energy" not in (*q.options, *q.answer), q.prompt
        assert not (q.kind == "source" and "doing the rounds" in q.prompt and q.answer[0] == NO_SOURCE)
        assert not (q.kind == "fact_opinion" and "shaky coalition" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout90"), seed=0):
        assert not (q.kind == "neutral_rewrite" and "far too timid" in q.prompt), q.prompt
        assert not (q.kind == "fact_opinion" and "nothing to do with medicine" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout91"), seed=0):
        assert not (q.kind == "fact_opinion" and "arguably easier for him" in q.prompt and "opinion" in q.answer[0])
        assert not (q.kind == "mark_words" and "Families may pass" in q.prompt), q.prompt
        assert not (q.kind == "source" and "reputation for patience" in q.prompt and q.answer[0] == NO_SOURCE)
    for q in generate(load_corpus(HELDOUT.parent / "heldout92"), seed=0):
        assert not any("Pádraig Rourke" in a for a in q.answer if q.kind == "cloze" and "organisation" in q.prompt)
        assert not (q.kind == "fact_opinion" and "perhaps some of them should" in q.prompt), q.prompt
        assert not (q.kind == "fact_opinion" and "should not be charged" in q.prompt and "opinion" in q.answer[0])
        assert not (q.kind == "fact_opinion" and "landed hard" in q.prompt and "fact" in q.answer[0])


def test_what_the_ninety_third_to_ninety_sixth_reviews_found_stays_away():
    """Reviewed at e587435. Set 93 (the course's own genres on an invented dam-release row): comprehension 0 wrong of
    73; bias 4 wrong of 27 ("Tavrenia argued" and "Tavrenia says" keyed a named person, "In March Tavrenia …" read
    as a first name; the rewrite "did remarkable work" -> "notable work"; "Tavrenia may reduce the floor" in the deal's
    terms keyed a hedge: left), 1 ambiguous (left). Set 94 (transport, tourism and cities): comprehension 0 wrong of
    72; bias 2 wrong of 14 ("exemptions claimed" marked loaded; "Anyone who has tried to find a park … knows the town
    creaks under its summer load" keyed a fact claim), 2 ambiguous ("providers may still ask for the levy" keyed a
    hedge; "take money" beside "swagger": left). Set 95 (the course's own genres on an invented grain embargo):
    comprehension 0 wrong of 73; bias 1 wrong of 16 (the rewrite "insisted, with a straight face," -> "said"), 1
    ambiguous (left). Set 96 (an ordinary week): comprehension 0 wrong of 79, 1 ambiguous (a release's closing line
    keyed to the heading above; also set 85's); bias 1 wrong of 20 ("Ray, then 12, remembers his father …" keyed a
    fact claim)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout93"), seed=0):
        said = "Tavrenia argued" in q.prompt or "Tavrenia says" in q.prompt
        assert not (q.kind == "source" and said and q.answer[0] == PERSON), q.prompt
        assert not (q.kind == "neutral_rewrite" and "remarkable work" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout94"), seed=0):
        assert not (q.kind == "mark_words" and "exemptions claimed" in q.prompt), q.prompt
        assert not (q.kind == "fact_opinion" and "creaks under its summer load" in q.prompt), q.prompt
        assert not (q.kind == "mark_words" and "providers may still ask" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout95"), seed=0):
        assert not (q.kind == "neutral_rewrite" and "with a straight face" in q.prompt), q.prompt
    for corpus in ("heldout85", "heldout96"):
        for q in generate(load_corpus(HELDOUT.parent / corpus), seed=0):
            assert not (q.kind == "section" and ("further update after" in q.prompt or "progress update" in q.prompt))
    for q in generate(load_corpus(HELDOUT.parent / "heldout96"), seed=0):
        assert not (q.kind == "fact_opinion" and "remembers his father" in q.prompt), q.prompt


def test_what_the_ninety_seventh_to_hundredth_reviews_found_stays_away():
    """Reviewed at c4a3724. Set 97 (the course's own genres on an invented gas-transit row): comprehension 0 wrong of
    77; bias 2 wrong of 14 ("recited it on Monday like a man reading from a laminated card" and "defensible on paper
    … but it was sprung on Dravgaz" keyed fact claims), 1 ambiguous (left). Set 98 (education and youth): comprehension
    0 wrong of 65; bias 3 wrong of 44 ("students with an approved need may sit a paper exam" keyed a hedge; "The
    parents' group Parents Tasmania said" keyed a named person; "Colm Brannigan, president of …, said … before the
    TQAO confirmed …" keyed the TQAO), 2 ambiguous ("seems to her" keyed a hedge; one left). Set 99 (the course's own
    genres on an invented power-line row): comprehension 0 wrong of 68; bias 2 wrong of 12 ("Suppliers may not charge
    an exit fee" keyed a hedge; "Ostavian Energy Minister Jonas Pellar said" keyed a named organisation). Set 100
    (housing, planning and neighbourhoods): comprehension 0 wrong of 66, 1 ambiguous ("Officers and Environment Agency"
    as a body); bias 2 wrong of 14 ("naive" keyed alone beside "waved through"; "11 weeks after Corvane Homes warned"
    read as the sentence's source), 2 ambiguous ("wrecked" engines and timber marked loaded; one left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout97"), seed=0):
        assert not (q.kind == "fact_opinion" and ("laminated card" in q.prompt or "defensible on paper" in q.prompt))
    for q in generate(load_corpus(HELDOUT.parent / "heldout98"), seed=0):
        assert not (q.kind == "mark_words" and ("may sit a paper exam" in q.prompt or "seems to her" in q.prompt))
        assert not (q.kind == "source" and "Parents Tasmania said" in q.prompt and q.answer[0] == PERSON), q.prompt
        assert not (q.kind == "source" and "Colm Brannigan, president" in q.prompt and q.answer[0] != PERSON)
    for q in generate(load_corpus(HELDOUT.parent / "heldout99"), seed=0):
        assert not (q.kind == "mark_words" and "Suppliers may not charge" in q.prompt), q.prompt
        assert not (q.kind == "source" and "Jonas Pellar said" in q.prompt and q.answer[0] != PERSON), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout100"), seed=0):
        assert not any(a.startswith("Officers and") for a in (*q.options, *q.answer)), q.prompt
        assert not (q.kind == "mark_words" and "waved through" in q.prompt and q.answer == ("naive",)), q.prompt
        assert not (q.kind == "source" and "11 weeks after Corvane" in q.prompt and q.answer[0] != NO_SOURCE)
        assert not (q.skill == "bias" and "surge wrecked" in q.prompt), q.prompt


def test_what_the_hundred_and_first_to_fourth_reviews_found_stays_away():
    """Reviewed at 45bfaf7. Set 101 (the course's own genres on an invented research-vessel row): comprehension 0 wrong
    of 69, 1 ambiguous (a release's closing note keyed to the heading above); bias 3 wrong of 23 ("From 1 April 2026,
    … fishing vessels may land catches" keyed a hedge; two rewrites "the area claimed by both countries" -> "said"),
    1 ambiguous (left). Set 102 (weather, water and energy at home): comprehension 0 wrong of 63; bias 2 wrong of 15
    ("The Environment Agency declared drought status" keyed a named source; "Customers who hold a Blue Badge … may
    continue to water gardens" keyed a hedge). Set 103 (the course's own genres on an invented university and
    broadcast row): comprehension 0 wrong of 78; bias 3 wrong of 17 ("quietly shred their visa blacklists" keyed
    "shred" alone; a scenario after "It goes like this." keyed a fact claim; "Applications may be made online"
    keyed a hedge). Set 104 (community and culture): comprehension 0 wrong of 86, 2 ambiguous (a release's closing
    disclaimer keyed to the clerk's heading; "X Co-operative and Meridian Community Media" typed as one body); bias 3
    wrong of 22 ("Brackwater Public Library has said" keyed a named person; "Rob Tennant, the member of provincial
    parliament …, called on the company …" keyed no source; "where it should be" keyed an opinion)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout101"), seed=0):
        assert not (q.kind == "mark_words" and "may land catches" in q.prompt), q.prompt
        assert not (q.kind == "neutral_rewrite" and "claimed by both countries" in q.prompt), q.prompt
        assert not (q.kind == "section" and "remains subject to existing guidance" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout102"), seed=0):
        assert not (q.kind == "source" and "declared drought status" in q.prompt and q.answer[0] != NO_SOURCE)
        assert not (q.kind == "mark_words" and "may continue to water gardens" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout103"), seed=0):
        assert not (q.kind == "mark_words" and "visa blacklists" in q.prompt and q.answer == ("shred",)), q.prompt
        assert not (q.kind == "fact_opinion" and "trickle back" in q.prompt), q.prompt
        assert not (q.kind == "mark_words" and "may be made online" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout104"), seed=0):
        assert not (q.kind == "source" and "Public Library has said" in q.prompt and q.answer[0] == PERSON)
        assert not (q.kind == "source" and "Rob Tennant, the member" in q.prompt and q.answer[0] == NO_SOURCE)
        assert not (q.kind == "fact_opinion" and "where it should be" in q.prompt and "opinion" in q.answer[0])
        assert not (q.kind == "section" and "has no role in Meridian" in q.prompt), q.prompt
        assert not any("Co-operative and Meridian" in a for a in q.answer), q.prompt


def test_what_the_hundred_and_fifth_to_eighth_reviews_found_stays_away():
    """Reviewed at 76d14b3. Set 105 (the course's own genres on an invented lake and ferry row): comprehension 0 wrong
    of 70; bias 3 wrong of 14 ("The weir does not care whether …" keyed a motive guess: left; "Matej Korbel of the
    Rostvar Institute for Foreign Relations said" keyed "Foreign Relations" as a body; "almost everyone knows somebody
    who worked the boats" keyed an opinion), 1 ambiguous (left). Set 106 (health, care and welfare): comprehension 1
    wrong of 62 ("Prince Edward Island" made a person "Edward Island", role "Prince"); bias 3 wrong of 25 ("Health
    Minister Colleen Rafuse has said the right things" keyed her as the source; "Tidewell says" keyed a named person
    beside "Your Tidewell"; "Grants may be used for …" keyed a hedge), 2 ambiguous (left). Set 107 (the course's own
    genres on an invented railway-toll summit): comprehension 1 wrong of 87 ("Hadrik's ministers have spent too long
    insisting … 'at most'" asked as Hadrik's words); bias 1 wrong of 18 ("Trains that are not registered may be held"
    keyed a hedge), 1 ambiguous (left). Set 108 (sport and local life): comprehension 0 wrong of 76; bias 1 wrong of
    11 ("Rachel Denholm … points out that …" keyed a fact claim), 2 ambiguous (left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout105"), seed=0):
        assert not (q.kind == "source" and "Rostvar Institute for Foreign Relations said" in q.prompt), q.prompt
        assert not (q.kind == "fact_opinion" and "everyone knows somebody" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout106"), seed=0):
        assert "Edward Island" not in q.options and "Prince" not in q.answer, q.prompt
        assert not (q.kind == "source" and "said the right things" in q.prompt and q.answer[0] == PERSON)
        assert not (q.kind == "source" and "Tidewell says" in q.prompt and q.answer[0] == PERSON), q.prompt
        assert not (q.kind == "mark_words" and "Grants may be used" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout107"), seed=0):
        assert not (q.kind == "who_said" and "at most" in q.prompt and "Andrej Hadrik" in q.answer), q.prompt
        assert not (q.kind == "mark_words" and "Trains that are not registered" in q.prompt), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout108"), seed=0):
        assert not (q.kind == "fact_opinion" and "points out that the" in q.prompt and "fact" in q.answer[0])


def test_what_the_hundred_and_ninth_and_tenth_reviews_found_stays_away():
    """Reviewed at 66f0b15. Set 109 (the course's own genres on an invented airspace row): comprehension 0 wrong of 69;
    bias 2 wrong of 14 ("… agreed to meet, probably in Porto." and "… will need inspections and possibly engine work."
    keyed the writer's guesses), 1 ambiguous (left). Set 110 (an ordinary week): comprehension 1 wrong of 67 ("working
    with Glenmorrow and other operators" keyed Alison Glenmorrow, the company's managing director, beside the firm
    Glenmorrow Coaches); bias 2 wrong of 17 ("Glenmorrow said it hoped …" keyed a named person; "Do not use the caddy
    or crate until …" keyed a fact claim), 1 ambiguous (left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout109"), seed=0):
        guessed = "probably in Porto" in q.prompt or "possibly engine work" in q.prompt
        assert not (q.kind == "fact_opinion" and guessed), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout110"), seed=0):
        assert not ("other operators" in q.prompt and "Alison Glenmorrow" in q.answer), q.prompt
        assert not (q.kind == "source" and "Glenmorrow said it hoped" in q.prompt and q.answer[0] == PERSON)
        assert not (q.kind == "fact_opinion" and "Do not use the caddy" in q.prompt), q.prompt


def test_no_person_swap_where_a_pronoun_tells_the_gender(bank):
    """Second review: "Tom Becket and her team" gave the false statement away by grammar."""
    for q in bank.filter(kind="true_false"):
        if q.answer[0] == "False" and "person" in q.tags:
            assert not re.search(r"\b(?:he|she|his|her|him)\b", q.prompt, re.IGNORECASE), q.prompt


HELDOUT_SETS = [f"heldout{n}" if n > 1 else "heldout" for n in range(1, 111)]


@pytest.mark.parametrize("folder", HELDOUT_SETS)
def test_no_figure_or_date_is_asked_for_twice(folder):
    """Held-out sets 7 and 8 (news, tabloid, column, blog, business, science, politics, clickbait, on
    two stories each): the same fine, patient count and meeting date were asked for in two or three
    articles of a story. (In another story the same figure is another fact.)"""
    corpus = load_corpus(HELDOUT.parent / folder)
    story = stories(ent.index(corpus), corpus)
    bank = generate(corpus, seed=0)
    # keys written with digits ("£4.6 million", "3 March"); "three" or "Tuesday" recur as other facts
    figures = [
        (story[q.article_ids[0]], re.sub(r"(\d)m$", r"\1 million", q.answer[0].removeprefix("a ")))
        for q in bank
        if q.kind in ("number", "when", "cloze") and re.search(r"\d", q.answer[0])
    ]
    assert len(figures) == len(set(figures)) >= 3, figures


@pytest.mark.parametrize("folder", ["heldout7", "heldout8"])
def test_what_the_seventh_and_eighth_reviews_found_stays_away(folder):
    corpus = load_corpus(HELDOUT.parent / folder)
    bank = generate(corpus, seed=0)
    notes = [c.text for a in corpus for c in a.chrome if c.reason == "author note"]
    assert notes  # "*The association represents ...*" under a rule; "<byline> was president of ..."
    for q in bank:
        shown = " ".join([q.prompt, *q.options, *q.items])
        assert "**" not in shown and not any(n.strip("*") in shown for n in notes), q.prompt
        assert not any(a.startswith(("ask ", "Professor")) or a.endswith(" want") for a in q.answer), q.answer
    companies = [q for q in bank.filter(kind="source") if "Tumbleway" in q.explanation]
    assert all("person" not in q.answer[0] for q in companies)
    titles = {a.id: a.title for a in corpus}
    assert all(not t.startswith("How the night") for t in titles.values())


def test_what_the_sixteenth_review_found_stays_away():
    """Set 16 (a school merger in three outlets, a car-seat recall in two, an obituary, a clickbait page,
    an e-reader review): a company keyed a named person, spec lines offered as headings, "a 54-year"
    before "-old", "Councillor" as a role gap, "three" asked in two articles of one story."""
    corpus = load_corpus(HELDOUT.parent / "heldout16")
    bank = generate(corpus, seed=0)
    assert all("person" not in q.answer[0] for q in bank.filter(kind="source") if "Brightwell" in q.explanation)
    assert bank.filter(kind="section")
    for q in bank:
        assert not any(re.search(r"\d", o) and ":" in o for o in q.options if q.kind == "section"), q.options
        assert not any(o.endswith("-year") for o in q.options), q.options
        assert q.answer[0] != "Councillor", q.prompt
    story = stories(ent.index(corpus), corpus)
    words = [(story[q.article_ids[0]], q.answer[0]) for q in bank.filter(kind="number") if q.answer[0].isalpha()]
    assert len(words) == len(set(words))


def test_what_the_seventeenth_review_found_stays_away():
    """Set 17 (a late tram line in an agency report, a tabloid and a Markdown fact-check, a short marathon
    course in a sports report and the runner's statement, an interview, a charity newsletter, an
    editorial): "which heading" keys under missed "Q: …" headings, a shouted "IT" as an organisation, a
    river as a named organisation, a rabbit and a venue named "Mayhem" and "Bedlam Yard" as loaded words."""
    corpus = load_corpus(HELDOUT.parent / "heldout17")
    interview = next(a for a in corpus if a.id == "c-interview")
    assert len(interview.headings) == 8
    bank = generate(corpus, seed=0)
    for q in bank:
        assert q.answer[0] != "IT", q.prompt
        assert not any(w in q.answer for w in ("Mayhem", "Bedlam")), q.prompt
        if q.kind == "source":
            assert "River" not in q.explanation, q.explanation


def test_what_the_eighteenth_review_found_stays_away():
    """Set 18 (hospital staff parking in a local report, a union bulletin and a radio interview, a street
    renamed in a council release and readers' letters, a volcano explainer page, a satire, a wire brief):
    a bulletin's sign-off offered as a heading, figures the sentence works out, "the Mayor says" as a
    named organisation, advice ("perhaps it could fill in the potholes first") keyed speculation."""
    corpus = load_corpus(HELDOUT.parent / "heldout18")
    bank = generate(corpus, seed=0)
    for q in bank:
        assert not any("Branch Secretary" in o for o in q.options), q.options
        if q.kind == "source":
            assert "the Mayor" not in q.explanation, q.explanation
        if q.kind == "fact_opinion":
            assert "potholes" not in q.prompt or q.answer[0] != SPECULATION_OPTION
    assert not [q for q in bank if q.kind == "number" and q.answer[0] in ("£540", "33%")]


def test_what_the_nineteenth_review_found_stays_away():
    """Set 19 (a university closing its languages school in a report, a student's blog and an FAQ, two red
    pandas moving zoo in a regional paper and a children's site, a court report, a listicle page, a flood
    warning): 0 wrong keys; weak were a children's article titled by its fact box, a helpline's "(24 hours)"
    asked as a figure, "£1.4 million" asked while a title offered elsewhere said "£1.4m", "five years old"
    asked beside "a five-year-old" (the two panda articles were two stories)."""
    corpus = load_corpus(HELDOUT.parent / "heldout19")
    kids = next(a for a in corpus if a.id == "b-kids")
    assert kids.title.startswith("Two red pandas")
    story = stories(ent.index(corpus), corpus)
    assert story["b-kids"] == story["b-zoo-news"] and story["a-faq"] == story["a-education"]
    bank = generate(corpus, seed=0)
    assert not [q for q in bank if q.kind in ("number", "cloze") and q.answer[0] in ("24 hours", "£1.4 million")]
    fives = [q for q in bank if q.skill == "comprehension" and re.search(r"\bfive\b", q.prompt + q.answer[0])]
    assert len(fives) <= 1, [q.prompt for q in fives]


def test_what_the_twentieth_review_found_stays_away():
    """Set 20 (street lights switched off at night in a local report, a column and a council release, a
    crayon recall in the trade press and a parenting blog, a sleep study, a saved mower review, parish
    minutes): a price line with a shop link offered as a heading (and the review's verdict under the wrong
    one), "may contain no more than 0.1%" (a legal limit) keyed a hedge, a chemical ("DEHP") asked as an
    organisation, "Hatherley & _____", "… said:" and a batch code offered as headings."""
    corpus = load_corpus(HELDOUT.parent / "heldout20")
    review = next(a for a in corpus if a.id == "d-review")
    assert "Should you buy it?" in [h.value for h in review.headings]
    bank = generate(corpus, seed=0)
    for q in bank:
        assert not any("Check price" in o or o.endswith("said:") or o.startswith("HM24") for o in q.options), q.options
        assert q.answer[0] not in ("DEHP", "Moss Ltd"), q.prompt
        if q.kind == "mark_words":
            assert "may contain no more than" not in q.prompt, q.prompt


def test_what_the_twenty_first_review_found_stays_away():
    """Set 21 (a ban on disposable barbecues in parks in a wire report, a community thread and an explainer,
    a bakery chain's closures in a business report and a worker's blog, a book review, a live blog, a school
    newsletter): "may not be lit, used or left" (a ban) keyed a hedge twice, "questioned whether … could"
    (a named councillor's doubt) keyed the writer's speculation, and one story asked "June", "Group Manager"
    and a swapped "£100" twice each; the blog's two-sentence headline was read as running text."""
    corpus = load_corpus(HELDOUT.parent / "heldout21")
    blog = next(a for a in corpus if a.id == "b-staff-blog")
    assert blog.title.startswith("They told us")
    bank = generate(corpus, seed=0)
    for q in bank:
        if q.kind == "mark_words":
            assert "may not be lit" not in q.prompt, q.prompt
        if q.kind == "fact_opinion":
            assert "questioned whether" not in q.prompt or q.answer[0] != SPECULATION_OPTION, q.prompt
    comp = [q for q in bank if q.skill == "comprehension"]
    assert sum(q.kind == "when" and q.answer[0] == "June" for q in comp) <= 1
    assert sum(q.kind == "cloze" and "Group Manager" in q.answer for q in comp) <= 1


def test_what_the_twenty_second_review_found_stays_away():
    """Set 22 (night flights cut after a noise ruling in an agency report, an editorial and a residents'
    group's update, a pool closing in a radio story and a reader's letter, an eye-clinic press release, a
    saved film-villain quiz page, a court brief): a quiz page's "Reveal answer …" button keyed as a heading,
    a ruling's "may" (what it allows) keyed a hedge and a guess, "bombarding officials" keyed a plain fact,
    a film's year asked from list captions, films asked as places, "from 35 minutes to 35"."""
    corpus = load_corpus(HELDOUT.parent / "heldout22")
    bank = generate(corpus, seed=0)
    for q in bank:
        assert not any(o.startswith("Reveal answer") for o in q.options), q.options
        assert not q.prompt.rstrip("”").endswith(")."), q.prompt
        assert "from 35 minutes to 35" not in q.prompt, q.prompt
        if q.kind == "mark_words":
            assert "quota count 2 or lower" not in q.prompt, q.prompt
        if q.kind == "fact_opinion" and "bombarding" in q.prompt:
            assert q.answer[0] != FACT_OPTION, q.prompt


def test_what_the_twenty_third_review_found_stays_away():
    """Set 23 (a water company fined for sewage spills in the regulator's release, a campaign blog and a
    business piece, a post office reopening in a pub in a news story and a podcast transcript, an obituary,
    a saved recipe blog, a fact-check): a recipe's "slam the tin" and "the skewer" keyed loaded words, and
    "an 18% fall" asked beside the two figures it comes from."""
    corpus = load_corpus(HELDOUT.parent / "heldout23")
    bank = generate(corpus, seed=0)
    for q in bank:
        if q.kind == "mark_words":
            assert not {"slam", "skewer"} & set(q.answer), q.prompt
        assert not (q.kind in ("number", "cloze") and q.answer[0] == "18%"), q.prompt


def test_what_the_twenty_fourth_review_found_stays_away():
    """Set 24 (e-scooter rules in a city paper, a column and the operator's blog, a rugby stand closed in a
    sports report and a fanzine, a seasonal weather outlook, a forum thread page, a potter's profile):
    "could have waited" and "could have tried" (choices not made) and a forecast's defined "likely" keyed as
    guesses, "might" in a question the club leaves open keyed a hedge, "insulting" keyed without "sorry"."""
    corpus = load_corpus(HELDOUT.parent / "heldout24")
    bank = generate(corpus, seed=0)
    for q in bank:
        if q.kind in ("mark_words", "fact_opinion"):
            assert "could have" not in q.prompt and "likely to be between" not in q.prompt, q.prompt
            assert "might" not in q.answer and "insulting" not in q.answer, q.prompt


def test_what_the_twenty_fifth_review_found_stays_away():
    """Set 25 (a museum charging for entry in an arts desk report, a tabloid and the museum's FAQ, a ferry
    strike in a wire report and a travel blog, a hedgehog study, an events listings page, a hedge dispute in
    court): the museum's own forecast keyed the writer's guess, its rule "Children under 12 must be
    accompanied" an opinion, "£9,040" asked beside "80 per cent of … £11,300"."""
    corpus = load_corpus(HELDOUT.parent / "heldout25")
    bank = generate(corpus, seed=0)
    for q in bank:
        if q.kind == "fact_opinion":
            assert "must be accompanied" not in q.prompt and "forecasts that" not in q.prompt, q.prompt
        assert not (q.kind in ("number", "cloze") and q.answer[0] in ("£9,040", "12 must")), q.prompt


def test_what_the_twenty_sixth_review_found_stays_away():
    """Set 26 (a bee disease in a wire report, a tabloid column and a Markdown Q&A, a library merger in a local
    paper and the trust's press release, a church-clock feature, a saved dental-breach page, a livestock market
    report): seven wrong bias keys, all modals and speakers (tests/test_bias_questions.py), and in comprehension
    "Gorrie & _____" asked the auctioneer's surname from the firm's sign-off, with "Auctioneer Craig Mather" as
    an accepted answer; the feature's people were not found at all, so it gave three items."""
    corpus = load_corpus(HELDOUT.parent / "heldout26")
    bank = generate(corpus, seed=0)
    people = {e.name for e in ent.index(corpus).of_kind("person")}
    assert {"Walter Denby", "Maisie Rudd", "Craig Mather"} <= people and "Auctioneer Craig Mather" not in people
    for q in bank:
        assert not q.prompt.endswith("“Gorrie & _____ thanks all vendors and buyers for their continued support.”")
        assert "Auctioneer Craig Mather" not in q.answer
        if q.skill == "bias":
            shown = q.prompt + " ".join(q.options)
            for wrong in ("nobody may move", "may be extended", "She reckons", "may have been seen", "must be"):
                assert wrong not in shown or q.kind == "which_word", q.prompt
    feature = [q for q in bank if q.article_ids[0] == "c-feature" and q.skill == "comprehension"]
    assert len(feature) >= 4


def test_what_the_twenty_seventh_review_found_stays_away():
    """Set 27 (a beach dog ban in an agency report, a column and the order's own Markdown text, a failed care
    home in a regional report and a relative's blog, a school cook's obituary, a saved seaweed-science page, a
    traffic bulletin): 11 wrong bias keys of 26, ten of them a rule's "may", "must not" or "likely" read as a
    hedge, a guess or an opinion; the blog's title was its sign-off "Paul"; "Articles 2 or 3 rather than" asked
    "3 rather"."""
    corpus = load_corpus(HELDOUT.parent / "heldout27")
    bank = generate(corpus, seed=0)
    blog = next(a for a in corpus if a.id == "b-blog")
    assert blog.title.startswith("Mum's care home just failed its inspection.")
    assert not [q for q in bank if q.skill == "bias" and q.article_ids[0] == "a-notice"]
    for q in bank:
        assert "3 rather" not in q.answer and not any(o.endswith(" noon") for o in q.options), q.prompt
        if q.kind == "fact_opinion":
            assert SPECULATION_OPTION not in q.answer or "30mm" not in q.prompt, q.prompt
            assert "may issue a fixed penalty" not in q.prompt or FACT_OPTION in q.answer


def test_what_the_twenty_eighth_review_found_stays_away():
    """Set 28 (a three-weekly bin collection in a local report, a reader's letter and the council's guidance, a
    sinkhole on a TV site and a saved Facebook-group thread, a photography review, a saved takeover page, a
    hygiene-ratings round-up): 4 wrong bias keys of 17 (tests/test_bias_questions.py); the thread's commenter
    lines and "Reply" buttons were headings; "Southmere Water" was a person, offered beside three people; "Group
    _____ Lisa Farrant" asked half a rank."""
    corpus = load_corpus(HELDOUT.parent / "heldout28")
    bank = generate(corpus, seed=0)
    forum = next(a for a in corpus if a.id == "b-forum")
    assert not forum.headings and not [s for s in forum.sentences if s.text.startswith("👍")]
    assert "Southmere Water" in {e.name for e in ent.index(corpus).of_kind("org")}
    for q in bank:
        assert "Southmere Water" not in q.options or "person" not in q.prompt, q.prompt
        assert "Group _____" not in q.prompt, q.prompt  # a fire service's rank is "Group manager"
        if q.kind == "mark_words":
            assert not re.search(r"We may ask|You may be able|might as well", q.prompt), q.prompt


def test_what_the_twenty_ninth_review_found_stays_away():
    """Set 29 (a theatre ceiling collapse in a wire report, a tabloid column and a Markdown Q&A, a school-meals
    contract in a local paper and the caterer's press release, a twinning-letters feature, a saved phone-mast
    protest page, a village cricket report): bias 0 wrong of 16, comprehension 1 wrong of 53: "which person
    belongs in the gap? … consultants Halliwell _____ Partnership" keyed a councillor, Helen Marsh; the feature's
    two letter-writers ("Marcel Dufresne, 82, a retired baker") were not found."""
    corpus = load_corpus(HELDOUT.parent / "heldout29")
    bank = generate(corpus, seed=0)
    people = {e.name for e in ent.index(corpus).of_kind("person")}
    assert {"Geoffrey Pollard", "Marcel Dufresne"} <= people and "Cobham Marsh" not in people
    for q in bank:
        assert not ("Halliwell _____" in q.prompt or "Cobham _____" in q.prompt), q.prompt


def test_what_the_thirtieth_review_found_stays_away():
    """Set 30 (a canal breach in a wire report, a tabloid column and a Markdown Q&A, a village shop bought by its
    villagers in a local paper and the society's press release, a repair café feature, a saved pier-closure
    page, a police appeal): bias 0 wrong of 16; comprehension 2 wrong of 68: "No. Wyvern Fire and Rescue
    Service" keyed as a name, and Mr Hume's "some interest" given to Janet Hume."""
    corpus = load_corpus(HELDOUT.parent / "heldout30")
    bank = generate(corpus, seed=0)
    for q in bank:
        assert "No. Wyvern" not in " ".join((*q.options, *q.answer, q.explanation)), q.prompt
        assert not (q.kind == "who_said" and "Hume" in q.answer[0]), q.prompt


def test_what_the_thirty_first_review_found_stays_away():
    """Set 31 (a street-tree felling in a wire report, a tabloid column and a Markdown Q&A, taxi rules in a local
    paper and the council's press release, a signing-choir feature, a saved food-bank page, a netball report):
    bias 1 wrong of 16 ("of course" keyed an opinion), comprehension 0 wrong of 52 ("BSL" asked as an
    organisation, weak)."""
    corpus = load_corpus(HELDOUT.parent / "heldout31")
    bank = generate(corpus, seed=0)
    assert "BSL" not in {e.name for e in ent.index(corpus).of_kind("org")}  # "British Sign Language (BSL)"
    for q in bank:
        assert not (q.kind == "fact_opinion" and "of course, no sound" in q.prompt and OPINION_OPTION in q.answer)


def test_what_the_thirty_second_review_found_stays_away():
    """Set 32 (a bus depot fire in a wire report, a tabloid column and a Markdown Q&A, a market-hall rent rise in
    a local paper and the operator's press release, a phone-box seed library feature, a saved lost-tortoise page,
    a darts league report): bias 1 wrong of 13, "we can't wait to share it with you" keyed as the sentence that
    asks readers to act; comprehension 0 wrong of 48; the feature's "Priya Lamb, 34, moved to the village" was no
    person."""
    corpus = load_corpus(HELDOUT.parent / "heldout32")
    assert "Priya Lamb" in {e.name for e in ent.index(corpus).of_kind("person")}
    for a in corpus:
        cues = [c for c in find_cues(a) if c.category == "engagement_bait"]
        assert not [c for c in cues if "share it with you" in a.text[c.start : c.end + 9]]


def test_what_the_thirty_third_review_found_stays_away():
    """Set 33 (asbestos at a school in a wire report, a tabloid column and a Markdown Q&A, a park-and-ride in a
    local paper and the bus operator's press release, a silver band's centenary feature, a saved damp-landlord
    page, a golf club report): bias 2 wrong of 17, "The rooms must be cleaned by a licensed contractor" and
    "Comments must be received by 5pm" keyed opinions; comprehension 1 wrong of 52, the golf report's fixture
    line "Sat 22 Nov: Captain's Charity Waltz …" offered and keyed as a heading."""
    corpus = load_corpus(HELDOUT.parent / "heldout33")
    golf = next(a for a in corpus if a.id == "e-brief")
    assert not [h for h in golf.headings if h.value.startswith(("Sat ", "Wed ", "Sun "))]
    for q in generate(corpus, seed=0):
        if q.kind == "fact_opinion":
            assert (
                not ("must be cleaned" in q.prompt or "must be received" in q.prompt) or OPINION_OPTION not in q.answer
            )


def test_what_the_thirty_fourth_review_found_stays_away():
    """Set 34 (international affairs: a fertiliser pledge in a column, a Mekong flow deal as a Markdown Q&A, climate
    talks in a wire report, bean growers hit by an EU limit, an immigration ministry's release under its letterhead,
    a deep-sea mining feature, a saved page on an emergency hub, a central-bank brief): bias 1 wrong of 17, "officers,
    who may refer any passenger to a manual counter" keyed a hedge; comprehension 0 wrong of 80, 1 ambiguous: "Inside
    the Council" typed as an organisation; the release's title was its letterhead."""
    corpus = load_corpus(HELDOUT.parent / "heldout34")
    orgs = {e.name for e in ent.index(corpus).of_kind("org")}
    assert "Inside the Council" not in orgs and "Tellus Policy Institute" in orgs
    release = next(a for a in corpus if a.id == "b-statement")
    assert release.title.startswith("Indonesia to begin") and "MINISTRY" not in release.title
    for a in corpus:
        hedges = [a.text[c.start : c.end + 10] for c in find_cues(a) if c.category == "hedge"]
        assert not [h for h in hedges if "may refer any" in h]


def test_what_the_thirty_fifth_review_found_stays_away():
    """Set 35 (AP style: a wildfire bill in a wire report, an AI-law column, a Markdown Q&A on an insurance grace
    period, a potato town hit by a trade decision, a state insurance department's release, a rural hospital feature,
    a saved page on a court ruling, a utility rate brief): bias 5 wrong of 23 and 2 ambiguous, comprehension 0 wrong
    of 86; none of its senators or governors ("Sen. Maria Ortiz", "Idaho Gov. Rachel Dunmore") was a person."""
    corpus = load_corpus(HELDOUT.parent / "heldout35")
    people = {e.name for e in ent.index(corpus).of_kind("person")}
    assert {"Maria Ortiz", "Rachel Dunmore", "Wes Tolliver", "Dana Pruitt"} <= people
    for q in generate(corpus, seed=0):
        if q.kind == "fact_opinion" and FACT_OPTION in q.answer:
            assert "that kind of bill" not in q.prompt and "like a hailstorm" not in q.prompt
        if q.kind == "source" and "Benedetti said the utility" in q.prompt:
            assert q.answer == (PERSON,)
        if q.kind == "neutral_rewrite":
            assert "failure money" not in " ".join(q.answer)
        if q.kind == "mark_words" and q.technique == "hedge":
            assert not ("Policyholders may" in q.prompt or "suspects fraud may" in q.prompt), q.prompt


def test_what_the_thirty_sixth_review_found_stays_away():
    """Set 36 (talks over invented disputes, in the seeds' genres: a summit wire report, a column, a Markdown
    explainer on a shoal dispute, a glassworks town waiting on a deal, a ministry's release on a freed crew, a long
    commentator's blog, a saved page, a brief): bias 2 wrong of 22 and 1 ambiguous, "could in theory start
    proceedings" keyed a guess, "Shipping companies may request a security briefing" a hedge, the blog's "I'll be
    posting updates …, probably far too late" a guess; comprehension 0 wrong of 60."""
    corpus = load_corpus(HELDOUT.parent / "heldout36")
    for q in generate(corpus, seed=0):
        if q.kind == "fact_opinion" and SPECULATION_OPTION in q.answer:
            assert "could in theory" not in q.prompt and "I'll be posting" not in q.prompt, q.prompt
        if q.kind == "mark_words" and q.technique == "hedge":
            assert "companies may request" not in q.prompt, q.prompt


def test_what_the_thirty_seventh_review_found_stays_away():
    """Set 37 (science and health news from Ireland, Canada, India, Australia …: a nitrates study, an AI-scribe
    column, a fishing-cat survey feature, a health department's Legionnaires' alert …): comprehension 1 wrong of 64
    (a sentence under a question sub-heading read as text keyed to the heading above), 1 ambiguous; bias 4 wrong
    of 23 ("could well be worth doing" a guess, "…, publish the contract." a fact claim, "In the paper's own terms"
    no source, "may wish to see their GP" a hedge), 3 ambiguous; the alert's title was its issuer line."""
    corpus = load_corpus(HELDOUT.parent / "heldout37")
    alert = next(a for a in corpus if a.id == "b-statement")
    assert alert.title.startswith("Legionnaires' disease cluster")
    for q in generate(corpus, seed=0):
        assert not (q.kind == "section" and "trap-nights" in q.prompt)
        assert not (q.kind == "fact_opinion" and "publish the contract" in q.prompt and FACT_OPTION in q.answer)
        assert not (q.kind == "fact_opinion" and "worth doing" in q.prompt and SPECULATION_OPTION in q.answer)
        assert not (q.kind == "source" and "paper's own terms" in q.prompt)
        assert not (q.kind == "mark_words" and "may wish to" in q.prompt)


def test_what_the_thirty_eighth_review_found_stays_away():
    """Set 38 (tabloid, celebrity and sport: a betting probe told by a wire report, a column, a Q&A, a club
    statement, a tabloid page …): comprehension 1 wrong of 72 ("A lawyer for Dolan said he 'strongly denies'" gave
    the words to Dolan); bias 3 wrong of 21 ("outright" keyed loaded, a definition's "may be completely
    unaffected" a guess, "Some fans clearly think …" the writer's opinion), 2 ambiguous; "Trolls slammed the star"
    lost "slammed" to the literal-sense rule."""
    corpus = load_corpus(HELDOUT.parent / "heldout38")
    for q in generate(corpus, seed=0):
        assert not (q.kind == "who_said" and "strongly denies" in q.prompt)
        assert "outright" not in q.answer
        assert not (q.kind == "fact_opinion" and "Some fans clearly" in q.prompt)
    page = next(a for a in corpus if a.id == "d-page")
    assert any(c.text == "slammed" for c in find_cues(page))


def test_what_the_thirty_ninth_review_found_stays_away():
    """Set 39 (business and markets: a salmon-farm takeover bid told by a wire report, a column and a Q&A, a plant
    strike, a statistics release, a cold-chain start-up's funding page …): comprehension 0 wrong of 93, 1
    ambiguous ("The board, led by chair Marit Eide, said the proposal 'materially undervalues'" gave the board's
    words to its chair); bias 1 wrong of 31 ("… exactly what critics said it would: it cut investment …" keyed
    attributed), 2 ambiguous ("disclosed by Skarvøy" keyed no source)."""
    corpus = load_corpus(HELDOUT.parent / "heldout39")
    for q in generate(corpus, seed=0):
        assert not (q.kind == "who_said" and "materially undervalues" in q.prompt)
        assert not (q.kind == "fact_opinion" and "what critics said" in q.prompt)
        assert not (q.kind == "source" and "disclosed by" in q.prompt)


def test_what_the_fortieth_review_found_stays_away():
    """Set 40 (unusual formats: a live blog, a letters page, a Markdown interview transcript, a listicle, a timeline,
    a long read, a photo gallery, an obituary): comprehension 0 wrong of 76, 1 ambiguous (a live blog's untitled
    post keyed to the later post's title above it); bias 5 wrong of 21 (a transcript's answers keyed "no source"
    twice, the writer's guess and opinion; a timeline's "May 2025 – …" keyed a guess), 2 ambiguous. Five titles
    were the paper's name, and letter writers' names were headings."""
    corpus = load_corpus(HELDOUT.parent / "heldout40")
    titles = {a.id: a.title for a in corpus}
    assert not [t for t in titles.values() if t.isupper() or t.endswith(("Gazette", "News", "Star"))], titles
    letters = next(a for a in corpus if a.id == "a-letters")
    assert "Claire Whitmore-Ndiaye" not in [h.value for h in letters.headings]
    for q in generate(corpus, seed=0):
        assert not (q.kind == "section" and q.article_ids[0] == "a-liveblog")
        assert not (
            q.skill == "bias"
            and q.article_ids[0] == "a-transcript"
            and q.kind in ("source", "fact_opinion")
            and (
                "400 calls" in q.prompt
                or "under 5 per cent" in q.prompt
                or "frail 85-year-old" in q.prompt
                or "disaster, frankly" in q.prompt
            )
        )
        assert not (q.kind == "fact_opinion" and "May 2025 –" in q.prompt and SPECULATION_OPTION in q.answer)


def test_what_the_forty_first_and_second_reviews_found_stays_away():
    """Set 41 (an ordinary week: a border-crossing deal told by a wire report, a column and a Q&A, island landing
    permits told by a local paper and the board's release, a hat-block maker, a lead-pipe plan page, an orchid brief)
    and set 42 (the course's own genres on invented talks): comprehension 0 wrong of 84 and of 67; bias 2 wrong of
    24 ("could hardly host a regional summit" keyed a fact claim, "the Kenyan shilling" rewritten as "the Kenyan
    promoting") and 2 wrong of 19 ("… is, by any honest reading of the 1996 line, unlawful" a fact claim,
    "For most of the last century, people in Grelsk could tell the time by the potash trains" a guess)."""
    for folder in ("heldout41", "heldout42"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            if q.kind == "fact_opinion":
                assert not ("could hardly host" in q.prompt or "by any honest reading" in q.prompt), q.prompt
                assert not ("tell the time by the potash" in q.prompt and SPECULATION_OPTION in q.answer)
            if q.kind == "neutral_rewrite":
                assert "promoting" not in " ".join(q.answer)


def test_what_the_forty_third_and_fourth_reviews_found_stays_away():
    """Set 43 (an ordinary week's mix: a cocoa price floor, road trains parked by a fuel shortage …) and set 44 (the
    course's own genres on invented water talks): comprehension 0 wrong of 84 and of 63; bias 2 wrong of 22 (a
    rule's "how long beans may be stored" keyed a guess, "cattle bellowing in the crates" a loaded word) and 3 wrong
    of 23 ("it could at least put a credible payment schedule on the table" a guess, "insisted that the status …
    be added" rewritten as "said that … be added", a ministry's "Farmers must not draw water …" an opinion)."""
    for folder in ("heldout43", "heldout44"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            assert not (q.kind == "fact_opinion" and "how long beans may be stored" in q.prompt)
            assert "bellowing" not in q.answer
            assert not (q.kind == "fact_opinion" and "could at least" in q.prompt)
            assert not (q.kind == "neutral_rewrite" and "said that the status" in " ".join(q.answer))
            assert not (q.kind == "fact_opinion" and "must not draw water" in q.prompt and OPINION_OPTION in q.answer)


def test_what_the_forty_fifth_and_sixth_reviews_found_stays_away():
    """Set 45 (the course's own genres on invented talks over a plateau) and set 46 (opinion-heavy: an editorial, a
    for-and-against pair, a column, a guest column on a wine-name grant): comprehension 0 wrong of 74 and of 69;
    bias 5 wrong of 26 ("UN monitors have recorded …" keyed no source, "Analysts at the IMF have listed …" a fact
    claim, a release's "Exporters … may apply" a hedge and "should be directed to the Ministry" an opinion,
    "quietly shelved" left in a rewrite) and 5 wrong of 23 ("may be sold under its other name" a guess and a hedge,
    "must be matched dollar for dollar" an opinion, "The earliest the deal could take effect" a guess, "It could
    help small growers …" (advice) a guess)."""
    for folder in ("heldout45", "heldout46"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            assert not (q.kind == "source" and "UN monitors have recorded" in text and NO_SOURCE in q.answer)
            assert not (
                q.kind == "fact_opinion" and "Analysts at the International" in text and FACT_OPTION in q.answer
            )
            assert not (q.kind == "mark_words" and "may apply to the National Export" in text)
            assert not (q.kind == "fact_opinion" and "should be directed" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "neutral_rewrite" and "quietly" in " ".join(q.answer))
            assert not (q.kind in ("fact_opinion", "mark_words") and "may be sold under" in text)
            assert not (q.kind == "fact_opinion" and "must be matched" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "fact_opinion" and "The earliest the deal could" in text)
            assert not (q.kind in ("fact_opinion", "mark_words") and "It could help small growers" in text)


def test_what_the_forty_seventh_and_eighth_reviews_found_stays_away():
    """Set 47 (the course's own genres on invented corridor talks) and set 48 (opinion-heavy: a kiln lease, a
    think-tank commentary, a regulator's notice): comprehension 0 wrong of 76 and of 57; bias 3 wrong of 38 ("a
    collective punishment of a civilian population: …" a fact claim, a reported list's item a guess, a mark item
    without "dressed up as") and 4 wrong of 20 ("If Arlen Coast pays faithfully for 12 years, the town does fine" a
    fact claim, "By the institute's count" no source, "Exporters who … may apply" and "Forms may be dropped off …,
    but must arrive" hedges)."""
    for folder in ("heldout47", "heldout48"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            assert not (q.kind == "fact_opinion" and "collective punishment" in text and FACT_OPTION in q.answer)
            assert not (q.kind == "fact_opinion" and "resumption of Westline" in text)
            assert not (q.kind == "fact_opinion" and "pays faithfully" in text and FACT_OPTION in q.answer)
            assert not (q.kind in ("source", "fact_opinion") and "institute's count" in text)
            assert not (q.kind == "mark_words" and ("ordered kilns" in text or "Forms may be dropped" in text))


def test_what_the_forty_ninth_and_fiftieth_reviews_found_stays_away():
    """Set 49 (modal verbs in every sense around an invented whale-speed rule: a regulator's release, a wire report, a
    Q&A, a column's proposals): comprehension 0 wrong of 86; bias 14 wrong of 42 and 3 ambiguous (the most a fine
    "may be up to" or "could reach" keyed a guess or a hedge five times, an exemption and a rule's other choice
    hedges, "Ministers could cover the full cost" a hedge, "may want to" a motive guess twice, "Maritime NZ" a named
    person twice, "might be spent where it matters most" a guess, "clearly been hit by ships" an opinion). Set 50 (the
    course's own genres on an invented border levy): comprehension 0 wrong of 65; bias 0 wrong of 27, 4 ambiguous
    ("may well" keyed without "well", a judgement answering "why do it?" an opinion, advice "he might consider" and a
    standfirst's "what might come next" hedges)."""
    for folder in ("heldout49", "heldout50"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            guess_or_hedge = q.kind == "mark_words" or (q.kind == "fact_opinion" and SPECULATION_OPTION in q.answer)
            for ceiling in ("may be up to", "could reach NZ", "may exceed the limit", "may ask for a court"):
                assert not (guess_or_hedge and ceiling in text), text
            assert not (q.kind == "mark_words" and ("Ministers could cover" in text or "could simply phase" in text))
            assert not (q.kind == "which_word" and any("may want to" in a for a in q.answer))
            assert not (q.kind == "source" and "Maritime" in text and "named person" in q.answer[0])
            assert not (q.kind == "fact_opinion" and "might be spent" in text)
            assert not (q.kind == "fact_opinion" and "clearly been hit" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "fact_opinion" and "may be right" in text)
            assert not (q.kind == "mark_words" and ("may well be true" in text or "might consider" in text))
            assert not (q.kind == "fact_opinion" and "arguably plays" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "mark_words" and "what might come next" in text)


def test_what_the_fifty_first_and_second_reviews_found_stays_away():
    """Set 51 (the course's own genres on invented gas talks): comprehension 0 wrong of 77; bias 2 wrong of 24 (an
    ironic "Perhaps … simply have exquisite timing. I doubt it." a guess, "the two white plumes over the … Works
    have told the town" a named organisation), 1 ambiguous (a regulator's "may be subject to financial penalties" a
    hedge). Set 52 (a week of public-risk news): comprehension 0 wrong of 77, 1 ambiguous (a typed "CFIA" refused);
    bias 2 wrong of 28 ("Babies … who live in the county may receive an early dose" a hedge, "twice as likely" a
    guess), 5 ambiguous ("looked as if …" a fact claim, "arguably also a way of making any criticism sound reckless"
    an opinion, "… the 95 per cent the World Health Organization says is needed" attributed, "may be towed" a hedge,
    a county release's "should stop using them" an opinion)."""
    for folder in ("heldout51", "heldout52"):
        corpus = load_corpus(HELDOUT.parent / folder)
        for q in generate(corpus, seed=0):
            text = q.prompt
            assert not (q.kind == "fact_opinion" and "exquisite timing" in text)
            assert not (q.kind == "source" and "white plumes" in text and "named organisation" in q.answer[0])
            for rule in ("may be subject to", "may receive an early dose", "may be towed"):
                assert not (q.kind == "mark_words" and rule in text)
            assert not (q.kind == "fact_opinion" and "twice as likely" in text)
            assert not (q.kind == "fact_opinion" and "looked as if" in text)
            assert not (q.kind == "fact_opinion" and "a way of making any criticism" in text)
            assert not (q.kind == "fact_opinion" and "says is needed" in text)
            assert not (q.kind == "fact_opinion" and "should stop using them" in text)
            if q.kind == "cloze" and "Canadian Food Inspection Agency" in q.answer:
                assert "CFIA" in q.answer


def test_what_the_fifty_third_and_fourth_reviews_found_stays_away():
    """Set 53 (American wire style around an invented state court ruling): comprehension 0 wrong of 81 (a release's
    media-contact line offered as a heading); bias 3 wrong of 27 ("Halsey Digital Infrastructure said" a named
    person, "Members of the public may speak for up to three minutes" a hedge, "… a planned campus in southern
    Tippecanoe County says" the county as a person), 2 ambiguous ("The IURC says …, and state Sen. Lorna Beckwith
    plans to …" one source for two claims, "signaled it may step back" a hedge key without "signaled"). Set 54
    (opinion-heavy, an invented cruise cap): comprehension 0 wrong of 77; bias 0 wrong of 15, 3 ambiguous ("What
    makes Port Anselm unusual is …" a fact claim, "I am just not sure it is …" a hedge key without "not sure",
    "Critics who call this … should look at those numbers" an unnamed source)."""
    for folder in ("heldout53", "heldout54"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            assert "Alicia Penner" not in " ".join(q.options)
            assert not (q.kind == "source" and "Halsey Digital Infrastructure said" in text and PERSON in q.answer[0])
            assert not (q.kind == "mark_words" and ("may speak for up to" in text or "signaled it may" in text))
            assert not (q.kind == "source" and "Tippecanoe County says" in text and PERSON in q.answer[0])
            assert not (q.kind == "source" and "Lorna Beckwith" in text and "plans to introduce" in text)
            assert not (q.kind == "fact_opinion" and "unusual is" in text and FACT_OPTION in q.answer)
            assert not (q.kind == "mark_words" and "not sure it is" in text)
            assert not (q.kind == "source" and "Critics who call this" in text)


def test_what_the_fifty_fifth_to_seventh_reviews_found_stays_away():
    """Set 55 (science, health and technology): comprehension 0 wrong of 68; bias 4 wrong of 19 ("Then a specialist,
    and another scan in six months." a fact claim, "should be largely unaffected" and "Pharmacies must stop
    dispensing them by May 1st" opinions, "Sydney-based Tellwell Connect confirmed" a named person), 3 ambiguous.
    Set 56 (the course's own genres on an invented border river): comprehension 0 wrong of 64, 2 ambiguous (a
    capital standing for its government asked as a place); bias 0 wrong of 18, 4 ambiguous. Set 57 (tabloid, sport,
    celebrity): comprehension 0 wrong of 54; bias 4 wrong of 18 ("superb" keyed without "decent", "the mood was more
    careful" a fact claim, "Supporters who wish to … may do so" a hedge, the rule's "must be available" an
    opinion), 2 ambiguous."""
    for folder in ("heldout55", "heldout56", "heldout57"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            assert not (q.kind == "fact_opinion" and "Then a specialist" in text)
            assert not (q.kind == "fact_opinion" and "largely unaffected" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "fact_opinion" and "must stop dispensing" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "source" and "Tellwell Connect confirmed" in text and PERSON in q.answer[0])
            assert not (q.kind == "source" and "Side effects were mostly mild" in text and NO_SOURCE in q.answer)
            assert not (q.kind == "mark_words" and ("may be identified" in text or "may discuss the change" in text))
            assert not (q.kind in ("cloze", "fact") and "line is that the crossings" in text)
            assert not (q.kind == "fact" and "described as a routine patrol" in text)
            assert not (q.kind == "fact_opinion" and "could mean" in text and SPECULATION_OPTION in q.answer)
            assert not (q.kind == "fact_opinion" and "wants a timetable" in text and FACT_OPTION in q.answer)
            assert not (q.kind == "fact_opinion" and "recorded 37" in text and FACT_OPTION in q.answer)
            assert not (q.kind == "mark_words" and "superb athlete" in text)
            assert not (q.kind == "fact_opinion" and "the mood was" in text)
            assert not (q.kind == "mark_words" and "may do so" in text)
            assert not (q.kind == "fact_opinion" and "must be available" in text and OPINION_OPTION in q.answer)
            assert not (q.kind == "mark_words" and "testers villains" in text)
            assert not (q.kind == "source" and "camp wants a hearing" in text and NO_SOURCE in q.answer)


def test_what_the_fifty_ninth_and_sixtieth_reviews_found_stays_away():
    """Set 59 (business and markets): comprehension 2 wrong of 92 (a colon lead-in line as a heading, "Ardmore" of
    "Ardmore & Laing" blanked as the person Robert Ardmore); bias 2 wrong of 23 ("nobody in the boardroom seems to
    notice any more" a guess, "A trade union representing production staff at Calderfield Foods said" the company as
    the source), 1 ambiguous (a figure voicing the board's case keyed no source). Set 60 (local government):
    comprehension 0 wrong of 79; bias 2 wrong of 14 ("Items may be returned to any remaining library" a hedge,
    "Under … petition scheme, any petition … must be debated" an opinion), 1 ambiguous (the petition's "possibly
    with reduced hours" a hedge)."""
    for folder in ("heldout59", "heldout60"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            assert "Workers can register for the Corrindale" not in " ".join(q.options) + " ".join(q.answer)
            assert not (q.kind in ("fact", "cloze") and "& Laing has reinvented" in text)
            assert not (q.kind == "fact_opinion" and "seems to notice" in text)
            assert not (
                q.kind == "source" and "representing production staff" in text and "organisation" in q.answer[0]
            )
            assert not (q.kind == "source" and "Operating profit rose 19" in text and NO_SOURCE in q.answer)
            assert not (q.kind == "mark_words" and ("may be returned" in text or "possibly with reduced" in text))
            assert not (q.kind == "fact_opinion" and "must be debated" in text and OPINION_OPTION in q.answer)


def test_what_the_fifty_eighth_review_found_stays_away():
    """Set 58 (the course's own genres on invented fishermen detained over a sandbank): comprehension 0 wrong of 82
    (the release's letterhead "REPUBLIC OF BELMORA" given as its title); bias 2 wrong of 16 (a ministry's "Families
    may send written messages" and "Medicines may be sent only with a doctor's letter" hedges), 1 ambiguous
    ("expensively and clumsily" keyed without "expensively")."""
    corpus = load_corpus(HELDOUT.parent / "heldout58")
    assert not any(a.title == "REPUBLIC OF BELMORA" for a in corpus)
    for q in generate(corpus, seed=0):
        text = q.prompt
        assert not (q.kind == "mark_words" and ("may send written" in text or "may be sent only" in text))
        assert not (q.kind == "mark_words" and "expensively and clumsily" in text)


def test_what_the_sixty_first_review_found_stays_away():
    """Set 61 (the course's own genres on an invented flight ban and a detained journalist; reviewed at de462bd):
    comprehension 0 wrong of 81; bias 1 wrong of 23 ("Roslund's detention must be reviewed again by 31 July" an
    opinion), 1 ambiguous ("The flight ban was arguably never about safety at all" an opinion; a motive guess as
    much)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout61"), seed=0):
        text = q.prompt
        assert not (q.kind == "fact_opinion" and "must be reviewed again" in text and OPINION_OPTION in q.answer)
        assert not (q.kind == "fact_opinion" and "never about safety" in text and OPINION_OPTION in q.answer)


def test_what_the_sixty_second_review_found_stays_away():
    """Set 62 (an ordinary week's mix; reviewed at 0365825): comprehension 1 wrong of 78 (a barrister's words, "lost
    all sense of proportion", given to the defendant he spoke about); bias 1 wrong of 22 (a reporter's scene with
    "perhaps a third as many" a guess), 1 ambiguous ("There may well be a sensible saving …" a guess)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout62"), seed=0):
        text = q.prompt
        assert not (q.kind == "who_said" and "lost all sense of proportion" in text)
        assert not (q.kind == "fact_opinion" and "perhaps a third" in text)
        assert not (q.kind == "fact_opinion" and "sensible saving" in text and SPECULATION_OPTION in q.answer)


def test_what_the_sixty_third_and_fourth_reviews_found_stays_away():
    """Set 63 (the course's own genres on an invented lake dispute; reviewed at 45329d4): comprehension 0 wrong of
    76; bias 4 wrong of 17 (a release's "may continue to fish", "may claim up to 1,200 marks", "may now also apply"
    hedges; "the quickest way … may be to stop punishing …" a guess), 3 ambiguous. Set 64 (tabloid and sport):
    comprehension 1 wrong of 67 (a manager's words given to the boxer she spoke of), 1 ambiguous; bias 4 wrong of 17
    (three one-word rewrites of a tabloid page that left its other loaded words, "neither fighter may weigh more
    than …" a hedge), 1 ambiguous."""
    for folder in ("heldout63", "heldout64"):
        for q in generate(load_corpus(HELDOUT.parent / folder), seed=0):
            text = q.prompt
            for rule in ("may continue to fish", "may claim up to", "may now also apply", "neither fighter may"):
                assert not (q.kind == "mark_words" and rule in text)
            assert not (q.kind == "fact_opinion" and "may be to stop punishing" in text)
            assert not (
                q.kind == "fact_opinion" and "according to the Halsk gauge" in text and "attributed" in q.answer[0]
            )
            assert not (q.kind == "who_said" and "more than three kilos" in text)
            assert not (q.kind == "neutral_rewrite" and q.article_ids[0] == "d-page" and folder == "heldout64")


def test_what_the_sixty_fifth_and_sixth_reviews_found_stays_away():
    """Set 65 (the course's own genres on an invented airport levy; reviewed at 90b0b7b): comprehension 0 wrong of
    78, 6 ambiguous (five place gaps offering a country beside its own capital, or a capital that stands for its
    government beside the countries; a typed body's name without its initials); bias 1 wrong of 18 ("either
    government may take the question to arbitration under Article 22 of the treaty" a hedge). Set 66 (courts,
    schools and health services): comprehension 0 wrong of 75, 1 ambiguous ("arrive in England" keyed False where the
    article says Cumbria); bias 4 wrong of 21 ("Thirty-eight children gone from the roll" no source before "They are
    Ofsted's"; "could be sat in a silent booth" a hedge; "category 1 patients should be treated within 30 days" an
    opinion; "seismic" in "a detailed seismic assessment" loaded), 1 ambiguous (a figure going on from a paragraph of
    Queensland Health's figures keyed no source)."""
    countries, towns = {"Galdria", "Ruvenia"}, {"Tirsk", "Lundmark"}
    for q in generate(load_corpus(HELDOUT.parent / "heldout65"), seed=0):
        assert not (q.kind == "mark_words" and "either government may" in q.prompt)
        assert not (countries & set(q.options) and towns & set(q.options)), q.options
        assert not (q.kind == "cloze" and towns & set(q.answer)), q.prompt
    for q in generate(load_corpus(HELDOUT.parent / "heldout66"), seed=0):
        text = q.prompt
        assert not (q.kind == "true_false" and "arrive in England" in text)
        assert not (q.kind == "source" and "gone from the roll" in text and q.answer[0] == NO_SOURCE)
        assert not (q.kind == "source" and "At the Cairns and Townsville" in text and q.answer[0] == NO_SOURCE)
        assert not (q.kind == "mark_words" and "could be sat" in text)
        assert not (
            q.kind == "fact_opinion" and "should be treated within 30 days" in text and "opinion" in q.answer[0]
        )
        assert not (q.kind == "mark_words" and "seismic assessment" in text)


def test_what_the_sixty_seventh_and_eighth_reviews_found_stays_away():
    """Set 67 (the course's own genres on an invented lake fishing dispute; reviewed at a1ae391): comprehension 0 wrong
    of 90, 1 ambiguous ("the U.N. Food and Agriculture Organization" offered beside "FAO"); bias 1 wrong of 17 ("the
    closure of the Kalsa Deep declared by …" keyed the lake as a named organisation). Set 68 (rules and notices):
    comprehension 0 wrong of 74; bias 1 wrong of 27 ("scientists advising the EU" explained as the EU speaking), 3
    ambiguous ("may result in a fixed payment notice", "offences may be prosecuted" keyed hedges; "every adult … will
    need a permit under rules the Government says it must bring in" keyed the Government as the source, which is
    left: the source stands in a clause about the rules)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout67"), seed=0):
        assert not (q.kind == "source" and "Kalsa Deep declared by" in q.prompt)
        assert not ({"FAO", "U.N. Food and Agriculture Organization"} <= set(q.options)), q.options
    for q in generate(load_corpus(HELDOUT.parent / "heldout68"), seed=0):
        assert not ("scientists advising the EU" in q.prompt and "“the EU”" in q.explanation)
        assert not (q.kind == "mark_words" and "may result in a fixed payment notice" in q.prompt)
        assert not (q.kind == "mark_words" and "offences may be prosecuted" in q.prompt)


def test_what_the_sixty_ninth_and_seventieth_reviews_found_stays_away():
    """Set 69 (the course's own genres on an invented broadcast-jamming dispute; reviewed at 5423ea5): comprehension 0
    wrong of 68; bias 2 wrong of 23 ("according to Lestrian Public Broadcasting" keyed a named person; "claiming a
    refund" marked loaded), 1 ambiguous ("the loss is mostly practical" keyed a fact claim, left). Set 70 (an ordinary
    week): comprehension 0 wrong of 69; bias 1 wrong of 15 ("Council could also simply decide …" keyed a hedge), 1
    ambiguous ("It is, arguably, the price of a modest tax adjustment … roughly three dollars a head" keyed an opinion,
    left)."""
    for q in generate(load_corpus(HELDOUT.parent / "heldout69"), seed=0):
        assert not (q.kind == "source" and "Lestrian Public Broadcasting" in q.prompt and q.answer[0] == PERSON)
        assert not (q.kind in ("mark_words", "neutral_rewrite") and "claiming a refund" in q.prompt)
    for q in generate(load_corpus(HELDOUT.parent / "heldout70"), seed=0):
        assert not (q.kind == "mark_words" and "could also simply decide" in q.prompt)
