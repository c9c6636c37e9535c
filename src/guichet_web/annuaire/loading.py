"""Load a territory's files into the database. Idempotent: update_or_create by id.

Rows that staff edited in the admin (`edited_locally`) are left as they are; the command
says so, so that a coordinator can compare them with the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from guichet.directory import load_territory

from .models import Service, Structure

STRUCTURE_FIELDS = (
    "nom",
    "type",
    "adresse",
    "complement_adresse",
    "code_postal",
    "commune",
    "code_insee",
    "telephone",
    "courriel",
    "site_web",
    "horaires_accueil",
    "horaires_remarque",
    "latitude",
    "longitude",
    "reseaux_porteurs",
    "description",
    "source",
    "lien_source",
    "date_maj",
    "date_source",
    "a_verifier",
    "remarque",
)
SERVICE_FIELDS = (
    "nom",
    "description",
    "thematiques",
    "publics",
    "modes_accueil",
    "frais",
    "telephone",
    "courriel",
    "source",
    "lien_source",
    "date_maj",
)
NULLABLE = {"latitude", "longitude", "date_maj"}


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    kept: list[str] = field(default_factory=list)


def _defaults(data: dict, names: tuple[str, ...]) -> dict:
    """None becomes "" for text fields: empty stays empty, never « None »."""
    values = {}
    for name in names:
        value = data.get(name)
        values[name] = value if value is not None or name in NULLABLE else ""
    return values


def _upsert(model, key: str, defaults: dict, report: LoadReport) -> None:
    if model.objects.filter(pk=key, edited_locally=True).exists():
        report.kept.append(key)
        return
    _, created = model.objects.update_or_create(pk=key, defaults=defaults)
    if created:
        report.created += 1
    else:
        report.updated += 1


@transaction.atomic
def load_territory_into_db(slug: str) -> LoadReport:
    territory = load_territory(slug)
    report = LoadReport()
    for data in territory.structures:
        defaults = {**_defaults(data, STRUCTURE_FIELDS), "territoire": slug}
        _upsert(Structure, data["id"], defaults, report)
    for data in territory.services:
        defaults = {**_defaults(data, SERVICE_FIELDS), "structure_id": data["structure"]}
        _upsert(Service, data["id"], defaults, report)
    return report
