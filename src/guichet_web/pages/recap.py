"""The one-page recap of a visit: needs typed, démarches found, rights with amounts, where
to go with today's hours, and the papers to bring.

It is built from the session only (no account): the needs typed on /besoin and a summary
of the last « Mes droits » results are kept there, for as long as the answers themselves
(settings.SESSION_COOKIE_AGE, and never after the browser is closed or « J'ai fini »).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guichet.catalogue import load_catalogue
from guichet_web.annuaire.places import (
    PlaceCard,
    card,
    home_among,
    places_for_networks,
    territory_places,
)

from . import questionnaire, session_answers
from .questionnaire_situation import as_expert_form

NEEDS = "recap_besoins"
RIGHTS = "recap_droits"
ANSWERS = session_answers.EXPERT  # the answers to « Mes droits » (session_answers.py)
# The answers of the step-by-step questionnaire, and which way of answering was used last.
MORE_ANSWERS = (
    ("questionnaire", session_answers.QUESTIONNAIRE),
    ("parcours", session_answers.SOURCE),
)
MAX_NEEDS = 5
DEMARCHES_PER_NEED = 3
PLACES_PER_DEMARCHE = 2
MAX_PLACES = 4
MAX_TEXT = 300


def remember_need(session, text: str, demarche_ids: list[str]) -> None:
    """The last needs typed, newest last, each with its first démarches."""
    text = " ".join(text.split())[:MAX_TEXT]
    needs = [need for need in session.get(NEEDS, []) if need["texte"] != text]
    needs.append({"texte": text, "demarches": list(demarche_ids)[:DEMARCHES_PER_NEED]})
    session[NEEDS] = needs[-MAX_NEEDS:]


def remember_rights(session, month: str, benefits) -> None:
    """What the last simulation found (eligible benefits with an amount)."""
    session[RIGHTS] = {
        "mois": month,
        "aides": [
            {
                "id": benefit.id,
                "libelle": benefit.libelle,
                "montant": round(float(benefit.montant), 2),
                "periodicite": benefit.periodicite,
            }
            for benefit in benefits
        ],
    }


def forget_rights(session) -> None:
    session.pop(RIGHTS, None)


def forget(session) -> None:
    for key in (NEEDS, RIGHTS, *session_answers.KEYS):
        session.pop(key, None)


def payload(session) -> dict:
    """What a resume code keeps: the recap and the answers, nothing else."""
    return {
        "besoins": session.get(NEEDS, []),
        "droits": session.get(RIGHTS),
        "reponses": _answers_for_the_desk(session),
        **{name: session.get(key) for name, key in MORE_ANSWERS if session.get(key)},
    }


def _answers_for_the_desk(session) -> dict | None:
    """The one-page form's answers; from the questionnaire when it was answered last, so
    that the desk (accueil, resume code) can read them the same way."""
    if session_answers.source(session) == "questionnaire":
        answers = session_answers.answers(session)
        if questionnaire.complete(answers):
            return as_expert_form(answers)
    return session.get(ANSWERS)


def restore(session, data: dict) -> None:
    session[NEEDS] = list(data.get("besoins") or [])[-MAX_NEEDS:]
    pairs = ((RIGHTS, "droits"), (ANSWERS, "reponses"), *((k, n) for n, k in MORE_ANSWERS))
    for key, name in pairs:
        if data.get(name):
            session[key] = data[name]


def is_empty(session) -> bool:
    return not (session.get(NEEDS) or session.get(RIGHTS))


@dataclass(frozen=True)
class NeedRecap:
    text: str
    demarches: list


@dataclass(frozen=True)
class BenefitRecap:
    label: str
    amount: float
    periodicity: str
    demarche: object


@dataclass
class Recap:
    needs: list[NeedRecap] = field(default_factory=list)
    month: str = ""
    benefits: list[BenefitRecap] = field(default_factory=list)
    demarches: list = field(default_factory=list)
    places: list[PlaceCard] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.needs or self.benefits)

    @property
    def documents(self) -> list:
        """Each démarche that asks for papers, with its list."""
        return [d for d in self.demarches if d.documents]


def _places(demarches) -> list[PlaceCard]:
    """The places of the démarches (France services first), at most MAX_PLACES."""
    seen, places = set(), []
    territory = territory_places()
    home = home_among(territory)
    candidates = [home] if home and demarches else []
    for demarche in demarches:
        ranked = places_for_networks(demarche.aide_locale, territory)
        candidates.extend(ranked[:PLACES_PER_DEMARCHE])
    for place in candidates:
        if place.pk not in seen:
            seen.add(place.pk)
            places.append(place)
    return [card(place) for place in places[:MAX_PLACES]]


def build(session) -> Recap:
    catalogue = load_catalogue()
    recap = Recap()
    ordered: dict[str, object] = {}
    for need in session.get(NEEDS, []):
        found = [catalogue.get(i) for i in need["demarches"] if i in catalogue]
        recap.needs.append(NeedRecap(need["texte"], found))
        ordered.update((d.id, d) for d in found)
    rights = session.get(RIGHTS) or {}
    recap.month = rights.get("mois", "")
    for aide in rights.get("aides", []):
        demarche = catalogue.get(aide["id"])
        recap.benefits.append(
            BenefitRecap(aide["libelle"], aide["montant"], aide["periodicite"], demarche)
        )
        if demarche is not None:
            ordered.setdefault(demarche.id, demarche)
    recap.demarches = list(ordered.values())
    recap.places = _places(recap.demarches)
    return recap
