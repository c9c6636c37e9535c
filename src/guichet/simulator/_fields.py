"""Reading untrusted input field by field, with the path of each field.

Every refusal is a ``SituationError`` whose ``champ`` is the path of the field
(``personnes[0].revenus_mensuels.salaire_net``) and whose message is plain
French, short enough to be shown as it is to the person who typed it.
"""

from __future__ import annotations

import math
import re

_MISSING = object()
_NUMBER_RE = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class SituationError(ValueError):
    """A malformed or absurd situation, refused before any computation."""

    def __init__(self, message: str, champ: str):
        super().__init__(message)
        self.message = message
        self.champ = champ

    def to_json(self) -> dict:
        return {"erreur": self.message, "champ": self.champ}


class Reader:
    """A value and the path that leads to it in the input."""

    def __init__(self, value: object, path: str, label: str | None = None):
        self.value = value
        self.path = path
        self.label = label

    def error(self, message: str) -> SituationError:
        return SituationError(message, self.path or "situation")

    def child(self, key: str | int) -> Reader:
        if isinstance(key, int):
            items = self.value if isinstance(self.value, list) else []
            value = items[key] if key < len(items) else None
            return Reader(value, f"{self.path}[{key}]")
        value = self.value.get(key) if isinstance(self.value, dict) else None
        return Reader(value, f"{self.path}.{key}" if self.path else key)

    def optional(self, key: str) -> object:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def require_object(self) -> None:
        if not isinstance(self.value, dict):
            what = self.label or "ce champ"
            raise self.error(f"Pour {what}, il faut un objet avec des champs entre accolades.")

    def reject_unknown(self, known: set[str]) -> None:
        self.require_object()
        for key in self.value:
            if key not in known:
                path = f"{self.path}.{key}" if self.path else str(key)
                expected = ", ".join(sorted(known))
                raise SituationError(
                    f"Le champ « {key} » n'est pas connu. Champs possibles : {expected}.", path
                )

    def items(self, label: str) -> list[Reader]:
        if not isinstance(self.value, list):
            raise self.error(f"Pour {label}, il faut une liste entre crochets.")
        return [self.child(i) for i in range(len(self.value))]


def read_text(reader: Reader, max_length: int = 100) -> str:
    value = reader.value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise reader.error("Ce champ attend un texte court.")
    text = str(value).strip()
    if len(text) > max_length:
        raise reader.error(f"Ce texte est trop long ({max_length} caractères au plus).")
    return text


def read_bool(reader: Reader) -> bool:
    value = reader.value
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {
        "oui",
        "true",
        "1",
        "non",
        "false",
        "0",
    }:
        return value.strip().lower() in {"oui", "true", "1"}
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise reader.error("Répondez par oui (true) ou non (false).")


def read_month(reader: Reader) -> str:
    """A month written "AAAA-MM" (2026-05)."""
    text = read_text(reader)
    match = _MONTH_RE.match(text)
    if not match:
        raise reader.error(f"Le mois « {text} » n'est pas compris : écrivez-le ainsi : 2026-05.")
    if not 1 <= int(match.group(2)) <= 12:
        raise reader.error(f"Le mois « {text} » n'existe pas : le mois va de 01 à 12.")
    return text


def _to_number(reader: Reader, label: str) -> float:
    value = reader.value
    if isinstance(value, bool):
        raise reader.error(f"{label} doit être un nombre, pas « {value} ».")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "").removesuffix("€")
        if not _NUMBER_RE.match(text):
            raise reader.error(
                f"{label} doit être un nombre : « {value.strip()} » n'en est pas un."
            )
        number = float(text.replace(",", "."))
    else:
        raise reader.error(f"{label} doit être un nombre.")
    if not math.isfinite(number):
        raise reader.error(f"{label} doit être un nombre.")
    return number


def read_number(reader: Reader, label: str, minimum: float, maximum: float) -> float:
    number = _to_number(reader, label)
    if number < minimum:
        raise reader.error(f"{label} ne peut pas être inférieur à {_fmt(minimum)}.")
    if number > maximum:
        raise reader.error(f"{label} ne peut pas dépasser {_fmt(maximum)}.")
    return number


def read_int(reader: Reader, label: str, minimum: int, maximum: int) -> int:
    number = _to_number(reader, label)
    if number != int(number):
        raise reader.error(f"{label} doit être un nombre entier : « {reader.value} ».")
    if number < minimum:
        raise reader.error(f"{label} ne peut pas être négatif : « {reader.value} ».")
    if number > maximum:
        raise reader.error(f"{label} ne peut pas dépasser {maximum} : « {reader.value} ».")
    return int(number)


def read_money(reader: Reader, label: str, maximum: float, per_month: bool = True) -> float:
    """A monthly amount in euros, rounded to the cent."""
    number = _to_number(reader, label)
    if number < 0:
        raise reader.error(f"{label} ne peut pas être négatif : « {reader.value} ».")
    if number > maximum:
        unit = " par mois" if per_month else ""
        raise reader.error(f"{label} semble trop élevé : plus de {_fmt(maximum)} €{unit}.")
    return round(number, 2)


def _fmt(number: float) -> str:
    if number == int(number):
        return f"{int(number):,}".replace(",", "\u202f")
    return f"{number:.2f}".replace(".", ",")
