"""The free-access computers of the desk: help requests in a queue, and resume codes.

Neither holds a name or an address. A help request knows only which computer asked; a
resume code holds the recap a person chose to take away (needs typed, answers to « Mes
droits »), for 7 days at most.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class HelpRequest(models.Model):
    """« Demander de l'aide » on a free-access computer: the mediators' queue."""

    class Status(models.TextChoices):
        WAITING = "waiting", "en attente"
        TAKEN = "taken", "prise en charge"
        DONE = "done", "terminée"

    kiosk = models.CharField("poste", max_length=60)
    created_at = models.DateTimeField("demandée à", default=timezone.now, db_index=True)
    status = models.CharField(
        "état", max_length=10, choices=Status.choices, default=Status.WAITING, db_index=True
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="prise en charge par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("mise à jour", auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "demande d'aide"
        verbose_name_plural = "demandes d'aide"

    def __str__(self) -> str:
        return f"{self.kiosk} – {self.get_status_display()}"


class ResumeCode(models.Model):
    """A short code to find one's recap again on another device (« Reprendre »)."""

    code = models.CharField("code", max_length=12, unique=True)
    payload = models.JSONField("récapitulatif")
    created_at = models.DateTimeField("créé le", default=timezone.now)
    expires_at = models.DateTimeField("expire le", db_index=True)

    class Meta:
        verbose_name = "code de reprise"
        verbose_name_plural = "codes de reprise"

    def __str__(self) -> str:
        return f"code de reprise (expire le {self.expires_at:%d/%m/%Y})"
