"""Why a benefit is granted or not, in plain French, from the engine's own intermediate values.

Each benefit has an explainer that reads a few decisive variables of the
engine (resources taken into account, ceiling, forfait logement, age
condition…) for the household, already computed in the same simulation, and
turns them into short sentences: ``pourquoi`` when it is granted,
``pourquoi_pas`` (the condition that failed) when it is not.  Labels are ours,
never variable names; the legal references are the engine's own
(``Variable.reference``) for the variables read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from guichet.simulator.benefits import BenefitSpec
from guichet.simulator.reading import HouseholdView


@dataclass
class Explanation:
    pourquoi: list[str] = field(default_factory=list)
    pourquoi_pas: list[str] = field(default_factory=list)
    statut: str = ""  # « à vérifier » quand le calcul a une réserve ; sinon déduit du montant
    variables: list[str] = field(default_factory=list)  # variables lues : leurs références
    detail: str | None = None
    hide_amount: bool = False  # le montant du moteur repose sur une donnée manquante


Explainer = Callable[[HouseholdView, float, Explanation], None]
_EXPLAINERS: dict[str, Explainer] = {}

# Variables read by the explainers, computed after the benefits, always in this order:
# (benefit id, ((variable, kind), ...)).  kind: "month" (the month simulated), "year" (its
# year), "n_2" (year N-2), "last3" (mean of the 3 months before).
FACTS: list[tuple[str, tuple[tuple[str, str], ...]]] = []


def explainer(benefit_id: str, facts: tuple[tuple[str, str], ...] = ()):
    """Register the explainer of a benefit and the variables it reads."""

    def register(function: Explainer) -> Explainer:
        _EXPLAINERS[benefit_id] = function
        FACTS.append((benefit_id, facts))
        return function

    return register


def explain(spec: BenefitSpec, view: HouseholdView | None, amount: float) -> Explanation:
    explanation = Explanation()
    function = _EXPLAINERS.get(spec.id)
    if function is not None and view is not None:
        function(view, amount, explanation)
    return explanation


_REFERENCES: dict[tuple[str, ...], list[str]] = {}


def references(tbs, variables: list[str]) -> list[str]:
    """The engine's references for the variables read, in order, without duplicates."""
    key = tuple(variables)
    if key not in _REFERENCES:
        _REFERENCES[key] = _references(tbs, variables)
    return _REFERENCES[key]


def _references(tbs, variables: list[str]) -> list[str]:
    seen: list[str] = []
    for variable in variables:
        reference = tbs.get_variable(variable).reference
        items = reference if isinstance(reference, list | tuple) else [reference]
        for item in items:
            text = str(item).strip() if item else ""
            if text and text not in seen:
                seen.append(text)
    return seen


from guichet.simulator.explain import family, housing, minima, others  # noqa: E402, F401
