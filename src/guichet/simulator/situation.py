"""A household's situation, parsed and validated before any computation.

The input format is the one of ``shared/eval/README.md``: one JSON object per
household.  Everything is checked here, so that the engine only ever sees sane
values; a refusal names the field (``personnes[0].age``) and says in plain
French what is wrong.
"""

from __future__ import annotations

import csv
import datetime
import functools
import importlib.resources
import json
import re
from dataclasses import dataclass

from guichet.simulator._fields import Reader, SituationError, read_money, read_month, read_text
from guichet.simulator._person import (
    ACTIVITIES,
    INCOME_KEYS,
    MAX_AGE,
    MAX_CHILD_AGE,
    MIN_ADULT_AGE,
    ROLES,
    Change,
    Incomes,
    Person,
    default_activity,
    parse_person,
)
from guichet.simulator.periods import month_index

__all__ = [
    "ACTIVITIES",
    "INCOME_KEYS",
    "MAX_AGE",
    "MAX_CHILD_AGE",
    "MIN_ADULT_AGE",
    "ROLES",
    "Change",
    "Housing",
    "Incomes",
    "Person",
    "Situation",
    "SituationError",
    "default_activity",
    "parse_situation",
]

HOUSING_STATUSES = (
    "locataire",
    "locataire_hlm",
    "proprietaire",
    "heberge_gratuit",
    "sans_domicile",
)

DEFAULT_COMMUNE = "25056"  # Besançon
MAX_RENT = 10_000.0
SEPARATION_MONTHS_BACK = (
    18  # isolement récent : 12 mois de majoration sur les 18 suivants (L262-9 CASF)
)
MAX_CHILDREN = 20
MAX_CHILDREN_UNDER_2 = 4
FIRST_MONTH = (2020, 1)  # les barèmes plus anciens ne sont pas vérifiés

_COMMUNE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
# La table des communes que le moteur lit déjà pour la zone des aides au logement
# (OpenFisca-France, variable zone_apl) : une commune absente y recevrait la zone 2 par défaut.
_ZONE_APL_TABLE = "assets/apl/20110914_zonage.csv"
_ZONE_APL_SUBCOMMUNES = "assets/apl/commune_depcom_by_subcommune_depcom.json"
# Les communes de 2024 (zonage A/B/C, livré avec le moteur) : une commune créée après 2011
# (Culey, 55138) existe bien ; le moteur lui donne la zone 2 des aides au logement.
_COMMUNES_2024 = "assets/zonage-communes/zonage-abc-juillet-2024.csv"


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
    separation_depuis: str | None = None  # mois de la séparation (isolement récent, RSA majoré)

    @property
    def year(self) -> int:
        return int(self.mois[:4])

    @property
    def month(self) -> int:
        return int(self.mois[5:])


def parse_situation(data: object, today: datetime.date | None = None) -> Situation:
    """Validate one household and return it, or raise ``SituationError``."""
    reader = Reader(data, "", "la situation")
    reader.reject_unknown({"id", "mois", "commune", "logement", "personnes", "separation_depuis"})
    situation_id = reader.optional("id")
    if situation_id is not None:
        situation_id = str(read_text(reader.child("id"), max_length=200))
    mois = _parse_month(reader.child("mois"), today or datetime.date.today())
    commune = _parse_commune(reader.child("commune"))
    logement = _parse_housing(reader.child("logement"))
    personnes = _parse_people(reader.child("personnes"), mois)
    separation = _parse_separation(reader.child("separation_depuis"), mois, personnes)
    return Situation(
        id=situation_id,
        mois=mois,
        commune=commune,
        logement=logement,
        personnes=personnes,
        separation_depuis=separation,
    )


def _parse_month(reader: Reader, today: datetime.date) -> str:
    if reader.value is None:
        return f"{today.year:04d}-{today.month:02d}"
    text = read_month(reader)
    year, month = int(text[:4]), int(text[5:])
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
        text = f"{value:05d}"
    else:
        text = read_text(reader).upper()
    if not _COMMUNE_RE.match(text):
        raise reader.error(
            f"Le code de commune « {text} » n'est pas compris : "
            "il faut le code INSEE à 5 caractères (25056 pour Besançon)."
        )
    if text not in known_communes():
        raise reader.error(
            f"Le code de commune « {text} » ne correspond à aucune commune connue : "
            "vérifiez le code INSEE (25056 pour Besançon ; ce n'est pas le code postal)."
        )
    return text


@functools.cache
def known_communes() -> frozenset[str]:
    """The INSEE codes of OpenFisca-France's housing-aid zone table, with the former
    communes and arrondissements it maps to their commune (same data as ``zone_apl``), and
    the communes of the engine's 2024 A/B/C zoning table (communes created since 2011)."""
    assets = importlib.resources.files("openfisca_france")
    with assets.joinpath(_ZONE_APL_TABLE).open(encoding="utf-8", newline="") as table:
        codes = {row["CODGEO"] for row in csv.DictReader(table)}
    with assets.joinpath(_ZONE_APL_SUBCOMMUNES).open("rb") as raw:
        codes.update(json.load(raw))
    with assets.joinpath(_COMMUNES_2024).open(encoding="utf-8", newline="") as table:
        codes.update(row["CODGEO"] for row in csv.DictReader(table, delimiter=";"))
    return frozenset(codes)


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


def _parse_separation(reader: Reader, mois: str, people: tuple[Person, ...]) -> str | None:
    """Month of a recent separation: the person now lives without the former partner."""
    if reader.value is None:
        return None
    month = read_month(reader)
    gap = month_index(mois) - month_index(month)
    if gap < 0:
        raise reader.error(f"La séparation « {month} » est après le mois calculé ({mois}).")
    if any(person.role == "conjoint" for person in people):
        raise reader.error(
            "Une séparation s'indique pour une personne qui vit maintenant sans conjoint : "
            "retirez le conjoint de la liste des personnes."
        )
    return month if gap <= SEPARATION_MONTHS_BACK else None


def _parse_people(reader: Reader, mois: str) -> tuple[Person, ...]:
    if reader.value is None:
        raise reader.error("Indiquez au moins une personne : le demandeur.")
    items = reader.items("la liste des personnes")
    if not items:
        raise reader.error("Indiquez au moins une personne : le demandeur.")
    people = tuple(parse_person(item, mois) for item in items)
    _check_household(reader, people)
    # Ordre fixe : demandeur, conjoint, puis les enfants dans l'ordre donné (le moteur lit
    # le premier parent comme demandeur, et le rang des enfants).
    return tuple(sorted(people, key=lambda person: ROLES.index(person.role)))


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
