"""The Quiz widget driven the way a learner would, without a browser: set values, click, read feedback.

The bank is built from invented articles (tests/fixtures/widgets); keys are read from the bank,
never typed into the tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from html import escape
from pathlib import Path

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "widgets"))

from fixture_bank import BUDGET, HOSTILE, build_bank, build_questions, fixture_corpus

from quizlib.bank import Bank
from quizlib.widgets import MarkWords, Quiz, render
from quizlib.widgets.controls import Checks, Marks, Match, Rewrite, Single, Typed
from quizlib.widgets.markwords import tokenize


@pytest.fixture(scope="module")
def corpus():
    return fixture_corpus()


@pytest.fixture
def bank(corpus):
    return build_bank(corpus)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "progress.sqlite3"


def make_quiz(bank, corpus, db, learner="ana") -> Quiz:
    return Quiz(bank, learner=learner, store=db, corpus=corpus)


def goto(quiz: Quiz, kind: str) -> None:
    quiz.go(next(i for i, k in enumerate(quiz.order) if quiz.questions[k].kind == kind))


def wrong_option(q):
    return next(o for o in q.options if o not in q.answer)


# -- every form -------------------------------------------------------------------------------


def test_single_right_and_wrong(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    q = quiz.question
    assert isinstance(quiz.control, Single)
    assert quiz.feedback.value == ""
    quiz.control.widget.value = q.answer[0]
    quiz.check_button.click()
    assert "Correct" in quiz.feedback.value
    assert q.explanation in quiz.feedback.value
    assert quiz.check_button.disabled and quiz.control.widget.disabled
    quiz.next_button.click()
    q2 = quiz.question
    quiz.control.widget.value = wrong_option(q2)
    quiz.check_button.click()
    assert "Not right" in quiz.feedback.value
    assert f"<b>{q2.answer[0]}</b>" in quiz.feedback.value
    assert "1 / 2" in quiz.score_label.value and quiz.bar.value == 2


def test_evidence_highlighted_in_its_paragraph(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    q = quiz.question
    quiz.control.widget.value = q.answer[0]
    quiz.check_button.click()
    article = corpus[q.evidence[0].article_id]
    para = next(p for p in article.paragraphs if p.start <= q.evidence[0].start < p.end)
    before = article.text[para.start : q.evidence[0].start]
    assert f"{before}<mark>{q.evidence[0].text}</mark>" in quiz.feedback.value


def test_nothing_chosen_is_not_recorded(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    quiz.check_button.click()
    assert "Choose an answer first" in quiz.feedback.value
    assert quiz.store.attempts() == [] and not quiz.check_button.disabled


def test_typed_answer_accepts_listed_spellings(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    goto(quiz, "cloze")
    assert isinstance(quiz.control, Typed)
    quiz.control.widget.value = "  " + quiz.question.answer[-1].upper() + " "
    quiz.check_button.click()
    assert "Correct" in quiz.feedback.value
    assert quiz.store.attempts()[-1].score == 1.0


def test_match_gives_partial_credit(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    goto(quiz, "role_match")
    control = quiz.control
    assert isinstance(control, Match)
    q = quiz.question
    control.dropdowns[0].value = q.answer[0]
    quiz.check_button.click()
    assert "every item" in quiz.feedback.value  # one left unset: not checked yet
    control.dropdowns[1].value = next(o for o in q.options if o != q.answer[1])
    quiz.check_button.click()
    assert "Partly right: 50%" in quiz.feedback.value
    assert quiz.store.attempts()[-1].response == (q.answer[0], control.dropdowns[1].value)


def test_mark_words_from_the_browser_side(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    goto(quiz, "mark_words")
    q = quiz.question
    control = quiz.control
    assert isinstance(control, Marks)
    mw = control.widget
    clickable = {t["t"].lower() for t in mw.tokens if t["c"] >= 0}
    assert clickable == {o.lower() for o in q.options}
    assert "".join(t["t"] for t in mw.tokens) in corpus[BUDGET].text  # the real passage, in order
    key_index = [q.options.index(a) for a in q.answer]
    mw.set_state({"selected": [key_index[0], q.options.index(wrong_option(q))]})
    quiz.check_button.click()
    assert quiz.store.attempts()[-1].score == pytest.approx(1 / 3)
    assert mw.disabled
    assert mw.verdicts == {
        str(key_index[0]): "right",
        str(q.options.index(wrong_option(q))): "wrong",
        str(key_index[1]): "missed",
    }
    assert "Missed" in quiz.feedback.value


def test_multi_without_its_article_falls_back_to_checkboxes(bank, db):
    q = next(q for q in bank if q.form == "multi")
    quiz = Quiz([q], learner="ana", store=db, corpus=[])
    assert isinstance(quiz.control, Checks)
    assert "Not found in the corpus" in quiz.banner.value
    for box, option in zip(quiz.control.boxes, q.options, strict=True):
        box.value = option in q.answer
    quiz.article_toggle.value = True
    assert "not loaded" in quiz.article_view.value
    quiz.check_button.click()
    assert "Correct" in quiz.feedback.value
    assert "article not loaded" in quiz.feedback.value  # evidence shown on its own


def test_rewrite_is_scored_on_the_words_that_should_go(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    goto(quiz, "neutral_rewrite")
    assert isinstance(quiz.control, Rewrite)
    q = quiz.question
    quiz.control.widget.value = f"Opposition members said the closures were a {q.items[1]}."
    quiz.check_button.click()
    assert "Partly right: 50%" in quiz.feedback.value
    assert q.answer[0] in quiz.feedback.value
    assert f"Still in your version: <b>{q.items[1]}</b>" in quiz.feedback.value


def test_tokenize_needs_every_candidate():
    assert tokenize("a b", ("c",)) is None
    tokens = tokenize("Big news: big deal", ("big", "big deal"))
    assert [t for t in tokens if t["c"] >= 0] == [{"t": "Big", "c": 0}, {"t": "big deal", "c": 1}]


# -- progress, resume, summary, retry, export ------------------------------------------------


def answer_all(quiz: Quiz, right: bool = True) -> None:
    quiz.go(0)
    while quiz.question is not None:
        q, c = quiz.question, quiz.control
        if q.form == "single":
            c.widget.value = q.answer[0] if right else wrong_option(q)
        elif q.form == "text":
            c.widget.value = q.answer[0] if right else "nothing like it"
        elif q.form == "match":
            for d, a in zip(c.dropdowns, q.answer, strict=True):
                d.value = a if right else next(o for o in q.options if o != a)
        elif q.form == "multi":
            c.set_response(q.answer if right else (wrong_option(q),))
        elif q.form == "rewrite":
            c.widget.value = q.answer[0] if right else " ".join(q.items)
        quiz.check_button.click()
        quiz.next_button.click()


def test_resume_after_reopening(bank, corpus, db):
    quiz = make_quiz(bank, corpus, db)
    quiz.control.widget.value = quiz.question.answer[0]
    quiz.check_button.click()
    quiz.next_button.click()
    quiz.control.widget.value = wrong_option(quiz.question)
    quiz.check_button.click()
    second = quiz.question
    quiz.store.close()

    again = make_quiz(bank, corpus, db)
    assert again.pos == 2  # the first question not yet answered
    assert again.bar.value == 2 and "1 / 2" in again.score_label.value
    again.prev_button.click()
    assert again.question == second
    assert again.control.widget.value == wrong_option(second) and again.control.widget.disabled
    assert "Not right" in again.feedback.value
    # another learner starts from scratch
    assert make_quiz(bank, corpus, db, learner="ben").pos == 0


def test_a_changed_quiz_keeps_the_answers_to_the_questions_it_still_asks(bank, corpus, db, tmp_path):
    """Walkthrough 8: a lesson whose quiz changed (a new quizlib) opened at "0 of 9 answered" although
    five of its questions were the same."""
    quiz = make_quiz(bank, corpus, db)
    first, second = quiz.question, quiz.questions[1]
    quiz.control.widget.value = first.answer[0]
    quiz.check_button.click()
    quiz.next_button.click()
    quiz.control.widget.value = wrong_option(second)
    quiz.check_button.click()
    quiz.store.close()

    changed = Quiz([second, *bank.questions[5:8]], learner="ana", store=db, corpus=corpus)
    assert changed.bank_id != quiz.bank_id and changed.question == bank.questions[5]
    assert changed.results == {second.id: (wrong_option(second), 0.0)}
    assert "0 / 1" in changed.score_label.value
    rows = changed.export_csv(tmp_path / "changed.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and f",{second.id}," in rows[1]  # its own questions only, whichever quiz asked


def test_anonymous_learner_resumes_with_the_same_file(bank, corpus, db):
    quiz = Quiz(bank, store=db, corpus=corpus)
    quiz.control.widget.value = quiz.question.answer[0]
    quiz.check_button.click()
    again = Quiz(bank, store=db, corpus=corpus)
    assert again.learner == quiz.learner and again.pos == 1


def test_summary_retry_and_export(bank, corpus, db, tmp_path):
    quiz = make_quiz(bank, corpus, db)
    answer_all(quiz, right=True)
    assert quiz.question is None and quiz.summary_box.layout.display is None
    assert quiz.retry_button.layout.display == "none"
    assert "100%" in quiz.summary.value
    # a second learner gets everything wrong, retries and fixes one
    quiz = make_quiz(bank, corpus, db, learner="ben")
    answer_all(quiz, right=False)
    assert quiz.question is None
    for name in ("comprehension", "bias", "loaded language", "opinion", "vague source"):
        assert f"<td>{name}</td>" in quiz.summary.value
    missed = quiz.missed()
    assert quiz.retry_button.description == f"Retry the {len(missed)} I missed"
    quiz.retry_button.click()
    assert quiz.round == 1 and len(quiz.order) == len(missed)
    assert quiz.feedback.value == "" and not quiz.check_button.disabled
    quiz.control.widget.value = quiz.question.answer[0]
    quiz.check_button.click()
    assert len(quiz.missed()) == len(missed) - 1
    out = quiz.export_csv(tmp_path / "ben.csv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "learner,bank_id,question_id,kind,skill,technique,response,score,time"
    assert len(lines) == 1 + len(bank) + 1 and all(line.startswith(f"ben,{bank.id},") for line in lines[1:])
    quiz.go(len(quiz.order))
    assert "base64," in quiz.download.value


def test_store_failure_is_shown_and_quiz_keeps_working(bank, corpus, tmp_path):
    bad = tmp_path / "progress.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    quiz = Quiz(bank, learner="ana", store=bad, corpus=corpus)
    assert "not a SQLite database" in quiz.banner.value and "memory" in quiz.banner.value
    quiz.control.widget.value = quiz.question.answer[0]
    quiz.check_button.click()
    assert "Correct" in quiz.feedback.value and quiz.bar.value == 1
    assert bad.read_bytes() == b"garbage" * 100


# -- no key before Check, hostile text escaped -------------------------------------------------


def quiz_states(quiz: Quiz) -> str:
    """Every synced state of every widget made for the quiz, as one JSON string."""
    found, todo = [], [quiz]
    while todo:
        widget = todo.pop()
        state = widget.get_state()
        found.append(state)
        for value in state.values():
            refs = value if isinstance(value, (list, tuple)) else [value]
            todo.extend(
                _instances[r[len("IPY_MODEL_") :]]
                for r in refs
                if isinstance(r, str) and r.startswith("IPY_MODEL_") and r[len("IPY_MODEL_") :] in _instances
            )
        if isinstance(widget, w.Widget) and hasattr(widget, "children"):
            todo.extend(widget.children)
    return json.dumps(found, default=str, sort_keys=True)


def test_initial_state_does_not_depend_on_the_key(corpus, db):
    """Two quizzes that differ only in their keys must sync exactly the same state."""
    for q in build_questions(corpus):
        if q.form == "rewrite":
            other = replace(q, answer=("Something else entirely.",), items=tuple(reversed(q.items)))
        elif q.form == "text":
            other = replace(q, answer=("other",))
        elif q.form == "multi":
            other = replace(q, answer=(q.options[0],))
        else:
            other = replace(q, answer=tuple(reversed(q.answer)) if q.form == "match" else (wrong_option(q),))
        states = []
        for variant in (q, other):
            quiz = Quiz(Bank((variant,)), learner="ana", store=":memory:", corpus=corpus)
            quiz.article_toggle.value = True  # the article on demand is shown before Check too
            states.append(quiz_states(quiz))
        strip = [_without_ids(s) for s in states]
        assert strip[0] == strip[1], q.kind
        assert q.explanation not in states[0]
        assert "<mark>" not in states[0]


def _without_ids(state_json: str) -> str:
    import re

    return re.sub(r"IPY_MODEL_[0-9a-f]+", "IPY_MODEL_", state_json)


def test_repr_shows_no_key(bank, corpus):
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)
    text = repr(quiz) + str(quiz._repr_mimebundle_().get("text/plain", ""))
    assert text.startswith("<Quiz ")
    for q in bank:
        assert not any(a in text for a in q.answer) and q.explanation not in text
    assert "MarkWords" in repr(MarkWords(tokens=[{"t": "x", "c": 0}]))


def test_hostile_text_is_escaped_everywhere(bank, corpus):
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)
    goto(quiz, "source")
    q = quiz.question
    quiz.article_choice.value = BUDGET
    quiz.article_toggle.value = True
    assert "&lt;img src=x onerror=alert(1)&gt;" in quiz.prompt.value
    assert "&lt;script&gt;" in quiz.article_view.value
    quiz.control.widget.value = q.answer[0]
    quiz.check_button.click()
    html = quiz.prompt.value + quiz.article_view.value + quiz.feedback.value + quiz.summary.value
    assert HOSTILE not in html and "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in quiz.feedback.value  # evidence passage, as text
    # option labels go to the browser as plain strings, which ipywidgets sets with textContent
    assert "a resident <b>bold</b>" in quiz.control.widget.options


def test_which_article_does_not_preselect_the_key(bank, corpus):
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)
    goto(quiz, "which_article")
    assert quiz.article_choice.value is None
    goto(quiz, "fact")
    assert quiz.article_choice.value == quiz.question.article_ids[0]


def test_import_quizlib_does_not_import_widgets():
    code = "import sys, quizlib; print('ipywidgets' in sys.modules, 'quizlib.widgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_latency_benchmark_bank_has_distinct_ids(corpus):
    from fixture_bank import big_bank

    big = big_bank(60, corpus)
    assert len({q.id for q in big}) == 60


def test_a_failing_callback_is_shown_not_swallowed(bank, corpus, monkeypatch):
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)

    def broken(attempt):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(quiz.store, "record", broken)
    quiz.control.widget.value = quiz.question.answer[0]
    quiz.check_button.click()
    assert "Something went wrong: RuntimeError: disk on fire" in quiz.banner.value
    assert quiz.errors and "disk on fire" in quiz.errors[0]


def test_nested_evidence_marks_the_words_inside_their_sentence():
    from quizlib.widgets.render import _marked

    t = "A calm <b>report</b>. Then more."
    out = _marked(t, 0, len(t), [(0, 20), (7, 10)])
    assert out == '<mark>A calm <mark class="qz-key">&lt;b&gt;</mark>report&lt;/b&gt;</mark>. Then more.'


# -- a real generated bank (the seeds): properties only, nothing about their content -----------


@pytest.fixture(scope="module")
def seed_bank():
    import quizlib

    corpus = quizlib.load_corpus()
    bank = quizlib.generate(corpus, seed=0)
    if not len(bank):
        pytest.fail("the generators made no questions from the seeds")
    return bank


def test_every_generated_question_can_be_answered_in_the_quiz(seed_bank):
    bank = seed_bank
    quiz = Quiz(bank, learner="ana", store=":memory:")  # default corpus: the bundled seeds
    assert quiz.notes == ()  # every article of the bank was found
    for i, q in enumerate(bank):
        quiz.go(i)
        assert quiz.feedback.value == ""
        control = quiz.control
        if q.kind == "mark_words":
            assert isinstance(control, Marks), q.id
        if q.form in ("single", "text"):
            control.widget.value = q.answer[0]
        elif q.form == "match":
            for d, a in zip(control.dropdowns, q.answer, strict=True):
                d.value = a
        elif q.form == "multi":
            control.set_response(q.answer)
        elif q.form == "rewrite":
            control.widget.value = q.answer[0]
        quiz.check_button.click()
        assert quiz.results[q.id][1] == 1.0, q.id
        html = quiz.feedback.value
        assert "qz-right-msg" in html and "<mark" in html and "article not loaded" not in html, q.id
        assert "differs from the bank" not in html, q.id
    assert len(quiz.store.attempts()) == len(bank)
    quiz.go(len(bank))
    assert "100%" in quiz.summary.value and quiz.retry_button.layout.display == "none"


def test_mark_words_selection_also_arrives_as_a_message(bank, corpus, db):
    """The browser sends each selection as a message too, which cannot be overtaken by Check."""
    quiz = make_quiz(bank, corpus, db)
    goto(quiz, "mark_words")
    q, mw = quiz.question, quiz.control.widget
    keys = [q.options.index(a) for a in q.answer]
    mw._handle_custom_msg({"type": "select", "selected": [*keys, 99, "x"]}, [])
    assert mw.selected == sorted(keys)
    quiz.check_button.click()
    assert quiz.store.attempts()[-1].score == 1.0
    mw._handle_custom_msg({"type": "select", "selected": []}, [])  # locked after Check
    assert mw.selected == sorted(keys)


def test_options_naming_articles_by_id_do_not_preselect_the_key(bank, corpus):
    q = next(q for q in bank if q.kind == "which_article")
    ids = [a.id for a in corpus]
    key_id = q.article_ids[0]
    by_id = replace(q, options=tuple(ids), answer=(key_id,))
    quiz = Quiz(Bank((by_id,)), learner="ana", store=":memory:", corpus=corpus)
    assert quiz.article_choice.value is None


def test_article_chooser_offers_every_article_of_the_corpus(bank, corpus):
    """A quiz of a few questions must not list only their articles: that would rule out the wrong
    options of a which-article question (new-learner walkthrough)."""
    one = next(q for q in bank if q.kind == "which_article")
    quiz = Quiz([one], learner="ana", store=":memory:", corpus=corpus)
    assert [value for _, value in quiz.article_choice.options] == [a.id for a in corpus]


def test_options_that_are_sentences_or_name_articles_do_not_preselect(bank, corpus):
    """Second walkthrough: 'which sentence' items and per-article comparisons opened on the key's
    article."""
    q = next(q for q in bank if q.form == "single" and q.kind != "which_article")
    titles = [a.title for a in corpus]
    first_long = {}  # article id -> its first sentence of ten words or more
    for a in corpus:
        for sentence in a.sentences:
            if len(sentence.text.split()) > 9:
                first_long.setdefault(a.id, sentence.text)
    sentences = tuple(first_long.values())[:4]
    assert len(sentences) >= 2  # sentences of at least two articles
    variants = [
        replace(q, options=sentences, answer=(sentences[0],)),
        replace(q, options=tuple(f"{t} (500 words)" for t in titles), answer=(f"{titles[0]} (500 words)",)),
    ]
    for v in variants:
        quiz = Quiz([v], learner="ana", store=":memory:", corpus=corpus)
        assert quiz.article_choice.value is None
    plain = Quiz([q], learner="ana", store=":memory:", corpus=corpus)
    assert plain.article_choice.value == q.article_ids[0]


def test_sentences_of_the_questions_own_article_and_long_labels_keep_the_preselection(bank, corpus):
    """Third walkthrough: in lesson 03 Show article opened on nothing for "who is the source" items
    (their option labels are long) and for sentence options that all come from one article, where the
    article tells nothing about the key."""
    q = next(q for q in bank if q.form == "single" and q.kind != "which_article")
    own = corpus[q.article_ids[0]]
    sentences = tuple(s.text for s in own.sentences if len(s.text.split()) > 9)[:4]
    labels = ("A named person", "A vague or unnamed source: someone is cited, but not by name", "No source at all")
    for options in (sentences, labels):
        quiz = Quiz([replace(q, options=options, answer=(options[0],))], learner="ana", store=":memory:", corpus=corpus)
        assert quiz.article_choice.value == own.id


def test_name_options_from_other_articles_keep_the_preselection(bank, corpus):
    """Fourth walkthrough: a fact item whose distractor organisation comes from another article
    opened Show article on nothing, though the article tells nothing about which name is right."""
    q = next(q for q in bank if q.form == "single" and q.kind != "which_article")
    own = corpus[q.article_ids[0]]
    other = next(a for a in corpus if a.id != own.id)
    name = next(w for w in other.text.split() if w.istitle() and w not in own.text and len(w) > 3)
    quiz = Quiz(
        [replace(q, options=(name, "Elsewhere"), answer=(name,))], learner="ana", store=":memory:", corpus=corpus
    )
    assert quiz.article_choice.value == own.id


def test_the_prompt_names_its_article_only_when_that_gives_nothing_away(bank, corpus):
    """Fourth walkthrough: lesson 01's prompts said "the article" without saying which one."""
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)
    goto(quiz, "fact")
    own = corpus[quiz.question.article_ids[0]]
    assert f"From: {escape(own.title)}" in quiz.prompt.value
    goto(quiz, "which_article")
    assert "From:" not in quiz.prompt.value
    titles = tuple(f"{a.title} (500 words)" for a in corpus)
    q = next(q for q in bank if q.form == "single" and q.kind != "which_article")
    named = Quiz([replace(q, options=titles, answer=titles[:1])], learner="ana", store=":memory:", corpus=corpus)
    assert "From:" not in named.prompt.value


def test_the_next_button_says_what_it_does(bank, corpus):
    """Fifth walkthrough: on the summary the disabled Finish button still said "Next question"."""
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)
    assert quiz.next_button.tooltip == "Next question"
    quiz.go(len(quiz.order) - 1)
    assert (quiz.next_button.description, quiz.next_button.tooltip) == ("Finish", "Finish and see the summary")
    quiz.go(len(quiz.order))
    assert quiz.next_button.disabled and quiz.next_button.tooltip != "Next question"


def test_partial_credit_shows_two_decimals_at_most(bank, corpus):
    """Walkthrough 6: the running score read "score 0.666667 / 1"."""
    quiz = Quiz(bank, learner="ana", store=":memory:", corpus=corpus)
    quiz.results = {"a": ("x", 2 / 3)}
    quiz._update_progress()
    assert "score 0.67 / 1" in quiz.score_label.value


def test_mark_words_shows_its_passage_once(bank, corpus, db):
    """Walkthrough 8: the sentence stood quoted in the prompt and again as clickable words."""
    q = next(q for q in bank if q.kind == "mark_words")
    passage = next(s.text for s in corpus[BUDGET].sentences if all(o in s.text for o in q.options))
    quoted = replace(q, prompt=f"{q.prompt}\n\n“{passage}”")
    quiz = Quiz([quoted], learner="ana", store=db, corpus=corpus)
    assert isinstance(quiz.control, Marks)
    assert passage[:40] not in quiz.prompt.value and render.text(q.prompt) in quiz.prompt.value
    typed = next(q for q in bank if q.form == "single")
    quoted = replace(typed, prompt=f"{typed.prompt}\n\n“{passage}”")
    assert passage[:40] in Quiz([quoted], learner="ana", store=db, corpus=corpus).prompt.value  # other forms keep it


def test_a_quiz_without_questions_says_why(db):
    """Instructor walkthrough: a lesson run on other articles showed an empty quiz with no word."""
    quiz = Quiz([], learner="ana", store=db, title="Sources")
    assert "no questions" in quiz.header.value and "give none of the kinds" in quiz.summary.value
    assert quiz.retry_button.layout.display == "none" and quiz.download.value == ""
