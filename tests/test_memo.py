"""quizlib.memo: per-article analyses are computed once inside a generate() scope, never reused after it."""

from __future__ import annotations

from quizlib import memo


class _Thing:  # an unhashable stand-in for an article
    __hash__ = None  # type: ignore[assignment]


def test_per_article_memoises_inside_a_scope_only():
    calls: list[tuple[int, tuple]] = []

    @memo.per_article
    def analyse(obj, *args):
        calls.append((id(obj), args))
        return [len(calls)]

    a, b = _Thing(), _Thing()
    assert analyse(a) == [1] and analyse(a) == [2]  # no scope: plain call
    with memo.scope():
        first = analyse(a)
        assert analyse(a) is first  # computed once
        assert analyse(a, True) is not first  # other arguments, other entry
        assert analyse(b) is not first  # other object, other entry
        with memo.scope():  # a nested scope shares the outer memo
            assert analyse(a) is first
    assert analyse(a) is not first  # the scope ended: nothing kept
    assert len(calls) == 6


def test_scoped_opens_a_scope_for_the_call():
    seen = []

    @memo.per_article
    def analyse(obj):
        seen.append(obj)
        return len(seen)

    @memo.scoped
    def run(obj):
        return analyse(obj) + analyse(obj)

    thing = _Thing()
    assert run(thing) == 2 and len(seen) == 1
    assert run(thing) == 4 and len(seen) == 2


def test_default_arguments_share_an_entry():
    calls = []

    @memo.per_article
    def analyse(obj, flag=False, depth=2):
        calls.append((flag, depth))
        return object()

    thing = _Thing()
    with memo.scope():
        first = analyse(thing)
        assert analyse(thing, False) is first and analyse(thing, False, 2) is first
        assert analyse(thing, True) is not first
    assert calls == [(False, 2), (True, 2)]
