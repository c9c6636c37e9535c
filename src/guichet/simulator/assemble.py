"""One household's answer: amounts as paid, status, why, why not, what would change it.

A household is computed as several rows of one simulation: the household
itself, the variants that may change its amounts (``variants.py``), and, when a
child is expected, the household with the child born (prime à la naissance).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guichet.simulator.benefits import BENEFITS, MONTHLY, BenefitSpec
from guichet.simulator.desk import desk_benefits
from guichet.simulator.explain import explain, references
from guichet.simulator.reading import HouseholdView, amounts, paying_variable
from guichet.simulator.results import NOT_ELIGIBLE, PROBABLE, Benefit, HouseholdResult
from guichet.simulator.shortcuts import signature
from guichet.simulator.situation import Situation
from guichet.simulator.variants import Variant, birth_row, describe, describe_status, variants_of


@dataclass
class Plan:
    """The rows computed for one household."""

    situation: Situation
    variants: list[Variant] = field(default_factory=list)
    birth: Situation | None = None

    @classmethod
    def of(cls, situation: Situation, explain_changes: bool) -> Plan:
        return cls(
            situation,
            variants_of(situation) if explain_changes else [],
            birth_row(situation),
        )

    @property
    def signature(self) -> frozenset[str]:
        """The benefits given as zero when this household is computed (see ``shortcuts.py``)."""
        return signature([person for row in self.rows for person in row.personnes])

    @property
    def rows(self) -> list[Situation]:
        rows = [self.situation] + [variant.situation for variant in self.variants]
        return rows + ([self.birth] if self.birth is not None else [])


def css_detail(view: HouseholdView) -> str | None:
    """Complémentaire santé solidaire: free (``cmu_c``) or with a monthly participation.

    ``css_participation_forfaitaire`` is labelled yearly in the engine but is the
    monthly participation of the household (art. D861-3 CSS: 8 € to 30 € a month
    and per person, by age).
    """
    if view.value("cmu_c"):
        return "gratuite"
    participation = round(float(view.value("css_participation_forfaitaire")), 2)
    if participation > 0:
        amount = f"{participation:.2f}".replace(".", ",").removesuffix(",00")
        return f"participation {amount} € par mois"
    return None


def assemble(plan: Plan, views: list[HouseholdView]) -> HouseholdResult:
    base = views[0]
    variant_views = views[1 : 1 + len(plan.variants)]
    birth = views[-1] if plan.birth is not None else None
    paid = amounts(base, birth)
    variant_paid = [amounts(view, None) for view in variant_views]
    aides = []
    for spec in BENEFITS:
        view = birth if spec.row == "naissance" else base
        aides.append(_benefit(spec, view or base, paid[spec.id], plan, variant_views, variant_paid))
    aides += desk_benefits(plan.situation, paid)
    return HouseholdResult(id=plan.situation.id, mois=plan.situation.mois, aides=aides)


def _benefit(spec: BenefitSpec, view, amount, plan, variant_views, variant_paid) -> Benefit:
    explanation = explain(spec, view, amount)
    if spec.id == "css":
        detail = css_detail(view)
        eligible = detail is not None
        changes = [
            describe_status(variant, detail, css_detail(other))
            for variant, other in zip(plan.variants, variant_views, strict=True)
        ]
        amount = 0.0
    else:
        detail = explanation.detail
        if explanation.hide_amount:
            amount = 0.0
        eligible = amount > 0
        changes = (
            []
            if spec.row != "base" or explanation.hide_amount
            else [
                describe(variant, spec.nom, spec.periodicite, amount, other[spec.id])
                for variant, other in zip(plan.variants, variant_paid, strict=True)
            ]
        )
    statut = explanation.statut or (PROBABLE if eligible else NOT_ELIGIBLE)
    return Benefit(
        id=spec.id,
        libelle=spec.libelle,
        montant=amount,
        periodicite=MONTHLY if spec.id == "css" else spec.periodicite,
        variable=paying_variable(spec, view),
        eligible=eligible,
        detail=detail,
        statut=statut,
        demarche=spec.catalogue_id,
        pourquoi=tuple(explanation.pourquoi),
        pourquoi_pas=tuple(explanation.pourquoi_pas) if not eligible else (),
        ce_qui_changerait=tuple(change for change in changes if change is not None),
        references=tuple(references(view.tbs, explanation.variables)),
    )
