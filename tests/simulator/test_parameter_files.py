"""The engine's parameter files read back from the cache: the same parameters (slow)."""

from __future__ import annotations

import pytest
from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale
from openfisca_france import CountryTaxBenefitSystem

from guichet.simulator.parameter_files import parsed_parameter_files

pytestmark = pytest.mark.slow


def flattened(node, prefix: str = "") -> dict[str, object]:
    """Every parameter's dated values (scales: each bracket's), by name."""
    values: dict[str, object] = {}
    if isinstance(node, ParameterNode):
        for name, child in node.children.items():
            values.update(flattened(child, f"{prefix}.{name}"))
    elif isinstance(node, ParameterScale):
        for i, bracket in enumerate(node.brackets):
            values.update(flattened(bracket, f"{prefix}[{i}]"))
    elif isinstance(node, Parameter):
        values[prefix] = [(v.instant_str, v.value) for v in node.values_list]
        values[prefix + "#metadata"] = (node.metadata, node.description)
    return values


def test_parameters_read_from_the_cache_are_the_engine_s(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_CACHE_DIR", str(tmp_path))
    expected = flattened(CountryTaxBenefitSystem().parameters)
    with parsed_parameter_files():  # premier démarrage : fichiers lus, cache écrit
        first = flattened(CountryTaxBenefitSystem().parameters)
    assert [p.suffix for p in tmp_path.iterdir()] == [".pickle"]
    with parsed_parameter_files():  # démarrages suivants : lus depuis le cache
        again = flattened(CountryTaxBenefitSystem().parameters)
    assert len(expected) > 10_000
    assert first == expected
    assert again == expected


def test_a_damaged_cache_is_read_again_from_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_CACHE_DIR", str(tmp_path))
    with parsed_parameter_files():
        pass
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"abime")
    with parsed_parameter_files():
        tbs = CountryTaxBenefitSystem()
    assert tbs.parameters.prestations_sociales is not None
    assert stored.stat().st_size > 1_000_000  # réécrit
