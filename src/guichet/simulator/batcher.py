"""Concurrent requests computed together: a micro-batcher in front of the engine.

A web worker may receive several « Mes droits » requests at once.  Each caller
puts its household in a thread-safe queue and waits; one engine thread takes
every household that arrived within ``WINDOW`` seconds of the first one (at
most ``MAX_HOUSEHOLDS``) and computes them in one call to ``simulate`` — one
vectorised simulation per group of similar households instead of one per
request.  A household's result does not depend on the others of its batch
(``api.simulate``), so batching changes speed, never answers.

Usage from the web::

    from guichet.simulator.batcher import submit

    result = submit(situation)  # HouseholdResult, or SituationError for a raw dict

The engine thread is started lazily and again after a fork (gunicorn workers
forked after ``warm_up()`` each get their own thread and queue).
"""

from __future__ import annotations

import os
import queue
import threading
import time
from concurrent.futures import Future

from guichet.simulator.api import simulate
from guichet.simulator.results import HouseholdResult
from guichet.simulator.situation import Situation, parse_situation

WINDOW = 0.05  # secondes : les demandes arrivées dans ce délai partent ensemble
MAX_HOUSEHOLDS = 200  # par calcul : au-delà, attendre ferait trop attendre les premiers


class MicroBatcher:
    """A queue of households and one engine thread that computes them by batches."""

    def __init__(self, window: float = WINDOW, max_households: int = MAX_HOUSEHOLDS):
        self.window = window
        self.max_households = max_households
        self._guard = threading.Lock()
        self._pid = None
        self._queue: queue.Queue = queue.Queue()
        self.batches: list[int] = []  # taille de chaque calcul (pour les mesures)

    def submit(
        self, situation: Situation, explain: bool = True, timeout: float | None = None
    ) -> HouseholdResult:
        """The household's result, computed with the households submitted at the same time."""
        future: Future = Future()
        self._ensure_thread()
        self._queue.put((situation, explain, future))
        return future.result(timeout)

    def _ensure_thread(self) -> None:
        with self._guard:
            if self._pid != os.getpid():  # premier appel, ou processus issu d'un fork
                self._queue = queue.Queue()
                self._pid = os.getpid()
                threading.Thread(target=self._serve, name="guichet-simulateur", daemon=True).start()

    def _serve(self) -> None:
        while True:
            items = [self._queue.get()]
            deadline = time.monotonic() + self.window
            while len(items) < self.max_households:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    items.append(self._queue.get(timeout=remaining))
                except queue.Empty:
                    break
            self._compute(items)

    def _compute(self, items: list) -> None:
        self.batches.append(len(items))
        for explain in (True, False):
            chosen = [item for item in items if item[1] is explain]
            if not chosen:
                continue
            try:
                results = simulate([situation for situation, _, _ in chosen], explain)
            except Exception as error:  # simulate ne lève pas ; par prudence, personne n'attend
                for _, _, future in chosen:
                    future.set_exception(error)
                continue
            for (_, _, future), result in zip(chosen, results, strict=True):
                future.set_result(result)


_default = MicroBatcher()


def submit(situation: Situation | dict, explain: bool = True) -> HouseholdResult:
    """Compute one household through the process's micro-batcher.

    ``situation`` is a parsed ``Situation`` or the raw JSON dict of the format (then
    validated here: a ``SituationError`` is raised before anything is queued).
    """
    if not isinstance(situation, Situation):
        situation = parse_situation(situation)
    return _default.submit(situation, explain)
