"""Other ways of writing a typed answer (audits of the cloze items found right answers marked wrong)."""

from __future__ import annotations

import random

import pytest

from quizlib.articles import Corpus, parse_article
from quizlib.generators import comprehension as comp
from quizlib.scoring import score
from quizlib.spellings import figure_spellings, name_spellings


def test_a_figure_may_be_written_another_way():
    assert "131.3" in figure_spellings("131.30")
    assert {"£140 million", "140 million", "140"} <= set(figure_spellings("£140m"))
    assert "2.5 billion" in figure_spellings("£2.5bn")
    assert figure_spellings("4,200") == ["4,200", "4200"]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("$28 million", "28 million"),  # the currency left out
        ("C$4 million", "4 million"),
        ("NZ$2.1bn", "2.1 billion"),
        ("4.3 million acres", "4.3 million"),  # the unit left out
        ("140-kilometre", "140 km"),  # the unit abbreviated, spelt the other way, plural
        ("140-kilometre", "140 kilometers"),
        ("640 kilometres", "640 km"),
        ("15 km", "15 kilometres"),
        ("750 kilowatt-hours", "750 kWh"),
        ("40-metre", "40 m"),
        ("30-day", "30 days"),
        ("12 per cent", "12%"),
        ("3.5%", "3.5 per cent"),
    ],
)
def test_a_figure_written_another_way_is_accepted(written, typed):
    assert typed in figure_spellings(written)


@pytest.mark.parametrize(
    ("written", "not_typed"),
    [
        ("5 m", "5 million"),  # "5 m" is five metres; only "£5m" is millions
        ("40-metre", "40 million"),
        ("£140m", "140 m"),
        ("30-day", "30 years"),
    ],
)
def test_no_other_figure_is_accepted(written, not_typed):
    assert not_typed not in figure_spellings(written)


def test_a_name_may_be_written_another_way():
    assert "Animal and Plant Health Inspection Service" in name_spellings(
        "USDA’s Animal and Plant Health Inspection Service"
    )
    assert "Marr Beauté" in name_spellings("Marr Beauté Ltd")
    assert "International Cocoa Organisation" in name_spellings("International Cocoa Organization")
    assert "Center for Ageing Better" in name_spellings("Centre for Ageing Better")
    # no owner cut from a name that is one whole name; no word dropped that is not a legal form
    assert name_spellings("St John's Ambulance Service") == ["St John's Ambulance Service"]
    assert name_spellings("Nakabashi Holdings") == ["Nakabashi Holdings"]


def _corpus(*paragraphs: str) -> Corpus:
    text = "\n\n".join(["Harbour Works Approved", "By Kim Lee, Staff Reporter", *paragraphs]) + "\n"
    return Corpus((parse_article(text, "a0"),))


def test_cloze_accepts_the_figure_and_the_name_written_another_way():
    """End to end: the typed answer is scored right however the learner writes the same figure or body."""
    corpus = _corpus(
        "The Pellam Harbour Board approved a $28 million upgrade of the eastern quay on Monday.",
        "Engineers will lay a 140-kilometre cable along the coast from Pellam to the island.",
        "The contract for the new cranes went to Corvane Marine Ltd after a long tender.",
        "The International Cocoa Organization moved its regional office to the harbour last spring.",
        "Fishing crews said the work would close the quay to boats for most of the summer season.",
    )
    typed = {"$28 million": "28 million", "140-kilometre": "140 km", "Corvane Marine Ltd": "Corvane Marine"}
    typed["International Cocoa Organization"] = "International Cocoa Organisation"
    seen = set()
    for seed in range(12):
        for q in comp.cloze(corpus, random.Random(seed)):
            for written, other in typed.items():
                if q.answer[0] == written:
                    seen.add(written)
                    assert score(q, other) == 1.0, (q.answer, other)
                    assert score(q, "41 million" if written[0].isdigit() else "Pellam") == 0.0
    assert seen == set(typed), seen


def test_a_ministry_of_something_is_also_the_something_ministry():
    """Held-out set 87: a typed "Ministry of Foreign Affairs" refused "Foreign Ministry"; an office is left alone
    (the "Prime Minister's Office" is no "Prime Minister Office")."""
    assert name_spellings("Ministry of Foreign Affairs") == [
        "Ministry of Foreign Affairs",
        "Foreign Affairs Ministry",
        "Foreign Ministry",
    ]
    assert name_spellings("Department of the Environment") == [
        "Department of the Environment",
        "Environment Department",
    ]
    assert name_spellings("Office of the Prime Minister") == ["Office of the Prime Minister"]
