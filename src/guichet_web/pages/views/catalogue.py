"""The démarches of the national catalogue, by theme, and one démarche with where to go."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from guichet.catalogue import load_catalogue
from guichet.catalogue.schema import THEMES
from guichet_web.annuaire.places import card, national_lines_for, places_for_networks

THEME_LABELS = {
    "revenus": "Argent et revenus",
    "emploi": "Travail et chômage",
    "jeunes": "Jeunes",
    "sante": "Santé",
    "famille": "Enfants et famille",
    "logement": "Logement",
    "papiers": "Papiers et impôts",
    "handicap": "Handicap",
    "seniors": "Personnes âgées",
    "justice": "Droits et justice",
    "budget": "Budget, dettes, alimentation",
    "numerique": "Internet, lire et écrire",
    "mobilite": "Se déplacer",
}


def demarche_list(request):
    catalogue = load_catalogue()
    themes = [
        {"id": theme, "label": THEME_LABELS.get(theme, theme), "demarches": items}
        for theme in THEMES
        if (items := sorted(catalogue.by_theme(theme), key=lambda d: d.titre))
    ]
    return render(request, "pages/demarches.html", {"themes": themes})


def demarche_detail(request, demarche_id: str):
    catalogue = load_catalogue()
    demarche = catalogue.get(demarche_id)
    if demarche is None:
        raise Http404("démarche inconnue")
    places = places_for_networks(demarche.aide_locale)
    context = {
        "demarche": demarche,
        "theme_label": THEME_LABELS.get(demarche.theme, demarche.theme),
        "voir_aussi": [catalogue.get(ref) for ref in demarche.voir_aussi if ref in catalogue],
        "places": [card(place) for place in places],
        "national_lines": national_lines_for(demarche.aide_locale),
    }
    return render(request, "pages/demarche.html", context)
