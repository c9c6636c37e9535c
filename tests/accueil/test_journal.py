"""The journal is append-only: refused by the model, and by the database's triggers."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

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


@pytest.mark.skipif(connection.vendor != "sqlite", reason="triggers tested on SQLite here")
class TestDatabaseTriggers:
    def test_the_migration_created_both_triggers(self, db):
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            names = {row[0] for row in cursor.fetchall()}
        assert {"accueil_journal_no_update", "accueil_journal_no_delete"} <= names

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

    def test_a_raw_insert_is_allowed(self, db):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO accueil_journalentry (at, actor, role, structure_id, action, "
                "object_type, detail) VALUES (CURRENT_TIMESTAMP, 'x', '', '', 'brut', '', '{}')"
            )
        assert JournalEntry.objects.filter(action="brut").exists()


def test_every_vendor_drops_what_it_creates():
    assert set(journal_sql.CREATE) == set(journal_sql.DROP) == {"sqlite", "postgresql"}
    postgres = " ".join(journal_sql.POSTGRESQL_CREATE)
    assert "BEFORE UPDATE OR DELETE" in postgres and "RAISE EXCEPTION" in postgres
