"""Benefits that are zero for a whole batch, given to the engine as zero instead of computed.

Many benefits read other benefits over past months: the complémentaire santé
solidaire reads twelve months of AAH, ASI, ASS and ASPA, the RSA reads three…
and each of those reads its own past.  When no household of a batch can get a
benefit — nobody with a 50 % incapacity (AAH, art. L821-1 CSS; ASI,
art. L815-24 CSS; AEEH, art. L541-1 CSS), nobody close to the ASPA's age
(art. L815-1 CSS), nobody who worked 5 years out of 10 (ASS, art. R5423-1 code
du travail), no young person (CEJ), no student, no GIR, no expected child —
it is set to zero as an input over the whole window, and the engine does not
compute it.

A household's results do not depend on its batch: a benefit is only given as
zero when it would be zero for every household of the batch, and households are
grouped by their zero benefits of the AAH-ASI-ASPA-ASS cycle (``signature``):
the engine cuts that cycle, and where it cuts depends on what it computes
(tested in ``test_engine.py`` and ``test_engine_speed.py``, batch against one by one).
A household where no one can get the AAH nor the ASI (``free_of_the_cycle``) has
the same results whichever of the four its group computes: it joins a group that
gives fewer of them as zero (never more, which would change the others' results), so
that a request of varied households needs fewer simulations (measured in
``bench/simulator_bench.py``, tested in ``test_engine_speed.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from guichet.simulator.situation import Person

# L'ASPA commence à 65 ans, ou à l'âge légal de la retraite en cas d'inaptitude ou
# d'incapacité (art. L815-1 CSS ; moteur : aah.age_legal_retraite, au moins 62 ans depuis
# 2017, et les mois calculés commencent en 2020). Fenêtre jusqu'en décembre de l'année N :
# une personne de moins de 60 ans au mois calculé n'a pas 62 ans avant sa fin.
ASPA_AGE_MARGIN = 60


@dataclass(frozen=True)
class Shortcut:
    benefit: str  # identifiant du résultat (explications sautées aussi)
    variables: tuple[str, ...]
    zero: Callable[[list[Person]], bool]  # True : nul pour toutes les personnes du lot
    whole_window: bool = True  # lu sur les mois passés ; sinon seulement le mois calculé
    # In the cycle AAH - ASI - ASPA - ASS (they read each other): computing it or not
    # changes where the engine cuts the cycle, so households are grouped by it.
    cycle: bool = False


def _no_disability(persons: list[Person]) -> bool:
    return all(p.taux_incapacite < 50 for p in persons)


def _too_young_for_the_aspa(persons: list[Person]) -> bool:
    """No one close to the ASPA's age, and no one with a disability.

    A household with a disability computes the ASPA whatever its age: the AAH, the
    ASI and the ASPA read each other, and its group then gives only the ASS as zero,
    so that every household of a request, old or young, can join it (one simulation
    for a varied request instead of two; ``bench/simulator_bench.py``).
    """
    return all(p.age < ASPA_AGE_MARGIN and p.taux_incapacite < 50 for p in persons)


SHORTCUTS = (
    Shortcut("aah", ("aah", "caah"), _no_disability, cycle=True),
    Shortcut("asi", ("asi",), _no_disability, cycle=True),
    Shortcut(
        "aeeh",
        ("aeeh",),
        lambda persons: all(p.taux_incapacite < 50 for p in persons if p.role == "enfant"),
    ),
    Shortcut("aspa", ("aspa",), _too_young_for_the_aspa, cycle=True),
    Shortcut(
        "ass",
        ("ass",),
        lambda persons: not any(p.travail_5_ans_sur_10 for p in persons),
        cycle=True,
    ),
    Shortcut(
        "cej",
        ("contrat_engagement_jeune",),
        lambda persons: (
            not any(15 <= p.age <= 26 or (p.taux_incapacite >= 50 and p.age <= 30) for p in persons)
        ),
        whole_window=False,
    ),
    Shortcut(
        "bourse-etudiant",
        ("bourse_criteres_sociaux",),
        # Lue aussi sur les mois passés (« boursier » : aides au logement, CSS) ; sans
        # établissement d'enseignement supérieur, nulle sur toute la fenêtre.
        lambda persons: not any(p.etablissement_superieur for p in persons),
    ),
    Shortcut(
        "apa",
        ("apa_domicile",),
        lambda persons: not any(p.gir for p in persons),
        whole_window=False,
    ),
    Shortcut(
        "paje-naissance",
        ("paje_naissance",),
        lambda persons: not any(p.role == "enfant" and p.naissance_prevue for p in persons),
    ),
)


def zero_benefits(persons: list[Person]) -> list[Shortcut]:
    """The shortcuts that apply to a batch of persons."""
    return [shortcut for shortcut in SHORTCUTS if shortcut.zero(persons)]


def signature(persons: list[Person]) -> frozenset[str]:
    """What a household's computation depends on: its zero benefits of the AAH-ASI cycle.

    The other zero benefits are given as zero only when zero for the whole batch:
    computing them or not changes no value (checked: batch against one by one on
    random mixes, ``test_engine_speed.py``).
    """
    return frozenset(s.benefit for s in zero_benefits(persons) if s.cycle)


def free_of_the_cycle(signature_: frozenset[str]) -> bool:
    """No one of the household can get the AAH nor the ASI (art. L821-1, L815-24 CSS).

    The engine's cut of the cycle then only falls on values that are zero for it, or is
    undone (the engine recomputes the values it invalidated): its results are the same
    whether its group computes the ASPA or the ASS or not.  Measured: households of all
    kinds, ASPA and ASS recipients among them, computed with AAH cases and alone
    (``test_engine_speed.py``); a person with a disability was found to depend on it.
    """
    return {"aah", "asi"} <= signature_


def set_zero_benefits(tbs, simulation, batch) -> set[str]:
    """Give the batch's zero benefits to the engine; return their ids (explanations skip them)."""
    applied = zero_benefits(batch.persons)
    for shortcut in applied:
        months = batch.months if shortcut.whole_window else [batch.mois]
        for variable in shortcut.variables:
            population = simulation.get_variable_population(variable)
            zeros = np.zeros(population.count, dtype=tbs.get_variable(variable).dtype)
            for month in months:
                simulation.set_input(variable, month, zeros)
    return {shortcut.benefit for shortcut in applied}
