"""Which local places can help, and when they are open.

The France services of the territory is always proposed first: every partner's question
can start there (GUIDE §1: CCAS, CAF, CPAM and Mission locale receive the public there).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _

from guichet.directory import (
    NationalLine,
    Period,
    format_time,
    is_open_at,
    lines_for_networks,
    load_territory,
    next_opening,
)

from .models import Structure

# Monday first, as guichet.directory.DAY_NAMES, in the page's language.
DAY_LABELS = (
    gettext_lazy("lundi"),
    gettext_lazy("mardi"),
    gettext_lazy("mercredi"),
    gettext_lazy("jeudi"),
    gettext_lazy("vendredi"),
    gettext_lazy("samedi"),
    gettext_lazy("dimanche"),
)
# Unicode's « left-to-right isolate » and « pop directional isolate » (UAX #9).
LRI, PDI = "\u2066", "\u2069"


@dataclass(frozen=True)
class DayHours:
    name: str
    text: str
    is_today: bool


@dataclass(frozen=True)
class Today:
    known: bool
    open_today: bool
    open_now: bool
    text: str
    next_text: str = ""


@dataclass(frozen=True)
class PlaceCard:
    """A place as shown on a page: its hours today and, without a phone, a national line."""

    place: Structure
    today: Today
    week: list[DayHours]
    national_line: NationalLine | None


def territory():
    return load_territory(settings.GUICHET_TERRITORY)


def home_place() -> Structure | None:
    return Structure.objects.filter(pk=territory().home).first()


def territory_places() -> list[Structure]:
    """Every place of the territory: read once by a page that ranks places for many démarches."""
    return list(Structure.objects.filter(territoire=settings.GUICHET_TERRITORY))


def home_among(places: list[Structure]) -> Structure | None:
    return next((p for p in places if p.pk == territory().home), None)


def _distance(place: Structure, home: Structure | None) -> float:
    if home is None or None in (place.latitude, place.longitude, home.latitude, home.longitude):
        return math.inf
    return math.hypot(place.latitude - home.latitude, place.longitude - home.longitude)


def _missing_facts(place: Structure) -> int:
    return sum(not value for value in (place.adresse, place.telephone, place.horaires))


def places_for_networks(
    networks: list[str], places: list[Structure] | None = None
) -> list[Structure]:
    """Local places for a démarche's `aide_locale` networks, best first.

    France services first, then by the order of the networks (the catalogue lists the most
    useful first), confirmed facts before « à vérifier », complete before incomplete, near
    before far.  ``places``: the territory's places already read (``territory_places``).
    """
    places = territory_places() if places is None else places
    home = home_among(places)
    order = {network: index for index, network in enumerate(networks)}

    def rank(place: Structure):
        network_rank = min(order[n] for n in place.reseaux_porteurs if n in order)
        return (network_rank, place.a_verifier, _missing_facts(place), _distance(place, home))

    helpful = [p for p in places if p is not home and any(n in order for n in p.reseaux_porteurs)]
    return ([home] if home else []) + sorted(helpful, key=rank)


def _left_to_right(text: str) -> str:
    """A time read left to right inside a right-to-left sentence.

    In an Arabic page, « 8 h 30 » would otherwise show as « h 30 8 »: each time range is
    isolated with Unicode's invisible marks, so the text stays plain text (escaped as usual
    by the templates). Nothing is added in French, English or Turkish.
    """
    return f"{LRI}{text}{PDI}" if get_language_bidi() else text


def _time(hhmm: str) -> str:
    return _left_to_right(format_time(hhmm))


def _period(period: Period) -> str:
    if (period.opens, period.closes) == ("00:00", "24:00"):
        return _("%(hours)s sur 24") % {"hours": _time("24:00")}
    return _left_to_right(f"{format_time(period.opens)} – {format_time(period.closes)}")


def periods_text(periods) -> str:
    """« 8 h 30 – 12 h 30 et 13 h 30 – 17 h » in the page's language.

    The same text as guichet.directory.format_periods in French; the connecting words are
    translated, and each range is kept left to right in an Arabic page.
    """
    text = ""
    for period in periods:
        part = _period(period)
        text = _("%(before)s et %(after)s") % {"before": text, "after": part} if text else part
    return text


def hours_today(place: Structure, now: dt.datetime | None = None) -> Today:
    now = timezone.localtime(now)
    periods = place.periods
    if not periods:
        return Today(False, False, False, _("Horaires non connus"))
    day, hhmm = now.weekday(), now.strftime("%H:%M")
    today = [p for p in periods if p.day == day]
    open_now = is_open_at(periods, day, hhmm)
    next_text = "" if open_now else _next_text(periods, day, hhmm)
    if not today:
        return Today(True, False, False, _("Fermé aujourd'hui"), next_text)
    text = _("Ouvert aujourd'hui : %(hours)s") % {"hours": periods_text(today)}
    return Today(True, True, open_now, text, next_text)


def _next_text(periods, day: int, hhmm: str) -> str:
    found = next_opening(periods, day, hhmm)
    if found is None:
        return ""
    offset, period = found
    when = {0: _("aujourd'hui"), 1: _("demain")}.get(offset, DAY_LABELS[period.day])
    return _("Prochaine ouverture : %(when)s à %(time)s") % {
        "when": when,
        "time": _time(period.opens),
    }


def week(place: Structure, today: dt.date | None = None) -> list[DayHours]:
    """Monday to Sunday; empty when the hours are not known (never « fermé » by default)."""
    periods = place.periods
    if not periods:
        return []
    weekday = (today or timezone.localdate()).weekday()
    days = []
    for day, name in enumerate(DAY_LABELS):
        text = periods_text(p for p in periods if p.day == day) or _("Fermé")
        days.append(DayHours(str(name).capitalize(), text, day == weekday))
    return days


def national_line_for(place: Structure) -> NationalLine | None:
    """The body's national line, shown when the place has no phone of its own."""
    if place.telephone:
        return None
    lines = lines_for_networks(territory().national_lines, place.reseaux_porteurs)
    return lines[0] if lines else None


def card(place: Structure, now: dt.datetime | None = None) -> PlaceCard:
    now = timezone.localtime(now)
    return PlaceCard(
        place, hours_today(place, now), week(place, now.date()), national_line_for(place)
    )


def national_lines_for(networks: list[str]) -> list[NationalLine]:
    return lines_for_networks(territory().national_lines, networks)
