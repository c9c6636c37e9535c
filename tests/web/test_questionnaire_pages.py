"""« Mes droits », one question per screen, through HTTP: validation, back, session, review."""

from __future__ import annotations

import pytest

from guichet_web.pages import questionnaire as q
from guichet_web.pages import session_answers as store
from guichet_web.pages.question_forms import build_form
from guichet_web.pages.rights import RightsForm
from tests.web.htmlpage import page

FAMILY_SCREENS = [
    ("foyer", {"en_couple": "oui", "nb_enfants": "2"}),
    (
        "ages",
        {"demandeur_age": "35", "conjoint_age": "33", "enfant_1_age": "4", "enfant_2_age": "12"},
    ),
    ("logement", {"logement_statut": "locataire"}),
    ("loyer", {"loyer": "620"}),
    ("activite", {"demandeur_activite": "salarie"}),
    ("revenus", {"demandeur_salaire_net": "1 500,50", "demandeur_chomage_net": ""}),
    ("conjoint-activite", {"conjoint_activite": "chomeur"}),
    ("conjoint-revenus", {"conjoint_chomage_net": "700", "conjoint_salaire_net": ""}),
    ("changement", {"revenus_changes": "non"}),
    ("situations", {}),
]
STORED_FAMILY = {
    "mois": "2026-05",
    "en_couple": "oui",
    "nb_enfants": 2,
    "demandeur_age": 35,
    "conjoint_age": 33,
    "enfant_1_age": 4,
    "enfant_2_age": 12,
    "logement_statut": "locataire",
    "loyer": 620.0,
    "demandeur_activite": "salarie",
    "demandeur_salaire_net": 1500.5,
    "demandeur_chomage_net": None,
    "conjoint_activite": "chomeur",
    "conjoint_chomage_net": 700.0,
    "conjoint_salaire_net": None,
    "revenus_changes": "non",
    "particularites": [],
}


def url(step: str) -> str:
    return f"/mes-droits/question/{step}"


def store_answers(client, answers: dict) -> None:
    session = client.session
    session[store.QUESTIONNAIRE] = answers
    session.save()


def walk(client, screens) -> list[str]:
    """Answer screen after screen as a person would; the addresses of the screens seen."""
    seen = ["/mes-droits/"]
    response = client.get("/mes-droits/")
    for step, data in screens:
        assert response.status_code == 200
        assert f'action="{url(step)}"' in response.content.decode(), step
        answer = client.post(url(step), {**data, "action": "continuer"})
        assert answer.status_code == 302, (step, answer.context and answer.context["form"].errors)
        seen.append(answer["Location"])
        response = client.get(answer["Location"])
    return seen


def test_a_family_of_four_reaches_its_results_in_twelve_screens(client, territory, fake_simulator):
    seen = walk(client, FAMILY_SCREENS)
    assert seen[-1] == "/mes-droits/verifier"
    assert len(seen) <= 12, seen
    review = client.get("/mes-droits/verifier").content.decode()
    assert "Vérifiez vos réponses" in review
    assert "35 ans" in review and "1\u202f500,50\u00a0€" in review and "En couple" in review
    assert review.count("?retour=verifier") == len(seen) - 1
    assert client.session[store.QUESTIONNAIRE] == {**STORED_FAMILY, "mois": store_month(client)}
    assert client.get("/mes-droits/resultats").status_code == 200
    situation = fake_simulator.parsed[0]
    assert [p["role"] for p in situation["personnes"]] == [
        "demandeur",
        "conjoint",
        "enfant",
        "enfant",
    ]
    assert situation["logement"] == {"statut": "locataire", "loyer": 620.0}


def store_month(client) -> str:
    return client.session[store.QUESTIONNAIRE]["mois"]


def test_the_first_screen_shows_progress_and_no_back(client, territory):
    response = client.get("/mes-droits/")
    html = page(response)
    assert html.h1_count == 1
    assert "Question 1 sur environ 8" in response.content.decode()
    progress = html.find_all("progress")[0]
    assert progress["value"] == "1" and progress["aria-labelledby"] == "progression"
    buttons = [b.get("value") for b in html.find_all("button")]
    assert "retour" not in buttons
    assert 'href="/mes-droits/expert"' in response.content.decode()


STEP_ERRORS = [
    ("foyer", {}, {"nb_enfants": "2"}, "en_couple", None, "Choisissez une réponse."),
    (
        "ages",
        {"en_couple": "non", "nb_enfants": 1},
        {"demandeur_age": "trois cents", "enfant_1_age": "4"},
        "demandeur_age",
        "trois cents",
        "Écrivez l&#x27;âge en chiffres",
    ),
    (
        "ages",
        {"en_couple": "non", "nb_enfants": 1},
        {"demandeur_age": "35", "enfant_1_age": "30"},
        "enfant_1_age",
        "30",
        "L&#x27;âge doit être entre 0 et 25.",
    ),
    (
        "loyer",
        {"logement_statut": "locataire"},
        {"loyer": "beaucoup"},
        "loyer",
        "beaucoup",
        "pas un montant",
    ),
    (
        "loyer",
        {"logement_statut": "locataire"},
        {"loyer": "100000"},
        "loyer",
        "100000",
        "trop grand",
    ),
    ("loyer", {"logement_statut": "locataire"}, {"loyer": ""}, "loyer", "", "Indiquez votre loyer"),
    (
        "revenus",
        {"demandeur_activite": "salarie"},
        {"demandeur_salaire_net": "-5"},
        "demandeur_salaire_net",
        "-5",
        "négatif",
    ),
    (
        "pension",
        {"en_couple": "non", "nb_enfants": 1},
        {"pension_payee": "oui", "pension_alimentaire": ""},
        "pension_alimentaire",
        "",
        "Écrivez le montant reçu chaque mois.",
    ),
    ("depuis", {"revenus_changes": "oui"}, {}, "changement_depuis", None, "Choisissez le mois"),
    (
        "avant",
        {"revenus_changes": "oui", "changement_depuis": "2026-03"},
        {"demandeur_salaire_net_avant": "", "demandeur_chomage_net_avant": ""},
        "demandeur_salaire_net_avant",
        "",
        "au moins un montant",
    ),
]


@pytest.mark.parametrize(
    ("step", "known", "data", "field", "typed", "message"),
    STEP_ERRORS,
    ids=[f"{e[0]}-{e[3]}-{e[4]}" for e in STEP_ERRORS],
)
def test_each_step_names_the_field_and_keeps_what_was_typed(
    client, territory, step, known, data, field, typed, message
):
    answers = {**STORED_FAMILY, "en_couple": "non", "nb_enfants": 0, **known}
    store_answers(client, answers)
    response = client.post(url(step), {**data, "action": "continuer"})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert body.startswith("<!doctype html>") and "<title>Erreur" in body
    html = page(response)
    error_id = f"id_{field}-erreur"
    assert error_id in html.ids()
    inputs = [f for f in html.fields() if f.get("name") == field]
    assert inputs, field
    for element in inputs:
        assert element.get("aria-invalid") == "true", field
        assert error_id in element["aria-describedby"].split()
    summary_links = [a["href"] for a in html.find_all("a") if a.get("href", "").startswith("#id_")]
    assert summary_links and summary_links[0].startswith(f"#id_{field}")
    if typed is not None:
        assert inputs[0].get("value", "") == typed
    assert client.session[store.QUESTIONNAIRE] == answers, "rien n'est enregistré de faux"


def test_back_keeps_every_answer_even_a_half_filled_screen(client, territory):
    client.post(url("foyer"), {"en_couple": "non", "nb_enfants": "1"})
    client.post(url("ages"), {"demandeur_age": "35", "enfant_1_age": "4"})
    typed = {"pension_payee": "oui", "pension_alimentaire": "beaucoup", "action": "retour"}
    back = client.post(url("pension"), typed)
    assert back["Location"] == url("ages")
    ages = page(client.get(url("ages")))
    values = {f["name"]: f.get("value") for f in ages.fields()}
    assert values == {"demandeur_age": "35", "enfant_1_age": "4"}
    pension = client.get(url("pension"))
    assert 'value="beaucoup"' in pension.content.decode()
    assert "aria-invalid" not in pension.content.decode(), (
        "ce qui a été tapé revient, sans reproche"
    )
    saved = client.post(url("pension"), {"pension_payee": "oui", "pension_alimentaire": "150"})
    assert saved["Location"] == url("logement")
    assert client.session[store.QUESTIONNAIRE]["pension_alimentaire"] == 150.0
    assert 'value="150"' in client.get(url("pension")).content.decode()


def test_back_with_valid_answers_saves_them(client, territory):
    client.post(url("foyer"), {"en_couple": "oui", "nb_enfants": "0"})
    back = client.post(
        url("ages"), {"demandeur_age": "40", "conjoint_age": "38", "action": "retour"}
    )
    assert back["Location"] == url("foyer")
    assert client.session[store.QUESTIONNAIRE]["conjoint_age"] == 38
    foyer = page(client.get(url("foyer")))
    checked = {f["name"]: f["value"] for f in foyer.fields() if "checked" in f}
    assert checked == {"en_couple": "oui", "nb_enfants": "0"}


def test_answers_stay_in_the_session_only(client, territory, django_user_model):
    client.post(url("foyer"), {"en_couple": "non", "nb_enfants": "0"})
    assert client.session[store.QUESTIONNAIRE]["en_couple"] == "non"
    again = client.get("/mes-droits/").content.decode()
    assert "Reprendre où vous en étiez" in again and f'href="{url("ages")}"' in again
    from django.test import Client

    stranger = Client().get("/mes-droits/").content.decode()
    assert "Reprendre où vous en étiez" not in stranger
    assert django_user_model.objects.count() == 0, "pas de compte"
    client.post("/mes-droits/effacer")
    assert store.QUESTIONNAIRE not in client.session


def test_no_skipping_ahead_by_address(client, territory):
    assert client.get(url("loyer"))["Location"] == url("foyer")
    assert client.get("/mes-droits/verifier")["Location"] == url("foyer")
    assert client.get("/mes-droits/resultats")["Location"] == "/mes-droits/"
    assert client.get(url("nimporte-quoi")).status_code == 404
    store_answers(client, {**STORED_FAMILY, "en_couple": "non", "nb_enfants": 0})
    assert client.get(url("conjoint-activite"))["Location"] == "/mes-droits/verifier"


def test_modifier_from_the_review_asks_only_what_the_change_opens(client, territory):
    store_answers(client, STORED_FAMILY)
    form = client.get(url("foyer") + "?retour=verifier").content.decode()
    assert 'name="retour" value="verifier"' in form and "sans rien changer" in form
    changed = client.post(
        url("foyer"), {"en_couple": "oui", "nb_enfants": "3", "retour": "verifier"}
    )
    assert changed["Location"] == url("ages") + "?retour=verifier"
    ages = {**FAMILY_SCREENS[1][1], "enfant_3_age": "1", "retour": "verifier"}
    assert client.post(url("ages"), ages)["Location"] == "/mes-droits/verifier"


def test_a_simulator_refusal_brings_the_person_back_to_the_field(client, territory, fake_simulator):
    store_answers(client, STORED_FAMILY)
    fake_simulator.refuse = ("Le loyer semble trop élevé.", "logement.loyer")
    response = client.get("/mes-droits/resultats")
    assert response["Location"] == url("loyer") + "?retour=verifier"
    fixing = client.get(response["Location"])
    html = page(fixing)
    loyer = next(f for f in html.fields() if f["name"] == "loyer")
    assert loyer["value"] == "620" and loyer["aria-invalid"] == "true"
    assert "Le loyer semble trop élevé." in fixing.content.decode()


def test_disability_rates_come_in_plain_brackets(client, territory):
    store_answers(client, {**STORED_FAMILY, "particularites": ["handicap"]})
    response = client.get(url("handicap"))
    body = response.content.decode()
    assert "De 50 à 79 %" in body and "Au moins 80 %" in body and "MDPH" in body
    assert body.count('type="radio"') == 4 * 3
    answered = {
        "demandeur_taux_incapacite": "80",
        "conjoint_taux_incapacite": "0",
        "enfant_1_taux_incapacite": "0",
        "enfant_2_taux_incapacite": "50",
    }
    assert client.post(url("handicap"), answered)["Location"] == "/mes-droits/verifier"
    assert client.session[store.QUESTIONNAIRE]["demandeur_taux_incapacite"] == 80


SAME_CHECKS = [
    ("demandeur_age", "ages", "trois cents"),
    ("demandeur_age", "ages", "130"),
    ("demandeur_age", "ages", "-4"),
    ("loyer", "loyer", "beaucoup"),
    ("loyer", "loyer", "100000"),
    ("demandeur_salaire_net", "revenus", "-5"),
    ("demandeur_salaire_net", "revenus", "200000"),
]


@pytest.mark.parametrize(("name", "step", "value"), SAME_CHECKS)
def test_the_expert_form_checks_the_same_way(name, step, value):
    expert = RightsForm({"mois": "2026-05", "logement_statut": "locataire", name: value})
    answers = {**STORED_FAMILY, "en_couple": "non", "nb_enfants": 0}
    one_screen = build_form(step, answers, data={name: value})
    assert expert.errors[name] == one_screen.errors[name]


EVERY_STEP = {
    **STORED_FAMILY,
    "en_couple": "non",
    "nb_enfants": 1,
    "demandeur_age": 62,
    "enfant_1_age": 10,
    "pension_payee": "oui",
    "pension_alimentaire": 100.0,
    "demandeur_activite": "etudiant",
    "demandeur_salaire_net": 200.0,
    "demandeur_etablissement": "public",
    "revenus_changes": "oui",
    "changement_depuis": "2026-03",
    "demandeur_salaire_net_avant": 800.0,
    "demandeur_chomage_net_avant": None,
    "particularites": ["handicap", "enceinte", "separation", "autonomie"],
    "demandeur_taux_incapacite": 80,
    "enfant_1_taux_incapacite": 0,
    "demandeur_gir": "4",
    "naissance_prevue": "2026-08",
    "separation_depuis": "2025-12",
}


@pytest.mark.parametrize(
    ("answers", "step"),
    [(EVERY_STEP, s.id) for s in q.path(EVERY_STEP)]
    + [(STORED_FAMILY, "conjoint-activite"), (STORED_FAMILY, "conjoint-revenus")],
    ids=[s.id for s in q.path(EVERY_STEP)] + ["conjoint-activite", "conjoint-revenus"],
)
def test_every_screen_is_one_question_labelled_and_answerable(client, territory, answers, step):
    store_answers(client, answers)
    response = client.get(url(step))
    assert response.status_code == 200, response.get("Location")
    html = page(response)
    assert html.h1_count == 1
    ids = [attrs["id"] for _, attrs in html.tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "identifiants en double"
    assert {f["id"] for f in html.fields()} <= html.labelled_ids()
    body = response.content.decode()
    number, total = q.progress(answers, step)
    assert f"Question {number} sur environ {total}" in body
    assert ("Retour" in body) == (step != "foyer")
    # What is stored comes back, and sending it again keeps it.
    data = {f["name"]: f.get("value", "") for f in html.fields() if f.get("type") == "text"}
    data |= {f["name"]: f["value"] for f in html.fields() if "checked" in f}
    data |= {
        name: answers[name]
        for name in ("changement_depuis", "naissance_prevue", "separation_depuis")
        if name in answers  # the selects: their chosen option is not read here
    }
    again = client.post(url(step), {**data, "particularites": answers["particularites"]})
    assert again.status_code == 302, again.context and again.context["form"].errors
    assert store.answers(client.session) == answers


def test_the_one_page_form_reads_the_questionnaire_household(client, territory):
    """A resume code taken to the desk carries the answers in the one-page form's fields."""
    from guichet_web.pages import recap
    from guichet_web.pages.questionnaire_situation import as_expert_form, situation

    form = RightsForm(as_expert_form(STORED_FAMILY))
    assert form.is_valid(), form.errors
    expert, _prefixes = form.situation()
    ours, _prefixes = situation(STORED_FAMILY)
    assert expert["logement"] == ours["logement"]
    for theirs, mine in zip(expert["personnes"], ours["personnes"], strict=True):
        assert (theirs["role"], theirs["age"]) == (mine["role"], mine["age"])
        for name, amount in mine.get("revenus_mensuels", {}).items():
            assert theirs["revenus_mensuels"][name] == amount, name
    store_answers(client, STORED_FAMILY)
    payload = recap.payload(client.session)
    assert payload["reponses"]["conjoint_chomage_net"] == "700"
    assert payload["questionnaire"] == STORED_FAMILY
