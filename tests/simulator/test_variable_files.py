"""The engine's variable files outlined from the cache: the same introspection data (slow)."""

from __future__ import annotations

import pytest
from openfisca_france import CountryTaxBenefitSystem

from guichet.simulator.variable_files import _OutlinedAst, outline, outlined_variable_files

pytestmark = pytest.mark.slow


def introspection(tbs) -> dict[str, object]:
    return {name: variable.introspection_data for name, variable in tbs.variables.items()}


def test_variables_outlined_from_the_cache_are_the_engine_s(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_CACHE_DIR", str(tmp_path))
    expected = introspection(CountryTaxBenefitSystem())
    with outlined_variable_files():  # premier démarrage : fichiers lus, cache écrit
        first = introspection(CountryTaxBenefitSystem())
    assert [p.suffix for p in tmp_path.iterdir()] == [".pickle"]
    with outlined_variable_files():  # démarrages suivants : lus depuis le cache
        again = introspection(CountryTaxBenefitSystem())
    assert len(expected) > 1_000
    assert first == expected
    assert again == expected


def test_a_file_changed_since_is_parsed_as_before():
    source = "class A:\n    x = 1\n\n\nclass B:\n    pass\n"
    shim = _OutlinedAst({})
    tree = shim.parse(source)
    assert [(n.name, n.lineno, n.end_lineno) for n in tree.body] == outline(source)
    assert outline(source) == [("A", 1, 2), ("B", 5, 6)]
    assert shim.ClassDef is __import__("ast").ClassDef
