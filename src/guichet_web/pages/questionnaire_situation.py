"""« Mes droits », one question per screen: from the answers to the simulator's situation.

Pure Python, no Django. Only the answers of the steps this household needs are sent (an
answer kept from a path since left, e.g. a rent before « hébergé gratuitement », is not);
the format is the one of shared/eval/README.md, with the simulator's optional fields
(``changement``, ``pension_alimentaire_impayee``, ``naissance_prevue``…).
"""

from __future__ import annotations

import re

from .questionnaire import (
    INCOME_KEYS,
    Answers,
    activity_of,
    adults,
    applies,
    before_keys,
    child_prefixes,
    has_situation,
    in_couple,
    income_keys,
    incomes_changed,
    older_adults,
    people,
    renting,
    single_parent,
)

ESTABLISHMENTS = ("public", "prive_sous_contrat", "prive_hors_contrat")


def _amount(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _adult(prefix: str, answers: Answers) -> dict:
    incomes = {name: 0.0 for name in INCOME_KEYS}
    for key in income_keys(prefix, answers):
        incomes[key.removeprefix(f"{prefix}_")] = _amount(answers.get(key))
    person = {"role": prefix, "age": answers[f"{prefix}_age"], "revenus_mensuels": incomes}
    activity = activity_of(prefix, answers)
    if activity:
        person["activite"] = activity
    _add_handicap(person, prefix, answers)
    if prefix == "demandeur":
        _add_applicant_facts(person, answers)
    establishment = answers.get(f"{prefix}_etablissement")
    if activity == "etudiant" and establishment in ESTABLISHMENTS:
        person["etablissement_superieur"] = establishment
    if has_situation(f"travail_5_ans_{prefix}", answers):
        person["travail_5_ans_sur_10"] = True
    gir = answers.get(f"{prefix}_gir")
    evaluated = isinstance(gir, str) and gir.isdigit()
    if evaluated and has_situation("autonomie", answers) and prefix in older_adults(answers):
        person["gir"] = int(gir)
    change = _change(prefix, answers, incomes)
    if change:
        person["changement"] = change
    return person


def _add_applicant_facts(person: dict, answers: Answers) -> None:
    """Child support (ASF), pregnancy (PAJE), contrat d'engagement jeune: on the applicant."""
    if single_parent(answers):
        paid = applies("pension_alimentaire", answers)
        amount = _amount(answers.get("pension_alimentaire")) if paid else 0.0
        person["revenus_mensuels"]["pension_alimentaire_recue"] = amount
        person["pension_alimentaire_impayee"] = answers.get("pension_payee") != "oui"
    if has_situation("enceinte", answers):
        person["enceinte"] = True
        if answers.get("naissance_prevue"):
            person["naissance_prevue"] = answers["naissance_prevue"]
    if has_situation("cej", answers):
        person["cej"] = True


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


def situation(answers: Answers) -> tuple[dict, list[str]]:
    """The situation, and for each person the prefix of its answer keys (to place errors)."""
    housing: dict = {"statut": answers["logement_statut"]}
    if renting(answers):
        housing["loyer"] = _amount(answers.get("loyer"))
    persons = [_adult(prefix, answers) for prefix in adults(answers)]
    for prefix in child_prefixes(answers):
        child = {"role": "enfant", "age": answers[f"{prefix}_age"]}
        _add_handicap(child, prefix, answers)
        persons.append(child)
    data = {"mois": answers["mois"], "logement": housing, "personnes": persons}
    if has_situation("separation", answers) and answers.get("separation_depuis"):
        data["separation_depuis"] = answers["separation_depuis"]
    return data, list(people(answers))


# The simulator's person fields that are answered once, or under another name.
APPLICANT_KEYS = {
    "pension_alimentaire_recue": "pension_alimentaire",
    "pension_alimentaire_impayee": "pension_payee",
    "enceinte": "particularites",
    "naissance_prevue": "naissance_prevue",
    "cej": "particularites",
    "travail_5_ans_sur_10": "particularites",
}
PERSON_KEYS = {"etablissement_superieur": "etablissement"}


def locate(
    champ: str,
    prefixes: list[str],
    *,
    applicant_keys: dict[str, str] = APPLICANT_KEYS,
    person_keys: dict[str, str] = PERSON_KEYS,
) -> str | None:
    """The answer key behind the simulator's field path, or None.

    « personnes[1].revenus_mensuels.salaire_net » → « conjoint_salaire_net »;
    « personnes[0].changement.revenus_mensuels_avant.chomage_net » → « demandeur_chomage_net_avant ».
    The one-page form (pages/rights.py) names its fields alike, with its own ``applicant_keys``.
    """
    parts = re.findall(r"[a-z_]+|\d+", champ or "")
    if parts[:1] == ["logement"]:
        return "loyer" if parts[-1] == "loyer" else "logement_statut"
    if parts[:1] in (["separation_depuis"], ["mois"]):
        return parts[0]
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
    return applicant_keys.get(leaf) or f"{prefix}_{person_keys.get(leaf, leaf)}"


def as_expert_form(answers: Answers) -> dict:
    """The same household as the one-page form's fields (pages/rights.py ``RightsForm``).

    For whatever reads the one-page form's answers (a resume code taken to the desk, the
    form itself). Every answer of the questionnaire has its field there: the form gives the
    simulator the same household (tested).
    """
    data, prefixes = situation(answers)
    form = {"mois": data["mois"], "logement_statut": data["logement"]["statut"]}
    if "loyer" in data["logement"]:
        form["loyer"] = _text(data["logement"]["loyer"])
    if "separation_depuis" in data:
        form["separation_depuis"] = data["separation_depuis"]
    children = 0
    for prefix, person in zip(prefixes, data["personnes"], strict=True):
        if person["role"] == "enfant":
            children += 1
            form[f"enfant_{children}_age"] = str(person["age"])
            if person.get("taux_incapacite"):
                form[f"enfant_{children}_taux_incapacite"] = str(person["taux_incapacite"])
            continue
        form.update(_adult_as_expert_form(prefix, person, answers))
    if in_couple(answers):
        form["en_couple"] = "on"
    return form


def _adult_as_expert_form(prefix: str, person: dict, answers: Answers) -> dict:
    form = {f"{prefix}_age": str(person["age"]), f"{prefix}_activite": person.get("activite", "")}
    for name, amount in person["revenus_mensuels"].items():
        if amount:
            form[f"{prefix}_{name}"] = _text(amount)
    if person.get("taux_incapacite"):
        form[f"{prefix}_taux_incapacite"] = str(person["taux_incapacite"])
    if person.get("enceinte"):
        form[f"{prefix}_enceinte"] = "on"
    if person.get("pension_alimentaire_impayee"):
        answer = answers.get("pension_payee")  # « non » or « aucune »: the same for the ASF
        form["pension_payee"] = answer if answer in ("non", "aucune") else "non"
    elif "pension_alimentaire_impayee" in person:
        form["pension_payee"] = "oui"
    for key, name in (
        ("naissance_prevue", "naissance_prevue"),
        ("etablissement_superieur", "etablissement"),
        ("gir", "gir"),
    ):
        if key in person:
            form[f"{prefix}_{name}"] = str(person[key])
    for key in ("travail_5_ans_sur_10", "cej"):
        if person.get(key):
            form[f"{prefix}_{key}"] = "on"
    change = person.get("changement")
    if change:
        form["changement_depuis"] = change["depuis"]
        for name in INCOME_KEYS:
            form[f"{prefix}_{name}_avant"] = _text(change["revenus_mensuels_avant"][name])
    return form


def _text(amount: float) -> str:
    return f"{amount:.2f}".replace(".", ",").removesuffix(",00")
