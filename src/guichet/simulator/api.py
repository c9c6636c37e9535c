"""Running many households: grouped by month, vectorised, never a traceback."""

from __future__ import annotations

import logging
from collections import defaultdict

from guichet.simulator.assemble import Plan, assemble
from guichet.simulator.engine import run_batch
from guichet.simulator.results import ENGINE_FAILURE, HouseholdResult
from guichet.simulator.situation import Situation, SituationError, parse_situation

log = logging.getLogger(__name__)

MAX_ROWS = 1000  # lignes (foyers et variantes) par simulation : au-delà, plus de mémoire sans gain


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
    groups: dict[tuple, dict[int, Plan]] = defaultdict(dict)
    for position, situation in enumerate(situations):
        plan = Plan.of(situation, explain)
        groups[(situation.mois, plan.signature)][position] = plan
    for key in sorted(groups, key=lambda k: (k[0], sorted(k[1]))):
        plans = groups[key]
        for chunk in _chunks(plans):
            for position, result in zip(chunk, _run(plans, chunk), strict=True):
                results[position] = result
    return results


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


def _run(plans: dict[int, Plan], positions: list[int]) -> list[HouseholdResult]:
    """One vectorised run; if it fails, each household alone, so only the faulty one fails."""
    chosen = [plans[p] for p in positions]
    try:
        views = run_batch([row for plan in chosen for row in plan.rows])
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
    return [_run(plans, [p])[0] for p in positions]


def _failure(situation: Situation) -> HouseholdResult:
    return HouseholdResult(id=situation.id, mois=situation.mois, erreur=ENGINE_FAILURE)
