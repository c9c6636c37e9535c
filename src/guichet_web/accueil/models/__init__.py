"""The desk's data. Person files are never deleted: they are anonymised by the purge."""

from .activity import Appointment, Referral, Visit, VisitDemarche
from .files import Consent, DocumentItem, FollowedDemarche, Note, PersonFile
from .journal import JournalEntry, JournalIsAppendOnly
from .staff import StaffProfile

__all__ = [
    "Appointment",
    "Consent",
    "DocumentItem",
    "FollowedDemarche",
    "JournalEntry",
    "JournalIsAppendOnly",
    "Note",
    "PersonFile",
    "Referral",
    "StaffProfile",
    "Visit",
    "VisitDemarche",
]
