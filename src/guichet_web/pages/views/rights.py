"""« Mes droits »: questionnaire → situation → simulator → estimated benefits.

The answers live in the session only (no account, no database row), so that « modifier mes
réponses » brings them back and the results page can be reloaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from guichet.catalogue import load_catalogue
from guichet_web.annuaire.places import PlaceCard, card, places_for_networks

from .. import engines
from ..rights import RightsForm, answers_from_post, field_for_champ

SESSION_KEY = "mes_droits"
PLACES_PER_BENEFIT = 2


@dataclass(frozen=True)
class BenefitItem:
    aide: object
    demarche: object
    places: list[PlaceCard]


def _check(form: RightsForm):
    """Validate with the simulator's own rules; its errors go next to the right field."""
    simulator = engines.simulator()
    situation_data, prefixes = form.situation()
    try:
        return simulator.parse_situation(situation_data)
    except simulator.SituationError as error:
        form.add_error(field_for_champ(error.champ, prefixes, form), error.message)
        return None


@require_http_methods(["GET", "POST"])
def rights_form(request):
    if request.method == "POST":
        form = RightsForm(request.POST)
        if form.is_valid() and _check(form) is not None:
            request.session[SESSION_KEY] = answers_from_post(request.POST)
            return redirect("pages:droits-resultats")
    else:
        stored = request.session.get(SESSION_KEY)
        form = RightsForm(initial=stored) if stored else RightsForm()
    return render(request, "pages/droits.html", {"form": form})


def _item(aide) -> BenefitItem:
    demarche = load_catalogue().get(aide.id)
    places = places_for_networks(demarche.aide_locale)[:PLACES_PER_BENEFIT] if demarche else []
    return BenefitItem(aide, demarche, [card(place) for place in places])


def rights_results(request):
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return redirect("pages:droits")
    form = RightsForm(stored)
    if not form.is_valid():
        return redirect("pages:droits")
    situation = _check(form)
    if situation is None:
        return render(request, "pages/droits.html", {"form": form})
    household = engines.simulator().simulate([situation])[0]
    aides = list(household.aides)
    context = {
        "erreur": getattr(household, "erreur", None),
        "mois": form.cleaned_data["mois"],
        "eligible": [_item(a) for a in aides if a.eligible and a.montant > 0],
        "not_eligible": [_item(a) for a in aides if not (a.eligible and a.montant > 0)],
    }
    return render(request, "pages/droits_resultats.html", context)


@require_POST
def rights_clear(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("pages:droits")
