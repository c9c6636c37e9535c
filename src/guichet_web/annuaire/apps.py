from django.apps import AppConfig


class AnnuaireConfig(AppConfig):
    name = "guichet_web.annuaire"
    verbose_name = "annuaire des lieux"
    default_auto_field = "django.db.models.BigAutoField"
