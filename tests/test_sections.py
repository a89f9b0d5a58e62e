"""Section questions (under which heading a sentence stands), on invented articles: the key is the
nearest heading above the sentence, options are the article's own headings, no sentence echoes
only its own heading, and the kind takes only passages no other kind wants."""

from __future__ import annotations

import random
from pathlib import Path

from quizlib import quality
from quizlib.articles import Corpus, load_corpus, parse_article
from quizlib.generators import all_generators, sections
from quizlib.generators.comprehension import _content_words, _stem
from quizlib.pipeline import generate
from quizlib.scoring import normalize_answer
from quizlib.widgets.render import article_html

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _corpus(*texts: str) -> Corpus:
    return Corpus(tuple(parse_article(t, f"a{i}") for i, t in enumerate(texts)))


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _content_words(text)}


def _nearest_heading(article, offset: int) -> str:
    above = [h for h in article.headings if h.start < offset]
    return above[-1].value.rstrip(":").strip()


def _all(corpus: Corpus, seeds=range(3)):
    return [q for s in seeds for q in sections.section(corpus, random.Random(s))]


def test_fixtures_with_headings_give_exact_keys_among_their_own_headings():
    corpus = load_corpus(FIXTURES)
    qs = _all(corpus)
    headed = {a.id for a in corpus if len(a.headings) >= 3}
    assert {q.article_ids[0] for q in qs} == headed  # every article with three headed parts, no other
    by_id = {a.id: a for a in corpus}
    for q in qs:
        article = by_id[q.article_ids[0]]
        sentence, heading = q.evidence
        assert q.kind == "section" and q.form == "single" and len(q.options) >= 3
        assert q.answer[0] == _nearest_heading(article, sentence.start)
        assert article.text[heading.start : heading.end] == heading.text
        assert normalize_answer(q.answer[0]) in normalize_answer(heading.text)
        labels = {h.value.rstrip(":").strip() for h in article.headings}
        assert set(q.options) <= labels and len(set(q.options)) == len(q.options)
        assert sentence.text in q.explanation and q.answer[0] in q.explanation
        assert quality.problem(q, corpus) is None


def test_no_sentence_shares_a_word_with_only_its_own_heading():
    qs = _all(load_corpus(FIXTURES), seeds=range(5))
    assert qs
    for q in qs:
        others = set().union(*(_stems(o) for o in q.options if o != q.answer[0]))
        assert not (_stems(q.evidence[0].text) & (_stems(q.answer[0]) - others)), q.prompt


def _headed(*parts: str, subtitle: tuple[str, ...] = ()) -> str:
    opening = "The town council met on a wet evening to settle plans that had waited for two years."
    head = ["Town Hall Debates the New Library", "By Kim Lee, Staff Reporter", *subtitle, opening]
    return "\n\n".join([*head, *parts]) + "\n"


PARA = {
    "money": "The council set aside four million pounds for the building, most of it from a regional grant.",
    "design": "Architects drew a glass reading room facing the river, with a garden on the roof for events.",
    "opening": "Workers expect to finish the shelves and the lifts before the first week of the school year.",
    "voices": "Several residents told the meeting that evening opening hours mattered more than new furniture.",
}


def test_an_echoing_sentence_is_not_asked():
    corpus = _corpus(
        _headed(
            "Paying for it",
            PARA["money"],
            "A River View",  # the design paragraph says "river": the only heading with that word
            PARA["design"],
            "When it opens",
            PARA["opening"],
            "What people said",
            PARA["voices"],
        )
    )
    keyed = {q.answer[0] for q in _all(corpus, seeds=range(6))}
    assert "A River View" not in keyed
    assert {"Paying for it", "When it opens", "What people said"} & keyed


def test_two_headed_parts_give_no_question_and_an_empty_parent_heading_is_no_option():
    two = _corpus(_headed("Paying for it", PARA["money"], "When it opens", PARA["opening"]))
    assert _all(two) == []
    nested = _corpus(
        _headed(
            "The plan in full",  # followed straight by a sub-heading: nothing of its own
            "Paying for it",
            PARA["money"],
            "The design",
            PARA["design"],
            "When it opens",
            PARA["opening"],
        )
    )
    qs = _all(nested, seeds=range(6))
    assert qs and all("The plan in full" not in q.options for q in qs)


def test_the_section_kind_changes_no_other_question_of_the_bank():
    corpus = load_corpus(FIXTURES)
    without = [g for g in all_generators() if g.name != "comprehension.section"]
    full = generate(corpus, seed=3)
    rest = generate(corpus, seed=3, generators=without)
    # The same questions; their order may differ, as the bank's order keeps two questions that reveal
    # each other apart and a section item between them is one more place to wait for.
    assert sorted((q for q in full if q.kind != "section"), key=lambda q: q.id) == sorted(rest, key=lambda q: q.id)
    assert any(q.kind == "section" for q in full)


def test_show_article_shows_the_headings_in_place_and_escaped():
    corpus = _corpus(
        _headed("Paying <for> it", PARA["money"], "The design", PARA["design"], "When it opens", PARA["opening"])
    )
    html = article_html(corpus.articles[0])
    assert html.index("Paying &lt;for&gt; it") < html.index("four million") < html.index("The design")
    assert html.index("The design") < html.index("glass reading room") < html.index("When it opens")


def test_a_subtitle_above_the_first_paragraph_is_no_option():
    """Review 8: a dek right under the byline reads as standing over the whole article."""
    corpus = _corpus(
        _headed(
            *("Paying for it", PARA["money"], "The design", PARA["design"]),
            *("When it opens", PARA["opening"], "What people said", PARA["voices"]),
            subtitle=("A Building for the Whole Town: Money, Design and Dates",),
        )
    )
    article = corpus.articles[0]
    assert article.headings[0].value.startswith("A Building")  # the loader reads it as a heading
    qs = _all(corpus, seeds=range(6))
    assert qs and all(not o.startswith("A Building") for q in qs for o in q.options)


def test_no_question_under_a_question_line_the_layout_read_as_text():
    """Held-out set 37: a feature's sub-heading "How do you count a cat you can't see?" was read as text, and a
    sentence below it was keyed to the heading above it."""
    corpus = _corpus(
        _headed(
            "Paying for it",
            PARA["money"],
            "The design",
            PARA["opening"].replace("Workers", "Builders"),
            "How do you build a room you can't see?",
            PARA["design"],
            "When it opens",
            PARA["opening"],
            "What people said",
            PARA["voices"],
        )
    )
    qs = _all(corpus, seeds=range(6))
    assert qs and not [q for q in qs if "Architects drew" in q.prompt]


def test_a_live_blog_s_post_titles_give_no_section_questions():
    """Held-out set 40: an untitled post of a live blog (newest first) was keyed to the title of the later post
    printed above it."""
    text = (
        _headed(
            "21:40 Numbers from the council",
            PARA["money"],
            "20:58",
            PARA["voices"],
            "19:30 The design",
            PARA["design"],
            "18:05 When it opens",
            PARA["opening"],
        )
        .replace("21:40 ", "21:40\n\n")
        .replace("19:30 ", "19:30\n\n")
        .replace("18:05 ", "18:05\n\n")
    )
    corpus = _corpus(text)
    assert any(c.reason == "timestamp" for c in corpus.articles[0].chrome)
    assert _all(corpus) == []
