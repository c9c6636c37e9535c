"""« Mes droits »: errors next to their fields, everything typed kept, results as estimates."""

import pytest

from guichet_web.pages.rights import RightsForm, field_for_champ
from tests.web.htmlpage import page

VALID = {
    "mois": "2026-05",
    "logement_statut": "locataire",
    "loyer": "450",
    "demandeur_age": "35",
    "demandeur_activite": "salarie",
    "demandeur_salaire_net": "1 200,50",
    "en_couple": "on",
    "conjoint_age": "33",
    "conjoint_activite": "chomeur",
    "conjoint_chomage_net": "600",
    "enfant_1_age": "4",
    "enfant_3_age": "12",
}


def test_form_defaults_to_the_current_month(client, territory, fake_simulator):
    response = client.get("/mes-droits/expert")
    mois = next(f for f in page(response).fields() if f.get("name") == "mois")
    assert mois["value"] == RightsForm().initial["mois"]
    assert len(page(response).find_all("fieldset")) >= 5
    assert len(page(response).find_all("legend")) == len(page(response).find_all("fieldset"))


def test_errors_keep_every_typed_value(client, territory, fake_simulator):
    data = {**VALID, "mois": "2026-13", "loyer": "beaucoup", "demandeur_age": "-4"}
    response = client.post("/mes-droits/expert", data)
    assert response.status_code == 200
    assert fake_simulator.parsed == []
    html = page(response)
    values = {f["name"]: f.get("value") for f in html.fields() if f.get("type") != "radio"}
    for name in (
        "mois",
        "loyer",
        "demandeur_age",
        "demandeur_salaire_net",
        "conjoint_age",
        "enfant_3_age",
    ):
        assert values[name] == data[name], name
    checked = [f for f in html.fields() if f.get("type") == "radio" and "checked" in f]
    assert checked[0]["value"] == "locataire"
    for name in ("mois", "loyer", "demandeur_age"):
        field = next(f for f in html.fields() if f.get("name") == name)
        assert f"id_{name}-erreur" in field["aria-describedby"]
        assert f"id_{name}-erreur" in html.ids()
    body = response.content.decode()
    assert "n&#x27;est pas un montant" in body
    assert "entre 15 et 120" in body
    assert "Il faut corriger 3 réponses" in body


def test_rent_is_required_for_tenants(client, territory, fake_simulator):
    response = client.post("/mes-droits/expert", {**VALID, "loyer": ""})
    assert "Indiquez votre loyer" in response.content.decode()


def test_valid_answers_give_estimated_amounts(client, territory, fake_simulator):
    response = client.post("/mes-droits/expert", VALID)
    assert response.status_code == 302 and response["Location"] == "/mes-droits/resultats"
    situation = fake_simulator.parsed[0]
    assert situation == {
        "mois": "2026-05",
        "logement": {"statut": "locataire", "loyer": 450.0},
        "personnes": [
            {
                "role": "demandeur",
                "age": 35,
                "revenus_mensuels": {
                    "salaire_net": 1200.5,
                    "chomage_net": 0.0,
                    "retraite_nette": 0.0,
                    "pension_alimentaire_recue": 0.0,
                },
                "taux_incapacite": 0,
                "enceinte": False,
                "activite": "salarie",
            },
            {
                "role": "conjoint",
                "age": 33,
                "revenus_mensuels": {
                    "salaire_net": 0.0,
                    "chomage_net": 600.0,
                    "retraite_nette": 0.0,
                    "pension_alimentaire_recue": 0.0,
                },
                "taux_incapacite": 0,
                "enceinte": False,
                "activite": "chomeur",
            },
            {"role": "enfant", "age": 4},
            {"role": "enfant", "age": 12},
        ],
    }
    results = client.get("/mes-droits/resultats")
    body = results.content.decode()
    assert page(results).h1_count == 1
    assert "≈ 573\u00a0€ par mois" in body
    assert "C'est une estimation. Le montant exact est calculé par l'organisme." in body
    assert 'href="/demarches/rsa"' in body
    assert "France services Besançon Planoise" in body
    assert body.index("Les aides que vous n'auriez pas") < body.index("/demarches/aah")


def test_modifier_mes_reponses_keeps_the_answers(client, territory, fake_simulator):
    client.post("/mes-droits/expert", VALID)
    html = page(client.get("/mes-droits/expert"))
    values = {f["name"]: f.get("value") for f in html.fields() if f.get("type") == "text"}
    assert values["demandeur_salaire_net"] == "1 200,50"
    assert values["enfant_3_age"] == "12"
    couple = next(f for f in html.fields() if f.get("name") == "en_couple")
    assert "checked" in couple


def test_clear_answers(client, territory, fake_simulator):
    client.post("/mes-droits/expert", VALID)
    client.post("/mes-droits/effacer")
    assert client.get("/mes-droits/resultats")["Location"] == "/mes-droits/"


def test_results_without_answers_go_back_to_the_form(client, territory, fake_simulator):
    response = client.get("/mes-droits/resultats")
    assert response.status_code == 302 and response["Location"] == "/mes-droits/"


def test_simulator_error_goes_next_to_its_field(client, territory, fake_simulator):
    fake_simulator.refuse = ("L'âge de l'enfant est trop grand.", "personnes[2].age")
    response = client.post("/mes-droits/expert", VALID)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["enfant_1_age"] == ["L'âge de l'enfant est trop grand."]
    assert 'value="4"' in response.content.decode()


@pytest.mark.parametrize(
    ("champ", "field"),
    [
        ("mois", "mois"),
        ("logement.loyer", "loyer"),
        ("logement.statut", "logement_statut"),
        ("personnes[0].age", "demandeur_age"),
        ("personnes[1].revenus_mensuels.chomage_net", "conjoint_chomage_net"),
        ("personnes[0].taux_incapacite", "demandeur_taux_incapacite"),
        ("personnes[2]", "enfant_1_age"),
        ("personnes", None),
        ("commune", None),
    ],
)
def test_field_for_champ(champ, field):
    prefixes = ["demandeur", "conjoint", "enfant_1"]
    assert field_for_champ(champ, prefixes, RightsForm()) == field


def test_spouse_fields_filled_without_a_couple_must_be_emptied_or_ticked(fake_simulator):
    form = RightsForm({**VALID, "en_couple": ""})
    assert list(form.errors) == ["en_couple"]
    spouse_left_empty = {k: v for k, v in VALID.items() if not k.startswith("conjoint_")}
    form = RightsForm({**spouse_left_empty, "en_couple": ""})
    assert form.is_valid(), form.errors
    situation, prefixes = form.situation()
    assert [p["role"] for p in situation["personnes"]] == ["demandeur", "enfant", "enfant"]
    assert prefixes == ["demandeur", "enfant_1", "enfant_3"]


def test_owner_gives_no_rent(fake_simulator):
    form = RightsForm({**VALID, "logement_statut": "proprietaire", "loyer": ""})
    assert form.is_valid(), form.errors
    assert form.situation()[0]["logement"] == {"statut": "proprietaire"}


def _questionnaire_answered(client, answers):
    from guichet_web.pages import session_answers as store

    session = client.session
    session[store.QUESTIONNAIRE] = answers
    session.save()


def test_the_one_page_form_starts_from_the_questionnaire_s_answers(
    client, territory, fake_simulator
):
    """A mediator switching to the one-page form finds the household already there."""
    from tests.web.test_questionnaire_pages import STORED_FAMILY

    _questionnaire_answered(client, STORED_FAMILY)
    response = client.get("/mes-droits/expert")
    html = page(response)
    values = {f["name"]: f.get("value") for f in html.fields() if f.get("type") == "text"}
    assert values["demandeur_age"] == "35" and values["enfant_2_age"] == "12"
    assert values["demandeur_salaire_net"] == "1500,50"
    assert values["loyer"] == "620"
    text = response.content.decode()
    assert "Ce formulaire reprend vos réponses au questionnaire." in text
    assert "pas de place" not in text  # tout y tient


def _household(**changes):
    from tests.web.test_questionnaire_pages import STORED_FAMILY

    return {**STORED_FAMILY, **changes}


def _single_parent(**changes):
    single = {k: v for k, v in _household().items() if not k.startswith("conjoint")}
    return {**single, "en_couple": "non", **changes}


# Questionnaires answered to the end, one kind of answer beyond the basics each.
QUESTIONNAIRES = {
    "famille en couple": _household(),
    "parent seul, pension non payée, grossesse, séparation": _single_parent(
        pension_payee="non",
        pension_alimentaire=None,
        particularites=["enceinte", "separation"],
        naissance_prevue="2026-09",
        separation_depuis="2026-01",
    ),
    "parent seul, pension payée": _single_parent(pension_payee="oui", pension_alimentaire=180.0),
    "parent seul, pas de pension fixée": _single_parent(
        pension_payee="aucune", pension_alimentaire=None
    ),
    "travail perdu en couple": _household(
        revenus_changes="oui",
        changement_depuis="2026-03",
        demandeur_salaire_net_avant=1800.0,
        demandeur_chomage_net_avant=None,
        conjoint_salaire_net_avant=None,
        conjoint_chomage_net_avant=None,
    ),
    "retraite depuis peu, autonomie": {
        "mois": "2026-05",
        "en_couple": "non",
        "nb_enfants": 0,
        "demandeur_age": 72,
        "logement_statut": "proprietaire",
        "demandeur_activite": "retraite",
        "demandeur_retraite_nette": 980.0,
        "demandeur_salaire_net": None,
        "revenus_changes": "oui",
        "changement_depuis": "2026-01",
        "demandeur_salaire_net_avant": 1400.0,
        "demandeur_chomage_net_avant": None,
        "demandeur_retraite_nette_avant": None,
        "particularites": ["autonomie", "handicap"],
        "demandeur_gir": "3",
        "demandeur_taux_incapacite": 80,
    },
    "étudiant, contrat d'engagement jeune": {
        "mois": "2026-05",
        "en_couple": "non",
        "nb_enfants": 0,
        "demandeur_age": 20,
        "logement_statut": "locataire",
        "loyer": 390.0,
        "demandeur_activite": "etudiant",
        "demandeur_salaire_net": 300.0,
        "demandeur_etablissement": "prive_sous_contrat",
        "revenus_changes": "non",
        "particularites": ["cej"],
    },
    "chômeurs, 5 ans de travail, enfant handicapé": _household(
        demandeur_activite="chomeur",
        demandeur_chomage_net=900.0,
        demandeur_salaire_net=None,
        particularites=["travail_5_ans_demandeur", "travail_5_ans_conjoint", "handicap"],
        demandeur_taux_incapacite=0,
        conjoint_taux_incapacite=50,
        enfant_1_taux_incapacite=80,
        enfant_2_taux_incapacite=0,
    ),
}


@pytest.mark.parametrize("answers", QUESTIONNAIRES.values(), ids=QUESTIONNAIRES.keys())
def test_the_one_page_form_gives_the_simulator_the_questionnaire_s_household(answers):
    """Every answer of the questionnaire has its field on the one-page form: a mediator who
    switches to it (or opens a resume code there) computes exactly the same household."""
    import datetime

    from guichet.simulator.situation import parse_situation
    from guichet_web.pages import questionnaire as q
    from guichet_web.pages.questionnaire_situation import as_expert_form, situation

    assert q.complete(answers), q.resume(answers)
    form = RightsForm(as_expert_form(answers))
    assert form.is_valid(), form.errors
    today = datetime.date(2026, 5, 15)
    expert = parse_situation(form.situation()[0], today)
    assert expert == parse_situation(situation(answers)[0], today)


def test_an_unfinished_questionnaire_leaves_the_one_page_form_empty(
    client, territory, fake_simulator
):
    _questionnaire_answered(client, {"mois": "2026-05", "en_couple": "oui"})
    text = client.get("/mes-droits/expert").content.decode()
    assert "Ce formulaire reprend" not in text
