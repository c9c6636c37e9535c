"""Why or why not: complémentaire santé solidaire, bourse étudiante, APA."""

from __future__ import annotations

from guichet.simulator.explain import Explanation, explainer
from guichet.simulator.explain._text import euros, people, per_month, per_year
from guichet.simulator.reading import HouseholdView
from guichet.simulator.results import TO_CHECK

APA_MIN_AGE = 60  # art. L232-2 CASF


@explainer(
    "css",
    facts=(
        ("css_cmu_base_ressources", "month"),
        ("cmu_c_plafond", "month"),
        ("acs_plafond", "month"),
    ),
)
def css(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["cmu_c_plafond", "css_participation_forfaitaire"]
    resources = view.value("css_cmu_base_ressources")
    free_ceiling = view.value("cmu_c_plafond")
    ceiling = view.value("acs_plafond")
    size = people(len(view.situation.personnes))
    if view.value("cmu_c"):
        if view.value("rsa") > 0:
            out.pourquoi.append("Avec le RSA, la complémentaire santé solidaire est gratuite.")
            return
        out.pourquoi.append(
            f"Ressources des 12 derniers mois : {per_year(resources)}, sous le plafond de la "
            f"CSS gratuite pour {size} ({per_year(free_ceiling)}, art. D861-1 CSS)."
        )
        _housing_flat(view, out)
        return
    participation = view.value("css_participation_forfaitaire")
    if participation > 0:
        out.pourquoi.append(
            f"Ressources des 12 derniers mois : {per_year(resources)}, entre le plafond de la "
            f"CSS gratuite ({per_year(free_ceiling)}) et celui de la CSS avec participation "
            f"({per_year(ceiling)}) pour {size}."
        )
        out.pourquoi.append(
            f"Participation : {per_month(participation)} pour le foyer, selon l'âge de chacun "
            "(art. D861-3 CSS)."
        )
        _housing_flat(view, out)
        return
    out.pourquoi_pas.append(
        f"Vos ressources des 12 derniers mois ({per_year(resources)}) dépassent le plafond de "
        f"la CSS pour {size} ({per_year(ceiling)}) de {euros(resources - ceiling)}."
    )


def _housing_flat(view: HouseholdView, out: Explanation) -> None:
    if view.situation.logement.statut == "heberge_gratuit" or view.value("aide_logement") > 0:
        out.pourquoi.append(
            "Un forfait logement est compté dans ces ressources, car vous êtes logé·e "
            "gratuitement ou touchez une aide au logement (art. R861-5 CSS)."
        )


@explainer(
    "bourse-etudiant",
    facts=(
        ("bourse_criteres_sociaux_echelon", "month"),
        ("bourse_criteres_sociaux_points_de_charge", "month"),
        ("bourse_criteres_sociaux_etudiant_autonome", "month"),
        ("rbg", "n_2"),
    ),
)
def bourse_etudiant(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["bourse_criteres_sociaux", "bourse_criteres_sociaux_echelon"]
    persons = view.situation.personnes
    students = [p for p in persons if p.etablissement_superieur]
    if not students:
        if any(p.activite == "etudiant" and p.age >= 17 for p in persons):
            out.statut = TO_CHECK
            out.pourquoi_pas.append(
                "Pour estimer la bourse d'un étudiant, indiquez si l'établissement est public, "
                "privé sous contrat ou privé hors contrat."
            )
        else:
            out.pourquoi_pas.append(
                "La bourse sur critères sociaux est pour les étudiants après le bac "
                "(art. L821-1 code de l'éducation)."
            )
        return
    if all(p.etablissement_superieur == "prive_hors_contrat" for p in students):
        out.pourquoi_pas.append(
            "Les bourses ne sont pas versées dans un établissement privé hors contrat."
        )
        return
    year = int(view.batch.mois[:4]) - 2
    levels = view.per_person("bourse_criteres_sociaux_echelon")
    autonomous = view.per_person("bourse_criteres_sociaux_etudiant_autonome")
    own = [
        i
        for i, p in enumerate(persons)
        if p.etablissement_superieur and p.adult and not autonomous[i]
    ]
    if own:
        out.statut = TO_CHECK
        out.hide_amount = True
        out.pourquoi_pas.append(
            "La bourse dépend des revenus de vos parents (revenu brut global de leur avis "
            f"d'impôt {year}), sauf si vous êtes autonome : le Crous fait le calcul."
        )
        return
    if amount > 0:
        best = int(max(levels))
        points = int(max(view.per_person("bourse_criteres_sociaux_points_de_charge")))
        out.pourquoi.append(
            f"Échelon {best}, selon le revenu brut global {year} de la famille "
            f"({euros(view.value('rbg', 'n_2'))}) et {points} point(s) de charge."
        )
        out.pourquoi.append("Versée en 10 mensualités, de septembre à juin.")
        return
    out.pourquoi_pas.append(
        f"Le revenu brut global {year} de la famille ({euros(view.value('rbg', 'n_2'))}) "
        "dépasse le plafond de la bourse pour vos points de charge."
    )


@explainer(
    "apa",
    facts=(
        ("apa_eligibilite", "month"),
        ("base_ressources_apa", "month"),
        ("apa_domicile_participation", "month"),
        ("dependance_plan_aide_domicile_accepte", "month"),
    ),
)
def apa(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["apa_domicile", "apa_eligibilite", "dependance_plan_aide_domicile_accepte"]
    persons = view.situation.personnes
    if not any(p.age >= APA_MIN_AGE for p in persons):
        out.pourquoi_pas.append(
            "L'APA est pour les personnes de 60 ans ou plus (art. L232-2 CASF)."
        )
        return
    girs = [p.gir for p in persons if p.gir]
    if not girs:
        out.pourquoi_pas.append(
            "L'APA dépend du besoin d'aide pour les gestes de la vie quotidienne (GIR 1 à 4), "
            "évalué chez vous par le Département. Indiquez le GIR s'il est connu."
        )
        return
    if min(girs) > 4:
        out.pourquoi_pas.append(
            f"Le GIR {min(girs)} ne donne pas droit à l'APA (GIR 1 à 4). La caisse de retraite "
            "peut aider pour l'aide à domicile."
        )
        return
    plan = view.value("dependance_plan_aide_domicile_accepte")
    share = view.value("apa_domicile_participation")
    resources = view.value("base_ressources_apa")
    if amount <= 0:
        out.pourquoi_pas.append(
            f"Votre participation ({per_month(share)}, selon vos revenus de {per_month(resources)}) "
            "couvre le plan d'aide."
        )
        return
    out.pourquoi.append(
        f"Plan d'aide retenu : {per_month(plan)} ; votre participation, selon vos revenus "
        f"({per_month(resources)}) : {per_month(share)} (art. R232-11 CASF)."
    )
    if any(p.gir and p.plan_aide_apa is None for p in persons):
        out.statut = TO_CHECK
        out.pourquoi.append(
            "C'est le montant maximal pour votre GIR : le Département fixe le plan d'aide après "
            "une visite à domicile, l'APA peut donc être plus petite."
        )
