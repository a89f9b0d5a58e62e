"""The question model: plain data, separate from how a question is shown or scored.

A question always carries its evidence (character spans into the original article text)
and an explanation, so a learner can see *why* the key is right.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

SKILLS = ("comprehension", "bias")

# How a learner answers; decides the control a widget shows, how a response is scored
# and what an LMS export can express.
FORMS = (
    "single",  # pick one option
    "multi",  # pick every option in the key set (mark the words)
    "text",  # type a short answer (cloze); answer holds every accepted spelling
    "match",  # give each item its option; answer[i] is the option for items[i]
    "rewrite",  # write freely, then compare with the model answer (self-checked)
)


@dataclass(frozen=True)
class Evidence:
    """A passage of one article that supports the key: text == article.text[start:end]."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    form: str
    skill: str
    prompt: str
    answer: tuple[str, ...]
    explanation: str
    evidence: tuple[Evidence, ...]
    article_ids: tuple[str, ...]
    generator: str
    generator_version: str
    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    technique: str | None = None
    difficulty: float = 0.5
    tags: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise ValueError(f"unknown question form {self.form!r}")
        if self.skill not in SKILLS:
            raise ValueError(f"unknown skill {self.skill!r}")
        if not self.evidence:
            raise ValueError("a question needs evidence")
        if not self.explanation.strip():
            raise ValueError("a question needs an explanation")

    @property
    def key_text(self) -> str:
        """The key as one readable string (for listings and answer keys)."""
        if self.form == "match":
            return "; ".join(f"{i} → {a}" for i, a in zip(self.items, self.answer, strict=True))
        if self.form == "multi":
            return ", ".join(self.answer)
        return self.answer[0] if self.answer else ""


def question_id(kind: str, prompt: str, answer: tuple[str, ...], evidence: tuple[Evidence, ...]) -> str:
    """A content-derived id: the same question from the same text gets the same id under any
    seed, so variants, progress records and class statistics line up across banks."""
    parts = (kind, prompt, *sorted(answer), *(f"{e.article_id}:{e.start}:{e.end}" for e in evidence))
    h = hashlib.sha256("".join(f"{part}\x1f" for part in parts).encode("utf-8"))  # each part, then a separator
    return f"{kind}-{h.hexdigest()[:12]}"


def make_question(**fields) -> Question:
    """Build a Question and give it its content-derived id."""
    fields = dict(fields)
    for name in ("answer", "options", "items", "evidence", "article_ids", "tags"):
        if name in fields:
            fields[name] = tuple(fields[name])
    if "article_ids" not in fields:
        fields["article_ids"] = tuple(dict.fromkeys(e.article_id for e in fields["evidence"]))
    fields["id"] = question_id(fields["kind"], fields["prompt"], fields["answer"], fields["evidence"])
    return Question(**fields)


def with_options(question: Question, options: tuple[str, ...]) -> Question:
    """The same question with its options in another order (ids do not depend on order)."""
    return replace(question, options=tuple(options))
