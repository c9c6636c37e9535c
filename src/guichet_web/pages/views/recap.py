"""« Mon récapitulatif »: one page to print, download as PDF, or take away with a code."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from guichet_web.annuaire.places import card, home_place

from .. import recap
from ..recap_pdf import build_pdf


def recap_page(request):
    context = {
        "recap": recap.build(request.session),
        "site_url": request.build_absolute_uri("/"),
        "today": timezone.localdate(),
    }
    return render(request, "pages/recapitulatif.html", context)


def recap_download(request):
    home = home_place()
    pdf = build_pdf(
        recap.build(request.session),
        request.build_absolute_uri("/"),
        timezone.localdate(),
        help_card=card(home) if home else None,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="recapitulatif-guichet.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def recap_clear(request):
    recap.forget(request.session)
    return redirect("pages:recapitulatif")
