"""Gross incomes solved from the declared net ones, with the engine's own formulas.

People know their net pay; the engine starts from the gross (``salaire_de_base``,
``chomage_brut``, ``retraite_brute``) and several benefits read gross-based
amounts (the aides au logement read the net taxable income, art. R822-4 CCH):
net wages given alone are ignored by them.  So the gross is solved until the
engine's net equals the declared net, month by month:

* wages: the engine's net for a grid of gross wages, at each month, inverted by
  interpolation, gives the first guess;
* unemployment benefit and pension: the CSG rate depends on the household's tax
  income of year N-2 (art. L136-8 CSS) and on thresholds, so the first guess is
  net = gross (exempt, the common case for the people we serve), then corrected.

The correction is a secant step per person and month, on the nets computed in
the very simulation that gives the benefits.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.simulation_builder import SimulationBuilder

from guichet.simulator.inputs import NET_TO_GROSS, Batch

TOLERANCE = 0.02  # euro par mois : le moteur calcule en float32 (bruit de ~0,015 € sur un salaire)
MAX_ROUNDS = 6
# Salaires bruts mensuels de la sonde : tous les 25 € jusqu'à 12 000 €, puis tous les 500 €.
WAGE_GRID = np.concatenate([np.arange(0.0, 12_000.0, 25.0), np.arange(12_000.0, 150_001.0, 500.0)])

_wage_nets: dict[
    str, np.ndarray
] = {}  # mois -> salaire net du moteur pour chaque brut de la grille


def wage_grid_nets(tbs, months: list[str]) -> dict[str, np.ndarray]:
    """The engine's net wage for every gross of the grid, per month (cached for the process).

    One vectorised simulation of single employees; the net is a piecewise linear
    function of the gross (rates change at the social security ceiling), so
    interpolating on this grid inverts it within a cent or so.
    """
    missing = [month for month in months if month not in _wage_nets]
    if missing:
        ids = [f"s{i}" for i in range(len(WAGE_GRID))]
        simulation = SimulationBuilder().build_from_entities(
            tbs,
            {
                "individus": {i: {} for i in ids},
                "familles": {i: {"parents": [i]} for i in ids},
                "foyers_fiscaux": {i: {"declarants": [i]} for i in ids},
                "menages": {i: {"personne_de_reference": [i]} for i in ids},
            },
        )
        for month in missing:
            simulation.set_input("salaire_de_base", month, WAGE_GRID)
        for month in missing:
            nets = simulation.calculate("salaire_net", month).astype(float)
            _wage_nets[month] = np.maximum.accumulate(nets)  # croissant pour l'interpolation
    return {month: _wage_nets[month] for month in months}


def initial_gross(tbs, batch: Batch) -> dict[str, np.ndarray]:
    """First guess of the gross incomes, person x month."""
    targets = batch.net_targets()
    ones = np.ones(len(batch.months))
    wages = np.zeros((len(targets["salaire_net"]), len(batch.months)))
    if targets["salaire_net"].any():
        for column, nets in enumerate(wage_grid_nets(tbs, batch.months).values()):
            wages[:, column] = np.interp(targets["salaire_net"], nets, WAGE_GRID)
    return {
        "salaire_de_base": wages,
        "chomage_brut": targets["chomage_net"][:, None] * ones[None, :],
        "retraite_brute": targets["retraite_nette"][:, None] * ones[None, :],
    }


class GrossSolver:
    """Corrects gross incomes until the engine's nets match the declared nets.

    Checked on every month up to the simulated one (later months only feed yearly
    amounts, and take the gross of the simulated month).  The net is a
    non-decreasing function of the gross, with kinks and flat parts (the CSG on
    unemployment benefit may not bring it under the minimum wage, art. L136-1-2
    CSS): each step is a secant step kept inside the bracket found so far, or a
    bisection of that bracket.
    """

    def __init__(self, batch: Batch, gross: dict[str, np.ndarray]):
        self.batch = batch
        self.targets = batch.net_targets()
        self.gross = gross
        self.checked = batch.months.index(batch.mois) + 1  # colonnes vérifiées
        self.low = {variable: np.zeros_like(values) for variable, values in gross.items()}
        self.high = {variable: np.full_like(values, np.inf) for variable, values in gross.items()}
        self.previous: dict[str, tuple[np.ndarray, np.ndarray] | None] = dict.fromkeys(gross)
        self.rounds = 0
        for variable in gross:
            self._copy_current_month_to_later(variable)

    def gross_for(self, households: list[int]) -> dict[str, np.ndarray]:
        mask = self.batch.person_mask(households)
        return {variable: values[mask] for variable, values in self.gross.items()}

    def check(self, simulation, households: list[int]) -> list[int]:
        """Households to run again (after updating their gross incomes)."""
        self.rounds += 1
        mask = self.batch.person_mask(households)
        owners = self.batch.household_of_person[mask]
        wrong = np.zeros(mask.sum(), dtype=bool)
        months = self.batch.months[: self.checked]
        for net_variable, gross_variable in NET_TO_GROSS.items():
            target = self.targets[net_variable][mask]
            if not target.any():
                continue
            nets = np.stack([simulation.calculate(net_variable, m) for m in months], axis=1)
            off = np.abs(nets - target[:, None]) > TOLERANCE
            if off.any():
                wrong |= off.any(axis=1)
                self._step(gross_variable, mask, target[:, None], nets.astype(float), off)
        if self.rounds >= MAX_ROUNDS:
            return []
        return sorted({int(h) for h in owners[wrong]})

    def _step(self, variable, mask, target, nets, off) -> None:
        """One safeguarded secant step on the (person, month) cells whose net is off."""
        n = self.checked
        gross = self.gross[variable][mask][:, :n]
        low = np.where(off & (nets < target), gross, self.low[variable][mask][:, :n])
        high = np.where(off & (nets > target), gross, self.high[variable][mask][:, :n])
        ratio = np.divide(nets, gross, out=np.ones_like(gross), where=(gross > 0) & (nets > 0))
        slope = ratio
        if self.previous[variable] is not None:
            old_gross, old_nets = (array[mask][:, :n] for array in self.previous[variable])
            delta = gross - old_gross
            secant = np.divide(
                nets - old_nets, delta, out=np.zeros_like(delta), where=np.abs(delta) > 1e-6
            )
            slope = np.where(secant > 0.05, secant, ratio / 2)  # plat : pas plus grand
        guess = gross + (target - nets) / np.clip(slope, 0.05, 10.0)
        bisection = (low + high) / 2
        outside = np.isfinite(high) & ((guess <= low) | (guess >= high))
        updated = np.where(off, np.maximum(0.0, np.where(outside, bisection, guess)), gross)
        self._store(variable, mask, gross, nets, updated, low, high)

    def _store(self, variable, mask, gross, nets, updated, low, high) -> None:
        n = self.checked
        rows = np.flatnonzero(mask)
        previous_gross = self.gross[variable].copy()
        previous_nets = np.zeros_like(previous_gross)
        previous_nets[rows, :n] = nets
        previous_gross[rows, :n] = gross
        self.previous[variable] = (previous_gross, previous_nets)
        self.gross[variable] = self.gross[variable].copy()
        self.gross[variable][rows, :n] = updated
        self.low[variable][rows, :n] = low
        self.high[variable][rows, :n] = high
        self._copy_current_month_to_later(variable)

    def _copy_current_month_to_later(self, variable) -> None:
        values = self.gross[variable]
        values[:, self.checked :] = values[:, self.checked - 1 : self.checked]
