"""Time limits written in a letter, as a date when the letter is dated.

« dans un délai de deux mois à compter de la réception » in a letter of 12 March 2026 →
12 May 2026. The law counts from the day the letter is received (or notified), which is
later than its date: counting from the date of the letter gives the earliest end, so the
date we show is never too late. Without a letter date, the rule is given as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .dates import DATE, FoundDate, _to_date, date_fr
from .tokens import fold_in_place

NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante-cinq": 45,
    "soixante": 60,
}
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = (
    r"(?P<unit>jours?(?: (?:francs|ouvres|ouvrables|calendaires|pleins))?|semaines?|mois|ans?|"
    r"annees?|heures?|h\b)"
)
_INTRO = (
    r"(?:dans un delai(?: maximum| maximal)? (?:de |d')|dans les |dans |sous(?: un delai de)? |"
    r"d'ici |delai de |disposez (?:de |d'un delai de |d'un delai d'|d')|"
    r"avez (?=[^.]{0,30}\b(?:pour|afin)\b)|au plus tard dans )"
)
_ANCHOR = (
    r"(?:\s*,?\s*(?P<anchor>(?:a compter|a partir|apres|suivant|des|a dater) (?:de |du |d')?"
    r"(?:la |l')?(?:date (?:de |d'|du )?(?:la |l')?)?(?:reception|notification|signification|"
    r"presente?|present courrier|ce courrier|cette lettre|cette decision|la decision|"
    r"l'envoi|sa reception|votre reception|premiere presentation|celui-ci|celle-ci)"
    r"(?: (?:de |du |d')?(?:la |l'|ce |cette |votre |present |presente )?(?:presente )?"
    r"(?:courrier|lettre|decision|notification|avis|acte|commandement|presente))?))?"
)


def _flex(pattern: str) -> str:
    """Spaces of a pattern match any run of spaces and line breaks (« au plus tard » at the
    end of a line, « le 20 avril » on the next); spaces inside [...] are left alone."""
    out, depth, escaped = [], 0, False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        out.append(r"\s+" if char == " " and depth == 0 else char)
    return "".join(out)


RELATIVE = re.compile(
    _flex(
        r"\b" + _INTRO + r"(?:\w+ )?" + _NUMBER + r"\s*(?:\(\s*[\w-]+\s*\)\s*)?" + _UNIT + _ANCHOR
    )
)
FIXED_WORDS = re.compile(
    _flex(r"\bsous (?P<word>huitaine|quinzaine|huit jours|quinze jours)\b" + _ANCHOR)
)
ABSOLUTE = re.compile(
    _flex(
        r"\b(?:avant le|au plus tard le|au plus tard pour le|jusqu'au|d'ici le|avant la date du|"
        r"date limite(?: de [a-z' ]{2,30})?\s*:?\s*(?:le )?|limite de paiement\s*:?\s*(?:le )?|"
        r"(?:date d'echeance|echeance)\s*:\s*(?:le |du )?|a regler (?:avant|pour) le|a payer (?:avant|pour) le|"
        r"a retourner (?:avant|pour) le|a renvoyer (?:avant|pour) le)\s*"
    )
)
DAYS = {"jour": 1, "semaine": 7, "heure": 1 / 24, "h": 1 / 24}
ANCHOR_WORDS = {
    "reception": "la réception du courrier",
    "notification": "la notification (le jour où vous recevez le courrier)",
    "signification": "la signification (le jour où l'acte vous est remis)",
    "premiere presentation": "la première présentation du courrier",
}


@dataclass(frozen=True, slots=True)
class Deadline:
    text: str
    rule: str
    date: dt.date | None
    start: int
    end: int


def add_months(date: dt.date, months: int) -> dt.date:
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def _delay(count: int, unit: str) -> tuple[str, int, int]:
    """(« 2 mois », months, days)."""
    base = unit.split()[0].rstrip("s") if unit != "mois" else "mois"
    if base == "mois":
        return f"{count} mois", count, 0
    if base in ("an", "annee"):
        return f"{count} an{'s' if count > 1 else ''}", 12 * count, 0
    if base in ("heure", "h"):
        return f"{count} heures", 0, max(1, round(count / 24))
    label = {"jour": "jour", "semaine": "semaine"}[base]
    extra = unit.split()[1] if " " in unit else ""
    if extra in ("ouvres", "ouvrables"):  # about 5 or 6 working days a week: a sure bound
        label_extra = f" {extra.replace('ouvres', 'ouvrés')}"
        return f"{count} {label}{'s' if count > 1 else ''}{label_extra}", 0, count * DAYS[base]
    return f"{count} {label}{'s' if count > 1 else ''}", 0, count * DAYS[base]


def _rule(delay: str, anchor: str | None) -> str:
    if not anchor:
        return f"{delay} après le courrier"
    key = next((k for k in ANCHOR_WORDS if k in anchor), None)
    start = ANCHOR_WORDS[key] if key else "la date du courrier"
    return f"{delay} à compter de {start}"


def _end(letter: dt.date | None, months: int, days: int) -> dt.date | None:
    if letter is None:
        return None
    return add_months(letter, months) + dt.timedelta(days=days)


def find_deadlines(
    text: str, letter: FoundDate | None, folded: str | None = None
) -> list[Deadline]:
    folded = fold_in_place(text) if folded is None else folded
    day = letter.date if letter else None
    found: list[Deadline] = []
    for match in RELATIVE.finditer(folded):
        delay, months, days = _delay(_number(match.group("n")), match.group("unit"))
        rule = _rule(delay, match.group("anchor"))
        found.append(
            Deadline(text[slice(*match.span())], rule, _end(day, months, days), *match.span())
        )
    for match in FIXED_WORDS.finditer(folded):
        count = 8 if "huit" in match.group("word") else 15
        rule = _rule(f"{count} jours", match.group("anchor"))
        found.append(Deadline(text[slice(*match.span())], rule, _end(day, 0, count), *match.span()))
    for intro in ABSOLUTE.finditer(folded):
        date_match = DATE.match(folded, intro.end())
        date = _to_date(date_match) if date_match else None
        if date is not None:
            span = (intro.start(), date_match.end())
            found.append(Deadline(text[slice(*span)], f"avant le {date_fr(date)}", date, *span))
    found.sort(key=lambda d: d.start)
    return _without_overlaps(found)


def _without_overlaps(deadlines: list[Deadline]) -> list[Deadline]:
    kept: list[Deadline] = []
    for deadline in deadlines:
        if kept and deadline.start < kept[-1].end:
            if deadline.end - deadline.start > kept[-1].end - kept[-1].start:
                kept[-1] = deadline
            continue
        kept.append(deadline)
    return kept
