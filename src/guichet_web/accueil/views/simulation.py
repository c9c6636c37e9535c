"""The household situation on the file (the « Mes droits » questionnaire), and its results."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from guichet_web.pages import engines
from guichet_web.pages.rights import RightsForm, answers_from_post, field_for_champ

from .. import permissions
from ..forms.files import ResumeCodeForm
from ..services import ServiceError, StaleVersion, resume, simulation
from .access import check, person_file, staff_required

MAX_FAILED_CODES = 20  # per mediator and hour: a code cannot be found by trying many
FAILED_WINDOW = 60 * 60


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
                    answers=answers_from_post(request.POST, form.ignored),
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


def _failures_key(request) -> str:
    return f"accueil:codes-refuses:{request.user.pk}"


@staff_required
@require_http_methods(["GET", "POST"])
def resume_code(request, pk: int):
    """« Code de reprise »: the person's own answers to « Mes droits », with their agreement."""
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    form = ResumeCodeForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        failures = cache.get(_failures_key(request), 0)
        try:
            if failures >= MAX_FAILED_CODES:
                raise ServiceError(
                    "Trop de codes refusés depuis une heure. Réessayez plus tard.", field="code"
                )
            taken = resume.load_code(
                request.user,
                item,
                form.cleaned_data["version"],
                form.cleaned_data["code"],
                agreed=form.cleaned_data["accord"],
            )
        except StaleVersion as error:
            item.refresh_from_db()
            form = ResumeCodeForm(
                {**request.POST.dict(), "version": str(item.version)},
            )
            form.is_valid()
            form.add_error(None, error.message)
        except ServiceError as error:
            if error.field == "code":
                cache.set(_failures_key(request), failures + 1, FAILED_WINDOW)
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            what = {
                "situation": "la situation du foyer",
                "resultats": "les résultats de son calcul",
            }
            messages.success(
                request,
                "Code accepté : "
                + " et ".join(what[name] for name in taken)
                + " de la personne sont repris dans le dossier.",
            )
            return redirect("accueil:personne", item.pk)
    return render(request, "accueil/code_reprise.html", {"file": item, "form": form})
