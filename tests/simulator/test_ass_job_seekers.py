"""The ASS (allocation de solidarité spécifique) is for job seekers only
(art. L5423-1 code du travail): 5 years of work in the last 10 do not open it to a
student or to someone out of the labour market. The engine does not check the activity."""

import pytest

from guichet.simulator import parse_situation, simulate

pytestmark = pytest.mark.slow


def _household(activity: str) -> dict:
    return {
        "mois": "2026-05",
        "logement": {"statut": "locataire", "loyer": 500},
        "personnes": [
            {"role": "demandeur", "age": 50, "activite": activity, "travail_5_ans_sur_10": True}
        ],
    }


def test_five_years_of_work_open_the_ass_to_a_job_seeker_only():
    situations = [parse_situation(_household(a)) for a in ("chomeur", "etudiant", "inactif")]
    job_seeker, student, inactive = simulate(situations)
    assert job_seeker.montant("ass") > 500
    assert student.montant("ass") == 0
    assert inactive.montant("ass") == 0
