"""A household's situation, parsed and validated before any computation.

The input format is the one of ``shared/eval/README.md``: one JSON object per
household.  Everything is checked here, so that the engine only ever sees sane
values; a refusal names the field (``personnes[0].age``) and says in plain
French what is wrong.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from guichet.simulator._fields import (
    Reader,
    SituationError,
    read_bool,
    read_int,
    read_money,
    read_number,
    read_text,
)

__all__ = ["Housing", "Incomes", "Person", "Situation", "SituationError", "parse_situation"]

HOUSING_STATUSES = (
    "locataire",
    "locataire_hlm",
    "proprietaire",
    "heberge_gratuit",
    "sans_domicile",
)
ROLES = ("demandeur", "conjoint", "enfant")
ACTIVITIES = ("salarie", "independant", "chomeur", "etudiant", "retraite", "inactif")
INCOME_KEYS = ("salaire_net", "chomage_net", "retraite_nette", "pension_alimentaire_recue")

DEFAULT_COMMUNE = "25056"  # Besançon
MAX_AGE = 120
MAX_CHILD_AGE = 25  # au-delà, un jeune adulte n'est plus « à charge » (RSA : art. R262-3 CASF)
MIN_ADULT_AGE = 15
MAX_RENT = 10_000.0
MAX_MONTHLY_INCOME = 100_000.0
MAX_CHILDREN = 20
MAX_CHILDREN_UNDER_2 = 4
FIRST_MONTH = (2020, 1)  # les barèmes plus anciens ne sont pas vérifiés

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_COMMUNE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")


@dataclass(frozen=True)
class Incomes:
    """Monthly net incomes, taken as stable over the past months."""

    salaire_net: float = 0.0
    chomage_net: float = 0.0
    retraite_nette: float = 0.0
    pension_alimentaire_recue: float = 0.0


@dataclass(frozen=True)
class Person:
    role: str
    age: int
    activite: str
    revenus: Incomes = field(default_factory=Incomes)
    taux_incapacite: float = 0.0  # en %, de 0 à 100
    enceinte: bool = False


@dataclass(frozen=True)
class Housing:
    statut: str
    loyer: float = 0.0


@dataclass(frozen=True)
class Situation:
    mois: str  # "AAAA-MM"
    commune: str
    logement: Housing
    personnes: tuple[Person, ...]
    id: str | None = None

    @property
    def year(self) -> int:
        return int(self.mois[:4])

    @property
    def month(self) -> int:
        return int(self.mois[5:])


def parse_situation(data: object, today: datetime.date | None = None) -> Situation:
    """Validate one household and return it, or raise ``SituationError``."""
    reader = Reader(data, "", "la situation")
    reader.reject_unknown({"id", "mois", "commune", "logement", "personnes"})
    situation_id = reader.optional("id")
    if situation_id is not None:
        situation_id = str(read_text(reader.child("id"), max_length=200))
    mois = _parse_month(reader.child("mois"), today or datetime.date.today())
    commune = _parse_commune(reader.child("commune"))
    logement = _parse_housing(reader.child("logement"))
    personnes = _parse_people(reader.child("personnes"))
    return Situation(
        id=situation_id, mois=mois, commune=commune, logement=logement, personnes=personnes
    )


def _parse_month(reader: Reader, today: datetime.date) -> str:
    if reader.value is None:
        return f"{today.year:04d}-{today.month:02d}"
    text = read_text(reader)
    match = _MONTH_RE.match(text)
    if not match:
        raise reader.error(f"Le mois « {text} » n'est pas compris : écrivez-le ainsi : 2026-05.")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise reader.error(f"Le mois « {text} » n'existe pas : le mois va de 01 à 12.")
    if (year, month) < FIRST_MONTH or year > today.year + 1:
        raise reader.error(
            f"Le mois « {text} » est trop loin : le calcul se fait de 2020 à {today.year + 1}."
        )
    return f"{year:04d}-{month:02d}"


def _parse_commune(reader: Reader) -> str:
    value = reader.value
    if value is None:
        return DEFAULT_COMMUNE
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100_000:
        return f"{value:05d}"
    text = read_text(reader).upper()
    if not _COMMUNE_RE.match(text):
        raise reader.error(
            f"Le code de commune « {text} » n'est pas compris : "
            "il faut le code INSEE à 5 caractères (25056 pour Besançon)."
        )
    return text


def _parse_housing(reader: Reader) -> Housing:
    if reader.value is None:
        raise reader.error("Indiquez le logement : locataire, hébergé, propriétaire…")
    reader.require_object()
    reader.reject_unknown({"statut", "loyer"})
    statut_reader = reader.child("statut")
    if statut_reader.value is None:
        raise statut_reader.error(
            "Indiquez la situation de logement : " + ", ".join(HOUSING_STATUSES) + "."
        )
    statut = read_text(statut_reader)
    if statut not in HOUSING_STATUSES:
        raise statut_reader.error(
            f"La situation de logement « {statut} » n'est pas connue : choisissez parmi "
            + ", ".join(HOUSING_STATUSES)
            + "."
        )
    loyer_reader = reader.child("loyer")
    loyer = 0.0
    if loyer_reader.value is not None:
        loyer = read_money(loyer_reader, "Le loyer", maximum=MAX_RENT)
    return Housing(statut=statut, loyer=loyer)


def _parse_people(reader: Reader) -> tuple[Person, ...]:
    if reader.value is None:
        raise reader.error("Indiquez au moins une personne : le demandeur.")
    items = reader.items("la liste des personnes")
    if not items:
        raise reader.error("Indiquez au moins une personne : le demandeur.")
    people = tuple(_parse_person(item) for item in items)
    _check_household(reader, people)
    return people


def _check_household(reader: Reader, people: tuple[Person, ...]) -> None:
    roles = [person.role for person in people]
    if roles.count("demandeur") == 0:
        raise reader.error("Il faut une personne avec le rôle « demandeur ».")
    if roles.count("demandeur") > 1:
        second = [i for i, role in enumerate(roles) if role == "demandeur"][1]
        raise (
            reader.child(second)
            .child("role")
            .error("Il ne peut y avoir qu'un seul demandeur par foyer.")
        )
    if roles.count("conjoint") > 1:
        second = [i for i, role in enumerate(roles) if role == "conjoint"][1]
        raise (
            reader.child(second)
            .child("role")
            .error("Il ne peut y avoir qu'un seul conjoint par foyer.")
        )
    children = [person for person in people if person.role == "enfant"]
    if len(children) > MAX_CHILDREN:
        raise reader.error(f"Plus de {MAX_CHILDREN} enfants : vérifiez la liste des personnes.")
    if sum(child.age < 2 for child in children) > MAX_CHILDREN_UNDER_2:
        raise reader.error(
            f"Plus de {MAX_CHILDREN_UNDER_2} enfants de moins de 2 ans : "
            "vérifiez l'âge des enfants."
        )


def _parse_person(reader: Reader) -> Person:
    reader.require_object()
    reader.reject_unknown(
        {"role", "age", "activite", "revenus_mensuels", "taux_incapacite", "enceinte"}
    )
    role_reader = reader.child("role")
    if role_reader.value is None:
        raise role_reader.error("Indiquez le rôle de la personne : demandeur, conjoint ou enfant.")
    role = read_text(role_reader)
    if role not in ROLES:
        raise role_reader.error(
            f"Le rôle « {role} » n'est pas connu : choisissez demandeur, conjoint ou enfant."
        )
    age = _parse_age(reader.child("age"), role)
    revenus = _parse_incomes(reader.child("revenus_mensuels"))
    activite = _parse_activity(reader.child("activite"), role, age, revenus)
    taux_reader = reader.child("taux_incapacite")
    taux = 0.0
    if taux_reader.value is not None:
        taux = read_number(taux_reader, "Le taux d'incapacité", minimum=0.0, maximum=100.0)
    enceinte_reader = reader.child("enceinte")
    enceinte = False if enceinte_reader.value is None else read_bool(enceinte_reader)
    return Person(
        role=role,
        age=age,
        activite=activite,
        revenus=revenus,
        taux_incapacite=taux,
        enceinte=enceinte,
    )


def _parse_age(reader: Reader, role: str) -> int:
    if reader.value is None:
        raise reader.error("Indiquez l'âge de la personne, en années.")
    age = read_int(reader, "L'âge", minimum=0, maximum=MAX_AGE)
    if role == "enfant" and age > MAX_CHILD_AGE:
        raise reader.error(
            f"Un enfant à charge a au plus {MAX_CHILD_AGE} ans : "
            "une personne plus âgée fait sa propre demande."
        )
    if role != "enfant" and age < MIN_ADULT_AGE:
        raise reader.error(
            f"Le {role} doit avoir au moins {MIN_ADULT_AGE} ans : "
            "un enfant plus jeune est indiqué avec le rôle « enfant »."
        )
    return age


def _parse_incomes(reader: Reader) -> Incomes:
    if reader.value is None:
        return Incomes()
    reader.require_object()
    reader.reject_unknown(set(INCOME_KEYS))
    amounts = {}
    for key in INCOME_KEYS:
        child = reader.child(key)
        label = {
            "salaire_net": "Le salaire net",
            "chomage_net": "L'allocation chômage nette",
            "retraite_nette": "La retraite nette",
            "pension_alimentaire_recue": "La pension alimentaire reçue",
        }[key]
        amounts[key] = (
            0.0
            if child.value is None
            else read_money(child, label, maximum=MAX_MONTHLY_INCOME, per_month=True)
        )
    return Incomes(**amounts)


def _parse_activity(reader: Reader, role: str, age: int, revenus: Incomes) -> str:
    if reader.value is None:
        return default_activity(role, age, revenus)
    activite = read_text(reader)
    if activite not in ACTIVITIES:
        raise reader.error(
            f"L'activité « {activite} » n'est pas connue : choisissez parmi "
            + ", ".join(ACTIVITIES)
            + "."
        )
    return activite


def default_activity(role: str, age: int, revenus: Incomes) -> str:
    """Activity guessed from the incomes, then from the age, when it is not given."""
    if revenus.salaire_net > 0:
        return "salarie"
    if revenus.chomage_net > 0:
        return "chomeur"
    if revenus.retraite_nette > 0:
        return "retraite"
    if role == "enfant":
        return "etudiant" if age >= 3 else "inactif"
    if age >= 67:  # âge du taux plein automatique (art. L351-8 CSS)
        return "retraite"
    return "inactif"
