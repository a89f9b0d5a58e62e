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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quizlib", description="Generated news-literacy quizzes for Jupyter.")
    parser.add_argument("--version", action="version", version=f"quizlib {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("articles", help="list the articles of a corpus (default: the bundled seeds)")
    p.add_argument("path", nargs="*", help="article files or folders")
    p.set_defaults(func=cmd_articles)

    # Further subcommands register below, one block each.
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
