"""The journal is append-only in the database too: triggers refuse UPDATE and DELETE.

One RunSQL per vendor (SQLite, PostgreSQL); other databases get none and rely on the
application's refusal alone. Migration 0003 then lets rows past the retention floor go.
"""

from django.db import migrations

from guichet_web.accueil import journal_sql
from guichet_web.accueil.journal_sql import RunSQLFor


class Migration(migrations.Migration):
    dependencies = [("accueil", "0001_initial")]

    operations = [
        RunSQLFor("sqlite", journal_sql.V1_SQLITE_CREATE, journal_sql.V1_SQLITE_DROP),
        RunSQLFor(
            "postgresql", journal_sql.V1_POSTGRESQL_CREATE, journal_sql.V1_POSTGRESQL_DROP
        ),
    ]
