"""Running many households: grouped by month, vectorised, never a traceback."""

from __future__ import annotations

import logging
from collections import defaultdict

from guichet.simulator.engine import run_batch
from guichet.simulator.inputs import Batch
from guichet.simulator.results import ENGINE_FAILURE, HouseholdResult
from guichet.simulator.situation import Situation, SituationError, parse_situation

log = logging.getLogger(__name__)

MAX_BATCH = 2000  # foyers par simulation : au-delà, la mémoire grossit sans gain de vitesse


def simulate(situations: list[Situation]) -> list[HouseholdResult]:
    results: list[HouseholdResult | None] = [None] * len(situations)
    by_month: dict[str, list[int]] = defaultdict(list)
    for position, situation in enumerate(situations):
        by_month[situation.mois].append(position)
    for mois in sorted(by_month):
        positions = by_month[mois]
        for start in range(0, len(positions), MAX_BATCH):
            chunk = positions[start : start + MAX_BATCH]
            for position, result in zip(chunk, _run(situations, chunk), strict=True):
                results[position] = result
    return results


def simulate_json(items: list[object]) -> list[dict]:
    """Answers for raw JSON situations, in order: ``{"erreur", "champ"}`` for invalid ones.

    The shape of ``guichet simuler --json -``: one answer per situation, never a traceback.
    """
    parsed: list[Situation | SituationError] = []
    for item in items:
        try:
            parsed.append(parse_situation(item))
        except SituationError as error:
            parsed.append(error)
    computed = iter(simulate([p for p in parsed if isinstance(p, Situation)]))
    return [
        p.to_json() if isinstance(p, SituationError) else next(computed).to_json() for p in parsed
    ]


def _run(situations: list[Situation], positions: list[int]) -> list[HouseholdResult]:
    """One vectorised run; if it fails, each household alone, so only the faulty one fails."""
    chunk = [situations[p] for p in positions]
    try:
        raw = run_batch(Batch.of(chunk))
        return [_result(s, aides) for s, aides in zip(chunk, raw, strict=True)]
    except Exception as error:  # le moteur ne doit jamais faire tomber la réponse
        log.debug("engine failure", exc_info=True)
        if len(chunk) == 1:
            log.warning("engine failure for household %r: %r", chunk[0].id, error)
            return [_failure(chunk[0])]
        log.warning("engine failure on a batch of %d households: %r", len(chunk), error)
    return [_run(situations, [p])[0] for p in positions]


def _result(situation: Situation, aides) -> HouseholdResult:
    return HouseholdResult(id=situation.id, mois=situation.mois, aides=aides)


def _failure(situation: Situation) -> HouseholdResult:
    return HouseholdResult(id=situation.id, mois=situation.mois, erreur=ENGINE_FAILURE)
