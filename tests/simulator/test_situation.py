"""Parsing and validation of a situation: fast, without the engine."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from guichet.simulator import SituationError, parse_situation
from guichet.simulator.situation import Incomes

TODAY = datetime.date(2026, 5, 14)


def situation(**changes) -> dict:
    data = {
        "id": "test",
        "mois": "2026-05",
        "commune": "25056",
        "logement": {"statut": "locataire", "loyer": 450},
        "personnes": [
            {
                "role": "demandeur",
                "age": 35,
                "activite": "salarie",
                "revenus_mensuels": {"salaire_net": 1200},
            },
            {"role": "enfant", "age": 4},
        ],
    }
    data.update(changes)
    return data


def person(**changes) -> dict:
    return {"role": "demandeur", "age": 35, **changes}


def refused(data) -> SituationError:
    with pytest.raises(SituationError) as caught:
        parse_situation(data, today=TODAY)
    error = caught.value
    assert error.message and error.message[0].isupper(), "message lisible, en phrase"
    assert "Traceback" not in error.message
    return error


def test_full_situation_is_parsed():
    parsed = parse_situation(situation(), today=TODAY)
    assert parsed.id == "test"
    assert parsed.mois == "2026-05"
    assert parsed.commune == "25056"
    assert parsed.logement.statut == "locataire"
    assert parsed.logement.loyer == 450.0
    demandeur, enfant = parsed.personnes
    assert demandeur.revenus == Incomes(salaire_net=1200.0)
    assert enfant.role == "enfant" and enfant.age == 4


def test_defaults():
    parsed = parse_situation(
        {
            "logement": {"statut": "heberge_gratuit"},
            "personnes": [{"role": "demandeur", "age": 40}],
        },
        today=TODAY,
    )
    assert parsed.mois == "2026-05"  # mois courant
    assert parsed.commune == "25056"  # Besançon
    assert parsed.id is None
    (demandeur,) = parsed.personnes
    assert demandeur.revenus == Incomes()
    assert demandeur.activite == "inactif"
    assert demandeur.taux_incapacite == 0 and demandeur.enceinte is False


@pytest.mark.parametrize(
    ("age", "revenus", "expected"),
    [
        (35, {"salaire_net": 900}, "salarie"),
        (35, {"chomage_net": 900}, "chomeur"),
        (70, {"retraite_nette": 900}, "retraite"),
        (70, {}, "retraite"),
        (35, {}, "inactif"),
    ],
)
def test_activity_defaults_from_incomes_then_age(age, revenus, expected):
    data = situation(personnes=[person(age=age, revenus_mensuels=revenus)])
    assert parse_situation(data, today=TODAY).personnes[0].activite == expected


def test_numbers_written_as_text_are_accepted():
    data = situation(
        logement={"statut": "locataire", "loyer": "450,50"},
        personnes=[person(age="35", revenus_mensuels={"salaire_net": "1 200 €"})],
    )
    parsed = parse_situation(data, today=TODAY)
    assert parsed.logement.loyer == 450.5
    assert parsed.personnes[0].age == 35
    assert parsed.personnes[0].revenus.salaire_net == 1200.0


def test_commune_given_as_number_keeps_leading_zero():
    assert parse_situation(situation(commune=1004), today=TODAY).commune == "01004"


@pytest.mark.parametrize(
    ("data", "champ"),
    [
        (situation(personnes=[person(age=-4)]), "personnes[0].age"),
        (situation(personnes=[person(age=130)]), "personnes[0].age"),
        (situation(personnes=[person(age=35.5)]), "personnes[0].age"),
        (situation(personnes=[person(age="beaucoup")]), "personnes[0].age"),
        (situation(personnes=[person(age=True)]), "personnes[0].age"),
        (situation(personnes=[{"role": "demandeur"}]), "personnes[0].age"),
        (situation(personnes=[person(age=8)]), "personnes[0].age"),
        (situation(mois="2026-13"), "mois"),
        (situation(mois="2026-00"), "mois"),
        (situation(mois="mai 2026"), "mois"),
        (situation(mois="2019-12"), "mois"),
        (situation(mois="2031-01"), "mois"),
        (situation(commune="Besançon"), "commune"),
        (situation(personnes=[]), "personnes"),
        (situation(personnes=None), "personnes"),
        (situation(personnes="moi"), "personnes"),
        (situation(personnes=[{"role": "enfant", "age": 4}]), "personnes"),
        (situation(personnes=[person(), person()]), "personnes[1].role"),
        (
            situation(personnes=[person(), person(role="conjoint"), person(role="conjoint")]),
            "personnes[2].role",
        ),
        (situation(personnes=[person(role="chef")]), "personnes[0].role"),
        (situation(personnes=[person(activite="rentier")]), "personnes[0].activite"),
        (situation(personnes=[person(), {"role": "enfant", "age": 26}]), "personnes[1].age"),
        (situation(logement={"statut": "locataire", "loyer": "beaucoup"}), "logement.loyer"),
        (situation(logement={"statut": "locataire", "loyer": -10}), "logement.loyer"),
        (situation(logement={"statut": "locataire", "loyer": 100_000}), "logement.loyer"),
        (situation(logement={"statut": "chateau"}), "logement.statut"),
        (situation(logement={"loyer": 400}), "logement.statut"),
        (situation(logement=None), "logement"),
        (situation(logement="locataire"), "logement"),
        (
            situation(personnes=[person(revenus_mensuels={"salaire_net": -1})]),
            "personnes[0].revenus_mensuels.salaire_net",
        ),
        (
            situation(personnes=[person(revenus_mensuels={"chomage_net": "pas mal"})]),
            "personnes[0].revenus_mensuels.chomage_net",
        ),
        (
            situation(personnes=[person(revenus_mensuels={"retraite_nette": 10**9})]),
            "personnes[0].revenus_mensuels.retraite_nette",
        ),
        (
            situation(personnes=[person(revenus_mensuels={"pension_alimentaire_recue": -5})]),
            "personnes[0].revenus_mensuels.pension_alimentaire_recue",
        ),
        (
            situation(personnes=[person(revenus_mensuels={"rsa": 500})]),
            "personnes[0].revenus_mensuels.rsa",
        ),
        (situation(personnes=[person(taux_incapacite=120)]), "personnes[0].taux_incapacite"),
        (situation(personnes=[person(taux_incapacite=-1)]), "personnes[0].taux_incapacite"),
        (situation(personnes=[person(enceinte="peut-être")]), "personnes[0].enceinte"),
        (situation(personnes=[person(nom="Dupont")]), "personnes[0].nom"),
        (situation(adresse="7 rue Picasso"), "adresse"),
        (
            situation(personnes=[person()] + [{"role": "enfant", "age": 1}] * 15),
            "personnes",
        ),
    ],
)
def test_absurd_or_malformed_values_are_refused_naming_the_field(data, champ):
    error = refused(data)
    assert error.champ == champ
    assert error.to_json() == {"erreur": error.message, "champ": champ}


def test_unknown_key_is_named_in_the_message():
    error = refused(situation(personnes=[person(salaire=1200)]))
    assert "« salaire »" in error.message
    assert error.champ == "personnes[0].salaire"


def test_not_an_object_is_refused():
    assert refused([1, 2, 3]).champ == "situation"


def test_rent_message_is_plain_french():
    error = refused(situation(logement={"statut": "locataire", "loyer": "beaucoup"}))
    assert error.message == "Le loyer doit être un nombre : « beaucoup » n'en est pas un."


def test_situation_is_frozen():
    parsed = parse_situation(situation(), today=TODAY)
    with pytest.raises(AttributeError):
        parsed.mois = "2025-01"


def test_the_pure_package_imports_no_django():
    package = Path(__file__).resolve().parents[2] / "src" / "guichet" / "simulator"
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import django" not in text and "from django" not in text, path


def test_parsing_does_not_load_the_engine():
    code = (
        "import sys, guichet.simulator as s;"
        "s.parse_situation({'logement': {'statut': 'sans_domicile'},"
        " 'personnes': [{'role': 'demandeur', 'age': 30}]});"
        "assert 'openfisca_france' not in sys.modules and 'django' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_optional_fields_are_parsed():
    data = situation(
        separation_depuis="2026-01",
        personnes=[
            person(
                activite="chomeur",
                changement={
                    "depuis": "2026-03",
                    "revenus_mensuels_avant": {"salaire_net": 1600},
                },
                pension_alimentaire_impayee=True,
                travail_5_ans_sur_10="oui",
                naissance_prevue="2026-09",
            ),
            {"role": "enfant", "age": 19, "etablissement_superieur": "public"},
            {"role": "enfant", "age": 4},
        ],
    )
    parsed = parse_situation(data, today=TODAY)
    demandeur, student, _ = parsed.personnes
    assert parsed.separation_depuis == "2026-01"
    assert demandeur.changement.depuis == "2026-03"
    assert demandeur.changement.activite_avant == "salarie"
    assert demandeur.incomes_at("2026-02").salaire_net == 1600
    assert demandeur.incomes_at("2026-03").salaire_net == 0
    assert demandeur.activity_at("2026-02") == "salarie"
    assert demandeur.enceinte and demandeur.naissance_prevue == "2026-09"
    assert demandeur.pension_alimentaire_impayee and demandeur.travail_5_ans_sur_10
    assert student.etablissement_superieur == "public"


def test_persons_are_put_in_a_fixed_order():
    data = situation(personnes=[{"role": "enfant", "age": 4}, person(role="conjoint"), person()])
    roles = [p.role for p in parse_situation(data, today=TODAY).personnes]
    assert roles == ["demandeur", "conjoint", "enfant"]


def test_an_old_separation_no_longer_counts():
    parsed = parse_situation(situation(separation_depuis="2023-01"), today=TODAY)
    assert parsed.separation_depuis is None


@pytest.mark.parametrize(
    ("data", "champ"),
    [
        (
            situation(personnes=[person(changement={"depuis": "2026-07"})]),
            "personnes[0].changement.depuis",
        ),
        (
            situation(personnes=[person(changement={"depuis": "2022-01"})]),
            "personnes[0].changement.depuis",
        ),
        (situation(personnes=[person(changement={})]), "personnes[0].changement.depuis"),
        (situation(personnes=[person(changement="hier")]), "personnes[0].changement"),
        (
            situation(personnes=[person(changement={"depuis": "2026-02", "revenus": {}})]),
            "personnes[0].changement.revenus",
        ),
        (
            situation(
                personnes=[
                    person(
                        changement={
                            "depuis": "2026-02",
                            "revenus_mensuels_avant": {"salaire_net": -5},
                        }
                    )
                ]
            ),
            "personnes[0].changement.revenus_mensuels_avant.salaire_net",
        ),
        (situation(personnes=[person(gir=7)]), "personnes[0].gir"),
        (situation(personnes=[person(gir="beaucoup")]), "personnes[0].gir"),
        (situation(personnes=[person(plan_aide_apa=50_000)]), "personnes[0].plan_aide_apa"),
        (
            situation(personnes=[person(etablissement_superieur="fac")]),
            "personnes[0].etablissement_superieur",
        ),
        (
            situation(
                personnes=[
                    person(),
                    {"role": "enfant", "age": 8, "etablissement_superieur": "public"},
                ]
            ),
            "personnes[1].etablissement_superieur",
        ),
        (
            situation(personnes=[person(naissance_prevue="2026-01")]),
            "personnes[0].naissance_prevue",
        ),
        (
            situation(personnes=[person(naissance_prevue="2027-09")]),
            "personnes[0].naissance_prevue",
        ),
        (
            situation(personnes=[person(), {"role": "enfant", "age": 8, "enceinte": True}]),
            "personnes[1].enceinte",
        ),
        (situation(personnes=[person(cej="peut-être")]), "personnes[0].cej"),
        (
            situation(personnes=[person(pension_alimentaire_impayee=3)]),
            "personnes[0].pension_alimentaire_impayee",
        ),
        (situation(separation_depuis="2026-07"), "separation_depuis"),
        (
            situation(separation_depuis="2026-01", personnes=[person(), person(role="conjoint")]),
            "separation_depuis",
        ),
    ],
)
def test_optional_fields_are_checked(data, champ):
    assert refused(data).champ == champ
