"""Parameters that OpenFisca-France has not updated yet, fixed locally with their source.

The overrides live in ``data/overrides.yaml`` (parameter path, dated values,
official source).  They are written into the process's own tax-benefit system
right after it is built, before any simulation: the engine's reform mechanism
deep-copies the whole parameter tree, and copies of the system were measured to
give wrong results, so the single system of the process is updated in place.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml
from openfisca_core import periods

OVERRIDES_FILE = Path(__file__).with_name("data") / "overrides.yaml"


@dataclass(frozen=True)
class Override:
    parameter: str
    values: dict[str, float]  # date de début "AAAA-MM-JJ" -> valeur
    source: str
    label: str = ""


def load_overrides(path: Path = OVERRIDES_FILE) -> list[Override]:
    """Read and check the overrides file; a malformed entry fails loudly."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    overrides = []
    for position, entry in enumerate(entries):
        where = f"{path.name}, entrée {position + 1}"
        missing = {"parametre", "valeurs", "source"} - set(entry)
        if missing:
            raise ValueError(f"{where} : champ(s) manquant(s) {sorted(missing)}")
        values = {}
        for start, value in entry["valeurs"].items():
            day = start if isinstance(start, datetime.date) else datetime.date.fromisoformat(start)
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError(f"{where} : la valeur au {day} n'est pas un nombre")
            values[day.isoformat()] = float(value)
        overrides.append(
            Override(entry["parametre"], values, entry["source"], entry.get("libelle", ""))
        )
    return overrides


def parameter_node(tbs, path: str):
    node = tbs.parameters
    for name in path.split("."):
        node = getattr(node, name)
    return node


def apply_overrides(tbs, overrides: list[Override]) -> None:
    """Write each value from its start date until the engine's next known value.

    A value the engine gets later (after an upgrade) is thus never hidden.
    """
    for override in overrides:
        node = parameter_node(tbs, override.parameter)
        for start in sorted(override.values):
            later = sorted(p.instant_str for p in node.values_list if p.instant_str > start)
            stop = None
            if later:
                next_start = datetime.date.fromisoformat(later[0])
                stop = periods.instant(next_start - datetime.timedelta(days=1))
            node.update(start=periods.instant(start), stop=stop, value=override.values[start])
    tbs._parameters_at_instant_cache.clear()


def build_tax_benefit_system(neutralised: bool = True):
    """OpenFisca-France with the local overrides (built once per process by the engine).

    ``neutralised=False`` keeps every formula (to check that neutralising changes nothing).
    """
    from openfisca_france import CountryTaxBenefitSystem

    from guichet.simulator.fast import (
        look_up_parameters_once_per_value,
        neutralise,
        remember_period_arithmetic,
    )
    from guichet.simulator.parameter_files import parsed_parameter_files
    from guichet.simulator.variable_files import outlined_variable_files

    remember_period_arithmetic()
    look_up_parameters_once_per_value()
    with parsed_parameter_files(), outlined_variable_files():
        tbs = CountryTaxBenefitSystem()
    apply_overrides(tbs, load_overrides())
    if neutralised:
        neutralise(tbs)
    return tbs
