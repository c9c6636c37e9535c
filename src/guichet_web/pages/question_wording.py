"""« Mes droits », one question per screen: the words of each screen.

Everyday words first, the official term underneath in smaller type (GUIDE §5), a pictogram
where it helps, always beside its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    picto: str = ""
    official: str = ""


@dataclass(frozen=True)
class Screen:
    question: str
    couple_question: str = ""  # the same question when the person lives in a couple
    hint: str = ""
    picto: str = ""

    def __post_init__(self):
        if not self.couple_question:
            object.__setattr__(self, "couple_question", self.question)


@dataclass(frozen=True)
class Wording:
    label: str
    official: str = ""


SCREENS = {
    "foyer": Screen(_("Qui vit avec vous ?"), picto="famille"),
    "ages": Screen(
        _("Quel âge a chaque personne ?"), hint=_("En années. Par exemple : 35."), picto="famille"
    ),
    "pension": Screen(
        _("Recevez-vous une pension alimentaire pour vos enfants ?"),
        hint=_("L'argent que l'autre parent verse chaque mois pour les enfants."),
        picto="argent",
    ),
    "logement": Screen(_("Où habitez-vous ?"), picto="loyer"),
    "loyer": Screen(_("Combien payez-vous de loyer chaque mois ?"), picto="loyer"),
    "activite": Screen(_("Que faites-vous en ce moment ?"), picto="travail"),
    "revenus": Screen(
        _("Combien recevez-vous chaque mois ?"),
        hint=_("Ce qui arrive sur votre compte, avant l'impôt. Un montant moyen suffit."),
        picto="argent",
    ),
    "etudes": Screen(
        _("Où faites-vous vos études ?"),
        _("Où se font les études ?"),
        hint=_("Pour la bourse des études après le bac."),
        picto="papiers",
    ),
    "conjoint-activite": Screen(_("Que fait votre conjoint en ce moment ?"), picto="travail"),
    "conjoint-revenus": Screen(
        _("Combien votre conjoint reçoit-il chaque mois ?"),
        hint=_("Ce qui arrive sur son compte, avant l'impôt. Un montant moyen suffit."),
        picto="argent",
    ),
    "changement": Screen(
        _("Vos revenus ont-ils changé ces 12 derniers mois ?"),
        _("Vos revenus ou ceux de votre conjoint ont-ils changé ces 12 derniers mois ?"),
        hint=_("Les aides regardent aussi les revenus des mois passés."),
        picto="argent",
    ),
    "depuis": Screen(_("Depuis quel mois vos revenus ont-ils changé ?"), picto="argent"),
    "avant": Screen(
        _("Avant ce changement, combien receviez-vous chaque mois ?"),
        _("Avant ce changement, combien receviez-vous chaque mois, vous et votre conjoint ?"),
        hint=_("Si les revenus d'une personne n'ont pas changé, laissez ses cases vides."),
        picto="argent",
    ),
    "situations": Screen(
        _("Êtes-vous dans une de ces situations ?"),
        _("Vous ou une personne de votre foyer êtes dans une de ces situations ?"),
        picto="sante",
    ),
    "handicap": Screen(
        _("Quel taux d'incapacité la MDPH a-t-elle reconnu ?"),
        hint=_(
            "C'est écrit sur la décision de la MDPH (maison départementale des personnes "
            "handicapées). Si vous ne savez pas, laissez « pas de taux » : un conseiller "
            "vérifiera avec vous."
        ),
        picto="handicap",
    ),
    "autonomie": Screen(
        _("Quel GIR le Département a-t-il évalué ?"),
        hint=_(
            "Le GIR dit combien d'aide il faut pour les gestes de tous les jours : de GIR 1 "
            "(besoin d'aide pour tout) à GIR 6 (autonome). Il est écrit sur l'évaluation."
        ),
        picto="sante",
    ),
    "naissance": Screen(_("Pour quel mois la naissance est-elle prévue ?"), picto="famille"),
    "separation": Screen(_("Depuis quel mois êtes-vous séparé ?"), picto="famille"),
}

HOUSING = (
    Choice("locataire", _("Je loue à un propriétaire privé"), "loyer", _("locataire")),
    Choice("locataire_hlm", _("Je loue un logement social"), "loyer", _("locataire HLM")),
    Choice("proprietaire", _("Je suis propriétaire"), "loyer", _("propriétaire ou accédant")),
    Choice(
        "heberge_gratuit",
        _("Je suis hébergé gratuitement (famille, amis)"),
        "famille",
        _("hébergé à titre gratuit"),
    ),
    Choice("sans_domicile", _("Je n'ai pas de logement"), "dormir", _("sans domicile stable")),
)

ACTIVITIES = {
    "demandeur": (
        Choice("salarie", _("Je travaille pour un employeur"), "travail", _("salarié")),
        Choice("independant", _("Je travaille à mon compte"), "travail", _("indépendant")),
        Choice("chomeur", _("Je cherche du travail"), "travail", _("demandeur d'emploi")),
        Choice("etudiant", _("Je fais des études"), "papiers", _("étudiant")),
        Choice("retraite", _("Je suis à la retraite"), "famille", _("retraité")),
        Choice("inactif", _("Rien de tout cela"), "", _("sans activité")),
    ),
    "conjoint": (
        Choice("salarie", _("Travaille pour un employeur"), "travail", _("salarié")),
        Choice("independant", _("Travaille à son compte"), "travail", _("indépendant")),
        Choice("chomeur", _("Cherche du travail"), "travail", _("demandeur d'emploi")),
        Choice("etudiant", _("Fait des études"), "papiers", _("étudiant")),
        Choice("retraite", _("Est à la retraite"), "famille", _("retraité")),
        Choice("inactif", _("Rien de tout cela"), "", _("sans activité")),
    ),
}

INCOMES = {
    "salaire_net": Wording(
        _("Salaire par mois (en euros)"), _("salaire net avant impôt, ou revenu d'activité")
    ),
    "chomage_net": Wording(
        _("Allocation chômage par mois (en euros)"),
        _("ARE, allocation d'aide au retour à l'emploi, versée par France Travail"),
    ),
    "retraite_nette": Wording(
        _("Retraite par mois (en euros)"), _("pension de retraite, de base et complémentaire")
    ),
}

SPECIAL = (
    Choice(
        "handicap",
        _("Un handicap ou une maladie qui dure"),
        "handicap",
        _("handicap reconnu par la MDPH, ou demande en cours"),
    ),
    Choice("enceinte", _("Une grossesse en cours"), "famille", _("grossesse déclarée")),
    Choice(
        "separation",
        _("Une séparation ces 18 derniers mois"),
        "famille",
        _("isolement récent : divorce, rupture, décès du conjoint"),
    ),
    Choice(
        "autonomie",
        _("Une personne de 60 ans ou plus a besoin d'aide pour les gestes de tous les jours"),
        "sante",
        _("perte d'autonomie"),
    ),
    Choice(
        "cej",
        _("J'ai signé un contrat avec la Mission locale ou France Travail pour trouver un travail"),
        "travail",
        _("contrat d'engagement jeune (CEJ)"),
    ),
    Choice(
        "travail_5_ans_demandeur",
        _("J'ai travaillé au moins 5 ans pendant les 10 dernières années"),
        "travail",
        _("condition d'activité antérieure de l'ASS"),
    ),
    Choice(
        "travail_5_ans_conjoint",
        _("Mon conjoint a travaillé au moins 5 ans pendant les 10 dernières années"),
        "travail",
        _("condition d'activité antérieure de l'ASS"),
    ),
)

PENSION = (
    Choice("oui", _("Oui, l'autre parent la paie chaque mois, en entier")),
    Choice("non", _("Non, ou pas en entier")),
    Choice("aucune", _("Il n'y a pas de pension"), official=_("pas de pension fixée par le juge")),
)

ESTABLISHMENTS = (
    Choice("public", _("Dans un établissement public"), "papiers", _("université, IUT, lycée")),
    Choice(
        "prive_sous_contrat",
        _("Dans une école privée sous contrat"),
        "papiers",
        _("privé sous contrat avec l'État"),
    ),
    Choice("prive_hors_contrat", _("Dans une école privée hors contrat"), "papiers"),
    Choice("aucun", _("Pas d'études après le bac")),
)

GIR = (
    *(Choice(str(n), f"GIR {n}") for n in range(1, 7)),  # le nom officiel, tel quel
    Choice("inconnu", _("Pas encore évalué, ou je ne sais pas")),
)
