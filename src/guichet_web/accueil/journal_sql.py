"""Database triggers that make the journal table append-only, per database vendor.

Nothing is ever updated. A row is deleted only once it is older than MINIMUM_RETENTION_DAYS,
which the database checks itself against its own clock: the purge (`guichet purger
--execute`, see services/purge.py) removes rows past the journal's retention period through
`JournalEntry.objects.delete_older_than`, and nobody, not even raw SQL from the application's
account, can delete a younger row.

Used by migrations 0002 (first version: no deletion at all), 0003 (deletion of old rows) and
0004 (PostgreSQL: no TRUNCATE), and by the tests that need to empty the database between two
transactional tests (Django's flush): `drop` then `create` around the flush. Changing the
current statements takes a new migration; the first version is kept below exactly as
migration 0002 ran it.

PostgreSQL: TRUNCATE is not a row operation, so the row trigger does not see it; a statement
trigger refuses it (migration 0004).  SQLite has no TRUNCATE (« DELETE FROM » without WHERE
goes through the row triggers).  In production the application's role may also be given no
TRUNCATE right on the table (``REVOKE TRUNCATE ON accueil_journalentry FROM guichet;``).
"""

from __future__ import annotations

from django.db import migrations

TABLE = "accueil_journalentry"
MESSAGE = "journal en ajout seul : modification et suppression interdites"

# The floor below which no retention setting can go: six months, the lower bound of the
# CNIL's recommendation on logs (délibération n° 2021-122 du 14 octobre 2021, « entre six
# mois et un an »). 183 days covers any six calendar months.
MINIMUM_RETENTION_DAYS = 183

SQLITE_CREATE = [
    f"""CREATE TRIGGER IF NOT EXISTS accueil_journal_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    # Django stores datetimes on SQLite as UTC text 'YYYY-MM-DD HH:MM:SS[.ffffff]', the
    # format of datetime('now'): compared as text, they compare as dates.
    f"""CREATE TRIGGER IF NOT EXISTS accueil_journal_no_recent_delete BEFORE DELETE ON {TABLE}
    WHEN OLD.at IS NULL OR OLD.at >= datetime('now', '-{MINIMUM_RETENTION_DAYS} days')
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accueil_journal_no_update;",
    "DROP TRIGGER IF EXISTS accueil_journal_no_recent_delete;",
    "DROP TRIGGER IF EXISTS accueil_journal_no_delete;",  # first version
]

POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION accueil_journal_append_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND OLD.at < now() - interval '{MINIMUM_RETENTION_DAYS} days' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;""",
    f"DROP TRIGGER IF EXISTS accueil_journal_append_only ON {TABLE};",
    f"""CREATE TRIGGER accueil_journal_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION accueil_journal_append_only();""",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS accueil_journal_append_only ON {TABLE};",
    "DROP FUNCTION IF EXISTS accueil_journal_append_only();",
]

# Migration 0004: TRUNCATE, a statement of its own, refused by a statement trigger.
POSTGRESQL_NO_TRUNCATE_CREATE = [
    f"""CREATE OR REPLACE FUNCTION accueil_journal_no_truncate() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;""",
    f"DROP TRIGGER IF EXISTS accueil_journal_no_truncate ON {TABLE};",
    f"""CREATE TRIGGER accueil_journal_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION accueil_journal_no_truncate();""",
]
POSTGRESQL_NO_TRUNCATE_DROP = [
    f"DROP TRIGGER IF EXISTS accueil_journal_no_truncate ON {TABLE};",
    "DROP FUNCTION IF EXISTS accueil_journal_no_truncate();",
]

CREATE = {
    "sqlite": SQLITE_CREATE,
    "postgresql": POSTGRESQL_CREATE + POSTGRESQL_NO_TRUNCATE_CREATE,
}
DROP = {
    "sqlite": SQLITE_DROP,
    "postgresql": POSTGRESQL_NO_TRUNCATE_DROP + POSTGRESQL_DROP,
}

# First version (migration 0002): every UPDATE and DELETE refused. Frozen.
V1_SQLITE_CREATE = [
    f"""CREATE TRIGGER IF NOT EXISTS accueil_journal_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER IF NOT EXISTS accueil_journal_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
V1_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accueil_journal_no_update;",
    "DROP TRIGGER IF EXISTS accueil_journal_no_delete;",
]
V1_POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION accueil_journal_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;""",
    f"DROP TRIGGER IF EXISTS accueil_journal_append_only ON {TABLE};",
    f"""CREATE TRIGGER accueil_journal_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION accueil_journal_append_only();""",
]
V1_POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS accueil_journal_append_only ON {TABLE};",
    "DROP FUNCTION IF EXISTS accueil_journal_append_only();",
]


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


def _run(connection, statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for statement in statements.get(connection.vendor, []):
            cursor.execute(statement)


def create_triggers(connection) -> None:
    _run(connection, CREATE)


def drop_triggers(connection) -> None:
    _run(connection, DROP)
