"""`manage.py charger_territoire [besancon-planoise]`: seed the directory from the files."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from guichet_web.annuaire.loading import load_territory_into_db


class Command(BaseCommand):
    help = "Charge (ou met à jour) les lieux et services d'un territoire depuis ses fichiers."

    def add_arguments(self, parser):
        parser.add_argument(
            "territoire",
            nargs="?",
            default=settings.GUICHET_TERRITORY,
            help="identifiant du territoire (par défaut : %(default)s)",
        )

    def handle(self, *args, territoire: str, **options):
        try:
            report = load_territory_into_db(territoire)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Territoire « {territoire} » : {report.created} fiche(s) créée(s), "
            f"{report.updated} mise(s) à jour."
        )
        for key in report.kept:
            self.stdout.write(f"  « {key} » gardé tel quel : modifié dans l'administration.")
