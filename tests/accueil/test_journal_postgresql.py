"""The PostgreSQL triggers of the journal, run on a real PostgreSQL server.

The project's tests run on SQLite and the project ships no PostgreSQL driver, so Django
cannot reach a PostgreSQL database here. These tests start a throwaway server from the
machine's own binaries (Debian's `postgresql` package: initdb, pg_ctl, psql), on a Unix
socket in a temporary folder (no TCP port), and feed it, with psql, the exact statements
of journal_sql in the order of the migrations (0002 then 0003, and backwards), on a table
with the journal's `at` column. Skipped where PostgreSQL is not installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from guichet_web.accueil import journal_sql


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


class Server:
    def __init__(self, socket_dir: Path, psql: str):
        self.socket_dir = socket_dir
        self.psql = psql

    def run(self, sql: str) -> subprocess.CompletedProcess:
        """One psql session; stops at the first error (exit code 3, message on stderr)."""
        command = [
            self.psql,
            "-X",
            "-q",
            "-tA",
            "-v",
            "ON_ERROR_STOP=1",
            "-v",
            "VERBOSITY=verbose",
            "-h",
            str(self.socket_dir),
            "-U",
            "guichet",
            "-d",
            "postgres",
        ]
        return subprocess.run(
            command, input=sql, capture_output=True, text=True, timeout=60, check=False
        )

    def ok(self, *statements: str) -> str:
        result = self.run("\n".join(statements))
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def refused(self, statement: str) -> str:
        result = self.run(statement)
        assert result.returncode != 0, f"accepté : {statement}"
        return result.stderr


@pytest.fixture(scope="module")
def postgres():
    bin_dir = _bin_dir()
    psql = shutil.which("psql") or (str(bin_dir / "psql") if bin_dir else None)
    if bin_dir is None or psql is None or not Path(psql).exists():
        pytest.skip("PostgreSQL absent (initdb, pg_ctl, psql) : paquet Debian postgresql")
    as_server = []
    root = Path(tempfile.mkdtemp(prefix="guichet-pg-"))
    if os.geteuid() == 0:  # initdb refuses root: the server runs as Debian's `postgres`
        if not shutil.which("runuser") or subprocess.run(["id", "postgres"]).returncode:
            shutil.rmtree(root)
            pytest.skip("lancé en root sans compte « postgres » pour le serveur")
        as_server = ["runuser", "-u", "postgres", "--"]
        root.chmod(0o755)
        shutil.chown(root, "postgres")
    data = root / "data"
    try:
        subprocess.run(
            [*as_server, str(bin_dir / "initdb"), "-D", str(data), "-U", "guichet", "-A"]
            + ["trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-k {root} -c listen_addresses='' -F"
        subprocess.run(
            [*as_server, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w"]
            + ["-l", str(root / "server.log"), "start"],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.SubprocessError, OSError) as error:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"le serveur PostgreSQL de test ne démarre pas : {error}")
    try:
        yield Server(root, psql)
    finally:
        subprocess.run(
            [*as_server, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def _statements(statements: list[str]) -> str:
    return "\n".join(s if s.rstrip().endswith(";") else s + ";" for s in statements)


@pytest.fixture
def journal(postgres):
    """The journal's table with the triggers of migrations 0002, 0003, 0004 (as `migrate`)."""
    postgres.ok(
        f"DROP TABLE IF EXISTS {journal_sql.TABLE};",
        "DROP FUNCTION IF EXISTS accueil_journal_append_only();",
        "DROP FUNCTION IF EXISTS accueil_journal_no_truncate();",
        f"""CREATE TABLE {journal_sql.TABLE} (
            id bigserial PRIMARY KEY,
            at timestamp with time zone NOT NULL DEFAULT now(),
            action varchar(60) NOT NULL);""",
        _statements(journal_sql.V1_POSTGRESQL_CREATE),
        _statements(journal_sql.POSTGRESQL_CREATE),
        _statements(journal_sql.POSTGRESQL_NO_TRUNCATE_CREATE),
        f"""INSERT INTO {journal_sql.TABLE} (at, action) VALUES
            (now(), 'recent'),
            (now() - interval '150 days', 'cinq mois'),
            (now() - interval '200 days', 'sept mois'),
            (now() - interval '400 days', 'plus d''un an');""",
    )
    return postgres


def _ids(server) -> list[int]:
    out = server.ok(f"SELECT id FROM {journal_sql.TABLE} ORDER BY id;")
    return [int(line) for line in out.split()]


def test_an_update_is_refused_even_on_an_old_row(journal):
    for row in (1, 4):
        error = journal.refused(f"UPDATE {journal_sql.TABLE} SET action = 'x' WHERE id = {row};")
        assert journal_sql.MESSAGE in error
        assert "42501" in error  # insufficient_privilege
    assert journal.ok(f"SELECT action FROM {journal_sql.TABLE} WHERE id = 4;") == "plus d'un an"


def test_a_row_younger_than_the_floor_cannot_be_deleted(journal):
    for row in (1, 2):
        assert journal_sql.MESSAGE in journal.refused(
            f"DELETE FROM {journal_sql.TABLE} WHERE id = {row};"
        )
    # One young row in the statement: nothing at all is deleted.
    journal.refused(f"DELETE FROM {journal_sql.TABLE};")
    assert _ids(journal) == [1, 2, 3, 4]


def test_rows_past_the_floor_can_be_deleted(journal):
    journal.ok(f"DELETE FROM {journal_sql.TABLE} WHERE at < now() - interval '365 days';")
    assert _ids(journal) == [1, 2, 3]
    journal.ok(f"DELETE FROM {journal_sql.TABLE} WHERE id = 3;")
    assert _ids(journal) == [1, 2]


def test_inserts_are_allowed(journal):
    journal.ok(f"INSERT INTO {journal_sql.TABLE} (action) VALUES ('nouveau');")
    assert len(_ids(journal)) == 5


def test_migration_0003_backwards_forbids_every_delete_again(journal):
    journal.ok(_statements(journal_sql.V1_POSTGRESQL_CREATE))
    journal.refused(f"DELETE FROM {journal_sql.TABLE} WHERE id = 4;")
    assert _ids(journal) == [1, 2, 3, 4]


def test_truncate_is_refused(journal):
    error = journal.refused(f"TRUNCATE {journal_sql.TABLE};")
    assert journal_sql.MESSAGE in error and "42501" in error
    journal.refused(f"TRUNCATE {journal_sql.TABLE} RESTART IDENTITY CASCADE;")
    assert _ids(journal) == [1, 2, 3, 4]


def test_migration_0004_backwards_lets_the_owner_truncate_again(journal):
    journal.ok(_statements(journal_sql.POSTGRESQL_NO_TRUNCATE_DROP))
    journal.refused(f"DELETE FROM {journal_sql.TABLE} WHERE id = 1;")  # row triggers stay
    journal.ok(f"TRUNCATE {journal_sql.TABLE};")
    assert _ids(journal) == []


def test_drop_then_create_as_the_test_flush_does(journal):
    journal.ok(_statements(journal_sql.DROP["postgresql"]))
    journal.ok(f"DELETE FROM {journal_sql.TABLE} WHERE id = 1;")  # no trigger any more
    journal.ok(f"TRUNCATE {journal_sql.TABLE};")  # Django's flush on PostgreSQL
    journal.ok(f"INSERT INTO {journal_sql.TABLE} (action) VALUES ('après la purge');")
    journal.ok(_statements(journal_sql.CREATE["postgresql"]))
    journal.refused(f"DELETE FROM {journal_sql.TABLE};")
    journal.refused(f"TRUNCATE {journal_sql.TABLE};")
    assert len(_ids(journal)) == 1
