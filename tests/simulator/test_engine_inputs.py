"""Incomes given as inputs: the same benefits as when the engine derives them from the gross (slow)."""

from __future__ import annotations

import numpy as np
import pytest

from guichet.simulator import parse_situation
from guichet.simulator.benefits import BENEFITS
from guichet.simulator.engine import compute, tax_benefit_system
from guichet.simulator.incomes import REPLACEMENT, income_inputs, net_targets
from guichet.simulator.inputs import Batch, build_simulation
from guichet.simulator.reading import fact_key

pytestmark = pytest.mark.slow

GROSS = ("salaire_de_base", "chomage_brut", "retraite_brute")


def person(role, age, **extra):
    return {"role": role, "age": age, **extra}


HOUSEHOLDS = [
    ("locataire", [person("demandeur", 30, revenus_mensuels={"salaire_net": 1350})]),
    (
        "locataire_hlm",
        [
            person("demandeur", 40, revenus_mensuels={"chomage_net": 1100}),
            person("conjoint", 38, revenus_mensuels={"salaire_net": 2700}),
            person("enfant", 2),
            person("enfant", 12),
        ],
    ),
    (
        "proprietaire",
        [
            person("demandeur", 58, revenus_mensuels={"chomage_net": 2600, "salaire_net": 300}),
            person("conjoint", 63, revenus_mensuels={"retraite_nette": 2300}),
        ],
    ),
    (
        "locataire",
        [
            person(
                "demandeur",
                45,
                activite="chomeur",
                changement={"depuis": "2026-03", "revenus_mensuels_avant": {"salaire_net": 1600}},
            ),
            person("enfant", 9),
        ],
    ),
    (
        "heberge_gratuit",
        [person("demandeur", 70, revenus_mensuels={"retraite_nette": 900})],
    ),
]


@pytest.fixture(scope="module")
def batch():
    situations = [
        parse_situation(
            {
                "mois": "2026-05",
                "logement": {"statut": statut, "loyer": 520 if "locataire" in statut else 0},
                "personnes": people,
            }
        )
        for statut, people in HOUSEHOLDS
    ]
    return Batch.of(situations)


@pytest.fixture(scope="module")
def incomes(batch):
    tbs = tax_benefit_system()
    return income_inputs(tbs, batch, lambda sub, given: build_simulation(tbs, sub, given))


def test_gross_incomes_give_back_the_declared_nets(batch, incomes):
    """Given only the gross, the engine finds the declared nets.

    Wages: every month.  Unemployment benefit and pension: the months of year N, in the
    solver's order (the engine's CSG on replacement income cuts a cycle, and its rate
    then depends on the order of computation); before January N the CSG rate reads a
    revenu fiscal de référence from before the window, so the gross is the net.
    """
    tbs = tax_benefit_system()
    simulation = build_simulation(tbs, batch, {name: incomes[name] for name in GROSS})
    targets = net_targets(batch)
    first, checked = batch.months.index("2026-01"), batch.months.index(batch.mois) + 1
    for column in range(first, checked):
        month = batch.months[column]
        for net, _gross, taxable in REPLACEMENT:
            got = simulation.calculate(net, month)
            np.testing.assert_allclose(
                got, targets[net][:, column], atol=0.02, err_msg=f"{net} {month}"
            )
            np.testing.assert_allclose(
                simulation.calculate(taxable, month), incomes[taxable][:, column], atol=0.05
            )
    for net, gross, _taxable in REPLACEMENT:
        np.testing.assert_array_equal(incomes[gross][:, :first], targets[net][:, :first])
    for column, month in enumerate(batch.months[:checked]):
        got = simulation.calculate("salaire_net", month)
        np.testing.assert_allclose(got, targets["salaire_net"][:, column], atol=0.02, err_msg=month)
    owner = batch.household_of_person
    first_jobless = np.flatnonzero(owner == 2)[0]
    assert incomes["chomage_brut"][first_jobless, checked - 1] > 2600 + 100, "CSG due : brut > net"


def test_benefits_are_the_same_as_from_the_gross_alone(batch, incomes):
    """Wages and changed incomes given as inputs: the same amounts as the engine's own payroll.

    Replacement incomes are left out: derived from the gross, their CSG rate depends on
    the order of computation (see above).
    """
    tbs = tax_benefit_system()
    wages_only = [0, 3]  # sans allocation chômage ni retraite
    batch = Batch.of([batch.situations[h] for h in wages_only])
    incomes = income_inputs(tbs, batch, lambda sub, given: build_simulation(tbs, sub, given))
    given = compute(build_simulation(tbs, batch, incomes), batch)
    derived = compute(build_simulation(tbs, batch, {name: incomes[name] for name in GROSS}), batch)
    amounts = {
        fact_key(variable, "year" if spec.yearly else "month")
        for spec in BENEFITS
        for variable in spec.variables
    }
    for key, values in given.items():
        if key in amounts:  # montants : au centime
            np.testing.assert_allclose(values, derived[key], atol=0.011, err_msg=key)
        else:  # valeurs des explications : bruit du float32
            np.testing.assert_allclose(values, derived[key], rtol=1e-4, atol=0.5, err_msg=key)


def test_the_wage_grid_read_from_disk_is_the_engine_s(tmp_path, monkeypatch):
    """Cached on disk (1.7 s of each start): read back, the same nets and taxable wages."""
    from guichet.simulator import incomes
    from guichet.simulator.engine import tax_benefit_system

    monkeypatch.setenv("GUICHET_CACHE_DIR", str(tmp_path))
    months = ["2025-01", "2025-02"]
    monkeypatch.setattr(incomes, "_wage_grid", {})
    computed = incomes.wage_grid(tax_benefit_system(), months)
    assert len(list(tmp_path.glob("wage-grid-*.npz"))) == 1
    monkeypatch.setattr(incomes, "_wage_grid", {})
    monkeypatch.setattr(incomes, "_compute_wage_grid", lambda *args: pytest.fail("recalculé"))
    read = incomes.wage_grid(tax_benefit_system(), months)
    for month in months:
        for a, b in zip(computed[month], read[month], strict=True):
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("declared", ["retraite_nette", "chomage_net"])
def test_the_csg_rate_of_year_n_reads_the_whole_income_of_n_2(declared):
    """A pension or an unemployment benefit of 4 000 € net a month: its revenu fiscal de
    référence of N-2 is far over the thresholds, so the CSG, the CRDS (and the CASA on a
    pension) are due at the normal rate (art. L136-8 CSS: 8.3 % on pensions, 5.9 % of it
    deductible, 0.5 % CRDS, 0.3 % CASA; 6.2 % on unemployment benefit, 3.8 % deductible,
    on 98.25 % of it).

    The gross and the taxable amounts of year N must follow.  Found by a measure: before
    the rfr of N-2 was computed on its own, the taxable amounts of year N were computed
    with an rfr that left out these incomes (gross = net, as if exempt)."""
    tbs = tax_benefit_system()
    age = 70 if declared == "retraite_nette" else 45
    batch = Batch.of(
        [
            parse_situation(
                {
                    "mois": "2026-05",
                    "logement": {"statut": "proprietaire"},
                    "personnes": [
                        person("demandeur", age, revenus_mensuels={declared: 4000}),
                    ],
                }
            )
        ]
    )
    incomes = income_inputs(tbs, batch, lambda sub, given: build_simulation(tbs, sub, given))
    net, gross, taxable = next(triple for triple in REPLACEMENT if triple[0] == declared)
    may = batch.months.index("2026-05")
    if declared == "retraite_nette":
        base, due, deductible = 1.0, 0.083 + 0.005 + 0.003, 0.059
    else:  # assiette abattue de 1,75 % pour frais professionnels (art. L136-1-2 CSS)
        base, due, deductible = 0.9825, 0.062 + 0.005, 0.038
    expected_gross = 4000 / (1 - base * due)
    assert incomes[net][0, may] == pytest.approx(4000, abs=0.02)
    assert incomes[gross][0, may] == pytest.approx(expected_gross, abs=0.05)
    assert incomes[taxable][0, may] == pytest.approx(
        expected_gross * (1 - base * deductible), abs=0.05
    )
