"""Opening hours: every format we read, and the strings we refuse to guess."""

import pytest

from guichet.directory import (
    HoursError,
    Period,
    format_periods,
    is_open_at,
    next_opening,
    parse_france_services,
    parse_free_hours,
    parse_osm,
    to_osm,
)

PLANOISE_ROW = {
    "h_lundi": "08:30 - 12:30 / 13:30 - 17:00",
    "h_mardi": "10:00 - 12:30 / 13:30 - 17:00",
    "h_mercredi": "08:30 - 12:30 / 13:30 - 17:00",
    "h_jeudi": "08:30 - 12:30 / 13:30 - 17:00",
    "h_vendredi": "08:30 - 12:30 / 13:30 - 17:00",
    "h_samedi": "",
}
PLANOISE_OSM = (
    "Mo 08:30-12:30,13:30-17:00; Tu 10:00-12:30,13:30-17:00; We-Fr 08:30-12:30,13:30-17:00"
)


def test_france_services_row():
    hours = parse_france_services(PLANOISE_ROW)
    assert hours.on_day(0) == [Period(0, "08:30", "12:30"), Period(0, "13:30", "17:00")]
    assert hours.on_day(1)[0] == Period(1, "10:00", "12:30")
    assert hours.on_day(5) == []
    assert hours.remarks == ()
    assert hours.to_osm() == PLANOISE_OSM


def test_france_services_single_interval_and_saturday():
    hours = parse_france_services({"h_lundi": "13:30 - 16:30", "h_samedi": "09:00 - 12:00"})
    assert hours.periods == (Period(0, "13:30", "16:30"), Period(5, "09:00", "12:00"))


@pytest.mark.parametrize(
    "bad",
    [
        "00:00 - 00:00 / 10:00 - 17:00",  # a real row of the Doubs list: zero-length interval
        "17:00 - 08:00",
        "08:30 - 12:30 / 12:00 - 17:00",
        "25:00 - 26:00",
        "08:30 -",
        "le matin",
    ],
)
def test_france_services_bad_strings_become_remarks(bad):
    hours = parse_france_services({"h_lundi": "09:00 - 12:00", "h_samedi": bad})
    assert hours.periods == (Period(0, "09:00", "12:00"),)
    assert hours.remarks == (f"Samedi : {bad}",)


def test_partner_format_matches_the_france_services_format():
    text = (
        "Lun 08:30-12:30 / 13:30-17:00 ; Mar 10:00-12:30 / 13:30-17:00 ; "
        "Mer 08:30-12:30 / 13:30-17:00 ; Jeu 08:30-12:30 / 13:30-17:00 ; "
        "Ven 08:30-12:30 / 13:30-17:00"
    )
    assert parse_free_hours(text) == parse_france_services(PLANOISE_ROW)


@pytest.mark.parametrize(
    ("text", "osm"),
    [
        ("Lun-ven 9h-18h ; sam 9h-17h", "Mo-Fr 09:00-18:00; Sa 09:00-17:00"),
        ("du lundi au vendredi de 8h30 à 11h30", "Mo-Fr 08:30-11:30"),
        ("lundi et mercredi : 14h-17h", "Mo 14:00-17:00; We 14:00-17:00"),
        ("Mar 9h30-12h, 14h-16h", "Tu 09:30-12:00,14:00-16:00"),
        ("24h/24, toute l’année", "24/7"),
    ],
)
def test_free_french_hours(text, osm):
    hours = parse_free_hours(text)
    assert hours.remarks == ()
    assert hours.to_osm() == osm


@pytest.mark.parametrize(
    "text",
    [
        "Pré-accueil du lundi au vendredi de 8h30 à 11h30",
        "1er mardi du mois 9h30-11h30",
        "Accueil jusqu’à 14h (petits-déjeuners, repas de midi, douches)",
        "1",
        "Ven-lun 9h-12h",
    ],
)
def test_free_text_is_kept_never_guessed(text):
    hours = parse_free_hours(text)
    assert hours.periods == ()
    assert hours.remarks == (text,)


def test_a_day_given_twice_is_not_picked():
    hours = parse_free_hours("Lun 9h-12h ; Lun 14h-17h")
    assert hours.on_day(0) == [Period(0, "09:00", "12:00")]
    assert hours.remarks == ("Lun 14h-17h",)


def test_empty_hours():
    assert parse_free_hours("").periods == ()
    assert to_osm([]) == ""


def test_osm_round_trip():
    hours = parse_france_services(PLANOISE_ROW)
    assert parse_osm(hours.to_osm()).periods == hours.periods
    assert parse_osm("24/7").to_osm() == "24/7"
    assert parse_osm("Mo-Fr 09:00-12:00; We off").to_osm() == "Mo-Tu 09:00-12:00; Th-Fr 09:00-12:00"


@pytest.mark.parametrize(
    "bad", ["Lundi 9h-12h", "Mo 9-12", "Mo 12:00-09:00", "Xx 09:00-12:00", "Fr-Mo 09:00-12:00"]
)
def test_osm_refuses_what_it_cannot_read(bad):
    with pytest.raises(HoursError):
        parse_osm(bad)


def test_plain_french_display():
    periods = [Period(0, "08:30", "12:30"), Period(0, "13:30", "17:00")]
    nbsp = "\u00a0"
    assert (
        format_periods(periods)
        == f"8{nbsp}h{nbsp}30 – 12{nbsp}h{nbsp}30 et 13{nbsp}h{nbsp}30 – 17{nbsp}h"
    )
    assert format_periods([Period(2, "00:00", "24:00")]) == f"24{nbsp}h sur 24"


def test_is_open_at():
    periods = parse_france_services(PLANOISE_ROW).periods
    assert is_open_at(periods, 0, "08:30")
    assert not is_open_at(periods, 0, "12:45")
    assert not is_open_at(periods, 1, "09:00")
    assert not is_open_at(periods, 6, "10:00")


def test_next_opening():
    periods = parse_france_services(PLANOISE_ROW).periods
    assert next_opening(periods, 0, "12:45") == (0, Period(0, "13:30", "17:00"))
    assert next_opening(periods, 0, "18:00") == (1, Period(1, "10:00", "12:30"))
    assert next_opening(periods, 5, "10:00") == (2, Period(0, "08:30", "12:30"))
    assert next_opening([], 0, "10:00") is None
