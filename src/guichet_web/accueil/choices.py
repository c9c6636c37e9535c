"""The fixed lists of the desk: roles, channels, statuses, autonomy levels."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    RECEPTION = "agent_accueil", "agent d'accueil"
    SOCIAL_WORKER = "travailleur_social", "travailleur social"
    COORDINATOR = "coordinateur", "coordinateur"
    ADMINISTRATOR = "administrateur", "administrateur"


MEDIATOR_ROLES = frozenset({Role.RECEPTION, Role.SOCIAL_WORKER})
AGGREGATE_ROLES = frozenset({Role.COORDINATOR, Role.ADMINISTRATOR})


class Channel(models.TextChoices):
    PHONE = "telephone", "téléphone"
    DESK = "accueil_physique", "accueil physique"
    KIOSK = "libre_acces", "poste en libre accès"


class Outcome(models.TextChoices):
    RESOLVED = "regle", "réglé sur place"
    INFORMATION = "information", "information donnée"
    FOLLOW_UP = "a_suivre", "à suivre"
    REFERRED = "oriente", "orienté vers un partenaire"
    APPOINTMENT = "rendez_vous", "rendez-vous donné"
    NOT_POSSIBLE = "pas_possible", "pas de solution aujourd'hui"


class DemarcheStatus(models.TextChoices):
    TODO = "a_faire", "à faire"
    IN_PROGRESS = "en_cours", "en cours"
    FILED = "deposee", "déposée"
    GRANTED = "accordee", "accordée"
    REFUSED = "refusee", "refusée"
    ABANDONED = "abandonnee", "abandonnée"


CLOSED_STATUSES = frozenset(
    {DemarcheStatus.GRANTED, DemarcheStatus.REFUSED, DemarcheStatus.ABANDONED}
)


class Autonomy(models.IntegerChoices):
    """The four steps towards autonomy (GUIDE §3.4), from the least to the most autonomous."""

    DONE_FOR = 1, "fait pour la personne"
    DONE_WITH = 2, "fait avec elle"
    ALONE_WITH_HELP = 3, "fait seule avec aide"
    AUTONOMOUS = 4, "autonome"


class ConsentPurpose(models.TextChoices):
    FILE = "dossier", "ouvrir et garder un dossier"
    REFERRAL = "orientation", "transmettre le dossier à un partenaire"


class ReferralStatus(models.TextChoices):
    SENT = "envoyee", "envoyée"
    ACCEPTED = "acceptee", "acceptée"
    REFUSED = "refusee", "refusée"
    CLOSED = "cloturee", "clôturée"


OPEN_REFERRAL_STATUSES = frozenset({ReferralStatus.SENT, ReferralStatus.ACCEPTED})


class AppointmentChannel(models.TextChoices):
    ON_SITE = "sur_place", "sur place"
    PHONE = "telephone", "par téléphone"
    VIDEO = "visio", "en visio"


class AppointmentStatus(models.TextChoices):
    PLANNED = "prevu", "prévu"
    HONOURED = "honore", "honoré"
    NO_SHOW = "absent", "personne absente"
    CANCELLED = "annule", "annulé"
