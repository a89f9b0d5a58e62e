"""Scoring rules that the widgets, exports and statistics share."""

from __future__ import annotations

from quizlib.questions import Evidence, make_question
from quizlib.scoring import normalize_answer, score

SENTENCE = "The mayor slammed the shameless plan to close the river ferry in winter."


def rewrite_question():
    return make_question(
        kind="neutral_rewrite",
        form="rewrite",
        skill="bias",
        technique="loaded_language",
        prompt=f"Say it neutrally: “{SENTENCE}”",
        answer=("The mayor criticised the plan to close the river ferry in winter.",),
        items=("slammed", "shameless"),
        explanation="“slammed” and “shameless” judge; the rest reports.",
        # As the generators do: the loaded word's own span first, then its sentence.
        evidence=(Evidence("a", 10, 17, "slammed"), Evidence("a", 0, len(SENTENCE), SENTENCE)),
        generator="test",
        generator_version="1",
    )


def test_rewrite_needs_the_loaded_words_gone():
    q = rewrite_question()
    assert score(q, "The mayor criticised the plan to close the river ferry in winter.") == 1.0
    assert score(q, "The mayor slammed the plan to close the river ferry in winter.") == 0.5
    assert score(q, SENTENCE) == 0.0


def test_rewrite_that_drops_the_content_scores_nothing():
    # The new-learner walkthrough typed "x" and was told "Correct".
    q = rewrite_question()
    for empty in ("x", "", "   ", "Nothing to say.", "The plan."):
        assert score(q, empty) == 0.0, empty


def test_typed_answers_ignore_form():
    assert normalize_answer(" The U.K. ") == normalize_answer("uk") == "uk"
    assert normalize_answer("Zürich") == normalize_answer("zurich")


def test_generated_rewrites_refuse_an_empty_answer():
    import quizlib

    bank = quizlib.generate(quizlib.load_corpus(), seed=0)
    rewrites = list(bank.filter(kind="neutral_rewrite"))
    assert rewrites
    for q in rewrites:
        assert score(q, "x") == 0.0
        assert score(q, q.answer[0]) == 1.0


def test_rewrite_that_brings_in_a_new_loaded_word_is_not_neutral():
    q = rewrite_question()
    assert score(q, "The mayor criticised the disastrous plan to close the river ferry in winter.") == 0.5


def _normalize_reference(text: str) -> str:
    """normalize_answer as first written (one character at a time): the fast one must agree."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[^\w\s%]", "", text.replace("-", " "))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(the|a|an)\s+", "", text)


def test_fast_normalize_answer_agrees_with_the_character_loop():
    import unicodedata

    from quizlib import scoring

    samples = [
        "U.K.",
        "the Senate",
        "Café Société — “naïve” façade",
        "e\u0301le\u0300ve",  # combining accents written separately
        "ﬁnance ² ½ Ｆｕｌｌ",  # compatibility forms
        "\U0001d400\U0002a6d7 tail \u0301",  # beyond the table's range: the slow path
        "Ḥasan al‑Šarīf 50 %",
        "",
        "   ",
    ]
    for text in samples:
        assert normalize_answer(text) == _normalize_reference(text), text
    assert normalize_answer("Café") == "cafe"
    # the table covers every combining mark: none lies at or above its end
    end = ord(scoring._TABLE_END)
    assert not [i for i in range(end, 0x110000) if unicodedata.combining(chr(i))]
