"""The person's file: open with consent, read (journaled), edit, notes, consent, journal."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .. import permissions
from ..catalogue import demarche_title
from ..conf import retention_days
from ..forms.activity import FollowForm
from ..forms.files import EditIdentityForm, NoteForm, OpenFileForm, ResumeCodeForm
from ..models import Consent, JournalEntry
from ..services import ServiceError, StaleVersion, files, visits
from .access import check, person_file, staff_required

IDENTITY = ("first_name", "last_name", "birth_year", "phone")
RECENT_VISITS = 10


def service_error(form, error: ServiceError) -> None:
    """The service's message next to its field (a form may name it otherwise, see
    `service_fields`), else at the top of the form."""
    field = getattr(form, "service_fields", {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)


def with_current_version(post, version: int):
    """After a conflict the form keeps what was typed, now based on the current version:
    saving again is a conscious choice made after reading the current values."""
    data = post.copy()
    data["version"] = str(version)
    return data


@staff_required
@require_http_methods(["GET", "POST"])
def open_file(request):
    check(permissions.can_use_desk(request.user))
    form = OpenFileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = files.open_file(
                request.user,
                consent_sha256=form.cleaned_data["consent_sha256"],
                **{name: form.cleaned_data[name] for name in IDENTITY},
            )
        except ServiceError as error:
            service_error(form, error)
        else:
            messages.success(request, "Dossier ouvert, avec l'accord de la personne.")
            return redirect("accueil:personne", created.pk)
    return render(request, "accueil/personne_nouvelle.html", {"form": form})


def benefits(results: dict | None) -> list[dict]:
    """The benefits with an amount, from the simulator's JSON stored on the file."""
    aides = (results or {}).get("aides") or []
    return [
        {
            "label": aide.get("libelle") or aide.get("id", ""),
            "amount": aide.get("montant"),
            "period": aide.get("periodicite") or "",
        }
        for aide in aides
        if aide.get("eligible", True) and aide.get("montant")
    ]


@staff_required
@require_http_methods(["GET"])
def file_detail(request, pk: int):
    item = person_file(pk)
    check(permissions.can_view_file(request.user, item))
    files.record_read(request.user, item, "dossier")
    can_edit = permissions.can_edit_file(request.user, item)
    followed = list(item.demarches.prefetch_related("documents"))
    for entry in followed:
        entry.title = demarche_title(entry.demarche_id)
    progress = visits.autonomy_progress(item)
    for entry in progress:
        entry["title"] = demarche_title(entry["demarche_id"])
    context = {
        "file": item,
        "can_edit": can_edit,
        "can_export": permissions.can_export_file(request.user, item),
        "notes": item.notes.all() if permissions.can_view_notes(request.user, item) else None,
        "note_form": NoteForm(),
        "follow_form": FollowForm(),
        "followed": followed,
        "progress": progress,
        "visits": item.visits.prefetch_related("demarches")[:RECENT_VISITS],
        "referrals": item.referrals.select_related("to_structure"),
        "appointments": item.appointments.select_related("structure"),
        "consents": item.consents.all(),
        "benefits": benefits(item.simulation_results),
        "form": ResumeCodeForm(initial={"version": item.version}) if can_edit else None,
    }
    return render(request, "accueil/personne.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def edit_file(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    initial = {name: getattr(item, name) for name in IDENTITY} | {"version": item.version}
    form = EditIdentityForm(request.POST or None, initial=initial)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            files.update_identity(
                request.user,
                item,
                form.cleaned_data["version"],
                **{name: form.cleaned_data[name] for name in IDENTITY},
            )
        except StaleVersion as error:
            item.refresh_from_db()
            conflict = True
            form = EditIdentityForm(with_current_version(request.POST, item.version))
            form.is_valid()
            form.add_error(None, error.message)
        else:
            messages.success(request, "Modifications enregistrées.")
            return redirect("accueil:personne", item.pk)
    context = {"file": item, "form": form, "conflict": conflict}
    return render(request, "accueil/personne_modifier.html", context)


@staff_required
@require_POST
def add_note(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            files.add_note(request.user, item, form.cleaned_data["text"])
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Note ajoutée.")
    else:
        messages.error(request, "La note est vide ou trop longue (2 000 signes au plus).")
    return redirect("accueil:personne", item.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def withdraw_consent(request, pk: int, consent_pk: int):
    item = person_file(pk)
    consent = get_object_or_404(Consent, pk=consent_pk, person_file=item)
    check(permissions.can_export_file(request.user, item))
    if request.method == "POST":
        try:
            files.withdraw_consent(request.user, consent)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "L'accord est retiré. C'est pris en compte tout de suite.")
        item.refresh_from_db()
        if item.is_open:
            return redirect("accueil:personne", item.pk)
        return redirect("accueil:droit-acces", item.pk)
    return render(request, "accueil/accord_retirer.html", {"file": item, "consent": consent})


@staff_required
@require_http_methods(["GET"])
def journal(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    files.record_read(request.user, item, "journal")
    entries = JournalEntry.objects.filter(person_file_id=item.pk).order_by("-id")
    context = {"file": item, "entries": entries, "kept_days": retention_days()["journal"]}
    return render(request, "accueil/journal.html", context)
