"""Who may do what: the few functions that every view and service calls.

The rules (issue 7, item 7):
- a mediator (agent d'accueil, travailleur social) sees and edits the files of their structure;
- another structure sees a file only through a referral addressed to it, that the person
  consented to, while the referral is open (envoyée or acceptée); it reads, it does not edit,
  and it never reads the notes; once the person withdraws their consent to the referral, the
  partner no longer sees the referral itself either (nor the name on it), nor answers it;
- the coordinator and the administrator see aggregates only, never a file;
- once consent to the file is withdrawn, nobody reads it any more, except its own structure
  for the RGPD export (right of access); once anonymised, nobody at all.
"""

from __future__ import annotations

from .choices import AGGREGATE_ROLES, OPEN_REFERRAL_STATUSES
from .models import Appointment, PersonFile, Referral, StaffProfile


def profile(user) -> StaffProfile | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.staff_profile
    except StaffProfile.DoesNotExist:
        return None


def is_mediator(user) -> bool:
    staff = profile(user)
    return staff is not None and staff.is_mediator


def _owner(user, person_file: PersonFile) -> bool:
    staff = profile(user)
    return (
        staff is not None and staff.is_mediator and staff.structure_id == person_file.structure_id
    )


def _partner(user, person_file: PersonFile) -> bool:
    """A mediator of a structure the person was referred to, with consent, still open."""
    staff = profile(user)
    if staff is None or not staff.is_mediator:
        return False
    return person_file.referrals.filter(
        to_structure_id=staff.structure_id,
        status__in=OPEN_REFERRAL_STATUSES,
        consent__revoked_at__isnull=True,
    ).exists()


def can_use_desk(user) -> bool:
    """Record visits, search files, open a file."""
    return is_mediator(user)


def can_view_file(user, person_file: PersonFile) -> bool:
    if not person_file.is_open:
        return False
    return _owner(user, person_file) or _partner(user, person_file)


def can_edit_file(user, person_file: PersonFile) -> bool:
    return person_file.is_open and _owner(user, person_file)


def can_view_notes(user, person_file: PersonFile) -> bool:
    return can_edit_file(user, person_file)


def can_export_file(user, person_file: PersonFile) -> bool:
    """Right of access: still honoured after consent is withdrawn, until anonymisation."""
    return person_file.anonymised_at is None and _owner(user, person_file)


def can_view_referral(user, referral: Referral) -> bool:
    """The sending structure always (its own file); the partner while the person's consent
    to this referral is in force."""
    staff = profile(user)
    if staff is None or not staff.is_mediator or not referral.person_file.is_open:
        return False
    if staff.structure_id == referral.from_structure_id:
        return True
    return staff.structure_id == referral.to_structure_id and referral.consent.in_force


def can_answer_referral(user, referral: Referral) -> bool:
    staff = profile(user)
    return (
        staff is not None
        and staff.is_mediator
        and referral.person_file.is_open
        and staff.structure_id == referral.to_structure_id
        and referral.status in OPEN_REFERRAL_STATUSES
        and referral.consent.in_force
    )


def can_view_appointment(user, appointment: Appointment) -> bool:
    return can_view_file(user, appointment.person_file)


def can_edit_appointment(user, appointment: Appointment) -> bool:
    """Its structure, or the partner that receives the person (to record a no-show)."""
    person_file = appointment.person_file
    if can_edit_file(user, person_file):
        return True
    staff = profile(user)
    return (
        person_file.is_open
        and _partner(user, person_file)
        and staff.structure_id == appointment.structure_id
    )


def can_view_stats(user) -> bool:
    staff = profile(user)
    return staff is not None and staff.role in AGGREGATE_ROLES
