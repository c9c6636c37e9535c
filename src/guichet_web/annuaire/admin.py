"""Staff edit places and services here. An edit marks the row `edited_locally`, so that
reloading the territory files does not overwrite it."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from .models import Service, Structure

# Django 6 will assume https for a URL typed without scheme; do it now.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ServiceInline(admin.StackedInline):
    model = Service
    formfield_overrides = URL_FIELDS
    extra = 0
    exclude = ("edited_locally",)


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ("nom", "type", "telephone", "a_verifier", "date_maj", "edited_locally")
    list_filter = ("a_verifier", "type", "territoire", "edited_locally")
    search_fields = ("nom", "adresse", "remarque")
    readonly_fields = ("horaires",)
    inlines = [ServiceInline]
    fieldsets = (
        (None, {"fields": ("id", "territoire", "nom", "type", "description", "reseaux_porteurs")}),
        (
            "Adresse",
            {
                "fields": (
                    "adresse",
                    "complement_adresse",
                    "code_postal",
                    "commune",
                    "code_insee",
                    "latitude",
                    "longitude",
                )
            },
        ),
        ("Contact", {"fields": ("telephone", "courriel", "site_web")}),
        ("Horaires", {"fields": ("horaires_accueil", "horaires", "horaires_remarque")}),
        (
            "Source",
            {
                "fields": (
                    "source",
                    "lien_source",
                    "date_maj",
                    "date_source",
                    "a_verifier",
                    "remarque",
                    "edited_locally",
                )
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "id") if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        obj.edited_locally = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for service in formset.save(commit=False):
            service.edited_locally = True
            service.save()
        for service in formset.deleted_objects:
            service.delete()


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ("nom", "structure", "date_maj", "edited_locally")
    search_fields = ("nom", "description")

    def save_model(self, request, obj, form, change):
        obj.edited_locally = True
        super().save_model(request, obj, form, change)
