"""Rights simulation speed: printed figures and ratios only, never asserted in tests.

Run: .venv/bin/python bench/simulator_bench.py [--runs 15] [--batch 2000] [--cli 10000]

* start-up to first answer: the tax-benefit system built, warm-up, one household;
* one household (couple, 2 children, a wage, HLM) warm, with « ce qui changerait »:
  p50 wall and CPU of ``simulate``, against a naive OpenFisca call (a new
  SimulationBuilder with a plain dict, one ``calculate`` per benefit) measured
  in the same process;
* each speed lever switched off and on, in the same process (CPU p50);
* households per second for a batch of varied households, in one call;
* the micro-batcher: 16 and 48 concurrent clients per process, in 1 and 2 worker processes (forked
  after the warm-up, like gunicorn's preload): each client waits for its answer before the next
  request, so throughput is capped by clients / waiting time;
* an offered load (open loop): households arriving at 50 and 100 per second, whatever the answers
  already given, over 2 processes: the rate answered and the waiting time, first and last seconds;
* ``guichet simuler`` on a file of varied households, with 1 and 2 processes;
* memory of a worker after the warm-up, and at its peak.

The machine may be shared: wall times move with its load, so CPU times are
printed beside them and each figure is a median of several runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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


def timed(function, runs: int) -> tuple[float, float]:
    """p50 wall and CPU seconds of ``function()`` over ``runs`` runs."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_household(args, situation) -> None:
    from guichet.simulator import simulate
    from guichet.simulator.benefits import BENEFITS
    from guichet.simulator.engine import tax_benefit_system

    wall, cpu = timed(lambda: simulate([situation]), args.runs)
    print(
        f"one household warm (with variants): p50 {wall * 1000:.0f} ms wall, "
        f"{cpu * 1000:.0f} ms CPU over {args.runs} runs"
    )
    month, year = HOUSEHOLD["mois"], HOUSEHOLD["mois"][:4]
    variables = [(v, year if s.yearly else month) for s in BENEFITS for v in s.variables]
    tbs = tax_benefit_system()
    naive_call(tbs, variables)
    naive_wall, naive_cpu = timed(lambda: naive_call(tbs, variables), args.naive_runs)
    print(
        f"naive OpenFisca call (month only, no look-back, {len(variables)} variables): "
        f"p50 {naive_wall * 1000:.0f} ms wall, {naive_cpu * 1000:.0f} ms CPU; "
        f"ratio ours / naive: {wall / naive_wall:.2f} wall, {cpu / naive_cpu:.2f} CPU"
    )


def levers(args, situation) -> None:
    """Each lever off then on, interleaved, in this process (CPU p50 of one household)."""
    from openfisca_core.periods import Instant, Period

    import guichet.simulator.engine as engine
    import guichet.simulator.inputs as inputs
    from guichet.simulator import fast, simulate
    from guichet.simulator.overrides import build_tax_benefit_system

    neutral = engine.tax_benefit_system()
    plain = build_tax_benefit_system(neutralised=False)
    cached = (Instant.offset, Period.offset, Period.stop)
    raw = (
        Instant.offset.__wrapped__,
        Period.offset.__wrapped__,
        property(Period.stop.fget.__wrapped__),
    )
    faster, zero = fast.faster, engine.set_zero_benefits

    def configure(read, period, neutralised, shortcuts):
        inputs.faster = faster if read else (lambda simulation: simulation)
        Instant.offset, Period.offset, Period.stop = cached if period else raw
        engine._tbs = neutral if neutralised else plain
        engine.set_zero_benefits = zero if shortcuts else (lambda tbs, sim, batch: set())

    names = ("fast cached reads", "period arithmetic cached", "neutralised", "zero benefits")
    configurations = (
        [(False,) * 4]
        + [tuple(i == j for j in range(4)) for i in range(4)]
        + [tuple(i != j for j in range(4)) for i in range(4)]
        + [(True,) * 4]
    )
    times = {c: [] for c in configurations}
    reference = None
    for _ in range(args.lever_rounds):
        for configuration in configurations:
            configure(*configuration)
            simulate([situation])
            for _ in range(3):
                c = time.process_time()
                answer = simulate([situation])[0].to_json()
                times[configuration].append(time.process_time() - c)
            reference = reference or answer
            assert answer == reference, configuration
    configure(True, True, True, True)
    base = statistics.median(times[(False,) * 4])
    for configuration in configurations:
        on = [name for name, flag in zip(names, configuration, strict=True) if flag]
        if all(configuration):
            label = "all levers"
        elif len(on) == 3:
            label = "all but " + next(n for n, f in zip(names, configuration, strict=True) if not f)
        else:
            label = " + ".join(on) or "no lever"
        p50 = statistics.median(times[configuration])
        print(f"  lever {label:42s} CPU p50 {p50 * 1000:5.0f} ms  (x{base / p50:.1f})")


def batch(args) -> None:
    from guichet.simulator import parse_situation, simulate

    households = [parse_situation(d) for d in varied_households(args.batch)]
    for explain in (False, True):
        wall, cpu = timed(lambda e=explain: simulate(households, e), 1)
        print(
            f"batch of {len(households)} varied households, variants={explain}: "
            f"{len(households) / wall:.0f} households/s wall ({wall:.1f} s, {cpu:.1f} s CPU)"
        )


def _clients(count: int, households: list, explain: bool) -> tuple[int, float]:
    from guichet.simulator.batcher import MicroBatcher

    micro = MicroBatcher()
    done = []
    start = time.perf_counter()

    def client(mine):
        for situation in mine:
            micro.submit(situation, explain)
            done.append(1)

    threads = [threading.Thread(target=client, args=(households[i::count],)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(done), time.perf_counter() - start


def micro_batcher(args) -> None:
    from guichet.simulator import parse_situation

    varied = [parse_situation(d) for d in varied_households(args.concurrent * 2)]
    mixes = {
        "varied mix (1 in 3 over 55, 1 in 11 disabled)": varied[: args.concurrent],
        "no one over 55 nor disabled": [
            s for s in varied if all(p.age < 55 and p.taux_incapacite < 50 for p in s.personnes)
        ][: args.concurrent],
    }
    for label, households in mixes.items():
        print(f"micro-batcher, {label}:")
        _micro_batcher(args, households)


def _micro_batcher(args, households) -> None:
    """Throughput grows with the number of requests waiting together (bigger batches)."""
    for clients in args.clients:
        for processes in (1, 2):
            per_process = [households[i::processes] for i in range(processes)]
            work = functools.partial(_clients, clients, explain=True)
            start = time.perf_counter()
            if processes == 1:
                counts = [work(per_process[0])]
            else:
                with multiprocessing.get_context("fork").Pool(processes) as pool:
                    counts = pool.map(work, per_process)
            wall = time.perf_counter() - start
            total = sum(count for count, _ in counts)
            print(
                f"  {processes} process(es) x {clients} concurrent clients, with variants: "
                f"{total} households in {wall:.1f} s = {total / wall:.0f} households/s"
            )


def _open_loop(rate: float, households: list, first: float) -> list[tuple[float, float]]:
    """Submit each household at its arrival time (``first`` + i / ``rate``), whatever the
    answers already given; return (arrival, latency) of each."""
    from concurrent.futures import ThreadPoolExecutor

    from guichet.simulator.batcher import MicroBatcher

    micro = MicroBatcher()
    answers: list[tuple[float, float]] = []

    def request(situation, arrival):
        micro.submit(situation, True)
        answers.append((arrival, time.perf_counter() - arrival))

    with ThreadPoolExecutor(max_workers=512) as pool:
        for i, situation in enumerate(households):
            arrival = first + i / rate
            time.sleep(max(0.0, arrival - time.perf_counter()))
            pool.submit(request, situation, arrival)
    return answers


def offered_load(args) -> None:
    """Open loop: people arrive at a fixed rate, whether the earlier ones have their answer or
    not (as at a busy site), shared by 2 worker processes forked after the warm-up.  The
    workers keep up when the answers come out at the rate they arrive and the waiting time
    stays flat from the first seconds to the last."""
    from guichet.simulator import parse_situation

    for rate in args.rates:
        count = int(rate * args.load_seconds)
        varied = [parse_situation(d) for d in varied_households(count)]
        per_process = [varied[i::2] for i in range(2)]
        start = time.perf_counter() + 0.5
        work = [functools.partial(_open_loop, rate / 2, part, start) for part in per_process]
        with multiprocessing.get_context("fork").Pool(2) as pool:
            results = pool.map(_call, work)
        wall = time.perf_counter() - start
        answers = sorted(pair for part in results for pair in part)
        latencies = [latency for _, latency in answers]
        tenth = max(1, len(answers) // 10)
        first_tenth = statistics.median(latencies[:tenth])
        last_tenth = statistics.median(latencies[-tenth:])
        print(
            f"offered load, varied mix, 2 processes: {rate:.0f} households/s for "
            f"{args.load_seconds:.0f} s -> {len(answers)} of {count} answered, the last one "
            f"{wall - (count - 1) / rate:.1f} s after the last arrival; "
            f"waiting p50 {statistics.median(latencies):.2f} s, "
            f"p95 {statistics.quantiles(latencies, n=20)[-1]:.2f} s, max {max(latencies):.2f} s; "
            f"p50 of the first tenth {first_tenth:.2f} s, of the last tenth {last_tenth:.2f} s"
        )


def _call(function):
    return function()


def cli(args) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "foyers.jsonl"
        lines = [json.dumps(h, ensure_ascii=False) for h in varied_households(args.cli)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for processes in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                [
                    str(ROOT / ".venv/bin/guichet"),
                    "simuler",
                    "--json",
                    "--processus",
                    str(processes),
                    str(path),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            print(
                f"guichet simuler, {args.cli} households, --processus {processes}: {wall:.1f} s "
                f"= {args.cli / wall:.0f} households/s, start-up included ({cpu:.1f} s CPU)"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--naive-runs", type=int, default=5)
    parser.add_argument("--lever-rounds", type=int, default=2)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--concurrent", type=int, default=400)
    parser.add_argument(
        "--clients",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[16, 48],
        help="concurrent clients per process, comma-separated",
    )
    parser.add_argument(
        "--rates",
        type=lambda text: [float(n) for n in text.split(",")],
        default=[50.0, 100.0],
        help="offered loads (households per second, open loop), comma-separated",
    )
    parser.add_argument("--load-seconds", type=float, default=20.0)
    parser.add_argument("--cli", type=int, default=10000)
    args = parser.parse_args()

    start = time.perf_counter()
    from guichet.simulator import parse_situation, simulate, warm_up

    warm_up()
    situation = parse_situation(HOUSEHOLD)
    simulate([situation])
    startup = time.perf_counter() - start
    print(f"start-up to first answer: {startup:.1f} s (system built, warm-up, one household)")
    print(f"memory of a worker after warm-up: {rss_mb():.0f} MB (RSS)")
    if args.cli:  # d'abord : mesuré après les minutes de calcul qui suivent, il perdait 20 %
        cli(args)
    one_household(args, situation)
    levers(args, situation)
    batch(args)
    micro_batcher(args)
    offered_load(args)
    print(
        f"peak memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")


if __name__ == "__main__":
    main()
