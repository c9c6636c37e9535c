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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guichet.directory import (
    NationalLine,
    format_periods,
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


def _distance(place: Structure, home: Structure | None) -> float:
    if home is None or None in (place.latitude, place.longitude, home.latitude, home.longitude):
        return math.inf
    return math.hypot(place.latitude - home.latitude, place.longitude - home.longitude)


def _missing_facts(place: Structure) -> int:
    return sum(not value for value in (place.adresse, place.telephone, place.horaires))


def places_for_networks(networks: list[str]) -> list[Structure]:
    """Local places for a démarche's `aide_locale` networks, best first.

    France services first, then by the order of the networks (the catalogue lists the most
    useful first), confirmed facts before « à vérifier », complete before incomplete, near
    before far.
    """
    places = list(Structure.objects.filter(territoire=settings.GUICHET_TERRITORY))
    home = next((p for p in places if p.pk == territory().home), None)
    order = {network: index for index, network in enumerate(networks)}

    def rank(place: Structure):
        network_rank = min(order[n] for n in place.reseaux_porteurs if n in order)
        return (network_rank, place.a_verifier, _missing_facts(place), _distance(place, home))

    helpful = [p for p in places if p is not home and any(n in order for n in p.reseaux_porteurs)]
    return ([home] if home else []) + sorted(helpful, key=rank)


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
    text = _("Ouvert aujourd'hui : %(hours)s") % {"hours": format_periods(today)}
    return Today(True, True, open_now, text, next_text)


def _next_text(periods, day: int, hhmm: str) -> str:
    found = next_opening(periods, day, hhmm)
    if found is None:
        return ""
    offset, period = found
    when = {0: _("aujourd'hui"), 1: _("demain")}.get(offset, DAY_LABELS[period.day])
    return _("Prochaine ouverture : %(when)s à %(time)s") % {
        "when": when,
        "time": format_time(period.opens),
    }


def week(place: Structure, today: dt.date | None = None) -> list[DayHours]:
    """Monday to Sunday; empty when the hours are not known (never « fermé » by default)."""
    periods = place.periods
    if not periods:
        return []
    weekday = (today or timezone.localdate()).weekday()
    days = []
    for day, name in enumerate(DAY_LABELS):
        text = format_periods(p for p in periods if p.day == day) or _("Fermé")
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
