"""Small rules of the simulator, checked without running the engine."""

from __future__ import annotations

import numpy as np
import pytest

from guichet.simulator.benefits import BENEFITS, BY_ID
from guichet.simulator.inputs import school_level
from guichet.simulator.overrides import OVERRIDES_FILE, load_overrides
from guichet.simulator.periods import birth_date, pregnancy_months, window
from guichet.simulator.reading import paid_amount
from guichet.simulator.situation import Person


def test_window_goes_from_january_n_minus_2_to_december_n():
    months = window("2026-05")
    assert months[0] == "2024-01" and months[-1] == "2026-12" and len(months) == 36


@pytest.mark.parametrize(("age", "expected"), [(35, "1990-11-01"), (0, "2025-11-01")])
def test_birth_date_makes_the_person_that_age_in_the_month(age, expected):
    assert birth_date(age, "2026-05") == np.datetime64(expected)


def test_pregnancy_covers_the_month_and_the_two_before():
    assert pregnancy_months("2026-02") == ["2025-12", "2026-01", "2026-02"]


@pytest.mark.parametrize(
    ("gross", "expected"),
    [
        # CAF, allocations familiales (BMAF x taux, CRDS 0,5 % tronquée au centime) :
        (135.13, 134.46),  # 2 enfants, avril 2022
        (308.26, 306.72),  # 3 enfants, avril 2022
        (481.40, 479.00),  # 4 enfants, avril 2022
        (33.78, 33.62),  # 2 enfants, 3e tranche de revenus, avril 2022
        (149.26, 148.52),  # 2 enfants, avril 2024
        (153.0112, 152.25),  # 2 enfants, avril 2026 (shared/eval/foyers.json)
        # ARS rentrée 2025, 6-10 ans : 89,72 % x 474,37 = 425,6048 -> 425,60 - 2,12 (pas 425,61)
        (np.float32(0.8972 * 474.37), 423.48),
    ],
)
def test_crds_is_truncated_to_the_cent(gross, expected):
    assert paid_amount(gross, 0.005) == expected


def test_aspa_twelfths_are_truncated():
    assert paid_amount(12411.44 / 12, 0.0, floor=True) == 1034.28  # circulaire Cnav 2024-39
    assert paid_amount(np.float32(12411.44 / 12), 0.0, floor=True) == 1034.28


@pytest.mark.parametrize(
    ("age", "mois", "expected"),
    [
        (10, "2026-05", "primaire"),  # CM2 en 2025-2026
        (11, "2026-10", "college"),
        (14, "2026-05", "college"),
        (15, "2026-10", "lycee"),
        (17, "2026-05", "lycee"),
        (4, "2026-05", "maternelle"),
        (19, "2026-05", "inconnue"),
    ],
)
def test_school_level_from_age(age, mois, expected):
    child = Person(role="enfant", age=age, activite="etudiant")
    assert school_level(child, mois) == expected


def test_adults_have_no_school_level():
    assert school_level(Person(role="demandeur", age=16, activite="etudiant"), "2026-05") == (
        "inconnue"
    )


def test_benefit_ids_are_catalogue_ids():
    catalogue = {
        "rsa",
        "prime-activite",
        "aide-logement",
        "allocations-familiales",
        "aah",
        "aspa",
        "css",
        "complement-familial",
        "asf",
        "paje",
        "ars",
        "aeeh",
        "cheque-energie",
        "bourse-college-lycee",
    }
    assert catalogue <= set(BY_ID)
    assert len(BY_ID) == len(BENEFITS)


def test_crds_applies_to_family_benefits_and_prime_activite_only():
    with_crds = {spec.id for spec in BENEFITS if spec.crds}
    assert {"allocations-familiales", "prime-activite", "paje", "ars"} <= with_crds
    assert not {"rsa", "aah", "aspa", "aide-logement", "css"} & with_crds


def test_overrides_file_is_valid_and_sourced():
    overrides = load_overrides()
    assert overrides, OVERRIDES_FILE
    for override in overrides:
        assert override.source.strip()
        assert override.values


def test_malformed_override_fails_loudly(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("- parametre: a.b\n  valeurs: {2025-04-01: beaucoup}\n  source: x\n")
    with pytest.raises(ValueError, match="entrée 1"):
        load_overrides(path)


def test_float32_noise_does_not_move_a_cent():
    assert (
        paid_amount(np.float32(977.535), 0.0) == 977.54
    )  # 150 % de 651,69 €, arrondi au plus près
    assert paid_amount(np.float32(573.4872), 0.0) == 573.49
    assert paid_amount(np.float32(12523.14 / 12), 0.0, floor=True) == 1043.59
