"""« Mes droits », one question per screen: which questions this household needs, in order.

Pure Python, no Django: the steps, the answer keys each one sets, when each is needed, the
way forward and back, the progress, and the situation for ``guichet.simulator`` built from
the answers. The wording and the validation of each screen are in ``question_forms.py``.

The answers are a flat dict of JSON values, kept in the session (no account):
``{"mois": "2026-05", "en_couple": "oui", "nb_enfants": 2, "demandeur_age": 35,
"loyer": 450.0, "demandeur_salaire_net": 1200.5, "particularites": [], …}``. A step is
answered when every key it sets is present (an empty optional answer is stored as None), so
that answering « 3 enfants » instead of « 2 » makes the ages step unanswered again. Answers
of steps no longer needed are kept (« retour » keeps everything) but never sent to the
simulator.

Each step's ``needed`` reads only the answers of earlier steps: the path is known up to the
current question, and its length further on is an estimate (« sur environ 10 »).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

Answers = Mapping[str, object]

REVIEW = "verifier"
MAX_CHILDREN = 6
RENTING = frozenset({"locataire", "locataire_hlm"})
INCOME_KEYS = ("salaire_net", "chomage_net", "retraite_nette")
# The incomes asked for each activity, the main one first (the others may be left empty).
INCOMES_BY_ACTIVITY: dict[str, tuple[str, ...]] = {
    "salarie": ("salaire_net", "chomage_net"),
    "independant": ("salaire_net",),
    "chomeur": ("chomage_net", "salaire_net"),
    "etudiant": ("salaire_net",),
    "retraite": ("retraite_nette", "salaire_net"),
    "inactif": (),
}
# « Avant ce changement » : a lost job, a new job, the end of the unemployment benefit.
BEFORE_KEYS = ("salaire_net", "chomage_net")
LOOK_BACK_MONTHS = 12  # les aides relisent au plus les 12 derniers mois de revenus
SEPARATION_MONTHS = 18  # isolement récent : RSA majoré dans les 18 mois (art. L262-9 CASF)
PREGNANCY_MONTHS = 10  # ce mois-ci et les 9 suivants
APA_MIN_AGE = 60  # APA : 60 ans ou plus (art. L232-2 CASF)
CEJ_AGES = (16, 25)  # contrat d'engagement jeune : de 16 à 25 ans (art. L5131-6 code du travail)


# Predicates on the answers; unknown answers give the likeliest path (for the estimate).


def in_couple(answers: Answers) -> bool:
    return answers.get("en_couple") == "oui"


def children(answers: Answers) -> int:
    value = answers.get("nb_enfants")
    return value if isinstance(value, int) else 0


def adults(answers: Answers) -> tuple[str, ...]:
    return ("demandeur", "conjoint") if in_couple(answers) else ("demandeur",)


def child_prefixes(answers: Answers) -> tuple[str, ...]:
    return tuple(f"enfant_{number}" for number in range(1, children(answers) + 1))


def people(answers: Answers) -> tuple[str, ...]:
    return adults(answers) + child_prefixes(answers)


def single_parent(answers: Answers) -> bool:
    return not in_couple(answers) and children(answers) > 0


def renting(answers: Answers) -> bool:
    return answers.get("logement_statut", "locataire") in RENTING


def income_keys(prefix: str, answers: Answers) -> tuple[str, ...]:
    """The incomes asked of this adult, from the activity chosen (a wage when not known)."""
    activity = answers.get(f"{prefix}_activite")
    incomes = INCOMES_BY_ACTIVITY.get(activity, ("salaire_net",))  # type: ignore[arg-type]
    return tuple(f"{prefix}_{name}" for name in incomes)


def before_keys(prefix: str, answers: Answers) -> tuple[str, ...]:
    names = BEFORE_KEYS + (
        ("retraite_nette",) if activity_of(prefix, answers) == "retraite" else ()
    )
    return tuple(f"{prefix}_{name}_avant" for name in names)


def incomes_changed(answers: Answers) -> bool:
    return answers.get("revenus_changes") == "oui"


def situation_options(answers: Answers) -> tuple[str, ...]:
    """The situations offered to tick, for this household (« cej » only for the young…)."""
    options = ["handicap", "enceinte"]
    if not in_couple(answers):
        options.append("separation")
    if older_adults(answers):
        options.append("autonomie")
    age = answers.get("demandeur_age")
    if isinstance(age, int) and CEJ_AGES[0] <= age <= CEJ_AGES[1]:
        options.append("cej")
    options += [
        f"travail_5_ans_{p}" for p in adults(answers) if activity_of(p, answers) == "chomeur"
    ]
    return tuple(options)


# Answers that belong to one option of another answer on the same screen: when that option
# is not chosen, they are cleared when sent, left out of the review and never simulated
# (an amount typed after « Oui », then « Il n'y a pas de pension »).
CONDITIONAL: dict[str, Callable[[Answers], bool]] = {
    "pension_alimentaire": lambda answers: answers.get("pension_payee") in ("oui", "non"),
}


def applies(key: str, answers: Answers) -> bool:
    """False for an answer whose option was not chosen (see ``CONDITIONAL``)."""
    rule = CONDITIONAL.get(key)
    return rule is None or rule(answers)


def has_situation(name: str, answers: Answers) -> bool:
    """Ticked, and still offered (an answer changed since may have withdrawn it)."""
    return name in (answers.get("particularites") or ()) and name in situation_options(answers)


def older_adults(answers: Answers) -> tuple[str, ...]:
    return tuple(
        p
        for p in adults(answers)
        if isinstance(answers.get(f"{p}_age"), int) and answers[f"{p}_age"] >= APA_MIN_AGE
    )


def students(answers: Answers) -> tuple[str, ...]:
    return tuple(p for p in adults(answers) if activity_of(p, answers) == "etudiant")


def activity_of(prefix: str, answers: Answers) -> str | None:
    value = answers.get(f"{prefix}_activite")
    return value if isinstance(value, str) else None


# The steps, in the order they are asked.


@dataclass(frozen=True)
class Step:
    id: str  # also the end of its address: /mes-droits/question/<id>
    keys: Callable[[Answers], tuple[str, ...]]
    needed: Callable[[Answers], bool] = lambda answers: True

    def answered(self, answers: Answers) -> bool:
        return all(key in answers for key in self.keys(answers))


def _fixed(*keys: str) -> Callable[[Answers], tuple[str, ...]]:
    return lambda answers: keys


STEPS: tuple[Step, ...] = (
    Step("foyer", _fixed("en_couple", "nb_enfants")),
    Step("ages", lambda a: tuple(f"{prefix}_age" for prefix in people(a))),
    Step("pension", _fixed("pension_payee", "pension_alimentaire"), single_parent),
    Step("logement", _fixed("logement_statut")),
    Step("loyer", _fixed("loyer"), renting),
    Step("activite", _fixed("demandeur_activite")),
    Step(
        "revenus",
        lambda a: income_keys("demandeur", a),
        lambda a: bool(income_keys("demandeur", a)),
    ),
    Step("conjoint-activite", _fixed("conjoint_activite"), in_couple),
    Step(
        "conjoint-revenus",
        lambda a: income_keys("conjoint", a),
        lambda a: in_couple(a) and bool(income_keys("conjoint", a)),
    ),
    Step(
        "etudes",
        lambda a: tuple(f"{prefix}_etablissement" for prefix in students(a)),
        lambda a: bool(students(a)),
    ),
    Step("changement", _fixed("revenus_changes")),
    Step("depuis", _fixed("changement_depuis"), incomes_changed),
    Step(
        "avant",
        lambda a: tuple(key for prefix in adults(a) for key in before_keys(prefix, a)),
        incomes_changed,
    ),
    Step("situations", _fixed("particularites")),
    Step(
        "handicap",
        lambda a: tuple(f"{prefix}_taux_incapacite" for prefix in people(a)),
        lambda a: has_situation("handicap", a),
    ),
    Step(
        "autonomie",
        lambda a: tuple(f"{prefix}_gir" for prefix in older_adults(a)),
        lambda a: has_situation("autonomie", a),
    ),
    Step("naissance", _fixed("naissance_prevue"), lambda a: has_situation("enceinte", a)),
    Step("separation", _fixed("separation_depuis"), lambda a: has_situation("separation", a)),
)
BY_ID = {step.id: step for step in STEPS}


def path(answers: Answers) -> list[Step]:
    """The steps this household needs, in order (further on: an estimate)."""
    return [step for step in STEPS if step.needed(answers)]


def _ids(answers: Answers) -> list[str]:
    return [step.id for step in path(answers)]


def resume(answers: Answers) -> str:
    """Where to start again: the first needed step not answered, or the review."""
    return next((s.id for s in path(answers) if not s.answered(answers)), REVIEW)


def complete(answers: Answers) -> bool:
    return resume(answers) == REVIEW


def reachable(answers: Answers, step_id: str) -> bool:
    """A needed step whose earlier steps are all answered (no skipping ahead by address)."""
    if step_id == REVIEW:
        return complete(answers)
    ids = _ids(answers)
    if step_id not in ids:
        return False
    return all(BY_ID[earlier].answered(answers) for earlier in ids[: ids.index(step_id)])


def next_step(answers: Answers, step_id: str, revisiting: bool = False) -> str:
    """After a step is answered: the next needed step, or the review.

    Coming from the review (« modifier »), only the questions the change opened are asked
    (e.g. the spouse's age after « en couple »), then the review again.
    """
    if revisiting:
        return resume(answers)
    ids = _ids(answers)
    later = ids[ids.index(step_id) + 1 :] if step_id in ids else []
    return later[0] if later else resume(answers)


def previous_step(answers: Answers, step_id: str) -> str | None:
    ids = _ids(answers)
    if step_id == REVIEW:
        return ids[-1] if ids else None
    if step_id not in ids:
        return None
    position = ids.index(step_id)
    return ids[position - 1] if position else None


def progress(answers: Answers, step_id: str) -> tuple[int, int]:
    """(number of this question, estimated number of questions), the review apart."""
    ids = _ids(answers)
    number = ids.index(step_id) + 1 if step_id in ids else len(ids)
    return number, len(ids)


def step_of_key(answers: Answers, key: str | None) -> str | None:
    return next((step.id for step in path(answers) if key in step.keys(answers)), None)


# Months offered to choose from.


def month_index(month: str) -> int:
    """« 2026-05 » → a number of months, to count the months between two."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def recent_months(month: str, count: int = LOOK_BACK_MONTHS, step: int = -1) -> list[str]:
    """« 2026-05 » → ["2026-05", "2026-04", …], the current month first (step=1: ahead)."""
    index = month_index(month)
    return [
        f"{(index + n * step) // 12:04d}-{(index + n * step) % 12 + 1:02d}" for n in range(count)
    ]
