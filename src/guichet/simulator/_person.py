"""One person of the household: the fields of the format, and the optional extensions.

Optional fields (all may be left out; the format of ``shared/eval`` stays valid):

* ``changement`` — incomes changed recently: ``{"depuis": "2026-02",
  "revenus_mensuels_avant": {...}, "activite_avant": "salarie"}``.  The months
  before ``depuis`` use the old incomes: the RSA and the prime d'activité read
  the last three months (art. R262-7 CASF, R843-4 CSS), the aides au logement
  the last twelve (art. R822-4 CCH), so a job lost three months ago changes them.
* ``pension_alimentaire_impayee`` — « l'autre parent ne paie pas la pension, ou
  pas en entier » (ASF, art. L523-1 CSS).  Left out with no pension declared,
  the ASF is « à vérifier ».
* ``etablissement_superieur`` — studies after the baccalauréat, in a
  ``public``, ``prive_sous_contrat`` or ``prive_hors_contrat`` establishment
  (bourse sur critères sociaux: public or private under contract only,
  art. D821-1 code de l'éducation).
* ``travail_5_ans_sur_10`` — has worked 5 years in the 10 before the end of the
  job (ASS, art. R5423-1 code du travail).
* ``cej`` — has signed a contrat d'engagement jeune (art. L5131-6 code du travail).
* ``gir`` — GIR level 1 to 6 of the autonomy evaluation (APA: GIR 1 to 4,
  art. L232-2 CASF); ``plan_aide_apa`` — monthly cost of the plan d'aide, when
  the Département has set it.
* ``naissance_prevue`` — expected month of birth, ``"2026-09"`` (implies
  ``enceinte``; prime à la naissance, art. L531-2 CSS).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from guichet.simulator._fields import (
    Reader,
    read_bool,
    read_int,
    read_money,
    read_month,
    read_number,
    read_text,
)
from guichet.simulator.periods import month_index

ROLES = ("demandeur", "conjoint", "enfant")
ACTIVITIES = ("salarie", "independant", "chomeur", "etudiant", "retraite", "inactif")
INCOME_KEYS = ("salaire_net", "chomage_net", "retraite_nette", "pension_alimentaire_recue")
INCOME_LABELS = {
    "salaire_net": "Le salaire net",
    "chomage_net": "L'allocation chômage nette",
    "retraite_nette": "La retraite nette",
    "pension_alimentaire_recue": "La pension alimentaire reçue",
}
ESTABLISHMENTS = ("public", "prive_sous_contrat", "prive_hors_contrat")
PERSON_FIELDS = {
    "role",
    "age",
    "activite",
    "revenus_mensuels",
    "taux_incapacite",
    "enceinte",
    "changement",
    "pension_alimentaire_impayee",
    "etablissement_superieur",
    "travail_5_ans_sur_10",
    "cej",
    "gir",
    "plan_aide_apa",
    "naissance_prevue",
}

MAX_AGE = 120
MAX_CHILD_AGE = 25  # au-delà, un jeune adulte n'est plus « à charge » (RSA : art. R262-3 CASF)
MIN_ADULT_AGE = 15
MAX_MONTHLY_INCOME = 100_000.0
MAX_APA_PLAN = 5_000.0  # le plafond du plan d'aide en GIR 1 est d'environ 2 100 € par mois
CHANGE_MONTHS_BACK = 24  # la fenêtre de calcul commence en janvier N-2
PREGNANCY_MONTHS_AHEAD = 9
MIN_STUDENT_AGE = 15


@dataclass(frozen=True)
class Incomes:
    """Monthly net incomes."""

    salaire_net: float = 0.0
    chomage_net: float = 0.0
    retraite_nette: float = 0.0
    pension_alimentaire_recue: float = 0.0

    @property
    def total(self) -> float:
        return self.salaire_net + self.chomage_net + self.retraite_nette


@dataclass(frozen=True)
class Change:
    """Incomes and activity before ``depuis`` (a month, "AAAA-MM")."""

    depuis: str
    revenus_avant: Incomes
    activite_avant: str


@dataclass(frozen=True)
class Person:
    role: str
    age: int
    activite: str
    revenus: Incomes = field(default_factory=Incomes)
    taux_incapacite: float = 0.0  # en %, de 0 à 100
    enceinte: bool = False
    changement: Change | None = None
    pension_alimentaire_impayee: bool | None = None
    etablissement_superieur: str | None = None
    travail_5_ans_sur_10: bool | None = None
    cej: bool | None = None
    gir: int | None = None
    plan_aide_apa: float | None = None
    naissance_prevue: str | None = None

    @property
    def adult(self) -> bool:
        return self.role != "enfant"

    def incomes_at(self, mois: str) -> Incomes:
        """Incomes of a month: the old ones before the change, if any."""
        if self.changement and month_index(mois) < month_index(self.changement.depuis):
            return self.changement.revenus_avant
        return self.revenus

    def activity_at(self, mois: str) -> str:
        if self.changement and month_index(mois) < month_index(self.changement.depuis):
            return self.changement.activite_avant
        return self.activite

    def with_changes(self, **changes) -> Person:
        return replace(self, **changes)


def parse_person(reader: Reader, mois: str) -> Person:
    reader.require_object()
    reader.reject_unknown(PERSON_FIELDS)
    role_reader = reader.child("role")
    if role_reader.value is None:
        raise role_reader.error("Indiquez le rôle de la personne : demandeur, conjoint ou enfant.")
    role = read_text(role_reader)
    if role not in ROLES:
        raise role_reader.error(
            f"Le rôle « {role} » n'est pas connu : choisissez demandeur, conjoint ou enfant."
        )
    age = _parse_age(reader.child("age"), role)
    revenus = parse_incomes(reader.child("revenus_mensuels"))
    activite = _parse_activity(reader.child("activite"), role, age, revenus)
    taux = _optional(
        reader,
        "taux_incapacite",
        lambda r: read_number(r, "Le taux d'incapacité", minimum=0.0, maximum=100.0),
    )
    naissance = _optional(reader, "naissance_prevue", lambda r: _parse_birth(r, mois))
    enceinte = bool(_optional(reader, "enceinte", read_bool)) or naissance is not None
    if enceinte and (role == "enfant" or age < MIN_ADULT_AGE):
        raise reader.child("enceinte").error(
            "Une grossesse se déclare sur la personne qui attend l'enfant (demandeur ou conjoint)."
        )
    return Person(
        role=role,
        age=age,
        activite=activite,
        revenus=revenus,
        taux_incapacite=taux or 0.0,
        enceinte=enceinte,
        changement=_optional(reader, "changement", lambda r: _parse_change(r, mois, role, age)),
        pension_alimentaire_impayee=_optional(reader, "pension_alimentaire_impayee", read_bool),
        etablissement_superieur=_optional(
            reader, "etablissement_superieur", lambda r: _parse_establishment(r, age)
        ),
        travail_5_ans_sur_10=_optional(reader, "travail_5_ans_sur_10", read_bool),
        cej=_optional(reader, "cej", read_bool),
        gir=_optional(reader, "gir", lambda r: read_int(r, "Le GIR", minimum=1, maximum=6)),
        plan_aide_apa=_optional(
            reader,
            "plan_aide_apa",
            lambda r: read_money(r, "Le plan d'aide APA", maximum=MAX_APA_PLAN),
        ),
        naissance_prevue=naissance,
    )


def _optional(reader: Reader, key: str, parse):
    child = reader.child(key)
    return None if child.value is None else parse(child)


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


def parse_incomes(reader: Reader) -> Incomes:
    if reader.value is None:
        return Incomes()
    reader.require_object()
    reader.reject_unknown(set(INCOME_KEYS))
    amounts = {}
    for key in INCOME_KEYS:
        child = reader.child(key)
        amounts[key] = (
            0.0
            if child.value is None
            else read_money(child, INCOME_LABELS[key], maximum=MAX_MONTHLY_INCOME)
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


def _parse_change(reader: Reader, mois: str, role: str, age: int) -> Change:
    reader.require_object()
    reader.reject_unknown({"depuis", "revenus_mensuels_avant", "activite_avant"})
    since_reader = reader.child("depuis")
    if since_reader.value is None:
        raise since_reader.error("Indiquez depuis quel mois la situation a changé (2026-02).")
    depuis = read_month(since_reader)
    gap = month_index(mois) - month_index(depuis)
    if gap < 0:
        raise since_reader.error(
            f"Le changement « {depuis} » est après le mois calculé ({mois}) : "
            "indiquez un mois passé ou le mois calculé."
        )
    if gap > CHANGE_MONTHS_BACK:
        raise since_reader.error(
            f"Un changement de plus de {CHANGE_MONTHS_BACK} mois n'a plus d'effet sur le calcul : "
            "ne l'indiquez pas."
        )
    before = parse_incomes(reader.child("revenus_mensuels_avant"))
    activity = _parse_activity(reader.child("activite_avant"), role, age, before)
    return Change(depuis=depuis, revenus_avant=before, activite_avant=activity)


def _parse_establishment(reader: Reader, age: int) -> str:
    value = read_text(reader)
    if value not in ESTABLISHMENTS:
        raise reader.error(
            f"L'établissement « {value} » n'est pas connu : choisissez parmi "
            + ", ".join(ESTABLISHMENTS)
            + "."
        )
    if age < MIN_STUDENT_AGE:
        raise reader.error(
            f"Les études supérieures commencent après {MIN_STUDENT_AGE} ans : vérifiez l'âge."
        )
    return value


def _parse_birth(reader: Reader, mois: str) -> str:
    month = read_month(reader)
    gap = month_index(month) - month_index(mois)
    if gap < 0:
        raise reader.error(
            f"La naissance prévue « {month} » est passée : un enfant né s'indique avec le "
            "rôle « enfant » et l'âge 0."
        )
    if gap > PREGNANCY_MONTHS_AHEAD:
        raise reader.error(
            f"La naissance prévue « {month} » est à plus de {PREGNANCY_MONTHS_AHEAD} mois : "
            "vérifiez le mois."
        )
    return month
