"""What would change the amounts: variants of a household, computed in the same simulation.

Each household may come with a few variants — the same household with one
thing changed (incomes 200 € lower, a job lost, a separation declared, a
home of one's own, a child turning 3, one more child, a part-time job).  They
are extra rows of the same vectorised simulation, never new simulations.  The
variants are chosen by simple rules on the situation, and a variant is reported
for a benefit only when it changes the amount.

A variant also yields the prime à la naissance: a household expecting a child
gets a hidden row with the child born two months later (the prime is paid in
the 7th month of pregnancy, ``paje_naissance``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from guichet.simulator.explain._text import euros
from guichet.simulator.periods import month_index, month_label
from guichet.simulator.results import Change
from guichet.simulator.situation import Change as IncomeChange
from guichet.simulator.situation import Person, Situation

INCOME_DROP = 200.0
PART_TIME_NET = 800.0  # environ un mi-temps au SMIC, net par mois
RENT_FIRST, RENT_PER_PERSON, RENT_MAX = 450.0, 100.0, 800.0
MAX_VARIANTS = 5
MIN_CHANGE = 1.0  # euro : en dessous, on ne dit rien
BIRTH_ROW = "naissance"
UNITS = {"mensuelle": "par mois", "annuelle": "par an", "ponctuelle": "en une fois"}


@dataclass(frozen=True)
class Variant:
    key: str
    si: str  # « Si vos revenus baissaient de 200 € par mois »
    situation: Situation


def _earner(situation: Situation) -> tuple[int, Person] | None:
    adults = [(i, p) for i, p in enumerate(situation.personnes) if p.adult]
    earners = [(i, p) for i, p in adults if p.revenus.total >= INCOME_DROP]
    return max(earners, key=lambda item: item[1].revenus.total) if earners else None


def _replace_person(situation: Situation, index: int, person: Person) -> Situation:
    people = list(situation.personnes)
    people[index] = person
    return replace(situation, personnes=tuple(people), id=None)


def _who(person: Person) -> tuple[str, str]:
    return ("vous", "vos") if person.role == "demandeur" else ("votre conjoint·e", "ses")


def lower_income(situation: Situation) -> Variant | None:
    found = _earner(situation)
    if not found:
        return None
    index, person = found
    incomes = person.revenus
    source = max(
        ("salaire_net", "chomage_net", "retraite_nette"), key=lambda k: getattr(incomes, k)
    )
    lowered = replace(incomes, **{source: getattr(incomes, source) - INCOME_DROP})
    subject = "vos revenus" if person.role == "demandeur" else "les revenus de votre conjoint·e"
    return Variant(
        "revenus_moins_200",
        f"Si {subject} baissaient de {euros(INCOME_DROP, cents=False)} par mois",
        _replace_person(situation, index, person.with_changes(revenus=lowered)),
    )


def job_loss(situation: Situation) -> Variant | None:
    earners = [
        (i, p) for i, p in enumerate(situation.personnes) if p.adult and p.revenus.salaire_net > 0
    ]
    if not earners:
        return None
    index, person = max(earners, key=lambda item: item[1].revenus.salaire_net)
    change = IncomeChange(
        depuis=situation.mois, revenus_avant=person.revenus, activite_avant=person.activite
    )
    lost = person.with_changes(
        revenus=replace(person.revenus, salaire_net=0.0), activite="chomeur", changement=change
    )
    subject = (
        "vous perdiez votre emploi"
        if person.role == "demandeur"
        else "votre conjoint·e perdait son emploi"
    )
    return Variant(
        "perte_emploi",
        f"Si {subject} ce mois-ci, sans allocation chômage",
        _replace_person(situation, index, lost),
    )


def part_time_job(situation: Situation) -> Variant | None:
    for index, person in enumerate(situation.personnes):
        if (
            person.role == "demandeur"
            and 18 <= person.age < 62
            and person.revenus.salaire_net == 0
            and person.activite not in ("retraite", "etudiant")
        ):
            working = person.with_changes(
                revenus=replace(person.revenus, salaire_net=PART_TIME_NET),
                activite="salarie",
                changement=None,
            )
            return Variant(
                "reprise_emploi",
                f"Si vous travailliez à mi-temps (environ {euros(PART_TIME_NET, cents=False)} net "
                "par mois depuis 3 mois)",
                _replace_person(situation, index, working),
            )
    return None


def separation(situation: Situation) -> Variant | None:
    if not any(p.role == "conjoint" for p in situation.personnes):
        return None
    alone = tuple(p for p in situation.personnes if p.role != "conjoint")
    kids = " avec les enfants" if any(p.role == "enfant" for p in alone) else ""
    return Variant(
        "separation",
        f"Si vous vous sépariez et le déclariez (vous vivriez seul·e{kids})",
        replace(situation, personnes=alone, separation_depuis=situation.mois, id=None),
    )


def own_home(situation: Situation) -> Variant | None:
    if situation.logement.statut not in ("heberge_gratuit", "sans_domicile"):
        return None
    rent = min(RENT_MAX, RENT_FIRST + RENT_PER_PERSON * (len(situation.personnes) - 1))
    housing = replace(situation.logement, statut="locataire", loyer=rent)
    return Variant(
        "logement_autonome",
        f"Si vous louiez un logement (loyer de {euros(rent, cents=False)} par mois)",
        replace(situation, logement=housing, id=None),
    )


def child_turns_three(situation: Situation) -> Variant | None:
    for index, person in enumerate(situation.personnes):
        if person.role == "enfant" and person.age == 2 and not person.naissance_prevue:
            return Variant(
                "enfant_3_ans",
                "Quand votre enfant de 2 ans aura 3 ans",
                _replace_person(situation, index, person.with_changes(age=3)),
            )
    return None


def one_more_child(situation: Situation) -> Variant | None:
    kids = [p for p in situation.personnes if p.role == "enfant"]
    if not kids or len(kids) >= 6:
        return None
    baby = Person(role="enfant", age=0, activite="inactif")
    return Variant(
        "enfant_en_plus",
        "Avec un enfant de plus (après sa naissance)",
        replace(situation, personnes=situation.personnes + (baby,), id=None),
    )


RULES = (
    lower_income,
    job_loss,
    part_time_job,
    separation,
    own_home,
    child_turns_three,
    one_more_child,
)


def variants_of(situation: Situation) -> list[Variant]:
    """The relevant variants of a household, in a fixed order, at most ``MAX_VARIANTS``."""
    found = [variant for rule in RULES if (variant := rule(situation)) is not None]
    return found[:MAX_VARIANTS]


def birth_row(situation: Situation) -> Situation | None:
    """The household with the expected child born two months later (prime à la naissance)."""
    if not any(p.enceinte for p in situation.personnes):
        return None
    born = month_label(month_index(situation.mois) + 2)
    baby = Person(role="enfant", age=0, activite="inactif", naissance_prevue=born)
    return replace(situation, personnes=situation.personnes + (baby,), id=None)


def describe(
    variant: Variant, nom: str, periodicite: str, base: float, new: float
) -> Change | None:
    """The change of one benefit under a variant, or None when it does not change."""
    gap = round(new - base, 2)
    if abs(gap) < MIN_CHANGE:
        return None
    unit = UNITS.get(periodicite, "")
    if base <= 0:
        text = (
            f"{variant.si} : vous pourriez toucher environ {euros(new, cents=False)} {unit} {nom}"
        )
    elif new <= 0:
        # « plus de RSA » se lit aussi « davantage de RSA » : on dit que l'aide s'arrête
        text = f"{variant.si} : vous n'auriez plus {nom} (−{euros(base, cents=False)} {unit})"
    else:
        sign = "+" if gap > 0 else "−"
        text = f"{variant.si} : environ {sign}{euros(abs(gap), cents=False)} {unit} {nom}"
    return Change(variante=variant.key, si=variant.si, montant=new, ecart=gap, texte=text)


def describe_status(variant: Variant, base: str | None, new: str | None) -> Change | None:
    """A change of the complémentaire santé solidaire (free, with participation, none)."""
    if base == new:
        return None
    words = {
        "gratuite": "deviendrait gratuite",
        None: "ne serait plus accordée",
    }
    ending = words.get(new, f"serait accordée avec une {new}")
    text = f"{variant.si} : la complémentaire santé solidaire {ending}"
    return Change(variante=variant.key, si=variant.si, montant=0.0, ecart=0.0, texte=text)
