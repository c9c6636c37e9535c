"""What happens at the desk: visits, referrals to partners, appointments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from guichet_web.annuaire.models import Structure

from ..choices import (
    AppointmentChannel,
    AppointmentStatus,
    Autonomy,
    Channel,
    Outcome,
    ReferralStatus,
)
from .files import Consent, FollowedDemarche, PersonFile

USER = settings.AUTH_USER_MODEL


class Visit(models.Model):
    """A « passage »: anonymous when no file is opened (person_file is empty)."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="visits", verbose_name="structure"
    )
    staff = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    person_file = models.ForeignKey(
        PersonFile, on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    at = models.DateTimeField("date et heure", default=timezone.now, db_index=True)
    channel = models.CharField("canal", max_length=20, choices=Channel.choices)
    duration_minutes = models.PositiveSmallIntegerField("durée (minutes)")
    reasons = models.JSONField("motifs (thématiques data·inclusion)", default=list)
    outcome = models.CharField("suite donnée", max_length=20, choices=Outcome.choices)

    class Meta:
        verbose_name = "passage"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Passage du {self.at:%d/%m/%Y %H:%M} ({self.get_channel_display()})"


class VisitDemarche(models.Model):
    """A démarche touched during a visit, with the person's autonomy on it that day."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="demarches")
    demarche_id = models.SlugField("démarche", max_length=100)
    followed = models.ForeignKey(
        FollowedDemarche, on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    autonomy = models.PositiveSmallIntegerField(
        "autonomie", choices=Autonomy.choices, null=True, blank=True
    )

    class Meta:
        verbose_name = "démarche d'un passage"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.demarche_id


class Referral(models.Model):
    """An « orientation » to a partner structure, with the person's consent."""

    person_file = models.ForeignKey(
        PersonFile, on_delete=models.PROTECT, related_name="referrals", verbose_name="dossier"
    )
    from_structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name="partenaire",
    )
    demarche_id = models.SlugField("démarche", max_length=100, blank=True)
    reason = models.TextField("motif")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="referrals")
    status = models.CharField(
        "statut", max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    refusal_reason = models.TextField("motif du refus", blank=True)
    sent_at = models.DateTimeField("envoyée le", default=timezone.now)
    sent_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_at = models.DateTimeField("réponse le", null=True, blank=True)
    answered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField("clôturée le", null=True, blank=True)
    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        verbose_name = "orientation"
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"Orientation n° {self.pk} ({self.get_status_display()})"


class Appointment(models.Model):
    """A « rendez-vous » with the desk or a partner; no-shows are recorded."""

    person_file = models.ForeignKey(
        PersonFile, on_delete=models.PROTECT, related_name="appointments", verbose_name="dossier"
    )
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="appointments", verbose_name="lieu"
    )
    starts_at = models.DateTimeField("date et heure")
    duration_minutes = models.PositiveSmallIntegerField("durée (minutes)", default=30)
    channel = models.CharField(
        "comment", max_length=20, choices=AppointmentChannel.choices, default="sur_place"
    )
    purpose = models.CharField("pour quoi", max_length=200)
    bring = models.TextField("à apporter", blank=True)
    status = models.CharField(
        "statut",
        max_length=20,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.PLANNED,
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        verbose_name = "rendez-vous"
        verbose_name_plural = "rendez-vous"
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"Rendez-vous du {self.starts_at:%d/%m/%Y %H:%M}"
