"""Nothing is computed before the look-back window: checked to change no result (slow)."""

from __future__ import annotations

import numpy as np
import pytest

from guichet.simulator import parse_situation
from guichet.simulator.engine import compute, tax_benefit_system
from guichet.simulator.incomes import income_inputs
from guichet.simulator.inputs import Batch, build_simulation

pytestmark = pytest.mark.slow


def people(*specs):
    return [{"role": role, "age": age, **extra} for role, age, extra in specs]


HOUSEHOLDS = [
    ("locataire", people(("demandeur", 30, {"revenus_mensuels": {"salaire_net": 900}}))),
    (
        "locataire_hlm",
        people(
            ("demandeur", 40, {"revenus_mensuels": {"chomage_net": 1100}}),
            ("conjoint", 38, {"revenus_mensuels": {"salaire_net": 1500}}),
            ("enfant", 2, {}),
            ("enfant", 12, {}),
            ("enfant", 19, {}),
        ),
    ),
    ("heberge_gratuit", people(("demandeur", 45, {"taux_incapacite": 85}))),
    (
        "proprietaire",
        people(
            ("demandeur", 70, {"revenus_mensuels": {"retraite_nette": 800}}),
            ("conjoint", 66, {"revenus_mensuels": {"retraite_nette": 400}}),
        ),
    ),
    ("sans_domicile", people(("demandeur", 22, {"enceinte": True}))),
    (
        "locataire",
        people(
            ("demandeur", 33, {"revenus_mensuels": {"pension_alimentaire_recue": 150}}),
            ("enfant", 0, {}),
            ("enfant", 9, {"taux_incapacite": 80}),
        ),
    ),
    (
        "locataire",
        people(
            ("demandeur", 58, {"revenus_mensuels": {"chomage_net": 2500}}),
            ("conjoint", 62, {"taux_incapacite": 80, "revenus_mensuels": {"retraite_nette": 600}}),
        ),
    ),
]


@pytest.mark.parametrize("mois", ["2026-05"])
def test_skipping_the_months_before_the_window_changes_nothing(mois):
    tbs = tax_benefit_system()
    situations = [
        parse_situation(
            {
                "mois": mois,
                "logement": {"statut": statut, "loyer": 480 if "locataire" in statut else 0},
                "personnes": persons,
            }
        )
        for statut, persons in HOUSEHOLDS
    ]
    batch = Batch.of(situations)
    incomes = income_inputs(tbs, batch, lambda sub, given: build_simulation(tbs, sub, given))
    windowed = build_simulation(tbs, batch, incomes)
    unbounded = build_simulation(tbs, batch, incomes)
    unbounded.start_computation_period = None
    expected = compute(unbounded, batch)
    for variable, values in compute(windowed, batch).items():
        np.testing.assert_array_equal(values, expected[variable], err_msg=variable)
