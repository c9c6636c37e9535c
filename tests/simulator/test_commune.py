"""The commune code: a well-formed INSEE code, found in OpenFisca-France's commune table."""

from __future__ import annotations

import datetime

import pytest

from guichet.simulator import SituationError, parse_situation
from guichet.simulator.situation import known_communes

TODAY = datetime.date(2026, 5, 14)


def situation(commune) -> dict:
    return {
        "mois": "2026-05",
        "commune": commune,
        "logement": {"statut": "locataire", "loyer": 450},
        "personnes": [{"role": "demandeur", "age": 35}],
    }


@pytest.mark.parametrize(
    "code",
    ["99999", "00000", "20004", "25999", "2A999", "2C004", "2a99", "250560", "97999", 99999],
)
def test_unknown_or_malformed_commune_is_refused(code):
    with pytest.raises(SituationError) as caught:
        parse_situation(situation(code), today=TODAY)
    assert caught.value.champ == "commune"
    assert "code de commune" in caught.value.message
    assert "INSEE" in caught.value.message


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("25056", "25056"),  # Besançon
        ("2A004", "2A004"),  # Ajaccio
        ("2b033", "2B033"),  # Bastia
        ("97101", "97101"),  # Les Abymes (Guadeloupe)
        ("75056", "75056"),  # Paris
        ("75112", "75112"),  # Paris 12e : arrondissement, dans la table des sous-communes
        (1004, "01004"),  # Ambérieu-en-Bugey, donné en nombre
    ],
)
def test_known_communes_are_accepted(code, expected):
    assert parse_situation(situation(code), today=TODAY).commune == expected


def test_a_commune_created_after_2011_is_known():
    """Culey (55138) is not in the 2011 housing-aid table but is a commune (2024 table)."""
    assert "55138" in known_communes()
