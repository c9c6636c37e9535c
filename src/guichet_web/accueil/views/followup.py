"""Démarches followed (status, dates, documents) and the visit recorded on a file."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .. import permissions
from ..catalogue import demarche_title
from ..choices import CLOSED_STATUSES
from ..forms.activity import FileVisitForm, FollowForm, StatusForm
from ..forms.files import DocumentForm
from ..models import DocumentItem, FollowedDemarche
from ..services import ServiceError, StaleVersion, demarches, files, visits
from .access import check, person_file, staff_required
from .files import service_error, with_current_version


@staff_required
@require_POST
def follow(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    form = FollowForm(request.POST)
    if form.is_valid():
        try:
            followed = demarches.follow(request.user, item, form.cleaned_data["demarche_id"])
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            return redirect("accueil:demarche", followed.pk)
    else:
        messages.error(request, "Choisissez une démarche dans la liste.")
    return redirect("accueil:personne", item.pk)


def _followed(request, pk: int, *, edit: bool) -> FollowedDemarche:
    followed = get_object_or_404(FollowedDemarche.objects.select_related("person_file"), pk=pk)
    allowed = permissions.can_edit_file if edit else permissions.can_view_file
    check(allowed(request.user, followed.person_file))
    return followed


@staff_required
@require_http_methods(["GET", "POST"])
def demarche_detail(request, pk: int):
    followed = _followed(request, pk, edit=request.method == "POST")
    initial = {"status": followed.status, "version": followed.version}
    form = StatusForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            demarches.change_status(
                request.user,
                followed,
                form.cleaned_data["version"],
                form.cleaned_data["status"],
                form.cleaned_data["on"],
            )
        except StaleVersion as error:
            followed.refresh_from_db()
            form = StatusForm(with_current_version(request.POST, followed.version))
            form.is_valid()
            form.add_error(None, error.message)
        except ServiceError as error:
            service_error(form, error)
        else:
            messages.success(request, "Statut enregistré.")
            return redirect("accueil:demarche", followed.pk)
    elif request.method == "GET":
        files.record_read(request.user, followed.person_file, f"demarche {followed.pk}")
    context = {
        "followed": followed,
        "file": followed.person_file,
        "title": demarche_title(followed.demarche_id),
        "form": form,
        "document_form": DocumentForm(),
        "documents": followed.documents.all(),
        "can_edit": permissions.can_edit_file(request.user, followed.person_file),
    }
    return render(request, "accueil/demarche.html", context)


@staff_required
@require_POST
def document_toggle(request, pk: int):
    document = get_object_or_404(DocumentItem.objects.select_related("followed"), pk=pk)
    check(permissions.can_edit_file(request.user, document.followed.person_file))
    demarches.set_document(request.user, document, request.POST.get("provided") == "1")
    return redirect("accueil:demarche", document.followed_id)


@staff_required
@require_POST
def document_add(request, pk: int):
    followed = _followed(request, pk, edit=True)
    form = DocumentForm(request.POST)
    if form.is_valid():
        demarches.add_document(request.user, followed, form.cleaned_data["label"])
    else:
        messages.error(request, "Écrivez le nom de la pièce.")
    return redirect("accueil:demarche", followed.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def file_visit(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    followed = item.demarches.exclude(status__in=CLOSED_STATUSES)
    form = FileVisitForm(request.POST or None, followed=followed)
    if request.method == "POST" and form.is_valid():
        try:
            visits.record_visit(
                request.user,
                channel=form.cleaned_data["channel"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                reasons=form.cleaned_data["all_reasons"],
                outcome=form.cleaned_data["outcome"],
                demarche_ids=form.cleaned_data["demarches"],
                person_file=item,
                autonomy=form.autonomy(),
                at=form.cleaned_data["at"],
            )
        except ServiceError as error:
            service_error(form, error)
        else:
            messages.success(request, "Passage enregistré dans le dossier.")
            return redirect("accueil:personne", item.pk)
    return render(request, "accueil/passage_personne.html", {"file": item, "form": form})
