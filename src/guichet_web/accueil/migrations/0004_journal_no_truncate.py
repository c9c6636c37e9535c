"""PostgreSQL: TRUNCATE of the journal refused too (a statement, which row triggers do not
see). SQLite has no TRUNCATE. Backwards: the trigger and its function are dropped."""

from django.db import migrations

from guichet_web.accueil import journal_sql
from guichet_web.accueil.journal_sql import RunSQLFor


class Migration(migrations.Migration):
    dependencies = [("accueil", "0003_journal_retention")]

    operations = [
        RunSQLFor(
            "postgresql",
            journal_sql.POSTGRESQL_NO_TRUNCATE_CREATE,
            journal_sql.POSTGRESQL_NO_TRUNCATE_DROP,
        ),
    ]
