"""Home page and need results: a person's own words → démarches and where to go."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from guichet.catalogue import load_catalogue
from guichet_web.annuaire.places import PlaceCard, card, places_for_networks

from .. import engines, recap
from ..forms import NeedForm

PLACES_PER_RESULT = 2


@dataclass(frozen=True)
class Situation:
    """A pictogram and a sentence in the reader's language; `need` stays in French, the
    language the matcher reads."""

    picto: str
    text: str | Promise
    need: str = ""
    theme: str = ""

    @property
    def url(self) -> str:
        if self.need:
            return f"{reverse('pages:besoin')}?{urlencode({'texte': self.need})}"
        return f"{reverse('pages:demarches')}#{self.theme}"


SITUATIONS = (
    Situation(
        "loyer", _("Je n'arrive plus à payer mon loyer"), need="je n'arrive plus à payer mon loyer"
    ),
    Situation(
        "argent",
        _("Je n'ai plus assez d'argent pour vivre"),
        need="je n'ai plus d'argent pour vivre",
    ),
    Situation("travail", _("J'ai perdu mon travail"), need="j'ai perdu mon travail"),
    Situation("manger", _("Je n'ai plus de quoi manger"), need="je n'ai plus rien à manger"),
    Situation(
        "dormir",
        _("Je n'ai pas d'endroit où dormir"),
        need="je n'ai pas d'endroit où dormir ce soir",
    ),
    Situation(
        "sante", _("Je ne peux pas payer mes soins"), need="je n'ai pas de mutuelle pour me soigner"
    ),
    Situation("famille", _("Les enfants, la famille"), theme="famille"),
    Situation("handicap", _("Un handicap, une maladie longue"), theme="handicap"),
    Situation("papiers", _("Mes papiers"), theme="papiers"),
    Situation(
        "internet",
        _("Je n'y arrive pas avec internet"),
        need="je n'arrive pas à faire mes démarches sur internet",
    ),
)


@dataclass(frozen=True)
class NeedItem:
    match: object
    demarche: object
    places: list[PlaceCard]


def home(request):
    return render(request, "pages/home.html", {"form": NeedForm(), "situations": SITUATIONS})


def _item(match) -> NeedItem:
    demarche = load_catalogue().get(match.id)
    places = places_for_networks(demarche.aide_locale)[:PLACES_PER_RESULT] if demarche else []
    return NeedItem(match, demarche, [card(place) for place in places])


def need(request):
    form = NeedForm(request.GET) if "texte" in request.GET else NeedForm()
    result = None
    if form.is_bound and form.is_valid():
        result = engines.need_matcher().match(form.cleaned_data["texte"], limit=5)
        found = [match.id for match in result.demarches]
        recap.remember_need(request.session, form.cleaned_data["texte"], found)
    context = {
        "form": form,
        "searched": result is not None,
        "message": result.message if result is not None else None,
        "items": [_item(match) for match in result.demarches] if result is not None else [],
        # Optional parts of the matcher's answer: urgent contacts first, a question when unsure.
        "urgences": list(getattr(result, "urgences", None) or []),
        "question": getattr(result, "question", None),
    }
    return render(request, "pages/besoin.html", context)
