"""Sentence spans.

The segmenter is Bling Fire (measured against pysbd, syntok, segtok and spaCy's sentencizer in
benchmarks/segmenters.py; see README): as accurate as pysbd on our hand-split news cases and
about 20 times faster. We only repair what it leaves: spans are trimmed to non-space text and
a split right after an honorific or initial ("Mr.", "J.") is joined back.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import re

import blingfire

# A split directly after one of these is almost always wrong in news text; "No." alone answers a question ("Was
# anyone hurt? No. The fire service said ...", held-out set 30), so it is an abbreviation only after a word.
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Rev|Hon|Jr|Sr|vs|etc|Inc|Corp|Ltd|Co)"
    r"|(?<=\S\s)No|(?:^|\s)[A-Z])\.$"
)


_ANSWER_FIRST = re.compile(r"No\.\s+(?=[A-Z])")
_EMPHASIS = "*_"  # markdown emphasis around a whole sentence is not part of it


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`, shifted by `offset`; each span is stripped."""
    if not text.strip():
        return []
    raw = _sentence_offsets(text)
    figure_starts = _figure_starts(text)
    spans: list[tuple[int, int]] = []
    for a, b in raw:
        while a < b and (
            text[a].isspace() or text[a] in _EMPHASIS or (text[a] in "-–—" and text[a + 1 : a + 2].isspace())
        ):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _EMPHASIS):
            b -= 1
        if a >= b:
            continue
        if spans and _NO_BREAK_AFTER.search(text[spans[-1][0] : spans[-1][1]]) and text[a].isupper():
            spans[-1] = (spans[-1][0], b)
            continue
        for stop, start in figure_starts:  # "... in the Courier. 22 fires from disposables last year."
            if a < stop and start < b:
                spans.append((a, stop))
                a = start
        answer = _ANSWER_FIRST.match(text, a, b)
        if answer:  # "## Was anyone hurt?\n\nNo. Wyvern Fire and Rescue Service said ...": the segmenter keeps "No."
            spans.append((a, a + 3))
            a = answer.end()
        spans.append((a, b))
    return [(a + offset, b + offset) for a, b in spans]


def _figure_starts(text: str) -> list[tuple[int, int]]:
    """(end of the stop, start of the figure) wherever a sentence opens with a figure after a word's stop."""
    out = []
    for m in _STOP_BEFORE_FIGURE.finditer(text):
        if _WORD_BEFORE_STOP.search(text, max(0, m.start() - 30), m.start()):
            out.append((m.end(1), m.end()))
    return out


# A sentence that opens with a figure after a word's stop, which Bling Fire leaves joined to the one
# before (held-out set 21: "Fire service numbers are in the Courier. 22 fires from disposables last
# year." was one sentence, keyed "no source"); not after an abbreviation ("approx. 40", "Sept. 2025").
_STOP_BEFORE_FIGURE = re.compile(r"(?<=[a-zA-Z])([.!?][”\"’)]?)\s+(?=\d)")
_WORD_BEFORE_STOP = re.compile(
    r"(?<![\w.])(?!(?:approx|appx|vol|fig|figs|para|tel|ext|sec|art|nos|est|ref|ch|pp|op|no|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$)[A-Za-z]{3,}$",
    re.IGNORECASE,
)


def _sentence_offsets(text: str) -> list[tuple[int, int]]:
    """blingfire.text_to_sentences_and_offsets(text)[1], the same spans, computed faster.

    Bling Fire's Python wrapper maps its UTF-8 byte offsets back to string offsets with a loop over
    every byte of the text, which took most of the loading time; here only the sentence boundaries
    are mapped (by decoding the bytes between them). Anything unexpected (a boundary inside a
    character, boundaries out of order) is left to the wrapper itself."""
    data = text.encode("utf-8")
    size = len(data) * 2  # the room Bling Fire's wrapper gives the output, and what the segmenter is told
    # Buffers of a power-of-two length: ctypes builds (and keeps) a new array type for every other
    # length, which cost more than the segmenting itself.
    room = 1 << max(size - 1, 0).bit_length()
    out = (ctypes.c_char * room)()
    starts, ends = (ctypes.c_int32 * room)(), (ctypes.c_int32 * room)()
    n_bytes = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out), ctypes.byref(starts),
        ctypes.byref(ends), ctypes.c_int(size),
    )  # fmt: skip
    if n_bytes == -1 or n_bytes > size:
        return []
    n = out.value.count(b"\n") + 1
    bounds = [x for a, b in zip(starts[:n], ends[:n], strict=True) for x in (a, b + 1)]
    in_order = all(x <= y for x, y in itertools.pairwise(bounds))
    if not in_order or max(bounds[:-1], default=0) >= len(data) or bounds[-1] > len(data):
        return blingfire.text_to_sentences_and_offsets(text)[1]
    if not text.isascii():
        chars, done, at = [], 0, 0  # bytes read so far, and the characters they hold
        for x in bounds:
            if x < len(data) and data[x] & 0xC0 == 0x80:
                return blingfire.text_to_sentences_and_offsets(text)[1]
            at += len(data[done:x].decode("utf-8"))
            done = x
            chars.append(at)
        bounds = chars
    return list(zip(bounds[::2], bounds[1::2], strict=True))


_WORD = re.compile(r"\w+(?:[’'.-]\w+)*", re.UNICODE)


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Word spans (letters/digits with inner apostrophes, dots and hyphens)."""
    if len(text) > _CACHED_LENGTH:
        return [(m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]
    bounds = _word_bounds(text)
    if offset:
        bounds = tuple(x + offset for x in bounds)
    return list(zip(bounds[::2], bounds[1::2], strict=True))


_CACHED_LENGTH = 1000  # a sentence, not a whole article: the cache stays small


@functools.lru_cache(maxsize=1 << 18)
def _word_bounds(text: str) -> tuple[int, ...]:
    """Start and end of every word, flat (a pair of ints per word, not a tuple each: the cache stays
    small). Cached: the generators split the same sentences into words many times."""
    return tuple(x for m in _WORD.finditer(text) for x in m.span())


def lower_words(text: str) -> list[str]:
    """[text[a:b].lower() for a, b in word_spans(text)], in one pass over the lower-cased text: lower()
    keeps every character's length and whether it is a word character, except for 'İ' (U+0130)."""
    if "\u0130" in text:
        return [text[a:b].lower() for a, b in word_spans(text)]
    return _WORD.findall(text.lower())


def count_words(text: str) -> int:
    """len(word_spans(text)) without building the spans (sentences are counted from the cache)."""
    if len(text) > _CACHED_LENGTH:
        return sum(1 for _ in _WORD.finditer(text))
    return len(_word_bounds(text)) // 2
