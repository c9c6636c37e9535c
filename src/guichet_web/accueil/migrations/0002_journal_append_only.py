"""The journal is append-only in the database too: triggers refuse UPDATE and DELETE.

One RunSQL per vendor (SQLite, PostgreSQL); other databases get none and rely on the
application's refusal alone.
"""

from django.db import migrations

from guichet_web.accueil import journal_sql


class RunSQLFor(migrations.RunSQL):
    """RunSQL applied only on one database vendor."""

    def __init__(self, vendor, sql, reverse_sql):
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, kwargs.pop("sql"), kwargs.pop("reverse_sql")], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("accueil", "0001_initial")]

    operations = [
        RunSQLFor("sqlite", journal_sql.SQLITE_CREATE, journal_sql.SQLITE_DROP),
        RunSQLFor("postgresql", journal_sql.POSTGRESQL_CREATE, journal_sql.POSTGRESQL_DROP),
    ]
