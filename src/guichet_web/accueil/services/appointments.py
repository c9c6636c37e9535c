"""Appointments (« rendez-vous ») with the desk or a partner; no-shows recorded."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from guichet_web.annuaire.models import Structure

from .. import permissions
from ..choices import AppointmentChannel, AppointmentStatus
from ..models import Appointment, PersonFile
from .base import ServiceError, record, require, save_versioned, touch


@transaction.atomic
def book(
    actor,
    person_file: PersonFile,
    *,
    structure: Structure,
    starts_at,
    purpose: str,
    duration_minutes: int = 30,
    channel: str = AppointmentChannel.ON_SITE,
    bring: str = "",
) -> Appointment:
    require(permissions.can_edit_file(actor, person_file))
    if starts_at <= timezone.now():
        raise ServiceError("Le rendez-vous doit être dans le futur.", "starts_at")
    if not purpose.strip():
        raise ServiceError("Écrivez pour quoi est ce rendez-vous.", "purpose")
    appointment = Appointment.objects.create(
        person_file=person_file,
        structure=structure,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        channel=channel,
        purpose=purpose.strip(),
        bring=bring.strip(),
        created_by=actor,
    )
    touch(person_file)
    record(actor, "rendez_vous.pris", person_file=person_file, obj=appointment, lieu=structure.pk)
    return appointment


@transaction.atomic
def set_status(actor, appointment: Appointment, expected_version: int, status: str) -> None:
    """Honoured, no-show or cancelled; a no-show can only be said once the time has come."""
    require(permissions.can_edit_appointment(actor, appointment))
    status = AppointmentStatus(status)
    if status in (AppointmentStatus.HONOURED, AppointmentStatus.NO_SHOW) and (
        appointment.starts_at > timezone.now()
    ):
        raise ServiceError("Le rendez-vous n'a pas encore eu lieu.", "status")
    before = appointment.status
    appointment.status = status
    save_versioned(appointment, expected_version, ["status"])
    if status == AppointmentStatus.HONOURED:
        touch(appointment.person_file)
    record(
        actor,
        "rendez_vous.statut",
        person_file=appointment.person_file,
        obj=appointment,
        avant=before,
        apres=status.value,
    )
