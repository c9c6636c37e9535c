from django.apps import AppConfig


class KiosqueConfig(AppConfig):
    name = "guichet_web.kiosque"
    verbose_name = "Postes en libre accès"
