"""Opening hours: parse the strings of our sources, never guess.

Three formats come in:
- the ANCT France services list, one string per weekday: « 08:30 - 12:30 / 13:30 - 17:00 »;
- our partner file: « Lun 08:30-12:30 / 13:30-17:00 ; Mar 10:00-12:30 … », and sometimes
  plain French (« Lun-ven 9h-18h ; sam 9h-17h », « du lundi au vendredi de 8h30 à 11h30 »);
- the OpenStreetMap `opening_hours` syntax that data·inclusion uses for `horaires_accueil`
  (« Mo 08:30-12:30,13:30-17:00; Tu 10:00-12:30 »), the subset we write ourselves.

A piece of text we cannot read with certainty is kept word for word as a remark: a wrong
hour sends a person in difficulty to a closed door.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FRANCE_SERVICES_COLUMNS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")

_DAY_WORDS = {
    "lundi": 0,
    "lun": 0,
    "mardi": 1,
    "mar": 1,
    "mercredi": 2,
    "mer": 2,
    "jeudi": 3,
    "jeu": 3,
    "vendredi": 4,
    "ven": 4,
    "samedi": 5,
    "sam": 5,
    "dimanche": 6,
    "dim": 6,
}
_DAY = r"(?:lundi|lun|mardi|mar|mercredi|mer|jeudi|jeu|vendredi|ven|samedi|sam|dimanche|dim)\b\.?"
_TIME = r"\d{1,2}\s*(?::\s*\d{2}|h\s*(?:\d{2})?)"
_INTERVAL_PLAIN = rf"(?:de\s+)?{_TIME}\s*(?:-|–|—|à|a)\s*{_TIME}"
_INTERVAL = rf"(?:de\s+)?(?P<a>{_TIME})\s*(?:-|–|—|à|a)\s*(?P<b>{_TIME})"
_DAY_SPEC = rf"(?:du\s+)?{_DAY}(?:\s*(?:-|–|au|à)\s*{_DAY})?"
_SEGMENT = re.compile(
    rf"^(?P<days>{_DAY_SPEC}(?:\s*(?:,|et)\s*{_DAY_SPEC})*)\s*:?\s*"
    rf"(?P<times>{_INTERVAL_PLAIN}(?:\s*(?:/|,|et)\s*{_INTERVAL_PLAIN})*)$",
    re.IGNORECASE,
)
_ALWAYS = re.compile(
    r"^24\s*h?\s*(?:/|sur)\s*24\s*(?:h\b)?"
    r"(?:\s*,?\s*(?:7\s*j(?:ours)?\s*(?:/|sur)\s*7|toute\s+l[’']ann[ée]e|tous\s+les\s+jours))*$",
    re.IGNORECASE,
)


class HoursError(ValueError):
    """A string of hours that we refuse to read (it would mean guessing)."""


@dataclass(frozen=True, order=True)
class Period:
    """One opening interval on one weekday. `day`: 0 = Monday. Times as « HH:MM »."""

    day: int
    opens: str
    closes: str

    def as_dict(self) -> dict:
        return {"day": self.day, "opens": self.opens, "closes": self.closes}

    @classmethod
    def from_dict(cls, data: Mapping) -> Period:
        return cls(int(data["day"]), str(data["opens"]), str(data["closes"]))


@dataclass(frozen=True)
class Hours:
    """Structured weekly hours, plus the source text we could not read."""

    periods: tuple[Period, ...] = ()
    remarks: tuple[str, ...] = field(default=())

    @property
    def known(self) -> bool:
        return bool(self.periods)

    def on_day(self, day: int) -> list[Period]:
        return [p for p in self.periods if p.day == day]

    def as_dicts(self) -> list[dict]:
        return [p.as_dict() for p in self.periods]

    def to_osm(self) -> str:
        return to_osm(self.periods)


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def _normalise_time(text: str) -> str:
    match = re.fullmatch(r"(\d{1,2})\s*(?::|h)\s*(\d{2})?", text.strip(), re.IGNORECASE)
    if not match:
        raise HoursError(f"heure illisible : « {text} »")
    hours, mins = int(match.group(1)), int(match.group(2) or 0)
    if hours > 24 or mins > 59 or (hours == 24 and mins):
        raise HoursError(f"heure impossible : « {text} »")
    return f"{hours:02d}:{mins:02d}"


def _intervals(text: str) -> list[tuple[str, str]]:
    """« 08:30 - 12:30 / 13:30 - 17:00 » → [("08:30", "12:30"), ("13:30", "17:00")]."""
    found = []
    rest = text
    pattern = re.compile(rf"^\s*(?:/|,|et)?\s*{_INTERVAL}", re.IGNORECASE)
    while rest.strip():
        match = pattern.match(rest)
        if not match:
            raise HoursError(f"horaires illisibles : « {text.strip()} »")
        found.append((_normalise_time(match["a"]), _normalise_time(match["b"])))
        rest = rest[match.end() :]
    if not found:
        raise HoursError("horaires vides")
    return _checked(found, text)


def _checked(intervals: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    ordered = sorted(intervals, key=lambda pair: minutes(pair[0]))
    previous_close = -1
    for opens, closes in ordered:
        if minutes(opens) >= minutes(closes):
            raise HoursError(f"ouverture après la fermeture : « {text.strip()} »")
        if minutes(opens) < previous_close:
            raise HoursError(f"plages qui se chevauchent : « {text.strip()} »")
        previous_close = minutes(closes)
    return ordered


def _days(spec: str) -> list[int]:
    """« Lun-ven » → [0..4]; « du lundi au vendredi » → [0..4]; « lun, mer » → [0, 2]."""
    days: list[int] = []
    for part in re.split(r"\s*(?:,|\bet\b)\s*", spec.strip(), flags=re.IGNORECASE):
        names = re.findall(_DAY, part, re.IGNORECASE)
        numbers = [_DAY_WORDS[name.lower().rstrip(".")] for name in names]
        if len(numbers) == 2:
            first, last = numbers
            if last < first:
                raise HoursError(f"jours dans le désordre : « {part} »")
            numbers = list(range(first, last + 1))
        days.extend(n for n in numbers if n not in days)
    return days


def parse_day_string(day: int, text: str) -> list[Period]:
    """One weekday of the France services list. Raises HoursError when unreadable."""
    return [Period(day, opens, closes) for opens, closes in _intervals(text)]


def parse_france_services(row: Mapping[str, str]) -> Hours:
    """The h_lundi … h_samedi columns of the ANCT France services list."""
    periods: list[Period] = []
    remarks: list[str] = []
    for day, column in enumerate(FRANCE_SERVICES_COLUMNS):
        text = (row.get(column) or "").strip()
        if not text:
            continue
        try:
            periods.extend(parse_day_string(day, text))
        except HoursError:
            remarks.append(f"{DAY_NAMES[day].capitalize()} : {text}")
    return Hours(tuple(sorted(periods)), tuple(remarks))


def parse_free_hours(text: str) -> Hours:
    """Our partner file's hours; each « ; » segment is read or kept as a remark."""
    text = (text or "").strip()
    if not text:
        return Hours()
    if _ALWAYS.match(text):
        return Hours(tuple(Period(day, "00:00", "24:00") for day in range(7)))
    by_day: dict[int, list[Period]] = {}
    remarks: list[str] = []
    for segment in (s.strip() for s in text.split(";")):
        if not segment:
            continue
        try:
            parsed = _parse_segment(segment)
        except HoursError:
            remarks.append(segment)
            continue
        if any(day in by_day for day in parsed):
            remarks.append(segment)  # two segments for one day: do not pick one
            continue
        by_day.update(parsed)
    periods = sorted(p for day_periods in by_day.values() for p in day_periods)
    return Hours(tuple(periods), tuple(remarks))


def _parse_segment(segment: str) -> dict[int, list[Period]]:
    match = _SEGMENT.match(segment)
    if not match:
        raise HoursError(f"horaires illisibles : « {segment} »")
    days = _days(match["days"])
    intervals = _intervals(match["times"])
    return {day: [Period(day, a, b) for a, b in intervals] for day in days}


def to_osm(periods: Iterable[Period]) -> str:
    """OSM opening_hours, consecutive days with the same hours grouped: « Mo-Fr 09:00-12:00 »."""
    by_day: dict[int, tuple[str, ...]] = {}
    for period in sorted(periods):
        by_day.setdefault(period.day, ())
        by_day[period.day] += (f"{period.opens}-{period.closes}",)
    if len(by_day) == 7 and all(v == ("00:00-24:00",) for v in by_day.values()):
        return "24/7"
    rules: list[str] = []
    days = sorted(by_day)
    start = 0
    while start < len(days):
        end = start
        while (
            end + 1 < len(days)
            and days[end + 1] == days[end] + 1
            and by_day[days[end + 1]] == by_day[days[start]]
        ):
            end += 1
        first, last = OSM_DAYS[days[start]], OSM_DAYS[days[end]]
        selector = first if start == end else f"{first}-{last}"
        rules.append(f"{selector} {','.join(by_day[days[start]])}")
        start = end + 1
    return "; ".join(rules)


def parse_osm(text: str) -> Hours:
    """Read back the OSM subset we write (days, day ranges, times, « off », « 24/7 »).

    Later rules override earlier ones for the same day, as in OSM. Raises HoursError
    on anything else, so that a typing mistake in the admin is refused, not stored.
    """
    text = (text or "").strip()
    if not text:
        return Hours()
    if text == "24/7":
        return Hours(tuple(Period(day, "00:00", "24:00") for day in range(7)))
    by_day: dict[int, list[Period]] = {}
    for rule in (r.strip() for r in text.split(";")):
        if not rule:
            continue
        match = re.fullmatch(r"([A-Za-z,\- ]+?)\s+(off|closed|[0-9:,\- ]+)", rule)
        if not match:
            raise HoursError(f"règle illisible : « {rule} »")
        days = _osm_days(match.group(1))
        intervals = [] if match.group(2) in ("off", "closed") else _osm_times(match.group(2))
        for day in days:
            by_day[day] = [Period(day, a, b) for a, b in intervals]
    periods = sorted(p for day_periods in by_day.values() for p in day_periods)
    return Hours(tuple(periods))


def _osm_days(selector: str) -> list[int]:
    days: list[int] = []
    for part in selector.replace(" ", "").split(","):
        bounds = part.split("-")
        if not all(b in OSM_DAYS for b in bounds) or len(bounds) > 2:
            raise HoursError(f"jours illisibles : « {selector} »")
        first, last = OSM_DAYS.index(bounds[0]), OSM_DAYS.index(bounds[-1])
        if last < first:
            raise HoursError(f"jours dans le désordre : « {selector} »")
        days.extend(range(first, last + 1))
    return days


def _osm_times(text: str) -> list[tuple[str, str]]:
    intervals = []
    for part in text.replace(" ", "").split(","):
        match = re.fullmatch(r"(\d{2}:\d{2})-(\d{2}:\d{2})", part)
        if not match:
            raise HoursError(f"heures illisibles : « {part} »")
        intervals.append((_normalise_time(match.group(1)), _normalise_time(match.group(2))))
    return _checked(intervals, text)


def periods_from_dicts(data: Iterable[Mapping]) -> list[Period]:
    return sorted(Period.from_dict(item) for item in data or ())


NBSP = "\u00a0"


def format_time(hhmm: str) -> str:
    """« 08:30 » → « 8 h 30 », « 17:00 » → « 17 h » (non-breaking spaces: never cut a time)."""
    hours, mins = hhmm.split(":")
    return f"{int(hours)}{NBSP}h" if mins == "00" else f"{int(hours)}{NBSP}h{NBSP}{mins}"


def format_periods(periods: Iterable[Period]) -> str:
    """« 8 h 30 – 12 h 30 et 13 h 30 – 17 h »; « 24 h sur 24 » for a full day."""
    parts = []
    for period in periods:
        if (period.opens, period.closes) == ("00:00", "24:00"):
            parts.append(f"24{NBSP}h sur 24")
        else:
            parts.append(f"{format_time(period.opens)} – {format_time(period.closes)}")
    return " et ".join(parts)


def is_open_at(periods: Iterable[Period], day: int, hhmm: str) -> bool:
    now = minutes(hhmm)
    return any(p.day == day and minutes(p.opens) <= now < minutes(p.closes) for p in periods)


def next_opening(periods: Iterable[Period], day: int, hhmm: str) -> tuple[int, Period] | None:
    """The next period that opens after (day, hhmm): (days from now, period), or None."""
    now = minutes(hhmm)
    ordered = sorted(periods)
    for offset in range(8):
        weekday = (day + offset) % 7
        for period in ordered:
            if period.day == weekday and (offset > 0 or minutes(period.opens) > now):
                return offset, period
    return None
