"""Retention: files inactive too long, or whose consent was withdrawn, are anonymised.

Anonymisation keeps what the aggregates need (structure, dates, channels, reasons, statuses,
autonomy levels, referral delays) and erases the person: identity, phone, household
situation and results, notes, free texts of referrals and appointments. Periods and their
sources: see conf.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..conf import retention
from ..models import Appointment, Note, PersonFile, Referral
from .base import record

ANONYMOUS = ""


@dataclass
class PurgeReport:
    executed: bool
    inactive: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.inactive) + len(self.withdrawn)


def expired(now=None):
    now = now or timezone.now()
    inactive = Q(last_activity_at__lt=now - retention("inactive_file"))
    withdrawn = Q(consent_withdrawn_at__lte=now - retention("withdrawn_consent"))
    return PersonFile.objects.filter(anonymised_at__isnull=True).filter(inactive | withdrawn)


@transaction.atomic
def anonymise(person_file: PersonFile, reason: str) -> None:
    person_file.first_name = person_file.last_name = person_file.phone = ANONYMOUS
    person_file.birth_year = None
    person_file.situation_answers, person_file.situation = {}, {}
    person_file.simulation_results = None
    person_file.anonymised_at = timezone.now()
    person_file.save()
    Note.objects.filter(person_file=person_file).delete()
    Referral.objects.filter(person_file=person_file).update(reason="", refusal_reason="")
    Appointment.objects.filter(person_file=person_file).update(purpose="", bring="")
    record(None, "dossier.anonymise", person_file=person_file, obj=person_file, motif=reason)


def purge(*, execute: bool = False, now=None) -> PurgeReport:
    """Dry run by default: says which files would be anonymised, changes nothing."""
    now = now or timezone.now()
    report = PurgeReport(executed=execute)
    for person_file in expired(now).order_by("pk"):
        withdrawn = person_file.consent_withdrawn_at is not None
        (report.withdrawn if withdrawn else report.inactive).append(person_file.pk)
        if execute:
            anonymise(person_file, "accord retiré" if withdrawn else "inactif")
    return report
