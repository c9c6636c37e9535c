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

import re
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
SPECIAL_SITUATIONS = ("handicap", "enceinte")
LOOK_BACK_MONTHS = 12  # les aides relisent au plus les 12 derniers mois de revenus


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
    names = BEFORE_KEYS + (("retraite_nette",) if _activity(prefix, answers) == "retraite" else ())
    return tuple(f"{prefix}_{name}_avant" for name in names)


def incomes_changed(answers: Answers) -> bool:
    return answers.get("revenus_changes") == "oui"


def has_situation(name: str, answers: Answers) -> bool:
    return name in (answers.get("particularites") or ())


def _activity(prefix: str, answers: Answers) -> str | None:
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
    Step("pension", _fixed("pension_alimentaire"), single_parent),
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


# From the answers to the simulator's situation (shared/eval/README.md).


def recent_months(month: str, count: int = LOOK_BACK_MONTHS) -> list[str]:
    """« 2026-05 » → ["2026-05", "2026-04", …], the current month first."""
    year, number = int(month[:4]), int(month[5:7])
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{number:02d}")
        year, number = (year - 1, 12) if number == 1 else (year, number - 1)
    return months


def _amount(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _adult(prefix: str, answers: Answers) -> dict:
    incomes = {name: 0.0 for name in INCOME_KEYS}
    for key in income_keys(prefix, answers):
        incomes[key.removeprefix(f"{prefix}_")] = _amount(answers.get(key))
    if prefix == "demandeur" and single_parent(answers):
        incomes["pension_alimentaire_recue"] = _amount(answers.get("pension_alimentaire"))
    person = {"role": prefix, "age": answers[f"{prefix}_age"], "revenus_mensuels": incomes}
    activity = _activity(prefix, answers)
    if activity:
        person["activite"] = activity
    _add_handicap(person, prefix, answers)
    if prefix == "demandeur" and has_situation("enceinte", answers):
        person["enceinte"] = True
    change = _change(prefix, answers, incomes)
    if change:
        person["changement"] = change
    return person


def _add_handicap(person: dict, prefix: str, answers: Answers) -> None:
    rate = answers.get(f"{prefix}_taux_incapacite")
    if has_situation("handicap", answers) and isinstance(rate, int) and rate > 0:
        person["taux_incapacite"] = rate


def _change(prefix: str, answers: Answers, incomes: dict) -> dict | None:
    """The incomes before the change, for the months that the benefits look back on.

    Left empty for a person: their incomes did not change. Filled in part: what was not
    written was 0 then (a job lost: the unemployment benefit was 0 before).
    """
    if not incomes_changed(answers) or not answers.get("changement_depuis"):
        return None
    keys = before_keys(prefix, answers)
    if all(answers.get(key) is None for key in keys):
        return None
    before = dict(incomes)
    for key in keys:
        before[key.removeprefix(f"{prefix}_").removesuffix("_avant")] = _amount(answers.get(key))
    return {"depuis": answers["changement_depuis"], "revenus_mensuels_avant": before}


def situation(answers: Answers, with_change: bool = True) -> tuple[dict, list[str]]:
    """The situation, and for each person the prefix of its answer keys (to place errors).

    ``with_change=False`` leaves out the incomes before a change (for a simulator that does
    not read them yet).
    """
    housing: dict = {"statut": answers["logement_statut"]}
    if renting(answers):
        housing["loyer"] = _amount(answers.get("loyer"))
    persons = [_adult(prefix, answers) for prefix in adults(answers)]
    for prefix in child_prefixes(answers):
        child = {"role": "enfant", "age": answers[f"{prefix}_age"]}
        _add_handicap(child, prefix, answers)
        persons.append(child)
    if not with_change:
        for person in persons:
            person.pop("changement", None)
    data = {"mois": answers["mois"], "logement": housing, "personnes": persons}
    return data, list(people(answers))


def locate(champ: str, prefixes: list[str]) -> str | None:
    """The answer key behind the simulator's field path, or None.

    « personnes[1].revenus_mensuels.salaire_net » → « conjoint_salaire_net »;
    « personnes[0].changement.revenus_mensuels_avant.chomage_net » → « demandeur_chomage_net_avant ».
    """
    parts = re.findall(r"[a-z_]+|\d+", champ or "")
    if parts[:1] == ["logement"]:
        return "loyer" if parts[-1] == "loyer" else "logement_statut"
    if parts[:1] != ["personnes"] or len(parts) < 2 or not parts[1].isdigit():
        return None
    index = int(parts[1])
    if index >= len(prefixes):
        return None
    prefix, rest = prefixes[index], parts[2:]
    if "changement" in rest:
        if rest[-1] in INCOME_KEYS:
            return f"{prefix}_{rest[-1]}_avant"
        return "changement_depuis"
    leaf = rest[-1] if rest else "age"
    if leaf == "pension_alimentaire_recue":
        return "pension_alimentaire"
    if leaf == "enceinte":
        return "particularites"
    return f"{prefix}_{leaf}"
