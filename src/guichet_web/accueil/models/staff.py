"""Staff accounts: Django's User, plus a role and the structure they work for."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from guichet_web.annuaire.models import Structure

from ..choices import MEDIATOR_ROLES, Role


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name="compte",
    )
    role = models.CharField("rôle", max_length=30, choices=Role.choices)
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="staff", verbose_name="structure"
    )

    class Meta:
        verbose_name = "profil d'équipe"
        verbose_name_plural = "profils d'équipe"

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()}, {self.structure})"

    @property
    def is_mediator(self) -> bool:
        return self.role in MEDIATOR_ROLES
