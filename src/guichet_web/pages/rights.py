"""« Mes droits »: the questionnaire, and its translation to the simulator's situation format.

The situation format is the one of shared/eval/README.md (`guichet simuler`). Every field
is a text input so that whatever a person typed comes back to them with the error message
(a number input would silently drop « beaucoup »).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

HOUSING_CHOICES = [
    ("locataire", gettext_lazy("Je loue à un propriétaire privé")),
    ("locataire_hlm", gettext_lazy("Je loue un logement social (HLM)")),
    ("proprietaire", gettext_lazy("Je suis propriétaire")),
    ("heberge_gratuit", gettext_lazy("Je suis hébergé gratuitement (famille, amis)")),
    ("sans_domicile", gettext_lazy("Je n'ai pas de logement")),
]
RENTING = {"locataire", "locataire_hlm"}
ACTIVITY_CHOICES = [
    ("", gettext_lazy("Choisir…")),
    ("salarie", gettext_lazy("Je travaille (salarié)")),
    ("independant", gettext_lazy("Je travaille à mon compte")),
    ("chomeur", gettext_lazy("Je cherche du travail")),
    ("etudiant", gettext_lazy("Je suis étudiant")),
    ("retraite", gettext_lazy("Je suis à la retraite")),
    ("inactif", gettext_lazy("Aucune de ces situations")),
]
# Labels of the monthly incomes, « … par mois (en euros) » (one message each, for translators).
INCOMES = (
    ("salaire_net", gettext_lazy("Salaire net par mois (en euros)")),
    ("chomage_net", gettext_lazy("Allocation chômage par mois (en euros)")),
    ("retraite_nette", gettext_lazy("Retraite par mois (en euros)")),
    ("pension_alimentaire_recue", gettext_lazy("Pension alimentaire reçue par mois (en euros)")),
)
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
ADULTS = ("demandeur", "conjoint")
MAX_CHILDREN = 6
# The simulator's bounds (guichet.simulator.situation), checked here first so that the
# message is next to the field; the questionnaire (question_forms.py) uses the same.
MIN_ADULT_AGE, MAX_AGE, MAX_CHILD_AGE = 15, 120, 25
MAX_RENT, MAX_INCOME = 10_000, 100_000
# An amount as people type it, once spaces and « € » are gone: « 1200,50 », « 450 », « -5 ».
# Not what Python's Decimal would also take: « nan », « inf », « 1e3 ».
AMOUNT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
MONTHS = (
    ("janvier", "janv"),
    ("fevrier", "fevr", "fev"),
    ("mars",),
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
    """« 2026-05 », « 05/2026 », « 5-2026 », « mai 2026 », « Août 2026 » → « 2026-05 »."""
    plain = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace(".", " ")
    plain = re.sub(r"\s+", " ", plain).strip()
    match = re.fullmatch(r"(\d{4}) ?[-/ ] ?(\d{1,2})", plain)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    elif match := re.fullmatch(r"(\d{1,2}) ?[-/ ] ?(\d{4})", plain):
        year, month = int(match.group(2)), int(match.group(1))
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
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 20:
            raise forms.ValidationError(_("Écrivez seulement le montant, par exemple 450."))
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
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
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
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


class RightsForm(forms.Form):
    mois = forms.CharField(
        label=gettext_lazy("Mois du calcul"),
        help_text=gettext_lazy(
            "Par exemple 2026-05 pour mai 2026. Gardez le mois en cours si vous hésitez."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": gettext_lazy("Indiquez le mois du calcul, par exemple 2026-05.")
        },
    )
    logement_statut = forms.ChoiceField(
        label=gettext_lazy("Votre logement"),
        choices=HOUSING_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choisissez votre situation de logement.")},
    )
    loyer = EuroField(
        label=gettext_lazy("Loyer par mois, sans les charges (en euros)"),
        help_text=gettext_lazy("Seulement si vous louez votre logement."),
        maximum=MAX_RENT,
    )
    en_couple = forms.BooleanField(
        label=gettext_lazy("Je vis en couple (marié, pacsé ou en union libre)"), required=False
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"mois": current_month()})
        super().__init__(*args, **kwargs)
        self.ignored: set[str] = set()
        for prefix in ADULTS:
            self._add_person(prefix, required=prefix == "demandeur")
        for number in range(1, MAX_CHILDREN + 1):
            self.fields[f"enfant_{number}_age"] = WholeNumberField(
                label=_("Âge de l'enfant %(number)s") % {"number": number},
                minimum=0,
                maximum=MAX_CHILD_AGE,
                messages=AGE_MESSAGES,
                required=False,
            )

    def _add_person(self, prefix: str, required: bool) -> None:
        missing_age = (
            _("Indiquez l'âge (vous).")
            if prefix == "demandeur"
            else _("Indiquez l'âge (votre conjoint).")
        )
        self.fields[f"{prefix}_age"] = WholeNumberField(
            label=_("Âge"),
            minimum=MIN_ADULT_AGE,
            maximum=MAX_AGE,
            messages=AGE_MESSAGES,
            required=required,
            error_messages={"required": missing_age},
        )
        self.fields[f"{prefix}_activite"] = forms.ChoiceField(
            label=_("Situation"), choices=ACTIVITY_CHOICES, required=False
        )
        for name, label in INCOMES:
            self.fields[f"{prefix}_{name}"] = EuroField(label=label, maximum=MAX_INCOME)
        self.fields[f"{prefix}_taux_incapacite"] = WholeNumberField(
            label=_("Taux d'incapacité reconnu par la MDPH (en %)"),
            help_text=_("Laissez vide si vous n'en avez pas."),
            minimum=0,
            maximum=100,
            messages=RATE_MESSAGES,
            required=False,
        )
        self.fields[f"{prefix}_enceinte"] = forms.BooleanField(label=_("Enceinte"), required=False)

    def person_fields(self, prefix: str) -> list:
        return [field for field in self if field.name.startswith(f"{prefix}_")]

    @property
    def applicant_fields(self) -> list:
        return self.person_fields("demandeur")

    @property
    def spouse_fields(self) -> list:
        return self.person_fields("conjoint")

    @property
    def child_fields(self) -> list:
        return [self[f"enfant_{n}_age"] for n in range(1, MAX_CHILDREN + 1)]

    def clean_mois(self) -> str:
        text = self.cleaned_data["mois"].strip()
        month = parse_month(text)
        if month is None:
            shown = text if len(text) <= 30 else f"{text[:30]}…"
            raise forms.ValidationError(
                _("Le mois « %(text)s » n'est pas compris. Écrivez-le ainsi : 2026-05 ou mai 2026.")
                % {"text": shown}
            )
        return month

    def clean(self):
        data = super().clean()
        renting = data.get("logement_statut") in RENTING
        if renting and data.get("loyer") is None and "loyer" not in self.errors:
            self.add_error("loyer", _("Indiquez votre loyer par mois, sans les charges."))
        if "logement_statut" in data and not renting:
            self._ignore("loyer")  # a rent typed, then « propriétaire » chosen
        spouse = data.get("en_couple") and data.get("conjoint_age") is None
        if spouse and "conjoint_age" not in self.errors:
            self.add_error("conjoint_age", _("Indiquez l'âge de votre conjoint."))
        if not data.get("en_couple") and self._typed(self.spouse_fields):
            self.add_error(
                "en_couple",
                _(
                    "Vous avez rempli les cases du conjoint : cochez « Je vis en couple » "
                    "ou videz-les."
                ),
            )
        return data

    def _typed(self, bound_fields) -> bool:
        """Something typed or ticked in these fields (what was typed, valid or not)."""
        for bound in bound_fields:
            value = bound.data
            if isinstance(bound.field, forms.BooleanField):
                if bound.field.to_python(value):
                    return True
            elif isinstance(value, str) and value.strip():
                return True
        return False

    def _ignore(self, name: str) -> None:
        """An answer that belongs to an option not chosen: neither checked nor used."""
        self.ignored.add(name)
        self.cleaned_data[name] = None
        self._errors.pop(name, None)

    def error_items(self) -> list[tuple[str, str, str]]:
        """For the error summary: (anchor, « whose field – label », first message)."""
        items = []
        for bound in self:
            if not bound.errors:
                continue
            anchor = bound.auto_id + ("_0" if bound.widget_type == "radioselect" else "")
            items.append((anchor, self.summary_label(bound.name), bound.errors[0]))
        return items

    def summary_label(self, name: str) -> str:
        """« Vous – Âge », « Votre conjoint – Situation », « Enfant 2 – Âge »."""
        label = str(self.fields[name].label)
        if name.startswith("demandeur_"):
            return f"{_('Vous')} – {label}"
        if name.startswith("conjoint_"):
            return f"{_('Votre conjoint')} – {label}"
        match = re.fullmatch(r"enfant_(\d+)_age", name)
        if match:
            return f"{_('Enfant %(number)s') % {'number': match.group(1)}} – {_('Âge')}"
        return label

    def situation(self) -> tuple[dict, list[str]]:
        """The situation dict, and for each person the prefix of its fields (for errors)."""
        data = self.cleaned_data
        housing = {"statut": data["logement_statut"]}
        if data["logement_statut"] in RENTING:
            housing["loyer"] = float(data["loyer"])
        people, prefixes = [], []
        for prefix in ADULTS:
            if prefix == "conjoint" and not data.get("en_couple"):
                continue
            people.append(self._person(prefix))
            prefixes.append(prefix)
        for number in range(1, MAX_CHILDREN + 1):
            age = data.get(f"enfant_{number}_age")
            if age is not None:
                people.append({"role": "enfant", "age": age})
                prefixes.append(f"enfant_{number}")
        situation = {"mois": data["mois"], "logement": housing, "personnes": people}
        return situation, prefixes

    def _person(self, prefix: str) -> dict:
        data = self.cleaned_data
        person = {
            "role": prefix,
            "age": data[f"{prefix}_age"],
            "revenus_mensuels": {
                name: float(data.get(f"{prefix}_{name}") or 0) for name, _label in INCOMES
            },
            "taux_incapacite": data.get(f"{prefix}_taux_incapacite") or 0,
            "enceinte": bool(data.get(f"{prefix}_enceinte")),
        }
        if data.get(f"{prefix}_activite"):
            person["activite"] = data[f"{prefix}_activite"]
        return person


def field_for_champ(champ: str, prefixes: list[str], form: RightsForm) -> str | None:
    """Map the simulator's field path back to a form field, or None (a form-wide error).

    « personnes[1].revenus_mensuels.salaire_net » → « conjoint_salaire_net »;
    « logement.loyer » → « loyer »; « mois » → « mois ».
    """
    parts = re.findall(r"[a-z_]+|\d+", champ or "")
    candidate = None
    if parts[:1] == ["personnes"] and len(parts) > 1 and parts[1].isdigit():
        index = int(parts[1])
        if index < len(prefixes):
            prefix = prefixes[index]
            leaf = parts[-1] if len(parts) > 2 else "age"
            candidate = f"{prefix}_{leaf}"
    elif parts[:1] == ["logement"]:
        candidate = "loyer" if parts[-1] == "loyer" else "logement_statut"
    elif parts[:1] == ["mois"]:
        candidate = "mois"
    return candidate if candidate in form.fields else None


def answers_from_post(post, ignored=()) -> dict:
    """What a person typed, kept in the session for « modifier mes réponses ».

    `ignored`: the answers of options not chosen (a rent for an owner), cleared.
    """
    return {
        key: value
        for key, value in post.items()
        if key != "csrfmiddlewaretoken" and key not in ignored
    }
