"""Guichet's URLs: French slugs for the pages, the admin for staff."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Guichet – administration"
admin.site.site_title = "Guichet"

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch posts to Django's set_language view (works without JavaScript).
    path("langue/", include("django.conf.urls.i18n")),
    path("accueil/", include("guichet_web.accueil.urls")),
    path("", include("guichet_web.pages.urls")),
    path("", include("guichet_web.courrier.urls")),
    path("", include("guichet_web.kiosque.urls")),
]
