"""The journal stays append-only, but a row older than the retention floor may be deleted
(journal_sql.MINIMUM_RETENTION_DAYS, checked by the database's own clock): the purge removes
rows past the journal's retention period (conf.py), nothing else can.

SQLite: the DELETE trigger is replaced by one with a WHEN clause; PostgreSQL: the trigger's
function lets such a DELETE through. Backwards: the first version (no deletion at all).
"""

from django.db import migrations

from guichet_web.accueil import journal_sql
from guichet_web.accueil.journal_sql import RunSQLFor


class Migration(migrations.Migration):
    dependencies = [("accueil", "0002_journal_append_only")]

    operations = [
        RunSQLFor(
            "sqlite",
            ["DROP TRIGGER IF EXISTS accueil_journal_no_delete;", *journal_sql.SQLITE_CREATE],
            [
                "DROP TRIGGER IF EXISTS accueil_journal_no_recent_delete;",
                *journal_sql.V1_SQLITE_CREATE,
            ],
        ),
        RunSQLFor(
            "postgresql", journal_sql.POSTGRESQL_CREATE, journal_sql.V1_POSTGRESQL_CREATE
        ),
    ]
