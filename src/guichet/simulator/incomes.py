"""Incomes given to the engine: the declared nets, and the gross and taxable amounts behind them.

People know their net pay; the engine's benefits read the net (RSA, prime
d'activité, CSS), the taxable income (aides au logement, art. R822-4 CCH; the
revenu fiscal de référence of the chèque énergie and the bourses) and sometimes
the gross (ASPA).  Letting the engine derive them from a gross wage costs two
hundred payroll variables per person and month.  So every income is given as
an input, month by month:

* wages: the engine's own payroll on a grid of gross wages (once per month and
  process) gives the net and the taxable wage of each gross; the declared net
  is inverted by interpolation (within a cent or so);
* unemployment benefit and pension: the CSG rate depends on the household's
  revenu fiscal de référence of year N-2 (art. L136-8 CSS), so the gross is
  solved in a small simulation that computes only these nets (secant steps),
  and the resulting gross, net and taxable amounts are given to the benefits'
  simulation.

Tested: the same benefits, to the cent, as when the engine derives everything
from the gross (``tests/simulator/test_engine_inputs.py``).
"""

from __future__ import annotations

import numpy as np
from openfisca_core.simulation_builder import SimulationBuilder

from guichet.disk_cache import cached_arrays
from guichet.simulator.periods import month_index

TOLERANCE = 0.02  # euro par mois : le moteur calcule en float32 (bruit de ~0,015 €)
MAX_ROUNDS = 6
# Salaires bruts mensuels de la sonde : tous les 25 € jusqu'à 12 000 €, puis tous les 500 €.
WAGE_GRID = np.concatenate([np.arange(0.0, 12_000.0, 25.0), np.arange(12_000.0, 150_001.0, 500.0)])

# (net déclaré, brut, imposable) pour les revenus de remplacement
REPLACEMENT = (
    ("chomage_net", "chomage_brut", "chomage_imposable"),
    ("retraite_nette", "retraite_brute", "retraite_imposable"),
)
N_2_TAX_BASE = ("rfr", "nbptr")  # ce que lit le taux de CSG (art. L136-8 CSS)
WAGE_INPUTS = ("salaire_de_base", "salaire_net", "salaire_imposable")
INCOME_INPUTS = WAGE_INPUTS + tuple(name for triple in REPLACEMENT for name in triple)

_wage_grid: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # mois -> (nets, imposables)


def net_targets(batch) -> dict[str, np.ndarray]:
    """Declared monthly nets, person x month (old incomes before a declared change)."""
    names = ("salaire_net", "chomage_net", "retraite_nette", "pension_alimentaire_recue")
    persons, width = batch.persons, len(batch.months)
    targets = {
        name: np.repeat(
            np.array([getattr(p.revenus, name) for p in persons], dtype=float)[:, None], width, 1
        )
        for name in names
    }
    months = np.array([month_index(month) for month in batch.months])
    for row, person in enumerate(persons):
        if person.changement:  # comme Person.incomes_at : les anciens revenus avant le changement
            before = months < month_index(person.changement.depuis)
            for name in names:
                targets[name][row, before] = getattr(person.changement.revenus_avant, name)
    return targets


def wage_grid(tbs, months: list[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The engine's net and taxable wage for every gross of the grid, per month.

    Cached in the process and on disk (``guichet.disk_cache``): 1.7 s of each start.

    One vectorised simulation of single employees; both are piecewise linear
    functions of the gross (rates change at the social security ceiling).
    """
    missing = [month for month in months if month not in _wage_grid]
    if missing:
        stored = cached_arrays(
            "wage-grid",
            _wage_grid_sources(missing),
            lambda: _compute_wage_grid(tbs, missing),
            valid=lambda arrays: all(
                f"net {m}" in arrays and f"taxable {m}" in arrays for m in missing
            ),
        )
        for month in missing:
            _wage_grid[month] = (stored[f"net {month}"], stored[f"taxable {month}"])
    return {month: _wage_grid[month] for month in months}


def _wage_grid_sources(months: list[str]) -> list[str | bytes]:
    """What the grid depends on: the engine's version, our overrides and neutralised
    variables, the grid."""
    from importlib.metadata import version

    from guichet.simulator.fast import NEUTRALISED_FILE
    from guichet.simulator.overrides import OVERRIDES_FILE

    return [
        version("OpenFisca-France"),
        version("OpenFisca-Core"),
        OVERRIDES_FILE.read_bytes(),
        NEUTRALISED_FILE.read_bytes(),
        WAGE_GRID.tobytes(),
        *months,
    ]


def _compute_wage_grid(tbs, months: list[str]) -> dict[str, np.ndarray]:
    arrays = {}
    if months:
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
        for month in months:
            simulation.set_input("salaire_de_base", month, WAGE_GRID)
        for month in months:
            nets = simulation.calculate("salaire_net", month).astype(float)
            arrays[f"net {month}"] = np.maximum.accumulate(nets)  # croissant
            arrays[f"taxable {month}"] = simulation.calculate("salaire_imposable", month).astype(
                float
            )
    return arrays


def wage_inputs(tbs, months: list[str], nets: np.ndarray) -> dict[str, np.ndarray]:
    """Gross, net and taxable wages (person x month) for the declared nets."""
    gross = np.zeros_like(nets)
    taxable = np.zeros_like(nets)
    if nets.any():
        for column, (grid_nets, grid_taxable) in enumerate(wage_grid(tbs, months).values()):
            gross[:, column] = np.interp(nets[:, column], grid_nets, WAGE_GRID)
            taxable[:, column] = np.interp(gross[:, column], WAGE_GRID, grid_taxable)
        taxable[nets == 0] = 0.0
    return {"salaire_de_base": gross, "salaire_net": nets.copy(), "salaire_imposable": taxable}


def income_inputs(tbs, batch, build, solved: dict | None = None) -> dict[str, np.ndarray]:
    """Every income input of the benefits' simulation, person x month.

    ``build(batch, incomes)`` makes a simulation of ``batch`` with the given
    income inputs (``inputs.build_simulation``): it is used for the small
    simulations that solve the gross of unemployment benefits and pensions.
    ``solved`` holds households already solved (``solve_replacement``), by situation.
    """
    targets = net_targets(batch)
    incomes = wage_inputs(tbs, batch.months, targets["salaire_net"])
    for net, gross, taxable in REPLACEMENT:  # exonéré de CSG et de CRDS : brut = net = imposable
        for name in (net, gross, taxable):
            incomes[name] = targets[net].copy()
    known = solved or {}
    exempt = certainly_exempt(tbs, batch, targets, incomes)
    liable = []
    for h, situation in enumerate(batch.situations):
        if situation in known:
            rows = batch.slices[h]
            for name, values in known[situation].items():
                incomes[name][rows] = values
        elif not exempt[h]:
            liable.append(h)
    if liable:
        mask = batch.person_mask(liable)
        sub = batch.subset(liable)
        result = ReplacementSolver(
            sub,
            {name: values[mask] for name, values in targets.items()},
            {name: incomes[name][mask] for name in WAGE_INPUTS},
            build,
        ).solve()
        for name, values in result.items():
            incomes[name][mask] = values
    return incomes


def solve_replacement(tbs, batch, build) -> dict:
    """The replacement incomes of the batch's liable households, by situation.

    One solving for a whole request: each household is solved alone in effect (its
    values only depend on its own data), so the chunks of the request reuse them.
    """
    incomes = income_inputs(tbs, batch, build)
    exempt = certainly_exempt(tbs, batch, net_targets(batch), incomes)
    solved = {}
    for h, situation in enumerate(batch.situations):
        if not exempt[h]:
            rows = batch.slices[h]
            solved[situation] = {
                name: incomes[name][rows] for triple in REPLACEMENT for name in triple
            }
    return solved


def certainly_exempt(tbs, batch, targets, incomes) -> np.ndarray:
    """For each household: no CSG on its unemployment benefit or pension in year N, for sure.

    The rate reads the revenu fiscal de référence of year N-2 (art. L136-8 CSS): below
    the exemption threshold for the household's parts, no CSG, no CRDS, no CASA.  An
    upper bound of that income — the taxable incomes of N-2 less the smallest 10 %
    deduction (art. 83 CGI), pensions counted whole — below the threshold for the fewest
    parts the household can have is enough.
    """
    count, owner = len(batch.situations), batch.household_of_person
    receives = np.zeros(len(batch.persons), dtype=bool)
    for net, _, _ in REPLACEMENT:
        receives |= targets[net].any(axis=1)
    year = int(batch.mois[:4]) - 2
    columns = np.array([month.startswith(str(year)) for month in batch.months])
    deductions = tbs.get_parameters_at_instant(f"{year}-01-01").impot_revenu
    cap = deductions.calcul_revenus_imposables.deductions.abatpro.max
    earned = incomes["salaire_imposable"][:, columns] + incomes["chomage_imposable"][:, columns]
    earned = earned.sum(axis=1)
    other = (
        incomes["retraite_imposable"][:, columns] + targets["pension_alimentaire_recue"][:, columns]
    ).sum(axis=1)
    bound = np.bincount(
        owner, weights=earned - np.minimum(0.1 * earned, cap) + other, minlength=count
    )
    threshold = tbs.get_parameters_at_instant(f"{batch.mois}-01").prelevements_sociaux
    seuils = threshold.contributions_sociales.csg.remplacement.seuils.seuil_rfr1
    limit = np.array(
        [
            seuils.seuil_rfr1 + (least_parts(situation) - 1) * 2 * seuils.demi_part_suppl_rfr1
            for situation in batch.situations
        ]
    )
    receiving = np.bincount(owner, weights=receives, minlength=count) > 0
    return ~receiving | (bound <= limit)


def least_parts(situation) -> float:
    """Fewest quotient familial parts of the household (art. 194 CGI): 1 per adult, ½ for each
    of the first two children, 1 from the third; the half-parts for a single parent or a
    disability only raise it."""
    children = sum(person.role == "enfant" for person in situation.personnes)
    adults = len(situation.personnes) - children
    return adults + 0.5 * min(children, 2) + max(children - 2, 0)


class ReplacementSolver:
    """Gross unemployment benefit and pension such that the engine's nets match the declared ones.

    Checked on every month up to the simulated one (later months copy it).  The
    net is a non-decreasing function of the gross, with kinks and flat parts
    (the CSG on unemployment benefit may not bring it under the minimum wage,
    art. L136-1-2 CSS): each step is a secant step kept inside the bracket found
    so far, or a bisection of that bracket.  The first guess is gross = net
    (exempt of CSG: the common case for the people we serve).
    """

    def __init__(self, batch, targets, wages, build):
        self.batch, self.build, self.wages = batch, build, wages
        self.checked = batch.months.index(batch.mois) + 1  # colonnes vérifiées
        # Before January N the CSG rate reads a revenu fiscal de référence from before the
        # window (zero: exempt), so gross = net there; only the months of year N are solved.
        self.first = batch.months.index(f"{batch.mois[:4]}-01")
        self.targets = {net: targets[net] for net, _, _ in REPLACEMENT}
        self.gross = {gross: targets[net].copy() for net, gross, _ in REPLACEMENT}
        self.low = {g: np.zeros_like(v) for g, v in self.gross.items()}
        self.high = {g: np.full_like(v, np.inf) for g, v in self.gross.items()}
        self.previous: dict[str, tuple[np.ndarray, np.ndarray] | None] = dict.fromkeys(self.gross)
        self.taxable = {
            taxable: np.zeros_like(targets["salaire_net"]) for *_, taxable in REPLACEMENT
        }
        self.nets = {net: np.zeros_like(targets["salaire_net"]) for net, _, _ in REPLACEMENT}

    def solve(self) -> dict[str, np.ndarray]:
        pending = list(range(len(self.batch.situations)))
        for round_number in range(MAX_ROUNDS):
            if not pending:
                break
            pending = self._round(pending, last=round_number == MAX_ROUNDS - 1)
        result = {}
        for net, gross, taxable in REPLACEMENT:
            result[gross] = self._later_months(self.gross[gross])
            result[net] = self._later_months(self.nets[net])
            result[taxable] = self._later_months(self.taxable[taxable])
        return result

    def _round(self, households: list[int], last: bool) -> list[int]:
        mask = self.batch.person_mask(households)
        sub = self.batch.subset(households)
        incomes = {name: values[mask] for name, values in self.wages.items()}
        for name, values in self.gross.items():
            incomes[name] = self._later_months(values)[mask]
        simulation = self.build(sub, incomes)
        # The CSG rate reads the revenu fiscal de référence and the parts of year N-2:
        # computed first, on their own.  Reached from a net of year N instead, the engine
        # met its own CSG variable twice in the stack (N and N-2), cut the chain there and
        # threw the rfr away: it was computed again for each month, and the taxable amounts
        # of year N were computed with an rfr that left out the replacement incomes of N-2.
        for variable in N_2_TAX_BASE:
            simulation.calculate(variable, str(int(self.batch.mois[:4]) - 2))
        months = self.batch.months[: self.checked]
        wrong = np.zeros(mask.sum(), dtype=bool)
        for net, gross, taxable in REPLACEMENT:
            target = self.targets[net][mask][:, : self.checked]
            if not target.any():
                continue
            nets = target.copy()
            taxes = target.copy()
            for column in range(self.first, self.checked):
                nets[:, column] = simulation.calculate(net, months[column])
                taxes[:, column] = simulation.calculate(taxable, months[column])
            self.nets[net][mask, : self.checked] = nets
            self.taxable[taxable][mask, : self.checked] = taxes
            off = np.abs(nets - target) > TOLERANCE
            if off.any() and not last:
                wrong |= off.any(axis=1)
                self._step(gross, mask, target, nets, off)
        owners = self.batch.household_of_person[mask]
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

    def _later_months(self, values: np.ndarray) -> np.ndarray:
        """Months after the simulated one take its value (they only feed yearly amounts)."""
        out = values.copy()
        out[:, self.checked :] = out[:, self.checked - 1 : self.checked]
        return out
