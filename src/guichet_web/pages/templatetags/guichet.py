"""Filters for plain-language display: amounts, dates, phone links, form fields, pictograms.

Dates and units follow the page's language (French by default, « 1er avril 2026 »).
"""

from __future__ import annotations

import datetime as dt
import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

MONTHS = (
    gettext_lazy("janvier"),
    gettext_lazy("février"),
    gettext_lazy("mars"),
    gettext_lazy("avril"),
    gettext_lazy("mai"),
    gettext_lazy("juin"),
    gettext_lazy("juillet"),
    gettext_lazy("août"),
    gettext_lazy("septembre"),
    gettext_lazy("octobre"),
    gettext_lazy("novembre"),
    gettext_lazy("décembre"),
)
PERIODICITY = {
    "mensuelle": gettext_lazy("par mois"),
    "annuelle": gettext_lazy("par an"),
    "ponctuelle": gettext_lazy("en une fois"),
}
# The catalogue's units (schema: « € par mois|an|jour|enfant »), without the « € ».
UNIT_WORDS = {
    "par mois": gettext_lazy("par mois"),
    "par an": gettext_lazy("par an"),
    "par jour": gettext_lazy("par jour"),
    "par enfant": gettext_lazy("par enfant"),
}
NBSP = "\u00a0"
NNBSP = "\u202f"


@register.filter
def tel(number: str) -> str:
    """« 03 81 41 22 21 » → « tel:+33381412221 »; short numbers stay short (« tel:3230 »)."""
    digits = re.sub(r"\D", "", number or "")
    if len(digits) == 10 and digits.startswith("0"):
        return f"tel:+33{digits[1:]}"
    return f"tel:{digits}"


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", NNBSP)


@register.filter
def euros(value) -> str:
    """Rounded to the euro, for estimates: « 1 234 € »."""
    if value in (None, ""):
        return ""
    return f"{_thousands(round(float(value)))}{NBSP}€"


@register.filter
def euros_exact(value) -> str:
    """To the cent, for fixed amounts: « 651,69 € », « 100 € »."""
    if value in (None, ""):
        return ""
    amount = round(float(value), 2)
    sign = "-" if amount < 0 else ""  # -0,50 € : le signe n'est pas celui de la partie entière
    amount = abs(amount)
    if amount == int(amount):
        return f"{sign}{_thousands(int(amount))}{NBSP}€"
    whole, cents = f"{amount:.2f}".split(".")
    return f"{sign}{_thousands(int(whole))},{cents}{NBSP}€"


@register.filter
def unit_words(unit: str) -> str:
    """The catalogue's unit « € par mois » without its « € »: « par mois »."""
    words = (unit or "").removeprefix("€").strip()
    return str(UNIT_WORDS.get(words, words))


@register.filter
def periodicity(value: str) -> str:
    return str(PERIODICITY.get(value or "", ""))


@register.filter
def date_fr(value) -> str:
    """« 1er avril 2026 », « 27 novembre 2013 » (« 1 April 2026 » in English)."""
    if not isinstance(value, dt.date):
        return ""
    day = _("1er") if value.day == 1 else str(value.day)
    return _("%(day)s %(month)s %(year)s") % {
        "day": day,
        "month": MONTHS[value.month - 1],
        "year": value.year,
    }


@register.filter
def fact_date(text: str) -> str:
    """The date of a fact, as precise as its source: « Information de 2013 »."""
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return _("Information de %(period)s") % {"period": text}
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return _("Information de %(period)s") % {"period": month_fr(text)}
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _("Information du %(date)s") % {"date": date_fr(dt.date.fromisoformat(text))}
    return _("Information non datée")


@register.filter
def month_fr(text: str) -> str:
    """« 2026-05 » → « mai 2026 »."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", (text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        return text or ""
    return _("%(month)s %(year)s") % {
        "month": MONTHS[int(match.group(2)) - 1],
        "year": match.group(1),
    }


@register.filter
def field_widget(bound_field) -> str:
    """The field's widget tied to its hint and its error message (aria-describedby)."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-aide")
    attrs = {}
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-erreur")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


# Pictograms of our own: 48×48, strokes in the text colour, always shown beside their text.
PICTOS = {
    "loyer": '<path d="M6 24 24 8l18 16"/><path d="M11 20v20h26V20"/><path d="M20 40V29h8v11"/>',
    "travail": '<rect x="6" y="15" width="36" height="24" rx="3"/>'
    '<path d="M17 15v-4a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3v4"/><path d="M6 26h36"/>',
    "argent": '<rect x="5" y="13" width="38" height="24" rx="3"/><circle cx="24" cy="25" r="6"/>'
    '<path d="M10 18v0M38 32v0"/>',
    "manger": '<circle cx="24" cy="26" r="13"/><circle cx="24" cy="26" r="7"/>'
    '<path d="M5 8v10a3 3 0 0 0 3 3v19M43 8c-4 3-4 10 0 13v19"/>',
    "sante": '<path d="M24 41S7 31 7 18a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 13-17 23-17 23Z"/>'
    '<path d="M24 21v10M19 26h10"/>',
    "famille": '<circle cx="16" cy="11" r="5"/><circle cx="33" cy="17" r="4"/>'
    '<path d="M8 42V25a8 8 0 0 1 16 0v17M27 42V31a6 6 0 0 1 12 0v11"/>',
    "dormir": '<path d="M5 34h38M5 26h38v14M5 18v22M43 26v14"/><circle cx="13" cy="21" r="3"/>'
    '<path d="M30 6h8l-8 8h8"/>',
    "internet": '<rect x="6" y="8" width="36" height="24" rx="2"/><path d="M17 40h14M24 32v8"/>'
    '<path d="M14 20h20M14 25h12"/>',
    "papiers": '<path d="M12 5h17l9 9v29H12Z"/><path d="M29 5v9h9M18 23h14M18 30h14M18 37h9"/>',
    "handicap": '<circle cx="24" cy="8" r="4"/><path d="M24 14v14h11l4 10"/>'
    '<path d="M17 22a11 11 0 1 0 15 15"/>',
    "justice": '<path d="M24 6v34M14 42h20M10 12h28"/><path d="M10 12 5 24a5 5 0 0 0 10 0Z"/>'
    '<path d="M38 12l-5 12a5 5 0 0 0 10 0Z"/>',
    "lieu": '<path d="M24 43s13-13 13-24a13 13 0 0 0-26 0c0 11 13 24 13 24Z"/>'
    '<circle cx="24" cy="19" r="5"/>',
    "telephone": '<path d="M14 6h6l3 9-4 3a24 24 0 0 0 11 11l3-4 9 3v6a4 4 0 0 1-4 4A34 34 0 0 1 10 10'
    'a4 4 0 0 1 4-4Z"/>',
    "droits": '<path d="M8 30h32M8 36h32M8 42h32"/><path d="M24 4v20M16 16l8 8 8-8"/>',
}


@register.simple_tag
def picto(name: str, css_class: str = "picto") -> str:
    return format_html(
        '<svg class="{}" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" '
        'focusable="false" fill="none" stroke="currentColor" stroke-width="3" '
        'stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        css_class,
        mark_safe(PICTOS[name]),
    )
