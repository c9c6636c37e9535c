"""Dates and amounts written in a letter, and the date of the letter itself.

Regular expressions run on the folded text (same offsets as the letter, see
tokens.fold_in_place), so that « Février », « fevrier » and « FÉVRIER » are one month,
whatever a PDF or a photo did to the accents.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .tokens import fold_in_place

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
MONTH_NAMES = {"fevrier": "février", "aout": "août", "decembre": "décembre"}
_DAY_NAME = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_WORD_DATE = (
    _DAY_NAME + r"(?P<day>[0-3]?\d|1er|premier)\s+(?P<month>" + "|".join(MONTHS) + r")\s+"
    r"(?P<year>(?:19|20)\d\d)"
)
_NUMERIC_DATE = r"(?P<d>[0-3]?\d)\s?[/.\-]\s?(?P<m>[01]?\d)\s?[/.\-]\s?(?P<y>(?:19|20)\d\d|\d\d)"
DATE = re.compile(rf"(?<![\w/.-])(?:{_WORD_DATE}|{_NUMERIC_DATE})(?![\w/])")

_AMOUNT = re.compile(
    r"(?<![\w,.])(?P<number>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d{1,2})?|\d+(?:[,.]\d{1,2})?)"
    r"\s?(?:€|euros?\b|eur\b)",
)
# A minus sign before an amount, on its line before the number (a negative amount can be a
# debt): the Unicode minus « −500 € », « − 500 € » ; a hyphen or dash stuck to the number,
# not to a word (« Solde -500 € », not « 2025-500 ») ; or spaced after « : », « = », « ( »
# (« Montant : - 500 € »), not between two words (« Loyer - 500 € ») nor as a list bullet
# (« - 500 € à payer »).
_MINUS = "[-\u2013\u2212]"
_SPACE = "[ \u00a0\u202f]"
_SIGN_BEFORE = re.compile(
    rf"(?:\u2212{_SPACE}?|(?<![\w,.\-\u2013\u2212]){_MINUS}|[:=(]{_SPACE}*{_MINUS}{_SPACE})$"
)
# What may introduce the date of the letter, on its line.
_LETTER_DATE_INTRO = re.compile(
    r"\s*(?:(?:fait )?a [a-z' -]{2,40},? le|[a-z' -]{2,40}, le|le|l'an [a-z' -]{2,60} le|date(?: du courrier| d'envoi|"
    r" d'edition)?\s*:?|edite le|courrier du)\s*"
)
_NOT_LETTER_DATE = re.compile(
    r"(?:ne|nee|avant|jusqu'?|au|du|depuis|partir|echeance|limite|periode|entre|et|plus tard)"
    r"\s*(?:le|la date du)?\s*$"
)
TOP_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FoundAmount:
    value: float
    text: str
    start: int
    end: int


def date_fr(date: dt.date) -> str:
    """« 1er avril 2026 », « 12 mai 2026 »."""
    day = "1er" if date.day == 1 else str(date.day)
    month = next(name for name, number in MONTHS.items() if number == date.month)
    return f"{day} {MONTH_NAMES.get(month, month)} {date.year}"


def _to_date(match: re.Match) -> dt.date | None:
    try:
        if match.group("month"):
            day_text = match.group("day")
            day = 1 if day_text in ("1er", "premier") else int(day_text)
            return dt.date(int(match.group("year")), MONTHS[match.group("month")], day)
        year = int(match.group("y"))
        year += 2000 if year < 100 else 0
        return dt.date(year, int(match.group("m")), int(match.group("d")))
    except ValueError:  # « 31/02/2026 »
        return None


def find_dates(text: str, folded: str | None = None) -> list[FoundDate]:
    folded = fold_in_place(text) if folded is None else folded
    found = []
    for match in DATE.finditer(folded):
        date = _to_date(match)
        if date is not None:
            found.append(FoundDate(date, text[match.start() : match.end()], *match.span()))
    return found


def find_amounts(text: str, folded: str | None = None) -> list[FoundAmount]:
    """« 1 234,56 € », « 150 euros », « 19 000 € », « 45.00 EUR », « -500 € » (the sign kept)."""
    folded = fold_in_place(text) if folded is None else folded
    found = []
    for match in _AMOUNT.finditer(folded):
        number = match.group("number")
        whole, _, cents = re.fullmatch(r"(.*?)(?:([.,])(\d{1,2}))?", number).group(1, 2, 3)
        cents = cents or "0"
        value = float(re.sub(r"\D", "", whole) + "." + cents)
        start = match.start()
        line_start = folded.rfind("\n", 0, start) + 1
        sign = _SIGN_BEFORE.search(folded, line_start, start)
        if sign and value:
            value, start = -value, re.search(_MINUS, sign.group()).start() + sign.start()
        found.append(FoundAmount(value, text[start : match.end()], start, match.end()))
    return found


def letter_date(text: str, dates: list[FoundDate], folded: str | None = None) -> FoundDate | None:
    """The date the letter was written: « Besançon, le 12 mars 2026 », « Date : 12/03/2026 »,
    else the first date near the top that is not a birth date, a period or a time limit."""
    folded = fold_in_place(text) if folded is None else folded
    for found in dates:
        line_start = folded.rfind("\n", 0, found.start) + 1
        if _LETTER_DATE_INTRO.fullmatch(folded[line_start : found.start]):
            return found
    top = max(len(text) * TOP_SHARE, 400)
    for found in dates:
        if found.start > top:
            break
        if not _NOT_LETTER_DATE.search(folded[max(0, found.start - 25) : found.start]):
            return found
    return None
