"""Golden outputs for a speed change: the bank JSON and every cue, to compare before and after.

A change made for speed must not change what quizlib produces. Run this on the code before the
change and after it, into two folders, and compare the folders (`cmp`, or the printed digests):

    python benchmarks/golden.py /tmp/before [--corpus /tmp/bench-200]
    python benchmarks/golden.py /tmp/after  [--corpus /tmp/bench-200]
    diff <(cd /tmp/before && sha256sum *) <(cd /tmp/after && sha256sum *)

It writes the seed banks for seeds 0, 1 and 7, the cues of every seed article, and with --corpus
(e.g. the first 200 articles of benchmarks/corpus.py's corpus) that folder's bank (seed 0) and cues.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path


def cues_json(corpus) -> str:
    import quizlib

    return json.dumps([[a.id, [asdict(c) for c in quizlib.find_cues(a)]] for a in corpus], ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder to write the outputs into")
    ap.add_argument("--corpus", help="an article folder to add (bank with seed 0, and cues)")
    args = ap.parse_args(argv)
    import quizlib

    args.out.mkdir(parents=True, exist_ok=True)
    seeds = quizlib.seed_corpus()
    outputs = {f"seeds-bank-{s}.json": lambda s=s: quizlib.generate(seeds, seed=s).to_json() for s in (0, 1, 7)}
    outputs["seeds-cues.json"] = lambda: cues_json(seeds)
    if args.corpus:
        corpus = quizlib.load_corpus(args.corpus)
        outputs["corpus-bank-0.json"] = lambda: quizlib.generate(corpus, seed=0).to_json()
        outputs["corpus-cues.json"] = lambda: cues_json(corpus)
    print(f"quizlib from {Path(quizlib.__file__).parent}")
    for name, make in outputs.items():
        data = make().encode("utf-8")
        (args.out / name).write_bytes(data)
        print(f"{hashlib.sha256(data).hexdigest()[:16]}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
