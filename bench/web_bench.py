"""« Mes droits » through the real web server: printed figures only, never asserted in tests.

Run after ``make setup`` (``make bench`` does):
.venv/bin/python bench/web_bench.py [--households 240] [--clients 16]

Starts gunicorn as ``make run`` does (``--preload``: the engines are built and warmed
up once, then the workers fork; ``--threads 8``), and measures:

* start-up to first answer: from launching gunicorn to the first results page;
* memory of each worker: RSS, and PSS (its share of the pages it shares with the
  master and the other worker after the fork);
* households per second with ``--clients`` concurrent people, each filling the expert
  form and reading the results page (three HTTP requests, a session each), against
  the naive baseline measured in the same run: one thread per worker, so that each
  request is computed alone, as with gunicorn's default sync workers.

The machine may be shared: the load average is printed at the end.  The people are
threads of this process, on the same cores as the server.

Where the time goes (2026-12-04, CPU of each worker thread read in ``/proc/<pid>/task``):
a household costs about 150 ms of CPU, two thirds in the engine thread (batches stay at
most as big as a worker's threads) and a third in the request threads (forms, templates,
session); both cores are full, hence 11 to 13 households/s where the simulator alone
sustains 100/s with bigger batches (``simulator_bench.py``, offered load).  24 threads per
worker were slower (7/s): more threads only compete with the engine thread for the GIL.
Next: an engine process per worker, so that threads can rise and batches grow; lighter
pages.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RESULTS_HEADING = "Les aides que vous pourriez avoir"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def form_of(i: int) -> dict[str, str]:
    """A varied household for the expert form (sizes, ages, incomes, housing)."""
    statuses = ["locataire", "locataire_hlm", "heberge_gratuit", "proprietaire"]
    form = {
        "mois": time.strftime("%Y-%m"),  # le mois courant, comme le formulaire
        "logement_statut": statuses[i % 4],
        "demandeur_age": str(20 + i % 45),
        "demandeur_salaire_net": str((i * 37) % 1900),
    }
    if form["logement_statut"].startswith("locataire"):
        form["loyer"] = str(300 + (i * 13) % 500)
    if i % 3 == 0:
        form |= {"en_couple": "on", "conjoint_age": str(22 + i % 40)}
    for number in range(1, i % 4 + 1):
        form[f"enfant_{number}_age"] = str((i + 5 * number) % 18)
    return form


class Person:
    """One browser: its own cookies (session, CSRF)."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=120) as response:
            return response.read().decode()

    def rights(self, form: dict[str, str]) -> None:
        token = TOKEN.search(self.get("/mes-droits/expert")).group(1)
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + "/mes-droits/expert", data=data, headers={"Referer": self.base}
        )
        with self.opener.open(request, timeout=120) as response:  # suit la redirection
            page = response.read().decode()
        if RESULTS_HEADING not in page:
            raise RuntimeError(f"no results page for {form}")


class Server:
    def __init__(self, threads: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [
            str(ROOT / ".venv/bin/gunicorn"),
            "guichet_web.wsgi",
            "--preload",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
            "--threads",
            str(threads),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def first_answer(self) -> float:
        """Seconds from launch to the first results page."""
        while True:
            try:
                Person(self.base).rights(form_of(1))
                return time.perf_counter() - self.started
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn stopped") from None
                time.sleep(0.2)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of a process, in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            values[name] = int(rest.split()[0]) / 1024
    return values.get("Rss", float("nan")), values.get("Pss", float("nan"))


def throughput(base: str, households: int, clients: int) -> float:
    forms = [form_of(i) for i in range(households)]
    errors: list[Exception] = []

    def client(mine: list[dict]) -> None:
        person = Person(base)
        for form in mine:
            try:
                person.rights(form)
            except Exception as error:  # compté et montré : la mesure ne cache rien
                errors.append(error)

    threads = [threading.Thread(target=client, args=(forms[i::clients],)) for i in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if errors:
        print(f"  {len(errors)} request(s) failed, first: {errors[0]!r}")
    return (households - len(errors)) / wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=240)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    rates = {}
    for threads in (1, args.threads):
        server = Server(threads)
        try:
            startup = server.first_answer()
            label = "naive: 1 thread per worker" if threads == 1 else f"{threads} threads"
            print(f"gunicorn, 2 workers, {label}: start-up to first answer {startup:.1f} s")
            for pid in server.workers():
                rss, pss = memory_mb(pid)
                print(f"  worker {pid}: {rss:.0f} MB RSS, {pss:.0f} MB PSS (shared pages split)")
            rates[threads] = throughput(server.base, args.households, args.clients)
            print(
                f"  {args.clients} concurrent people, {args.households} households "
                f"(form + results): {rates[threads]:.0f} households/s"
            )
        finally:
            server.stop()
    print(f"ratio micro-batched / naive: {rates[args.threads] / rates[1]:.1f}")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")


if __name__ == "__main__":
    main()
