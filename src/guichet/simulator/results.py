"""What the simulator answers for one household."""

from __future__ import annotations

from dataclasses import dataclass, field

PROBABLE, TO_CHECK, NOT_ELIGIBLE = "probable", "à vérifier", "non éligible"

ENGINE_FAILURE = (
    "Nous n'avons pas pu calculer les droits de ce foyer. Vos réponses sont gardées. "
    "Un conseiller peut faire le calcul avec vous : France services Planoise, "
    "7-9 rue Pablo Picasso, Besançon."
)
# Source : liste ANCT des France services (id_fs 146), 1er août 2024 (shared/data/besancon).
DESK_CONTACT = {
    "nom": "France services Besançon Planoise",
    "adresse": "7-9 rue Pablo Picasso, 25000 Besançon",
    "telephone": "03 81 41 22 21",
    "horaires": "du lundi au vendredi, 8 h 30 – 12 h 30 et 13 h 30 – 17 h (mardi à partir de 10 h)",
    "source": "Liste des France services de l'ANCT, 1er août 2024",
}


@dataclass(frozen=True)
class Change:
    """What would change the amount: a variant of the household computed with it."""

    variante: str  # identifiant de la variante (revenus_moins_200, separation…)
    si: str  # « Si vos revenus baissaient de 200 € par mois »
    montant: float  # montant avec ce changement
    ecart: float  # montant avec ce changement moins montant actuel
    texte: str  # la phrase entière, à montrer telle quelle

    def to_json(self) -> dict:
        return {
            "variante": self.variante,
            "si": self.si,
            "montant": self.montant,
            "ecart": self.ecart,
            "texte": self.texte,
        }


@dataclass(frozen=True)
class Benefit:
    id: str
    libelle: str
    montant: float  # montant versé, après CRDS s'il y a lieu, arrondi au centime
    periodicite: str
    variable: str
    eligible: bool
    detail: str | None = None
    statut: str = ""  # probable, à vérifier, non éligible ; déduit de eligible si vide
    demarche: str = ""  # identifiant du catalogue ; id si vide
    pourquoi: tuple[str, ...] = ()
    pourquoi_pas: tuple[str, ...] = ()
    ce_qui_changerait: tuple[Change, ...] = ()
    references: tuple[str, ...] = ()
    calcule: bool = True  # False : pas de calcul possible, à voir au guichet

    @property
    def status(self) -> str:
        return self.statut or (PROBABLE if self.eligible else NOT_ELIGIBLE)

    def to_json(self) -> dict:
        data = {
            "id": self.id,
            "demarche": self.demarche or self.id,
            "libelle": self.libelle,
            "montant": self.montant,
            "periodicite": self.periodicite,
            "variable": self.variable,
            "eligible": self.eligible,
            "statut": self.status,
            "calcule": self.calcule,
            "pourquoi": list(self.pourquoi),
            "pourquoi_pas": list(self.pourquoi_pas),
            "ce_qui_changerait": [change.to_json() for change in self.ce_qui_changerait],
            "references": list(self.references),
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
            data["contact"] = dict(DESK_CONTACT)
        return data
