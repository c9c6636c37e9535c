"""What the simulator answers for one household."""

from __future__ import annotations

from dataclasses import dataclass, field

ENGINE_FAILURE = (
    "Nous n'avons pas pu calculer les droits de ce foyer. Vos réponses sont gardées. "
    "Un conseiller peut faire le calcul avec vous : France services Planoise, "
    "7-9 rue Pablo Picasso, Besançon."
)


@dataclass(frozen=True)
class Benefit:
    id: str
    libelle: str
    montant: float  # montant versé, après CRDS s'il y a lieu, arrondi au centime
    periodicite: str
    variable: str
    eligible: bool
    detail: str | None = None

    def to_json(self) -> dict:
        data = {
            "id": self.id,
            "libelle": self.libelle,
            "montant": self.montant,
            "periodicite": self.periodicite,
            "variable": self.variable,
            "eligible": self.eligible,
        }
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass(frozen=True)
class HouseholdResult:
    id: str | None
    mois: str
    aides: list[Benefit] = field(default_factory=list)
    erreur: str | None = None  # le moteur n'a pas pu calculer ce foyer

    @property
    def ok(self) -> bool:
        return self.erreur is None

    def aide(self, benefit_id: str) -> Benefit | None:
        return next((aide for aide in self.aides if aide.id == benefit_id), None)

    def montant(self, benefit_id: str) -> float:
        aide = self.aide(benefit_id)
        return aide.montant if aide else 0.0

    def to_json(self) -> dict:
        data = {"id": self.id, "mois": self.mois, "aides": [a.to_json() for a in self.aides]}
        if self.erreur:
            data["erreur"] = self.erreur
        return data
