"""The append-only journal: who did what, when, on which file.

Refused here (save of an existing row, delete, queryset update and delete) and in the
database (triggers of migrations 0002 and 0003, on SQLite and PostgreSQL). The journal holds
no identity of the person, only the file's number and ids, never free text: anonymising a
file never needs to touch it. Rows leave it only past their retention period, by the purge
(`JournalEntry.objects.delete_older_than`, the one way out, see conf.py and journal_sql.py).
"""

from __future__ import annotations

import datetime as dt

from django.db import connections, models
from django.utils import timezone

from ..journal_sql import MINIMUM_RETENTION_DAYS, TABLE


class JournalIsAppendOnly(Exception):
    """An attempt to change or delete a journal row."""

    def __init__(self, what: str = "modifier"):
        super().__init__(f"Le journal ne se modifie pas et ne s'efface pas (tentative : {what}).")


class JournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise JournalIsAppendOnly("update")

    def delete(self):
        raise JournalIsAppendOnly("delete")

    def bulk_update(self, *args, **kwargs):
        raise JournalIsAppendOnly("bulk_update")


class JournalManager(models.Manager.from_queryset(JournalQuerySet)):
    def delete_older_than(self, limit: dt.datetime) -> int:
        """Delete the rows written before `limit`, which must be at least
        MINIMUM_RETENTION_DAYS ago (the database's triggers check it again); returns how
        many rows went. Used by the purge only."""
        floor = timezone.now() - dt.timedelta(days=MINIMUM_RETENTION_DAYS)
        if limit > floor:
            raise JournalIsAppendOnly(
                f"effacer des lignes de moins de {MINIMUM_RETENTION_DAYS} jours"
            )
        connection = connections[self.db]
        value = connection.ops.adapt_datetimefield_value(limit)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE at < %s", [value])
            return cursor.rowcount


class JournalEntry(models.Model):
    at = models.DateTimeField("date", default=timezone.now, db_index=True)
    actor_id = models.IntegerField("compte", null=True, blank=True)
    actor = models.CharField("qui", max_length=150)
    role = models.CharField("rôle", max_length=30, blank=True)
    structure_id = models.CharField("structure", max_length=100, blank=True)
    action = models.CharField("action", max_length=60, db_index=True)
    person_file_id = models.BigIntegerField("dossier", null=True, blank=True, db_index=True)
    object_type = models.CharField("objet", max_length=40, blank=True)
    object_id = models.BigIntegerField("numéro de l'objet", null=True, blank=True)
    detail = models.JSONField("détail", default=dict, blank=True)

    objects = JournalManager()

    class Meta:
        verbose_name = "ligne du journal"
        verbose_name_plural = "journal"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding or self.pk is not None:
            raise JournalIsAppendOnly("save")
        kwargs.pop("force_update", None)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise JournalIsAppendOnly("delete")
