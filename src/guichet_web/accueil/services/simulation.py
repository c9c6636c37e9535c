"""The household situation on the file, and « Mes droits » started from it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from guichet_web.pages import engines

from .. import permissions
from ..models import PersonFile
from .base import ServiceError, record, require, save_versioned, touch


@transaction.atomic
def save_situation(
    actor, person_file: PersonFile, expected_version: int, *, answers: dict, situation: dict
) -> None:
    """`answers` refill the questionnaire; `situation` is the simulator's input format."""
    require(permissions.can_edit_file(actor, person_file))
    person_file.situation_answers = answers
    person_file.situation = situation
    save_versioned(person_file, expected_version, ["situation_answers", "situation"])
    touch(person_file)
    record(actor, "situation.enregistree", person_file=person_file, obj=person_file)


@transaction.atomic
def simulate(actor, person_file: PersonFile) -> dict:
    """Run the simulator (guichet.simulator) on the stored situation; keep the results."""
    require(permissions.can_edit_file(actor, person_file))
    if not person_file.situation:
        raise ServiceError("Remplissez d'abord la situation du foyer.")
    simulator = engines.simulator()
    try:
        parsed = simulator.parse_situation(person_file.situation)
    except simulator.SituationError as error:
        raise ServiceError(f"Situation à corriger ({error.champ}) : {error.message}") from None
    results = simulator.simulate([parsed])[0].to_json()
    now = timezone.now()
    PersonFile.objects.filter(pk=person_file.pk).update(
        simulation_results=results, simulated_at=now
    )
    person_file.simulation_results, person_file.simulated_at = results, now
    touch(person_file)
    record(actor, "simulation.calculee", person_file=person_file, obj=person_file)
    return results
