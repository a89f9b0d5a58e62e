"""One answer control per question form: the widget, how to read and restore a response, how to lock it.

A control knows the options a learner may pick from, never which is right; `reveal` is called
only after Check.
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as w

from ..articles import Article
from ..questions import Question
from .markwords import MarkWords, tokenize

Response = str | tuple[str, ...] | None
_WIDE = w.Layout(width="96%", max_width="720px")
_LABEL = {"description_width": "initial"}


class Control:
    widget: w.Widget
    shows_passage = False  # the control itself shows the passage the prompt quotes

    def response(self) -> Response:
        raise NotImplementedError

    def set_response(self, response: Response) -> None:
        raise NotImplementedError

    def lock(self) -> None:
        self.widget.disabled = True

    def reveal(self, q: Question, response: Response) -> None:
        """Show right and wrong on the control itself (after Check)."""

    @property
    def missing(self) -> str:
        return "Choose an answer first."


class Single(Control):
    """One option out of several (choices, true/false, fact/opinion, which article)."""

    def __init__(self, q: Question) -> None:
        self.widget = w.RadioButtons(
            options=list(q.options), value=None, description="Your answer:", style=_LABEL, layout=_WIDE
        )

    def response(self) -> Response:
        return self.widget.value

    def set_response(self, response: Response) -> None:
        self.widget.value = response if response in self.widget.options else None


class Typed(Control):
    """A typed short answer (cloze)."""

    def __init__(self, q: Question) -> None:
        # continuous_update=False: one update when the box loses focus (as Check is pressed),
        # not one per keystroke that a quick Check click could overtake.
        self.widget = w.Text(
            value="",
            continuous_update=False,
            placeholder="Type your answer",
            description="Your answer:",
            style=_LABEL,
            layout=_WIDE,
        )

    def response(self) -> Response:
        return self.widget.value.strip() or None

    def set_response(self, response: Response) -> None:
        self.widget.value = response if isinstance(response, str) else ""

    @property
    def missing(self) -> str:
        return "Type an answer first."


class Match(Control):
    """Each item gets one option from a dropdown."""

    def __init__(self, q: Question) -> None:
        self.dropdowns = [
            w.Dropdown(options=list(q.options), value=None, description=item, style=_LABEL, layout=_WIDE)
            for item in q.items
        ]
        self.widget = w.VBox(self.dropdowns, layout=_WIDE)

    def response(self) -> Response:
        values = tuple(d.value or "" for d in self.dropdowns)
        return values if all(values) else None

    def set_response(self, response: Response) -> None:
        values = list(response) if isinstance(response, (list, tuple)) else []
        for d, v in zip(self.dropdowns, values + [None] * len(self.dropdowns), strict=False):
            d.value = v if v in d.options else None

    def lock(self) -> None:
        for d in self.dropdowns:
            d.disabled = True

    @property
    def missing(self) -> str:
        return "Choose an option for every item first."


class Marks(Control):
    """Mark the words: the candidates are clickable inside the passage they come from."""

    shows_passage = True

    def __init__(self, q: Question, tokens: list[dict]) -> None:
        self.options = q.options
        self.widget = MarkWords(
            tokens=tokens,
            label="Passage: click or press Enter on each word you want to mark",
            hint="Click each word you want to mark; click again to unmark.",
            layout=_WIDE,
        )

    def response(self) -> Response:
        chosen = tuple(self.options[i] for i in sorted(self.widget.selected) if 0 <= i < len(self.options))
        return chosen or None

    def set_response(self, response: Response) -> None:
        chosen = set(response) if isinstance(response, (list, tuple)) else set()
        self.widget.selected = [i for i, o in enumerate(self.options) if o in chosen]

    def reveal(self, q: Question, response: Response) -> None:
        chosen, key = set(response or ()), set(q.answer)
        verdicts = {}
        for i, o in enumerate(self.options):
            if o in chosen:
                verdicts[str(i)] = "right" if o in key else "wrong"
            elif o in key:
                verdicts[str(i)] = "missed"
        self.widget.verdicts = verdicts


class Checks(Control):
    """Pick every option that applies, when the options cannot be shown inside a passage."""

    def __init__(self, q: Question) -> None:
        self.options = q.options
        self.boxes = [w.Checkbox(value=False, description=o, indent=False, layout=_WIDE) for o in q.options]
        self.widget = w.VBox(self.boxes, layout=_WIDE)

    def response(self) -> Response:
        chosen = tuple(o for o, b in zip(self.options, self.boxes, strict=True) if b.value)
        return chosen or None

    def set_response(self, response: Response) -> None:
        chosen = set(response) if isinstance(response, (list, tuple)) else set()
        for o, b in zip(self.options, self.boxes, strict=True):
            b.value = o in chosen

    def lock(self) -> None:
        for b in self.boxes:
            b.disabled = True


class Rewrite(Control):
    """Write a neutral version; after Check the learner compares it with a model answer."""

    def __init__(self, q: Question) -> None:
        self.widget = w.Textarea(
            value="",
            continuous_update=False,
            placeholder="Write your version here",
            description="Your rewrite:",
            style=_LABEL,
            layout=w.Layout(width="100%", max_width="720px", height="6em"),
        )

    def response(self) -> Response:
        return self.widget.value.strip() or None

    def set_response(self, response: Response) -> None:
        self.widget.value = response if isinstance(response, str) else ""

    @property
    def missing(self) -> str:
        return "Write your version first."


def _covering(q: Question, articles: Mapping[str, Article], unit: str) -> str | None:
    """The sentences (unit="sentences") or paragraphs that hold a question's evidence, from one article."""
    ids = {e.article_id for e in q.evidence}
    if len(ids) != 1 or (article := articles.get(next(iter(ids)))) is None:
        return None
    if any(article.text[e.start : e.end] != e.text for e in q.evidence):
        return None
    spans = [
        (s.start, s.end) for s in getattr(article, unit) if any(s.start < e.end and e.start < s.end for e in q.evidence)
    ]
    if not spans:
        return None
    return article.text[min(a for a, _ in spans) : max(b for _, b in spans)]


def control_for(q: Question, articles: Mapping[str, Article]) -> Control:
    """The control a question's form needs."""
    if q.form == "single":
        return Single(q)
    if q.form == "text":
        return Typed(q)
    if q.form == "match":
        return Match(q)
    if q.form == "rewrite":
        return Rewrite(q)
    if q.form == "multi":
        for passage in (_covering(q, articles, "sentences"), _covering(q, articles, "paragraphs")):
            tokens = tokenize(passage, q.options) if passage else None
            if tokens:
                return Marks(q, tokens)
        return Checks(q)
    raise ValueError(f"no control for question form {q.form!r}")
