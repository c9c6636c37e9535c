"""Mes droits: a household's situation -> the benefits it can claim, with OpenFisca-France.

Pure Python, no Django.  Typical use::

    from guichet.simulator import parse_situation, simulate, warm_up

    warm_up()  # once per process, before serving
    result = simulate([parse_situation(data)])[0]
    result.to_json()  # {"id": ..., "mois": ..., "aides": [...]}
"""

from __future__ import annotations

from guichet.simulator.results import Benefit, HouseholdResult
from guichet.simulator.situation import Situation, SituationError, parse_situation

__all__ = [
    "Benefit",
    "HouseholdResult",
    "Situation",
    "SituationError",
    "parse_situation",
    "simulate",
    "simulate_json",
    "warm_up",
]


def simulate(situations: list[Situation], explain: bool = True) -> list[HouseholdResult]:
    """Benefits of each household, in the order given (one vectorised run per month)."""
    from guichet.simulator.api import simulate as _simulate

    return _simulate(situations, explain)


def simulate_json(items: list[object]) -> list[dict]:
    """Raw JSON situations -> one JSON answer each (``{"erreur", "champ"}`` when invalid)."""
    from guichet.simulator.api import simulate_json as _simulate_json

    return _simulate_json(items)


def warm_up() -> None:
    """Build the engine and run a small household, so that the first real request is fast."""
    from guichet.simulator.engine import warm_up as _warm_up

    _warm_up()
