"""Typed errors: one class per kind of bad input, each naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class QuizlibError(Exception):
    """Base class: every error quizlib raises on bad input."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class ArticleError(QuizlibError):
    """An article file that cannot be used."""


class MissingPathError(ArticleError):
    pass


class EmptyArticleError(ArticleError):
    pass


class BinaryFileError(ArticleError):
    pass


class DecodeError(ArticleError):
    pass


class ArticleTooLargeError(ArticleError):
    pass


class UnsupportedFormatError(ArticleError):
    pass


class DuplicateArticleError(ArticleError):
    """The same article text as a file loaded before it (a .txt and a saved page of one story)."""


class NoArticlesError(ArticleError):
    """A folder that holds no article at all (or only bad ones)."""


class BankError(QuizlibError):
    """A question-bank file that is malformed, foreign, of another schema version or inconsistent."""
