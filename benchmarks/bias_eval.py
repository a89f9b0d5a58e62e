"""Measure quizlib's cue detection against expert bias labels (BABE/MBIC SG1 format).

    python benchmarks/bias_eval.py --data ../shared/data/mbic-sg1-expert-labels.csv

Prints one JSON object: word-level precision/recall/F1 of loaded-language flags against the
annotators' biased_words; sentence-level macro-F1 of biased (the writer's own loaded or
opinion cues) vs non-biased; macro-F1 of "Entirely factual" vs "Expresses writer’s opinion"
(classify_sentence: opinion or speculation vs fact or attributed claim). Each on all rows and on two fixed halves
(rows 0, 2, 4, ... were used while writing the lists: "dev"; rows 1, 3, 5, ...: "held_out").
The data file is read, never copied; exit code 2 when it is absent or malformed.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
from pathlib import Path

from quizlib.cues import OPINION, SPECULATION, classify_sentence, sentence_cues

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "mbic-sg1-expert-labels.csv"
COLUMNS = {"text", "label_bias", "label_opinion", "biased_words"}
FACTUAL = "Entirely factual"
WRITER_OPINION = "Expresses writer’s opinion"
_WORD = re.compile(r"[\w’'-]+")


def read_rows(path: Path) -> list[dict[str, object]]:
    """Rows with text, labels and the set of marked words; a clear error for a bad file."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        missing = COLUMNS - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)} (expected ';'-separated BABE/MBIC format)")
        rows = []
        for n, row in enumerate(reader, start=2):
            try:
                marked = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                raise ValueError(f"{path}: line {n}: biased_words is not a list literal") from None
            words = {t.lower().replace("’", "'") for w in marked for t in _WORD.findall(str(w))}
            rows.append(
                {
                    "text": row["text"].strip(),
                    "bias": row["label_bias"],
                    "opinion": row["label_opinion"],
                    "words": words,
                }
            )
    return rows


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def macro_f1(gold: list[bool], pred: list[bool]) -> float:
    scores = []
    for cls in (True, False):
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred, strict=True))
        fp = sum(g != cls and p == cls for g, p in zip(gold, pred, strict=True))
        fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
        scores.append(f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0))
    return sum(scores) / 2


def flagged_words(text: str) -> set[str]:
    """Words of the loaded-language cues of a sentence, lower-cased."""
    return {
        t.lower().replace("’", "'")
        for c in sentence_cues(text)
        if c.category == "loaded_language"
        for t in _WORD.findall(c.text)
    }


def evaluate(rows: list[dict[str, object]]) -> dict[str, object]:
    tp = fp = fn = 0
    gold_b, pred_b, gold_o, pred_o = [], [], [], []
    for row in rows:
        flags = flagged_words(row["text"])
        gold = row["words"]
        tp += len(flags & gold)
        fp += len(flags - gold)
        fn += len(gold - flags)
        # Biased: the writer's own loaded or opinion words (a hedge signals uncertainty, not bias).
        biased = any(c.category in ("loaded_language", "opinion") for c in sentence_cues(row["text"]))
        # Opinion vs fact: classify_sentence's labels; speculation is not "entirely factual" either.
        opinion = classify_sentence(row["text"]).label in (OPINION, SPECULATION)
        if row["bias"] in ("Biased", "Non-biased"):
            gold_b.append(row["bias"] == "Biased")
            pred_b.append(biased)
        if row["opinion"] in (FACTUAL, WRITER_OPINION):
            gold_o.append(row["opinion"] == WRITER_OPINION)
            pred_o.append(opinion)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "rows": len(rows),
        "word": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1(p, r), 3), "flags": tp + fp},
        "sentence_bias_macro_f1": round(macro_f1(gold_b, pred_b), 3),
        "sentence_bias_rows": len(gold_b),
        "opinion_vs_fact_macro_f1": round(macro_f1(gold_o, pred_o), 3),
        "opinion_vs_fact_rows": len(gold_o),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="a ;-separated file in the BABE/MBIC SG1 format")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"bias_eval: data file not found: {args.data} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    try:
        rows = read_rows(args.data)
    except (ValueError, UnicodeDecodeError, csv.Error) as exc:
        print(f"bias_eval: {exc}", file=sys.stderr)
        return 2
    result = {
        "data": args.data.name,
        "all": evaluate(rows),
        "dev": evaluate(rows[0::2]),
        "held_out": evaluate(rows[1::2]),
        "targets": {
            "word_precision": 0.60,
            "word_f1": 0.40,
            "sentence_bias_macro_f1": 0.62,
            "opinion_vs_fact_macro_f1": 0.70,
        },
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
