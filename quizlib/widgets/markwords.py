"""Mark-the-words: an anywidget whose candidate words are toggle buttons inside their passage.

The synced state holds the passage split into tokens, the candidate index of each clickable
token, and the learner's selection. The key is never in it: `verdicts` is set only after Check.
"""

from __future__ import annotations

import re
from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).parent


class MarkWords(anywidget.AnyWidget):
    _esm = (_HERE / "markwords.js").read_text(encoding="utf-8")
    _css = (_HERE / "quiz.css").read_text(encoding="utf-8")

    tokens = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{"t": text, "c": choice index or -1}]
    selected = traitlets.List(traitlets.Int()).tag(sync=True)  # chosen candidate indices, sorted
    verdicts = traitlets.Dict().tag(sync=True)  # after Check only: {"index": "right"|"wrong"|"missed"}
    disabled = traitlets.Bool(False).tag(sync=True)
    label = traitlets.Unicode("Mark the words").tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._on_select)

    def _on_select(self, _widget, content, _buffers) -> None:
        """The browser's selection, sent as a message so it arrives before a following Check click."""
        if self.disabled or not isinstance(content, dict) or content.get("type") != "select":
            return
        n = sum(1 for t in self.tokens if t["c"] >= 0) and 1 + max(t["c"] for t in self.tokens)
        chosen = sorted({i for i in content.get("selected", []) if isinstance(i, int) and 0 <= i < n})
        self.set_state({"selected": chosen})  # as if synced: not echoed back to the browser

    def __repr__(self) -> str:
        return f"<MarkWords: {sum(1 for t in self.tokens if t['c'] >= 0)} clickable words>"


def tokenize(passage: str, candidates: tuple[str, ...]) -> list[dict] | None:
    """Split `passage` into plain text and clickable candidates (whole words, any case).

    Every occurrence of a candidate is clickable; longer candidates win where they overlap.
    Returns None when some candidate does not occur, so the caller can show another control.
    """
    taken: list[tuple[int, int, int]] = []
    order = sorted(range(len(candidates)), key=lambda i: (-len(candidates[i]), i))
    for i in order:
        pattern = re.compile(rf"(?<!\w){re.escape(candidates[i])}(?!\w)", re.IGNORECASE)
        found = False
        for m in pattern.finditer(passage):
            if all(m.end() <= a or b <= m.start() for a, b, _ in taken):
                taken.append((m.start(), m.end(), i))
                found = True
        if not found:
            return None
    taken.sort()
    tokens: list[dict] = []
    pos = 0
    for a, b, i in taken:
        if a > pos:
            tokens.append({"t": passage[pos:a], "c": -1})
        tokens.append({"t": passage[a:b], "c": i})
        pos = b
    if pos < len(passage):
        tokens.append({"t": passage[pos:], "c": -1})
    return tokens
