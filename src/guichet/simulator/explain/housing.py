"""Why or why not: aides au logement, chèque énergie."""

from __future__ import annotations

from guichet.simulator.explain import Explanation, explainer
from guichet.simulator.explain._text import euros, per_month, per_year
from guichet.simulator.reading import HouseholdView

NOT_RENTING = {
    "heberge_gratuit": "Vous êtes hébergé·e sans payer de loyer : pas d'aide au logement.",
    "sans_domicile": "Sans logement, pas d'aide au logement. Un hébergement ou un logement "
    "peut se chercher avec un travailleur social (115, SIAO).",
    "proprietaire": "Propriétaire sans prêt en cours : pas d'aide au logement.",
}


@explainer(
    "aide-logement",
    facts=(
        ("aide_logement_base_ressources", "month"),
        ("aide_logement_loyer_retenu", "month"),
        ("aide_logement_loyer_plafond", "month"),
        ("aide_logement_charges", "month"),
        ("aide_logement_participation_personnelle", "month"),
    ),
)
def aide_logement(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["aide_logement_montant_brut", "aide_logement_base_ressources"]
    housing = view.situation.logement
    if housing.statut in NOT_RENTING:
        out.pourquoi_pas.append(NOT_RENTING[housing.statut])
        return
    if housing.loyer <= 0:
        out.pourquoi_pas.append("Indiquez le loyer (sans les charges) pour estimer l'aide.")
        return
    kept = view.value("aide_logement_loyer_retenu")
    ceiling = view.value("aide_logement_loyer_plafond")
    charges = view.value("aide_logement_charges")
    share = view.value("aide_logement_participation_personnelle")
    resources = view.value("aide_logement_base_ressources")
    lines = [
        f"Loyer pris en compte : {per_month(kept)}"
        + (
            f" (plafonné à {euros(ceiling)} pour votre zone et votre famille)"
            if kept < housing.loyer
            else ""
        )
        + ".",
        f"Charges comptées forfaitairement : {per_month(charges)}.",
        f"Ressources des 12 derniers mois : {per_year(resources)} (art. R822-4 CCH).",
        f"Votre participation personnelle, selon ces ressources : {per_month(share)}.",
    ]
    if amount > 0:
        out.detail = view.housing_aid()
        out.pourquoi += lines
        out.pourquoi.append(
            f"Aide = loyer + charges − participation ≈ {per_month(amount, cents=False)} "
            "(arrondi à l'euro, art. D823-16 CCH)."
        )
        return
    out.pourquoi_pas.append(
        f"Votre participation personnelle ({per_month(share)}) atteint le loyer retenu et les "
        f"charges ({per_month(kept + charges)}) : vos ressources ({per_year(resources)}) sont trop "
        "élevées pour une aide au logement."
    )


@explainer(
    "cheque-energie",
    facts=(
        ("rfr", "n_2"),
        ("cheque_energie_unites_consommation", "year"),
        ("cheque_energie_eligibilite_logement", "year"),
    ),
)
def cheque_energie(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["cheque_energie_montant", "cheque_energie_eligibilite_logement"]
    if not view.value("cheque_energie_eligibilite_logement", "year"):
        out.pourquoi_pas.append(
            "Le chèque énergie est pour la personne qui a un logement à elle (locataire ou "
            "propriétaire), avec une déclaration de revenus (art. L124-1 code de l'énergie)."
        )
        return
    income = view.value("rfr", "n_2")
    units = view.value("cheque_energie_unites_consommation", "year")
    per_unit = income / units if units else 0.0
    year = int(view.batch.mois[:4]) - 2
    line = (
        f"Revenu fiscal de référence {year} : {euros(income)}, pour "
        f"{str(round(units, 1)).replace('.', ',')} unité(s) de consommation, soit "
        f"{euros(per_unit)} par unité (art. R124-1 code de l'énergie)."
    )
    if amount > 0:
        out.pourquoi.append(line)
        out.pourquoi.append(
            "Le chèque est envoyé une fois par an, à partir de la déclaration de revenus. S'il "
            "n'arrive pas, il peut se demander sur chequeenergie.gouv.fr."
        )
        return
    scale = view.parameters.prestations_sociales.solidarite_insertion.autre_solidarite
    ceiling = max(scale.cheque_energie.baremes.une_uc.thresholds)
    out.pourquoi_pas.append(
        line + f" Le chèque est réservé aux revenus de moins de {euros(ceiling)} par unité."
    )
