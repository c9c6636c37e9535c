"""Amounts, dates, the date of the letter and its time limits."""

import datetime as dt

import pytest

from guichet.letters.dates import date_fr, find_amounts, find_dates, letter_date
from guichet.letters.deadlines import add_months, find_deadlines


@pytest.mark.parametrize(
    "text, value",
    [
        ("un indu de 1 234,56 € à rembourser", 1234.56),
        ("150 euros par mois", 150.0),
        ("dette de 19 000 €", 19000.0),
        ("soit 19\u202f000\u00a0€", 19000.0),
        ("45.00 EUR", 45.0),
        ("1.234,50 €", 1234.5),
        ("Total : 86,1 €", 86.1),
        ("un euro : 1 €", 1.0),
    ],
)
def test_amounts(text, value):
    (amount,) = find_amounts(text)
    assert amount.value == value
    assert amount.text in text


def test_years_and_references_are_not_amounts():
    assert find_amounts("le 12 mars 2026, dossier 123456, 3 enfants") == []
    assert [a.value for a in find_amounts("En 2026 1 234 € sont dus")] == [1234.0]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("le 12/03/2026", "2026-03-12"),
        ("le 12.03.2026", "2026-03-12"),
        ("le 5/4/26", "2026-04-05"),
        ("le 12 mars 2026", "2026-03-12"),
        ("le 1er avril 2026", "2026-04-01"),
        ("le premier avril 2026", "2026-04-01"),
        ("le jeudi 16 avril 2026 à 10 h", "2026-04-16"),
        ("le 3 FÉVRIER 2026", "2026-02-03"),
        ("le 3 fevrier 2026", "2026-02-03"),
        ("le 15 août 2026", "2026-08-15"),
    ],
)
def test_dates(text, iso):
    (found,) = find_dates(text)
    assert found.date.isoformat() == iso


def test_impossible_dates_and_phone_numbers_are_not_dates():
    assert find_dates("le 31/02/2026, tél. 03.81.41.22.21, réf. 12/45/2026") == []


@pytest.mark.parametrize(
    "text, iso",
    [
        ("CAF du Doubs\nBesançon, le 12 mars 2026\nObjet : indu du 01/01/2025", "2026-03-12"),
        ("Fait à Besançon, le 2 avril 2026", "2026-04-02"),
        ("Date : 05/04/2026\nRappel", "2026-04-05"),
        ("Le 8 avril 2026\nObjet", "2026-04-08"),
        ("Né le 01/02/1980\nBesançon, le 12 mars 2026", "2026-03-12"),
        ("Réf. 1234\nDate d'établissement : 31/07/2026", "2026-07-31"),
    ],
)
def test_letter_date(text, iso):
    found = letter_date(text, find_dates(text))
    assert found is not None and found.date.isoformat() == iso


def test_no_letter_date_from_a_birth_date_or_a_time_limit():
    text = "Madame,\nNée le 01/02/1980.\nPayez avant le 30/04/2026."
    assert letter_date(text, find_dates(text)) is None


def test_date_in_words():
    assert date_fr(dt.date(2026, 4, 1)) == "1er avril 2026"
    assert date_fr(dt.date(2026, 2, 12)) == "12 février 2026"


def test_add_months_keeps_the_end_of_the_month():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 2) == dt.date(2027, 1, 15)


LETTER = "Besançon, le 12 mars 2026\n"


def deadlines(text, dated=True):
    full = (LETTER if dated else "") + text
    dates = find_dates(full)
    return [
        (d.rule, d.date and d.date.isoformat())
        for d in find_deadlines(full, letter_date(full, dates))
    ]


@pytest.mark.parametrize(
    "text, rule, iso",
    [
        (
            "dans un délai de deux mois à compter de la réception de ce courrier",
            "2 mois à compter de la réception du courrier",
            "2026-05-12",
        ),
        (
            "dans un délai de 2 (deux) mois à compter de la notification de la présente décision",
            "2 mois à compter de la notification (le jour où vous recevez le courrier)",
            "2026-05-12",
        ),
        ("Répondez sous 15 jours.", "15 jours après le courrier", "2026-03-27"),
        ("Réglez sous huitaine.", "8 jours après le courrier", "2026-03-20"),
        ("sous quinzaine", "15 jours après le courrier", "2026-03-27"),
        ("dans les 8 jours", "8 jours après le courrier", "2026-03-20"),
        ("dans un délai d'un mois", "1 mois après le courrier", "2026-04-12"),
        ("dans un délai de six semaines", "6 semaines après le courrier", "2026-04-23"),
        ("Vous avez un mois pour répondre.", "1 mois après le courrier", "2026-04-12"),
        ("Vous disposez de 10 jours pour répondre", "10 jours après le courrier", "2026-03-22"),
        ("avant le 30 avril 2026", "avant le 30 avril 2026", "2026-04-30"),
        ("au plus tard le 20/04/2026", "avant le 20 avril 2026", "2026-04-20"),
        ("Date limite de paiement : 15/09/2026", "avant le 15 septembre 2026", "2026-09-15"),
        ("jusqu'au 15/07/2026", "avant le 15 juillet 2026", "2026-07-15"),
    ],
)
def test_deadlines_become_dates_when_the_letter_is_dated(text, rule, iso):
    assert deadlines(text) == [(rule, iso)]


def test_without_a_letter_date_the_rule_is_given():
    assert deadlines("Répondez dans un délai de deux mois à compter de la réception.", False) == [
        ("2 mois à compter de la réception du courrier", None)
    ]
    assert deadlines("sous huitaine", False) == [("8 jours après le courrier", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Vous avez 3 mois de loyers impayés.",
        "Votre contrat est arrivé à échéance le 30 avril 2026.",
        "Vous êtes suivi depuis 2 ans.",
        "pendant 6 mois, vous avez travaillé",
    ],
)
def test_durations_that_are_not_time_limits(text):
    assert deadlines(text) == []


@pytest.mark.parametrize(
    "text, value, written",
    [
        ("Montant: -500 €", -500.0, "-500 €"),
        ("Montant : - 500 €", -500.0, "- 500 €"),
        ("Montant: −500 €", -500.0, "−500 €"),  # the Unicode minus
        ("Montant : − 500 €", -500.0, "− 500 €"),
        ("Solde -1 234,56 €", -1234.56, "-1 234,56 €"),
        ("Montant\u00a0:\u00a0-\u00a0500\u00a0€", -500.0, "-\u00a0500\u00a0€"),
        # a dash that is not a sign: between words, in a number, as a list bullet
        ("Loyer - 500 €", 500.0, "500 €"),
        ("En 2025-500 €", 500.0, "500 €"),
        ("- 500 € à payer", 500.0, "500 €"),
    ],
)
def test_negative_amounts_keep_their_sign(text, value, written):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.text) == (value, written)
    assert text[amount.start : amount.end] == written


def test_negative_amount_in_the_json_of_guichet_expliquer(tmp_path, capsys):
    import json

    from guichet.cli import main

    letter = tmp_path / "courrier.txt"
    letter.write_text(
        "CAF du Doubs\nBesançon, le 12 mars 2026\nMadame,\n"
        "Votre solde.\nMontant: -500 €\nMontant : − 75,20 €\nMontant : 30 €\n",
        encoding="utf-8",
    )
    assert main(["expliquer", "--json", str(letter)]) == 0
    montants = json.loads(capsys.readouterr().out)["montants"]
    assert montants == [
        {"valeur": -500.0, "texte": "-500 €"},
        {"valeur": -75.2, "texte": "− 75,20 €"},
        {"valeur": 30.0, "texte": "30 €"},
    ]
    assert main(["expliquer", str(letter)]) == 0
    assert "-500 €" in capsys.readouterr().out
