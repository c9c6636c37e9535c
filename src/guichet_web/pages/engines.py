"""The pure-Python engines the pages call, behind one seam that tests can replace."""

from __future__ import annotations


def need_matcher():
    """guichet.matching's matcher, built once per process (warmed up by wsgi.py)."""
    from guichet.matching import get_matcher

    return get_matcher()


def simulator():
    """guichet.simulator: parse_situation, simulate and SituationError."""
    from guichet import simulator as module

    return module


def letters():
    """guichet.letters: explain, explain_file and LetterError."""
    from guichet import letters as module

    return module


def simulate_one(situation):
    """One household's result, through the simulator's micro-batcher when it has one.

    Concurrent requests then share one vectorised OpenFisca run (guichet.simulator.batcher);
    otherwise, and for a simulator replaced in tests, ``simulate([situation])``.
    """
    module = simulator()
    submit = getattr(_batcher(module), "submit", None)
    if submit is None:
        return module.simulate([situation])[0]
    answer = submit(situation)
    return answer.result() if callable(getattr(answer, "result", None)) else answer


def _batcher(module):
    import importlib
    import types

    if not isinstance(module, types.ModuleType):
        return getattr(module, "batcher", None)
    try:
        return importlib.import_module(f"{module.__name__}.batcher")
    except ImportError:
        return None
