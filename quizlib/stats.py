"""Item analysis of class results: which questions work, which mislead, which distractors nobody
believes.

Reads the results CSVs learners export (columns as quizlib.progress writes them, in any order)
and reports per question its facility (mean score), its discrimination (correlation of the item
score with the learner's score on the *other* items, so an item does not correlate with itself)
and how often each option was chosen. Only a learner's first attempt at a question counts: later
attempts come after the feedback and say little about the item.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .bank import Bank
from .errors import QuizlibError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

REQUIRED = ("learner", "bank_id", "question_id", "kind", "skill", "technique", "response", "score", "time")

MIN_LEARNERS = 30  # below this, facility and discrimination are rough (a common rule of thumb)
RARE_DISTRACTOR = 0.05  # a distractor chosen by fewer learners than this does not distract
EASY, HARD = 0.9, 0.2  # facility bounds outside which an item tells learners apart poorly
WEAK = 0.2  # discrimination below this is weak; below 0 the item is reversed


class ResultsError(QuizlibError):
    """A results file that cannot be read as learners' results."""


# -- reading ----------------------------------------------------------------------------------
def read_results(paths: str | Path | Iterable[str | Path]) -> pd.DataFrame:
    """All rows of the given results CSVs, checked, with a `source` column naming the file."""
    import pandas as pd

    if isinstance(paths, (str, Path)):
        paths = [paths]
    rows: list[dict[str, Any]] = []
    for path in map(Path, paths):
        rows += _read_one(path)
    if not rows:
        raise ResultsError(None, "the results files hold no answers")
    frame = pd.DataFrame(rows, columns=[*REQUIRED, "source", "line"])
    return frame


def _read_one(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ResultsError(path, "no such file") from None
    except IsADirectoryError:
        raise ResultsError(path, "is a folder; give the results CSV files") from None
    except UnicodeDecodeError:
        raise ResultsError(path, "not UTF-8 text (is this a results CSV?)") from None
    except OSError as exc:
        raise ResultsError(path, f"cannot read: {exc.strerror}") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise ResultsError(path, "is empty (expected a header row with " + ", ".join(REQUIRED) + ")")
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ResultsError(path, f"not a quizlib results CSV: missing column(s) {', '.join(missing)}")
    where = {c: names.index(c) for c in REQUIRED}
    out = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(names):
            raise ResultsError(path, f"line {line}: {len(row)} fields, the header has {len(names)}")
        rec: dict[str, Any] = {c: row[i].strip() for c, i in where.items()}
        try:
            rec["score"] = float(rec["score"])
        except ValueError:
            raise ResultsError(path, f"line {line}: score {rec['score']!r} is not a number") from None
        if not 0.0 <= rec["score"] <= 1.0:
            raise ResultsError(path, f"line {line}: score {rec['score']} is outside 0..1")
        try:
            rec["response"] = json.loads(rec["response"]) if rec["response"] else None
        except json.JSONDecodeError:
            raise ResultsError(path, f"line {line}: response is not JSON: {rec['response'][:40]!r}") from None
        if not rec["learner"] or not rec["question_id"]:
            raise ResultsError(path, f"line {line}: learner and question_id must not be empty")
        rec["technique"] = rec["technique"] or None
        rec["source"] = str(path)
        rec["line"] = line
        out.append(rec)
    return out


# -- analysis ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemAnalysis:
    items: pd.DataFrame  # one row a question
    options: pd.DataFrame  # one row a (question, option)
    by_skill: pd.DataFrame
    by_technique: pd.DataFrame
    learners: int
    warnings: tuple[str, ...]

    def chart(self) -> Figure:
        return chart(self)

    def report_text(self) -> str:
        import pandas as pd

        cols = ["question_id", "kind", "learners", "facility", "discrimination", "flags"]
        with pd.option_context("display.width", 160, "display.max_colwidth", 60):
            parts = [f"{self.learners} learners, {len(self.items)} questions"]
            parts += [f"warning: {w}" for w in self.warnings]
            parts += ["", "Questions", self.items[cols].to_string(index=False, float_format="%.2f")]
            rare = self.options[self.options["rare"]]
            if len(rare):
                parts += ["", "Distractors chosen by under 5 %", rare.to_string(index=False, float_format="%.2f")]
            parts += ["", "By skill", self.by_skill.to_string(index=False, float_format="%.2f")]
            if len(self.by_technique):
                parts += ["", "By technique", self.by_technique.to_string(index=False, float_format="%.2f")]
        return "\n".join(parts)


def first_attempts(results: pd.DataFrame) -> pd.DataFrame:
    """Each learner's first attempt at each question (by time, then file order)."""
    ordered = results.sort_values(["time", "source", "line"], kind="stable")
    return ordered.drop_duplicates(["learner", "question_id"], keep="first").reset_index(drop=True)


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    if n < 3:
        return math.nan
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return math.nan  # everyone scored the same: the item (or the rest) cannot discriminate
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(sxx * syy)


def _flags(facility: float, discrimination: float, learners: int) -> str:
    out = []
    if facility >= EASY:
        out.append("very easy")
    elif facility <= HARD:
        out.append("very hard")
    if not math.isnan(discrimination):
        if discrimination < 0:
            out.append("reversed: stronger learners do worse (check the key)")
        elif discrimination < WEAK:
            out.append("weak discrimination")
    if learners < 10:
        out.append("few answers")
    return "; ".join(out)


def analyse(results: pd.DataFrame, banks: Sequence[Bank] = ()) -> ItemAnalysis:
    """Item analysis of results (as read_results returns them). Banks, when given, supply every
    question's options and key, so options nobody chose show up too."""
    import pandas as pd

    first = first_attempts(results)
    questions = {q.id: q for bank in banks for q in bank}
    learners = sorted(first["learner"].unique())
    totals = first.groupby("learner")["score"].agg(["sum", "count"])
    sums, counts = totals["sum"].to_dict(), totals["count"].to_dict()

    item_rows = []
    for qid, group in first.groupby("question_id", sort=True):
        scores, rests = [], []
        for learner, score in zip(group["learner"], group["score"], strict=True):
            total, count = sums[learner], counts[learner]
            if count > 1:
                scores.append(score)
                rests.append((total - score) / (count - 1))
        facility = float(group["score"].mean())
        disc = _pearson(scores, rests)
        head = group.iloc[0]
        item_rows.append(
            {
                "question_id": qid,
                "kind": head["kind"],
                "skill": head["skill"],
                "technique": head["technique"],
                "learners": len(group),
                "facility": facility,
                "discrimination": disc,
                "flags": _flags(facility, disc, len(group)),
            }
        )
    items = pd.DataFrame(item_rows)
    options = _options(first, questions)

    warnings = []
    if len(learners) < MIN_LEARNERS:
        warnings.append(
            f"only {len(learners)} learners: facility and discrimination are rough with fewer than "
            f"{MIN_LEARNERS}; read them as hints, not verdicts"
        )
    unknown = sorted(set(first["question_id"]) - set(questions)) if banks else []
    if unknown:
        warnings.append(f"{len(unknown)} question(s) are in none of the banks given, e.g. {unknown[0]}")
    if not banks:
        warnings.append("no bank given: options nobody chose cannot be listed, and multiple answers are not split")
    return ItemAnalysis(
        items, options, _summary(items, "skill"), _summary(items, "technique"), len(learners), tuple(warnings)
    )


def _options(first: pd.DataFrame, questions: dict) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for qid, group in first.groupby("question_id", sort=True):
        q = questions.get(qid)
        n = len(group)
        if q is not None and q.form not in ("single", "multi"):
            continue
        chosen: dict[str, int] = {}
        keys: dict[str, bool | None] = {}
        for response, score in zip(group["response"], group["score"], strict=True):
            picks = [response] if isinstance(response, str) else response if isinstance(response, list) else []
            if q is None and not isinstance(response, str):
                continue  # a list without the bank: could be a matching answer, not options
            for pick in dict.fromkeys(str(p) for p in picks):
                chosen[pick] = chosen.get(pick, 0) + 1
                if q is None:
                    keys[pick] = keys.get(pick) or score == 1.0
        if q is not None:
            keys = {o: o in q.answer for o in q.options}
            for o in q.options:
                chosen.setdefault(o, 0)
        order = list(q.options) if q is not None else sorted(chosen, key=lambda o: (-chosen[o], o))
        order += sorted(o for o in chosen if o not in order)  # answers the bank does not list
        for o in order:
            share = chosen[o] / n
            is_key = keys.get(o)
            rows.append(
                {
                    "question_id": qid,
                    "option": o,
                    "key": is_key,
                    "chosen": chosen[o],
                    "share": share,
                    "rare": bool(is_key is False and share < RARE_DISTRACTOR),
                }
            )
    return pd.DataFrame(rows, columns=["question_id", "option", "key", "chosen", "share", "rare"])


def _summary(items: pd.DataFrame, by: str) -> pd.DataFrame:
    import pandas as pd

    cols = [by, "questions", "answers", "facility", "discrimination"]
    if items.empty:
        return pd.DataFrame(columns=cols)
    rows = items[items[by].notna()]
    out = rows.groupby(by, sort=True).agg(
        questions=("question_id", "count"),
        answers=("learners", "sum"),
        facility=("facility", "mean"),
        discrimination=("discrimination", "mean"),
    )
    return out.reset_index()[cols]


def item_analysis(paths: str | Path | Iterable[str | Path], banks: Sequence[Bank] = ()) -> ItemAnalysis:
    """read_results + analyse: the instructor notebook's one call."""
    return analyse(read_results(paths), banks)


# -- chart ------------------------------------------------------------------------------------
def chart(analysis: ItemAnalysis) -> Figure:
    """Facility against discrimination, one dot a question, with the usual bounds drawn in."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 5))
    ax = fig.add_subplot()
    items = analysis.items.dropna(subset=["discrimination"]) if len(analysis.items) else analysis.items
    for skill, group in items.groupby("skill", sort=True) if len(items) else []:
        ax.scatter(group["facility"], group["discrimination"], label=skill, alpha=0.8)
        for _, row in group.iterrows():
            if row["discrimination"] < 0:
                ax.annotate(row["question_id"], (row["facility"], row["discrimination"]), fontsize=7)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.axhline(WEAK, color="grey", linestyle="--", linewidth=0.8)
    for x in (HARD, EASY):
        ax.axvline(x, color="grey", linestyle="--", linewidth=0.8)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-1.02, 1.02)
    ax.set_xlabel("facility (mean score)")
    ax.set_ylabel("discrimination (item–rest correlation)")
    undefined = len(analysis.items) - len(items)
    title = f"{analysis.learners} learners, {len(analysis.items)} questions"
    if undefined:
        title += f" ({undefined} without a discrimination: all scored alike)"
    ax.set_title(title, fontsize=10)
    if len(items):
        ax.legend(loc="lower left")
    return fig
