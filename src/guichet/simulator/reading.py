"""Reading the engine's arrays back, household by household."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from guichet.simulator.benefits import BENEFITS, HOUSING_AIDS, BenefitSpec
from guichet.simulator.inputs import Batch
from guichet.simulator.situation import Situation


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
    # The engine computes in float32: its value is read as the shortest decimal that gives
    # that float32 back (425.6048 €, not 425.60479736).  Rounding to 3 decimals instead
    # rounded twice: the ARS 2025 at 89.72 % of 474.37 € = 425.6048 € became 425.605 then
    # 425.61 € (the CAF pays 425.60 € - 2.12 € = 423.48 €).
    exact = round(decimal_value(gross), 6) * 100
    cents = math.floor(exact + 1e-6) if floor else math.floor(exact + 0.5 + 1e-6)
    crds_cents = math.floor(cents * crds + 1e-6)
    return (cents - crds_cents) / 100


def decimal_value(value) -> float:
    """A float32 of the engine as the decimal it stands for; other numbers unchanged."""
    if isinstance(value, np.floating) and value.dtype == np.float32:
        return float(np.format_float_positional(value, unique=True))
    return float(value)


def decimal_array(values: np.ndarray) -> np.ndarray:
    """``decimal_value`` of a whole array, at once (float32 text is its shortest decimal)."""
    if values.dtype == np.float32:
        return values.astype(str).astype(float)
    return values.astype(float)


def fact_key(variable: str, kind: str) -> str:
    """Key of a computed value: the variable, and its period when it is not the month."""
    return variable if kind == "month" else f"{variable}@{kind}"


_ENTITIES: dict[str, str] = {}  # variable -> entité, le même système pour tout le processus


@dataclass
class HouseholdView:
    """One household (row) of a computed batch: its values, its situation, its parameters."""

    tbs: object
    batch: Batch
    raw: dict[str, np.ndarray]
    h: int
    crds: float
    decimals: dict[str, np.ndarray] = field(default_factory=dict)  # partagé par le lot

    @property
    def situation(self) -> Situation:
        return self.batch.situations[self.h]

    @property
    def parameters(self):
        return self.tbs.get_parameters_at_instant(f"{self.batch.mois}-01")

    def _entity(self, variable: str) -> str:
        entity = _ENTITIES.get(variable)
        if entity is None:
            entity = _ENTITIES[variable] = self.tbs.get_variable(variable).entity.key
        return entity

    def has(self, variable: str, kind: str = "month") -> bool:
        return fact_key(variable, kind) in self.raw

    def value(self, variable: str, kind: str = "month"):
        """Household value (summed over persons for individual variables)."""
        values = self.raw[fact_key(variable, kind)]
        if self._entity(variable) == "individu":
            return float(values[self.batch.slices[self.h]].sum())
        return values[self.h].item()  # one famille, foyer fiscal and ménage per household

    def per_person(self, variable: str, kind: str = "month") -> np.ndarray:
        values = self.raw[fact_key(variable, kind)]
        return values[self.batch.slices[self.h]]

    def gross(self, spec: BenefitSpec) -> float:
        """The benefit's amount before CRDS, each engine value read as its decimal."""
        kind = "year" if spec.yearly else "month"
        total = 0.0
        for variable in spec.variables:
            key = fact_key(variable, kind)
            values = self.decimals.get(key)
            if values is None:
                values = self.decimals[key] = decimal_array(self.raw[key])
            if self._entity(variable) == "individu":
                total += sum(values[self.batch.slices[self.h]].tolist())
            else:
                total += float(values[self.h])
        return total

    def paid(self, spec: BenefitSpec) -> float:
        return paid_amount(self.gross(spec), self.crds if spec.crds else 0.0, spec.floor)

    def housing_aid(self) -> str | None:
        for variable, label in HOUSING_AIDS:
            if self.value(variable) > 0:
                return label
        return None


def paying_variable(spec: BenefitSpec, view: HouseholdView) -> str:
    """For a benefit made of several variables, the one that pays."""
    if len(spec.variables) == 1:
        return spec.variable  # nothing to read: most benefits are one variable
    kind = "year" if spec.yearly else "month"
    paying = [v for v in spec.variables if view.value(v, kind)]
    return paying[0] if len(paying) == 1 else spec.variable


def amounts(view: HouseholdView, birth: HouseholdView | None) -> dict[str, float]:
    """Amount paid of every benefit, by id (the prime à la naissance from the birth row)."""
    result = {}
    for spec in BENEFITS:
        source = birth if spec.row == "naissance" else view
        result[spec.id] = source.paid(spec) if source is not None else 0.0
    return result
