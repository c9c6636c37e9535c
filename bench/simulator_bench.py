"""Rights simulation speed: one household warm, against a plain OpenFisca call; a batch.

Printed figures only; performance is never asserted in tests.
Run: .venv/bin/python bench/simulator_bench.py [--runs 20] [--batch 1000]

* start-up to first answer: the tax-benefit system built and warmed up;
* one household (couple, 2 children, a wage, HLM): p50 of ``simulate`` over the
  runs, warm, and the same household by a naive OpenFisca call (a new
  SimulationBuilder with a plain dict, one ``calculate`` per benefit), in the
  same process, printed as a ratio;
* households per second for a batch of varied households, in one call.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

HOUSEHOLD = {
    "id": "bench",
    "mois": "2026-05",
    "commune": "25056",
    "logement": {"statut": "locataire_hlm", "loyer": 550},
    "personnes": [
        {"role": "demandeur", "age": 38, "revenus_mensuels": {"salaire_net": 1800}},
        {"role": "conjoint", "age": 36},
        {"role": "enfant", "age": 8},
        {"role": "enfant", "age": 12},
    ],
}


def naive_situation() -> dict:
    """What a first OpenFisca integration would send: the month only, ages, a net wage."""
    month = HOUSEHOLD["mois"]
    people = {
        "parent1": {"age": {month: 38}, "salaire_net": {month: 1800}},
        "parent2": {"age": {month: 36}},
        "enfant1": {"age": {month: 8}},
        "enfant2": {"age": {month: 12}},
    }
    return {
        "individus": people,
        "familles": {"f": {"parents": ["parent1", "parent2"], "enfants": ["enfant1", "enfant2"]}},
        "foyers_fiscaux": {
            "ff": {
                "declarants": ["parent1", "parent2"],
                "personnes_a_charge": ["enfant1", "enfant2"],
            }
        },
        "menages": {
            "m": {
                "personne_de_reference": ["parent1"],
                "conjoint": ["parent2"],
                "enfants": ["enfant1", "enfant2"],
                "statut_occupation_logement": {month: "locataire_hlm"},
                "loyer": {month: 550},
                "depcom": {month: "25056"},
            }
        },
    }


def naive_call(tbs, variables: list[tuple[str, str]]) -> None:
    from openfisca_core.simulation_builder import SimulationBuilder

    simulation = SimulationBuilder().build_from_entities(tbs, naive_situation())
    for variable, period in variables:
        simulation.calculate(variable, period)


def varied_households(count: int) -> list[dict]:
    """Deterministic variety: sizes, ages, incomes, housing."""
    statuses = ["locataire", "locataire_hlm", "heberge_gratuit", "proprietaire", "sans_domicile"]
    households = []
    for i in range(count):
        adults = [{"role": "demandeur", "age": 20 + i % 60}]
        if i % 3 == 0:
            adults.append({"role": "conjoint", "age": 22 + i % 55})
        adults[0]["revenus_mensuels"] = {
            ["salaire_net", "chomage_net", "retraite_nette", "salaire_net"][i % 4]: (i * 37) % 2200
        }
        if i % 11 == 0:
            adults[0]["taux_incapacite"] = 80
        children = [{"role": "enfant", "age": (i + 5 * k) % 19} for k in range(i % 4)]
        status = statuses[i % 5]
        housing = {"statut": status}
        if status.startswith("locataire"):
            housing["loyer"] = 250 + (i * 13) % 600
        households.append(
            {"id": f"h{i}", "mois": "2026-05", "logement": housing, "personnes": adults + children}
        )
    return households


def p50(seconds: list[float]) -> float:
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--naive-runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    start = time.perf_counter()
    from guichet.simulator import parse_situation, simulate, warm_up
    from guichet.simulator.benefits import BENEFITS
    from guichet.simulator.engine import tax_benefit_system

    warm_up()
    situation = parse_situation(HOUSEHOLD)
    simulate([situation])
    startup = time.perf_counter() - start
    print(
        f"simulator: start-up to first answer {startup:.2f} s (system built, warm-up, 1 household)"
    )

    ours, ours_cpu = [], []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        simulate([situation])
        ours.append(time.perf_counter() - t0)
        ours_cpu.append(time.process_time() - c0)

    tbs = tax_benefit_system()
    year = HOUSEHOLD["mois"][:4]
    variables = [
        (variable, year if spec.yearly else HOUSEHOLD["mois"])
        for spec in BENEFITS
        for variable in spec.variables
    ]
    naive_call(tbs, variables)  # warm
    naive, naive_cpu = [], []
    for _ in range(args.naive_runs):
        t0, c0 = time.perf_counter(), time.process_time()
        naive_call(tbs, variables)
        naive.append(time.perf_counter() - t0)
        naive_cpu.append(time.process_time() - c0)
    print(
        f"simulator: one household warm p50 {p50(ours) * 1000:.0f} ms over {args.runs} runs "
        f"(min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f}); {len(variables)} variables"
    )
    print(
        f"simulator: naive OpenFisca call p50 {p50(naive) * 1000:.0f} ms over {args.naive_runs} runs "
        f"(month only, no gross wage, no look-back months)"
    )
    print(
        f"simulator: ratio ours / naive = {p50(ours) / p50(naive):.2f} "
        f"(CPU time: {p50(ours_cpu) * 1000:.0f} ms / {p50(naive_cpu) * 1000:.0f} ms "
        f"= {p50(ours_cpu) / p50(naive_cpu):.2f})"
    )

    batch = [parse_situation(data) for data in varied_households(args.batch)]
    t0 = time.perf_counter()
    results = simulate(batch)
    elapsed = time.perf_counter() - t0
    failures = sum(not r.ok for r in results)
    print(
        f"simulator: batch of {len(batch)} households in {elapsed:.1f} s = "
        f"{len(batch) / elapsed:.0f} households/s ({failures} failures)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"simulator: peak memory of the process {rss:.0f} MB")


if __name__ == "__main__":
    main()
