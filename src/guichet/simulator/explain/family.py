"""Why or why not: prestations familiales (AF, CF, ASF, PAJE, ARS, AEEH) and school grants."""

from __future__ import annotations

from guichet.simulator.explain import Explanation, explainer
from guichet.simulator.explain._text import children, euros, per_year
from guichet.simulator.reading import HouseholdView
from guichet.simulator.results import TO_CHECK


def _children(view: HouseholdView):
    return [p for p in view.situation.personnes if p.role == "enfant" and not p.naissance_prevue]


def _resources_line(view: HouseholdView) -> str:
    year = int(view.batch.mois[:4]) - 2
    resources = view.value("prestations_familiales_base_ressources")
    return (
        f"Les revenus pris en compte sont ceux de {year} : {per_year(resources)} (art. R532-3 CSS)."
    )


@explainer(
    "allocations-familiales",
    facts=(
        ("af_nbenf", "month"),
        ("af_base", "month"),
        ("af_majoration", "month"),
        ("af_taux_modulation", "month"),
        ("prestations_familiales_base_ressources", "month"),
    ),
)
def allocations_familiales(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["af", "prestations_familiales_base_ressources"]
    count = int(view.value("af_nbenf"))
    if amount <= 0:
        out.pourquoi_pas.append(
            "Les allocations familiales sont versées à partir de 2 enfants à charge de moins de "
            f"20 ans (art. L521-1 CSS). Nous en comptons {count}."
        )
        return
    out.pourquoi.append(f"{children(count).capitalize()} à charge de moins de 20 ans.")
    if view.value("af_majoration") > 0:
        out.pourquoi.append(
            f"Dont {euros(view.value('af_majoration'))} de majoration pour un enfant de 14 ans "
            "ou plus."
        )
    rate = view.value("af_taux_modulation")
    share = {1.0: "le montant plein", 0.5: "la moitié du montant", 0.25: "le quart du montant"}
    out.pourquoi.append(_resources_line(view))
    out.pourquoi.append(f"Avec ces revenus, vous touchez {share.get(rate, 'un montant réduit')}.")


@explainer(
    "complement-familial",
    facts=(("cf_plafond", "month"), ("cf_base_ressources", "month")),
)
def complement_familial(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["cf", "cf_plafond"]
    older = [p for p in _children(view) if 3 <= p.age < 21]
    resources, ceiling = view.value("cf_base_ressources"), view.value("cf_plafond")
    if amount > 0:
        out.pourquoi.append(f"{children(len(older)).capitalize()} de 3 à 21 ans à charge.")
        out.pourquoi.append(
            f"Revenus pris en compte : {per_year(resources)}, sous le plafond "
            f"({per_year(ceiling)})."
        )
        return
    if len(older) < 3:
        out.pourquoi_pas.append(
            "Le complément familial est pour les familles d'au moins 3 enfants de 3 à 21 ans "
            f"(art. L522-1 CSS). Nous en comptons {len(older)}."
        )
    elif ceiling and resources > ceiling:
        out.pourquoi_pas.append(
            f"Vos revenus pris en compte ({per_year(resources)}) dépassent le plafond "
            f"({per_year(ceiling)}) de {euros(resources - ceiling)}."
        )
    else:
        out.pourquoi_pas.append("Les conditions du complément familial ne sont pas remplies.")


@explainer("asf", facts=(("asf_elig", "month"), ("asf_montant", "month")))
def asf(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["asf", "asf_elig"]
    parents = [p for p in view.situation.personnes if p.adult]
    received = sum(p.revenus.pension_alimentaire_recue for p in parents)
    unpaid = [p.pension_alimentaire_impayee for p in parents]
    if not _children(view):
        out.pourquoi_pas.append("L'ASF est pour un parent qui élève seul un enfant.")
        return
    if not view.value("asf_elig"):
        out.pourquoi_pas.append(
            "L'ASF est pour un parent qui élève seul son enfant : elle s'arrête si vous vivez "
            "en couple (art. L523-2 CSS)."
        )
        return
    if amount <= 0:
        out.pourquoi_pas.append(
            f"La pension alimentaire reçue ({euros(received)} par mois) est au moins égale à "
            "l'ASF : elle n'est pas complétée."
        )
        return
    out.pourquoi.append("Vous élevez seul·e votre enfant (art. L523-1 CSS).")
    if received > 0:
        out.pourquoi.append(
            f"La pension reçue ({euros(received)} par mois) est plus petite que l'ASF : la CAF "
            "verse la différence."
        )
    elif True not in unpaid:
        out.statut = TO_CHECK
        out.pourquoi.append(
            "L'ASF est versée si l'autre parent ne paie pas la pension alimentaire, ne participe "
            "pas, ou si l'enfant n'a qu'un parent. Si l'autre parent paie, indiquez combien."
        )
    else:
        out.pourquoi.append(
            "L'autre parent ne paie pas la pension : la CAF verse l'ASF et peut l'aider à "
            "récupérer la pension (ARIPA)."
        )


@explainer("paje", facts=(("prestations_familiales_base_ressources", "month"),))
def paje(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["paje_base"]
    young = [p for p in _children(view) if p.age < 3]
    if amount > 0:
        out.pourquoi.append("Vous avez un enfant de moins de 3 ans (art. L531-3 CSS).")
        out.pourquoi.append(_resources_line(view))
        return
    if not young:
        out.pourquoi_pas.append("L'allocation de base est pour un enfant de moins de 3 ans.")
    else:
        out.pourquoi_pas.append(
            _resources_line(view) + " Ils dépassent le plafond de l'allocation de base pour "
            "votre famille."
        )


@explainer("paje-naissance")
def paje_naissance(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["paje_naissance"]
    if amount > 0:
        out.pourquoi.append(
            "Vous attendez un enfant : la prime est versée une fois, avant la naissance, si la "
            "grossesse est déclarée dans les 14 premières semaines (art. L531-2 CSS)."
        )
        out.pourquoi.append(_resources_line(view))
        return
    if not any(p.enceinte for p in view.situation.personnes):
        out.pourquoi_pas.append(
            "La prime à la naissance se demande pendant la grossesse : indiquez une grossesse "
            "pour l'estimer."
        )
    else:
        out.pourquoi_pas.append(
            _resources_line(view) + " Ils dépassent le plafond de la prime à la naissance."
        )


@explainer(
    "ars",
    facts=(("af_nbenf", "month"), ("prestations_familiales_base_ressources", "month")),
)
def ars(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["ars"]
    school_age = [p for p in _children(view) if 6 <= p.age <= 18]
    if amount > 0:
        out.pourquoi.append(
            f"{children(len(school_age)).capitalize()} de 6 à 18 ans : l'ARS est versée en août, "
            "pour la rentrée (art. L543-1 CSS)."
        )
        out.pourquoi.append(_resources_line(view))
        return
    if not school_age:
        out.pourquoi_pas.append("L'ARS est pour les enfants de 6 à 18 ans scolarisés.")
        return
    ars_params = view.parameters.prestations_sociales.prestations_familiales
    plafond = ars_params.education_presence_parentale.ars.ars_plaf
    count = int(view.value("af_nbenf"))
    ceiling = plafond.plafond_ressources * (1 + count * plafond.majoration_par_enf_supp)
    resources = view.value("prestations_familiales_base_ressources")
    out.pourquoi_pas.append(
        f"Vos revenus de {int(view.batch.mois[:4]) - 2} ({per_year(resources)}) dépassent le "
        f"plafond de l'ARS pour {children(count)} ({per_year(ceiling)})."
    )


@explainer("aeeh")
def aeeh(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["aeeh"]
    rates = [p.taux_incapacite for p in _children(view) if p.age < 20]
    if amount > 0:
        out.pourquoi.append(
            f"Un enfant de moins de 20 ans a un taux d'incapacité de {max(rates):.0f} % "
            "(art. L541-1 CSS). Des compléments existent selon les frais et l'aide nécessaire."
        )
        return
    if rates and max(rates) >= 50:
        out.statut = TO_CHECK
        out.pourquoi_pas.append(
            "Avec un taux de 50 à 79 %, l'AEEH est due si l'enfant va dans un établissement "
            "spécialisé ou a des soins prescrits par la MDPH. À vérifier avec la MDPH."
        )
        return
    out.pourquoi_pas.append(
        "L'AEEH est pour un enfant de moins de 20 ans avec un taux d'incapacité d'au moins "
        "80 %, reconnu par la MDPH (art. L541-1 CSS)."
    )


@explainer(
    "bourse-college-lycee",
    facts=(
        ("bourse_college_echelon", "month"),
        ("bourse_lycee_echelon", "month"),
        ("rfr", "n_2"),
    ),
)
def bourse_college_lycee(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["bourse_college_echelon", "bourse_lycee_echelon"]
    pupils = [p for p in _children(view) if 10 <= p.age <= 18]
    income = view.value("rfr", "n_2")
    year = int(view.batch.mois[:4]) - 2
    if amount > 0:
        for variable, school in (("bourse_college", "collège"), ("bourse_lycee", "lycée")):
            if view.value(variable) > 0:
                level = int(view.value(f"{variable}_echelon"))
                out.pourquoi.append(
                    f"Échelon {level} pour le {school} : {per_year(view.value(variable))}."
                )
        out.pourquoi.append(
            f"Selon votre revenu fiscal de référence {year} ({euros(income)}) et le nombre "
            "d'enfants. Nous avons supposé la classe d'après l'âge ; la demande se fait auprès "
            "de l'établissement, à la rentrée."
        )
        return
    if not pupils:
        out.pourquoi_pas.append(
            "La bourse est pour un enfant au collège ou au lycée (de 11 à 18 ans environ)."
        )
        return
    out.pourquoi_pas.append(
        f"Votre revenu fiscal de référence {year} ({euros(income)}) dépasse le plafond de la "
        "bourse pour votre nombre d'enfants."
    )
