"""The person's file (« usager »): minimal identity, consents, notes, démarches followed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from guichet_web.annuaire.models import Structure

from ..choices import Autonomy, ConsentPurpose, DemarcheStatus

USER = settings.AUTH_USER_MODEL


class PersonFile(models.Model):
    """Opened by a structure, with the person's consent; anonymised, never deleted."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="person_files", verbose_name="structure"
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="ouvert par"
    )
    created_at = models.DateTimeField("ouvert le", default=timezone.now)
    last_activity_at = models.DateTimeField("dernier contact", default=timezone.now, db_index=True)
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    birth_year = models.PositiveSmallIntegerField("année de naissance", null=True, blank=True)
    phone = models.CharField("téléphone", max_length=20, blank=True)
    situation_answers = models.JSONField("réponses du questionnaire", default=dict, blank=True)
    situation = models.JSONField("situation du foyer", default=dict, blank=True)
    simulation_results = models.JSONField("derniers résultats", null=True, blank=True)
    simulated_at = models.DateTimeField("calculé le", null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField("accord retiré le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisé le", null=True, blank=True)
    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        verbose_name = "dossier d'une personne"
        verbose_name_plural = "dossiers des personnes"
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        if self.anonymised_at:
            return f"Dossier anonymisé n° {self.pk}"
        return f"{self.first_name} {self.last_name}"

    @property
    def is_open(self) -> bool:
        """Readable and writable: consent in force and not anonymised."""
        return self.consent_withdrawn_at is None and self.anonymised_at is None


class Consent(models.Model):
    """What the person agreed to, when, by whom it was recorded, on which text (SHA-256)."""

    person_file = models.ForeignKey(
        PersonFile, on_delete=models.PROTECT, related_name="consents", verbose_name="dossier"
    )
    purpose = models.CharField("objet", max_length=20, choices=ConsentPurpose.choices)
    text_sha256 = models.CharField("empreinte SHA-256 du texte montré", max_length=64)
    given_at = models.DateTimeField("donné le", default=timezone.now)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="noté par"
    )
    revoked_at = models.DateTimeField("retiré le", null=True, blank=True)
    revoked_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "accord"
        verbose_name_plural = "accords"
        ordering = ["given_at", "id"]

    def __str__(self) -> str:
        return f"Accord : {self.get_purpose_display()}"

    @property
    def in_force(self) -> bool:
        return self.revoked_at is None


class Note(models.Model):
    person_file = models.ForeignKey(
        PersonFile, on_delete=models.PROTECT, related_name="notes", verbose_name="dossier"
    )
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField("écrite le", default=timezone.now)
    text = models.TextField("note")

    class Meta:
        verbose_name = "note"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Note n° {self.pk}"


class FollowedDemarche(models.Model):
    """A démarche of the catalogue followed for the person, with its status and dates."""

    person_file = models.ForeignKey(
        PersonFile, on_delete=models.PROTECT, related_name="demarches", verbose_name="dossier"
    )
    demarche_id = models.SlugField("démarche", max_length=100)
    status = models.CharField(
        "où en est-on", max_length=20, choices=DemarcheStatus.choices, default=DemarcheStatus.TODO
    )
    opened_on = models.DateField("commencée le", default=timezone.localdate)
    status_changed_on = models.DateField("statut changé le", default=timezone.localdate)
    filed_on = models.DateField("déposée le", null=True, blank=True)
    decided_on = models.DateField("terminée le", null=True, blank=True)
    autonomy = models.PositiveSmallIntegerField(
        "autonomie (dernier passage)", choices=Autonomy.choices, null=True, blank=True
    )
    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        verbose_name = "démarche suivie"
        verbose_name_plural = "démarches suivies"
        ordering = ["opened_on", "id"]

    def __str__(self) -> str:
        return f"{self.demarche_id} ({self.get_status_display()})"


class DocumentItem(models.Model):
    """One line of the documents checklist of a followed démarche."""

    followed = models.ForeignKey(
        FollowedDemarche, on_delete=models.CASCADE, related_name="documents"
    )
    label = models.CharField("pièce", max_length=300)
    provided = models.BooleanField("fournie", default=False)
    provided_on = models.DateField("fournie le", null=True, blank=True)

    class Meta:
        verbose_name = "pièce à fournir"
        verbose_name_plural = "pièces à fournir"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label
