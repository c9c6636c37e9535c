"""The one-page form's answers beyond the basics: a change of incomes, a separation, child
support, a pregnancy, studies, autonomy, a child's disability. Checked like the rest, each
error next to its field, and given to the simulator as the questionnaire gives them."""

from types import SimpleNamespace

import pytest

from guichet.simulator import situation as simulator_situation
from guichet_web.pages import engines
from guichet_web.pages.rights import RightsForm, field_for_champ
from tests.web.htmlpage import page
from tests.web.test_rights import VALID

SINGLE_PARENT = {k: v for k, v in VALID.items() if not k.startswith("conjoint_")} | {
    "en_couple": ""
}


@pytest.fixture
def real_parsing(monkeypatch):
    """The simulator's own validation, without its engine."""
    module = SimpleNamespace(
        parse_situation=simulator_situation.parse_situation,
        SituationError=simulator_situation.SituationError,
    )
    monkeypatch.setattr(engines, "simulator", lambda: module)


def _person(form, role="demandeur"):
    assert form.is_valid(), form.errors
    return next(p for p in form.situation()[0]["personnes"] if p["role"] == role)


def test_a_job_lost_gives_the_incomes_before_the_change():
    form = RightsForm(
        {
            **VALID,
            "demandeur_salaire_net": "",
            "demandeur_chomage_net": "950",
            "changement_depuis": "mars 2026",
            "demandeur_salaire_net_avant": "1 600",
        }
    )
    applicant = _person(form)
    assert applicant["changement"] == {
        "depuis": "2026-03",
        "revenus_mensuels_avant": {
            "salaire_net": 1600.0,
            "chomage_net": 0.0,  # nothing written: nothing then
            "retraite_nette": 0.0,
            "pension_alimentaire_recue": 0.0,
        },
    }
    assert "changement" not in _person(form, "conjoint")  # nothing written for the spouse


def test_a_change_needs_its_month_and_its_amounts():
    form = RightsForm({**VALID, "changement_depuis": "2026-03"})
    assert form.errors["demandeur_salaire_net_avant"] == [
        "Écrivez au moins un montant d'avant le changement (0 si rien)."
    ]
    form = RightsForm({**VALID, "conjoint_salaire_net_avant": "1200"})
    assert form.errors["changement_depuis"] == [
        "Indiquez le mois du changement, par exemple 2026-02."
    ]
    form = RightsForm({**VALID, "changement_depuis": "le mois dernier"})
    assert "n'est pas compris" in form.errors["changement_depuis"][0]


def test_the_spouse_s_incomes_before_a_change_need_a_spouse():
    form = RightsForm(
        {**SINGLE_PARENT, "changement_depuis": "2026-03", "conjoint_salaire_net_avant": "900"}
    )
    assert "en_couple" in form.errors


def test_a_separation_is_for_a_person_now_alone():
    form = RightsForm({**VALID, "separation_depuis": "2026-01"})
    assert (
        "Une séparation compte quand vous vivez maintenant sans conjoint"
        in (form.errors["separation_depuis"][0])
    )
    form = RightsForm({**SINGLE_PARENT, "separation_depuis": "01/2026"})
    assert form.is_valid(), form.errors
    assert form.situation()[0]["separation_depuis"] == "2026-01"


@pytest.mark.parametrize(
    ("answer", "unpaid"), [("oui", False), ("non", True), ("aucune", True), ("", None)]
)
def test_child_support_of_a_single_parent(answer, unpaid):
    """ASF: paid in full, not paid, none set; left unanswered, the ASF stays « à vérifier »."""
    received = "150" if answer == "oui" else ""
    data = {
        **SINGLE_PARENT,
        "pension_payee": answer,
        "demandeur_pension_alimentaire_recue": received,
    }
    applicant = _person(RightsForm(data))
    assert applicant.get("pension_alimentaire_impayee") == unpaid


def test_child_support_said_paid_needs_its_amount_and_is_not_asked_of_a_couple():
    form = RightsForm({**SINGLE_PARENT, "pension_payee": "oui"})
    assert form.errors["demandeur_pension_alimentaire_recue"] == [
        "Écrivez le montant reçu chaque mois."
    ]
    form = RightsForm({**VALID, "pension_payee": "non"})
    assert "pension_alimentaire_impayee" not in _person(form)
    assert "pension_payee" in form.ignored


def test_studies_count_for_a_student_only():
    student = {**SINGLE_PARENT, "demandeur_activite": "etudiant"}
    form = RightsForm({**student, "demandeur_etablissement": "public"})
    assert _person(form)["etablissement_superieur"] == "public"
    form = RightsForm({**VALID, "demandeur_etablissement": "public"})  # a wage earner
    assert "etablissement_superieur" not in _person(form)
    form = RightsForm({**student, "demandeur_etablissement": "sorbonne"})
    assert "demandeur_etablissement" in form.errors


def test_the_gir_is_for_60_and_over():
    form = RightsForm({**VALID, "demandeur_gir": "2"})
    assert "à partir de 60 ans" in form.errors["demandeur_gir"][0]
    form = RightsForm({**VALID, "demandeur_age": "78", "demandeur_gir": "2"})
    assert _person(form)["gir"] == 2


def test_pregnancy_cej_work_history_and_a_child_s_disability():
    form = RightsForm(
        {
            **VALID,
            "demandeur_age": "22",
            "conjoint_naissance_prevue": "2026-09",
            "demandeur_cej": "on",
            "conjoint_travail_5_ans_sur_10": "on",
            "enfant_3_taux_incapacite": "80",
        }
    )
    assert _person(form)["cej"] is True
    spouse = _person(form, "conjoint")
    assert spouse["naissance_prevue"] == "2026-09" and spouse["travail_5_ans_sur_10"] is True
    children = [p for p in form.situation()[0]["personnes"] if p["role"] == "enfant"]
    assert [c.get("taux_incapacite") for c in children] == [None, 80]
    form = RightsForm({**VALID, "enfant_2_taux_incapacite": "150"})
    assert form.errors["enfant_2_taux_incapacite"] == ["Le taux doit être entre 0 et 100."]


CHANGE = {"demandeur_salaire_net_avant": "900"}


@pytest.mark.parametrize(
    ("typed", "field", "words"),
    [
        # The months the questionnaire offers, and no others (month of the calculation 2026-05).
        ({**CHANGE, "changement_depuis": "2025-05"}, "changement_depuis", "12 derniers mois"),
        ({**CHANGE, "changement_depuis": "2026-06"}, "changement_depuis", "12 derniers mois"),
        ({"demandeur_naissance_prevue": "2027-03"}, "demandeur_naissance_prevue", "plus de 9"),
        ({"demandeur_naissance_prevue": "2026-04"}, "demandeur_naissance_prevue", "âge 0"),
        ({"separation_depuis": "2026-06"}, "separation_depuis", "après le mois du calcul"),
        ({"separation_depuis": "2024-11"}, "separation_depuis", "pendant 18 mois"),
    ],
)
def test_months_outside_what_the_questionnaire_offers_are_refused_next_to_their_field(
    client, territory, real_parsing, typed, field, words
):
    data = {**SINGLE_PARENT, **typed}
    response = client.post("/mes-droits/expert", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field], form.errors
    assert words in form.errors[field][0]
    values = {f["name"]: f.get("value") for f in page(response).fields() if f.get("value")}
    for name, value in typed.items():
        assert values[name] == value  # what was typed comes back


@pytest.mark.parametrize(
    ("champ", "field"),
    [
        ("personnes[0].changement.depuis", "changement_depuis"),
        (
            "personnes[1].changement.revenus_mensuels_avant.salaire_net",
            "conjoint_salaire_net_avant",
        ),
        ("separation_depuis", "separation_depuis"),
        ("personnes[0].naissance_prevue", "demandeur_naissance_prevue"),
        ("personnes[0].pension_alimentaire_impayee", "pension_payee"),
        (
            "personnes[0].revenus_mensuels.pension_alimentaire_recue",
            "demandeur_pension_alimentaire_recue",
        ),
        ("personnes[1].etablissement_superieur", "conjoint_etablissement"),
        ("personnes[1].gir", "conjoint_gir"),
        ("personnes[2].taux_incapacite", "enfant_1_taux_incapacite"),
        ("personnes[0].cej", "demandeur_cej"),
    ],
)
def test_field_for_champ_of_the_new_fields(champ, field):
    assert field_for_champ(champ, ["demandeur", "conjoint", "enfant_1"], RightsForm()) == field


def test_the_page_shows_the_new_fields_with_their_labels(client, territory, fake_simulator):
    html = page(client.get("/mes-droits/expert"))
    names = {f["name"] for f in html.fields()}
    for name in (
        "changement_depuis",
        "demandeur_salaire_net_avant",
        "conjoint_retraite_nette_avant",
        "separation_depuis",
        "pension_payee",
        "demandeur_naissance_prevue",
        "demandeur_etablissement",
        "conjoint_gir",
        "demandeur_cej",
        "conjoint_travail_5_ans_sur_10",
        "enfant_6_taux_incapacite",
    ):
        assert name in names, name
    assert "demandeur_cej" in names and "conjoint_cej" not in names


def test_boxes_that_belong_to_a_situation_say_so():
    """Five years of work count for the ASS, of a job seeker; the CEJ is for 16 to 25."""
    form = RightsForm(
        {**VALID, "demandeur_activite": "etudiant", "demandeur_travail_5_ans_sur_10": "on"}
    )
    assert "Je cherche du travail" in form.errors["demandeur_travail_5_ans_sur_10"][0]
    form = RightsForm({**VALID, "demandeur_age": "60", "demandeur_cej": "on"})
    assert "16 à 25 ans" in form.errors["demandeur_cej"][0]


def test_a_child_s_rate_needs_the_child_s_age():
    form = RightsForm({**VALID, "enfant_2_taux_incapacite": "80"})
    assert form.errors["enfant_2_age"] == [
        "Indiquez l'âge de l'enfant 2, ou videz son taux d'incapacité."
    ]


def test_too_many_babies_is_said_on_the_first_child_s_age(client, territory, fake_simulator):
    babies = {f"enfant_{n}_age": "0" for n in range(1, 6)}
    children = {k: v for k, v in VALID.items() if not k.startswith("enfant_")}
    response = client.post("/mes-droits/expert", {**children, **babies})
    form = response.context["form"]
    assert list(form.errors) == ["enfant_1_age"]
    assert 'href="#id_enfant_1_age"' in response.content.decode()


def test_the_error_summary_follows_the_page():
    form = RightsForm(
        {
            **VALID,
            "separation_depuis": "2026-01",  # en couple
            "changement_depuis": "hier",
            "enfant_2_taux_incapacite": "80",
            "conjoint_gir": "2",
            "demandeur_naissance_prevue": "2020-01",
        }
    )
    names = [anchor.removeprefix("id_") for anchor, _label, _message in form.error_items()]
    assert names == [
        "demandeur_naissance_prevue",
        "conjoint_gir",
        "enfant_2_age",
        "changement_depuis",
        "separation_depuis",
    ]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("12/03/2026", "2026-03"),
        ("1.3.2026", "2026-03"),
        ("2026-03-12", "2026-03"),
        ("mar 2026", "2026-03"),
        ("2026-03", "2026-03"),
    ],
)
def test_months_as_people_write_them(text, month):
    from guichet_web.pages.answer_fields import parse_month

    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["32/03/2026", "12/13/2026", "2026-13-01", "mardi"])
def test_what_is_not_a_month(text):
    from guichet_web.pages.answer_fields import parse_month

    assert parse_month(text) is None
