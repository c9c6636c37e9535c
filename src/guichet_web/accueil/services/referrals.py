"""Referrals (« orientations ») to a partner structure, and the delays of their answers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from guichet_web.annuaire.models import Structure

from .. import permissions
from ..choices import ConsentPurpose, ReferralStatus
from ..models import PersonFile, Referral
from .base import ServiceError, record, require, save_versioned, touch
from .files import _consent


@transaction.atomic
def refer(
    actor,
    person_file: PersonFile,
    *,
    to_structure: Structure,
    reason: str,
    consent_sha256: str,
    demarche_id: str = "",
) -> Referral:
    """The person agrees to this referral (its own consent row); the partner then reads the
    file while the referral is open."""
    require(permissions.can_edit_file(actor, person_file))
    if to_structure.pk == person_file.structure_id:
        raise ServiceError("Choisissez un autre lieu que le vôtre.", "to_structure")
    reason = reason.strip()
    if not reason:
        raise ServiceError("Écrivez le motif de l'orientation.", "reason")
    consent = _consent(actor, person_file, ConsentPurpose.REFERRAL, consent_sha256)
    referral = Referral.objects.create(
        person_file=person_file,
        from_structure_id=person_file.structure_id,
        to_structure=to_structure,
        demarche_id=demarche_id,
        reason=reason,
        consent=consent,
        sent_by=actor,
    )
    touch(person_file)
    record(
        actor,
        "orientation.envoyee",
        person_file=person_file,
        obj=referral,
        vers=to_structure.pk,
    )
    return referral


TRANSITIONS = {
    ReferralStatus.ACCEPTED: {ReferralStatus.SENT},
    ReferralStatus.REFUSED: {ReferralStatus.SENT},
    ReferralStatus.CLOSED: {ReferralStatus.SENT, ReferralStatus.ACCEPTED},
}


@transaction.atomic
def answer(
    actor, referral: Referral, expected_version: int, status: str, refusal_reason: str = ""
) -> None:
    """The partner accepts, refuses (with a reason said to the person) or closes."""
    require(permissions.can_answer_referral(actor, referral))
    status = ReferralStatus(status)
    if referral.status not in TRANSITIONS.get(status, set()):
        raise ServiceError(
            f"Une orientation « {referral.get_status_display()} » ne peut pas passer à "
            f"« {status.label} ».",
            "status",
        )
    refusal_reason = refusal_reason.strip()
    if status == ReferralStatus.REFUSED and not refusal_reason:
        raise ServiceError("Écrivez le motif du refus : il sera expliqué à la personne.", "motif")
    now = timezone.now()
    referral.status = status
    if status in (ReferralStatus.ACCEPTED, ReferralStatus.REFUSED):
        referral.answered_at = now
        referral.answered_by = actor
        referral.refusal_reason = refusal_reason
    if status == ReferralStatus.CLOSED:
        referral.closed_at = now
        if referral.answered_at is None:
            referral.answered_at, referral.answered_by = now, actor
    fields = ["status", "answered_at", "answered_by", "refusal_reason", "closed_at"]
    save_versioned(referral, expected_version, fields)
    record(
        actor,
        f"orientation.{status.value}",
        person_file=referral.person_file,
        obj=referral,
    )


def delays(referral: Referral) -> dict[str, dt.timedelta | None]:
    """Time to the partner's answer and to the closure (issue 7, item 4)."""
    return {
        "answer": referral.answered_at - referral.sent_at if referral.answered_at else None,
        "closure": referral.closed_at - referral.sent_at if referral.closed_at else None,
    }
