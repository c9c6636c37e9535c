"""The directory of local places: parse the shipped territory files (no Django here)."""

from .hours import (
    DAY_NAMES,
    Hours,
    HoursError,
    Period,
    format_periods,
    format_time,
    is_open_at,
    next_opening,
    parse_france_services,
    parse_free_hours,
    parse_osm,
    periods_from_dicts,
    to_osm,
)
from .territory import (
    DEFAULT_TERRITORY,
    NationalLine,
    Territory,
    lines_for_networks,
    load_territory,
    slugify,
    to_data_inclusion,
)

__all__ = [
    "DAY_NAMES",
    "DEFAULT_TERRITORY",
    "Hours",
    "HoursError",
    "NationalLine",
    "Period",
    "Territory",
    "format_periods",
    "format_time",
    "is_open_at",
    "lines_for_networks",
    "load_territory",
    "next_opening",
    "parse_france_services",
    "parse_free_hours",
    "parse_osm",
    "periods_from_dicts",
    "slugify",
    "to_data_inclusion",
    "to_osm",
]
