"""Visits (« passages »): a few clicks at the desk, anonymous unless a file is opened.

A visit is dated when it happened; by default now. A phone call noted afterwards may be
backdated up to MAX_BACKDATE (the same week), never put in the future; the journal keeps
both dates: its own row's date (when it was recorded) and ``passage_le`` (when it happened).

Autonomy belongs to a person's démarche (GUIDE §3.4): it is noted on a file, for a démarche
followed there. An anonymous visit has no person to follow, so autonomy sent with one is
refused, never silently dropped: the aggregates then count only what was really seen.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..catalogue import thematiques
from ..choices import CLOSED_STATUSES, Autonomy, Channel, Outcome
from ..models import FollowedDemarche, PersonFile, Visit, VisitDemarche
from .base import ServiceError, record, require, touch

MAX_DURATION_MINUTES = 8 * 60
MAX_BACKDATE = dt.timedelta(days=7)
# A time typed to the minute, or a clock a little ahead of the server's, is not « the future ».
CLOCK_TOLERANCE = dt.timedelta(minutes=5)

FUTURE = "Le passage ne peut pas être dans le futur : vérifiez le jour et l'heure."
TOO_OLD = (
    "Un passage se note au plus tard 7 jours après. Celui-ci est plus ancien : vérifiez le jour."
)
AUTONOMY_WITHOUT_FILE = (
    "L'autonomie se note dans le dossier de la personne : un passage anonyme n'en a pas. "
    "Retrouvez ou ouvrez son dossier pour la noter."
)


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


def check_when(at: dt.datetime, now: dt.datetime | None = None) -> None:
    """Not in the future, not older than MAX_BACKDATE; the error names the field `at`."""
    now = now or timezone.now()
    if at > now + CLOCK_TOLERANCE:
        raise ServiceError(FUTURE, "at")
    if at < now - MAX_BACKDATE:
        raise ServiceError(TOO_OLD, "at")


def _autonomy_levels(autonomy: dict[str, int | None] | None, person_file) -> dict[str, int]:
    levels = {key: value for key, value in (autonomy or {}).items() if value is not None}
    if levels and person_file is None:
        raise ServiceError(AUTONOMY_WITHOUT_FILE, "autonomy")
    unknown = [value for value in levels.values() if value not in Autonomy.values]
    if unknown:
        raise ServiceError("Niveau d'autonomie inconnu.", "autonomy")
    return levels


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
    """`autonomy` maps a démarche followed on the file to the level seen that day; `at` is
    when the visit happened (default: now), see MAX_BACKDATE."""
    require(permissions.can_use_desk(actor))
    if person_file is not None:
        require(permissions.can_edit_file(actor, person_file))
    _check(channel, duration_minutes, reasons, outcome)
    at = at or timezone.now()
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    check_when(at)
    levels = _autonomy_levels(autonomy, person_file)
    visit = Visit.objects.create(
        structure=actor.staff_profile.structure,
        staff=actor,
        person_file=person_file,
        at=at,
        channel=channel,
        duration_minutes=duration_minutes,
        reasons=list(dict.fromkeys(reasons)),
        outcome=outcome,
    )
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
        passage_le=timezone.localtime(visit.at).isoformat(),
    )
    return visit


def _touch_demarche(visit: Visit, person_file, demarche_id: str, level: int | None) -> None:
    followed = None
    if person_file is not None:
        followed = (
            person_file.demarches.filter(demarche_id=demarche_id)
            .exclude(status__in=CLOSED_STATUSES)
            .first()
        )
    if level is not None and followed is None:
        raise ServiceError(
            "L'autonomie se note sur une démarche suivie dans le dossier : "
            "suivez d'abord cette démarche.",
            "autonomy",
        )
    VisitDemarche.objects.create(
        visit=visit, demarche_id=demarche_id, followed=followed, autonomy=level
    )
    if level is not None and not _seen_later(followed, visit):
        FollowedDemarche.objects.filter(pk=followed.pk).update(autonomy=level)


def _seen_later(followed: FollowedDemarche, visit: Visit) -> bool:
    """A backdated visit does not overwrite the level seen at a later visit."""
    return (
        VisitDemarche.objects.filter(
            followed=followed, autonomy__isnull=False, visit__at__gt=visit.at
        )
        .exclude(visit=visit)
        .exists()
    )


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
