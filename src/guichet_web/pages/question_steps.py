"""« Mes droits », one question per screen: the fields of each screen.

One builder per step adds the fields named after the step's answer keys to the screen's
form (``question_forms.StepForm``); the checks across the fields of one screen follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from . import questionnaire as q
from .answer_fields import MAX_CHILDREN_UNDER_2, MAX_RENT, age_words, current_month
from .question_wording import (
    ACTIVITIES,
    ESTABLISHMENTS,
    GIR,
    HOUSING,
    INCOMES,
    PENSION,
    SPECIAL,
    Choice,
)
from .templatetags.guichet import month_fr

if TYPE_CHECKING:
    from .question_forms import StepForm

RATES = (
    Choice("0", _("Pas de taux reconnu, ou moins de 50 %")),
    Choice("50", _("De 50 à 79 %")),
    Choice("80", _("Au moins 80 %")),
)


def person_label(prefix: str, answers: q.Answers, with_age: bool = True) -> str:
    if prefix == "demandeur":
        return str(_("Vous"))
    if prefix == "conjoint":
        return str(_("Votre conjoint"))
    number = int(prefix.removeprefix("enfant_"))
    age = answers.get(f"{prefix}_age")
    if with_age and isinstance(age, int):
        return str(_("Enfant %(number)s (%(age)s)") % {"number": number, "age": age_words(age)})
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
    form.choice("nb_enfants", _("Combien d'enfants vivent avec vous ?"), children, coerce=int)
    form.fields["nb_enfants"].help_text = _("Les enfants à votre charge, jusqu'à 25 ans.")


def _ages(form: StepForm) -> None:
    for prefix in q.people(form.answers):
        label = person_label(prefix, form.answers, with_age=False)
        form.age(f"{prefix}_age", label, child="enfant" in prefix)


def _pension(form: StepForm) -> None:
    form.choice("pension_payee", _("La pension est-elle payée ?"), PENSION)
    form.amount(
        "pension_alimentaire",
        _("Montant reçu par mois (en euros)"),
        required=False,
        hint=_("Laissez vide si vous ne recevez rien."),
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
            if prefix == "conjoint":
                form.fields[key].error_messages["required"] = _(
                    "Écrivez un montant pour votre conjoint, ou 0 s'il ou elle n'a rien."
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


def _month(form: StepForm) -> str:
    """The month of the calculation, set with the first answer (this month before that)."""
    return str(form.answers.get("mois") or current_month())


def _months(form: StepForm, key: str, label, months: list[str], hint, required_message):
    choices = [(m, month_fr(m)) for m in months]
    this_month = _month(form)
    choices = [
        (m, _("%(month)s (ce mois-ci)") % {"month": text} if m == this_month else text)
        for m, text in choices
    ]
    form.fields[key] = forms.ChoiceField(
        label=label,
        choices=[("", _("Choisir un mois…")), *choices],
        help_text=hint,
        error_messages={"required": required_message},
    )


def _since(form: StepForm) -> None:
    _months(
        form,
        "changement_depuis",
        _("Mois du changement"),
        q.recent_months(_month(form)),
        _("Le premier mois avec les nouveaux revenus. Au plus un an avant."),
        _("Choisissez le mois du changement."),
    )


def _birth(form: StepForm) -> None:
    _months(
        form,
        "naissance_prevue",
        _("Mois prévu de la naissance"),
        q.recent_months(_month(form), q.PREGNANCY_MONTHS, step=1),
        _("Celui écrit sur la déclaration de grossesse, ou une date proche."),
        _("Choisissez le mois prévu."),
    )


def _separated(form: StepForm) -> None:
    _months(
        form,
        "separation_depuis",
        _("Mois de la séparation"),
        q.recent_months(_month(form), q.SEPARATION_MONTHS),
        _("Le mois où vous avez commencé à vivre sans votre conjoint."),
        _("Choisissez le mois de la séparation."),
    )


def _studies(form: StepForm) -> None:
    for prefix in q.students(form.answers):
        form.choice(f"{prefix}_etablissement", person_label(prefix, form.answers), ESTABLISHMENTS)


def _autonomy(form: StepForm) -> None:
    for prefix in q.older_adults(form.answers):
        form.choice(f"{prefix}_gir", person_label(prefix, form.answers), GIR)


def _before(form: StepForm) -> None:
    """In a couple, each person's amounts under their name (« Vous », « Votre conjoint »)."""
    couple = q.in_couple(form.answers)
    for prefix in q.adults(form.answers):
        for position, key in enumerate(q.before_keys(prefix, form.answers)):
            name = key.removeprefix(f"{prefix}_").removesuffix("_avant")
            form.amount(key, INCOMES[name].label, required=False, hint=_("Laissez vide si rien."))
            if couple and position == 0:
                form.legends[key] = person_label(prefix, form.answers)


def _situations(form: StepForm) -> None:
    offered = q.situation_options(form.answers)
    choices = [c for c in SPECIAL if c.value in offered]
    form.fields["particularites"] = forms.MultipleChoiceField(
        label=_("Cochez ce qui vous concerne"),
        choices=[(c.value, c.label) for c in choices],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Si rien ne vous concerne, continuez sans rien cocher."),
    )
    form.extras["particularites"] = {c.value: c for c in choices}


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
    "etudes": _studies,
    "changement": _changed,
    "depuis": _since,
    "avant": _before,
    "situations": _situations,
    "handicap": _disability,
    "autonomie": _autonomy,
    "naissance": _birth,
    "separation": _separated,
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
        form.add_error(keys[0], _("Écrivez au moins un montant d'avant le changement (0 si rien)."))


def _check_pension(form: StepForm, data: dict) -> None:
    paid = data.get("pension_payee") == "oui"
    if paid and not data.get("pension_alimentaire") and "pension_alimentaire" not in form.errors:
        form.add_error("pension_alimentaire", _("Écrivez le montant reçu chaque mois."))


CHECKS = {"ages": _check_ages, "avant": _check_before, "pension": _check_pension}
