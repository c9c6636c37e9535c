"""The one-page « Mes droits » form: the checks across its fields (pages/rights.py).

Each check puts its message next to the field to correct, in the questionnaire's words
where it asks the same thing, and only when that field has no message of its own yet. The
limits are the questionnaire's (pages/questionnaire.py): what it offers to choose from,
this form accepts, and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from . import questionnaire as q
from .answer_fields import MAX_CHILDREN_UNDER_2

if TYPE_CHECKING:
    from .rights import RightsForm


def check_household(form: RightsForm, data: dict) -> None:
    _check_children(form, data)
    _check_child_support(form, data)
    _check_change(form, data)
    _check_separation(form, data)
    for prefix in form.adults_present(data):
        _check_adult(form, prefix, data)


def _add(form: RightsForm, name: str, message: str) -> None:
    if name not in form.errors:
        form.add_error(name, message)


def _check_children(form: RightsForm, data: dict) -> None:
    numbers = range(1, form.max_children + 1)
    for number in numbers:
        rate = form[f"enfant_{number}_taux_incapacite"]
        if form.typed([rate]) and data.get(f"enfant_{number}_age") is None:
            _add(
                form,
                f"enfant_{number}_age",
                _("Indiquez l'âge de l'enfant %(number)s, ou videz son taux d'incapacité.")
                % {"number": number},
            )
    ages = [data.get(f"enfant_{number}_age") for number in numbers]
    if sum(age is not None and age < 2 for age in ages) > MAX_CHILDREN_UNDER_2:
        first = next(number for number, age in zip(numbers, ages, strict=True) if age is not None)
        _add(
            form,
            f"enfant_{first}_age",
            _("Plus de %(count)s enfants de moins de 2 ans : vérifiez les âges.")
            % {"count": MAX_CHILDREN_UNDER_2},
        )


def _check_child_support(form: RightsForm, data: dict) -> None:
    """Whether child support is paid: asked of a single parent (ASF), of no one else."""
    if not form.single_parent:
        form.ignore("pension_payee")
        return
    if data.get("pension_payee") == "oui" and not data.get("demandeur_pension_alimentaire_recue"):
        _add(form, "demandeur_pension_alimentaire_recue", _("Écrivez le montant reçu chaque mois."))


def _months_after(data: dict, name: str) -> int | None:
    """How many months ``name`` is after the month of the calculation (negative: before)."""
    month, other = data.get("mois"), data.get(name)
    if not month or not other:
        return None
    return q.month_index(other) - q.month_index(month)


def _check_change(form: RightsForm, data: dict) -> None:
    """A change of incomes: its month, within the last 12, and the amounts before it."""
    present = form.adults_present(data)
    before = [bound for prefix in present for bound in form.before_fields(prefix)]
    typed = form.typed(before)
    if data.get("changement_depuis") and not typed:
        _add(
            form,
            before[0].name,
            _("Écrivez au moins un montant d'avant le changement (0 si rien)."),
        )
    if typed and not data.get("changement_depuis"):
        _add(form, "changement_depuis", _("Indiquez le mois du changement, par exemple 2026-02."))
    after = _months_after(data, "changement_depuis")
    if after is not None and not -q.LOOK_BACK_MONTHS < after <= 0:
        _add(
            form,
            "changement_depuis",
            _(
                "Indiquez un mois des 12 derniers mois, jusqu'au mois du calcul : "
                "les aides relisent les revenus de cette période."
            ),
        )


def _check_separation(form: RightsForm, data: dict) -> None:
    if data.get("en_couple") and data.get("separation_depuis"):
        _add(
            form,
            "separation_depuis",
            _(
                "Une séparation compte quand vous vivez maintenant sans conjoint : "
                "videz cette case ou décochez « Je vis en couple »."
            ),
        )
    after = _months_after(data, "separation_depuis")
    if after is not None and after > 0:
        _add(form, "separation_depuis", _("Ce mois est après le mois du calcul : vérifiez-le."))
    elif after is not None and after <= -q.SEPARATION_MONTHS:
        _add(
            form,
            "separation_depuis",
            _(
                "Une séparation compte pendant 18 mois : plus ancienne, elle ne change plus "
                "le calcul. Videz cette case."
            ),
        )


def _check_adult(form: RightsForm, prefix: str, data: dict) -> None:
    activity, age = data.get(f"{prefix}_activite"), data.get(f"{prefix}_age")
    if activity != "etudiant":
        form.ignore(f"{prefix}_etablissement")  # chosen, then another activity
    if data.get(f"{prefix}_gir") and age is not None and age < q.APA_MIN_AGE:
        _add(
            form,
            f"{prefix}_gir",
            _(
                "Le GIR compte pour l'aide à l'autonomie (APA), à partir de 60 ans : "
                "vérifiez l'âge ou laissez « Pas encore évalué »."
            ),
        )
    if data.get(f"{prefix}_travail_5_ans_sur_10") and activity and activity != "chomeur":
        _add(
            form,
            f"{prefix}_travail_5_ans_sur_10",
            _(
                "Cette case compte pour l'allocation de solidarité spécifique (ASS), quand on "
                "cherche du travail : choisissez « Je cherche du travail » ou décochez-la."
            ),
        )
    young = age is not None and q.CEJ_AGES[0] <= age <= q.CEJ_AGES[1]
    if data.get(f"{prefix}_cej") and age is not None and not young:
        _add(
            form,
            f"{prefix}_cej",
            _(
                "Le contrat d'engagement jeune est pour les 16 à 25 ans : "
                "vérifiez l'âge ou décochez la case."
            ),
        )
    after = _months_after(data, f"{prefix}_naissance_prevue")
    if after is not None and after < 0:
        _add(
            form,
            f"{prefix}_naissance_prevue",
            _(
                "Ce mois est passé. Si l'enfant est né, ajoutez-le dans les enfants à charge, "
                "avec l'âge 0."
            ),
        )
    elif after is not None and after >= q.PREGNANCY_MONTHS:
        _add(
            form,
            f"{prefix}_naissance_prevue",
            _("La naissance est prévue dans plus de 9 mois : vérifiez le mois."),
        )
