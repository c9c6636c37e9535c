"""« Mes droits »: the simulator's answer, arranged for the results page.

For each benefit: its status in words (probable, à vérifier, non éligible), why, why not,
what would change it, and the next step (the body's local desk, papers to bring, the
official page); the France services of the territory, which helps with all of them, is
shown once after the list. The fields ``statut``, ``pourquoi``, ``pourquoi_pas`` and ``ce_qui_changerait`` are
read when the simulator gives them; without them, the status comes from ``eligible``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urlsplit

from guichet.catalogue import load_catalogue
from guichet_web.annuaire.places import (
    PlaceCard,
    card,
    home_among,
    places_for_networks,
    territory_places,
)

log = logging.getLogger(__name__)

PROBABLE, TO_CHECK, NOT_ELIGIBLE = "probable", "a_verifier", "non_eligible"
STATUSES = {
    "probable": PROBABLE,
    "eligible": PROBABLE,
    "a_verifier": TO_CHECK,
    "verifier": TO_CHECK,
    "non_calcule": TO_CHECK,
    "non_eligible": NOT_ELIGIBLE,
    "ineligible": NOT_ELIGIBLE,
}
PLACES_PER_BENEFIT = 1  # the body's own desk; France services is shown once for all


@dataclass(frozen=True)
class Reference:
    label: str  # « Article L842-2 du Code de la sécurité sociale », or a site's name
    url: str = ""


@dataclass
class BenefitItem:
    aide: object
    status: str
    demarche: object  # the catalogue's démarche, or None when the catalogue does not know it
    why: list[str] = field(default_factory=list)
    why_not: list[str] = field(default_factory=list)
    would_change: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)  # les textes de loi cités
    candidates: list = field(default_factory=list)  # lieux de l'annuaire, les meilleurs d'abord
    places: list[PlaceCard] = field(default_factory=list)  # montrés ici pour la première fois
    places_again: list = field(default_factory=list)  # déjà montrés plus haut : un lien suffit
    # Another benefit of the page has the same démarche (PAJE: allocation de base and prime à
    # la naissance): the title then names this one too, or both would read the same.
    shares_its_demarche: bool = False

    @property
    def has_amount(self) -> bool:
        """An amount to show: probable, or to check at the desk but computed."""
        return self.status != NOT_ELIGIBLE and float(self.aide.montant or 0) > 0


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "_".join(plain.lower().replace("-", " ").replace("'", " ").split())


def status_of(aide) -> str:
    raw = getattr(aide, "statut", None)
    if isinstance(raw, str) and _slug(raw) in STATUSES:
        return STATUSES[_slug(raw)]
    return PROBABLE if aide.eligible else NOT_ELIGIBLE


def lines(value) -> list[str]:
    """Plain sentences from what the simulator gives: a text, a list, or small records."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [_sentence(value)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in lines(item)]
    return [_sentence(value)]


def _sentence(item) -> str:
    get = item.get if isinstance(item, dict) else lambda name: getattr(item, name, None)
    text = get("texte") or get("libelle") or get("message")
    if not text:
        return str(item)
    reference = get("reference")
    return f"{text} ({reference})" if reference else str(text)


def references(value) -> list[Reference]:
    """Legal references as written; a bare address becomes a link named after its site."""
    found = []
    for text in lines(value):
        if text.startswith(("http://", "https://")):
            host = urlsplit(text).hostname or text
            found.append(Reference(host.removeprefix("www.").removeprefix("vosdroits."), text))
        else:
            found.append(Reference(text))
    return found


def _item(aide, home_pk, places) -> BenefitItem:
    status = status_of(aide)
    demarche = load_catalogue().get(getattr(aide, "demarche", "") or aide.id)
    candidates = []
    if demarche and status != NOT_ELIGIBLE:
        ranked = places_for_networks(demarche.aide_locale, places)
        found = [p for p in ranked if p.pk != home_pk]
        candidates = found[:PLACES_PER_BENEFIT]
    return BenefitItem(
        aide=aide,
        status=status,
        demarche=demarche,
        why=lines(getattr(aide, "pourquoi", None)) or lines(getattr(aide, "raison", None)),
        why_not=lines(getattr(aide, "pourquoi_pas", None)),
        would_change=lines(getattr(aide, "ce_qui_changerait", None)),
        references=references(getattr(aide, "references", None)),
        candidates=candidates,
    )


@dataclass
class Results:
    probable: list[BenefitItem]
    to_check: list[BenefitItem]
    not_granted: list[BenefitItem]

    @property
    def found(self) -> list:
        """What the recap keeps: benefits with an amount."""
        return [item.aide for item in self.probable if item.has_amount]


def arrange(aides) -> Results:
    places = territory_places()  # une lecture pour toute la page, pas une par aide
    home = home_among(places)
    items = [_item(aide, home.pk if home else None, places) for aide in aides]
    demarches = Counter(item.demarche.id for item in items if item.demarche)
    for item in items:
        item.shares_its_demarche = bool(item.demarche) and demarches[item.demarche.id] > 1
    arranged = Results(
        probable=[i for i in items if i.status == PROBABLE],
        to_check=[i for i in items if i.status == TO_CHECK],
        not_granted=[i for i in items if i.status == NOT_ELIGIBLE],
    )
    _place_once(arranged.probable + arranged.to_check)
    return arranged


def _place_once(items: list[BenefitItem]) -> None:
    """Each place's card once, where it first helps; further down, a link to it."""
    shown: set = set()
    for item in items:
        for place in item.candidates:
            if place.pk in shown:
                item.places_again.append(place)
            else:
                shown.add(place.pk)
                item.places.append(card(place))


@dataclass(frozen=True)
class Rules:
    engine_version: str | None
    updated: dt.date | None  # la plus récente des mises à jour locales de barèmes


@functools.cache
def rules() -> Rules:
    """Which rules computed the amounts: the engine's version, and our latest fix."""
    try:
        version = metadata.version("openfisca-france")
    except metadata.PackageNotFoundError:
        version = None
    updated = None
    try:
        from guichet.simulator.overrides import load_overrides

        starts = [start for o in load_overrides() for start in o.values]
        updated = dt.date.fromisoformat(max(starts)) if starts else None
    except Exception:  # une information d'affichage ne doit pas faire tomber la page
        log.warning("overrides unreadable for the results page", exc_info=True)
    return Rules(version, updated)
