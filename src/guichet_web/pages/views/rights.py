"""« Mes droits »: the one-page form for mediators, and the results of either way of answering.

The answers live in the session only (no account, no database row), so that « modifier mes
réponses » brings them back and the results page can be reloaded.
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from guichet_web.annuaire.places import card, home_place

from .. import engines, recap, results
from .. import questionnaire as q
from .. import session_answers as store
from ..questionnaire_situation import as_expert_form, locate
from ..questionnaire_situation import situation as situation_of
from ..rights import RightsForm, answers_from_post, field_for_champ
from .questionnaire import step_url

SESSION_KEY = store.EXPERT


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
    """The « expert » form: every question on one page, for a mediator at the desk."""
    if request.method == "POST":
        form = RightsForm(request.POST)
        if form.is_valid() and _check(form) is not None:
            typed = answers_from_post(request.POST, form.ignored)
            store.save_expert(request.session, typed)
            return redirect("pages:droits-resultats")
    else:
        stored = store.expert(request.session)
        if stored:
            form = RightsForm(initial=stored)
        else:
            return render(request, "pages/droits.html", _prefilled_from_the_questionnaire(request))
    return render(request, "pages/droits.html", {"form": form})


def _prefilled_from_the_questionnaire(request) -> dict:
    """The one-page form filled with the questionnaire's answers, when there are (it says so)."""
    answers = store.answers(request.session)
    if not q.complete(answers):
        return {"form": RightsForm()}
    try:
        initial = as_expert_form(answers)
    except (KeyError, ValueError, TypeError):  # des réponses d'une version précédente
        return {"form": RightsForm()}
    return {"form": RightsForm(initial=initial), "from_questionnaire": True}


def _from_questionnaire(request):
    """(situation, month) from the questionnaire, or a redirect to the step to fix."""
    answers = store.answers(request.session)
    if not q.complete(answers):
        return redirect(step_url(q.resume(answers)))
    simulator = engines.simulator()
    data, prefixes = situation_of(answers)
    try:
        situation = simulator.parse_situation(data)
    except simulator.SituationError as error:
        key = locate(error.champ, prefixes)
        step_id = q.step_of_key(answers, key) or q.STEPS[0].id
        store.flag_error(request.session, step_id, key, error.message)
        return redirect(step_url(step_id, revisiting=True))
    return situation, answers["mois"]


def _from_expert(request):
    stored = store.expert(request.session)
    form = RightsForm(stored)
    if not form.is_valid():
        return redirect("pages:droits-expert")
    situation = _check(form)
    if situation is None:
        return render(request, "pages/droits.html", {"form": form})
    return situation, form.cleaned_data["mois"]


def rights_results(request):
    source = store.source(request.session)
    if source is None:
        return redirect("pages:droits")
    found = _from_expert(request) if source == "expert" else _from_questionnaire(request)
    if not isinstance(found, tuple):
        return found
    situation, month = found
    household = engines.simulate_one(situation)
    error = getattr(household, "erreur", None)
    arranged = results.arrange([] if error else household.aides)
    recap.remember_rights(request.session, month, arranged.found)
    home = home_place()
    context = {
        "erreur": error,
        "mois": month,
        "results": arranged,
        "rules": results.rules(),
        "home_card": card(home) if home else None,
        "modify_url": reverse(
            "pages:droits-expert" if source == "expert" else "pages:droits-verifier"
        ),
    }
    return render(request, "pages/droits_resultats.html", context)


@require_POST
def rights_clear(request):
    store.forget(request.session)
    recap.forget_rights(request.session)
    return redirect("pages:droits")
