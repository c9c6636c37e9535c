"""A form sent without its CSRF cookie: a page of the site in plain words, not Django's 403."""

import pytest
from django.test import Client

from tests.web.htmlpage import page


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_post_without_csrf_cookie_is_a_page_of_the_site(strict_client, territory):
    response = strict_client.post(
        "/recapitulatif/effacer", HTTP_REFERER="http://testserver/recapitulatif"
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "La vérification CSRF a échoué" not in body
    assert "CSRF" not in body
    html = page(response)
    assert html.lang == "fr"
    assert html.h1_count == 1
    assert html.title.strip().endswith("Guichet Planoise")
    assert {"href": "#contenu", "class": "skip-link"} in html.find_all("a")
    assert "restée ouverte trop longtemps" in body
    assert "cookies" in body
    assert "Rien n'est perdu" in body
    assert {"href": "http://testserver/recapitulatif"} in html.find_all("a")


def test_the_link_back_never_leaves_the_site(strict_client, territory):
    response = strict_client.post(
        "/recapitulatif/effacer", HTTP_REFERER="https://ailleurs.example/"
    )
    assert response.status_code == 403
    links = [a.get("href") for a in page(response).find_all("a")]
    assert "https://ailleurs.example/" not in links
    assert "/" in links


def test_the_page_is_in_the_readers_language(strict_client, territory):
    strict_client.cookies["django_language"] = "en"
    response = strict_client.post("/recapitulatif/effacer")
    assert response.status_code == 403
    html = page(response)
    assert html.lang == "en"
    assert "The form could not be sent" in response.content.decode()
