"""Every page ends with who can help: the territory's France services, from the database."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from guichet_web.annuaire.places import card, home_place


def _home_card():
    place = home_place()
    return card(place) if place else None


def help_place(request):
    """Lazy: the query runs only on pages that show the footer (not in the admin)."""
    return {"help_place": SimpleLazyObject(_home_card)}
