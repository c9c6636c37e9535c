"""Urgency first: a text that speaks of danger tonight gets the emergency numbers at the top.

The patterns run on folded text (no accents, lower case) and are deliberately broad:
showing an emergency number to someone who did not need it costs little; missing it
costs a lot. National numbers: service-public.fr, read 2026-12-03.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold


@dataclass(frozen=True)
class Contact:
    numero: str
    libelle: str

    @property
    def tel(self) -> str:
        return self.numero.replace(" ", "")


@dataclass(frozen=True)
class Urgency:
    id: str
    titre: str
    contacts: tuple[Contact, ...]
    demarches: tuple[str, ...]


SAMU_SOCIAL = Contact("115", "Hébergement d'urgence (gratuit, jour et nuit)")
POLICE = Contact("17", "Police secours, en cas de danger immédiat")
URGENCES = Contact("112", "Numéro d'urgence européen")
SMS_URGENCE = Contact(
    "114", "Urgence par SMS, pour les personnes sourdes ou qui ne peuvent pas parler"
)
VIOLENCES_FEMMES = Contact("39 19", "Violences Femmes Info (gratuit, anonyme, jour et nuit)")
ENFANCE = Contact("119", "Enfance en danger (gratuit, jour et nuit)")
SUICIDE = Contact("31 14", "Prévention du suicide (gratuit, jour et nuit)")
CCAS = Contact("03 81 41 21 21", "CCAS de Besançon : aides d'urgence")

_RULES: tuple[tuple[Urgency, tuple[str, ...]], ...] = (
    (
        Urgency(
            "sans-abri",
            "Vous n'avez pas d'endroit où dormir",
            (SAMU_SOCIAL, CCAS),
            ("hebergement-urgence", "domiciliation"),
        ),
        (
            r"\b(dormir|dors|dort|dormi) (dehors|dans (ma|la|une) voiture|a la rue)",
            r"\ba la rue\b",
            r"\bsans (abri|toit|logement)\b",
            r"\b(plus|pas) de (toit|logement|maison|endroit)( pour| ou)? (dormir|ce soir)",
            r"\bnulle part (ou|pour) dormir\b",
            r"\bsdf\b",
            r"\b(mis|mise|jete|jetee|vire|viree) dehors\b",
            r"\bou dormir\b",
        ),
    ),
    (
        Urgency(
            "violences",
            "Vous subissez des violences",
            (POLICE, VIOLENCES_FEMMES, SMS_URGENCE),
            ("violences-conjugales", "aide-universelle-urgence"),
        ),
        (
            r"\b(me|m) (frappe|bat|tape|cogne|menace|viole|etrangle)",
            r"\bviolen(ce|ces|t|te)\b",
            r"\bdes coups\b",
            r"\bpeur de (mon|ma) (mari|conjoint|copain|compagnon|ex|femme)\b",
        ),
    ),
    (
        Urgency(
            "enfant-en-danger",
            "Un enfant est en danger",
            (ENFANCE, POLICE),
            ("violences-conjugales",),
        ),
        (
            r"\benfants? (est |sont |qui est )?en danger\b",
            r"\bmaltrait",
            r"\b(frappe|bat|tape) (mon|ma|mes|les|un|une) (enfant|fils|fille|bebe|petit)",
        ),
    ),
    (
        Urgency(
            "faim",
            "Vous n'avez plus de quoi manger",
            (CCAS,),
            ("aide-alimentaire", "aide-urgence-ccas"),
        ),
        (
            r"\b(rien|plus rien|pas) (a|de quoi) manger\b",
            r"\bj ai faim\b",
            r"\bont faim\b",
            r"\bpas mange depuis\b",
            r"\bfrigo (est )?vide\b",
        ),
    ),
    (
        Urgency(
            "coupure-energie",
            "Votre électricité ou votre gaz est coupé",
            (CCAS,),
            ("fsl", "aide-urgence-ccas", "cheque-energie"),
        ),
        (
            r"\bcoupure (d |de l |du )?(electricite|courant|gaz|chauffage|energie)",
            r"\b(plus|pas) d (electricite|eau chaude)\b",
            r"\b(plus|pas) de (courant|lumiere|chauffage|gaz)\b",
            r"\b(coupe|coupee|coupes) (l |le |mon |ma )?(electricite|courant|gaz|compteur|chauffage)",
            r"\b(edf|engie|fournisseur) (m a |a )?coupe",
        ),
    ),
    (
        Urgency(
            "expulsion",
            "Vous risquez d'être expulsé de votre logement",
            (CCAS, SAMU_SOCIAL),
            ("prevention-expulsion", "fsl", "aide-juridictionnelle"),
        ),
        (
            r"\bexpuls",
            r"\bcommandement de (quitter|payer)\b",
            r"\b(huissier|commissaire de justice) (vient|va venir|est venu|passe)",
            r"\bquitter (le|mon) logement (demain|avant|le)\b",
        ),
    ),
    (
        Urgency(
            "detresse",
            "Vous pensez à mettre fin à vos jours",
            (SUICIDE, URGENCES),
            (),
        ),
        (
            r"\bsuicid",
            r"\benvie de mourir\b",
            r"\ben finir\b",
            r"\bme tuer\b",
        ),
    ),
)
_COMPILED = tuple((urgency, re.compile("|".join(patterns))) for urgency, patterns in _RULES)


def _prepare(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def detect_urgencies(text: str) -> list[Urgency]:
    """Every urgency the text speaks of, in the order of the table (danger to life first)."""
    prepared = _prepare(text)
    return [urgency for urgency, pattern in _COMPILED if pattern.search(prepared)]
