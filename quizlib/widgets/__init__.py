"""Jupyter widgets for quizlib quizzes (needs the `notebooks` extra: ipywidgets and anywidget).

Imported only on demand (`from quizlib.widgets import Quiz`), so `import quizlib` stays light.
"""

from __future__ import annotations

from .markwords import MarkWords
from .quiz import Quiz

__all__ = ["MarkWords", "Quiz"]
