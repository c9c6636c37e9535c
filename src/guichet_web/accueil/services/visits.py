"""Visits (« passages »): a few clicks at the desk, anonymous unless a file is opened."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..catalogue import thematiques
from ..choices import CLOSED_STATUSES, Autonomy, Channel, Outcome
from ..models import FollowedDemarche, PersonFile, Visit, VisitDemarche
from .base import ServiceError, record, require, touch

MAX_DURATION_MINUTES = 8 * 60


def _check(channel: str, duration_minutes: int, reasons: list[str], outcome: str) -> None:
    if channel not in Channel.values:
        raise ServiceError("Choisissez comment la personne est venue.", "channel")
    if not 1 <= duration_minutes <= MAX_DURATION_MINUTES:
        raise ServiceError("La durée doit être entre 1 minute et 8 heures.", "duration_minutes")
    if not reasons:
        raise ServiceError("Choisissez au moins un motif.", "reasons")
    unknown = [value for value in reasons if value not in thematiques()]
    if unknown:
        raise ServiceError(f"Motif inconnu : {', '.join(unknown)}.", "reasons")
    if outcome not in Outcome.values:
        raise ServiceError("Choisissez la suite donnée.", "outcome")


@transaction.atomic
def record_visit(
    actor,
    *,
    channel: str,
    duration_minutes: int,
    reasons: list[str],
    outcome: str,
    demarche_ids: list[str] = (),
    person_file: PersonFile | None = None,
    autonomy: dict[str, int] | None = None,
    at=None,
) -> Visit:
    """`autonomy` maps a démarche id to the level seen today; only with a file."""
    require(permissions.can_use_desk(actor))
    if person_file is not None:
        require(permissions.can_edit_file(actor, person_file))
    _check(channel, duration_minutes, reasons, outcome)
    visit = Visit.objects.create(
        structure=actor.staff_profile.structure,
        staff=actor,
        person_file=person_file,
        at=at or timezone.now(),
        channel=channel,
        duration_minutes=duration_minutes,
        reasons=list(dict.fromkeys(reasons)),
        outcome=outcome,
    )
    levels = autonomy or {}
    touched = list(dict.fromkeys([*demarche_ids, *levels]))
    for demarche_id in touched:
        _touch_demarche(visit, person_file, demarche_id, levels.get(demarche_id))
    if person_file is not None:
        touch(person_file)
    record(
        actor,
        "passage.note" if person_file else "passage.anonyme",
        person_file=person_file,
        obj=visit,
        canal=channel,
        demarches=touched,
    )
    return visit


def _touch_demarche(visit: Visit, person_file, demarche_id: str, level: int | None) -> None:
    if level is not None and level not in Autonomy.values:
        raise ServiceError("Niveau d'autonomie inconnu.", "autonomy")
    followed = None
    if person_file is not None:
        followed = (
            person_file.demarches.filter(demarche_id=demarche_id)
            .exclude(status__in=CLOSED_STATUSES)
            .first()
        )
    elif level is not None:
        level = None  # autonomy is followed on a file only: an anonymous visit has none
    VisitDemarche.objects.create(
        visit=visit, demarche_id=demarche_id, followed=followed, autonomy=level
    )
    if followed is not None and level is not None:
        FollowedDemarche.objects.filter(pk=followed.pk).update(autonomy=level)


def autonomy_progress(person_file: PersonFile) -> list[dict]:
    """Per démarche: the levels seen at each visit, first and last (issue 7, item 6)."""
    rows: dict[str, list[tuple]] = {}
    for item in (
        VisitDemarche.objects.filter(visit__person_file=person_file, autonomy__isnull=False)
        .select_related("visit")
        .order_by("visit__at", "id")
    ):
        rows.setdefault(item.demarche_id, []).append((item.visit.at, item.autonomy))
    progress = []
    for demarche_id, steps in rows.items():
        first, last = steps[0][1], steps[-1][1]
        progress.append(
            {
                "demarche_id": demarche_id,
                "steps": [
                    {"at": at, "level": level, "label": Autonomy(level).label}
                    for at, level in steps
                ],
                "first": first,
                "last": last,
                "gain": last - first,
            }
        )
    return progress
