"""`guichet purger [--execute]`: anonymise the desk's files past their retention period.

guichet purger              says which files would be anonymised, and how many journal rows
                            would be deleted; changes nothing
guichet purger --execute    anonymises them (identity, notes, situation; counts are kept) and
                            deletes the journal rows and sign-in logs past their period

Periods and their sources: guichet_web/accueil/conf.py (CNIL, secteur social : 2 ans après
le dernier contact ; accord retiré : tout de suite ; journal : 1 an, recommandation de la
CNIL sur la journalisation, jamais moins de 183 jours).
"""

from __future__ import annotations

import argparse
import json
import os
import sys


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "purger", help="anonymiser les dossiers trop anciens (simulation sans --execute)"
    )
    parser.add_argument(
        "--execute", action="store_true", help="anonymiser vraiment (sinon : simulation)"
    )
    parser.add_argument("--json", action="store_true", help="réponse en JSON")


def _numbers(ids: list[int]) -> str:
    return ", ".join(f"n° {pk}" for pk in ids)


def _headline(report) -> str:
    count = report.total
    if report.executed:
        return f"{count} dossier anonymisé :" if count == 1 else f"{count} dossiers anonymisés :"
    if count == 1:
        return "1 dossier serait anonymisé :"
    return f"{count} dossiers seraient anonymisés :"


def _journal_line(report, days: dict[str, int]) -> str:
    rows, logs = report.journal_rows, report.sign_in_logs
    verb = "effacées" if report.executed else "à effacer"
    return (
        f"Journal : {rows} ligne{'s' if rows > 1 else ''} et {logs} trace{'s' if logs > 1 else ''}"
        f" de connexion de plus de {days['journal']} jours {verb}."
    )


def _print(report, days: dict[str, int]) -> None:
    if not report.executed:
        print("Simulation : rien n'est modifié.")
    if not report.total:
        print("Aucun dossier à anonymiser.")
    else:
        print(_headline(report))
    if report.inactive:
        limit = days["inactive_file"]
        print(f"- sans contact depuis plus de {limit} jours : {_numbers(report.inactive)}")
    if report.withdrawn:
        print(f"- accord retiré par la personne : {_numbers(report.withdrawn)}")
    print(_journal_line(report, days))
    work = report.total or report.journal_rows or report.sign_in_logs
    if work and not report.executed:
        print("Pour le faire vraiment : guichet purger --execute")


def run(args: argparse.Namespace) -> int:
    from guichet.cli import UsageError

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guichet_web.settings")
    import django
    from django.db import DatabaseError

    django.setup()
    from django.core.exceptions import ImproperlyConfigured

    from guichet_web.accueil.conf import retention_days
    from guichet_web.accueil.services.purge import purge

    try:
        days = retention_days()
        report = purge(execute=args.execute)
    except ImproperlyConfigured as error:
        raise UsageError(str(error)) from None
    except DatabaseError as error:
        raise UsageError(
            f"la base de données n'est pas prête ({error}). Lancez d'abord : make setup"
        ) from None
    if args.json:
        data = {
            "execute": report.executed,
            "inactifs": report.inactive,
            "accord_retire": report.withdrawn,
            "journal_lignes": report.journal_rows,
            "traces_de_connexion": report.sign_in_logs,
            "durees_jours": days,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        _print(report, days)
    return 0
