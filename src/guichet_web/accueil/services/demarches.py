"""Démarches followed for a person: status and dates, documents checklist."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..catalogue import demarche_documents
from ..choices import CLOSED_STATUSES, DemarcheStatus
from ..models import DocumentItem, FollowedDemarche, PersonFile
from .base import ServiceError, record, require, save_versioned, touch


@transaction.atomic
def follow(actor, person_file: PersonFile, demarche_id: str) -> FollowedDemarche:
    """Start following a démarche; its checklist starts from the catalogue's documents."""
    require(permissions.can_edit_file(actor, person_file))
    if (
        person_file.demarches.filter(demarche_id=demarche_id)
        .exclude(status__in=CLOSED_STATUSES)
        .exists()
    ):
        raise ServiceError("Cette démarche est déjà suivie pour cette personne.", "demarche_id")
    followed = FollowedDemarche.objects.create(person_file=person_file, demarche_id=demarche_id)
    DocumentItem.objects.bulk_create(
        DocumentItem(followed=followed, label=label[:300])
        for label in demarche_documents(demarche_id)
    )
    touch(person_file)
    record(actor, "demarche.suivie", person_file=person_file, obj=followed, demarche=demarche_id)
    return followed


@transaction.atomic
def change_status(
    actor, followed: FollowedDemarche, expected_version: int, status: str, on: dt.date | None
) -> None:
    """The date of « déposée » and of the end (accordée, refusée, abandonnée) are kept."""
    require(permissions.can_edit_file(actor, followed.person_file))
    on = on or timezone.localdate()
    if on < followed.opened_on:
        raise ServiceError("La date est avant le début de la démarche.", "on")
    if on > timezone.localdate():
        raise ServiceError("La date ne peut pas être dans le futur.", "on")
    before = followed.status
    followed.status = DemarcheStatus(status)
    followed.status_changed_on = on
    if followed.status == DemarcheStatus.FILED:
        followed.filed_on = on
    if followed.status in CLOSED_STATUSES:
        followed.decided_on = on
    else:
        followed.decided_on = None
    fields = ["status", "status_changed_on", "filed_on", "decided_on"]
    save_versioned(followed, expected_version, fields)
    touch(followed.person_file)
    record(
        actor,
        "demarche.statut",
        person_file=followed.person_file,
        obj=followed,
        avant=before,
        apres=followed.status,
        date=on.isoformat(),
    )


@transaction.atomic
def set_document(actor, document: DocumentItem, provided: bool) -> None:
    followed = document.followed
    require(permissions.can_edit_file(actor, followed.person_file))
    document.provided = provided
    document.provided_on = timezone.localdate() if provided else None
    document.save(update_fields=["provided", "provided_on"])
    record(
        actor,
        "piece.fournie" if provided else "piece.a_fournir",
        person_file=followed.person_file,
        obj=document,
    )


@transaction.atomic
def add_document(actor, followed: FollowedDemarche, label: str) -> DocumentItem:
    require(permissions.can_edit_file(actor, followed.person_file))
    label = label.strip()
    if not label:
        raise ServiceError("Écrivez le nom de la pièce.", "label")
    document = DocumentItem.objects.create(followed=followed, label=label[:300])
    record(actor, "piece.ajoutee", person_file=followed.person_file, obj=document)
    return document
