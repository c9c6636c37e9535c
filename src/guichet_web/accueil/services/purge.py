"""Retention: files inactive too long, or whose consent was withdrawn, are anonymised;
journal rows and sign-in logs past their own period are deleted.

Anonymisation keeps what the aggregates need (structure, dates, channels, reasons, statuses,
autonomy levels, referral delays) and erases the person: identity, phone, household
situation and results, notes, free texts of referrals, appointments and document lists.
The journal holds none of these (ids and field names only), so it is not rewritten (it
cannot be: append-only); its rows go whole once past the journal's period. Periods and
their sources: see conf.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..conf import retention
from ..models import Appointment, DocumentItem, JournalEntry, Note, PersonFile, Referral
from .base import record

ANONYMOUS = ""


@dataclass
class PurgeReport:
    executed: bool
    inactive: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)
    journal_before: dt.datetime | None = None
    journal_rows: int = 0
    sign_in_logs: int = 0

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
    DocumentItem.objects.filter(followed__person_file=person_file).update(label="")
    record(None, "dossier.anonymise", person_file=person_file, obj=person_file, motif=reason)


# django-axes' records of sign-ins (address, browser, username), and the failed attempts,
# long after their lockout has ended: logs of the same kind as the journal.
SIGN_IN_LOGS = (AccessLog, AccessFailureLog, AccessAttempt)


def _sign_in_logs(limit: dt.datetime):
    for model in SIGN_IN_LOGS:
        yield model.objects.filter(attempt_time__lt=limit)


@transaction.atomic
def purge_logs(report: PurgeReport, now) -> None:
    """The journal's rows and the sign-in logs older than the journal's period."""
    limit = now - retention("journal")
    report.journal_before = limit
    report.journal_rows = JournalEntry.objects.filter(at__lt=limit).count()
    report.sign_in_logs = sum(rows.count() for rows in _sign_in_logs(limit))
    if not report.executed:
        return
    if report.journal_rows:
        report.journal_rows = JournalEntry.objects.delete_older_than(limit)
    for rows in _sign_in_logs(limit):
        rows.delete()
    if report.journal_rows or report.sign_in_logs:
        record(
            None,
            "journal.purge",
            lignes=report.journal_rows,
            connexions=report.sign_in_logs,
            avant=limit.isoformat(),
        )


def purge(*, execute: bool = False, now=None) -> PurgeReport:
    """Dry run by default: says which files would be anonymised and how many journal rows
    would be deleted, changes nothing."""
    now = now or timezone.now()
    report = PurgeReport(executed=execute)
    for person_file in expired(now).order_by("pk"):
        withdrawn = person_file.consent_withdrawn_at is not None
        (report.withdrawn if withdrawn else report.inactive).append(person_file.pk)
        if execute:
            anonymise(person_file, "accord retiré" if withdrawn else "inactif")
    purge_logs(report, now)
    return report
