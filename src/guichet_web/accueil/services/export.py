"""Everything held about a person (RGPD art. 15, right of access): the page and the JSON."""

from __future__ import annotations

from django.utils import timezone

from .. import consent as consent_texts
from .. import permissions
from ..catalogue import demarche_title, thematique_label
from ..models import JournalEntry, PersonFile
from .base import record, require


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _demarche(followed) -> dict:
    return {
        "demarche": followed.demarche_id,
        "titre": demarche_title(followed.demarche_id),
        "statut": followed.get_status_display(),
        "commencee_le": _iso(followed.opened_on),
        "deposee_le": _iso(followed.filed_on),
        "terminee_le": _iso(followed.decided_on),
        "autonomie": followed.get_autonomy_display() if followed.autonomy else None,
        "pieces": [
            {"piece": d.label, "fournie": d.provided, "fournie_le": _iso(d.provided_on)}
            for d in followed.documents.all()
        ],
    }


def _visit(visit) -> dict:
    return {
        "date": _iso(visit.at),
        "canal": visit.get_channel_display(),
        "duree_minutes": visit.duration_minutes,
        "motifs": [thematique_label(value) for value in visit.reasons],
        "suite": visit.get_outcome_display(),
        "demarches": [
            {
                "demarche": item.demarche_id,
                "autonomie": item.get_autonomy_display() if item.autonomy else None,
            }
            for item in visit.demarches.all()
        ],
    }


def _referral(referral) -> dict:
    return {
        "vers": referral.to_structure.nom,
        "motif": referral.reason,
        "statut": referral.get_status_display(),
        "motif_du_refus": referral.refusal_reason or None,
        "envoyee_le": _iso(referral.sent_at),
        "reponse_le": _iso(referral.answered_at),
        "cloturee_le": _iso(referral.closed_at),
    }


def held_data(person_file: PersonFile) -> dict:
    """The whole file in plain words and ISO dates; the same for the page and the export."""
    return {
        "dossier": person_file.pk,
        "produit_le": timezone.now().isoformat(),
        "lieu": person_file.structure.nom,
        "identite": {
            "prenom": person_file.first_name,
            "nom": person_file.last_name,
            "annee_de_naissance": person_file.birth_year,
            "telephone": person_file.phone or None,
        },
        "ouvert_le": _iso(person_file.created_at),
        "dernier_contact": _iso(person_file.last_activity_at),
        "accords": [
            {
                "objet": c.get_purpose_display(),
                "texte_montre": consent_texts.text_for(c.text_sha256),
                "empreinte_sha256": c.text_sha256,
                "donne_le": _iso(c.given_at),
                "retire_le": _iso(c.revoked_at),
            }
            for c in person_file.consents.all()
        ],
        "situation_du_foyer": person_file.situation or None,
        "derniers_resultats": person_file.simulation_results,
        "calcule_le": _iso(person_file.simulated_at),
        "notes": [
            {"date": _iso(note.created_at), "note": note.text} for note in person_file.notes.all()
        ],
        "demarches": [_demarche(f) for f in person_file.demarches.prefetch_related("documents")],
        "passages": [_visit(v) for v in person_file.visits.prefetch_related("demarches")],
        "orientations": [
            _referral(r) for r in person_file.referrals.select_related("to_structure")
        ],
        "rendez_vous": [
            {
                "date": _iso(a.starts_at),
                "lieu": a.structure.nom,
                "pour": a.purpose,
                "statut": a.get_status_display(),
            }
            for a in person_file.appointments.select_related("structure")
        ],
        "journal": [
            {"date": _iso(e.at), "action": e.action, "role": e.role, "structure": e.structure_id}
            for e in JournalEntry.objects.filter(person_file_id=person_file.pk)
        ],
    }


def everything_held(actor, person_file: PersonFile, *, export: bool = False) -> dict:
    """Journaled like any read, then returned (the row of this very read is included)."""
    require(permissions.can_export_file(actor, person_file))
    record(
        actor,
        "droit_acces.export" if export else "droit_acces.consulte",
        person_file=person_file,
        obj=person_file,
    )
    return held_data(person_file)
