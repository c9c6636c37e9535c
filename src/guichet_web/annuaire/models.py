"""Places and services, in fields aligned with the data·inclusion v1 schemas.

Seeded from the territory files by `manage.py charger_territoire`, editable by staff in the
admin. A row edited in the admin is marked `edited_locally` and is no longer overwritten by
the files.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from guichet.directory import HoursError, Period, parse_osm, periods_from_dicts


class Structure(models.Model):
    """A place that receives the public (data·inclusion « structure »)."""

    id = models.SlugField("identifiant", primary_key=True, max_length=100)
    territoire = models.SlugField("territoire", max_length=60, default="besancon-planoise")
    nom = models.CharField("nom", max_length=200)
    type = models.CharField("type", max_length=100, blank=True)
    adresse = models.CharField("adresse", max_length=200, blank=True)
    complement_adresse = models.CharField("complément d'adresse", max_length=200, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    commune = models.CharField("commune", max_length=100, blank=True)
    code_insee = models.CharField("code INSEE", max_length=5, blank=True)
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    courriel = models.EmailField("courriel", blank=True)
    site_web = models.URLField("site web", max_length=300, blank=True)
    horaires_accueil = models.CharField(
        "horaires d'accueil (format OpenStreetMap)",
        max_length=300,
        blank=True,
        help_text="Par exemple : Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00",
    )
    horaires = models.JSONField("horaires (structurés)", default=list, blank=True, editable=False)
    horaires_remarque = models.TextField("horaires non structurés", blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    reseaux_porteurs = models.JSONField("réseaux porteurs", default=list, blank=True)
    description = models.TextField("description", blank=True)
    source = models.CharField("source", max_length=100, default="guichet")
    lien_source = models.URLField("lien vers la source", max_length=500, blank=True)
    date_maj = models.DateField("date de l'information", null=True, blank=True)
    date_source = models.CharField(
        "date de l'information (telle que lue)", max_length=20, blank=True
    )
    a_verifier = models.BooleanField("à vérifier", default=False)
    remarque = models.TextField("remarque", blank=True)
    edited_locally = models.BooleanField(
        "modifié dans l'administration",
        default=False,
        help_text="Les fichiers du territoire ne remplacent plus cette fiche.",
    )

    class Meta:
        verbose_name = "lieu"
        verbose_name_plural = "lieux"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom

    def save(self, *args, **kwargs) -> None:
        """The structured hours always follow the OSM string, which staff may edit."""
        self.horaires = parse_osm(self.horaires_accueil).as_dicts()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            parse_osm(self.horaires_accueil)
        except HoursError as exc:
            raise ValidationError({"horaires_accueil": str(exc)}) from exc

    @property
    def periods(self) -> list[Period]:
        return periods_from_dicts(self.horaires)


class Service(models.Model):
    """What a place offers (data·inclusion « service »)."""

    id = models.SlugField("identifiant", primary_key=True, max_length=100)
    structure = models.ForeignKey(
        Structure, on_delete=models.CASCADE, related_name="services", verbose_name="lieu"
    )
    nom = models.CharField("nom", max_length=200)
    description = models.TextField("description")
    thematiques = models.JSONField("thématiques", default=list, blank=True)
    publics = models.JSONField("publics", default=list, blank=True)
    modes_accueil = models.JSONField("modes d'accueil", default=list, blank=True)
    frais = models.JSONField("frais", default=list, blank=True)
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    courriel = models.EmailField("courriel", blank=True)
    source = models.CharField("source", max_length=100, default="guichet")
    lien_source = models.URLField("lien vers la source", max_length=500, blank=True)
    date_maj = models.DateField("date de l'information", null=True, blank=True)
    edited_locally = models.BooleanField("modifié dans l'administration", default=False)

    class Meta:
        verbose_name = "service"
        verbose_name_plural = "services"
        ordering = ["structure", "nom"]

    def __str__(self) -> str:
        return self.nom
