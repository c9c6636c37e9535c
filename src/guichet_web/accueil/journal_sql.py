"""Database triggers that make the journal table append-only, per database vendor.

Used by migration 0002 and by the tests that need to empty the database between two
transactional tests (Django's flush): `drop` then `create` around the flush.

PostgreSQL: TRUNCATE is not a row operation and is left to the database owner (Django's test
flush uses it); in production the application's role is given no TRUNCATE right on the
table (``REVOKE TRUNCATE ON accueil_journalentry FROM guichet;``).
"""

from __future__ import annotations

TABLE = "accueil_journalentry"
MESSAGE = "journal en ajout seul : modification et suppression interdites"

SQLITE_CREATE = [
    f"""CREATE TRIGGER IF NOT EXISTS accueil_journal_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER IF NOT EXISTS accueil_journal_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accueil_journal_no_update;",
    "DROP TRIGGER IF EXISTS accueil_journal_no_delete;",
]

POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION accueil_journal_append_only() RETURNS trigger AS $$
    BEGIN
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

CREATE = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}
DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}


def _run(connection, statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for statement in statements.get(connection.vendor, []):
            cursor.execute(statement)


def create_triggers(connection) -> None:
    _run(connection, CREATE)


def drop_triggers(connection) -> None:
    _run(connection, DROP)
