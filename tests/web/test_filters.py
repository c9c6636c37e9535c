"""Display filters: amounts, dates and phone links in plain French."""

import datetime as dt

import pytest

from guichet_web.pages.templatetags.guichet import (
    date_fr,
    euros,
    euros_exact,
    fact_date,
    month_fr,
    periodicity,
    tel,
)


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("03 81 41 22 21", "tel:+33381412221"),
        ("32 30", "tel:3230"),
        ("0 809 401 401", "tel:+33809401401"),
        ("115", "tel:115"),
    ],
)
def test_tel(number, href):
    assert tel(number) == href


def test_amounts():
    assert euros(573.42) == "573\u00a0€"
    assert euros(1234.6) == "1\u202f235\u00a0€"
    assert euros_exact(651.69) == "651,69\u00a0€"
    assert euros_exact(100) == "100\u00a0€"
    assert euros_exact(-0.5) == "-0,50\u00a0€"  # entre -1 € et 0 : le signe restait perdu
    assert euros_exact(-1234.5) == "-1\u202f234,50\u00a0€"
    assert euros_exact(-0.001) == "0\u00a0€"
    assert periodicity("mensuelle") == "par mois"
    assert periodicity("annuelle") == "par an"


def test_dates():
    assert date_fr(dt.date(2026, 4, 1)) == "1er avril 2026"
    assert date_fr(dt.date(2013, 11, 27)) == "27 novembre 2013"
    assert month_fr("2026-05") == "mai 2026"
    assert fact_date("2013") == "Information de 2013"
    assert fact_date("2021-11") == "Information de novembre 2021"
    assert fact_date("2024-08-01") == "Information du 1er août 2024"
    assert fact_date("") == "Information non datée"
