"""OpenFisca-France, built once per process, run on batches of households.

The tax-benefit system is built once (it takes seconds) and shared by every
simulation of the process.  It is never pickled nor deep-copied: that was
measured to give wrong results.  Web workers fork after ``warm_up()``.
"""

from __future__ import annotations

import threading

import numpy as np

from guichet.simulator.benefits import BENEFITS, HOUSING_AIDS
from guichet.simulator.explain import FACTS
from guichet.simulator.incomes import income_inputs, solve_replacement
from guichet.simulator.inputs import Batch, build_simulation
from guichet.simulator.periods import month_index, month_label
from guichet.simulator.reading import HouseholdView, crds_rate, fact_key
from guichet.simulator.shortcuts import set_zero_benefits
from guichet.simulator.situation import Situation

_lock = threading.RLock()
_tbs = None


def tax_benefit_system():
    """The process-wide OpenFisca-France system, with our parameter overrides."""
    global _tbs
    with _lock:
        if _tbs is None:
            from guichet.simulator.overrides import build_tax_benefit_system

            _tbs = build_tax_benefit_system()
        return _tbs


def warm_up() -> None:
    """Build the system and run a small household, so that the first request is fast."""
    from guichet.simulator.api import simulate
    from guichet.simulator.situation import parse_situation

    example = parse_situation(
        {
            "logement": {"statut": "locataire", "loyer": 400},
            "personnes": [
                {"role": "demandeur", "age": 30, "revenus_mensuels": {"salaire_net": 900}},
                {"role": "enfant", "age": 4},
            ],
        }
    )
    simulate([example])


def prepare(months: list[str]) -> None:
    """Build the system and the wage grid of these months' windows (before forking workers)."""
    from guichet.simulator.incomes import wage_grid
    from guichet.simulator.periods import window

    tbs = tax_benefit_system()
    with _lock:
        for mois in months:
            wage_grid(tbs, window(mois))


def period_of(kind: str, mois: str) -> str | list[str]:
    """The period of a computed value: the month, its year, year N-2, or the 3 months before."""
    if kind == "month":
        return mois
    if kind == "year":
        return mois[:4]
    if kind == "n_2":
        return str(int(mois[:4]) - 2)
    if kind == "last3":
        return [month_label(month_index(mois) - back) for back in (3, 2, 1)]
    raise ValueError(kind)


def _calculate(simulation, variable: str, kind: str, mois: str) -> np.ndarray:
    period = period_of(kind, mois)
    if isinstance(period, list):
        return np.mean([simulation.calculate(variable, p) for p in period], axis=0)
    return simulation.calculate(variable, period)


def _student_inputs(simulation, batch: Batch, raw: dict) -> None:
    """Bourse sur critères sociaux: the family's revenu brut global of year N-2, for its children.

    The engine takes the parents' resources as an input (art. 3 of the yearly
    arrêté on the bourses' ceilings: revenu brut global of the avis d'impôt N-2).
    """
    persons = batch.persons
    if not any(p.etablissement_superieur for p in persons):
        return
    family_income = raw[fact_key("rbg", "n_2")][batch.household_of_person]
    children = np.array([p.role == "enfant" for p in persons])
    simulation.set_input(
        "bourse_criteres_sociaux_base_ressources_parentale",
        batch.mois,
        np.where(children, family_income, 0.0),
    )
    counts = np.zeros(len(batch.situations))
    students = np.zeros(len(batch.situations))
    for h, situation in enumerate(batch.situations):
        kids = [p for p in situation.personnes if p.role == "enfant"]
        counts[h] = len(kids)
        students[h] = sum(bool(p.etablissement_superieur) for p in kids)
    simulation.set_input("bourse_criteres_sociaux_nombre_enfants_a_charge", batch.mois, counts)
    simulation.set_input(
        "bourse_criteres_sociaux_nombre_enfants_a_charge_dans_enseignement_superieur",
        batch.mois,
        students,
    )


def compute(
    simulation, batch: Batch, skipped: frozenset[str] = frozenset()
) -> dict[str, np.ndarray]:
    """Every value read, always in the same order.

    The engine cuts dependency cycles (AAH and ASI read each other, for
    instance), so a result may depend on which variable is computed first:
    the order is fixed — the family's revenu brut global N-2, the benefits in
    the order of ``BENEFITS``, the housing aids, then the explanations' values
    (except those of the benefits ``skipped``: zero for the whole batch).
    """
    raw = {fact_key("rbg", "n_2"): _calculate(simulation, "rbg", "n_2", batch.mois)}
    _student_inputs(simulation, batch, raw)
    for spec in BENEFITS:
        kind = "year" if spec.yearly else "month"
        for variable in spec.variables:
            raw[fact_key(variable, kind)] = _calculate(simulation, variable, kind, batch.mois)
    for variable, _label in HOUSING_AIDS:
        raw[variable] = simulation.calculate(variable, batch.mois)
    for benefit, facts in FACTS:
        if benefit in skipped:
            continue
        for variable, kind in facts:
            key = fact_key(variable, kind)
            if key not in raw:
                raw[key] = _calculate(simulation, variable, kind, batch.mois)
    return raw


def solve_incomes(situations: list[Situation]) -> dict:
    """Replacement incomes solved for the households that pay CSG (see ``incomes.py``)."""
    tbs = tax_benefit_system()
    with _lock:
        batch = Batch.of(situations)
        return solve_replacement(tbs, batch, lambda sub, given: build_simulation(tbs, sub, given))


def run_batch(situations: list[Situation], solved: dict | None = None) -> list[HouseholdView]:
    """The engine's values for each household (row), in order.

    Incomes are given as inputs (see ``incomes.py``); a household's values only
    depend on its own data, whatever the batch it is computed in.
    """
    tbs = tax_benefit_system()
    with _lock:
        batch = Batch.of(situations)
        build = lambda sub, given: build_simulation(tbs, sub, given)  # noqa: E731
        incomes = income_inputs(tbs, batch, build, solved)
        simulation = build_simulation(tbs, batch, incomes)
        skipped = set_zero_benefits(tbs, simulation, batch)
        raw = compute(simulation, batch, frozenset(skipped))
        rate = crds_rate(tbs, batch.mois)
        decimals: dict = {}  # valeurs décimales du moteur, converties une fois pour le lot
        return [HouseholdView(tbs, batch, raw, h, rate, decimals) for h in range(len(situations))]
