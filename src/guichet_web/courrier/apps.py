from django.apps import AppConfig


class CourrierConfig(AppConfig):
    name = "guichet_web.courrier"
    verbose_name = "Comprendre un courrier"
