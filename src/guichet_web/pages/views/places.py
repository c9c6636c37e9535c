"""The local places: the list, and one place with everything we know about it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from guichet_web.annuaire.models import Structure
from guichet_web.annuaire.places import card, territory


def place_list(request):
    home = territory().home
    places = sorted(Structure.objects.all(), key=lambda p: (p.pk != home, p.nom))
    return render(request, "pages/lieux.html", {"places": [card(p) for p in places]})


def place_detail(request, slug: str):
    place = get_object_or_404(Structure.objects.prefetch_related("services"), pk=slug)
    return render(
        request,
        "pages/lieu.html",
        {"card": card(place), "place": place, "services": list(place.services.all())},
    )
