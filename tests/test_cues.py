"""Cue detection: spans, categories, explanations, the context rules that keep keys right, the
sentence classifier, the profile, the `quizlib cues` command and the bias benchmark script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizlib.articles import load_article, load_corpus
from quizlib.cli import main
from quizlib.cues import (
    ATTRIBUTED,
    CATEGORIES,
    FACT,
    OPINION,
    SPECULATION,
    classify_sentence,
    cue_profile,
    find_cues,
    inflections,
    lexicon,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
LEXICONS = ROOT / "quizlib" / "data" / "lexicons"


def cats(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in find_cues(text):
        out.setdefault(c.category, []).append(c.text)
    return out


# -- positive cases, one a category -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "word"),
    [
        ("The striker slammed the referee after the match.", "loaded_language", "slammed"),
        ("The storm was a devastating blow to the harbour.", "loaded_language", "devastating"),
        ("The council will likely approve the plan next week.", "hedge", "likely"),
        ("The player reportedly asked to leave the club.", "hedge", "reportedly"),
        ("Critics say the budget ignores the suburbs.", "vague_source", "Critics"),
        ("Sources close to the club said the fee was agreed.", "vague_source", "Sources close to"),
        ("The new stadium is arguably the best in the region.", "opinion", "arguably"),
        ("Let's be real, nobody wants higher parking fees.", "opinion", "Let's be real"),
        ("The mayor might aim to win votes in the suburbs.", "motive_guessing", "might aim to"),
        ("The company seeks to leverage the crisis for profit.", "motive_guessing", "seeks to leverage"),
        ("Share your thoughts in the comments below.", "engagement_bait", "Share your thoughts in the comments below"),
        ("Stay informed about the trial results.", "engagement_bait", "Stay informed"),
    ],
)
def test_each_category_fires_on_plain_sentences(text, category, word):
    found = cats(text)
    assert word in found.get(category, []), found


def test_first_second_person_questions_and_exclamations_are_opinion():
    found = find_cues("We think the vaccine works. Do you trust the trial? What a result!")
    rules = {c.rule for c in found}
    assert {"rule: first person", "rule: second person", "rule: rhetorical question", "rule: exclamation"} <= rules
    assert all(c.category == "opinion" for c in found)


def test_headline_framing_only_when_asked_for_or_in_an_article():
    text = "Is This the Most Shocking Vote of the Year?\n\nThe council met on Monday."
    assert "headline_framing" not in cats(text)
    heads = [c for c in find_cues(text, headline=True) if c.category == "headline_framing"]
    assert {c.rule for c in heads} >= {"rule: question headline", "headline.txt: shock*"}
    article = load_article(FIXTURES / "bias-football-transfer.txt")
    assert any(c.category == "headline_framing" and c.text == "?" for c in find_cues(article))


# -- the cases a naive rule gets wrong -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_category"),
    [
        ("The council could not agree on a plan for the library.", "hedge"),  # inability, not a hedge
        ("The library will reopen in May after repairs.", "hedge"),  # the month
        ("The mayor wants the bus lane finished as soon as possible.", "hedge"),  # set phrase
        ('The mayor said the budget would "likely" allow more hires.', "hedge"),  # the mayor's word, quoted
        ("The mayor said the plan might fail without new drivers.", "hedge"),  # reported speech
        ("Critics including Councillor Raj Patel argued against the fees.", "vague_source"),  # named group
        ("Experts at the Lindqvist Institute said the trial was sound.", "vague_source"),  # named group
        ("A flood damaged 120 homes along the river in 2024.", "loaded_language"),  # literal flood
        ("The patient was admitted to hospital on Friday.", "loaded_language"),
        ("The two towns dispute claims to the island.", "loaded_language"),
        ("The hardest part of the season lies ahead.", "loaded_language"),
        ("The Titan rocket launched from the coast on Monday.", "loaded_language"),  # a name
        ("World War I ended in 1918.", "opinion"),  # a numeral, not "I"
        ("The US and the UK signed the treaty.", "opinion"),  # the country, not "us"
        ("Analysts cannot say what stakeholders must consider next.", "opinion"),  # described, not prescribed
    ],
)
def test_context_rules_keep_naive_flags_out(text, not_category):
    found = cats(text)
    assert not_category not in found, found


def test_quoted_and_reported_cues_are_the_speakers_but_distancing_stays_the_writers():
    found = cats("The club confirmed the offer, an offer reportedly worth 90 million euros.")
    assert found.get("hedge") == ["reportedly"]
    assert "loaded_language" not in cats('The coach called it "a disaster" and left.')


def test_spans_index_the_original_text_and_every_cue_is_explained():
    corpus = load_corpus()
    seen: set[str] = set()
    for article in corpus:
        for c in find_cues(article):
            assert article.text[c.start : c.end] == c.text
            assert c.category in CATEGORIES
            assert c.explanation.strip().endswith((".", "?", "!"))
            assert c.rule
            assert not any(s.start <= c.start < s.end for s in article.chrome)
            seen.add(c.category)
    assert seen == set(CATEGORIES)


def test_find_cues_is_deterministic():
    article = load_article(FIXTURES / "bias-football-transfer.txt")
    assert find_cues(article) == find_cues(article)
    assert [c.start for c in find_cues(article)] == sorted(c.start for c in find_cues(article))


def test_neutral_alternatives_exist_for_loaded_words():
    found = [c for c in find_cues("The striker slammed the referee after a disastrous match.") if c.alternative]
    assert {c.text: c.alternative for c in found} == {"slammed": "criticised", "disastrous": "harmful"}


def test_a_plain_news_article_has_almost_no_cues():
    for name in ("bias-council-budget.txt", "bias-flood-report.txt"):
        assert find_cues(load_article(FIXTURES / name)) == []
    steered = load_article(FIXTURES / "bias-football-transfer.txt")
    assert len({c.category for c in find_cues(steered)}) == len(CATEGORIES)


# -- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The council approved a budget of 412 million euros on Tuesday.", FACT),
        ("Finance Director Ana Lindqvist said the bus service lost money.", ATTRIBUTED),
        ("Sources close to the club say the deal is done.", ATTRIBUTED),
        ("Undeniably, losing the striker would hurt the club.", OPINION),
        ("The fee may rise before the window closes.", SPECULATION),
        ("The bid might be an attempt to distract the fans.", SPECULATION),
    ],
)
def test_classify_sentence(text, label):
    result = classify_sentence(text)
    assert result.label == label, result
    assert result.reason
    if label in (OPINION, SPECULATION):
        assert result.cues


# -- word lists ------------------------------------------------------------------------------


def test_every_word_list_cites_what_inspired_it_and_parses():
    files = sorted(LEXICONS.iterdir())
    assert len(files) >= 8
    for f in files:
        header = [ln for ln in f.read_text(encoding="utf-8").splitlines()[:8] if ln.startswith("#")]
        assert header and "quizlib" in " ".join(header), f.name
        entries = lexicon(f.name).entries
        assert entries, f.name
        assert all(e.pattern.pattern == e.regex for e in entries), f.name  # every entry compiles (on first use)
    cited = " ".join(f.read_text(encoding="utf-8") for f in files)
    for source in ("Hyland", "Words to watch", "Recasens"):
        assert source in cited


def test_cue_profile_counts_per_hundred_words():
    corpus = load_corpus(sorted(FIXTURES.glob("bias-*.txt")))
    frame = cue_profile(corpus)
    assert list(frame.columns) == ["article", "words", *CATEGORIES]
    row = frame.set_index("article").loc["bias-football-transfer"]
    article = corpus["bias-football-transfer"]
    hedges = sum(c.category == "hedge" for c in find_cues(article))
    assert row["hedge"] == pytest.approx(100 * hedges / article.words, abs=0.01)
    assert frame.set_index("article").loc["bias-council-budget", list(CATEGORIES)].sum() == 0


def test_import_stays_light():
    code = "import sys, quizlib.cues; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- the command -----------------------------------------------------------------------------


def test_cues_command_json_lines(capsys):
    path = FIXTURES / "bias-football-transfer.txt"
    assert main(["cues", str(path), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(ln) for ln in lines]
    text = path.read_text(encoding="utf-8")
    assert len(records) == len(find_cues(load_article(path)))
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert set(r) >= {"category", "rule", "explanation", "alternative"}


def test_cues_command_marks_text_with_and_without_colour(capsys):
    path = FIXTURES / "bias-football-transfer.txt"
    assert main(["cues", str(path), "--color", "never"]) == 0
    plain = capsys.readouterr().out
    assert "[LOADED staggering]" in plain and "\033[" not in plain
    assert main(["cues", str(path), "--color", "always"]) == 0
    assert "\033[" in capsys.readouterr().out


def test_cues_command_bad_file(capsys, tmp_path):
    assert main(["cues", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "no such file" in err


# -- the benchmark script (on an invented file in the same format, never the shared data) ----

HEADER = "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"


def run_eval(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bias_eval.py"), "--data", str(path)], capture_output=True, text=True
    )


def test_bias_eval_scores_a_small_file(tmp_path):
    rows = [
        "The striker slammed the referee.;;;sport;;Biased;Expresses writer’s opinion;['slammed']",
        "The council met on Monday.;;;city;;Non-biased;Entirely factual;[]",
        "A disastrous budget passed.;;;city;;Biased;Expresses writer’s opinion;['budget']",
        "The bridge opened in 2020.;;;city;;Non-biased;Entirely factual;[]",
    ]
    data = tmp_path / "labels.csv"
    data.write_text("\ufeff" + HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = run_eval(data)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    word = report["all"]["word"]
    # flags: slammed (right), disastrous (wrong); marked: slammed, budget
    assert (word["precision"], word["recall"]) == (0.5, 0.5)
    assert report["all"]["sentence_bias_macro_f1"] == 1.0
    assert report["all"]["opinion_vs_fact_macro_f1"] == 1.0
    assert set(report) >= {"dev", "held_out", "targets"}


def test_bias_eval_says_when_data_is_missing_or_malformed(tmp_path):
    result = run_eval(tmp_path / "absent.csv")
    assert result.returncode == 2 and "not found" in result.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    result = run_eval(bad)
    assert result.returncode == 2 and "missing columns" in result.stderr


def test_cues_command_does_not_pass_escape_sequences_to_the_terminal(capsys, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("Council Meets on Monday\n\nThe \x1b[2J council slammed the \x1b]0;x\x07 plan.\n", encoding="utf-8")
    assert main(["cues", str(path), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[2J" not in out and "\x1b]" not in out and "\x07" not in out
    assert "slammed" in out


# -- issue 4: broader loaded list, inflections by rule, literal senses, negation ---------------


@pytest.mark.parametrize(
    ("text", "word", "alternative"),
    [
        ("The union lambasted the ferry company over the fares.", "lambasted", "criticised"),
        ("The coach keeps lambasting the referees.", "lambasting", "criticising"),
        ("The mayor snubbed the harbour festival this year.", "snubbed", "declined"),
        ("The striker brags about his goals every week.", "brags", "says"),
        ("The club ripped into the league over the fixture list.", "ripped into", "criticised"),
        ("The council's plan was shamelessly rushed through.", "shamelessly", None),  # -ly of "shameless"
        ("Ticket prices skyrocketed before the final.", "skyrocketed", "rose sharply"),
        ("The report kept belittling the volunteers.", "belittling", "criticising"),  # e dropped
        ("The union decried the cuts to the ferry.", "decried", "criticised"),  # y -> ied
    ],
)
def test_inflections_of_listed_words_are_found_by_rule(text, word, alternative):
    loaded = [c for c in find_cues(text) if c.category == "loaded_language"]
    assert [c.text for c in loaded] == [word]
    assert loaded[0].alternative == alternative  # the neutral word in the same form, none for an -ly adverb


def test_inflection_rule_spelling():
    from quizlib.cues import inflect_like, inflections

    assert set(inflections("slam")) >= {"slams", "slammed", "slamming"} and "slamed" not in inflections("slam")
    assert set(inflections("vilify")) >= {"vilifies", "vilified", "vilifying"}
    assert set(inflections("bemoan")) >= {"bemoans", "bemoaned", "bemoaning"}
    assert "chaotically" in inflections("chaotic") and "laughably" in inflections("laughable")
    assert inflect_like("say", "boast", "boasted") == "said"
    assert inflect_like("powerful figure", "titan", "titans") == "powerful figures"


@pytest.mark.parametrize(
    "text",
    [
        "A delivery truck slammed into the bus shelter on Main Street.",  # into: a collision
        "Strong winds hammered the harbour wall overnight.",  # weather
        "Artillery shells ripped through the roof of the school.",  # weapons
        "The storm crippled the ferry service for three days.",  # weather, literal
        "Missiles torched two fuel depots near the port.",  # fighting: literal, not loaded
        "The fire gutted the old cinema on Friday.",
    ],
)
def test_literal_physical_senses_are_not_loaded(text):
    assert "loaded_language" not in cats(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The mayor hammered the council over the bus fares.", "hammered"),
        ("The report crippled the minister's plan for the harbour.", "crippled"),
        ("The opposition torched the budget in a long speech.", "torched"),
        ("The senator shredded the House proposal on Wednesday.", "shredded"),  # "House" is a name, not a building
        ("The columnist spewed against the council all week.", "spewed"),  # "against" a person: words
    ],
)
def test_the_same_words_used_about_words_and_plans_are_loaded(text, word):
    assert cats(text).get("loaded_language") == [word]


@pytest.mark.parametrize(
    ("text", "loaded"),
    [
        ("The new budget is not a disaster for the libraries.", None),
        ("The coach was never arrogant with the young players.", None),
        ("The referee's decision was not so outrageous after all.", None),
        ("The plan is not only reckless but also shameless.", ["reckless", "shameless"]),  # "not only" adds
        ("The mayor's reckless plan failed.", ["reckless"]),
    ],
)
def test_negated_loaded_words_are_not_the_writers_judgement(text, loaded):
    assert cats(text).get("loaded_language") == loaded


@pytest.mark.parametrize(
    "text",
    [
        'The trainer called the transfer "a shameless cash grab" in an interview.',  # quoted
        "The coach said the referees were clueless and arrogant.",  # reported speech
    ],
)
def test_new_loaded_words_in_quotes_or_reported_speech_belong_to_the_speaker(text):
    assert "loaded_language" not in cats(text)


def test_the_united_states_is_a_name_not_a_verb_of_saying():
    """'States' read as the verb 'states' made every sentence naming the country an attributed claim."""
    assert classify_sentence("The United States and Canada signed the fisheries treaty in 1923.").label == FACT
    assert classify_sentence("The minister states that the treaty is fair.").label == ATTRIBUTED


def test_every_loaded_entry_is_unique_and_none_is_a_literal_war_or_weather_word():
    entries = [e.entry.lower() for e in lexicon("loaded.tsv").entries]
    assert len(entries) > 600
    literal = {"attack", "strike", "invasion", "bomb", "flood", "storm", "crisis", "critical", "killed", "war"}
    assert not literal & set(entries)


@pytest.mark.parametrize(
    "text",
    [
        "The coach praised his players as courageous and tireless.",
        "The senator dismissed the report as a hit piece.",
        "Villagers who fled described a chilling scene at the harbour.",
    ],
)
def test_words_after_praised_dismissed_described_are_the_speakers(text):
    assert "loaded_language" not in cats(text)


def test_a_literal_earthquake_is_not_loaded_language():
    assert "loaded_language" not in cats("The children were frightened during the earthquake on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "In spite of the rain, the match went ahead.",  # a preposition, not "spite"
        "The hotel boasts a rooftop pool and a gym.",  # "boasts" = has
        "Ticket touts were arrested outside the stadium.",
        "The council has an outstanding debt of 4 million euros.",  # unpaid, not praise
        "The negotiators hammered out a deal on Friday.",  # an idiom for agreeing
        "Ultra-processed food was linked to the illness in the trial.",
        "The oppressive heat closed two schools on Monday.",  # weather
        "Scientists hope to unravel how the virus enters the cell.",
    ],
)
def test_words_with_a_common_neutral_sense_are_not_listed_or_are_read_in_context(text):
    assert "loaded_language" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police found explosives in a parked car.",  # the plural of "explosive" is a thing
        "Floods and other natural disasters cost the region 2 billion euros.",
        "Houses on the fringes of the town were flooded.",
    ],
)
def test_inflected_forms_with_a_literal_sense_are_not_loaded(text):
    assert "loaded_language" not in cats(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Heavy rain has flooded three states this week, and the harbour road is closed.", FACT),
        ("Many states now ban the sale of fireworks to anyone under 18.", FACT),
        ("The council met as fears of a second flood grew in the valley on Tuesday.", FACT),
        ("If confirmed, the new coach will start work in the 2026 season.", FACT),
        ("The mayor states that the new bridge will open in 2026.", ATTRIBUTED),
    ],
)
def test_attribution_verbs_that_are_also_nouns_are_no_speech(text, label):
    """Issue 4: "three states", "as fears grew", "If confirmed" were read as reported speech, so
    the writer's own words after them were left out and the sentence counted as attributed."""
    assert classify_sentence(text).label == label


def test_a_death_toll_is_no_doubted_claim():
    """A death toll ("claiming 24 lives") is no doubted statement ("claimed the vote was rigged")."""
    toll = "The wildfires have burned for a week, claiming 24 lives in the hill towns."
    assert not [c for c in find_cues(toll) if c.category == "loaded_language"]
    assert classify_sentence(toll).label == FACT
    said = "The candidate claimed the count in the hill towns was wrong."
    assert [c.text for c in find_cues(said) if c.category == "loaded_language"] == ["claimed"]


def test_call_to_action_explanation_fits_every_call():
    """Fifth walkthrough: "Follow reputable news sources" was explained as "asks you to react or stay on the
    site", which did not fit a call that sends you elsewhere."""
    text = "Follow reputable news sources for updates on the bridge."
    bait = [c for c in find_cues(text) if c.category == "engagement_bait"]
    assert bait and "follow" in bait[0].explanation


@pytest.mark.parametrize(
    "text",
    [
        "The tanker spill left toxic chemicals along the river bank.",
        "Waves have eroded the coastline north of the harbour.",
        "A harsh winter closed the mountain pass for a month.",
        "Engineers dismantled the damaged bridge on Sunday.",
        "The bushfire rages on near the town.",
    ],
)
def test_fifth_round_words_with_a_physical_sense_are_literal_there(text):
    assert "loaded_language" not in cats(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The senator's toxic politics divide the town.", "toxic"),
        ("The long dispute has eroded trust in the council.", "eroded"),
        ("The council's plan drew harsh criticism from parents.", "harsh"),
        ("The mayor wants to dismantle the housing agency.", "dismantle"),
    ],
)
def test_fifth_round_words_used_about_people_and_plans_are_loaded(text, word):
    assert cats(text).get("loaded_language") == [word]


def test_a_title_case_line_keeps_its_loaded_words_but_a_name_stays_a_name():
    assert cats("Six Awful Ideas The Council Blocked From The Budget").get("loaded_language") == ["Awful"]
    assert "loaded_language" not in cats("The Titan rocket left the launch pad at noon.")


@pytest.mark.parametrize(
    ("text", "loaded"),
    [
        ("Parents blamed the council for what they see as a debacle at the pool.", None),  # their view
        ("The union attacked what it called a shameless cash grab.", None),
        ("What we saw on Friday was a disaster for the club.", ["disaster"]),  # seeing, no view reported
        ("In what will surely be viewed as a debacle, the club sold its ground.", ["debacle"]),  # no subject
    ],
)
def test_what_someone_sees_as_or_calls_is_their_view(text, loaded):
    assert cats(text).get("loaded_language") == loaded


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers filled sandbags along the river on Sunday.",
        "The film gets a theatrical release in May.",
        "The school started a programme against bullying in 2024.",
        "Health workers hope to eradicate polio in the region.",
        "The club threw a birthday bash for its oldest member.",
        "The referee called a flagrant foul in the last minute.",
        "A rabid dog bit two children near the market.",
        "Inflammatory bowel disease affects about 7 million people.",
        "The fire burned out of control for two days.",
        "The lorry lurched forward when the driver braked.",
        "Volunteers handed out fleece jackets at the shelter.",
    ],
)
def test_fifth_round_plain_senses_are_not_loaded(text):
    assert "loaded_language" not in cats(text)


@pytest.mark.parametrize(
    ("text", "loaded"),
    [
        ("Critics say the new stadium is a white elephant and a disaster.", None),  # the critics' words
        ("It is fair to say the new stadium is a disaster.", ["disaster"]),
        ("Residents want a say in the plan, which is a disaster.", ["disaster"]),
        ("A town of, say, 500 people would be devastated by the closure.", ["devastated"]),
    ],
)
def test_words_after_say_are_the_speakers(text, loaded):
    assert cats(text).get("loaded_language") == loaded


@pytest.mark.parametrize(
    ("text", "loaded"),
    [
        ("The coach has denied the false claims spewed against him by rival fans.", ["spewed"]),  # a noun
        ("Parents stayed away out of fear that the shameless owners would close the pool.", ["shameless"]),
        ("The owner claims the shameless critics want the pool closed.", None),  # a verb: the owner's words
    ],
)
def test_claims_and_fear_after_an_adjective_or_preposition_are_nouns(text, loaded):
    assert cats(text).get("loaded_language") == loaded


def test_words_removed_for_a_neutral_or_clinical_sense_stay_out():
    entries = {e.entry.lower() for e in lexicon("loaded.tsv").entries}
    removed = {"delusional", "paranoid", "paranoia", "insanity", "narcissistic", "narcissism", "stellar", "full-blown"}
    removed |= {"hyperbolic", "tarred", "rage", "rabid", "vermin", "bloated", "spite", "outstanding", "carp"}
    removed |= {"bedwetting", "bedwetter", "maul", "mauled"}
    assert not removed & entries


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("Each visitor may bring up to two items to the repair café.", False),
        ("Residents may apply for a grant until the end of June.", False),
        ("Members may not bring guests on Fridays.", False),
        ("The storm may bring heavy rain to the coast on Sunday.", True),
        ("Customers may notice delays on the line this week.", True),
        ("Residents may be affected by the closure of the bridge.", True),
        ("Officials may take a decision next week.", True),
        # held-out set 34: what an official is empowered to do with anyone is no doubt
        ("Checks by officers, who may refer any passenger to a manual counter, continue.", False),
        ("Stewards may search bags at the gate.", False),
        ("The regulator may fine the firm next year.", True),
        # held-out set 35: a right that varies with a condition, what policyholders and anyone may do
        ("Today, depending on where she lives, she may have a right to an explanation.", False),
        ("Policyholders may continue to pay premiums during the grace period.", False),
        ("Anyone who suspects fraud may report it to the fraud line.", False),
        ("People who live near the river may see flooding this week.", True),
        # held-out set 36: what a release allows companies to do
        ("Shipping companies may request a security briefing from the ministry free of charge.", False),
        ("Companies may face higher costs next year.", True),
    ],
)
def test_may_of_permission_is_no_hedge(sentence, hedged):
    """Instructor walkthrough: "Each visitor may bring up to two items." was a mark-the-hedges key. A rule
    of what people may do is no doubt; a possibility stays a hedge."""
    assert any(c.category == "hedge" and c.text == "may" for c in find_cues(sentence)) == hedged


def test_hyphenated_entries_inflect_their_last_part():
    """Held-out review: "the council rubber-stamps it" went unflagged; the list has "rubber-stamp"."""
    assert inflections("rubber-stamp")[:4] == ("rubber-stamp", "rubber-stamps", "rubber-stamped", "rubber-stamping")
    found = [
        c.text for c in find_cues("Then the council rubber-stamps it on the 9th.") if c.category == "loaded_language"
    ]
    assert found == ["rubber-stamps"]


def test_disaster_in_the_name_of_relief_money_is_literal():
    """Held-out set 35: "canceling unspent disaster money" was rewritten as "unspent failure money"."""
    assert "loaded_language" not in cats("The bill is paid for by canceling unspent disaster money.")
    assert cats("The launch was a disaster for the company.").get("loaded_language") == ["disaster"]


def test_what_the_law_leaves_open_is_no_hedge():
    """Held-out set 36: "Either side could in theory start proceedings at the tribunal" keyed the writer's guess."""
    assert "hedge" not in cats("Either side could in theory start proceedings at the tribunal in Hamburg.")
    assert cats("Either side could start proceedings at the tribunal next year.").get("hedge") == ["could"]


def test_a_star_of_the_screen_is_no_physical_scene():
    """Held-out set 38: "Trolls slammed the star over her lavish lifestyle" lost "slammed" to the literal-sense rule,
    which read the celebrity as a star in the sky."""
    assert "slammed" in cats("Trolls slammed the star over her lavish lifestyle.")["loaded_language"]
    assert "loaded_language" not in cats("The comet slammed into the star at great speed.")


def test_polite_advice_and_a_denied_word_set_sixth_review():
    """Held-out set 37: "may wish to see their GP" keyed a hedge, "None of this means … are useless" a loaded
    word; set 38: "some fans clearly think" is an unnamed source."""
    assert "hedge" not in cats("Anyone with symptoms may wish to see their GP and should mention this alert.")
    assert "loaded_language" not in cats("None of this means ambient scribes are useless.")
    assert cats("Some fans clearly think the timing of the video was no accident.").get("vague_source")


def test_may_the_month_at_the_head_of_a_timeline_entry_is_no_hedge():
    """Held-out set 40: "May 2025 – The trust commissions a second review" keyed the writer's guess."""
    assert "hedge" not in cats("May 2025 – The trust commissions a second independent review of the ferry.")
    assert "hedge" not in cats("May 14 – The harbour board votes to raise fares.")
    assert cats("The board may raise fares in 2025.").get("hedge") == ["may"]


def test_a_suggestion_put_as_a_question_and_a_ruled_out_possible_are_no_hedges():
    """Held-out set 40: the coverage count took "could the surgery not hold back …?" and "that is simply not
    possible" for hedges."""
    assert "hedge" not in cats("In the meantime, could the surgery not hold back a few appointments each morning?")
    assert "hedge" not in cats("For many families in the villages that is simply not possible.")
    assert cats("It is possible that ferry fares rise again next year.").get("hedge")
    # a speculative question keeps its hedge (a seed's "… or could it exacerbate existing tensions?")
    assert cats("Will the talks bring a deal, or could they make things worse?").get("hedge") == ["could"]


def test_past_ability_and_a_currency_are_no_cues():
    """Held-out set 42: "For most of the last century, people in Grelsk could tell the time by the trains" keyed a
    guess; set 41: "the Kenyan shilling was little changed" was rewritten as "the Kenyan promoting"."""
    assert "hedge" not in cats("For most of the last century, people in Grelsk could tell the time by the trains.")
    assert cats("The trains could stop running next year.").get("hedge") == ["could"]
    assert "loaded_language" not in cats("Shares rose 4.2%, while the Kenyan shilling was little changed.")
    assert cats("The senator has been shilling for the developers all year.").get("loaded_language") == ["shilling"]


def test_could_at_least_recommends():
    """Held-out set 44: "it could at least put a credible payment schedule on the table" keyed a guess."""
    assert "hedge" not in cats("If the port wants the ferry back, it could at least put a fare schedule on the table.")
    assert cats("The port could put a fare schedule on the table next week.").get("hedge") == ["could"]


def test_a_rule_s_may_in_a_how_long_clause_and_bellowing_cattle_are_no_cues():
    """Held-out set 43: "to agree the rules for the reserve, including how long beans may be stored" keyed a guess;
    "cattle bellowing in the crates" keyed a loaded word."""
    assert "hedge" not in cats("Teams meet in May to agree the rules, including how long beans may be stored.")
    assert "loaded_language" not in cats("The yard is a wall of noise, with cattle bellowing in the crates.")
    assert cats("The minister bellowed at reporters outside the court.").get("loaded_language") == ["bellowed"]


@pytest.mark.parametrize(
    ("sentence", "category", "found"),
    [
        # held-out set 45: a permission to exporters; "quietly shelved" insinuates
        ("Exporters who are not yet registered may apply to the national registry.", "hedge", False),
        ("The coalition denounced the deal, and it was quietly shelved.", "loaded_language", True),
        ("She spoke quietly to the court on Monday.", "loaded_language", False),
        # held-out set 46: a naming rule's "may", a grant's "must be matched", a lower bound
        ("The grape is unaffected and may be sold under its other name, glera.", "hedge", False),
        ("Grants of up to $150,000 must be matched dollar for dollar.", "opinion", False),
        ("The earliest the deal could take effect is mid-2027.", "hedge", False),
        ("The company may be sold next year.", "hedge", True),
    ],
)
def test_sixth_session_modal_and_loaded_contexts(sentence, category, found):
    assert (category in cats(sentence)) == found


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 48: a regulator's permission after a long "who" clause, a procedure's options beside its rule
        (
            "Exporters who have ordered kilns but will not have them operating by September 1 may apply for approval.",
            False,
        ),
        ("Forms may be dropped off in person or mailed, but must arrive by the deadline.", False),
        ("Prices may be raised again next year.", True),
    ],
)
def test_seventh_session_permissions(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 49: the most a rule allows, an exemption, a rule's other choice
        ("An infringement fee may be up to NZ$1,500 for an individual skipper.", False),
        ("On conviction, fines could reach NZ$30,000 for an individual and NZ$150,000 for a company.", False),
        ("Emergency and pilot vessels may exceed the limit when operating on duty.", False),
        ("Recipients must pay within 28 days or may ask for a court hearing.", False),
        ("Passengers with questions may call the ferry hotline on 0800 555 0100.", False),
        # held-out set 50: what an article will cover; advice to someone on what they want
        ("Our correspondent looks at the history, the motives and what might come next.", False),
        ("If the mayor wants to be remembered for the ferry, he might consider publishing the contract.", False),
        # the same words making a claim stay hedges
        ("Fares may be up to 10% higher next year.", True),
        ("Winds could reach 80 km/h on the crossing on Friday.", True),
        ("What may be new is the council's willingness to pay for it.", True),
        ("The two clubs meet on Saturday, in what could be a winner-takes-all decider.", True),
        ("If the talks fail, the ferry might stop running in June.", True),
    ],
)
def test_eighth_session_rules_and_open_questions_are_no_hedges(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


def test_may_want_to_is_advice_not_a_motive_guess():
    """Held-out set 49: "ministers may want to find one" and "you may want to treat 10 knots as a habit" keyed motive
    guesses; "might aim to" stays one."""
    assert "motive_guessing" not in cats("Before the season starts, ministers may want to find one.")
    assert "hedge" not in cats("If you cross often, you may want to treat 10 knots as a habit.")
    assert cats("The operator might aim to squeeze out its smaller rival.").get("motive_guessing") == ["might aim to"]


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 52: an eligibility rule, a rule's power to tow after a fine
        ("Babies aged six to 11 months who live on the island may receive an early dose of the vaccine.", False),
        ("Cars left on the ferry ramp will be ticketed $90 and may be towed at the owner's expense.", False),
        # the same verbs as guesses
        ("The storm may bring down power lines across the island.", True),
        ("The harbour master may be prosecuted over the crash, the paper understands.", True),
    ],
)
def test_fifty_second_set_rules(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


def test_a_way_of_making_criticism_sound_reckless_guesses_a_motive():
    """Held-out set 52: "But it is arguably also a way of making any criticism sound reckless" keyed an opinion."""
    assert "motive_guessing" in cats(
        "But it is arguably also a way of making any criticism of the ferry sound reckless."
    )
    assert "motive_guessing" not in cats("The ferry is a way of life for the islanders.")


@pytest.mark.parametrize(
    ("sentence", "category", "found"),
    [
        # held-out set 55: a deadline a rule sets, an expectation, a professional's step, hypothetical items
        ("Pharmacies must stop dispensing the tablets by May 1st.", "opinion", False),
        ("The council must act on the ferry before May.", "opinion", True),
        ("Ordinary phone calls and mobile data should be largely unaffected.", "opinion", False),
        ("The government should be ashamed of the ferry timetable.", "opinion", True),
        (
            "If you take the tablets daily, your pharmacist may discuss the change with your prescriber first.",
            "hedge",
            False,
        ),
        ("The agency will keep working on any further products that may be identified.", "hedge", False),
        # held-out set 57: a permission to supporters; a side's camp is an unnamed source
        ("Supporters who wish to send messages may do so by post to the address below.", "hedge", False),
        ("Ashworth's camp wants a hearing by the end of June.", "vague_source", True),
    ],
)
def test_fifty_fifth_to_seventh_set_cues(sentence, category, found):
    assert (category in cats(sentence)) == found


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 58: what families may send, what may be sent only with a letter
        ("Families may send written messages to detained relatives through the Red Cross.", False),
        ("Medicines may be sent only with a doctor's letter, translated into English.", False),
        ("The storm may send waves over the harbour wall tonight.", True),
    ],
)
def test_fifty_eighth_set_permissions(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


@pytest.mark.parametrize(
    ("sentence", "category", "found"),
    [
        # held-out set 61: a dated review a law requires; a hidden motive claimed
        ("The skipper's detention must be reviewed again by 31 July.", "opinion", False),
        ("The ferry ban was arguably never about safety at all.", "motive_guessing", True),
        ("The meeting was not about the ferry.", "motive_guessing", False),
        ("The ferry company must be held to account.", "opinion", True),
    ],
)
def test_sixty_first_set_cues(sentence, category, found):
    assert (category in cats(sentence)) == found


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # held-out set 71: a deadline a thing must meet is checkable; a demand reported with "objected that" is theirs
        ("The probe is running low on fuel and must be moved to a higher orbit by around March.", "fact claim"),
        ("The old footbridge must be taken down for repairs before the end of May.", "fact claim"),
        ("The union objected that the new rota should be dropped for night staff.", "attributed claim"),
        ("Growers protested that the levy should be paid by the supermarkets instead.", "attributed claim"),
        ("Ministers must be held to account before the election.", "opinion"),
        ("The ferry company must be held to account.", "opinion"),
    ],
)
def test_seventy_first_set_labels(sentence, label):
    assert classify_sentence(sentence).label == label


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 72: a sanction a law sets is no doubt; a guess at what a court will do stays a hedge
        (
            "Traders found selling unmarked honey will lose their licences and may be prosecuted under the "
            "Food Labelling Regulations, 2023.",
            False,
        ),
        ("The traders may be prosecuted once the inquiry ends.", True),
    ],
)
def test_seventy_second_set_penalties(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 72: a decree's ban with a date is no doubt; a delivery that may slip stays a hedge
        (
            "The harvest of green tea in the north may not begin before May 10, a measure meant to protect the leaves.",
            False,
        ),
        ("Under the decree, fishing may not start until 1 March.", False),
        ("The new ferry may not arrive before June.", True),
    ],
)
def test_seventy_second_set_bans(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


@pytest.mark.parametrize(
    ("sentence", "loaded"),
    [
        # held-out sets 73, 74: a vanity unit on a refurbishment bill; a sum claimed in a dispute
        ("The bill covered new cupboards, a vanity, tiles and paint in the bathroom.", False),
        ("The new stadium is a vanity project for the mayor.", True),
        ("The contractor has claimed $4.2 million from the council over the delays.", False),
        ("The council claimed the delays were the contractor's fault.", True),
    ],
)
def test_seventy_third_and_fourth_set_words(sentence, loaded):
    assert ("loaded_language" in cats(sentence)) == loaded


def test_a_fiasco_is_rewritten_without_another_verdict():
    """Held-out set 76: the neutral rewrite of "fiasco" was "failure", itself a verdict."""
    cue = next(c for c in find_cues("The Harbour Line fiasco was not caused by the storm.") if c.text == "fiasco")
    assert cue.alternative == "episode"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # held-out set 78: "by Unity's own reckoning" gives the figure a source
        ("The tax cut costs $1.4 billion by the Harbour Party's own reckoning.", "attributed claim"),
        ("The ferry was pushed off course by the storm's force.", "fact claim"),
    ],
)
def test_seventy_eighth_set_reckoning(sentence, label):
    assert classify_sentence(sentence).label == label


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # held-out set 79: a sanction the law sets, however many words before the fine
        (
            "Misuse of the permit, such as lending it out, may lead to removal and a fine under the Harbour Act.",
            False,
        ),
        ("The storm may lead to flooding under the old bridge.", True),
    ],
)
def test_seventy_ninth_set_sanctions(sentence, hedged):
    assert ("hedge" in cats(sentence)) == hedged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out set 81: what a breach brings is no doubt; a row that may lead somewhere stays a hedge
        ("Parking on the verge is an offence and may lead to removal of the vehicle.", "hedge", False),
        ("The row may lead to suspension of the talks.", "hedge", True),
        # held-out set 83: a question someone will not answer is no doubt of the writer's
        ("The club declined to comment on which players might leave in January.", "hedge", False),
        ("Some players might leave in January.", "hedge", True),
        # held-out set 82: a condition's quota, changed since it was proposed; a columnist's demand stays opinion
        ("At least a third of the flats must be for rent, down from half in the first plan.", "opinion", False),
        ("At least half of the board must be women.", "opinion", True),
    ],
)
def test_eighty_first_to_third_sets_rules_and_open_questions(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out set 85: how vague someone's words are, said flatly; a real doubt stays a hedge
        ("That is an answer that could mean anything.", "hedge", False),
        ("The answer could mean a delay.", "hedge", True),
        # held-out set 86: what a rule asks of everything that does something; a demand stays an opinion
        ("Timber leaving the forest must be stacked, dried and stamped.", "opinion", False),
        ("Politicians ignoring the report must be stopped.", "opinion", True),
        # held-out set 86: a kind of thing has no motive; a person's does
        ("A beetle does not care whether the tree is old.", "motive_guessing", False),
        ("The minister does not care whether the farmers survive.", "motive_guessing", True),
        # held-out set 88: a count still to come cites nobody
        ("The test is simple: how many people come back.", "vague_source", False),
        ("Many people say the plan is late.", "vague_source", True),
    ],
)
def test_eighty_fifth_to_eighth_sets_idioms_rules_and_kinds(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out set 91: what families are allowed to do is no doubt
        ("Families may pass letters and medicine through the consular team.", "hedge", False),
        # held-out sets 89 and 91: a story or a reputation nobody is named for
        ("There is a story doing the rounds that the deal is done.", "vague_source", True),
        ("The mediator has a reputation for patience.", "vague_source", True),
    ],
)
def test_eighty_ninth_to_ninety_second_sets_permissions_and_unnamed_sources(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out set 94: what was asked for is no loaded "claimed"; a reporting "claimed" stays loaded
        ("Keep records of guest nights, exemptions claimed and levy collected.", "loaded_language", False),
        ("The minister claimed the levy was fair.", "loaded_language", True),
        # held-out set 94: what providers are allowed to do is no doubt
        ("Providers may still ask for the levy on arrival.", "hedge", False),
    ],
)
def test_ninety_fourth_set_claims_and_permissions(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out sets 98 and 99: what people with a need may do, what suppliers may not do: rules, no doubt
        ("Candidates with a medical note may sit the test later.", "hedge", False),
        ("Landlords may not charge a fee for the switch.", "hedge", False),
        ("Prices may not fall this year.", "hedge", True),
        # held-out set 98: someone's view, reported; a claim that only seems stays hedged
        ("The course now seems to her the most useful thing she did.", "hedge", False),
        ("The plan seems to be failing.", "hedge", True),
        # held-out set 100: approval without a look
        ("The scheme was waved through in ten minutes.", "loaded_language", True),
    ],
)
def test_ninety_seventh_to_hundredth_sets_rules_views_and_idioms(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out sets 101 to 104: permissions a release grants, a territorial claim, a place booked
        ("From 1 May 2026, registered fishing vessels may land catches at two ports.", "hedge", False),
        ("Customers who hold a permit may continue to water gardens with a hosepipe.", "hedge", False),
        ("Applications may be made online or in person.", "hedge", False),
        ("The islands, claimed by both countries, lie to the north.", "loaded_language", False),
        ("The minister claimed the islands were empty.", "loaded_language", True),
        ("He checks every week that the advert is where it should be.", "opinion", False),
        ("Both governments shred their visa blacklists.", "loaded_language", True),
    ],
)
def test_hundred_and_first_to_fourth_sets_permissions_claims_and_places(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged


@pytest.mark.parametrize(
    ("sentence", "category", "flagged"),
    [
        # held-out sets 105 to 107: knowing a person is no common-knowledge claim; grants' uses and a rule's
        # sanction are no doubts
        ("It is a town where almost everyone knows somebody who worked the boats.", "opinion", False),
        ("Everyone knows the plan is late.", "opinion", True),
        ("Grants may be used for equipment and the first year of staffing.", "hedge", False),
        ("Trains that are not registered may be held until registration is completed.", "hedge", False),
        ("The talks may be held in Geneva.", "hedge", True),
    ],
)
def test_hundred_and_fifth_to_eighth_sets_people_known_grants_and_sanctions(sentence, category, flagged):
    assert (category in cats(sentence)) == flagged
