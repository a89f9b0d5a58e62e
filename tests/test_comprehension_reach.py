"""The comprehension forms that reach further into a text: when (the day, month or date of an event),
what a person called for or proposed (who_said), and true/false statements with one word turned into
its opposite. Each rule is tested on small invented articles and fails without the rule."""

from __future__ import annotations

import random
import re
from pathlib import Path

from quizlib import quality
from quizlib.articles import Corpus, load_corpus, parse_article
from quizlib.generators import all_generators, timing
from quizlib.generators import comprehension as comp
from quizlib.pipeline import generate

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
DAY = re.compile(rf"^(?:{'|'.join(timing.WEEKDAYS)})$")
DATE = re.compile(rf"^(?:{'|'.join(timing.MONTH_NAMES)}) \d{{1,2}}$")


def _corpus(*texts: str) -> Corpus:
    return Corpus(tuple(parse_article(t, f"a{i}") for i, t in enumerate(texts)))


def _text(title: str, *paragraphs: str) -> str:
    """A small invented article: headline, byline, an opening paragraph, then the paragraphs."""
    return (
        "\n\n".join([title, "By Kim Lee, Staff Reporter", "The story developed over the weekend.", *paragraphs]) + "\n"
    )


def _when(*paragraphs: str, seeds=range(3)):
    corpus = _corpus(_text("Harbour Town Plans Ahead", *paragraphs))
    return corpus, [q for s in seeds for q in timing.when(corpus, random.Random(s))]


# -- when -------------------------------------------------------------------------------------


def test_when_asks_the_day_among_days_with_evidence():
    corpus, qs = _when(
        "The harbour board approved the new ferry timetable on Tuesday after a short debate.",
        "Ticket prices for the island route stay the same for pensioners and students.",
    )
    assert qs
    for q in qs:
        assert q.kind == "when" and q.form == "single" and q.answer == ("Tuesday",)
        assert "_____" in q.prompt and "Tuesday" not in q.prompt
        assert len(q.options) == 4 and all(DAY.match(o) for o in q.options), q.options
        assert "Tuesday" in q.evidence[0].text and q.evidence[0].text in q.explanation
        assert quality.problem(q, corpus) is None


def test_when_dates_take_dates_of_the_article_first_written_the_same_way():
    _, qs = _when(
        "The new ferry timetable takes effect on July 1 across the whole island network.",
        "A public hearing on the cuts to the night crossings is planned for the town hall on March 4.",
    )
    keyed = [q for q in qs if q.answer == ("July 1",)]
    assert keyed
    for q in keyed:
        assert all(DATE.match(o) for o in q.options), q.options
        assert "March 4" in q.options  # the article's other date is the first distractor


def test_when_skips_a_sentence_with_two_times():
    _, qs = _when("The harbour board moved its vote on the ferry timetable from Monday to Thursday this year.")
    assert not qs


def test_when_skips_an_event_another_sentence_gives_another_time():
    _, qs = _when(
        "The harbour board will vote on the ferry timetable on Tuesday.",
        "Officials said the board could still vote on the timetable on Friday instead.",
    )
    assert not qs


def test_when_needs_a_preposition_before_the_month():
    """ "May" opening a sentence may be the month or nothing to do with time: only "in May" counts."""
    _, qs = _when("May brought heavy rain to the valley and the harbour wall was damaged by the storm.")
    assert not qs
    _, qs = _when("Heavy rain in May damaged the old harbour wall near the ferry terminal.")
    assert qs and all(q.answer == ("May",) for q in qs)


def test_when_items_on_an_invented_article_are_sound():
    corpus = load_corpus(FIXTURES / "kettle-recall.txt")
    bank = generate(corpus, seed=0, generators=[g for g in all_generators() if g.skill == "comprehension"])
    items = list(bank.filter(kind="when"))
    assert len(items) >= 2
    for q in items:
        assert quality.problem(q, corpus) is None
        assert q.answer[0] in q.evidence[0].text and len(set(q.options)) == 4


# -- who_said: what a person called for or proposed --------------------------------------------


def _who(*paragraphs: str, extra: tuple[str, ...] = ()):
    corpus = _corpus(_text("Kettle Maker Recalls Model", *paragraphs), *extra)
    return {q.prompt: q for s in range(3) for q in comp.who_said(corpus, random.Random(s))}


_PEOPLE = (
    "Chief executive Martin Oduya said every faulty kettle would be replaced.",
    "Quality manager Ingrid Solberg said the switch failed in tests.",
    "Retail analyst Joanna Pike said sales had dropped sharply.",
)


def test_who_said_reads_what_a_person_called_for():
    prompts = _who(
        *_PEOPLE, "Safety director Samuel Achterberg called for a review of the testing rules for suppliers."
    )
    asked = "According to the article, who called for a review of the testing rules for suppliers?"
    assert asked in prompts and prompts[asked].answer == ("Samuel Achterberg",), list(prompts)
    assert len(prompts[asked].options) >= 3


def test_who_said_reads_a_proposal_past_a_description_of_the_speaker():
    prompts = _who(
        *_PEOPLE,
        "Council member Priscilla Ngata, who chairs the safety committee, proposed a public register of faulty parts.",
    )
    asked = "According to the article, who proposed a public register of faulty parts?"
    assert asked in prompts and prompts[asked].answer == ("Priscilla Ngata",), list(prompts)


def test_who_said_skips_what_another_person_also_says():
    prompts = _who(
        *_PEOPLE,
        "Safety director Samuel Achterberg called for a review of the testing rules for suppliers.",
        "Union leader Ruth Kane said a review of the testing rules was long overdue.",
    )
    assert not [p for p in prompts if "called for" in p], list(prompts)


def test_who_said_skips_what_the_set_s_topic_person_called_for():
    """A person every article of a set names is the set's topic: what they want is known from the news."""
    base = ("Mayor Jane Doe opened the new bridge.", "Engineer Tom Hale inspected the deck.")
    prompts = _who(
        *_PEOPLE,
        "Mayor Jane Doe called for a second bridge over the river.",
        extra=(_text("Bridge Opens", *base), _text("Bridge Costs Rise", *base)),
    )
    assert not [p for p in prompts if "second bridge" in p], list(prompts)


# -- true/false: one word turned into its opposite ---------------------------------------------


def _opposite_items(*paragraphs: str):
    corpus = _corpus(_text("River Rises In Valley", *paragraphs))
    return [q for s in range(4) for q in comp.true_false(corpus, random.Random(s)) if "opposite" in q.tags]


def test_true_false_turns_one_word_into_its_opposite():
    qs = _opposite_items("Water levels along the old river road rose sharply during the night.")
    false = [q for q in qs if q.answer == ("False",)]
    true = [q for q in qs if q.answer == ("True",)]
    assert false and true
    assert "“Water levels along the old river road fell sharply during the night.”" in false[0].prompt
    assert "“rose”, not “fell”" in false[0].explanation
    assert "rose sharply" in true[0].prompt


def test_true_false_fixes_the_article_word_before_an_opposite():
    qs = _opposite_items("The water board reported an increase of rainfall across the upper valley last season.")
    assert any("a decrease of rainfall" in q.prompt for q in qs if q.answer == ("False",)), [q.prompt for q in qs]


def test_true_false_no_opposite_under_a_negation():
    """ "did not rise" -> "did not fall" could be true as well."""
    assert not _opposite_items("Water levels along the old river road did not rise during the night.")


def test_true_false_no_opposite_the_article_says_elsewhere():
    assert not _opposite_items(
        "Water levels along the old river road rose sharply during the night.",
        "By noon the water levels along the road fell back to normal.",
    )


def test_true_false_no_opposite_inside_a_quotation():
    assert not _opposite_items('The engineer described the water levels as "higher than ever" at the old bridge.')
