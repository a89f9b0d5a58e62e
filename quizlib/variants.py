"""Per-learner variants: many banks drawn from one pool of sound questions, each with the same
balance of kinds, skills and articles, so no two learners need the same paper and every paper
tests the same things.

Instructors steer a pool with edits: pin questions (in every variant), drop them (in none) or
change their fields; the rest is drawn around them. Edits come from a small JSON file or from a
DataFrame (Bank.to_frame() with an "action" column and edited cells).

Same pool, count, size, seed and edits: the same variants, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .bank import Bank
from .errors import BankError, QuizlibError
from .questions import Question, make_question, with_options

if TYPE_CHECKING:
    import pandas as pd

# Fields an instructor may change. A changed question gets a new id (ids follow content), so
# class statistics never mix the old wording with the new.
EDITABLE = ("prompt", "explanation", "options", "answer", "items", "difficulty", "tags")
_LISTS = ("options", "answer", "items", "tags")
DEFAULT_SIZE = 20


def _cell(value: Any) -> Any:
    """A DataFrame cell as comparable data: lists and tuples alike, NaN as None."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return None if value != value else value  # NaN is the one value not equal to itself


class VariantsError(QuizlibError):
    """Edits or a variants request that cannot be carried out."""


@dataclass(frozen=True)
class Edits:
    """Which questions to pin, drop or change (by question id)."""

    pin: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    change: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str | None = None  # the file the edits came from, for error messages

    # -- reading --------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> Edits:
        """Read an edits file: {"pin": [ids], "drop": [ids], "change": {id: {field: value}}}."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise VariantsError(path, "no such file") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VariantsError(path, f"not a JSON edits file: {exc}") from None
        return cls.from_dict(data, path)

    @classmethod
    def from_dict(cls, data: Any, source: str | Path | None = None) -> Edits:
        if not isinstance(data, dict):
            raise VariantsError(source, 'edits must be a JSON object with "pin", "drop" and/or "change"')
        unknown = sorted(set(data) - {"pin", "drop", "change"})
        if unknown:
            raise VariantsError(source, f"unknown key(s) {', '.join(unknown)}; use pin, drop and change")
        pin, drop, change = data.get("pin", []), data.get("drop", []), data.get("change", {})
        for name, ids in (("pin", pin), ("drop", drop)):
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise VariantsError(source, f'"{name}" must be a list of question ids')
        if not isinstance(change, dict) or not all(isinstance(v, dict) for v in change.values()):
            raise VariantsError(source, '"change" must map question ids to {field: new value}')
        for qid, fields in change.items():
            bad = sorted(set(fields) - set(EDITABLE))
            if bad:
                raise VariantsError(source, f"{qid}: cannot change {', '.join(bad)}; editable: {', '.join(EDITABLE)}")
        both = sorted(set(pin) & set(drop))
        if both:
            raise VariantsError(source, f"{both[0]} is both pinned and dropped")
        return cls(tuple(pin), tuple(drop), {k: dict(v) for k, v in change.items()}, str(source) if source else None)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, original: Bank) -> Edits:
        """Edits from a DataFrame shaped like `original.to_frame()`: an optional "action" column
        ("pin", "drop" or empty) and any changed cells of the editable columns."""
        by_id = {q.id: q for q in original}
        shown_rows = {r["id"]: r for r in original.to_frame().to_dict("records")}
        pin, drop, change = [], [], {}
        for row in frame.to_dict("records"):
            qid = row.get("id")
            if qid not in by_id:
                raise VariantsError(None, f"row with id {qid!r}: no such question in the bank")
            action = str(row.get("action") or "").strip().lower()
            if action in ("pin", "drop"):
                (pin if action == "pin" else drop).append(qid)
            elif action not in ("", "nan", "none"):
                raise VariantsError(None, f"{qid}: action {action!r} is not pin, drop or empty")
            q = by_id[qid]
            shown = shown_rows[qid]
            for name, value in row.items():  # a changed cell that is only shown, never applied, is an error
                if name in shown and name not in EDITABLE and _cell(value) != _cell(shown[name]):
                    hint = "; change the answer column instead" if name == "key" else ""
                    editable = ", ".join(EDITABLE)
                    raise VariantsError(None, f"{qid}: column {name!r} cannot be edited{hint} (editable: {editable})")
            diff = {}
            for name in EDITABLE:
                if name not in row:
                    continue
                new = row[name]
                new = tuple(new) if name in _LISTS else new
                if new != getattr(q, name):
                    diff[name] = list(new) if name in _LISTS else new
            if diff:
                change[qid] = diff
        return cls.from_dict({"pin": pin, "drop": drop, "change": change})

    def to_json(self) -> str:
        data = {"pin": list(self.pin), "drop": list(self.drop), "change": self.change}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    # -- applying -------------------------------------------------------------------------
    def apply(self, pool: Bank) -> tuple[Bank, tuple[str, ...]]:
        """The pool with drops removed and changes made, and the (new) ids of the pinned questions."""
        known = {q.id for q in pool}
        for qid in (*self.pin, *self.drop, *self.change):
            if qid not in known:
                raise VariantsError(self.source, f"question {qid} is not in the pool (was it made with another seed?)")
        renamed: dict[str, str] = {}
        kept: list[Question] = []
        for q in pool:
            if q.id in self.drop:
                continue
            if q.id in self.change:
                new = self._changed(q)
                renamed[q.id] = new.id
                q = new
            kept.append(q)
        edited = Bank(tuple(kept), pool.articles, pool.seed, pool.report, pool.quizlib_version)
        try:  # the checks a saved bank must pass: keys among options, no duplicates
            Bank.from_dict(json.loads(edited.to_json()), self.source)
        except BankError as exc:
            raise VariantsError(self.source, f"after the edits: {exc.problem}") from None
        return edited, tuple(renamed.get(qid, qid) for qid in self.pin)

    def _changed(self, q: Question) -> Question:
        fields = {k: v for k, v in q.__dict__.items() if k != "id"}
        for name, value in self.change[q.id].items():
            fields[name] = tuple(value) if name in _LISTS else value
        try:
            new = make_question(**fields)
        except (TypeError, ValueError) as exc:
            raise VariantsError(self.source, f"{q.id}: the change makes an invalid question: {exc}") from None
        if new.form in ("single", "multi", "match") and not set(new.answer) <= set(new.options):
            missing = ", ".join(repr(a) for a in new.answer if a not in new.options)
            raise VariantsError(self.source, f"{q.id}: the changed answer {missing} is not among its options")
        return new


# -- drawing ----------------------------------------------------------------------------------
def _rng(seed: int, name: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}\x1fvariants\x1f{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def stratum(q: Question) -> tuple[str, str, str]:
    """What every variant keeps in balance: kind, skill and (first) article."""
    return (q.kind, q.skill, q.article_ids[0])


def quotas(pool: Sequence[Question], size: int) -> dict[tuple[str, str, str], int]:
    """Questions per stratum for a variant of `size`: proportional to the pool, rounded by largest
    remainder (ties in stratum order), so every variant has exactly the same make-up."""
    groups: dict[tuple[str, str, str], int] = {}
    for q in pool:
        groups[stratum(q)] = groups.get(stratum(q), 0) + 1
    keys = sorted(groups)
    exact = {k: size * groups[k] / len(pool) for k in keys}
    out = {k: int(exact[k]) for k in keys}
    left = size - sum(out.values())
    for k in sorted(keys, key=lambda k: (-(exact[k] - out[k]), k))[:left]:
        out[k] += 1
    return out


def make_variants(
    pool: Bank,
    count: int,
    size: int | None = None,
    seed: int = 0,
    edits: Edits | None = None,
) -> list[Bank]:
    """`count` banks of `size` questions (default: 20, or the whole pool if smaller) drawn from
    `pool`. Pinned questions are in every variant; the rest rotate through each stratum so the
    pool is used evenly and neighbouring variants overlap as little as the pool allows. Each
    variant puts the options of its single-choice questions in an order of its own."""
    if count < 1:
        raise VariantsError(None, f"the number of variants must be at least 1, not {count}")
    pinned: tuple[str, ...] = ()
    if edits is not None:
        pool, pinned = edits.apply(pool)
    questions = list(pool.questions)
    if not questions:
        raise VariantsError(None, "the pool holds no questions")
    size = min(DEFAULT_SIZE, len(questions)) if size is None else size
    if not 1 <= size <= len(questions):
        raise VariantsError(None, f"a variant of {size} questions cannot be drawn from a pool of {len(questions)}")
    if len(pinned) > size:
        raise VariantsError(None, f"{len(pinned)} pinned questions do not fit in a variant of {size}")
    # Pinned questions take their places first; the rest of the size is balanced over the others
    # (a pin added on top made variants one longer than asked: instructor walkthrough).
    quota = quotas([q for q in questions if q.id not in pinned], size - len(pinned))
    order = {q.id: i for i, q in enumerate(questions)}
    free: dict[tuple[str, str, str], list[Question]] = {}
    fixed: dict[tuple[str, str, str], list[Question]] = {}
    for q in questions:
        (fixed if q.id in pinned else free).setdefault(stratum(q), []).append(q)
    for key, group in free.items():
        _rng(seed, "\x1f".join(key)).shuffle(group)

    variants = []
    for v in range(count):
        chosen: list[Question] = []
        chosen += [q for group in fixed.values() for q in group]
        for key in sorted(quota):
            need = quota[key]
            group = free.get(key, [])
            for j in range(need if group else 0):
                chosen.append(_draw(group, (v * need + j) % len(group), chosen))
        chosen.sort(key=lambda q: order[q.id])
        chosen = [_reordered(q, _rng(seed, f"variant {v}\x1f{q.id}")) for q in chosen]
        variants.append(Bank(tuple(chosen), pool.articles, seed, pool.report, pool.quizlib_version))
    return variants


def _draw(group: list[Question], at: int, chosen: list[Question]) -> Question:
    """The stratum's question in turn, or the next one after it that gives away no question the paper already
    has (a bias item quoting a comprehension item's sentence); the one in turn when none does."""
    from .pipeline import gives_away

    turn = [group[(at + k) % len(group)] for k in range(len(group))]
    free = [q for q in turn if q not in chosen]
    return next((q for q in free if not any(gives_away(q, c) for c in chosen)), free[0] if free else turn[0])


def _reordered(q: Question, rng: random.Random) -> Question:
    """The same single-choice question with its options in this variant's own order, so learners
    sitting side by side do not share key positions (ids do not depend on option order)."""
    if q.form != "single" or len(q.options) < 3:
        return q
    options = list(q.options)
    rng.shuffle(options)
    return with_options(q, tuple(options))


def write_variants(variants: Sequence[Bank], out: str | Path) -> list[Path]:
    """variant-01.json, variant-02.json ... and index.csv (variant, file, bank id, questions)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise VariantsError(out, "exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    width = max(2, len(str(len(variants))))
    paths, index = [], ["variant,file,bank_id,questions"]
    for n, bank in enumerate(variants, 1):
        path = bank.save(out / f"variant-{n:0{width}d}.json")
        paths.append(path)
        index.append(f"{n},{path.name},{bank.id},{len(bank)}")
    (out / "index.csv").write_text("\n".join(index) + "\n", encoding="utf-8")
    return paths


def pool_for(corpus, seed: int = 0) -> Bank:
    """The pool variants are drawn from: every sound candidate the generators make for the corpus."""
    from .pipeline import generate

    return generate(corpus, seed=seed, per_article_kind=None)


def summary(variants: Sequence[Bank]) -> str:
    """One line a variant: its bank id, size and make-up by skill."""
    lines = []
    for n, bank in enumerate(variants, 1):
        skills = ", ".join(f"{k} {v}" for k, v in bank.counts("skill").items())
        lines.append(f"variant {n}: bank {bank.id}, {len(bank)} questions ({skills})")
    return "\n".join(lines)
