"""The `quizlib` command. Errors go to stderr with exit code 2 and no traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .errors import QuizlibError


def cmd_articles(args: argparse.Namespace) -> int:
    from .articles import load_corpus

    corpus = load_corpus(args.path)
    frame = corpus.to_frame().drop(columns=["style"])
    frame["title"] = frame["title"].str.slice(0, 48)
    print(frame.to_string(index=False))
    for problem in corpus.problems:
        print(f"not loaded: {problem}", file=sys.stderr)
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .articles import load_corpus
    from .pipeline import generate

    if args.variants:  # per-learner variants: see quizlib.variants
        args.count = args.variants
        return cmd_variants(args)
    corpus = load_corpus(args.path)
    for problem in corpus.problems:
        print(f"not loaded: {problem}", file=sys.stderr)
    bank = generate(corpus, seed=args.seed)
    if args.format == "csv":
        frame = bank.to_frame()
        for col in ("options", "items", "answer"):
            frame[col] = frame[col].map(lambda v: " | ".join(v))
        text = frame.to_csv(index=False, lineterminator="\n")
    else:
        text = bank.to_json()
    if args.out:
        from pathlib import Path

        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{len(bank)} questions written to {args.out}", file=sys.stderr)
        print(bank.report_text(), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .bank import Bank

    bank = Bank.load(args.bank)
    for n, q in enumerate(bank, 1):
        if args.kind and q.kind != args.kind:
            continue
        print(f"{n}. [{q.kind}/{q.form}] {q.id}  article: {', '.join(q.article_ids)}")
        print(f"   {q.prompt}")
        if q.form == "match":
            for item in q.items:
                print(f"     - {item}")
            print(f"   roles: {' | '.join(q.options)}")
        for o in q.options if q.form != "match" else ():
            print(f"   {'*' if o in q.answer else ' '} {o}")
        also = ", ".join(q.answer[1:]) if q.form == "text" else ""
        print(f"   key: {q.key_text}" + (f"  (also accepted: {also})" if also else ""))
        for e in q.evidence:
            print(f"   evidence [{e.article_id} {e.start}-{e.end}]: {e.text}")
        print(f"   why: {q.explanation}\n")
    return 0


def cmd_cues(args: argparse.Namespace) -> int:
    from .cues import cues_command

    return cues_command(args.path, as_json=args.json, colour={"always": True, "never": False}.get(args.color))


def cmd_variants(args: argparse.Namespace) -> int:
    from .articles import load_corpus
    from .variants import Edits, VariantsError, make_variants, pool_for, summary, write_variants

    if not args.out:
        raise VariantsError(None, "variants need --out FOLDER")
    corpus = load_corpus(args.path)
    for problem in corpus.problems:
        print(f"not loaded: {problem}", file=sys.stderr)
    edits = Edits.load(args.edits) if args.edits else None
    pool = pool_for(corpus, seed=args.seed)
    variants = make_variants(pool, args.count, size=args.size, seed=args.seed, edits=edits)
    write_variants(variants, args.out)
    print(f"{len(variants)} variants drawn from a pool of {len(pool)} questions, written to {args.out}")
    print(summary(variants))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .bank import Bank
    from .export import export

    result = export(Bank.load(args.bank), args.format, args.out)
    print(result.summary())
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .bank import Bank
    from .stats import item_analysis

    analysis = item_analysis(args.results, [Bank.load(b) for b in args.bank])
    print(analysis.report_text())
    if args.chart:
        analysis.chart().savefig(args.chart, dpi=120)
        print(f"chart written to {args.chart}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .serve import serve

    return serve(Path(args.notebooks) if args.notebooks else None, args.port, args.ip, args.dry_run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quizlib", description="Generated news-literacy quizzes for Jupyter.")
    parser.add_argument("--version", action="version", version=f"quizlib {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("articles", help="list the articles of a corpus (default: the bundled seeds)")
    p.add_argument("path", nargs="*", help="article files or folders")
    p.set_defaults(func=cmd_articles)

    # Further subcommands register below, one block each.
    p = sub.add_parser("cues", help="show an article's bias-spotting cues (colours, or JSON lines)")
    p.add_argument("path", help="an article file (.txt, .md, .html)")
    p.add_argument("--json", action="store_true", help="print one JSON object a cue")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour cues (default: auto)")
    p.set_defaults(func=cmd_cues)

    p = sub.add_parser("generate", help="generate a question bank from articles (default: the bundled seeds)")
    p.add_argument("path", nargs="*", help="article files or folders")
    p.add_argument("--seed", type=int, default=0, help="selection and option order (default 0)")
    p.add_argument("--out", help="write here instead of standard output")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="bank JSON (default) or a CSV table")
    p.add_argument("--variants", type=int, help="write this many balanced variant banks into the --out folder")
    p.add_argument("--size", type=int, help="with --variants: questions per variant (default 20)")
    p.add_argument("--edits", help="with --variants: JSON file of questions to pin, drop or change")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("show", help="list a bank's questions with keys, evidence and explanations")
    p.add_argument("bank", help="a bank JSON file")
    p.add_argument("--kind", help="only questions of this kind")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("variants", help="draw balanced per-learner variant banks from one generated pool")
    p.add_argument("path", nargs="*", help="article files or folders (default: the bundled seeds)")
    p.add_argument("--count", type=int, default=30, help="how many variants (default 30)")
    p.add_argument("--size", type=int, help="questions per variant (default 20, or the whole pool if smaller)")
    p.add_argument("--seed", type=int, default=0, help="same seed, same variants (default 0)")
    p.add_argument("--edits", help="JSON file of questions to pin, drop or change (see docs/instructors.md)")
    p.add_argument("--out", required=True, help="folder for variant-NN.json and index.csv")
    p.set_defaults(func=cmd_variants)

    from .export import FORMATS

    p = sub.add_parser("export", help="export a bank for Moodle, Canvas, print or jupyterquiz")
    p.add_argument("bank", help="a bank JSON file")
    formats = "; ".join(f"{k}: {v[1]}" for k, v in FORMATS.items())
    p.add_argument("--format", required=True, choices=list(FORMATS), help=formats)
    p.add_argument("--out", required=True, help="the file to write (a worksheet's answer key goes beside it)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="item analysis of learners' exported results CSVs")
    p.add_argument("results", nargs="+", help="results CSV files")
    p.add_argument("--bank", action="append", default=[], help="the bank(s) the class used (lists every option)")
    p.add_argument("--chart", help="also write the facility/discrimination chart here (PNG, SVG or PDF)")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("serve", help="open the learner notebooks as Voila apps (code hidden) and print the URL")
    p.add_argument("--port", type=int, default=8866, help="port to listen on (default 8866)")
    p.add_argument("--ip", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this computer only)")
    p.add_argument("--notebooks", help="folder of course notebooks (default: the course's notebooks folder)")
    p.add_argument("--dry-run", action="store_true", help="print the URL and the Voila command, start nothing")
    p.set_defaults(func=cmd_serve)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "path", None) == []:
        args.path = None
    try:
        return args.func(args)
    except QuizlibError as exc:
        print(f"quizlib: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
