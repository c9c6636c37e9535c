"""Guichet's URLs: French slugs for the pages, the admin for staff."""

from django.contrib import admin
from django.shortcuts import render
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme

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


def csrf_failure(request, reason=""):
    """A form sent without its security cookie or token (settings.CSRF_FAILURE_VIEW): a page
    of the site in plain words, with a link back to the page the form came from."""
    back = request.headers.get("referer", "")
    if not back or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("pages:accueil")
    return render(request, "403_csrf.html", {"back": back}, status=403)
