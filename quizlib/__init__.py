"""quizlib: generated news-literacy quizzes for Jupyter.

Heavy parts (pandas, widgets, the generators) load only when first used, so `import quizlib`
stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "Article": "quizlib.articles",
    "Corpus": "quizlib.articles",
    "load_article": "quizlib.articles",
    "load_corpus": "quizlib.articles",
    "seed_corpus": "quizlib.articles",
    "Question": "quizlib.questions",
    "Evidence": "quizlib.questions",
    "Bank": "quizlib.bank",
    "score": "quizlib.scoring",
    "generate": "quizlib.pipeline",
    "find_cues": "quizlib.cues",
    "classify_sentence": "quizlib.cues",
    "cue_profile": "quizlib.cues",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quizlib' has no attribute {name!r}")
