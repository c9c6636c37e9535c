"""The démarches of the national catalogue, by theme, and one démarche with where to go."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from guichet.catalogue import load_catalogue, localized
from guichet.catalogue.schema import THEMES
from guichet_web.annuaire.places import card, national_lines_for, places_for_networks

THEME_LABELS = {
    "revenus": _("Argent et revenus"),
    "emploi": _("Travail et chômage"),
    "jeunes": _("Jeunes"),
    "sante": _("Santé"),
    "famille": _("Enfants et famille"),
    "logement": _("Logement"),
    "papiers": _("Papiers et impôts"),
    "handicap": _("Handicap"),
    "seniors": _("Personnes âgées"),
    "justice": _("Droits et justice"),
    "budget": _("Budget, dettes, alimentation"),
    "numerique": _("Internet, lire et écrire"),
    "mobilite": _("Se déplacer"),
}


def demarche_list(request):
    catalogue = load_catalogue()
    lang = get_language()
    themes = [
        {"id": theme, "label": THEME_LABELS.get(theme, theme), "demarches": items}
        for theme in THEMES
        if (
            items := sorted(
                (localized(d, lang) for d in catalogue.by_theme(theme)), key=lambda v: v.titre
            )
        )
    ]
    return render(request, "pages/demarches.html", {"themes": themes})


def demarche_detail(request, demarche_id: str):
    catalogue = load_catalogue()
    demarche = catalogue.get(demarche_id)
    if demarche is None:
        raise Http404("démarche inconnue")
    places = places_for_networks(demarche.aide_locale)
    lang = get_language()
    view = localized(demarche, lang)
    context = {
        "demarche": demarche,
        # The reader-facing texts in the page's language, French where not translated yet.
        "view": view,
        # « Plus simple » (?texte=simple): the FALC short version, when the démarche has one.
        "simple": request.GET.get("texte") == "simple" and bool(view.facile),
        "theme_label": THEME_LABELS.get(demarche.theme, demarche.theme),
        "voir_aussi": [
            localized(catalogue.get(ref), lang) for ref in demarche.voir_aussi if ref in catalogue
        ],
        "places": [card(place) for place in places],
        "national_lines": national_lines_for(demarche.aide_locale),
    }
    return render(request, "pages/demarche.html", context)
