"""The Quiz widget: one question at a time, Check with feedback and evidence, progress kept in SQLite.

The question model stays plain data; this module only shows it. Keys, explanations and evidence
reach the browser only after the learner checks (the feedback HTML is empty until then), and
every checked answer is recorded in a ProgressStore so a reopened notebook resumes.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

import ipywidgets as w

from ..articles import Article, Corpus
from ..bank import Bank
from ..progress import Attempt, ProgressStore, now
from ..questions import Question
from ..scoring import score as score_response
from . import render
from .controls import Control, Response, control_for
from .live import LiveHTML

_CSS = (Path(__file__).parent / "quiz.css").read_text(encoding="utf-8")
_NAME_WORDS = 4  # options this long or shorter are names, places or figures, not sentences


class Quiz(w.VBox):
    """A quiz over a Bank (or a list of Questions).

    learner: an id to keep progress under (default: an anonymous id stored with the progress).
    store: a ProgressStore, a path to its SQLite file, ":memory:", or None for the default file
        (QUIZLIB_PROGRESS_DB or the user data folder).
    corpus: the articles the evidence points into (default: the bundled seed articles).
    """

    def __init__(
        self,
        bank: Bank | Iterable[Question],
        learner: str | None = None,
        store: ProgressStore | str | Path | None = None,
        corpus: Corpus | Iterable[Article] | None = None,
        title: str = "Quiz",
    ) -> None:
        self.bank = bank if isinstance(bank, Bank) else Bank(tuple(bank))
        self.questions: tuple[Question, ...] = self.bank.questions
        self.bank_id = self.bank.id  # hashes every question: computed once
        self.store = store if isinstance(store, ProgressStore) else ProgressStore(store)
        self.learner = learner or self.store.anonymous_id()
        notes = []
        self.articles, missing = _articles_for(self.bank, corpus)
        if missing:
            notes.append(
                "Not found in the corpus: "
                + ", ".join(missing)
                + ". Evidence from these articles is shown without its paragraph, and they cannot be opened."
            )
        stale = [a.id for a in self.bank.articles if a.id in self.articles and a.sha256 != self.articles[a.id].sha256]
        if stale:
            notes.append(
                f"The text of {', '.join(stale)} differs from the one this bank was made from; "
                "evidence that no longer matches is shown on its own."
            )
        self.notes = tuple(notes)
        self.errors: list[str] = []

        # What the learner did: the last response and score per question id (from earlier sessions,
        # and from an earlier version of this quiz that asked the same question).
        self._ids = {q.id for q in self.questions}
        self.results: dict[str, tuple[Response, float]] = {
            qid: (a.response, a.score) for qid, a in self.store.latest(self.learner, self._ids).items()
        }
        self.round = 0
        self._fresh: set[str] = set()  # questions reopened by "retry": shown unanswered until checked
        self.order = list(range(len(self.questions)))
        self.pos = next((i for i, k in enumerate(self.order) if self.questions[k].id not in self.results), 0)
        if self.questions and len(self.results) >= len(self.questions):
            self.pos = len(self.order)  # everything answered: open on the summary
        self._controls: dict[str, Control] = {}

        self.banner = w.HTML()
        self.header = w.HTML()
        self.bar = w.IntProgress(value=0, min=0, max=max(1, len(self.questions)), description="Answered:")
        self.bar.style = {"description_width": "initial"}
        self.score_label = w.HTML()
        self.prompt = w.HTML()
        self.control_box = w.Box(layout=w.Layout(width="100%"))
        self.control_box.add_class("qz-control")
        self.check_button = w.Button(description="Check", button_style="primary", tooltip="Check your answer")
        self.feedback = LiveHTML()
        self.article_toggle = w.ToggleButton(value=False, description="Show article", tooltip="Show the article")
        self.article_choice = w.Dropdown(
            options=[], value=None, description="Article:", style={"description_width": "initial"}
        )
        self.article_view = w.HTML()
        self.prev_button = w.Button(description="Previous", tooltip="Previous question")
        self.next_button = w.Button(description="Next", tooltip="Next question")
        self.summary = w.HTML()
        self.retry_button = w.Button(description="Retry the ones I missed", button_style="warning")
        self.download = w.HTML()
        self.title = title

        self.check_button.on_click(self._safe(lambda: self.check()))
        self.prev_button.on_click(self._safe(lambda: self.go(self.pos - 1)))
        self.next_button.on_click(self._safe(lambda: self.go(self.pos + 1)))
        self.retry_button.on_click(self._safe(lambda: self.retry()))
        self.article_toggle.observe(self._safe(self._show_article), "value")
        self.article_choice.observe(self._safe(self._show_article), "value")

        row = w.Layout(flex_flow="row wrap", align_items="center", width="100%")
        self.question_box = w.VBox(
            [
                self.prompt,
                self.control_box,
                w.HBox([self.check_button, self.article_toggle], layout=row),
                self.feedback,
                self.article_choice,
                self.article_view,
            ]
        )
        self.summary_box = w.VBox([self.summary, self.retry_button, self.download])
        super().__init__(
            [
                w.HTML(f"<style>{_CSS}</style>"),
                self.banner,
                self.header,
                w.HBox([self.bar, self.score_label], layout=row),
                self.question_box,
                self.summary_box,
                w.HBox([self.prev_button, self.next_button], layout=row),
            ],
            layout=w.Layout(width="100%", max_width="760px"),
        )
        self.add_class("qz-quiz")
        self._update_banner()
        self._show()

    def _safe(self, action):
        """A widget callback that shows its error in the quiz (JupyterLab would hide it in a log)."""

        def callback(*_):
            try:
                action()
            except Exception as exc:
                import traceback

                self.errors.append(traceback.format_exc())
                self.banner.value += (
                    f'<p class="qz-banner" role="alert">Something went wrong: {escape(type(exc).__name__)}: '
                    f"{escape(str(exc))}</p>"
                )

        return callback

    # -- what the learner sees ------------------------------------------------------------
    def __repr__(self) -> str:  # the text/plain output of the cell: no keys, no texts
        return f"<Quiz {self.bank_id}: {len(self.questions)} questions, {len(self.results)} answered>"

    @property
    def question(self) -> Question | None:
        """The question on screen (None on the summary)."""
        return self.questions[self.order[self.pos]] if self.pos < len(self.order) else None

    @property
    def control(self) -> Control | None:
        q = self.question
        return self._control(q) if q else None

    def _control(self, q: Question) -> Control:
        c = self._controls.get(q.id)
        if c is None:
            c = self._controls[q.id] = control_for(q, self.articles)
            if self._is_checked(q):
                response, _ = self.results[q.id]
                c.set_response(response)
                c.lock()
                c.reveal(q, response)
        return c

    def _is_checked(self, q: Question) -> bool:
        return q.id in self.results and q.id not in self._fresh

    def _update_banner(self) -> None:
        notes = list(self.notes)
        if self.store.warning:
            notes.append(self.store.warning)
        self.banner.value = "".join(f'<p class="qz-banner" role="alert">{escape(n)}</p>' for n in notes)

    def _update_progress(self) -> None:
        answered = len(self.results)
        total = sum(s for _, s in self.results.values())
        self.bar.value = answered
        self.bar.max = max(1, len(self.questions))
        pct = f" ({total / answered:.0%})" if answered else ""
        # Partial credit gives fractions: two decimals at most ("1.67", not "1.666667").
        text = f"{answered} of {len(self.questions)} answered · score {round(total, 2):g} / {answered}{pct}"
        self.score_label.value = f'<span class="qz-meta">{text}</span>'

    def _show(self) -> None:
        q = self.question
        self._update_progress()
        n = len(self.order)
        round_note = f" (retry round {self.round})" if self.round else ""
        self.prev_button.disabled = self.pos == 0
        if q is None:
            self.header.value = f"<h3>{escape(self.title)}: summary{escape(round_note)}</h3>"
            self.question_box.layout.display = "none"
            self.summary_box.layout.display = None
            self.next_button.disabled = True
            self.next_button.description = "Finish"  # as it read on the last question (walkthrough 9)
            self.next_button.tooltip = "This is the summary"
            self._show_summary()
            return
        self.header.value = f"<h3>{escape(self.title)}: question {self.pos + 1} of {n}{escape(round_note)}</h3>"
        self.question_box.layout.display = None
        self.summary_box.layout.display = "none"
        self.next_button.disabled = False
        last = self.pos == n - 1
        self.next_button.description = "Finish" if last else "Next"
        self.next_button.tooltip = "Finish and see the summary" if last else "Next question"
        own = self._own_article(q)
        source = f'<div class="qz-meta qz-source">From: {escape(own.title)}</div>' if own is not None else ""
        control = self._control(q)
        # A prompt quotes its passage after a blank line; a control that shows the passage itself
        # (clickable words) would otherwise show the sentence twice (walkthrough 8).
        lead, _, quoted = q.prompt.rpartition("\n\n")
        passage = lead and quoted.startswith("“") and quoted.endswith("”")
        prompt = lead if control.shows_passage and passage else q.prompt
        self.prompt.value = f'{source}<div class="qz-prompt">{render.text(prompt)}</div>'
        self.control_box.children = (control.widget,)
        checked = self._is_checked(q)
        self.check_button.disabled = checked
        if checked:
            response, score = self.results[q.id]
            self.feedback.value = render.feedback_html(q, response, score, self.articles)
        else:
            self.feedback.value = ""
        self._article_options(q)

    def _own_article(self, q: Question) -> Article | None:
        """The one article a question is about, when naming it gives nothing away: not when its
        options name articles or are sentences of other articles (the article is then part of the
        answer), nor for questions about several articles."""
        if len(q.article_ids) != 1 or q.article_ids[0] not in self.articles:
            return None
        own = self.articles[q.article_ids[0]]
        names = {n for a in self.articles.values() for n in (a.title, a.id, a.style) if n}
        # Sentences all of one article, names and figures (a distractor may come from another
        # article), and labels do not make the article part of the answer.
        about_articles = any(n in o for o in (*q.options, *q.items) for n in names) or any(
            o not in own.text
            for o in q.options
            if len(o.split()) > _NAME_WORDS and any(o in a.text for a in self.articles.values())
        )
        return None if about_articles else own

    def _article_options(self, q: Question) -> None:
        """Offer every article, the question's own preselected when that gives nothing away."""
        own = self._own_article(q)
        self.article_choice.options = [(a.title, a.id) for a in self.articles.values()]
        self.article_choice.value = own.id if own is not None else None
        self._show_article()

    def _show_article(self) -> None:
        shown = self.article_toggle.value and bool(self.articles)
        self.article_toggle.description = "Hide article" if self.article_toggle.value else "Show article"
        self.article_choice.layout.display = None if shown and len(self.articles) > 1 else "none"
        article = self.articles.get(self.article_choice.value) if shown else None
        if shown and article is None and len(self.articles) == 1:
            article = next(iter(self.articles.values()))
        if article is not None:
            self.article_view.value = f'<div class="qz-article" tabindex="0">{render.article_html(article)}</div>'
        elif shown:
            self.article_view.value = '<p class="qz-meta">Choose an article to read.</p>'
        elif self.article_toggle.value:
            self.article_view.value = '<p class="qz-meta">The articles of this quiz are not loaded.</p>'
        else:
            self.article_view.value = ""

    def _show_summary(self) -> None:
        if not self.questions:  # a lesson run on other articles may find none of its kinds (walkthrough)
            self.header.value = f"<h3>{escape(self.title)}: no questions</h3>"
            self.summary.value = (
                '<p class="qz-meta">This quiz has no questions: the articles give none of the kinds of '
                "question it asks. With other articles, or another seed, it may have some.</p>"
            )
            self.retry_button.layout.display = "none"
            self.download.value = ""
            return
        groups: dict[tuple[str, str], list[int | float]] = {}
        for q in self.questions:
            names = [("skill", q.skill)] + ([("technique", q.technique)] if q.technique else [])
            for key in names:
                g = groups.setdefault(key, [0, 0, 0.0])
                g[0] += 1
                if q.id in self.results:
                    g[1] += 1
                    g[2] += self.results[q.id][1]
        rows = [(k[0], k[1], int(v[0]), int(v[1]), float(v[2])) for k, v in sorted(groups.items())]
        total = (len(self.questions), len(self.results), sum(s for _, s in self.results.values()))
        self.summary.value = render.summary_html(rows, total)
        missed = self.missed()
        self.retry_button.layout.display = None if missed else "none"
        self.retry_button.description = f"Retry the {len(missed)} I missed" + (
            " or skipped" if any(q.id not in self.results for q in missed) else ""
        )
        csv_text = self.results_csv()
        data = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
        self.download.value = (
            f'<a download="quizlib-results-{escape(self.bank_id)}.csv" href="data:text/csv;base64,{data}">'
            "Download my results (CSV) for the instructor</a>"
        )

    # -- actions ---------------------------------------------------------------------------
    def go(self, pos: int) -> None:
        self.pos = max(0, min(pos, len(self.order)))
        self._show()

    def check(self) -> float | None:
        """Score the current response, record it, and show the feedback (None if nothing was given)."""
        q = self.question
        if q is None or self._is_checked(q):
            return None
        control = self._control(q)
        response = control.response()
        if response is None:
            self.feedback.value = f'<p class="qz-meta">{escape(control.missing)}</p>'
            return None
        score = score_response(q, response)
        self.results[q.id] = (response, score)
        self._fresh.discard(q.id)
        attempt = Attempt(self.learner, self.bank_id, q.id, q.kind, q.skill, q.technique, response, score, now())
        control.lock()
        control.reveal(q, response)
        self.check_button.disabled = True
        self.feedback.value = render.feedback_html(q, response, score, self.articles)
        self._update_progress()
        # Saved after the feedback is on its way: the commit waits for the disk (fsync), the learner need not.
        self.store.record(attempt)
        if self.store.warning:
            self._update_banner()
        return score

    def missed(self) -> list[Question]:
        """Questions not answered, or answered with less than full marks."""
        return [q for q in self.questions if q.id not in self.results or self.results[q.id][1] < 1.0]

    def retry(self) -> None:
        """A new round with only the missed questions, shown fresh."""
        missed = self.missed()
        if not missed:
            return
        index = {q.id: i for i, q in enumerate(self.questions)}
        self.order = [index[q.id] for q in missed]
        self._fresh = {q.id for q in missed}
        for q in missed:
            self._controls.pop(q.id, None)
        self.round += 1
        self.go(0)

    # -- export ----------------------------------------------------------------------------
    def results_csv(self) -> str:
        """Every attempt of this learner at this quiz's questions, in the CSV the instructor's tools read."""
        return self.store.to_csv(self.learner, question_ids=self._ids)

    def export_csv(self, path: str | Path) -> Path:
        return self.store.export_csv(path, self.learner, question_ids=self._ids)


def _articles_for(bank: Bank, corpus: Corpus | Iterable[Article] | None) -> tuple[dict[str, Article], list[str]]:
    """Every article of the corpus, in corpus order (offering only the ones the questions use would
    rule out wrong options of "which article" questions), and the ids the bank names but the corpus
    lacks."""
    wanted: list[str] = [a.id for a in bank.articles]
    for q in bank.questions:
        for aid in (*q.article_ids, *(e.article_id for e in q.evidence)):
            if aid not in wanted:
                wanted.append(aid)
    if corpus is None:
        from ..articles import load_corpus

        corpus = load_corpus()
    available: Mapping[str, Article] = {a.id: a for a in corpus}
    return dict(available), [aid for aid in wanted if aid not in available]
