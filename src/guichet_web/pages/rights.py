"""« Mes droits »: the questionnaire, and its translation to the simulator's situation format.

The situation format is the one of shared/eval/README.md (`guichet simuler`). Every field
is a text input so that whatever a person typed comes back to them with the error message
(a number input would silently drop « beaucoup »).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone

HOUSING_CHOICES = [
    ("locataire", "Je loue à un propriétaire privé"),
    ("locataire_hlm", "Je loue un logement social (HLM)"),
    ("proprietaire", "Je suis propriétaire"),
    ("heberge_gratuit", "Je suis hébergé gratuitement (famille, amis)"),
    ("sans_domicile", "Je n'ai pas de logement"),
]
RENTING = {"locataire", "locataire_hlm"}
ACTIVITY_CHOICES = [
    ("", "Choisir…"),
    ("salarie", "Je travaille (salarié)"),
    ("independant", "Je travaille à mon compte"),
    ("chomeur", "Je cherche du travail"),
    ("etudiant", "Je suis étudiant"),
    ("retraite", "Je suis à la retraite"),
    ("inactif", "Aucune de ces situations"),
]
INCOMES = (
    ("salaire_net", "Salaire net"),
    ("chomage_net", "Allocation chômage"),
    ("retraite_nette", "Retraite"),
    ("pension_alimentaire_recue", "Pension alimentaire reçue"),
)
ADULTS = ("demandeur", "conjoint")
MAX_CHILDREN = 6


class EuroField(forms.CharField):
    """An amount in euros as people type it: « 450 », « 1 200,50 », « 450 € »."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 20:
            raise forms.ValidationError("Écrivez seulement le montant, par exemple 450.")
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise forms.ValidationError(
                f"« {text} » n'est pas un montant. Écrivez un nombre en euros, par exemple 450."
            ) from None
        if not amount.is_finite() or amount < 0:
            raise forms.ValidationError("Le montant ne peut pas être négatif.")
        if amount > 1_000_000:
            raise forms.ValidationError("Ce montant est trop grand. Vérifiez-le.")
        return amount


class WholeNumberField(forms.CharField):
    """A whole number within bounds, typed in a text input (« 35 », « 35 ans »)."""

    def __init__(self, *, minimum: int, maximum: int, what: str, **kwargs):
        self.minimum, self.maximum, self.what = minimum, maximum, what
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        match = re.fullmatch(r"(-?\d{1,6})\s*(?:ans?|%)?", text.strip())
        if not match:
            raise forms.ValidationError(f"Écrivez {self.what} en chiffres, par exemple 35.")
        number = int(match.group(1))
        if not self.minimum <= number <= self.maximum:
            raise forms.ValidationError(
                f"{self.what.capitalize()} doit être entre {self.minimum} et {self.maximum}."
            )
        return number


def current_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


class RightsForm(forms.Form):
    mois = forms.CharField(
        label="Mois du calcul",
        help_text="Par exemple 2026-05 pour mai 2026. Gardez le mois en cours si vous hésitez.",
        max_length=7,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "Indiquez le mois du calcul, par exemple 2026-05."},
    )
    logement_statut = forms.ChoiceField(
        label="Votre logement",
        choices=HOUSING_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez votre situation de logement."},
    )
    loyer = EuroField(
        label="Loyer par mois, sans les charges (en euros)",
        help_text="Seulement si vous louez votre logement.",
    )
    en_couple = forms.BooleanField(
        label="Je vis en couple (marié, pacsé ou en union libre)", required=False
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"mois": current_month()})
        super().__init__(*args, **kwargs)
        for prefix in ADULTS:
            self._add_person(prefix, required=prefix == "demandeur")
        for number in range(1, MAX_CHILDREN + 1):
            self.fields[f"enfant_{number}_age"] = WholeNumberField(
                label=f"Âge de l'enfant {number}",
                minimum=0,
                maximum=25,
                what="l'âge",
                required=False,
            )

    def _add_person(self, prefix: str, required: bool) -> None:
        who = "vous" if prefix == "demandeur" else "votre conjoint"
        self.fields[f"{prefix}_age"] = WholeNumberField(
            label="Âge",
            minimum=0,
            maximum=120,
            what="l'âge",
            required=required,
            error_messages={"required": f"Indiquez l'âge ({who})."},
        )
        self.fields[f"{prefix}_activite"] = forms.ChoiceField(
            label="Situation", choices=ACTIVITY_CHOICES, required=False
        )
        for name, label in INCOMES:
            self.fields[f"{prefix}_{name}"] = EuroField(label=f"{label} par mois (en euros)")
        self.fields[f"{prefix}_taux_incapacite"] = WholeNumberField(
            label="Taux d'incapacité reconnu par la MDPH (en %)",
            help_text="Laissez vide si vous n'en avez pas.",
            minimum=0,
            maximum=100,
            what="le taux",
            required=False,
        )
        self.fields[f"{prefix}_enceinte"] = forms.BooleanField(label="Enceinte", required=False)

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
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(
                f"Le mois « {text} » n'est pas compris. Écrivez-le ainsi : 2026-05."
            )
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"

    def clean(self):
        data = super().clean()
        renting = data.get("logement_statut") in RENTING
        if renting and data.get("loyer") is None and "loyer" not in self.errors:
            self.add_error("loyer", "Indiquez votre loyer par mois, sans les charges.")
        spouse = data.get("en_couple") and data.get("conjoint_age") is None
        if spouse and "conjoint_age" not in self.errors:
            self.add_error("conjoint_age", "Indiquez l'âge de votre conjoint.")
        return data

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
                name: float(data.get(f"{prefix}_{name}") or 0) for name, _ in INCOMES
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


def answers_from_post(post) -> dict:
    """What a person typed, kept in the session for « modifier mes réponses »."""
    return {key: value for key, value in post.items() if key != "csrfmiddlewaretoken"}
