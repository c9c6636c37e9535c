"""What every service shares: its errors, the journal, optimistic concurrency."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone

from ..models import JournalEntry, PersonFile
from ..permissions import profile


class ServiceError(Exception):
    """A request that cannot be carried out, said in plain French for the mediator."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class StaleVersion(ServiceError):
    """Someone else saved the same thing since the form was opened: nothing was written."""

    def __init__(self):
        super().__init__(
            "Quelqu'un d'autre a enregistré une modification pendant que vous écriviez. "
            "Rien n'a été remplacé : relisez la version actuelle, puis refaites votre "
            "modification."
        )


def require(allowed: bool) -> None:
    """Services check permissions too: a view that forgets cannot write."""
    if not allowed:
        raise PermissionDenied


def record(actor, action: str, *, person_file=None, obj=None, **detail) -> JournalEntry:
    """One journal row. `detail` holds names of fields and ids, never the person's data."""
    staff = profile(actor) if actor is not None else None
    return JournalEntry.objects.create(
        actor_id=getattr(actor, "pk", None),
        actor=actor.get_username() if actor is not None else "système",
        role=staff.role if staff else "",
        structure_id=staff.structure_id if staff else "",
        action=action,
        person_file_id=getattr(person_file, "pk", None),
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=getattr(obj, "pk", None),
        detail=detail,
    )


def save_versioned(instance, expected_version: int, fields: list[str]) -> None:
    """Write `fields` only if nobody saved since `expected_version`; else StaleVersion."""
    values = {name: getattr(instance, name) for name in fields}
    updated = (
        type(instance)
        .objects.filter(pk=instance.pk, version=expected_version)
        .update(version=F("version") + 1, **values)
    )
    if not updated:
        raise StaleVersion()
    instance.version = expected_version + 1


def touch(person_file: PersonFile) -> None:
    """A contact with the person: the retention period starts again from today."""
    now = timezone.now()
    PersonFile.objects.filter(pk=person_file.pk).update(last_activity_at=now)
    person_file.last_activity_at = now
