"""The engine's variable files: where each class starts and ends, kept from one start to the
next instead of parsing about 400 files again.

To record where each variable is written (its « introspection data »: file, source, first
line), OpenFisca-Core parses the whole source of every variable file with ``ast.parse``,
besides importing it: about 0.8 s of each start of the site and of ``guichet simuler``
(measured 2026-12-04, a quarter of building the system). Only the top-level classes' names
and lines are read from that tree. They are kept by ``guichet.disk_cache``, named by the
versions of the engine and of Python, and found by the file's text (a file changed since is
parsed as before). The engine then records the same data (tested).
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import os
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from guichet.disk_cache import cached_data

Outline = list[tuple[str, int, int]]  # (class name, first line, last line)


def model_folder() -> Path:
    import openfisca_france

    return Path(openfisca_france.__file__).parent / "model"


def _key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def outline(source: str) -> Outline:
    tree = ast.parse(source)
    return [(n.name, n.lineno, n.end_lineno) for n in tree.body if isinstance(n, ast.ClassDef)]


def _outline_all(folder: Path) -> dict[str, Outline]:
    outlines = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".py"):
                try:
                    source = Path(root, name).read_text(encoding="utf-8")
                    outlines[_key(source)] = outline(source)
                except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
                    continue  # le moteur la lira lui-même, et dira ce qui ne va pas
    return outlines


class _OutlinedAst:
    """``ast`` as the engine's loader uses it, answering ``parse`` from the outlines."""

    ClassDef = ast.ClassDef

    def __init__(self, outlines: dict[str, Outline]):
        self.outlines = outlines

    def parse(self, source, *args, **kwargs):
        found = self.outlines.get(_key(source)) if isinstance(source, str) else None
        if found is None:
            return ast.parse(source, *args, **kwargs)
        classes = [
            ast.ClassDef(
                name=name,
                bases=[],
                keywords=[],
                body=[],
                decorator_list=[],
                lineno=first,
                end_lineno=last,
            )
            for name, first, last in found
        ]
        return ast.Module(body=classes, type_ignores=[])

    def __getattr__(self, name: str):
        return getattr(ast, name)


@contextlib.contextmanager
def outlined_variable_files() -> Iterator[None]:
    """While building the system, the engine's loader reads the outlines from the cache."""
    from openfisca_core.taxbenefitsystems import tax_benefit_system as loader

    folder = model_folder()
    parts = [
        version("OpenFisca-France"),
        version("OpenFisca-Core"),
        sys.version,
        str(folder),
    ]
    outlines = cached_data("openfisca-variables", parts, lambda: _outline_all(folder))
    real = loader.ast
    loader.ast = _OutlinedAst(outlines)
    try:
        yield
    finally:
        loader.ast = real
