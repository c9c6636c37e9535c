from django.apps import AppConfig


class AccueilConfig(AppConfig):
    name = "guichet_web.accueil"
    verbose_name = "accueil (espace des médiateurs)"
    default_auto_field = "django.db.models.BigAutoField"
