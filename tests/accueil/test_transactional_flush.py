"""A transactional test (as the browser tests with live_server) can still empty the base."""

from __future__ import annotations

import pytest

from guichet_web.accueil.models import JournalEntry
from guichet_web.accueil.services.base import record

from . import factories


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_writes_the_journal(transactional_db):
    record(factories.staff(), "essai")
    assert JournalEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_next_one_starts_empty_and_the_triggers_are_back(transactional_db):
    from django.db import DatabaseError, connection

    assert JournalEntry.objects.count() == 0
    entry = record(factories.staff(), "essai")
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accueil_journalentry WHERE id = %s", [entry.pk])
