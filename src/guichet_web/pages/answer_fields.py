"""The fields people type into, shared by the one-page form and the questionnaire.

Every field is a text input, so that whatever a person typed comes back to them with the
error message (a number input would silently drop « beaucoup »): amounts in euros, whole
numbers within bounds, months written in any usual way.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .widgets import CheckboxInput, Select, TextInput

# Whole sentences, not a noun slotted into a sentence: other languages decline the noun.
AGE_MESSAGES = {
    "invalid": gettext_lazy("Écrivez l'âge en chiffres, par exemple 35."),
    "decimal": gettext_lazy(
        "Écrivez l'âge en années entières, par exemple 35 (un bébé de moins d'un an : 0)."
    ),
    "range": gettext_lazy("L'âge doit être entre %(minimum)s et %(maximum)s."),
}
RATE_MESSAGES = {
    "invalid": gettext_lazy("Écrivez le taux en chiffres, par exemple 35."),
    "decimal": gettext_lazy("Écrivez le taux sans virgule, par exemple 35."),
    "range": gettext_lazy("Le taux doit être entre %(minimum)s et %(maximum)s."),
}
# The simulator's bounds (guichet.simulator.situation), checked here first so that the
# message is next to the field; the questionnaire (question_forms.py) uses the same.
MIN_ADULT_AGE, MAX_AGE, MAX_CHILD_AGE = 15, 120, 25
MAX_RENT, MAX_INCOME = 10_000, 100_000
MAX_CHILDREN_UNDER_2 = 4  # comme le simulateur : au-delà, une erreur de frappe
# An amount as people type it, once spaces and « € » are gone: « 1200,50 », « 450 », « -5 ».
# Not what Python's Decimal would also take: « nan », « inf », « 1e3 ».
AMOUNT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
# Thousands written with dots, as often in France: « 1.500 », « 12.000,50 » (a dot followed by
# two digits stays a decimal point: « 1.50 »).
THOUSANDS_WITH_DOTS = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?")
MONTHS = (
    ("janvier", "janv"),
    ("fevrier", "fevr", "fev"),
    ("mars", "mar"),
    ("avril", "avr"),
    ("mai",),
    ("juin",),
    ("juillet", "juil"),
    ("aout",),
    ("septembre", "sept"),
    ("octobre", "oct"),
    ("novembre", "nov"),
    ("decembre", "dec"),
)
MONTH_NUMBERS = {name: number for number, names in enumerate(MONTHS, 1) for name in names}


def age_words(age: int) -> str:
    """« moins d'un an », « 1 an », « 4 ans »."""
    if age == 0:
        return _("moins d'un an")
    return ngettext("%(age)s an", "%(age)s ans", age) % {"age": age}


def parse_month(text: str) -> str | None:
    """« 2026-05 », « 05/2026 », « 5-2026 », « mai 2026 », « Août 2026 », « 12/05/2026 » or
    « 2026-05-12 » (a date: its month) → « 2026-05 »."""
    plain = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace(".", " ")
    plain = re.sub(r"\s+", " ", plain).strip()
    match = re.fullmatch(r"(\d{4}) ?[-/ ] ?(\d{1,2})(?:[-/ ]\d{1,2})?", plain)  # ISO, day or not
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    elif match := re.fullmatch(r"(\d{1,2}) ?[-/ ] ?(\d{4})", plain):
        year, month = int(match.group(2)), int(match.group(1))
    elif match := re.fullmatch(r"(\d{1,2}) ?[-/ ] ?(\d{1,2}) ?[-/ ] ?(\d{4})", plain):
        if not 1 <= int(match.group(1)) <= 31:
            return None
        year, month = int(match.group(3)), int(match.group(2))
    elif match := re.fullmatch(r"([a-z]+) ?(\d{4})", plain):
        year, month = int(match.group(2)), MONTH_NUMBERS.get(match.group(1), 0)
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}"


class EuroField(forms.CharField):
    """An amount in euros as people type it: « 450 », « 1 200,50 », « 450 € »."""

    def __init__(self, *, maximum: int = 1_000_000, **kwargs):
        self.maximum = maximum
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 20:
            raise forms.ValidationError(_("Écrivez seulement le montant, par exemple 450."))
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
        if THOUSANDS_WITH_DOTS.fullmatch(cleaned):
            cleaned = cleaned.replace(".", "")  # « 1.500 » : 1 500 €, not 1,50 €
        try:
            if not AMOUNT.fullmatch(cleaned):
                raise InvalidOperation(cleaned)
            amount = Decimal(cleaned.replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(
                _("« %(text)s » n'est pas un montant. Écrivez un nombre en euros, par exemple 450.")
                % {"text": text}
            ) from None
        if amount < 0:
            raise forms.ValidationError(_("Le montant ne peut pas être négatif."))
        if amount > self.maximum:
            raise forms.ValidationError(
                _("Ce montant semble trop grand : plus de %(maximum)s € par mois. Vérifiez-le.")
                % {"maximum": f"{self.maximum:,}".replace(",", "\u202f")}
            )
        return amount


class WholeNumberField(forms.CharField):
    """A whole number within bounds, typed in a text input (« 35 », « 35 ans »).

    `messages`: « invalid » and « range » (with %(minimum)s and %(maximum)s), whole sentences.
    """

    def __init__(self, *, minimum: int, maximum: int, messages: dict, **kwargs):
        self.minimum, self.maximum, self.messages = minimum, maximum, messages
        kwargs.setdefault("widget", TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        match = re.fullmatch(r"([+-]?\d+)\s*(?:ans?|%)?", text.strip())
        if not match:
            decimal = re.fullmatch(r"[+-]?\d*[.,]\d+\s*(?:ans?|%)?", text.strip())
            key = "decimal" if decimal and "decimal" in self.messages else "invalid"
            raise forms.ValidationError(str(self.messages[key]))
        digits = match.group(1).lstrip("+-").lstrip("0") or "0"
        number = int(match.group(1)) if len(digits) <= 6 else None
        if number is None or not self.minimum <= number <= self.maximum:
            bounds = {"minimum": self.minimum, "maximum": self.maximum}
            raise forms.ValidationError(str(self.messages["range"]) % bounds)
        return number


def current_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


class MonthField(forms.CharField):
    """A month as people type it (« 2026-05 », « mai 2026 », « 05/2026 ») → « 2026-05 »."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", TextInput(attrs={"autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value).strip()
        if not text:
            return None
        month = parse_month(text)
        if month is None:
            shown = text if len(text) <= 30 else f"{text[:30]}…"
            raise forms.ValidationError(
                _("Le mois « %(text)s » n'est pas compris. Écrivez-le ainsi : 2026-05 ou mai 2026.")
                % {"text": shown}
            )
        return month


class SelectField(forms.ChoiceField):
    """A list to choose from (its options written without a template each)."""

    widget = Select


class CheckField(forms.BooleanField):
    """A box to tick."""

    widget = CheckboxInput
