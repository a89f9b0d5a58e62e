"""Question generators: small functions of (corpus, rng) that return candidate questions.

Each is registered with @generator so the pipeline (quizlib.generate) can run it, seed it
independently of the others and report what it made.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ..articles import Corpus
from ..questions import Question

GeneratorFn = Callable[[Corpus, random.Random], list[Question]]


@dataclass(frozen=True)
class Generator:
    name: str
    version: str
    skill: str
    fn: GeneratorFn

    def __call__(self, corpus: Corpus, rng: random.Random) -> list[Question]:
        return self.fn(corpus, rng)


REGISTRY: dict[str, Generator] = {}


def generator(name: str, version: str, skill: str) -> Callable[[GeneratorFn], GeneratorFn]:
    """Register a generator function under a stable name and version."""

    def register(fn: GeneratorFn) -> GeneratorFn:
        if name in REGISTRY:
            raise ValueError(f"generator {name!r} registered twice")
        REGISTRY[name] = Generator(name, version, skill, fn)
        return fn

    return register


def all_generators() -> list[Generator]:
    """Every generator, in a fixed order (so banks are deterministic)."""
    from . import bias, comprehension, sections, timing  # noqa: F401  (importing registers them)

    return [REGISTRY[name] for name in sorted(REGISTRY)]
