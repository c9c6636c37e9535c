"""« Mes droits »: what a tester found on the questionnaire and the one-page form."""

from __future__ import annotations

import pytest
from django import forms

from guichet_web.pages import questionnaire as q
from guichet_web.pages import session_answers as store
from guichet_web.pages.answer_fields import EuroField, WholeNumberField
from guichet_web.pages.question_forms import build_form, summary
from guichet_web.pages.questionnaire_situation import situation
from guichet_web.pages.rights import RightsForm
from tests.web.test_questionnaire_pages import STORED_FAMILY, store_answers, url

SINGLE_PARENT = {
    **STORED_FAMILY,
    "en_couple": "non",
    "nb_enfants": 1,
    "enfant_1_age": 1,
    "pension_payee": "oui",
    "pension_alimentaire": 200.0,
}
for _key in ("conjoint_age", "enfant_2_age", "conjoint_activite", "conjoint_chomage_net"):
    SINGLE_PARENT.pop(_key)
EXPERT = {
    "mois": "2026-05",
    "logement_statut": "locataire",
    "loyer": "450",
    "demandeur_age": "35",
    "demandeur_activite": "salarie",
    "demandeur_salaire_net": "1200",
}


# 1. An amount typed for an option not chosen is cleared.


def test_no_pension_clears_the_amount_typed_for_yes(client, territory, fake_simulator):
    store_answers(client, SINGLE_PARENT)
    posted = {"pension_payee": "aucune", "pension_alimentaire": "200", "retour": "verifier"}
    assert client.post(url("pension"), posted).status_code == 302
    answers = client.session[store.QUESTIONNAIRE]
    assert answers["pension_payee"] == "aucune"
    assert answers["pension_alimentaire"] is None
    review = client.get("/mes-droits/verifier").content.decode()
    assert "200\u00a0€" not in review
    client.get("/mes-droits/resultats")
    applicant = fake_simulator.parsed[-1]["personnes"][0]
    assert applicant["revenus_mensuels"]["pension_alimentaire_recue"] == 0.0
    assert applicant["pension_alimentaire_impayee"] is True


def test_a_wrong_amount_for_no_pension_does_not_block(client, territory):
    store_answers(client, SINGLE_PARENT)
    posted = {"pension_payee": "aucune", "pension_alimentaire": "beaucoup"}
    assert client.post(url("pension"), posted).status_code == 302


def test_an_old_amount_kept_with_no_pension_is_never_used():
    answers = {**SINGLE_PARENT, "pension_payee": "aucune"}
    data, _prefixes = situation(answers)
    assert data["personnes"][0]["revenus_mensuels"]["pension_alimentaire_recue"] == 0.0
    assert all("200" not in words for _label, words in summary("pension", answers))


def test_a_partly_paid_pension_keeps_its_amount():
    answers = {**SINGLE_PARENT, "pension_payee": "non", "pension_alimentaire": 80.0}
    data, _prefixes = situation(answers)
    assert data["personnes"][0]["revenus_mensuels"]["pension_alimentaire_recue"] == 80.0


def test_the_expert_form_ignores_a_rent_for_an_owner(client, territory, fake_simulator):
    owner = {**EXPERT, "logement_statut": "proprietaire", "loyer": "beaucoup"}
    response = client.post("/mes-droits/expert", owner)
    assert response.status_code == 302
    assert "loyer" not in fake_simulator.parsed[-1]["logement"]
    assert "loyer" not in client.session[store.EXPERT]


# 2. The partner's boxes filled without « en couple ».


def test_partner_boxes_without_couple_are_an_error_on_en_couple(client, territory, fake_simulator):
    posted = {
        **EXPERT,
        "conjoint_age": "33",
        "conjoint_activite": "salarie",
        "conjoint_salaire_net": "900",
    }
    response = client.post("/mes-droits/expert", posted)
    assert response.status_code == 200
    assert fake_simulator.parsed == []
    form = response.context["form"]
    assert list(form.errors) == ["en_couple"]
    assert "cochez « Je vis en couple » ou videz-les" in form.errors["en_couple"][0]
    body = response.content.decode()
    assert 'value="33"' in body and 'value="900"' in body and 'value="1200"' in body
    assert 'href="#id_en_couple"' in body


def test_an_empty_partner_without_couple_is_fine():
    assert RightsForm({**EXPERT, "conjoint_activite": "", "conjoint_age": " "}).is_valid()


# 3. The error summary says whose field it is.


def test_the_error_summary_names_whose_age(client, territory, fake_simulator):
    posted = {**EXPERT, "demandeur_age": "130", "en_couple": "on", "conjoint_age": "200"}
    posted["enfant_2_age"] = "40"
    body = client.post("/mes-droits/expert", posted).content.decode()
    assert "Vous – Âge : L&#x27;âge doit être entre 15 et 120." in body
    assert "Votre conjoint – Âge : L&#x27;âge doit être entre 15 et 120." in body
    assert "Enfant 2 – Âge : L&#x27;âge doit être entre 0 et 25." in body


def test_the_partner_income_speaks_of_the_partner():
    form = build_form("conjoint-revenus", STORED_FAMILY, data={"conjoint_chomage_net": ""})
    message = form.errors["conjoint_chomage_net"][0]
    assert "votre conjoint" in message
    assert "si vous n'avez rien" not in message
    mine = build_form("revenus", STORED_FAMILY, data={"demandeur_salaire_net": ""})
    assert mine.errors["demandeur_salaire_net"] == ["Écrivez un montant, ou 0 si vous n'avez rien."]


# 4. Amounts: one parser, « nan » is not an amount.


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", "snan", "1e3"])
def test_not_numbers_are_not_amounts(text):
    with pytest.raises(Exception) as refused:
        EuroField().clean(text)
    assert f"« {text} » n'est pas un montant" in refused.value.messages[0]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("450", 450),
        ("1 200,50", 1200.5),
        ("450 €", 450),
        (",5", 0.5),
        # Thousands with dots, as often written in France; a dot before 1 or 2 digits is a
        # decimal point.
        ("1.500", 1500),
        ("1.500 €", 1500),
        ("12.000,50", 12000.5),
        ("1.50", 1.5),
        ("1.5", 1.5),
        ("0.500", 0.5),
    ],
)
def test_amounts_as_people_type_them(text, amount):
    assert float(EuroField().clean(text)) == amount


def test_negative_amounts_still_say_so():
    with pytest.raises(Exception) as refused:
        EuroField().clean("-5")
    assert refused.value.messages == ["Le montant ne peut pas être négatif."]


def test_every_amount_field_uses_the_same_parser():
    expert = RightsForm()
    euros = [name for name in expert.fields if name == "loyer" or name.endswith(("_net", "_nette"))]
    euros += [name for name in expert.fields if name.endswith("_recue")]
    assert euros and all(isinstance(expert.fields[name], EuroField) for name in euros)
    answers = {**SINGLE_PARENT, "revenus_changes": "oui"}
    for step in ("pension", "loyer", "revenus", "avant"):
        amounts = [
            f
            for f in build_form(step, answers).fields.values()
            if not isinstance(f, forms.ChoiceField)
        ]
        assert amounts and all(isinstance(field, EuroField) for field in amounts), step
    form = build_form(
        "pension", SINGLE_PARENT, data={"pension_payee": "oui", "pension_alimentaire": "inf"}
    )
    assert "n'est pas un montant" in form.errors["pension_alimentaire"][0]


# 5. The month of the one-page form.


@pytest.mark.parametrize(
    "text", ["mai 2026", "Mai 2026", "05/2026", "5/2026", "2026-05", "2026-5", "05-2026"]
)
def test_months_as_people_write_them(text):
    form = RightsForm({**EXPERT, "mois": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["mois"] == "2026-05"


def test_french_month_names_with_or_without_accents():
    for text, month in (
        ("août 2026", "2026-08"),
        ("fevrier 2027", "2027-02"),
        ("Décembre 2025", "2025-12"),
    ):
        form = RightsForm({**EXPERT, "mois": text})
        assert form.is_valid() and form.cleaned_data["mois"] == month, text


@pytest.mark.parametrize("text", ["le mois de mai 2026", "13/2026", "x" * 200])
def test_a_month_not_understood_has_the_forms_own_wording(text):
    form = RightsForm({**EXPERT, "mois": text})
    message = form.errors["mois"][0]
    assert "n'est pas compris" in message and "caractères" not in message


# 6. Ages.


def test_an_empty_age_asks_for_the_age(client, territory):
    store_answers(client, SINGLE_PARENT)
    response = client.post(url("ages"), {"demandeur_age": "", "enfant_1_age": "1"})
    assert response.context["form"].errors["demandeur_age"] == ["Indiquez l'âge."]


@pytest.mark.parametrize("text", ["1.5", "1,5", "0,5 an"])
def test_a_decimal_age_asks_for_whole_years(text):
    form = build_form("ages", SINGLE_PARENT, data={"demandeur_age": "30", "enfant_1_age": text})
    message = form.errors["enfant_1_age"][0]
    assert "années entières" in message and "moins d'un an : 0" in message
    expert = RightsForm({**EXPERT, "enfant_1_age": text})
    assert expert.errors["enfant_1_age"] == [message]


def test_a_huge_age_is_out_of_range():
    form = build_form("ages", SINGLE_PARENT, data={"demandeur_age": "99999999999999999999"})
    assert form.errors["demandeur_age"] == ["L'âge doit être entre 15 et 120."]


def test_whole_numbers_still_read():
    field = WholeNumberField(minimum=0, maximum=25, messages={"invalid": "x", "range": "y"})
    assert field.clean("4 ans") == 4 and field.clean("007") == 7


# 7. « 1 an », not « 1 ans ».


def test_one_year_old_in_the_review_and_the_handicap_question(client, territory):
    answers = {**SINGLE_PARENT, "pension_payee": "oui", "particularites": ["handicap"]}
    answers |= {"demandeur_taux_incapacite": 0, "enfant_1_taux_incapacite": 0}
    assert q.complete(answers)
    store_answers(client, answers)
    review = client.get("/mes-droits/verifier").content.decode()
    assert "1\u00a0ans" not in review and "1 ans" not in review
    assert "1 an<" in review
    handicap = client.get(url("handicap")).content.decode()
    assert "Enfant 1 (1 an)" in handicap


def test_a_baby_is_less_than_a_year_old():
    answers = {**SINGLE_PARENT, "enfant_1_age": 0}
    lines = dict(summary("ages", answers))
    assert lines["Enfant 1"] == "moins d'un an"
    assert lines["Vous"] == "35 ans"
