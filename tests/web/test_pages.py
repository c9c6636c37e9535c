"""Every page: 200, lang="fr", one h1, a skip link, a title, and who can help."""

import pytest
from django.template import TemplateSyntaxError, engines
from django.utils.html import escape

from guichet.catalogue import load_catalogue
from tests.web.htmlpage import page

HOME = "france-services-besancon-planoise"
PAGES = [
    "/",
    "/besoin",
    "/besoin?texte=je+narrive+plus+a+payer+mon+loyer",
    "/besoin?texte=xyz",
    "/besoin?texte=",
    "/demarches/",
    "/demarches/rsa",
    "/lieux/",
    f"/lieux/{HOME}",
    "/lieux/caf-du-doubs-accueil-de-besancon",
    "/mes-droits/",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_accessibly(client, territory, fake_matcher, url):
    response = client.get(url)
    assert response.status_code == 200
    html = page(response)
    assert html.lang == "fr"
    assert html.h1_count == 1
    assert html.title.strip().endswith("Guichet Planoise")
    assert {"href": "#contenu", "class": "skip-link"} in html.find_all("a")
    assert "contenu" in html.ids()
    assert set(f["id"] for f in html.fields()) <= html.labelled_ids()
    ids = [attrs["id"] for _, attrs in html.tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "identifiants en double"
    body = response.content.decode()
    assert "Quelqu'un peut vous aider" in body
    assert "France services Besançon Planoise" in body


def test_unknown_demarche_is_a_plain_french_404(client, territory):
    response = client.get("/demarches/nexiste-pas")
    assert response.status_code == 404
    html = page(response)
    assert html.h1_count == 1 and html.lang == "fr"
    assert "Cette page n'existe pas" in response.content.decode()


def test_unknown_place_is_a_404(client, territory):
    assert client.get("/lieux/nulle-part").status_code == 404


@pytest.mark.parametrize("demarche_id", sorted(d.id for d in load_catalogue()))
def test_every_demarche_page_shows_a_local_place(client, territory, demarche_id):
    response = client.get(f"/demarches/{demarche_id}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Où aller près de chez vous" in body
    places = response.context["places"]
    assert places and places[0].place.pk == HOME
    assert f'href="/lieux/{HOME}"' in body
    demarche = load_catalogue().get(demarche_id)
    assert escape(demarche.titre) in body


def test_demarche_page_shows_everything_of_the_entry(client, territory):
    demarche = load_catalogue().get("rsa")
    body = client.get("/demarches/rsa").content.decode()
    for text in (demarche.nom_officiel, demarche.organisme.nom, demarche.lien_officiel.url):
        assert escape(text) in body
    assert 'href="tel:3230"' in body
    assert "651,69\u00a0€ par mois" in body
    assert "depuis le 1er avril 2026" in body
    for ref in demarche.voir_aussi:
        assert f'href="/demarches/{ref}"' in body


def test_place_without_phone_gives_the_national_line(client, territory):
    body = client.get("/lieux/caf-du-doubs-accueil-de-besancon").content.decode()
    assert "À vérifier" in body
    assert 'href="tel:3230"' in body
    assert "Adresse non connue" not in body  # « rue Denis Papin » is known
    assert "Information de 2013" in body


def test_place_page_has_hours_table_source_and_services(client, territory):
    body = client.get(f"/lieux/{HOME}").content.decode().replace("\u00a0", " ")
    assert "<caption>Horaires de la semaine<span" in body
    assert "8 h 30 – 12 h 30 et 13 h 30 – 17 h" in body
    assert "10 h – 12 h 30 et 13 h 30 – 17 h" in body
    assert 'href="tel:+33381412221"' in body
    assert "Aide pour vos démarches administratives" in body
    assert "Information du 1er août 2024" in body


def test_demarches_are_listed_by_theme(client, territory):
    response = client.get("/demarches/")
    body = response.content.decode()
    for demarche in load_catalogue():
        assert f'href="/demarches/{demarche.id}"' in body
    assert 'id="logement"' in body


def test_home_links_to_needs_themes_and_rights(client, territory):
    body = client.get("/").content.decode()
    assert 'action="/besoin"' in body
    assert "/besoin?texte=" in body
    assert 'href="/demarches/#famille"' in body
    assert 'href="/mes-droits/"' in body
    assert "<svg" in body and 'aria-hidden="true"' in body


def test_security_headers(client, territory):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_no_third_party_resources(client, territory, fake_matcher):
    for url in PAGES:
        html = page(client.get(url))
        for attrs in html.find_all("link") + html.find_all("script") + html.find_all("img"):
            source = attrs.get("href") or attrs.get("src") or ""
            assert source.startswith("/"), (url, source)


def test_unknown_template_variable_fails():
    template = engines["django"].from_string("<p>{{ variable_inconnue }}</p>")
    with pytest.raises(TemplateSyntaxError, match="variable_inconnue"):
        template.render({})


def test_stylesheet_is_served(client, db):
    response = client.get("/static/guichet/site.css")
    try:
        assert response.status_code == 200
        assert b"font-size: 1.125rem" in b"".join(response.streaming_content)
    finally:
        response.close()
