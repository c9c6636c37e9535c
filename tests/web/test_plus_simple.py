"""« Lire en plus simple »: the FALC short version of a démarche, by a plain link
(?texte=simple), so that it works without JavaScript."""

from __future__ import annotations

import dataclasses

from django.utils.html import escape

from guichet.catalogue import load_catalogue
from guichet_web.pages.views import catalogue as catalogue_views
from tests.web.htmlpage import page


def test_the_switch_leads_to_the_short_version_and_back(client, territory):
    rsa = load_catalogue().get("rsa")
    body = client.get("/demarches/rsa").content.decode()
    assert 'href="/demarches/rsa?texte=simple"' in body
    assert "Lire en plus simple" in body

    response = client.get("/demarches/rsa?texte=simple")
    body = response.content.decode()
    for line in rsa.facile:
        assert escape(line) in body
    assert "Pour qui ?" not in body and "Comment faire" not in body
    assert "Où aller près de chez vous" in body, "toujours qui peut aider"
    assert 'href="/demarches/rsa">Lire la fiche complète' in body
    html = page(response)
    assert html.title.startswith(rsa.titre)
    assert "en plus simple" in html.title
    assert html.h1_count == 1


def test_no_switch_without_a_short_version(client, territory, monkeypatch):
    real = catalogue_views.localized
    monkeypatch.setattr(
        catalogue_views,
        "localized",
        lambda demarche, lang: dataclasses.replace(real(demarche, lang), facile=()),
    )
    body = client.get("/demarches/rsa").content.decode()
    assert "Lire en plus simple" not in body
    body = client.get("/demarches/rsa?texte=simple").content.decode()
    assert "Pour qui ?" in body, "la fiche complète, faute de version courte"
