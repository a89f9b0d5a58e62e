"""The package's public names stay what they say, whatever was imported before."""

from __future__ import annotations

import importlib
import pkgutil
import types

import quizlib


def test_public_names_are_not_shadowed_by_submodules():
    # Importing a submodule sets it as an attribute of the package: a module named like a
    # public function would replace that function (quizlib.generate once did).
    for info in pkgutil.walk_packages(quizlib.__path__, "quizlib."):
        if ".widgets" not in info.name:
            importlib.import_module(info.name)
    for name in quizlib.__all__:
        value = getattr(quizlib, name)
        assert not isinstance(value, types.ModuleType), name
    assert callable(quizlib.generate) and quizlib.generate.__module__ == "quizlib.pipeline"
