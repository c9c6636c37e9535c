"""« Mes droits », one question per screen: the form of each screen, and the review.

Which screens a household sees, and in which order, is decided in ``questionnaire.py``;
here, each screen is a small form whose fields are the answer keys of its step (added by
``question_steps.py``, worded in ``question_wording.py``). Every field
is a text input, a set of big radio buttons or of check boxes, so that what a person typed
comes back with the error message (a number input would silently drop « beaucoup »).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from . import questionnaire as q
from .answer_fields import (
    AGE_MESSAGES,
    MAX_AGE,
    MAX_CHILD_AGE,
    MAX_INCOME,
    MIN_ADULT_AGE,
    EuroField,
    WholeNumberField,
    age_words,
)
from .question_steps import BUILDERS, CHECKS
from .question_wording import SCREENS, Choice

COMPACT = {"nb_enfants"}  # short choices, side by side


@dataclass(frozen=True)
class Option:
    tag: str
    id: str
    label: str
    picto: str
    official: str


class StepForm(forms.Form):
    """The fields of one step, named after its answer keys."""

    def __init__(self, step_id: str, answers: q.Answers, *args, **kwargs):
        self.step_id, self.answers = step_id, answers
        self.screen = SCREENS[step_id]
        kwargs.setdefault("initial", initial_values(answers))
        super().__init__(*args, **kwargs)
        self.extras: dict[str, dict[str, Choice]] = {}
        self.officials: dict[str, str] = {}
        self.legends: dict[str, str] = {}
        BUILDERS[step_id](self)

    @property
    def question(self) -> str:
        """The question, its « ? » kept on the line of its last word (French spacing)."""
        screen = self.screen
        if self.step_id == "ages" and len(q.people(self.answers)) == 1:
            text = str(_("Quel âge avez-vous ?"))
        else:
            text = str(screen.couple_question if q.in_couple(self.answers) else screen.question)
        return text.replace(" ?", "\u00a0?")

    # Building the fields.

    def choice(self, key: str, label, choices, *, coerce=str, legend: str = "") -> None:
        self.fields[key] = forms.TypedChoiceField(
            label=label,
            choices=[(c.value, c.label) for c in choices],
            coerce=coerce,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choisissez une réponse.")},
        )
        self.extras[key] = {c.value: c for c in choices}
        if legend:
            self.legends[key] = legend

    def amount(self, key: str, label, *, required: bool, hint="", official="", maximum=None):
        self.fields[key] = EuroField(
            label=label,
            help_text=hint,
            required=required,
            maximum=maximum or MAX_INCOME,
            error_messages={"required": _("Écrivez un montant, ou 0 si vous n'avez rien.")},
        )
        if official:
            self.officials[key] = official

    def age(self, key: str, label, *, child: bool) -> None:
        self.fields[key] = WholeNumberField(
            label=label,
            minimum=0 if child else MIN_ADULT_AGE,
            maximum=MAX_CHILD_AGE if child else MAX_AGE,
            messages=AGE_MESSAGES,
            error_messages={"required": _("Indiquez l'âge.")},
        )

    # Reading the answers back.

    def clean(self):
        data = super().clean()
        extra_check = CHECKS.get(self.step_id)
        if extra_check:
            extra_check(self, data)
        for key in self.fields:
            if not q.applies(key, data):  # typed for an option since left
                data[key] = None
                self._errors.pop(key, None)
        return data

    def to_answers(self) -> dict:
        """The answers of this step as JSON values (None for an empty optional answer)."""
        answers = {}
        for key in self.fields:
            value = self.cleaned_data.get(key)
            if isinstance(value, Decimal):
                value = round(float(value), 2)
            elif value == "":
                value = None
            answers[key] = value
        return answers

    # For the template.

    def mark_errors(self) -> None:
        """Tie each field to its hint and its error message (aria-describedby)."""
        for bound in self:
            described = [f"{bound.auto_id}-aide"] if bound.help_text else []
            if bound.errors:
                described.append(f"{bound.auto_id}-erreur")
                bound.field.widget.attrs["aria-invalid"] = "true"
            if described:
                bound.field.widget.attrs["aria-describedby"] = " ".join(described)

    def groups(self) -> list[dict]:
        self.mark_errors()
        groups = []
        for bound in self:
            extras = self.extras.get(bound.name, {})
            choices = bound.widget_type in ("radioselect", "checkboxselectmultiple")
            options = [
                Option(
                    sub.tag(),
                    sub.id_for_label,
                    sub.choice_label,
                    extras[str(sub.data["value"])].picto,
                    extras[str(sub.data["value"])].official,
                )
                for sub in (bound.subwidgets if choices else ())
            ]
            groups.append(
                {
                    "field": bound,
                    "choices": choices,
                    "options": options,
                    "legend": self.legends.get(bound.name, ""),
                    "compact": bound.name in COMPACT,
                    "official": self.officials.get(bound.name, ""),
                }
            )
        return groups


def initial_values(answers: q.Answers) -> dict:
    """The stored answers as a person would type them (« 1200,50 », « 35 »)."""
    initial = {}
    for key, value in answers.items():
        if isinstance(value, float):
            text = f"{value:.2f}".replace(".", ",")
            initial[key] = text.removesuffix(",00")
        elif isinstance(value, int) and not isinstance(value, bool):
            initial[key] = str(value)
        elif value is None:
            initial[key] = ""
        else:
            initial[key] = value
    return initial


def build_form(step_id: str, answers: q.Answers, data=None) -> StepForm:
    return StepForm(step_id, answers, data=data)


def summary(step_id: str, answers: q.Answers) -> list[tuple[str, str]]:
    """For the review: (label, answer in words) for each field of the step."""
    form = build_form(step_id, answers)
    lines, person = [], ""
    for key, field in form.fields.items():
        if not q.applies(key, answers):
            continue
        person = form.legends.get(key, person)  # « Vous », « Votre conjoint » before their fields
        label = f"{person} – {field.label}" if person else str(field.label)
        lines.append((label, _words(field, answers.get(key), form.extras.get(key, {}))))
    return lines


def _words(field, value, extras: dict) -> str:
    if value is None or value == "":
        return str(_("rien"))
    if isinstance(value, list):
        return ", ".join(str(extras[v].label) for v in value if v in extras) or str(_("aucune"))
    if extras:
        choice = extras.get(str(value))
        return str(choice.label) if choice else str(value)
    if isinstance(field, EuroField):
        text = f"{float(value):,.2f}".replace(",", "\u202f").replace(".", ",")
        return f"{text.removesuffix(',00')}\u00a0€"
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(field, WholeNumberField):
        return age_words(value)
    return str(value)
