"""Less bookkeeping per engine call: cached values read directly, period arithmetic remembered,
variables that are always zero for our format neutralised.

Measured on one household (2 cores, shared): the engine makes about 34 000
``calculate`` calls for 7 000 formula runs; four calls out of five read a
value already computed, and each pays the tracer, the period checks and a
``periods.period()`` dispatch (about 25 µs).  ``FastSimulation`` returns a
cached value straight from the holder's memory when the period is already a
``Period``; anything else (a value to compute, a neutralised variable, an
eternal one, tracing on) takes the engine's own path, unchanged.

The engine's cycle handling is untouched: a cached read never pushes a frame
on the tracer's stack (it is pushed and popped at once in the engine), so the
frames seen when a cycle is cut are the same.

``remember_period_arithmetic`` caches ``Period.offset``, ``Instant.offset``
and ``Period.stop``: periods are immutable, and each call otherwise goes
through pendulum's date arithmetic.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
from openfisca_core.parameters import ParameterNodeAtInstant, VectorialParameterNodeAtInstant
from openfisca_core.periods import YEAR, Instant, Period
from openfisca_core.simulations import Simulation

NEUTRALISED_FILE = Path(__file__).with_name("data") / "neutralised.txt"
_patched = False
_lookups_patched = False
ENGINE_LOOKUP = VectorialParameterNodeAtInstant.build_from_node_name  # celle du moteur


class FastSimulation(Simulation):
    """A ``Simulation`` whose cached reads skip the engine's bookkeeping."""

    _storages: dict

    def calculate(self, variable_name: str, period):
        if period.__class__ is Period and not self.trace:
            storage = self._storages.get(variable_name)
            if storage is None:
                storage = self._storage_of(variable_name)
            if storage.__class__ is _Neutral:
                return storage.default
            if storage is not False:
                value = storage._arrays.get(period)
                if value is not None:
                    return value
        return Simulation.calculate(self, variable_name, period)

    def _calculate(self, variable_name: str, period):
        """The engine's own path, except that a year before the window keeps its default too.

        The engine compares periods as tuples, so a year is never « before » the first
        month of the window: the revenu fiscal de référence of year N-2 read for the CSG
        of a month of 2024 ran its formula for 2022, met the one of 2024 higher in the
        stack, and the engine's spiral guard threw away the whole chain (the rfr of 2024
        was computed again for each month).  Every income is zero there: the value is
        the same (tested in ``test_engine_window.py``); with the rfr of N-2 computed first
        (``incomes.ReplacementSolver``), three times fewer formula runs when solving
        pensions and unemployment benefit.
        """
        start = self.start_computation_period
        if start is not None and period.unit == YEAR and period.start < start.start:
            holder = self.get_holder(variable_name)
            value = holder.get_array(period)
            return holder.default_array() if value is None else value
        return Simulation._calculate(self, variable_name, period)

    def _storage_of(self, variable_name: str):
        holder = self.get_holder(variable_name)
        storage = holder._memory_storage
        if holder.variable.is_neutralized:
            self._storages[variable_name] = _Neutral(holder.default_array())
        elif storage.is_eternal or holder._disk_storage:
            self._storages[variable_name] = False
        else:
            self._storages[variable_name] = storage
        return self._storages[variable_name]


class _Neutral:
    """A neutralised variable: always its default value (one array, shared like a cached one)."""

    __slots__ = ("default",)

    def __init__(self, default):
        self.default = default


def faster(simulation: Simulation) -> Simulation:
    """The same simulation object, with the fast read path."""
    simulation.__class__ = FastSimulation
    simulation._storages = {}
    return simulation


def remember_period_arithmetic() -> None:
    """Cache the pure date arithmetic of periods and instants (once per process)."""
    global _patched
    if _patched:
        return
    Instant.offset = functools.lru_cache(maxsize=65536)(Instant.offset)
    Period.offset = functools.lru_cache(maxsize=65536)(Period.offset)
    stop = Period.stop.fget
    Period.stop = property(functools.lru_cache(maxsize=65536)(stop))
    _patched = True


def look_up_parameters_once_per_value() -> None:
    """Parameters indexed by a variable (a zone, a status…) looked up once per distinct value.

    The engine looks them up row by row (``VectorialParameterNodeAtInstant``: one
    Python lookup per household and per level of the parameter tree), a tenth of a
    1 000-household simulation; most rows share a few values.  Keys of text, integers
    or dates are reduced to their distinct values and the rows take theirs back
    (same values, same types: tested in ``test_engine_speed.py``); other keys take the
    engine's path.  Once per process.
    """
    global _lookups_patched
    if _lookups_patched:
        return

    def build_from_node_name(node, key):
        keys = VectorialParameterNodeAtInstant._get_appropriate_keys(key)
        if not isinstance(keys, np.ndarray) or keys.dtype.kind not in "UiM" or not len(keys):
            return ENGINE_LOOKUP(node, key)
        VectorialParameterNodeAtInstant.check_node_vectorisable(node)
        distinct, rows = np.unique(keys, return_inverse=True)
        subnode_key = VectorialParameterNodeAtInstant._get_appropriate_subnode_function(distinct[0])
        nodes = [node[subnode_key(node, k)] for k in distinct]
        return _DistinctValuesNode.of(nodes, rows.reshape(-1), node._name, node._instant_str)

    VectorialParameterNodeAtInstant.build_from_node_name = staticmethod(build_from_node_name)
    _lookups_patched = True


class _DistinctValuesNode(VectorialParameterNodeAtInstant):
    """A vectorial parameter node kept as its distinct nodes and, for each row, its own."""

    def __init__(self, distinct, rows, name, instant_str) -> None:
        self.distinct = distinct
        self.rows = rows
        self._name = name
        self._instant_str = instant_str

    @classmethod
    def of(cls, nodes, rows, name, instant_str):
        if isinstance(nodes[0], ParameterNodeAtInstant):
            return cls(nodes, rows, name, instant_str)
        return np.array(nodes)[rows]

    @property
    def vector(self):  # la forme du moteur : un nœud par ligne
        return [self.distinct[i] for i in self.rows]

    def __getitem__(self, key):
        if isinstance(key, str):
            return self.of(
                [node[key] for node in self.distinct], self.rows, self._name, self._instant_str
            )
        return VectorialParameterNodeAtInstant.__getitem__(self, key)


def neutralised_variables(path: Path = NEUTRALISED_FILE) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def neutralise(tbs) -> None:
    """Variables always at their default for our situation format return it without computing.

    The list (``data/neutralised.txt``) holds variables with a formula whose every
    input is one the format never sets (self-employment, capital income, overseas
    residence…), found on a traced computation of varied households; tested in
    ``test_engine_speed.py`` (same results as the full system).
    """
    for name in neutralised_variables():
        tbs.neutralize_variable(name)
