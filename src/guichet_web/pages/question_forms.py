"""« Mes droits », one question per screen: the wording and the validation of each screen.

Which screens a household sees, and in which order, is decided in ``questionnaire.py``;
here, each screen is a small form whose fields are the answer keys of its step. Every field
is a text input, a set of big radio buttons or of check boxes, so that what a person typed
comes back with the error message (a number input would silently drop « beaucoup »).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from . import questionnaire as q
from .question_wording import ACTIVITIES, HOUSING, INCOMES, SCREENS, SPECIAL, Choice
from .rights import (
    AGE_MESSAGES,
    MAX_AGE,
    MAX_CHILD_AGE,
    MAX_INCOME,
    MAX_RENT,
    MIN_ADULT_AGE,
    EuroField,
    WholeNumberField,
)

MAX_CHILDREN_UNDER_2 = 4
COMPACT = {"nb_enfants"}  # short choices, side by side  # comme le simulateur : au-delà, une erreur de frappe
RATES = (
    Choice("0", _("Pas de taux reconnu, ou moins de 50 %")),
    Choice("50", _("De 50 à 79 %")),
    Choice("80", _("80 % ou plus")),
)


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
        screen = self.screen
        if self.step_id == "ages" and len(q.people(self.answers)) == 1:
            return str(_("Quel âge avez-vous ?"))
        return str(screen.couple_question if q.in_couple(self.answers) else screen.question)

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
            error_messages={"required": _("Écrivez l'âge en chiffres, par exemple 35.")},
        )

    # Reading the answers back.

    def clean(self):
        data = super().clean()
        extra_check = CHECKS.get(self.step_id)
        if extra_check:
            extra_check(self, data)
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


def person_label(prefix: str, answers: q.Answers) -> str:
    if prefix == "demandeur":
        return str(_("Vous"))
    if prefix == "conjoint":
        return str(_("Votre conjoint"))
    number = int(prefix.removeprefix("enfant_"))
    age = answers.get(f"{prefix}_age")
    if isinstance(age, int):
        return str(_("Enfant %(number)s (%(age)s ans)") % {"number": number, "age": age})
    return str(_("Enfant %(number)s") % {"number": number})


# One builder per step.


def _household(form: StepForm) -> None:
    form.choice(
        "en_couple",
        _("Vous vivez…"),
        (
            Choice("non", _("Seul ou seule")),
            Choice("oui", _("En couple"), official=_("marié, pacsé ou en union libre")),
        ),
    )
    children = [Choice("0", _("Aucun enfant"))]
    children += [Choice(str(n), str(n)) for n in range(1, q.MAX_CHILDREN + 1)]
    form.choice(
        "nb_enfants", _("Combien d'enfants vivent avec vous ?"), children, coerce=int
    )
    form.fields["nb_enfants"].help_text = _("Les enfants à votre charge, jusqu'à 25 ans.")


def _ages(form: StepForm) -> None:
    for prefix in q.people(form.answers):
        form.age(f"{prefix}_age", person_label(prefix, form.answers), child="enfant" in prefix)


def _pension(form: StepForm) -> None:
    form.amount(
        "pension_alimentaire",
        _("Montant par mois (en euros)"),
        required=True,
        hint=_("Écrivez 0 si vous n'en recevez pas."),
        official=_("pension alimentaire, ou contribution à l'entretien des enfants"),
    )


def _housing(form: StepForm) -> None:
    form.choice("logement_statut", _("Votre logement"), HOUSING)


def _rent(form: StepForm) -> None:
    form.amount(
        "loyer",
        _("Loyer par mois, sans les charges (en euros)"),
        required=True,
        hint=_("Regardez votre quittance ou votre bail."),
        official=_("loyer hors charges"),
        maximum=MAX_RENT,
    )
    form.fields["loyer"].error_messages["required"] = _(
        "Indiquez votre loyer par mois, sans les charges."
    )


def _activity(prefix: str):
    def build(form: StepForm) -> None:
        form.choice(f"{prefix}_activite", _("Activité"), ACTIVITIES[prefix])

    return build


def _incomes(prefix: str):
    def build(form: StepForm) -> None:
        for position, key in enumerate(q.income_keys(prefix, form.answers)):
            name = key.removeprefix(f"{prefix}_")
            wording = INCOMES[name]
            main = position == 0
            form.amount(
                key,
                wording.label,
                required=main,
                hint=_("Écrivez 0 si rien.") if main else _("Laissez vide si rien."),
                official=wording.official,
            )

    return build


def _changed(form: StepForm) -> None:
    form.choice(
        "revenus_changes",
        _("Changement de revenus"),
        (Choice("non", _("Non")), Choice("oui", _("Oui"))),
    )
    form.fields["revenus_changes"].help_text = _(
        "Par exemple : travail perdu ou trouvé, fin du chômage, départ à la retraite, séparation."
    )


def _since(form: StepForm) -> None:
    months = q.recent_months(str(form.answers.get("mois")))
    from .templatetags.guichet import month_fr

    choices = [(m, month_fr(m)) for m in months]
    choices[0] = (months[0], _("%(month)s (ce mois-ci)") % {"month": month_fr(months[0])})
    form.fields["changement_depuis"] = forms.ChoiceField(
        label=_("Mois du changement"),
        choices=[("", _("Choisir un mois…")), *choices],
        help_text=_("Le premier mois avec les nouveaux revenus. Au plus un an avant."),
        error_messages={"required": _("Choisissez le mois du changement.")},
    )


def _before(form: StepForm) -> None:
    for prefix in q.adults(form.answers):
        legend = person_label(prefix, form.answers)
        for key in q.before_keys(prefix, form.answers):
            name = key.removeprefix(f"{prefix}_").removesuffix("_avant")
            form.amount(key, INCOMES[name].label, required=False, hint=_("Laissez vide si rien."))
            if legend:
                form.legends[key], legend = str(legend), ""


def _situations(form: StepForm) -> None:
    form.fields["particularites"] = forms.MultipleChoiceField(
        label=_("Cochez ce qui vous concerne"),
        choices=[(c.value, c.label) for c in SPECIAL],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Si rien ne vous concerne, continuez sans rien cocher."),
    )
    form.extras["particularites"] = {c.value: c for c in SPECIAL}


def _disability(form: StepForm) -> None:
    for prefix in q.people(form.answers):
        key = f"{prefix}_taux_incapacite"
        form.choice(key, person_label(prefix, form.answers), RATES, coerce=int)
        form.initial.setdefault(key, "0")


BUILDERS = {
    "foyer": _household,
    "ages": _ages,
    "pension": _pension,
    "logement": _housing,
    "loyer": _rent,
    "activite": _activity("demandeur"),
    "revenus": _incomes("demandeur"),
    "conjoint-activite": _activity("conjoint"),
    "conjoint-revenus": _incomes("conjoint"),
    "changement": _changed,
    "depuis": _since,
    "avant": _before,
    "situations": _situations,
    "handicap": _disability,
}


# Checks across the fields of one step.


def _check_ages(form: StepForm, data: dict) -> None:
    ages = [data.get(f"{p}_age") for p in q.child_prefixes(form.answers)]
    if sum(age is not None and age < 2 for age in ages) > MAX_CHILDREN_UNDER_2:
        first = q.child_prefixes(form.answers)[0]
        form.add_error(
            f"{first}_age",
            _("Plus de %(count)s enfants de moins de 2 ans : vérifiez les âges.")
            % {"count": MAX_CHILDREN_UNDER_2},
        )


def _check_before(form: StepForm, data: dict) -> None:
    keys = list(form.fields)
    if keys and not form.errors and all(data.get(key) is None for key in keys):
        form.add_error(
            keys[0], _("Écrivez au moins un montant d'avant le changement (0 si rien).")
        )


CHECKS = {"ages": _check_ages, "avant": _check_before}


def build_form(step_id: str, answers: q.Answers, data=None) -> StepForm:
    return StepForm(step_id, answers, data=data)


def summary(step_id: str, answers: q.Answers) -> list[tuple[str, str]]:
    """For the review: (label, answer in words) for each field of the step."""
    form = build_form(step_id, answers)
    lines = []
    for key, field in form.fields.items():
        value = answers.get(key)
        lines.append((str(field.label), _words(field, value, form.extras.get(key, {}))))
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
        return str(_("%(age)s ans") % {"age": value})
    return str(value)
