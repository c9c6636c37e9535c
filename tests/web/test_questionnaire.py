"""« Mes droits », one question per screen: the state machine alone, without HTTP."""

from __future__ import annotations

import pytest

from guichet_web.pages import questionnaire as q
from guichet_web.pages import questionnaire_situation as qs

MONTH = "2026-05"
ALONE = {
    "mois": MONTH,
    "en_couple": "non",
    "nb_enfants": 0,
    "demandeur_age": 35,
    "logement_statut": "locataire",
    "loyer": 450.0,
    "demandeur_activite": "salarie",
    "demandeur_salaire_net": 900.0,
    "demandeur_chomage_net": None,
    "revenus_changes": "non",
    "particularites": [],
}
FAMILY = {
    **ALONE,
    "en_couple": "oui",
    "nb_enfants": 2,
    "conjoint_age": 33,
    "enfant_1_age": 4,
    "enfant_2_age": 12,
    "loyer": 620.0,
    "demandeur_salaire_net": 1500.0,
    "conjoint_activite": "chomeur",
    "conjoint_chomage_net": 700.0,
    "conjoint_salaire_net": None,
}


def walk(answers: dict) -> list[str]:
    """The screens a person sees, answering as `answers` says, up to the review."""
    seen, current, given = [], q.STEPS[0].id, {}
    while current != q.REVIEW:
        assert q.reachable(given, current), current
        seen.append(current)
        step = q.BY_ID[current]
        given.update({key: answers[key] for key in step.keys(given)})
        current = q.next_step(given, current)
        assert len(seen) < 30
    return seen + [q.REVIEW]


def test_a_person_alone_sees_no_spouse_child_or_disability_question():
    assert walk(ALONE) == [
        "foyer",
        "ages",
        "logement",
        "loyer",
        "activite",
        "revenus",
        "changement",
        "situations",
        q.REVIEW,
    ]
    situation, prefixes = qs.situation(ALONE)
    assert prefixes == ["demandeur"]
    assert situation == {
        "mois": MONTH,
        "logement": {"statut": "locataire", "loyer": 450.0},
        "personnes": [
            {
                "role": "demandeur",
                "age": 35,
                "activite": "salarie",
                "revenus_mensuels": {
                    "salaire_net": 900.0,
                    "chomage_net": 0.0,
                    "retraite_nette": 0.0,
                },
            }
        ],
    }


def test_a_family_of_four_is_done_in_twelve_screens_at_most():
    screens = walk(FAMILY)
    assert len(screens) <= 12, screens
    assert "conjoint-activite" in screens and "pension" not in screens
    situation, prefixes = qs.situation(FAMILY)
    assert prefixes == ["demandeur", "conjoint", "enfant_1", "enfant_2"]
    roles = [(p["role"], p["age"]) for p in situation["personnes"]]
    assert roles == [("demandeur", 35), ("conjoint", 33), ("enfant", 4), ("enfant", 12)]
    assert situation["personnes"][1]["revenus_mensuels"]["chomage_net"] == 700.0


def test_housed_for_free_is_not_asked_a_rent():
    answers = {**ALONE, "logement_statut": "heberge_gratuit"}
    del answers["loyer"]
    assert "loyer" not in walk(answers)
    assert qs.situation(answers)[0]["logement"] == {"statut": "heberge_gratuit"}


def test_a_stale_rent_is_not_sent_after_moving_to_free_housing():
    answers = {**ALONE, "logement_statut": "heberge_gratuit"}  # loyer 450 still kept
    assert qs.situation(answers)[0]["logement"] == {"statut": "heberge_gratuit"}


def test_the_disability_rate_is_asked_only_when_a_handicap_is_ticked():
    assert "handicap" not in walk(FAMILY)
    answers = {
        **FAMILY,
        "particularites": ["handicap"],
        "demandeur_taux_incapacite": 80,
        "conjoint_taux_incapacite": 0,
        "enfant_1_taux_incapacite": 50,
        "enfant_2_taux_incapacite": 0,
    }
    assert walk(answers)[-2:] == ["handicap", q.REVIEW]
    people = qs.situation(answers)[0]["personnes"]
    assert [p.get("taux_incapacite") for p in people] == [80, None, 50, None]


def test_a_rate_answered_then_unticked_is_not_sent():
    answers = {**ALONE, "demandeur_taux_incapacite": 80}
    assert "taux_incapacite" not in qs.situation(answers)[0]["personnes"][0]


def test_changed_incomes_ask_since_when_and_how_much_before():
    answers = {
        **ALONE,
        "demandeur_activite": "chomeur",
        "demandeur_chomage_net": 950.0,
        "demandeur_salaire_net": None,
        "revenus_changes": "oui",
        "changement_depuis": "2026-02",
        "demandeur_salaire_net_avant": 1600.0,
        "demandeur_chomage_net_avant": None,
    }
    screens = walk(answers)
    assert screens.index("changement") < screens.index("depuis") < screens.index("avant")
    person = qs.situation(answers)[0]["personnes"][0]
    assert person["revenus_mensuels"]["chomage_net"] == 950.0
    assert person["changement"] == {
        "depuis": "2026-02",
        "revenus_mensuels_avant": {
            "salaire_net": 1600.0,
            "chomage_net": 0.0,
            "retraite_nette": 0.0,
        },
    }


def test_in_a_couple_only_the_person_whose_incomes_changed_has_a_change():
    answers = {
        **FAMILY,
        "revenus_changes": "oui",
        "changement_depuis": "2026-03",
        "demandeur_salaire_net_avant": None,
        "demandeur_chomage_net_avant": None,
        "conjoint_salaire_net_avant": 1300.0,
        "conjoint_chomage_net_avant": None,
    }
    assert len(walk(answers)) <= 14
    demandeur, conjoint = qs.situation(answers)[0]["personnes"][:2]
    assert "changement" not in demandeur
    assert conjoint["changement"]["revenus_mensuels_avant"]["salaire_net"] == 1300.0


def test_a_single_parent_is_asked_about_child_support():
    answers = {
        **ALONE,
        "nb_enfants": 1,
        "enfant_1_age": 7,
        "pension_payee": "non",
        "pension_alimentaire": 0.0,
    }
    assert walk(answers)[:4] == ["foyer", "ages", "pension", "logement"]
    parent = qs.situation(answers)[0]["personnes"][0]
    assert parent["revenus_mensuels"]["pension_alimentaire_recue"] == 0.0
    assert parent["pension_alimentaire_impayee"] is True
    paid = {**answers, "pension_payee": "oui", "pension_alimentaire": 180.0}
    parent = qs.situation(paid)[0]["personnes"][0]
    assert parent["pension_alimentaire_impayee"] is False
    assert parent["revenus_mensuels"]["pension_alimentaire_recue"] == 180.0
    assert "pension" not in walk(FAMILY)


def test_a_student_is_asked_where_for_the_grant():
    answers = {**ALONE, "demandeur_age": 20, "demandeur_activite": "etudiant"}
    answers |= {"demandeur_salaire_net": 300.0, "demandeur_etablissement": "public"}
    assert "etudes" in walk(answers)
    assert qs.situation(answers)[0]["personnes"][0]["etablissement_superieur"] == "public"
    not_after_bac = {**answers, "demandeur_etablissement": "aucun"}
    assert "etablissement_superieur" not in qs.situation(not_after_bac)[0]["personnes"][0]


def test_situations_offered_depend_on_the_household():
    assert q.situation_options(ALONE) == ("handicap", "enceinte", "separation")
    young_jobseeker = {**ALONE, "demandeur_age": 22, "demandeur_activite": "chomeur"}
    assert q.situation_options(young_jobseeker) == (
        "handicap",
        "enceinte",
        "separation",
        "cej",
        "travail_5_ans_demandeur",
    )
    assert q.situation_options(FAMILY) == ("handicap", "enceinte", "travail_5_ans_conjoint")
    older = {**FAMILY, "conjoint_age": 72}
    assert "autonomie" in q.situation_options(older)


def test_ticked_situations_reach_the_simulator():
    answers = {
        **ALONE,
        "demandeur_age": 22,
        "demandeur_activite": "chomeur",
        "demandeur_chomage_net": 600.0,
        "particularites": ["cej", "travail_5_ans_demandeur", "enceinte", "separation"],
        "naissance_prevue": "2026-09",
        "separation_depuis": "2026-01",
    }
    assert walk(answers)[-3:] == ["naissance", "separation", q.REVIEW]
    data = qs.situation(answers)[0]
    person = data["personnes"][0]
    assert person["cej"] is True and person["travail_5_ans_sur_10"] is True
    assert person["enceinte"] is True and person["naissance_prevue"] == "2026-09"
    assert data["separation_depuis"] == "2026-01"
    older = {**answers, "demandeur_age": 40}  # plus de contrat d'engagement jeune à 40 ans
    assert "cej" not in qs.situation(older)[0]["personnes"][0]


def test_the_autonomy_level_of_an_older_person():
    answers = {
        **ALONE,
        "demandeur_age": 81,
        "demandeur_activite": "retraite",
        "demandeur_retraite_nette": 900.0,
        "demandeur_salaire_net": None,
        "particularites": ["autonomie"],
        "demandeur_gir": "3",
    }
    assert walk(answers)[-2:] == ["autonomie", q.REVIEW]
    assert qs.situation(answers)[0]["personnes"][0]["gir"] == 3
    unknown = {**answers, "demandeur_gir": "inconnu"}
    assert "gir" not in qs.situation(unknown)[0]["personnes"][0]


def test_no_income_question_without_an_activity_that_pays():
    answers = {**ALONE, "demandeur_activite": "inactif"}
    assert "revenus" not in walk(answers)
    assert qs.situation(answers)[0]["personnes"][0]["revenus_mensuels"]["salaire_net"] == 0.0


def test_a_retired_person_is_asked_the_pension_first():
    answers = {**ALONE, "demandeur_activite": "retraite"}
    assert q.income_keys("demandeur", answers) == (
        "demandeur_retraite_nette",
        "demandeur_salaire_net",
    )


@pytest.mark.parametrize("answers", [ALONE, FAMILY], ids=["seul", "famille"])
def test_each_step_depends_only_on_earlier_answers(answers):
    """So that the path up to the current question never changes behind the person's back."""
    earlier: dict = {"mois": MONTH}
    for step in q.STEPS:
        assert step.needed(earlier) == step.needed(answers), step.id
        assert step.keys(earlier) == step.keys(answers), step.id
        earlier.update({k: answers[k] for k in step.keys(answers) if k in answers})


def test_back_and_progress():
    assert q.previous_step(FAMILY, "foyer") is None
    assert q.previous_step(FAMILY, "logement") == "ages"
    assert q.previous_step(ALONE, "changement") == "revenus"
    assert q.previous_step(FAMILY, q.REVIEW) == "situations"
    assert q.progress(FAMILY, "ages") == (2, len(q.path(FAMILY)))
    assert q.progress({}, "foyer") == (1, 8), "une estimation dès la première question"


def test_resume_and_skipping_ahead():
    assert q.resume({}) == "foyer"
    partial = {k: FAMILY[k] for k in ("mois", "en_couple", "nb_enfants")}
    assert q.resume(partial) == "ages"
    assert q.reachable(partial, "ages") and not q.reachable(partial, "logement")
    assert not q.reachable(ALONE, "conjoint-activite"), "pas de question inutile par l'adresse"
    assert q.complete(FAMILY) and q.reachable(FAMILY, q.REVIEW)


def test_a_change_from_the_review_asks_only_the_new_questions():
    more_children = {**FAMILY, "nb_enfants": 3}
    assert q.next_step(more_children, "foyer", revisiting=True) == "ages"
    assert q.next_step(FAMILY, "foyer", revisiting=True) == q.REVIEW
    assert q.next_step(FAMILY, "foyer") == "ages", "sans « modifier » : la suite, dans l'ordre"


def test_back_keeps_the_answers_of_steps_no_longer_needed():
    alone_again = {**FAMILY, "en_couple": "non"}
    assert "conjoint_age" in alone_again
    people = qs.situation(alone_again)[0]["personnes"]
    assert [p["role"] for p in people] == ["demandeur", "enfant", "enfant"]


def test_recent_months():
    assert q.recent_months("2026-02", 4) == ["2026-02", "2026-01", "2025-12", "2025-11"]


@pytest.mark.parametrize(
    ("champ", "key"),
    [
        ("logement.loyer", "loyer"),
        ("logement.statut", "logement_statut"),
        ("personnes[0].age", "demandeur_age"),
        ("personnes[1].revenus_mensuels.chomage_net", "conjoint_chomage_net"),
        ("personnes[0].revenus_mensuels.pension_alimentaire_recue", "pension_alimentaire"),
        ("personnes[0].pension_alimentaire_impayee", "pension_payee"),
        ("personnes[0].naissance_prevue", "naissance_prevue"),
        ("personnes[1].etablissement_superieur", "conjoint_etablissement"),
        ("personnes[1].gir", "conjoint_gir"),
        ("separation_depuis", "separation_depuis"),
        ("personnes[2]", "enfant_1_age"),
        ("personnes[2].taux_incapacite", "enfant_1_taux_incapacite"),
        ("personnes[0].changement.depuis", "changement_depuis"),
        (
            "personnes[1].changement.revenus_mensuels_avant.salaire_net",
            "conjoint_salaire_net_avant",
        ),
        ("personnes[0].enceinte", "particularites"),
        ("personnes[9].age", None),
        ("commune", None),
    ],
)
def test_locate_the_answer_behind_a_simulator_field(champ, key):
    prefixes = ["demandeur", "conjoint", "enfant_1"]
    assert qs.locate(champ, prefixes) == key


def test_step_of_key():
    assert q.step_of_key(FAMILY, "enfant_2_age") == "ages"
    assert q.step_of_key(FAMILY, "loyer") == "loyer"
    assert q.step_of_key(ALONE, "conjoint_age") is None
