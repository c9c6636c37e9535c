"""A citizen's resume code (made on « Mes droits » or a free-access computer, see
guichet_web.kiosque), read over the phone: with the person's agreement, its answers and
results are copied into their file."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from guichet_web.kiosque.models import ResumeCode
from guichet_web.kiosque.services import CODE_LENGTH, normalise_code
from guichet_web.pages import engines
from guichet_web.pages.rights import RightsForm

from .. import permissions
from ..models import PersonFile
from .base import ServiceError, record, require, save_versioned, touch

UNKNOWN_CODE = (
    "Ce code n'existe pas ou n'est plus valable (il dure 7 jours). Relisez chaque lettre "
    "avec la personne, ou demandez-lui d'en créer un nouveau."
)
NO_AGREEMENT = "Sans l'accord de la personne, son code n'est pas utilisé."
NOTHING_TO_LOAD = (
    "Ce code ne contient ni réponses à « Mes droits » ni résultats : il n'y a rien à "
    "reprendre dans le dossier."
)


def find(text: str) -> ResumeCode | None:
    """The stored code, if it exists and has not expired."""
    code = normalise_code(text)
    if len(code) != CODE_LENGTH:
        return None
    return ResumeCode.objects.filter(code=code, expires_at__gt=timezone.now()).first()


def situation_from_answers(answers: dict) -> dict | None:
    """The simulator's situation from the one-page « Mes droits » answers, or None when
    they are incomplete or refused by the simulator."""
    form = RightsForm(answers)
    if not form.is_valid():
        return None
    data, _prefixes = form.situation()
    simulator = engines.simulator()
    try:
        simulator.parse_situation(data)
    except simulator.SituationError:
        return None
    return data


def results_from_recap(rights: dict) -> dict:
    """The recap's benefits in the format of the simulator's results kept on the file."""
    return {
        "mois": rights.get("mois", ""),
        "origine": "code de reprise",
        "aides": [{**aide, "eligible": True} for aide in rights.get("aides") or []],
    }


@transaction.atomic
def load_code(
    actor, person_file: PersonFile, expected_version: int, text: str, *, agreed: bool
) -> list[str]:
    """Copy what the code holds into the file; returns what was taken ("situation",
    "resultats"). The journal notes the agreement, never the code nor the answers."""
    require(permissions.can_edit_file(actor, person_file))
    if not agreed:
        raise ServiceError(NO_AGREEMENT, field="accord")
    stored = find(text)
    if stored is None:
        raise ServiceError(UNKNOWN_CODE, field="code")
    payload = stored.payload or {}
    fields, taken = [], []
    answers = payload.get("reponses")
    situation = situation_from_answers(answers) if answers else None
    if situation is not None:
        person_file.situation_answers, person_file.situation = answers, situation
        fields += ["situation_answers", "situation"]
        taken.append("situation")
    rights = payload.get("droits")
    if rights and rights.get("aides") is not None:
        person_file.simulation_results = results_from_recap(rights)
        person_file.simulated_at = stored.created_at
        fields += ["simulation_results", "simulated_at"]
        taken.append("resultats")
    if not taken:
        raise ServiceError(NOTHING_TO_LOAD, field="code")
    save_versioned(person_file, expected_version, fields)
    touch(person_file)
    record(
        actor,
        "code_reprise.charge",
        person_file=person_file,
        obj=person_file,
        accord_personne=True,
        repris=taken,
    )
    return taken
