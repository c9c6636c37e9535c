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
