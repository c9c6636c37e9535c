"""OpenFisca-France, built once per process, run on batches of households.

The tax-benefit system is built once (it takes seconds) and shared by every
simulation of the process.  It is never pickled nor deep-copied: that was
measured to give wrong results.  Web workers fork after ``warm_up()``.
"""

from __future__ import annotations

import threading

import numpy as np

from guichet.simulator.benefits import BENEFITS, HOUSING_AIDS
from guichet.simulator.calibration import GrossSolver, initial_gross
from guichet.simulator.inputs import Batch, build_simulation
from guichet.simulator.reading import crds_rate, read_benefits
from guichet.simulator.results import Benefit

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
    """Build the system and run one small household, so that the first request is fast."""
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
    run_batch(Batch.of([example]))


def compute_benefits(simulation, batch: Batch) -> dict[str, np.ndarray]:
    """Every benefit variable, always in the same order (that of ``BENEFITS``).

    The engine cuts dependency cycles (AAH and ASI read each other, for
    instance), so a result may depend on which variable is computed first:
    the order is fixed, and the net incomes are only read afterwards.
    """
    values = {}
    year = batch.mois[:4]
    for spec in BENEFITS:
        period = year if spec.yearly else batch.mois
        for variable in spec.variables:
            values[variable] = simulation.calculate(variable, period)
    for variable, _label in HOUSING_AIDS:
        values[variable] = simulation.calculate(variable, batch.mois)
    return values


def run_batch(batch: Batch) -> list[list[Benefit]]:
    """Raw engine values per household, after solving gross incomes from the net ones.

    Gross incomes are first guessed from the engine's own rates; the simulation
    is run; the net incomes it computes are compared with the declared ones,
    and the households whose nets differ are run again with corrected gross
    incomes (secant method).  A household's result only depends on its own
    data, whatever the batch it is computed in.
    """
    tbs = tax_benefit_system()
    with _lock:
        solver = GrossSolver(batch, initial_gross(tbs, batch))
        rate = crds_rate(tbs, batch.mois)
        results: list = [None] * len(batch.situations)
        pending = list(range(len(batch.situations)))
        while pending:
            sub = batch.subset(pending)
            simulation = build_simulation(tbs, sub, solver.gross_for(pending))
            raw = compute_benefits(simulation, sub)
            retry = solver.check(simulation, pending)
            for position, household in enumerate(pending):
                if household not in retry:
                    results[household] = read_benefits(tbs, sub, raw, position, rate)
            pending = retry
        return results
