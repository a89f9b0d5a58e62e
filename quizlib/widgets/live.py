"""A live region for feedback: an anywidget whose container stays in the page.

ipywidgets' HTML widget has no ARIA attributes of its own; a role="status" element inserted with
each new feedback is often not announced by screen readers, one that stays and changes is.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets


class LiveHTML(anywidget.AnyWidget):
    """HTML (already escaped by quizlib.widgets.render) in a polite live region."""

    _esm = (Path(__file__).parent / "live.js").read_text(encoding="utf-8")
    value = traitlets.Unicode("").tag(sync=True)

    def __repr__(self) -> str:
        return "<LiveHTML>"
