"""The journal is append-only: refused by the model, and by the database's triggers; rows
leave it only past the retention floor, by the one documented path."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from guichet_web.accueil import journal_sql
from guichet_web.accueil.models import JournalEntry, JournalIsAppendOnly
from guichet_web.accueil.services.base import record


@pytest.fixture
def entry(agent):
    return record(agent, "essai", note="une ligne")


def test_a_row_is_written_with_who_when_what(agent, entry):
    stored = JournalEntry.objects.get(pk=entry.pk)
    assert stored.actor == agent.username
    assert stored.role == "agent_accueil"
    assert stored.structure_id == "france-services-planoise"
    assert stored.action == "essai"
    assert stored.at is not None


class TestApplication:
    def test_saving_an_existing_row_is_refused(self, entry):
        entry.action = "autre"
        with pytest.raises(JournalIsAppendOnly):
            entry.save()
        assert JournalEntry.objects.get(pk=entry.pk).action == "essai"

    def test_delete_is_refused(self, entry):
        with pytest.raises(JournalIsAppendOnly):
            entry.delete()
        assert JournalEntry.objects.filter(pk=entry.pk).exists()

    def test_queryset_update_and_delete_are_refused(self, entry):
        with pytest.raises(JournalIsAppendOnly):
            JournalEntry.objects.filter(pk=entry.pk).update(action="autre")
        with pytest.raises(JournalIsAppendOnly):
            JournalEntry.objects.all().delete()
        assert JournalEntry.objects.get(pk=entry.pk).action == "essai"

    def test_the_message_is_plain_french(self):
        assert "ne se modifie pas" in str(JournalIsAppendOnly())


def written(days_ago: int, action: str = "ancien") -> JournalEntry:
    """A row as if written `days_ago` days ago (an insert: the journal allows it)."""
    return JournalEntry.objects.create(
        at=timezone.now() - dt.timedelta(days=days_ago), actor="agent", action=action
    )


class TestDeletionPastTheFloor:
    """`delete_older_than`, used by the purge only, the one way rows leave the journal."""

    def test_rows_older_than_the_limit_go_and_the_others_stay(self, db):
        old, kept, recent = written(400), written(200), written(2)
        deleted = JournalEntry.objects.delete_older_than(timezone.now() - dt.timedelta(days=365))
        assert deleted == 1
        assert set(JournalEntry.objects.values_list("pk", flat=True)) == {kept.pk, recent.pk}
        assert not JournalEntry.objects.filter(pk=old.pk).exists()

    def test_a_limit_younger_than_the_floor_is_refused(self, db):
        recent = written(100)
        limit = timezone.now() - dt.timedelta(days=journal_sql.MINIMUM_RETENTION_DAYS - 1)
        with pytest.raises(JournalIsAppendOnly, match="moins de 183 jours"):
            JournalEntry.objects.delete_older_than(limit)
        assert JournalEntry.objects.filter(pk=recent.pk).exists()

    def test_the_floor_is_the_cnil_lower_bound(self):
        assert journal_sql.MINIMUM_RETENTION_DAYS == 183  # six months (délibération 2021-122)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="triggers tested on SQLite here")
class TestDatabaseTriggers:
    def test_the_migration_created_both_triggers(self, db):
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            names = {row[0] for row in cursor.fetchall()}
        assert {"accueil_journal_no_update", "accueil_journal_no_recent_delete"} <= names
        assert "accueil_journal_no_delete" not in names  # the first version, replaced by 0003

    def test_a_raw_update_is_refused(self, entry):
        with (
            pytest.raises(DatabaseError, match="ajout seul"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(
                "UPDATE accueil_journalentry SET action = 'falsifie' WHERE id = %s", [entry.pk]
            )
        assert JournalEntry.objects.get(pk=entry.pk).action == "essai"

    def test_a_raw_delete_is_refused(self, entry):
        with (
            pytest.raises(DatabaseError, match="ajout seul"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM accueil_journalentry WHERE id = %s", [entry.pk])
        assert JournalEntry.objects.filter(pk=entry.pk).exists()

    def test_a_raw_delete_of_a_row_past_the_floor_is_allowed(self, db):
        old, young = written(journal_sql.MINIMUM_RETENTION_DAYS + 1), written(150)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM accueil_journalentry WHERE id = %s", [old.pk])
        assert not JournalEntry.objects.filter(pk=old.pk).exists()
        with (
            pytest.raises(DatabaseError, match="ajout seul"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM accueil_journalentry WHERE id = %s", [young.pk])
        assert JournalEntry.objects.filter(pk=young.pk).exists()

    def test_an_old_row_cannot_be_updated_either(self, db):
        old = written(400)
        with (
            pytest.raises(DatabaseError, match="ajout seul"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(
                "UPDATE accueil_journalentry SET action = 'falsifie' WHERE id = %s", [old.pk]
            )

    def test_the_app_cannot_go_around_the_floor(self, db):
        """Even if the application's check were gone, the database refuses a young row."""
        young = written(150)
        with (
            pytest.raises(DatabaseError, match="ajout seul"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM accueil_journalentry WHERE at < CURRENT_TIMESTAMP")
        assert JournalEntry.objects.filter(pk=young.pk).exists()

    def test_a_raw_insert_is_allowed(self, db):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO accueil_journalentry (at, actor, role, structure_id, action, "
                "object_type, detail) VALUES (CURRENT_TIMESTAMP, 'x', '', '', 'brut', '', '{}')"
            )
        assert JournalEntry.objects.filter(action="brut").exists()


def test_every_vendor_drops_what_it_creates():
    assert set(journal_sql.CREATE) == set(journal_sql.DROP) == {"sqlite", "postgresql"}
    postgres = " ".join(journal_sql.CREATE["postgresql"])
    assert "BEFORE UPDATE OR DELETE" in postgres and "RAISE EXCEPTION" in postgres
    assert "BEFORE TRUNCATE" in postgres
    # The PostgreSQL statements themselves run on a real server in test_journal_postgresql.
