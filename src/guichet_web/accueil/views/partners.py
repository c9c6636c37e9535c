"""Referrals to partners (sent and received), and appointments with their reminder."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from .. import permissions, reminders
from ..catalogue import demarche_title
from ..forms.activity import AnswerForm, AppointmentForm, AppointmentStatusForm, ReferralForm
from ..models import Appointment, Referral
from ..services import ServiceError, StaleVersion, appointments, files, referrals
from .access import check, person_file, staff_required
from .files import service_error, with_current_version


@staff_required
@require_http_methods(["GET", "POST"])
def refer(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    form = ReferralForm(request.POST or None, own_structure_id=item.structure_id)
    if request.method == "POST" and form.is_valid():
        try:
            referrals.refer(
                request.user,
                item,
                to_structure=form.cleaned_data["to_structure"],
                reason=form.cleaned_data["reason"],
                consent_sha256=form.cleaned_data["consent_sha256"],
                demarche_id=form.cleaned_data["demarche_id"],
            )
        except ServiceError as error:
            service_error(form, error)
        else:
            messages.success(request, "Orientation envoyée au partenaire.")
            return redirect("accueil:personne", item.pk)
    return render(request, "accueil/orienter.html", {"file": item, "form": form})


@staff_required
@require_http_methods(["GET"])
def referral_list(request):
    """The partner's own list: referrals addressed to its structure; then those it sent."""
    check(permissions.can_use_desk(request.user))
    structure_id = request.staff.structure_id
    visible = Referral.objects.filter(
        person_file__anonymised_at__isnull=True, person_file__consent_withdrawn_at__isnull=True
    ).select_related("person_file", "from_structure", "to_structure")
    context = {
        # withdrawn consent to the referral: the partner no longer sees it (permissions.py)
        "received": visible.filter(to_structure_id=structure_id, consent__revoked_at__isnull=True),
        "sent": visible.filter(from_structure_id=structure_id),
    }
    return render(request, "accueil/orientations.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def referral_detail(request, pk: int):
    referral = get_object_or_404(
        Referral.objects.select_related("person_file", "from_structure", "to_structure", "consent"),
        pk=pk,
    )
    check(permissions.can_view_referral(request.user, referral))
    form = AnswerForm(request.POST or None, initial={"version": referral.version})
    if request.method == "POST":
        check(permissions.can_answer_referral(request.user, referral))
        if form.is_valid():
            try:
                referrals.answer(
                    request.user,
                    referral,
                    form.cleaned_data["version"],
                    form.cleaned_data["decision"],
                    form.cleaned_data["motif"],
                )
            except StaleVersion as error:
                referral.refresh_from_db()
                form = AnswerForm(with_current_version(request.POST, referral.version))
                form.is_valid()
                form.add_error(None, error.message)
            except ServiceError as error:
                service_error(form, error)
            else:
                messages.success(request, "Réponse enregistrée.")
                return redirect("accueil:orientation", referral.pk)
    else:
        files.record_read(request.user, referral.person_file, f"orientation {referral.pk}")
    context = {
        "referral": referral,
        "demarche": demarche_title(referral.demarche_id) if referral.demarche_id else "",
        "delays": referrals.delays(referral),
        "form": form,
        "can_answer": permissions.can_answer_referral(request.user, referral),
        "can_view_file": permissions.can_view_file(request.user, referral.person_file),
    }
    return render(request, "accueil/orientation.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def book(request, pk: int):
    item = person_file(pk)
    check(permissions.can_edit_file(request.user, item))
    form = AppointmentForm(request.POST or None, own_structure_id=item.structure_id)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = appointments.book(
                request.user,
                item,
                structure=form.cleaned_data["structure"],
                starts_at=form.starts_at(),
                purpose=form.cleaned_data["purpose"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                channel=form.cleaned_data["channel"],
                bring=form.cleaned_data["bring"],
            )
        except ServiceError as error:
            if error.field == "starts_at":
                error.field = "day"
            service_error(form, error)
        else:
            messages.success(request, "Rendez-vous pris. Le rappel est prêt ci-dessous.")
            return redirect("accueil:rendez-vous", appointment.pk)
    return render(request, "accueil/rendez_vous_prendre.html", {"file": item, "form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def appointment_detail(request, pk: int):
    appointment = get_object_or_404(
        Appointment.objects.select_related("person_file", "structure"), pk=pk
    )
    check(permissions.can_view_appointment(request.user, appointment))
    form = AppointmentStatusForm(request.POST or None, initial={"version": appointment.version})
    if request.method == "POST":
        check(permissions.can_edit_appointment(request.user, appointment))
        if form.is_valid():
            try:
                appointments.set_status(
                    request.user,
                    appointment,
                    form.cleaned_data["version"],
                    form.cleaned_data["status"],
                )
            except StaleVersion as error:
                appointment.refresh_from_db()
                form = AppointmentStatusForm(
                    with_current_version(request.POST, appointment.version)
                )
                form.is_valid()
                form.add_error(None, error.message)
            except ServiceError as error:
                service_error(form, error)
            else:
                messages.success(request, "C'est noté.")
                return redirect("accueil:rendez-vous", appointment.pk)
    else:
        files.record_read(request.user, appointment.person_file, f"rendez-vous {appointment.pk}")
    context = {
        "appointment": appointment,
        "file": appointment.person_file,
        "sms": reminders.sms_text(appointment),
        "lines": reminders.printed_lines(appointment),
        "form": form,
        "can_edit": permissions.can_edit_appointment(request.user, appointment),
    }
    return render(request, "accueil/rendez_vous.html", context)
