"""Reading the engine's arrays back into benefits, household by household."""

from __future__ import annotations

import math

import numpy as np

from guichet.simulator.benefits import BENEFITS, HOUSING_AIDS, MONTHLY, BenefitSpec
from guichet.simulator.inputs import Batch
from guichet.simulator.results import Benefit


def crds_rate(tbs, mois: str) -> float:
    """CRDS rate in force (0.5 %, ordonnance n° 96-50 art. 19)."""
    parameters = tbs.get_parameters_at_instant(f"{mois}-01")  # en cache dans le système
    return float(parameters.prelevements_sociaux.contributions_sociales.crds)


def paid_amount(gross: float, crds: float, floor: bool = False) -> float:
    """Amount paid: the gross rounded to the cent, minus the CRDS truncated to the cent.

    This is how the CAF publishes its amounts: AF for 2 children at
    BMAF 422.28 € (April 2022) = 135.13 € - 0.67 € = 134.46 € paid, 3 children
    308.26 € - 1.54 € = 306.72 €; at BMAF 466.44 € (April 2024) 149.26 € -
    0.74 € = 148.52 €.  The engine truncates the CRDS of the aides au logement
    the same way (``crds_logement``).
    """
    exact = round(float(gross), 3) * 100  # le moteur calcule en float32 : bruit sous 0,001 €
    cents = math.floor(exact + 1e-6) if floor else math.floor(exact + 0.5 + 1e-6)
    crds_cents = math.floor(cents * crds + 1e-6)
    return (cents - crds_cents) / 100


def household_value(tbs, batch: Batch, values: np.ndarray, variable: str, h: int):
    """The value of a variable for household ``h`` (summed over persons for individual ones)."""
    entity = tbs.get_variable(variable).entity.key
    if entity == "individu":
        return float(values[batch.household_of_person == h].sum())
    return values[h].item()  # one famille, foyer fiscal and ménage per household


def read_benefits(tbs, batch: Batch, raw: dict, h: int, rate: float) -> list[Benefit]:
    """The benefits of household ``h`` of the batch, in the fixed order of ``BENEFITS``."""
    benefits = []
    for spec in BENEFITS:
        values = {v: household_value(tbs, batch, raw[v], v, h) for v in spec.variables}
        if spec.id == "css":
            benefits.append(_css(spec, values))
            continue
        amount = paid_amount(sum(values.values()), rate if spec.crds else 0.0, spec.floor)
        detail = _housing_detail(tbs, batch, raw, h) if spec.id == "aide-logement" else None
        benefits.append(
            Benefit(
                id=spec.id,
                libelle=spec.libelle,
                montant=amount,
                periodicite=spec.periodicite,
                variable=_main_variable(spec, values),
                eligible=amount > 0,
                detail=detail,
            )
        )
    return benefits


def _main_variable(spec: BenefitSpec, values: dict) -> str:
    """For a benefit made of several variables, the one that pays."""
    paying = [variable for variable, value in values.items() if value]
    return paying[0] if len(paying) == 1 else spec.variable


def _housing_detail(tbs, batch, raw, h) -> str | None:
    for variable, label in HOUSING_AIDS:
        if household_value(tbs, batch, raw[variable], variable, h) > 0:
            return label
    return None


def _css(spec: BenefitSpec, values: dict) -> Benefit:
    """Complémentaire santé solidaire: free (``cmu_c``) or with a monthly participation.

    ``css_participation_forfaitaire`` is labelled yearly in the engine but is the
    monthly participation of the household (art. D861-3 CSS: 8 € to 30 € a month
    and per person, by age).
    """
    free = bool(values["cmu_c"])
    participation = round(float(values["css_participation_forfaitaire"]), 2)
    if free:
        detail, variable = "gratuite", "cmu_c"
    elif participation > 0:
        amount = f"{participation:.2f}".replace(".", ",").removesuffix(",00")
        detail, variable = f"participation {amount} € par mois", "css_participation_forfaitaire"
    else:
        detail, variable = None, "cmu_c"
    return Benefit(
        id=spec.id,
        libelle=spec.libelle,
        montant=0.0,
        periodicite=MONTHLY,
        variable=variable,
        eligible=free or participation > 0,
        detail=detail,
    )
