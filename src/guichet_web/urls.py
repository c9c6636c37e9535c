"""Guichet's URLs: French slugs for the pages, the admin for staff."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Guichet – administration"
admin.site.site_title = "Guichet"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("guichet_web.pages.urls")),
]
