"""The household situation on the file (the « Mes droits » questionnaire), and its results."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from guichet_web.pages import engines
from guichet_web.pages.rights import RightsForm, answers_from_post, field_for_champ

from .. import permissions
from ..services import ServiceError, StaleVersion, simulation
from .access import check, person_file, staff_required


def _checked(form: RightsForm) -> dict | None:
    """The simulator's own rules; its errors go next to the right field."""
    simulator = engines.simulator()
    data, prefixes = form.situation()
    try:
        simulator.parse_situation(data)
    except simulator.SituationError as error:
        form.add_error(field_for_champ(error.champ, prefixes, form), error.message)
        return None
    return data


@staff_required
@require_http_methods(["GET", "POST"])
def situation(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    version = item.version
    if request.method == "POST":
        form = RightsForm(request.POST)
        version = int(request.POST.get("version") or 0)
        data = _checked(form) if form.is_valid() else None
        if data is not None:
            try:
                simulation.save_situation(
                    request.user,
                    item,
                    version,
                    answers=answers_from_post(request.POST),
                    situation=data,
                )
            except StaleVersion as error:
                item.refresh_from_db()
                version = item.version
                form.add_error(None, error.message)
            else:
                messages.success(request, "Situation du foyer enregistrée.")
                return redirect("accueil:personne", item.pk)
    else:
        answers = item.situation_answers
        form = RightsForm(initial=answers) if answers else RightsForm()
    context = {"file": item, "form": form, "version": version}
    return render(request, "accueil/situation.html", context)


@staff_required
@require_POST
def simulate(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    try:
        simulation.simulate(request.user, item)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Calcul fait : les résultats sont dans le dossier.")
    return redirect("accueil:personne", item.pk)
