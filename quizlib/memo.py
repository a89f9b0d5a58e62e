"""Per-run memo: an analysis of one article, computed once while one generate() call runs.

Several generators ask the same question of every article (its usable sentences, its cues by
sentence). Inside `scope()` (generate() opens one) a function decorated with `per_article` computes
its answer once per article object and arguments; outside a scope it simply runs. The memo lives
only as long as the scope, so nothing leaks from one corpus or run into the next, and the
decorated function must be a pure function of its (immutable) arguments.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMO: ContextVar[dict | None] = ContextVar("quizlib_memo", default=None)


@contextlib.contextmanager
def scope() -> Iterator[None]:
    """Memoise `per_article` functions until the block ends (a nested scope shares the outer one)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def per_article(fn: F) -> F:
    """Memoise fn(article, *args) inside a scope, keyed by the article object itself (identity:
    the memo keeps the object alive, so its id cannot be reused by another while the scope runs)
    and the positional arguments, defaults filled in. Keyword arguments are not accepted."""

    defaults = fn.__defaults__ or ()
    n_args = fn.__code__.co_argcount - 1  # after the article

    @functools.wraps(fn)
    def wrapper(article, *args):
        memo = _MEMO.get()
        if memo is None:
            return fn(article, *args)
        if len(args) < n_args:  # f(a) and f(a, False) are one entry when False is the default
            args += defaults[len(defaults) - (n_args - len(args)) :]
        key = (fn, id(article), args)
        hit = memo.get(key)
        if hit is not None and hit[0] is article:
            return hit[1]
        value = fn(article, *args)
        memo[key] = (article, value)
        return value

    return wrapper  # type: ignore[return-value]


def per_run(fn: F) -> F:
    """Memoise fn(*args), a pure function of hashable arguments (such as one sentence's text),
    inside a scope; outside a scope it simply runs. For work that several generators ask of the
    same sentence: unlike a bounded cache it cannot thrash on a large corpus, and it ends with the run."""

    @functools.wraps(fn)
    def wrapper(*args):
        memo = _MEMO.get()
        if memo is None:
            return fn(*args)
        key = (fn, args)
        if key in memo:
            return memo[key]
        value = memo[key] = fn(*args)
        return value

    return wrapper  # type: ignore[return-value]


def scoped(fn: F) -> F:
    """Run fn inside a scope (for entry points such as generate())."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with scope():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
