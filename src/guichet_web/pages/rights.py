"""« Mes droits » on one page, for mediators: the form, and its translation to the
simulator's situation format (the one of shared/eval/README.md, `guichet simuler`, with the
simulator's optional fields). The same household as the questionnaire's, field for field.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import question_wording as wording
from .answer_fields import (
    AGE_MESSAGES,
    MAX_AGE,
    MAX_CHILD_AGE,
    MAX_INCOME,
    MAX_RENT,
    MIN_ADULT_AGE,
    RATE_MESSAGES,
    CheckField,
    EuroField,
    MonthField,
    SelectField,
    WholeNumberField,
    current_month,
)
from .questionnaire import INCOME_KEYS
from .questionnaire_situation import ESTABLISHMENTS as ESTABLISHMENTS_AFTER_THE_BAC
from .questionnaire_situation import locate
from .rights_checks import check_household

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
INCOME_LABELS = dict(INCOMES)
# The incomes before a change of situation: « demandeur_salaire_net_avant »…
BEFORE, BEFORE_INCOMES = "_avant", INCOME_KEYS
PENSION_CHOICES = [(choice.value, choice.label) for choice in wording.PENSION]
ESTABLISHMENT_CHOICES = [("", gettext_lazy("Pas d'études après le bac"))] + [
    (choice.value, choice.label)
    for choice in wording.ESTABLISHMENTS
    if choice.value in ESTABLISHMENTS_AFTER_THE_BAC
]
GIR_CHOICES = [("", gettext_lazy("Pas encore évalué, ou je ne sais pas"))] + [
    (choice.value, choice.label) for choice in wording.GIR if choice.value.isdigit()
]
_SPECIAL = {choice.value: choice for choice in wording.SPECIAL}
CEJ = _SPECIAL["cej"]
WORKED_5_YEARS = {
    prefix: _SPECIAL[f"travail_5_ans_{prefix}"].label for prefix in ("demandeur", "conjoint")
}
# The simulator's fields that this form names otherwise (``questionnaire_situation.locate``).
FORM_APPLICANT_KEYS = {"pension_alimentaire_impayee": "pension_payee"}
ADULTS = ("demandeur", "conjoint")
MAX_CHILDREN = 6


class RightsForm(forms.Form):
    max_children = MAX_CHILDREN
    mois = MonthField(
        label=gettext_lazy("Mois du calcul"),
        help_text=gettext_lazy(
            "Par exemple 2026-05 pour mai 2026. Gardez le mois en cours si vous hésitez."
        ),
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
    en_couple = CheckField(
        label=gettext_lazy("Je vis en couple (marié, pacsé ou en union libre)"), required=False
    )
    pension_payee = SelectField(
        label=gettext_lazy(
            "Si vous élevez seul vos enfants : la pension alimentaire est-elle payée ?"
        ),
        choices=[("", gettext_lazy("Choisir…")), *PENSION_CHOICES],
        required=False,
    )
    changement_depuis = MonthField(
        label=gettext_lazy("Mois du changement"),
        help_text=gettext_lazy("Le premier mois avec les nouveaux revenus. Au plus un an avant."),
        required=False,
    )
    separation_depuis = MonthField(
        label=gettext_lazy("Mois de la séparation"),
        help_text=gettext_lazy("Le mois où vous avez commencé à vivre sans votre conjoint."),
        required=False,
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
        for number in range(1, MAX_CHILDREN + 1):
            self.fields[f"enfant_{number}_taux_incapacite"] = WholeNumberField(
                label=_("Taux d'incapacité de l'enfant %(number)s (en %%)") % {"number": number},
                minimum=0,
                maximum=100,
                messages=RATE_MESSAGES,
                required=False,
            )
        for prefix in ADULTS:
            for name in BEFORE_INCOMES:
                self.fields[f"{prefix}_{name}{BEFORE}"] = EuroField(
                    label=INCOME_LABELS[name], maximum=MAX_INCOME
                )
        self.order_fields(self._page_order())

    def _page_order(self) -> list[str]:
        """The fields as the page shows them (``_rights_household.html``): the error
        summary lists them in that order."""
        names = list(self.fields)
        before = [name for name in names if name.endswith(BEFORE)]

        def of(prefix: str) -> list[str]:
            return [n for n in names if n.startswith(f"{prefix}_") and n not in before]

        children = [n for n in names if n.startswith("enfant_")]
        return [
            "mois",
            "logement_statut",
            "loyer",
            *of("demandeur"),
            "en_couple",
            *of("conjoint"),
            *[n for n in children if n.endswith("_age")],
            *[n for n in children if not n.endswith("_age")],
            "pension_payee",
            "changement_depuis",
            *before,
            "separation_depuis",
        ]

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
        self.fields[f"{prefix}_activite"] = SelectField(
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
        self.fields[f"{prefix}_enceinte"] = CheckField(label=_("Enceinte"), required=False)
        self.fields[f"{prefix}_naissance_prevue"] = MonthField(
            label=_("Mois prévu de la naissance"),
            help_text=_("Seulement en cas de grossesse, par exemple 2027-03."),
            required=False,
        )
        self.fields[f"{prefix}_etablissement"] = SelectField(
            label=_("Études après le bac"),
            help_text=_("Seulement pour un étudiant : la bourse dépend de l'établissement."),
            choices=ESTABLISHMENT_CHOICES,
            required=False,
        )
        self.fields[f"{prefix}_gir"] = SelectField(
            label=_("GIR évalué par le Département"),
            help_text=_(
                "Seulement à partir de 60 ans, pour l'APA : de GIR 1 (besoin d'aide pour tout) "
                "à GIR 6 (autonome)."
            ),
            choices=GIR_CHOICES,
            required=False,
        )
        self.fields[f"{prefix}_travail_5_ans_sur_10"] = CheckField(
            label=WORKED_5_YEARS[prefix], required=False
        )
        if prefix == "demandeur":
            self.fields["demandeur_cej"] = CheckField(label=CEJ.label, required=False)

    def person_fields(self, prefix: str) -> list:
        """This adult's fields on their own part of the page (the incomes before a change apart)."""
        return [
            field
            for field in self
            if field.name.startswith(f"{prefix}_") and not field.name.endswith(BEFORE)
        ]

    @property
    def applicant_fields(self) -> list:
        return self.person_fields("demandeur")

    @property
    def spouse_fields(self) -> list:
        return self.person_fields("conjoint")

    @property
    def child_fields(self) -> list:
        return [self[f"enfant_{n}_age"] for n in range(1, MAX_CHILDREN + 1)]

    @property
    def child_rate_fields(self) -> list:
        return [self[f"enfant_{n}_taux_incapacite"] for n in range(1, MAX_CHILDREN + 1)]

    def before_fields(self, prefix: str) -> list:
        return [self[f"{prefix}_{name}{BEFORE}"] for name in BEFORE_INCOMES]

    @property
    def applicant_before_fields(self) -> list:
        return self.before_fields("demandeur")

    @property
    def spouse_before_fields(self) -> list:
        return self.before_fields("conjoint")

    def clean(self):
        data = super().clean()
        renting = data.get("logement_statut") in RENTING
        if renting and data.get("loyer") is None and "loyer" not in self.errors:
            self.add_error("loyer", _("Indiquez votre loyer par mois, sans les charges."))
        if "logement_statut" in data and not renting:
            self.ignore("loyer")  # a rent typed, then « propriétaire » chosen
        spouse = data.get("en_couple") and data.get("conjoint_age") is None
        if spouse and "conjoint_age" not in self.errors:
            self.add_error("conjoint_age", _("Indiquez l'âge de votre conjoint."))
        spouse_typed = self.typed(self.spouse_fields + self.spouse_before_fields)
        if not data.get("en_couple") and spouse_typed:
            self.add_error(
                "en_couple",
                _(
                    "Vous avez rempli les cases du conjoint : cochez « Je vis en couple » "
                    "ou videz-les."
                ),
            )
        check_household(self, data)
        return data

    @property
    def single_parent(self) -> bool:
        data = self.cleaned_data
        has_children = any(
            data.get(f"enfant_{n}_age") is not None for n in range(1, MAX_CHILDREN + 1)
        )
        return has_children and not data.get("en_couple")

    @staticmethod
    def adults_present(data: dict) -> tuple[str, ...]:
        return ADULTS if data.get("en_couple") else ADULTS[:1]

    def typed(self, bound_fields) -> bool:
        """Something typed or ticked in these fields (what was typed, valid or not)."""
        for bound in bound_fields:
            value = bound.data
            if isinstance(bound.field, forms.BooleanField):
                if bound.field.to_python(value):
                    return True
            elif isinstance(value, str) and value.strip():
                return True
        return False

    def ignore(self, name: str) -> None:
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
        """« Vous – Âge », « Votre conjoint – Avant le changement – Salaire… », « Enfant 2 – Âge »."""
        label = str(self.fields[name].label)
        if name.endswith(BEFORE):
            before = _("Avant le changement")
            label = f"{before} – {label}"
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
        for prefix in self.adults_present(data):
            people.append(self._person(prefix))
            prefixes.append(prefix)
        for number in range(1, MAX_CHILDREN + 1):
            age = data.get(f"enfant_{number}_age")
            if age is not None:
                child = {"role": "enfant", "age": age}
                rate = data.get(f"enfant_{number}_taux_incapacite")
                if rate:
                    child["taux_incapacite"] = rate
                people.append(child)
                prefixes.append(f"enfant_{number}")
        situation = {"mois": data["mois"], "logement": housing, "personnes": people}
        if data.get("separation_depuis"):
            situation["separation_depuis"] = data["separation_depuis"]
        return situation, prefixes

    def _person(self, prefix: str) -> dict:
        data = self.cleaned_data
        incomes = {name: float(data.get(f"{prefix}_{name}") or 0) for name, _label in INCOMES}
        person = {
            "role": prefix,
            "age": data[f"{prefix}_age"],
            "revenus_mensuels": incomes,
            "taux_incapacite": data.get(f"{prefix}_taux_incapacite") or 0,
            "enceinte": bool(data.get(f"{prefix}_enceinte")),
        }
        if data.get(f"{prefix}_activite"):
            person["activite"] = data[f"{prefix}_activite"]
        if prefix == "demandeur" and data.get("pension_payee"):
            person["pension_alimentaire_impayee"] = data["pension_payee"] != "oui"
        if data.get(f"{prefix}_naissance_prevue"):
            person["naissance_prevue"] = data[f"{prefix}_naissance_prevue"]
        if data.get(f"{prefix}_etablissement") in ESTABLISHMENTS_AFTER_THE_BAC:
            person["etablissement_superieur"] = data[f"{prefix}_etablissement"]
        if data.get(f"{prefix}_gir"):
            person["gir"] = int(data[f"{prefix}_gir"])
        if data.get(f"{prefix}_travail_5_ans_sur_10"):
            person["travail_5_ans_sur_10"] = True
        if data.get(f"{prefix}_cej"):
            person["cej"] = True
        before = [data.get(f"{prefix}_{name}{BEFORE}") for name in BEFORE_INCOMES]
        if data.get("changement_depuis") and any(amount is not None for amount in before):
            person["changement"] = {
                "depuis": data["changement_depuis"],
                "revenus_mensuels_avant": incomes
                | {
                    name: float(amount or 0)
                    for name, amount in zip(BEFORE_INCOMES, before, strict=True)
                },
            }
        return person


def field_for_champ(champ: str, prefixes: list[str], form: RightsForm) -> str | None:
    """Map the simulator's field path back to a form field, or None (a form-wide error).

    « personnes[1].revenus_mensuels.salaire_net » → « conjoint_salaire_net »;
    « personnes[0].changement.depuis » → « changement_depuis »; « mois » → « mois ».
    """
    candidate = locate(champ, prefixes, applicant_keys=FORM_APPLICANT_KEYS)
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
