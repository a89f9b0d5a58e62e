"""A question bank: the generated questions plus where they came from, as versioned JSON.

Loading validates the file against the JSON schema shipped with the package and then checks
what a schema cannot (keys among the options, evidence pointing at listed articles), so a
truncated, foreign or hand-broken file is rejected with the reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BankError
from .questions import Evidence, Question

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "quizlib.bank"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ArticleRef:
    """Which article text a bank was made from (sha256 of the original text)."""

    id: str
    title: str
    sha256: str


@dataclass(frozen=True)
class Bank:
    questions: tuple[Question, ...]
    articles: tuple[ArticleRef, ...] = ()
    seed: int | None = None
    report: dict[str, dict[str, Any]] = field(default_factory=dict)
    quizlib_version: str = ""

    def __post_init__(self) -> None:
        if not self.quizlib_version:
            from . import __version__

            object.__setattr__(self, "quizlib_version", __version__)

    # -- collection behaviour -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __getitem__(self, key: int | str) -> Question:
        if isinstance(key, int):
            return self.questions[key]
        for q in self.questions:
            if q.id == key:
                return q
        raise KeyError(key)

    def __repr__(self) -> str:  # never shows keys
        n = len(self.articles)
        return f"<Bank {self.id}: {len(self)} questions from {n} article{'' if n == 1 else 's'}, seed {self.seed}>"

    @property
    def id(self) -> str:
        """Changes whenever a question or its option order changes (each saved attempt records it)."""
        h = hashlib.sha256()
        for q in self.questions:
            h.update(q.id.encode())
            h.update("\x1f".join(q.options).encode("utf-8"))
        return h.hexdigest()[:12]

    def filter(
        self,
        kind: str | Iterable[str] | None = None,
        skill: str | None = None,
        article: str | None = None,
        technique: str | None = None,
        form: str | None = None,
    ) -> Bank:
        kinds = {kind} if isinstance(kind, str) else set(kind) if kind is not None else None
        kept = tuple(
            q
            for q in self.questions
            if (kinds is None or q.kind in kinds)
            and (skill is None or q.skill == skill)
            and (article is None or article in q.article_ids)
            and (technique is None or q.technique == technique)
            and (form is None or q.form == form)
        )
        return Bank(kept, self.articles, self.seed, self.report, self.quizlib_version)

    def counts(self, by: str = "kind") -> dict[str, int]:
        out: dict[str, int] = {}
        for q in self.questions:
            out[str(getattr(q, by))] = out.get(str(getattr(q, by)), 0) + 1
        return dict(sorted(out.items()))

    # -- views ----------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """One row a question (instructor view: shows keys)."""
        import pandas as pd

        rows = []
        for q in self.questions:
            rows.append(
                {
                    "id": q.id,
                    "kind": q.kind,
                    "form": q.form,
                    "skill": q.skill,
                    "technique": q.technique,
                    "prompt": q.prompt,
                    "options": list(q.options),
                    "items": list(q.items),
                    "answer": list(q.answer),
                    "key": q.key_text,
                    "explanation": q.explanation,
                    "evidence": " … ".join(e.text for e in q.evidence),
                    "articles": ", ".join(q.article_ids),
                    "difficulty": q.difficulty,
                    "generator": q.generator,
                }
            )
        return pd.DataFrame(rows, columns=None if rows else ["id", "kind", "skill", "prompt"])

    def report_text(self) -> str:
        """Candidates made, kept and dropped (with reasons), per generator."""
        lines = [f"{'generator':<28}{'made':>6}{'kept':>6}  dropped"]
        for name, r in sorted(self.report.items()):
            why = ", ".join(f"{k} {v}" for k, v in sorted(r["dropped"].items())) or "-"
            lines.append(f"{name:<28}{r['made']:>6}{r['kept']:>6}  {why}")
        return "\n".join(lines)

    # -- JSON -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "quizlib_version": self.quizlib_version,
            "seed": self.seed,
            "articles": [asdict(a) for a in self.articles],
            "questions": [_question_to_dict(q) for q in self.questions],
            "report": self.report,
        }

    def to_json(self) -> str:
        """Deterministic JSON: same bank, same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)
        return path

    @classmethod
    def from_json(cls, text: str, source: str | Path | None = None) -> Bank:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BankError(source, f"not valid JSON (truncated?): {exc.msg} at line {exc.lineno}") from None
        return cls.from_dict(data, source)

    @classmethod
    def from_dict(cls, data: Any, source: str | Path | None = None) -> Bank:
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise BankError(source, 'not a quizlib question bank (no "schema": "quizlib.bank")')
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise BankError(
                source, f"schema version {version!r} is not supported (this quizlib reads version {SCHEMA_VERSION})"
            )
        _validate_schema(data, source)
        questions = tuple(_question_from_dict(q) for q in data["questions"])
        articles = tuple(ArticleRef(**a) for a in data["articles"])
        bank = cls(questions, articles, data["seed"], data["report"], data["quizlib_version"])
        _check_consistency(bank, source)
        return bank

    @classmethod
    def load(cls, path: str | Path) -> Bank:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BankError(path, "no such file") from None
        except UnicodeDecodeError:
            raise BankError(path, "not UTF-8 text (is this a bank file?)") from None
        except OSError as exc:
            raise BankError(path, f"cannot read: {exc.strerror}") from None
        return cls.from_json(text, path)


def _question_to_dict(q: Question) -> dict[str, Any]:
    d = asdict(q)
    for name in ("answer", "options", "items", "article_ids", "tags"):
        d[name] = list(d[name])
    d["evidence"] = [asdict(e) for e in q.evidence]
    return d


def _question_from_dict(d: dict[str, Any]) -> Question:
    d = dict(d)
    d["evidence"] = tuple(Evidence(**e) for e in d["evidence"])
    for name in ("answer", "options", "items", "article_ids", "tags"):
        d[name] = tuple(d[name])
    return Question(**d)


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(resources.files("quizlib").joinpath("data/bank.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _validate_schema(data: dict, source: str | Path | None) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise BankError(source, f"does not match the bank schema at {where}: {err.message}{more}")


def _check_consistency(bank: Bank, source: str | Path | None) -> None:
    known = {a.id for a in bank.articles}
    seen: set[str] = set()
    for q in bank.questions:
        where = f"question {q.id}"
        if q.id in seen:
            raise BankError(source, f"{where} appears twice")
        seen.add(q.id)
        if q.form in ("single", "multi") and not set(q.answer) <= set(q.options):
            raise BankError(source, f"{where}: its key is not among its options")
        if q.form == "single" and len(q.answer) != 1:
            raise BankError(source, f"{where}: a single-choice question needs exactly one key")
        if q.form == "match" and (len(q.answer) != len(q.items) or not set(q.answer) <= set(q.options)):
            raise BankError(source, f"{where}: every matching item needs one key among the options")
        for e in q.evidence:
            if e.end <= e.start:
                raise BankError(source, f"{where}: evidence span {e.start}-{e.end} is empty")
            if known and e.article_id not in known:
                raise BankError(source, f"{where}: evidence names unknown article {e.article_id!r}")
