"""Would a general sentiment lexicon find more loaded words? A probe on the dev half of the expert labels.

    pip install vaderSentiment textblob          # not quizlib dependencies: only this probe reads them
    python benchmarks/sentiment_probe.py --data ../shared/data/mbic-sg1-expert-labels.csv

Adds, to quizlib's loaded-language flags, every word in the writer's voice (not quoted, not reported
speech, not a name, not negated) that a general lexicon rates as strongly emotive, and prints the
word-level precision / recall / F1 on the dev half (rows 0, 2, 4, ...; the held-out half is not
read) for each gate: VADER (MIT; vader_lexicon.txt, mean valence and its standard deviation over
ten raters) by |valence| and word class, and TextBlob's adjective lexicon (MIT package; the
en-sentiment.xml of De Smedt & Daelemans, PDDL) by subjectivity and |polarity|. Word classes come
from the Brill lexicon bundled with TextBlob (en-lexicon.txt). The lexicon files are read where
the packages are installed; neither package is imported and nothing is downloaded.

Issue 4 ran it to decide whether to use such a lexicon as a second source of cues: no gate raised
the dev F1 (see docs/bias.md), so quizlib does not.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bias_eval import DEFAULT, f1, flagged_words, read_rows

from quizlib import cues as C

_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return path if path.is_file() else None


def _lexicons() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]], dict[str, str]]:
    vader_file = _package_file("vaderSentiment", "vader_lexicon.txt")
    xml_file = _package_file("textblob", "en", "en-sentiment.xml")
    tags_file = _package_file("textblob", "en", "en-lexicon.txt")
    if not (vader_file and xml_file and tags_file):
        raise FileNotFoundError("needs the packages vaderSentiment and textblob (pip install vaderSentiment textblob)")
    vader = {}
    for line in vader_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            vader[parts[0]] = (float(parts[1]), float(parts[2]))
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for w in ElementTree.parse(xml_file).getroot():
        senses[w.get("form", "").lower()].append((abs(float(w.get("polarity", 0))), float(w.get("subjectivity", 0))))
    adjectives = {w: (sum(p for p, _ in s) / len(s), sum(q for _, q in s) / len(s)) for w, s in senses.items()}
    tags = {}
    for line in tags_file.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith(";"):
            tags[parts[0]] = parts[1]
    return vader, adjectives, tags


def _writer_words(text: str) -> list[str]:
    """Lower-cased words of the writer's voice, by quizlib's own context rules."""
    quotes, reported = C.quote_spans(text), C.reported_from(text)
    out = []
    for m in _TOKEN.finditer(text):
        if C._inside(quotes, m.start(), m.end()) or (reported is not None and m.start() >= reported):
            continue
        if C._capitalised_name(text, m.start(), m.group(0)):
            continue
        if C._NEGATED_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        out.append(m.group(0).lower())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"sentiment_probe: data file not found: {args.data}", file=sys.stderr)
        return 2
    try:
        vader, adjectives, tags = _lexicons()
    except FileNotFoundError as exc:
        print(f"sentiment_probe: {exc}", file=sys.stderr)
        return 2
    dev = read_rows(args.data)[0::2]
    base = [(flagged_words(r["text"]), r["words"], _writer_words(r["text"])) for r in dev]

    def run(extra) -> dict[str, float]:
        tp = fp = fn = 0
        for flags, gold, words in base:
            found = set(flags) | {w for w in words if extra(w)}
            tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        p, r = tp / (tp + fp), tp / (tp + fn)
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1(p, r), 3), "flags": tp + fp}

    def vader_gate(t: float, classes: tuple[str, ...]):
        return lambda w: w in vader and abs(vader[w][0]) >= t and vader[w][1] <= 1.0 and tags.get(w, "")[:2] in classes

    def adjective_gate(s: float, p: float):
        def gate(w: str) -> bool:
            polarity, subjectivity = adjectives.get(w, (0.0, 0.0))
            return tags.get(w, "")[:2] in ("JJ", "RB") and polarity >= p and subjectivity >= s

        return gate

    result = {"dev_rows": len(dev), "quizlib": run(lambda w: False)}
    for t in (1.5, 2.0, 2.5, 3.0):
        for classes in (("JJ",), ("JJ", "RB"), ("JJ", "RB", "VB", "NN")):
            result[f"+vader |valence|>={t} {'/'.join(classes)}"] = run(vader_gate(t, classes))
    for s, p in ((0.6, 0.3), (0.8, 0.5), (0.9, 0.7)):
        result[f"+textblob subjectivity>={s} |polarity|>={p}"] = run(adjective_gate(s, p))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
