"""The speed levers change no result (slow): neutralised variables, benefits given as zero."""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pytest

from guichet.simulator import parse_situation, simulate
from guichet.simulator.api import plan_chunks
from guichet.simulator.assemble import Plan
from guichet.simulator.benefits import BENEFITS
from guichet.simulator.engine import compute, tax_benefit_system
from guichet.simulator.fast import neutralised_variables
from guichet.simulator.incomes import income_inputs
from guichet.simulator.inputs import Batch, build_simulation
from guichet.simulator.overrides import build_tax_benefit_system
from guichet.simulator.reading import fact_key
from guichet.simulator.shortcuts import free_of_the_cycle, set_zero_benefits

pytestmark = pytest.mark.slow

STATUSES = ("locataire", "locataire_hlm", "heberge_gratuit", "proprietaire", "sans_domicile")
INCOMES = ("salaire_net", "chomage_net", "retraite_nette", "salaire_net")


def varied(count: int) -> list[dict]:
    """Deterministic variety: sizes, ages, incomes, housing, disability."""
    households = []
    for i in range(count):
        adults = [{"role": "demandeur", "age": 18 + (i * 7) % 70}]
        if i % 3 == 0:
            adults.append({"role": "conjoint", "age": 20 + (i * 5) % 60})
        adults[0]["revenus_mensuels"] = {INCOMES[i % 4]: (i * 53) % 2400}
        if i % 7 == 0:
            adults[0]["taux_incapacite"] = 80 if i % 2 else 60
        children = [{"role": "enfant", "age": (i + 4 * k) % 21} for k in range(i % 5)]
        status = STATUSES[i % 5]
        housing = {"statut": status}
        if status.startswith("locataire"):
            housing["loyer"] = 250 + (i * 17) % 600
        households.append({"mois": "2026-05", "logement": housing, "personnes": adults + children})
    return households


OPTIONS = [
    {
        "logement": {"statut": "locataire", "loyer": 600},
        "personnes": [
            {"role": "demandeur", "age": 48, "revenus_mensuels": {"salaire_net": 1500}},
            {
                "role": "enfant",
                "age": 19,
                "activite": "etudiant",
                "etablissement_superieur": "public",
            },
        ],
    },
    {
        "logement": {"statut": "locataire", "loyer": 450},
        "personnes": [
            {"role": "demandeur", "age": 52, "activite": "chomeur", "travail_5_ans_sur_10": True}
        ],
    },
    {
        "logement": {"statut": "heberge_gratuit"},
        "personnes": [{"role": "demandeur", "age": 19, "activite": "inactif", "cej": True}],
    },
    {
        "logement": {"statut": "proprietaire"},
        "personnes": [
            {
                "role": "demandeur",
                "age": 82,
                "gir": 2,
                "revenus_mensuels": {"retraite_nette": 1900},
            },
            {"role": "conjoint", "age": 79, "gir": 4, "plan_aide_apa": 500},
        ],
    },
    {
        "logement": {"statut": "locataire", "loyer": 500},
        "personnes": [
            {"role": "demandeur", "age": 27, "naissance_prevue": "2026-09"},
            {"role": "conjoint", "age": 29, "revenus_mensuels": {"salaire_net": 1400}},
        ],
    },
    {
        "separation_depuis": "2026-02",
        "logement": {"statut": "locataire_hlm", "loyer": 420},
        "personnes": [
            {
                "role": "demandeur",
                "age": 33,
                "activite": "chomeur",
                "changement": {
                    "depuis": "2026-03",
                    "revenus_mensuels_avant": {"salaire_net": 1700},
                },
            },
            {"role": "enfant", "age": 2},
            {"role": "enfant", "age": 9, "taux_incapacite": 85},
        ],
    },
]


def sample():
    return [parse_situation({"mois": "2026-05", **data}) for data in varied(60) + OPTIONS]


def _amount_keys():
    return {
        fact_key(variable, "year" if spec.yearly else "month")
        for spec in BENEFITS
        for variable in spec.variables
    }


def _raw(tbs, batch, zero: bool):
    incomes = income_inputs(tbs, batch, lambda sub, given: build_simulation(tbs, sub, given))
    simulation = build_simulation(tbs, batch, incomes)
    skipped = set_zero_benefits(tbs, simulation, batch) if zero else set()
    return compute(simulation, batch, frozenset(skipped))


def test_neutralised_variables_exist_and_have_formulas():
    plain = build_tax_benefit_system(neutralised=False)
    for name in neutralised_variables():
        assert plain.get_variable(name, check_existence=True).formulas, name


def test_neutralising_changes_nothing():
    rows = [row for situation in sample() for row in Plan.of(situation, True).rows]
    batch = Batch.of(rows)
    neutralised = _raw(tax_benefit_system(), batch, zero=False)
    full = _raw(build_tax_benefit_system(neutralised=False), batch, zero=False)
    for key, values in full.items():
        np.testing.assert_allclose(neutralised[key], values, atol=1e-6, err_msg=key)


def test_parameters_looked_up_once_per_value_change_nothing(monkeypatch):
    """``fast.look_up_parameters_once_per_value``: the same values, of the same types, as the
    engine's row-by-row lookups (zones, housing statuses, family sizes vary in the sample)."""
    from openfisca_core.parameters import VectorialParameterNodeAtInstant

    from guichet.simulator.fast import ENGINE_LOOKUP

    tbs = tax_benefit_system()
    communes = ["75056", "69123", "25056", "25462", "13055"]  # zones 1 à 3 des aides au logement
    batch = Batch.of(
        [
            parse_situation({"mois": "2026-05", "commune": communes[i % 5], **data})
            for i, data in enumerate(varied(40) + OPTIONS)
        ]
    )
    once = _raw(tbs, batch, zero=False)
    monkeypatch.setattr(
        VectorialParameterNodeAtInstant, "build_from_node_name", staticmethod(ENGINE_LOOKUP)
    )
    row_by_row = _raw(tbs, batch, zero=False)
    assert once.keys() == row_by_row.keys()
    for key, values in row_by_row.items():
        assert once[key].dtype == values.dtype, key
        np.testing.assert_array_equal(once[key], values, err_msg=key)


def test_zero_benefits_change_no_amount():
    """Within a group of households with the same zero benefits, as computed by ``simulate``."""
    groups = defaultdict(list)
    for situation in sample():
        plan = Plan.of(situation, True)
        groups[plan.signature] += plan.rows
    amounts = _amount_keys()
    for signature, rows in groups.items():
        batch = Batch.of(rows)
        given = _raw(tax_benefit_system(), batch, zero=True)
        computed = _raw(tax_benefit_system(), batch, zero=False)
        for key in amounts:
            np.testing.assert_allclose(
                given[key], computed[key], atol=0.005, err_msg=f"{key} {signature}"
            )


CYCLE_CASES = [
    {  # AAH et ASI se lisent l'une l'autre : le cas le plus sensible à l'ordre de calcul
        "logement": {"statut": "locataire", "loyer": 380},
        "personnes": [
            {
                "role": "demandeur",
                "age": 63,
                "taux_incapacite": 80,
                "revenus_mensuels": {"retraite_nette": 600},
            }
        ],
    },
    {
        "logement": {"statut": "heberge_gratuit"},
        "personnes": [
            {"role": "demandeur", "age": 70, "revenus_mensuels": {"retraite_nette": 500}},
            {"role": "conjoint", "age": 64, "taux_incapacite": 85},
        ],
    },
]


def elderly_and_unemployed() -> list[dict]:
    """ASPA and ASS recipients: in the cycle, without a disability (they join other groups)."""
    households = []
    for i, pension in enumerate([0, 300, 650, 900, 1100]):
        status = ["locataire", "heberge_gratuit", "locataire_hlm"][i % 3]
        people = [
            {
                "role": "demandeur",
                "age": 66 + 3 * i,
                "revenus_mensuels": {"retraite_nette": pension},
            }
        ]
        if i % 2:
            people.append(
                {
                    "role": "conjoint",
                    "age": 64 + i,
                    "revenus_mensuels": {"retraite_nette": pension // 2},
                }
            )
        housing = {"statut": status} | ({"loyer": 400} if status != "heberge_gratuit" else {})
        households.append({"logement": housing, "personnes": people})
    for i, benefit in enumerate([0, 400, 900]):
        person = {
            "role": "demandeur",
            "age": 50 + 4 * i,
            "activite": "chomeur",
            "travail_5_ans_sur_10": True,
            "revenus_mensuels": {"chomage_net": benefit},
        }
        children = [{"role": "enfant", "age": 12}] if i == 1 else []
        households.append(
            {"logement": {"statut": "locataire", "loyer": 450}, "personnes": [person, *children]}
        )
    return households


def test_households_without_a_disability_join_other_groups():
    """Fewer simulations for a varied request: one per signature of the households with a
    disability, the others with them when they can (see ``shortcuts.free_of_the_cycle``)."""
    situations = sample() + [
        parse_situation({"mois": "2026-05", **data})
        for data in elderly_and_unemployed() + CYCLE_CASES
    ]
    plans = [Plan.of(situation, True) for situation in situations]
    tied = {plan.signature for plan in plans if not free_of_the_cycle(plan.signature)}
    free = {plan.signature for plan in plans if free_of_the_cycle(plan.signature)}
    assert len(free) >= 3  # personne dans le cycle, ASPA possible, ASS possible
    chunks = plan_chunks(situations, explain=True)
    assert len(chunks) <= len(tied) + 1 < len(tied | free)
    assert sorted(p for chunk in chunks for p in chunk) == list(range(len(situations)))


def test_a_varied_request_is_one_simulation():
    """A young person with a disability, an older person, a young family: one group (the
    household with a disability computes the ASPA whatever its age, so the older person
    can join it)."""
    people = [
        [{"role": "demandeur", "age": 35, "taux_incapacite": 80}],
        [{"role": "demandeur", "age": 72, "revenus_mensuels": {"retraite_nette": 700}}],
        [
            {"role": "demandeur", "age": 30, "revenus_mensuels": {"salaire_net": 1200}},
            {"role": "enfant", "age": 4},
        ],
    ]
    situations = [
        parse_situation(
            {"mois": "2026-05", "logement": {"statut": "locataire", "loyer": 450}, "personnes": p}
        )
        for p in people
    ]
    assert len(plan_chunks(situations, explain=True)) == 1


def test_random_mixes_give_the_same_results_as_one_by_one():
    """Whatever the other households of a request, a household's answer is the same.

    Among them, ASPA and ASS recipients computed with AAH cases (their group then
    computes the whole cycle) and alone (the AAH and the ASI given as zero)."""
    situations = sample() + [
        parse_situation({"mois": "2026-05", **data})
        for data in elderly_and_unemployed() + CYCLE_CASES
    ]
    alone = [simulate([situation])[0].to_json() for situation in situations]
    rng = random.Random(4)
    extra = list(range(len(situations) - 10, len(situations)))
    for _ in range(4):
        chosen = rng.sample(range(len(situations)), 20) + extra
        chosen = list(dict.fromkeys(chosen))
        together = simulate([situations[i] for i in chosen])
        for i, result in zip(chosen, together, strict=True):
            assert result.to_json() == alone[i], i
