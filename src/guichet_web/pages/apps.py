from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "guichet_web.pages"
    verbose_name = "pages"
