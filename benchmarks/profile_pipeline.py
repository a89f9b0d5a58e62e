"""Where the pipeline's time goes: cProfile of generate(load_corpus(folder)), per module.

Time spent in C functions (regular expressions, str methods, blingfire) is charged to the
Python module that called them, so "quizlib/cues.py" includes the regex matching cues asks for.

    python benchmarks/profile_pipeline.py [FOLDER] [--json] [--top 15]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import sysconfig
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


def module_of(filename: str) -> str:
    """A readable module name for a profiled function's file."""
    if filename in ("~", "") or filename.startswith("<"):
        return "(built-in)"
    path = Path(filename).resolve()
    parts = path.parts
    if "site-packages" in parts:
        return "site-packages/" + parts[parts.index("site-packages") + 1]
    if "quizlib" in parts:  # the repository's package or the benchmark's copy of it
        return "/".join(parts[parts.index("quizlib") :])
    for base, label in ((ROOT, ""), (STDLIB, "stdlib/")):
        if path.is_relative_to(base):
            return label + str(path.relative_to(base))
    return str(path)


def per_module(stats: pstats.Stats) -> dict[str, float]:
    """Own time per module, C functions charged to their Python callers (by the callers' shares)."""
    raw = stats.stats  # type: ignore[attr-defined]
    out: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tt, _, callers) in raw.items():
        module = module_of(filename)
        if module != "(built-in)" or not callers:
            out[module] += tt
            continue
        shares = {c: v[2] for c, v in callers.items()}
        total = sum(shares.values()) or 1.0
        for caller, share in shares.items():
            out[module_of(caller[0])] += tt * share / total
    return dict(out)


def profile(folder: str | None) -> dict:
    import quizlib

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    corpus = quizlib.load_corpus(folder)
    bank = quizlib.generate(corpus, seed=0)
    prof.disable()
    total = time.perf_counter() - t0
    stats = pstats.Stats(prof)
    modules = sorted(per_module(stats).items(), key=lambda kv: -kv[1])
    functions = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:25]  # type: ignore[attr-defined]
    return {
        "articles": len(corpus),
        "questions": len(bank),
        "total_s": total,
        "modules": [{"module": m, "seconds": s, "share": s / total} for m, s in modules],
        "functions": [
            {
                "function": f"{module_of(f)}:{line} {name}",
                "own_s": v[2],
                "cumulative_s": v[3],
                "calls": v[1],
            }
            for (f, line, name), v in functions
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", help="article folder (default: the seeds)")
    ap.add_argument("--json", action="store_true", help="print one JSON line instead of tables")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    result = profile(args.folder)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['articles']} articles, {result['questions']} questions, {result['total_s']:.2f} s under cProfile")
    print("per module (own time; C calls charged to their caller):")
    for row in result["modules"][: args.top]:
        print(f"  {row['share'] * 100:5.1f}%  {row['seconds']:7.2f} s  {row['module']}")
    print("functions by own time:")
    for row in result["functions"][: args.top]:
        print(f"  {row['own_s']:7.2f} s own  {row['cumulative_s']:7.2f} s cum  {row['calls']:>9}  {row['function']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
