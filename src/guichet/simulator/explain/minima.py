"""Why or why not: RSA, prime d'activité, AAH, ASPA, ASI, ASS, CEJ."""

from __future__ import annotations

from guichet.simulator.explain import Explanation, explainer
from guichet.simulator.explain._text import euros, household_words, over_by, per_month
from guichet.simulator.reading import HouseholdView
from guichet.simulator.results import TO_CHECK

RSA_MIN_AGE = 25  # art. L262-4 CASF
PPA_MIN_AGE = 18  # art. L842-1 CSS


def _adults(view: HouseholdView):
    return [p for p in view.situation.personnes if p.adult]


def _kids(view: HouseholdView) -> int:
    return sum(not p.adult for p in view.situation.personnes)


def housing_flat_reason(view: HouseholdView) -> str:
    """Why a forfait logement is taken off (art. R262-9 CASF, R844-3 CSS)."""
    statut = view.situation.logement.statut
    if statut == "heberge_gratuit":
        return "vous êtes logé·e sans payer de loyer"
    if statut == "proprietaire":
        return "vous êtes propriétaire sans loyer à payer"
    return "vous touchez une aide au logement"


@explainer(
    "rsa",
    facts=(
        ("rsa_eligibilite", "month"),
        ("rsa_socle", "month"),
        ("rsa_socle_majore", "month"),
        ("rsa_forfait_logement", "month"),
        ("rsa_base_ressources", "month"),
        ("rsa_nb_enfants", "month"),
    ),
)
def rsa(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["rsa", "rsa_forfait_logement", "rsa_majore_eligibilite"]
    adults = _adults(view)
    if not view.value("rsa_eligibilite"):
        if all(p.activite == "etudiant" for p in adults):
            out.pourquoi_pas.append("Le RSA n'est pas ouvert aux étudiants (art. L262-4 CASF).")
        elif all(p.age < RSA_MIN_AGE for p in adults):
            out.pourquoi_pas.append(
                "Le RSA est pour les personnes de 25 ans ou plus. Avant 25 ans, il faut avoir un "
                "enfant à charge ou en attendre un, ou avoir travaillé 2 ans sur les 3 dernières "
                "années (art. L262-4 et L262-7-1 CASF)."
            )
        else:
            out.pourquoi_pas.append("Les conditions du RSA ne sont pas remplies pour ce foyer.")
        return
    base = view.value("rsa_socle")
    increased = view.value("rsa_socle_majore")
    socle = max(base, increased)
    flat = view.value("rsa_forfait_logement")
    resources = view.value("rsa_base_ressources")
    words = household_words(len(adults), int(view.value("rsa_nb_enfants")))
    line = f"Montant du RSA pour {words} : {per_month(socle)}"
    if increased > base:
        line += " (majoré : parent seul ou grossesse)"
    lines = [line + "."]
    if flat:
        lines.append(
            f"Forfait logement retiré, car {housing_flat_reason(view)} : {euros(flat)} "
            "(art. R262-9 CASF)."
        )
    family = view.value("af") + view.value("asf") + view.value("cf")
    lines.append(
        f"Ressources prises en compte (moyenne des 3 derniers mois) : {per_month(resources)}"
        + (", prestations familiales comprises." if family > 0 else ".")
    )
    if amount > 0:
        out.pourquoi += lines
        out.pourquoi.append(
            f"Calcul : {euros(socle)} − {euros(flat)} − {euros(resources)} ≈ {per_month(amount)}."
        )
        return
    ceiling = socle - flat
    if resources >= ceiling:
        out.pourquoi_pas.append(over_by(resources, ceiling))
    else:
        minimum = view.parameters.prestations_sociales.solidarite_insertion.minima_sociaux.rsa
        out.pourquoi_pas.append(
            f"Le calcul donne moins de {euros(minimum.rsa_maj.montant_minimum_verse)} par mois : "
            "le RSA n'est pas versé au-dessous de ce montant (art. R262-8 CASF)."
        )


@explainer(
    "prime-activite",
    facts=(
        ("ppa_eligibilite", "month"),
        ("ppa_revenu_activite", "last3"),
        ("ppa_base_ressources", "last3"),
        ("ppa_fictive", "last3"),
    ),
)
def prime_activite(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["ppa", "ppa_eligibilite"]
    earned = view.value("ppa_revenu_activite", "last3")
    resources = view.value("ppa_base_ressources", "last3")
    if not view.value("ppa_eligibilite"):
        out.pourquoi_pas.append(
            "La prime d'activité est pour les personnes de 18 ans ou plus (art. L842-1 CSS)."
        )
        return
    if earned <= 0:
        out.pourquoi_pas.append(
            "La prime d'activité est pour les personnes qui travaillent : aucun revenu "
            "d'activité dans les 3 derniers mois (art. L841-1 CSS)."
        )
        return
    lines = [
        f"Revenus d'activité pris en compte (moyenne des 3 mois précédents) : {per_month(earned)}.",
        f"Ressources du foyer prises en compte : {per_month(resources)}.",
    ]
    if amount > 0:
        out.pourquoi += lines
        out.pourquoi.append("Le montant est revu tous les 3 mois, sur vos déclarations.")
        return
    computed = view.value("ppa_fictive", "last3")
    if computed > 0:
        ppa = view.parameters.prestations_sociales.solidarite_insertion.minima_sociaux.ppa
        out.pourquoi_pas.append(
            f"Le calcul donne {euros(computed)} par mois, moins que le minimum versé "
            f"({euros(ppa.pa_m.montant_minimum_verse)}, art. D843-3 CSS)."
        )
    else:
        out.pourquoi_pas.append(
            f"Avec ces revenus ({per_month(earned)} d'activité, {per_month(resources)} de "
            "ressources en tout), le calcul de la prime donne 0 € : les revenus sont trop élevés "
            "pour votre foyer."
        )


@explainer(
    "aah",
    facts=(
        ("aah_eligible", "month"),
        ("aah_base_ressources_deconjugalisee", "month"),
        ("aah_plafond_ressources_deconjugalise", "month"),
        ("caah", "month"),
        ("asi", "month"),
    ),
)
def aah(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["aah", "aah_eligible", "aah_plafond_ressources_deconjugalise"]
    adults = _adults(view)
    rates = [p.taux_incapacite for p in adults]
    if not rates or max(rates) < 50:
        out.pourquoi_pas.append(
            "L'AAH demande un taux d'incapacité d'au moins 80 %, ou de 50 à 79 % avec une "
            "restriction durable d'accès à l'emploi, reconnu par la MDPH (art. L821-1 et L821-2 CSS)."
        )
        return
    if max(rates) < 80 and amount <= 0:
        out.statut = TO_CHECK
        out.pourquoi_pas.append(
            "Avec un taux de 50 à 79 %, l'AAH dépend de la reconnaissance par la MDPH d'une "
            "« restriction substantielle et durable d'accès à l'emploi » (art. L821-2 CSS) : "
            "nous ne pouvons pas le savoir. À vérifier avec la MDPH ou au guichet."
        )
        return
    resources = view.value("aah_base_ressources_deconjugalisee")
    ceiling = view.value("aah_plafond_ressources_deconjugalise")
    if amount > 0:
        out.pourquoi.append(f"Taux d'incapacité reconnu : {max(rates):.0f} %.")
        out.pourquoi.append(
            f"Ressources prises en compte : {euros(resources)} par an, sous le plafond "
            f"({euros(ceiling)} par an). Les revenus du conjoint ne comptent plus depuis "
            "octobre 2023."
        )
        if view.value("caah") > 0:
            out.pourquoi.append(
                f"Dont {euros(view.value('caah'))} de majoration pour la vie autonome "
                "(logement à vous et aide au logement)."
            )
        if view.value("asi") > 0 and any(p.revenus.retraite_nette > 0 for p in adults):
            out.statut = TO_CHECK
            out.pourquoi.append(
                "L'AAH et l'ASI se calculent l'une par rapport à l'autre : le moteur ne donne pas "
                "le montant exact pour ce foyer. À vérifier au guichet."
            )
        return
    if not view.value("aah_eligible"):
        out.pourquoi_pas.append(
            "L'AAH est pour les personnes de 20 ans ou plus (16 ans si elles ne sont plus à la "
            "charge de leurs parents), avant l'âge de la retraite si le taux est de 50 à 79 %."
        )
    elif ceiling and resources > ceiling:
        out.pourquoi_pas.append(over_by(resources, ceiling, "par an"))
    else:
        out.pourquoi_pas.append("Les conditions de l'AAH ne sont pas remplies pour ce foyer.")


@explainer("aspa", facts=(("aspa_eligibilite", "month"), ("asi_aspa_base_ressources", "month")))
def aspa(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["aspa", "aspa_eligibilite"]
    if all(p.age < 62 for p in view.situation.personnes):
        out.pourquoi_pas.append(
            "L'ASPA est pour les personnes de 65 ans ou plus, ou de l'âge légal de la retraite en "
            "cas d'inaptitude au travail ou de handicap (art. L815-1 et L815-2 CSS)."
        )
        return
    resources = view.value("asi_aspa_base_ressources")
    if amount > 0:
        out.pourquoi.append("Vous avez l'âge de l'ASPA : 65 ans (62 ans en cas d'inaptitude).")
        out.pourquoi.append(
            f"Ressources prises en compte : {per_month(resources)}. L'ASPA les complète "
            "jusqu'au minimum vieillesse (art. L815-1 CSS)."
        )
        out.pourquoi.append(
            "L'ASPA versée peut être récupérée sur la succession, au-delà de 100 000 € d'actif."
        )
        return
    if not any(view.per_person("aspa_eligibilite")):
        out.pourquoi_pas.append(
            "L'ASPA est pour les personnes de 65 ans ou plus, ou de l'âge légal de la retraite en "
            "cas d'inaptitude au travail ou de handicap (art. L815-1 et L815-2 CSS)."
        )
        return
    out.pourquoi_pas.append(
        f"Vos ressources prises en compte ({per_month(resources)}) atteignent déjà le "
        "minimum vieillesse pour votre foyer (art. L815-9 CSS)."
    )


@explainer("asi", facts=(("asi_eligibilite", "month"),))
def asi(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["asi"]
    if amount > 0:
        out.statut = TO_CHECK
        out.pourquoi.append(
            "L'ASI complète une pension d'invalidité jusqu'à un minimum (art. L815-24 CSS). Le "
            "simulateur ne demande pas cette pension : le montant est à vérifier au guichet."
        )
        return
    out.pourquoi_pas.append(
        "L'ASI est pour les personnes qui touchent une pension d'invalidité, avant l'âge de "
        "l'ASPA (art. L815-24 CSS). Si c'est votre cas, le calcul se fait au guichet."
    )


@explainer("ass", facts=(("ass_eligibilite_individu", "month"), ("ass_base_ressources", "month")))
def ass(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["ass", "ass_eligibilite_individu"]
    jobless = [p for p in _adults(view) if p.activite == "chomeur"]
    if amount > 0:
        out.pourquoi.append(
            "Vous êtes demandeur d'emploi, sans allocation chômage (ARE), et vous avez travaillé "
            "5 ans dans les 10 ans avant la fin de votre contrat (art. L5423-1 et R5423-1 code du "
            "travail)."
        )
        out.pourquoi.append(
            f"Ressources du foyer prises en compte : {euros(view.value('ass_base_ressources'))} "
            "sur les 12 derniers mois."
        )
        return
    if not jobless:
        out.pourquoi_pas.append(
            "L'ASS est pour les demandeurs d'emploi qui n'ont plus droit à l'allocation chômage."
        )
    elif all(p.revenus.chomage_net > 0 for p in jobless):
        out.pourquoi_pas.append(
            "Vous touchez encore l'allocation chômage : l'ASS peut prendre le relais à la fin "
            "de vos droits. Demandez-la à France Travail à ce moment-là."
        )
    elif any(p.travail_5_ans_sur_10 is None for p in jobless):
        out.statut = TO_CHECK
        out.pourquoi_pas.append(
            "L'ASS demande d'avoir travaillé 5 ans dans les 10 ans avant la fin du contrat "
            "(art. R5423-1 code du travail). Dites-nous si c'est votre cas pour l'estimer."
        )
    elif not any(p.travail_5_ans_sur_10 for p in jobless):
        out.pourquoi_pas.append(
            "L'ASS demande d'avoir travaillé 5 ans dans les 10 ans avant la fin du contrat "
            "(art. R5423-1 code du travail)."
        )
    else:
        out.pourquoi_pas.append(
            f"Les ressources du foyer ({euros(view.value('ass_base_ressources'))} sur 12 mois) "
            "sont trop élevées pour l'ASS."
        )


@explainer(
    "cej",
    facts=(
        ("contrat_engagement_jeune_eligibilite", "month"),
        ("contrat_engagement_jeune_montant_forfaitaire", "month"),
    ),
)
def cej(view: HouseholdView, amount: float, out: Explanation) -> None:
    out.variables += ["contrat_engagement_jeune"]
    young = [p for p in view.situation.personnes if 16 <= p.age <= 25]
    if amount > 0:
        out.pourquoi.append(
            "Vous avez de 16 à 25 ans, vous n'êtes pas étudiant·e et votre foyer fiscal paie "
            "peu ou pas d'impôt."
        )
        if not any(p.cej for p in young):
            out.statut = TO_CHECK
            out.pourquoi.append(
                "L'allocation est versée si vous signez un contrat d'engagement jeune avec la "
                "mission locale ou France Travail : 15 à 20 heures d'activités par semaine."
            )
        return
    if not young:
        out.pourquoi_pas.append(
            "Le CEJ est pour les jeunes de 16 à 25 ans (29 ans avec une reconnaissance de "
            "handicap)."
        )
    elif all(p.activite == "etudiant" for p in young):
        out.pourquoi_pas.append("Le CEJ n'est pas ouvert aux étudiants.")
    elif view.value("contrat_engagement_jeune_eligibilite"):
        out.pourquoi_pas.append("Vos revenus des 3 derniers mois dépassent le montant du CEJ.")
    else:
        out.pourquoi_pas.append(
            "Le CEJ n'est pas versé avec le RSA ou la prime d'activité, ni si le foyer fiscal "
            "paie l'impôt au-delà de la première tranche."
        )
