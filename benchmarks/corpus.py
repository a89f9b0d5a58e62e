"""Build the 1,000-article benchmark corpus, reproducibly, into a folder outside the repository.

Each article is a variant of one source article (the five seeds and our own invented articles
in tests/fixtures/robustness/): the header block (title, byline, date, chrome) stays first, the
body blocks are shuffled, some are dropped or repeated, every number is replaced by another of
the same number of digits, and capitalised words in mid-sentence (mostly names and places) are
consistently replaced by invented names. The same seed always gives the same files, so runs are
comparable; the corpus is never committed (it is a few MB of derived text).

    python benchmarks/corpus.py OUT_DIR [--n 1000] [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "tests" / "fixtures" / "robustness")

# Invented names to substitute for capitalised words (none is a name from the seed articles).
INVENTED = (
    "Aldren Fosk", "Mirela Tann", "Okoro", "Brisk", "Vantaal", "Hollin", "Quessa", "Dunmore", "Elbrin",
    "Farrow", "Gellis", "Harwick", "Istvan Pohl", "Jarrah", "Kettering", "Lomax", "Marrin", "Norland",
    "Ostrava Vale", "Pellam", "Quint", "Rasmund", "Selby", "Torvald", "Ulmer", "Varga", "Wexley",
    "Yardley", "Zennor", "Ashgrove", "Bellhaven", "Corwen", "Drayfield", "Eskdale", "Fenwick",
)  # fmt: skip
# Capitalised words that are not names (kept, so sentences stay readable).
_KEEP_WORDS = (
    "I A The This That These Those It Its He She They We You His Her Their Our My Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August September October "
    "November December President Minister Mayor Dr Mr Mrs Ms But And Or If When While As In On At For"
)
KEEP = set(_KEEP_WORDS.split())
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")
_NUMBER = re.compile(r"\d+")


def sources() -> list[tuple[str, str]]:
    """(name, text) of every source article, in a fixed order."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            out.append((path.stem, path.read_text(encoding="utf-8").replace("\r\n", "\n")))
    if not out:
        raise SystemExit(f"no source articles found in {', '.join(map(str, SOURCES))}")
    return out


def _blocks(text: str) -> tuple[list[str], list[str]]:
    """Header blocks (up to the first block of 25 words or more) and body blocks."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    first_body = next((i for i, b in enumerate(blocks) if len(b.split()) >= 25), len(blocks))
    return blocks[:first_body], blocks[first_body:]


def variant(text: str, rng: random.Random) -> str:
    """One shuffled, renamed, renumbered variant of an article."""
    header, body = _blocks(text)
    body = list(body)
    rng.shuffle(body)
    if len(body) > 3:
        body = body[: rng.randint(max(2, len(body) * 2 // 3), len(body))]
    if body and rng.random() < 0.3:
        body.append(rng.choice(body))
    out = "\n\n".join([*header, *body]) + "\n"
    names = sorted({m.group(0) for b in body for m in _NAME.finditer(b)} - KEEP)
    mapping = {n: rng.choice(INVENTED) for n in names if rng.random() < 0.7}
    if mapping:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b")
        out = pattern.sub(lambda m: mapping[m.group(0)], out)
    return _NUMBER.sub(lambda m: _renumber(m.group(0), rng), out)


def _renumber(digits: str, rng: random.Random) -> str:
    if len(digits) == 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def build(out_dir: str | Path, n: int = 1000, seed: int = 0) -> list[Path]:
    """Write n articles to out_dir (created; earlier bench-*.txt files there are replaced)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("bench-*.txt"):
        old.unlink()
    rng = random.Random(seed)
    src = sources()
    paths = []
    for i in range(n):
        name, text = src[i % len(src)] if i < len(src) else rng.choice(src)
        path = out / f"bench-{i:04d}-{name}.txt"
        path.write_text(variant(text, rng), encoding="utf-8")
        paths.append(path)
    return paths


def digest(paths: list[Path]) -> str:
    """A fingerprint of the built corpus (to show two runs used the same text)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="folder to write into (use a temporary folder, never the repository)")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    out = Path(args.out).resolve()
    if out == ROOT or ROOT in out.parents:
        ap.error("write the benchmark corpus outside the repository (it is never committed)")
    paths = build(out, args.n, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words:,} words, digest {digest(paths)} in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
