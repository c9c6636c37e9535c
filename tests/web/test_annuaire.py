"""The directory in the database: loading, places for a démarche, hours today, admin."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import translation

from guichet.directory import Period, format_periods
from guichet_web.annuaire.models import Service, Structure
from guichet_web.annuaire.places import (
    LRI,
    PDI,
    hours_today,
    national_line_for,
    periods_text,
    places_for_networks,
    week,
)

HOME = "france-services-besancon-planoise"
PARIS = ZoneInfo("Europe/Paris")
NBSP = "\u00a0"


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment of the week of Monday 30 November 2026 (day 0), Paris time."""
    monday = dt.datetime(2026, 11, 30, hour, minute, tzinfo=PARIS)
    return monday + dt.timedelta(days=day)


def test_charger_territoire_is_idempotent(db, capsys):
    call_command("charger_territoire")
    first = (Structure.objects.count(), Service.objects.count())
    call_command("charger_territoire", "besancon-planoise")
    assert (Structure.objects.count(), Service.objects.count()) == first
    assert first[0] >= 28
    assert "mise(s) à jour" in capsys.readouterr().out


def test_loaded_france_services(territory):
    place = Structure.objects.get(pk=HOME)
    assert place.telephone == "03 81 41 22 21"
    assert place.horaires[:2] == [
        {"day": 0, "opens": "08:30", "closes": "12:30"},
        {"day": 0, "opens": "13:30", "closes": "17:00"},
    ]
    assert place.horaires[2]["opens"] == "10:00"
    assert place.services.count() == 2


def test_no_invented_phone_for_the_caf(territory):
    caf = Structure.objects.get(pk="caf-du-doubs-accueil-de-besancon")
    assert caf.telephone == "" and caf.horaires == [] and caf.a_verifier
    assert national_line_for(caf).telephone == "32 30"


def test_staff_edits_survive_a_reload(territory):
    place = Structure.objects.get(pk="mdph-du-doubs")
    place.telephone = "03 00 00 00 00"
    place.edited_locally = True
    place.save()
    call_command("charger_territoire")
    assert Structure.objects.get(pk="mdph-du-doubs").telephone == "03 00 00 00 00"


def test_unknown_territory_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="territoire inconnu"):
        call_command("charger_territoire", "atlantide")


def test_places_for_networks_france_services_first(territory):
    assert [p.pk for p in places_for_networks([])] == [HOME]
    caf = places_for_networks(["caf"])
    assert [p.pk for p in caf] == [HOME, "caf-du-doubs-accueil-de-besancon"]
    ids = [p.pk for p in places_for_networks(["france-service", "ccas-cias", "cms"])]
    assert ids[0] == HOME and ids.count(HOME) == 1
    assert ids.index("ccas-de-besancon-siege") < ids.index(
        "centre-medico-social-besancon-planoise-departement-du-doubs"
    )


def test_confirmed_places_before_places_to_check(territory):
    ids = [p.pk for p in places_for_networks(["prefecture"])]
    assert ids.index("prefecture-du-doubs-accueil-des-etrangers") < ids.index(
        "spada-structure-de-premier-accueil-des-demandeurs-d-asile"
    )


@pytest.mark.parametrize(
    ("moment", "text", "open_now"),
    [
        ((0, 10), "Ouvert aujourd'hui : 8 h 30 – 12 h 30 et 13 h 30 – 17 h", True),
        ((0, 12, 45), "Ouvert aujourd'hui : 8 h 30 – 12 h 30 et 13 h 30 – 17 h", False),
        ((1, 9), "Ouvert aujourd'hui : 10 h – 12 h 30 et 13 h 30 – 17 h", False),
        ((6, 10), "Fermé aujourd'hui", False),
    ],
)
def test_hours_today(territory, moment, text, open_now):
    today = hours_today(Structure.objects.get(pk=HOME), at(*moment))
    assert (today.text.replace(NBSP, " "), today.open_now) == (text, open_now)


@pytest.mark.parametrize(
    ("moment", "next_text"),
    [
        ((0, 10), ""),
        ((0, 12, 45), "Prochaine ouverture : aujourd'hui à 13 h 30"),
        ((0, 18), "Prochaine ouverture : demain à 10 h"),
        ((5, 10), "Prochaine ouverture : lundi à 8 h 30"),
    ],
)
def test_next_opening_is_said(territory, moment, next_text):
    today = hours_today(Structure.objects.get(pk=HOME), at(*moment))
    assert today.next_text.replace(NBSP, " ") == next_text


def test_hours_unknown_are_not_closed(territory):
    caf = Structure.objects.get(pk="caf-du-doubs-accueil-de-besancon")
    assert hours_today(caf, at(0, 10)).text == "Horaires non connus"
    assert week(caf) == []


def test_week_marks_today(territory):
    days = week(Structure.objects.get(pk=HOME), dt.date(2026, 12, 1))
    assert [d.name for d in days if d.is_today] == ["Mardi"]
    assert days[5].text == "Fermé"


def test_hours_in_french_are_the_directorys_words(territory):
    """The web's own formatting keeps guichet.directory's French text, to the character."""
    places = [p for p in Structure.objects.all() if p.periods]
    assert places
    for place in places:
        for day in range(7):
            periods = [p for p in place.periods if p.day == day]
            assert periods_text(periods) == format_periods(periods)
    assert periods_text([Period(2, "00:00", "24:00")]) == format_periods(
        [Period(2, "00:00", "24:00")]
    )


def test_hours_in_arabic_are_translated_and_read_left_to_right(territory):
    """« 8 h 30 » showed as « h 30 8 » in an Arabic page, and « et » stayed French."""
    home = Structure.objects.get(pk=HOME)
    with translation.override("ar"):
        today = hours_today(home, at(0, 10))
        later = hours_today(home, at(0, 12, 45))
        monday = week(home, dt.date(2026, 11, 30))[0]
        always = periods_text([Period(2, "00:00", "24:00")])
    hours = f"{LRI}8 h 30 – 12 h 30{PDI} و {LRI}13 h 30 – 17 h{PDI}"
    assert today.text.replace(NBSP, " ") == f"مفتوح اليوم: {hours}"
    assert monday.text.replace(NBSP, " ") == hours
    assert later.next_text.replace(NBSP, " ") == f"الفتح القادم: اليوم على الساعة {LRI}13 h 30{PDI}"
    assert always.replace(NBSP, " ") == f"على مدار {LRI}24 h{PDI}"


@pytest.mark.parametrize(
    ("lang", "hours"),
    [("en", "8 h 30 – 12 h 30 and 13 h 30 – 17 h"), ("tr", "8 h 30 – 12 h 30 ve 13 h 30 – 17 h")],
)
def test_hours_are_joined_in_the_readers_language(territory, lang, hours):
    with translation.override(lang):
        text = week(Structure.objects.get(pk=HOME), dt.date(2026, 11, 30))[0].text
    assert text.replace(NBSP, " ") == hours  # left to right already: no isolation mark


def test_osm_hours_drive_structured_hours(territory):
    place = Structure.objects.get(pk="mdph-du-doubs")
    place.horaires_accueil = "Mo-Fr 09:00-12:00"
    place.save()
    assert len(place.horaires) == 5


class TestAdmin:
    @pytest.fixture(autouse=True)
    def strict_templates(self):
        """Django's admin templates are not ours: leave string_if_invalid at its default."""

    def test_staff_can_edit_places(self, admin_client, territory):
        assert admin_client.get("/admin/annuaire/structure/").status_code == 200
        response = admin_client.get(f"/admin/annuaire/structure/{HOME}/change/")
        assert response.status_code == 200
        assert admin_client.get("/admin/annuaire/service/").status_code == 200

    def test_an_admin_edit_marks_the_place(self, admin_user, rf, territory):
        from django.contrib import admin

        from guichet_web.annuaire.admin import StructureAdmin

        place = Structure.objects.get(pk="mdph-du-doubs")
        place.telephone = "03 00 00 00 00"
        request = rf.post("/admin/")
        request.user = admin_user
        StructureAdmin(Structure, admin.site).save_model(request, place, None, change=True)
        assert Structure.objects.get(pk="mdph-du-doubs").edited_locally

    def test_bad_osm_hours_are_refused(self, admin_client, territory):
        place = Structure.objects.get(pk="mdph-du-doubs")
        place.horaires_accueil = "lundi matin"
        with pytest.raises(Exception, match="illisible"):
            place.full_clean()
