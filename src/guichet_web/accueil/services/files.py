"""Person files: opening with consent, identity, notes, consent withdrawal, reads."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .. import consent as consent_texts
from .. import permissions
from ..choices import ConsentPurpose
from ..models import Consent, Note, PersonFile
from .base import ServiceError, record, require, save_versioned, touch

IDENTITY_FIELDS = ("first_name", "last_name", "birth_year", "phone")


def check_consent_text(purpose: str, text_sha256: str) -> None:
    """The form carried the fingerprint of the text shown: it must be today's text."""
    if text_sha256 != consent_texts.current_fingerprint(purpose):
        raise ServiceError(
            "Le texte de l'accord a changé depuis l'ouverture de la page. "
            "Relisez le nouveau texte à la personne, puis validez à nouveau.",
            field="accord",
        )


def _consent(actor, person_file: PersonFile, purpose: str, text_sha256: str) -> Consent:
    check_consent_text(purpose, text_sha256)
    consent = Consent.objects.create(
        person_file=person_file, purpose=purpose, text_sha256=text_sha256, recorded_by=actor
    )
    record(
        actor,
        "accord.donne",
        person_file=person_file,
        obj=consent,
        objet=purpose,
        empreinte=text_sha256,
    )
    return consent


@transaction.atomic
def open_file(actor, *, consent_sha256: str, **identity) -> PersonFile:
    """A file exists only with the person's consent, recorded in the same transaction."""
    require(permissions.can_use_desk(actor))
    person_file = PersonFile.objects.create(
        structure=actor.staff_profile.structure,
        created_by=actor,
        **{name: identity.get(name) or _blank(name) for name in IDENTITY_FIELDS},
    )
    record(actor, "dossier.ouvert", person_file=person_file, obj=person_file)
    _consent(actor, person_file, ConsentPurpose.FILE, consent_sha256)
    return person_file


def _blank(name: str):
    return None if name == "birth_year" else ""


@transaction.atomic
def update_identity(actor, person_file: PersonFile, expected_version: int, **identity) -> None:
    require(permissions.can_edit_file(actor, person_file))
    changed = [
        name
        for name in IDENTITY_FIELDS
        if name in identity and getattr(person_file, name) != (identity[name] or _blank(name))
    ]
    for name in changed:
        setattr(person_file, name, identity[name] or _blank(name))
    save_versioned(person_file, expected_version, list(changed))
    touch(person_file)
    record(actor, "dossier.modifie", person_file=person_file, obj=person_file, champs=changed)


@transaction.atomic
def add_note(actor, person_file: PersonFile, text: str) -> Note:
    require(permissions.can_edit_file(actor, person_file))
    text = text.strip()
    if not text:
        raise ServiceError("La note est vide.", field="text")
    note = Note.objects.create(person_file=person_file, author=actor, text=text)
    touch(person_file)
    record(actor, "note.ajoutee", person_file=person_file, obj=note)
    return note


@transaction.atomic
def withdraw_consent(actor, consent: Consent) -> None:
    """Honoured at once: withdrawing the file's consent closes the file to every reader
    (except the RGPD export) and ends every referral's sharing; the purge then anonymises it."""
    person_file = consent.person_file
    require(permissions.can_export_file(actor, person_file))
    if consent.revoked_at is not None:
        raise ServiceError("Cet accord est déjà retiré.")
    now = timezone.now()
    to_revoke = [consent]
    if consent.purpose == ConsentPurpose.FILE:
        to_revoke = list(person_file.consents.filter(revoked_at__isnull=True))
        person_file.consent_withdrawn_at = now
        person_file.save(update_fields=["consent_withdrawn_at"])
    for item in to_revoke:
        item.revoked_at = now
        item.revoked_by = actor
        item.save(update_fields=["revoked_at", "revoked_by"])
        record(actor, "accord.retire", person_file=person_file, obj=item, objet=item.purpose)


def record_read(actor, person_file: PersonFile, page: str) -> None:
    """Every read of a file is journaled (GUIDE §6), with the page that was read."""
    record(actor, "dossier.lu", person_file=person_file, obj=person_file, page=page)
