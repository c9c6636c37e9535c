"""Help the engine cannot compute, shown as « à vérifier » at the desk, with the reason.

Local funds (FSL, CCAS, FAJ, social fares) have their own rules, set by the
Département or the town; national help like the aide universelle d'urgence
depends on facts the questionnaire does not ask.  Rather than leave them out,
simple rules on the situation and the computed amounts say when they are worth
checking, in plain French.  Nothing here is an amount.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guichet.simulator.results import TO_CHECK, Benefit
from guichet.simulator.situation import Situation

# Seuil de pauvreté à 60 % du niveau de vie médian : 1 216 € par mois et par unité de
# consommation en 2022 (Insee, enquête Revenus fiscaux et sociaux 2022).  Règle indicative.
LOW_INCOME_PER_UNIT = 1216.0
PAID_MONTHLY = (
    "rsa",
    "prime-activite",
    "aide-logement",
    "allocations-familiales",
    "aah",
    "aspa",
    "complement-familial",
    "asf",
    "paje",
    "asi",
    "aeeh",
    "ass",
    "cej",
)


@dataclass(frozen=True)
class DeskRule:
    id: str  # identifiant du catalogue
    libelle: str
    applies: Callable[[Situation, dict[str, float]], bool]
    pourquoi: str


def consumption_units(situation: Situation) -> float:
    """OECD modified scale: 1 for the first adult, 0.5 per person of 14 or more, 0.3 below."""
    units = 0.0
    for position, person in enumerate(situation.personnes):
        units += 1.0 if position == 0 else (0.5 if person.age >= 14 else 0.3)
    return units


def monthly_resources(situation: Situation, amounts: dict[str, float]) -> float:
    incomes = sum(
        p.revenus.total + p.revenus.pension_alimentaire_recue for p in situation.personnes
    )
    return incomes + sum(amounts.get(key, 0.0) for key in PAID_MONTHLY)


def low_income(situation: Situation, amounts: dict[str, float]) -> bool:
    return (
        monthly_resources(situation, amounts) / consumption_units(situation) < LOW_INCOME_PER_UNIT
    )


def _renting(situation: Situation) -> bool:
    return situation.logement.statut in ("locataire", "locataire_hlm")


def _school_children(situation: Situation) -> bool:
    return any(p.role == "enfant" and 3 <= p.age <= 17 for p in situation.personnes)


def _young_adult(situation: Situation) -> bool:
    return any(p.adult and 18 <= p.age <= 25 for p in situation.personnes)


RULES = (
    DeskRule(
        "fsl",
        "Fonds de solidarité pour le logement (FSL)",
        lambda s, a: _renting(s) and low_income(s, a),
        "Vous êtes locataire avec de faibles ressources. En cas de dette de loyer, d'électricité "
        "ou d'eau, ou pour entrer dans un logement, le FSL du Département peut aider. Ses règles "
        "sont celles du Département : à vérifier au guichet avec un travailleur social.",
    ),
    DeskRule(
        "aide-urgence-ccas",
        "Aide financière d'urgence du CCAS",
        lambda s, a: low_income(s, a) or s.logement.statut == "sans_domicile",
        "Si une facture ou la nourriture ne peut plus être payée ce mois-ci, le CCAS peut donner "
        "une aide d'urgence après un entretien. Il n'y a pas de barème national : à voir au "
        "guichet.",
    ),
    DeskRule(
        "aide-universelle-urgence",
        "Aide universelle d'urgence (violences conjugales)",
        lambda s, a: s.separation_depuis is not None,
        "Si vous avez quitté votre conjoint à cause de violences, la CAF peut verser une aide "
        "d'urgence en quelques jours, sur ordonnance de protection, plainte ou signalement au "
        "procureur. "
        "Le 3919 écoute, gratuitement et sans laisser de trace sur la facture.",
    ),
    DeskRule(
        "tarif-social-cantine",
        "Tarifs sociaux de la cantine et du périscolaire",
        lambda s, a: _school_children(s) and low_income(s, a),
        "La cantine et l'accueil périscolaire coûtent moins cher selon le quotient familial. "
        "Le tarif se calcule à la mairie ou au CCAS, avec l'attestation de quotient familial "
        "de la CAF.",
    ),
    DeskRule(
        "transport-solidaire",
        "Tarif solidaire des transports en commun",
        lambda s, a: low_income(s, a),
        "Avec de faibles ressources, les transports en commun peuvent coûter moins cher. Les "
        "conditions sont celles du réseau local : à vérifier au guichet.",
    ),
    DeskRule(
        "faj",
        "Fonds d'aide aux jeunes (FAJ)",
        lambda s, a: _young_adult(s) and low_income(s, a),
        "Un jeune de 18 à 25 ans en difficulté peut recevoir une aide du Fonds d'aide aux jeunes "
        "du Département, par la mission locale ou un travailleur social.",
    ),
    DeskRule(
        "cmg",
        "Complément de libre choix du mode de garde (CMG)",
        lambda s, a: (
            any(p.role == "enfant" and p.age < 6 for p in s.personnes)
            and any(p.adult and p.revenus.salaire_net > 0 for p in s.personnes)
        ),
        "Si vous faites garder votre enfant de moins de 6 ans (assistante maternelle, garde à "
        "domicile, micro-crèche), la CAF peut payer une partie : le montant dépend du coût de la "
        "garde, que nous ne demandons pas.",
    ),
    DeskRule(
        "pch",
        "Prestation de compensation du handicap (PCH)",
        lambda s, a: any(p.taux_incapacite >= 50 for p in s.personnes),
        "La PCH paie une aide humaine, du matériel ou l'aménagement du logement, selon les "
        "besoins évalués par la MDPH, sans condition de ressources pour l'accès : à demander à la "
        "MDPH.",
    ),
)


def desk_benefits(situation: Situation, amounts: dict[str, float]) -> list[Benefit]:
    """The help to check at the desk for this household, each with its reason."""
    return [
        Benefit(
            id=rule.id,
            libelle=rule.libelle,
            montant=0.0,
            periodicite="ponctuelle",
            variable="",
            eligible=False,
            statut=TO_CHECK,
            calcule=False,
            pourquoi=(rule.pourquoi,),
        )
        for rule in RULES
        if rule.applies(situation, amounts)
    ]
