"""Running many households: grouped by month, vectorised, never a traceback."""

from __future__ import annotations

import json
import logging
import multiprocessing
from collections import defaultdict

from guichet.simulator.assemble import Plan, assemble
from guichet.simulator.engine import run_batch, solve_incomes
from guichet.simulator.results import ENGINE_FAILURE, HouseholdResult
from guichet.simulator.shortcuts import free_of_the_cycle
from guichet.simulator.situation import Situation, SituationError, parse_situation

log = logging.getLogger(__name__)

MAX_ROWS = 1000  # lignes (foyers et variantes) par simulation : au-delà, plus de mémoire sans gain
PARALLEL_MIN = 400  # en dessous, un seul processus : démarrer les autres coûte plus


def simulate(situations: list[Situation], explain: bool = True) -> list[HouseholdResult]:
    """Benefits of each household, in the order given.

    Households are grouped by month and by the benefits that are zero for all their
    rows (``shortcuts.py``), and each group is computed in vectorised runs of at most
    ``MAX_ROWS`` rows: a household is always computed with the same variables given
    as zero, so its results never depend on the other households of the request.

    ``explain=False`` leaves out « ce qui changerait » (the variants), for big files:
    amounts, status, why and why not are the same.
    """
    results: list[HouseholdResult | None] = [None] * len(situations)
    chunks = plan_chunks(situations, explain)
    solved = _solve_incomes(chunks)
    for chunk in chunks:
        for position, result in zip(chunk, _run(chunk, list(chunk), solved), strict=True):
            results[position] = result
    return results


def _solve_incomes(chunks: list[dict[int, Plan]]) -> dict:
    """Unemployment benefits and pensions under CSG, solved once for the whole request."""
    if len(chunks) < 2:
        return {}  # une seule simulation : elle résout elle-même
    rows: dict[str, list[Situation]] = defaultdict(list)
    for chunk in chunks:
        for plan in chunk.values():
            rows[plan.situation.mois] += plan.rows
    solved: dict = {}
    try:
        for month_rows in rows.values():
            for start in range(0, len(month_rows), MAX_ROWS):
                solved.update(solve_incomes(month_rows[start : start + MAX_ROWS]))
    except Exception:  # chaque lot résoudra les siens ; un foyer fautif échouera seul
        log.warning("incomes could not be solved for the whole request", exc_info=True)
        return {}
    return solved


def plan_chunks(situations: list[Situation], explain: bool) -> list[dict[int, Plan]]:
    """The vectorised runs: households by month and signature, ``MAX_ROWS`` rows at most.

    Households with a disability are grouped by their signature; each other household
    joins the biggest of those groups that gives no more benefits of the cycle as zero
    than itself, else the group of such households of its month
    (``shortcuts.free_of_the_cycle``): fewer simulations, the same results.
    """
    plans = [Plan.of(situation, explain) for situation in situations]
    tied: dict[tuple, dict[int, Plan]] = defaultdict(dict)
    for position, plan in enumerate(plans):
        if not free_of_the_cycle(plan.signature):
            tied[(plan.situation.mois, plan.signature)][position] = plan
    sizes = {key: len(members) for key, members in tied.items()}
    groups: dict[tuple, dict[int, Plan]] = defaultdict(dict, tied)
    for position, plan in enumerate(plans):
        if free_of_the_cycle(plan.signature):
            mois = plan.situation.mois
            joinable = [k for k in tied if k[0] == mois and k[1] <= plan.signature]
            key = max(joinable, key=lambda k: (sizes[k], sorted(k[1])), default=(mois, None))
            groups[key][position] = plan
    chunks = []
    for key in sorted(groups, key=lambda k: (k[0], sorted(k[1] or ()), k[1] is None)):
        members = dict(sorted(groups[key].items()))
        chunks += [{p: members[p] for p in chunk} for chunk in _chunks(members)]
    return chunks


def simulate_json_lines(
    situations: list[Situation], explain: bool = False, processes: int = 2
) -> list[str]:
    """One JSON line per household, in order, computed by ``processes`` forked workers.

    For big files (``guichet simuler``): the vectorised runs are shared out between
    workers forked after the engine is built (never pickled: inherited by fork); a
    household's result does not depend on its batch, so the lines are the same as in
    one process.  Workers send back JSON text, cheaper to pass than result objects.
    """
    chunks = plan_chunks(situations, explain)
    lines: list[str | None] = [None] * len(situations)
    # Each run solves its own incomes (``_run`` without ``solved``): the solving is
    # shared out between the workers instead of done first in the parent, and a
    # household's incomes only depend on its own data, so the lines are the same.
    if processes <= 1 or len(situations) < PARALLEL_MIN:
        parts = [_run_lines(chunk) for chunk in chunks]
    else:
        from guichet.simulator.engine import prepare

        prepare(sorted({situation.mois for situation in situations}))
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            parts = pool.map(_run_lines, chunks, chunksize=1)
    for part in parts:
        for position, line in part:
            lines[position] = line
    return lines


def _run_lines(plans: dict[int, Plan]) -> list[tuple[int, str]]:
    results = _run(plans, list(plans))
    return [
        (position, json.dumps(result.to_json(), ensure_ascii=False))
        for position, result in zip(plans, results, strict=True)
    ]


def _chunks(plans: dict[int, Plan]) -> list[list[int]]:
    chunks, current, rows = [], [], 0
    for position, plan in plans.items():
        if current and rows + len(plan.rows) > MAX_ROWS:
            chunks.append(current)
            current, rows = [], 0
        current.append(position)
        rows += len(plan.rows)
    if current:
        chunks.append(current)
    return chunks


def simulate_json(items: list[object], explain: bool = True) -> list[dict]:
    """Answers for raw JSON situations, in order: ``{"erreur", "champ"}`` for invalid ones.

    The shape of ``guichet simuler --json -``: one answer per situation, never a traceback.
    """
    parsed: list[Situation | SituationError] = []
    for item in items:
        try:
            parsed.append(parse_situation(item))
        except SituationError as error:
            parsed.append(error)
    computed = iter(simulate([p for p in parsed if isinstance(p, Situation)], explain))
    return [
        p.to_json() if isinstance(p, SituationError) else next(computed).to_json() for p in parsed
    ]


def _run(plans: dict[int, Plan], positions: list[int], solved=None) -> list[HouseholdResult]:
    """One vectorised run; if it fails, each household alone, so only the faulty one fails."""
    chosen = [plans[p] for p in positions]
    try:
        views = run_batch([row for plan in chosen for row in plan.rows], solved)
        results, start = [], 0
        for plan in chosen:
            count = len(plan.rows)
            results.append(assemble(plan, views[start : start + count]))
            start += count
        return results
    except Exception as error:  # le moteur ne doit jamais faire tomber la réponse
        log.debug("engine failure", exc_info=True)
        if len(chosen) == 1:
            log.warning("engine failure for household %r: %r", chosen[0].situation.id, error)
            return [_failure(chosen[0].situation)]
        log.warning("engine failure on a batch of %d households: %r", len(chosen), error)
    return [_run(plans, [p])[0] for p in positions]  # sans « solved » : tout est refait


def _failure(situation: Situation) -> HouseholdResult:
    return HouseholdResult(id=situation.id, mois=situation.mois, erreur=ENGINE_FAILURE)
