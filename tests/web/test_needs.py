"""Need results: the matcher's démarches, why, and where to go; the text is kept."""

import pytest

from tests.web.htmlpage import page


def test_results_show_demarches_why_and_places(client, territory, fake_matcher):
    response = client.get("/besoin", {"texte": "jarive plu a payé mon loyé"})
    body = response.content.decode()
    assert fake_matcher.texts == ["jarive plu a payé mon loyé"]
    assert body.index("/demarches/aide-logement") < body.index("/demarches/rsa")
    assert "vous parlez de loyer" in body
    assert "France services Besançon Planoise" in body
    assert "Ouvert aujourd" in body or "Fermé aujourd" in body
    assert "jarive plu a payé mon loyé</textarea>" in body
    assert page(response).h1_count == 1


def test_matcher_message_is_shown_and_text_kept(client, territory, fake_matcher):
    body = client.get("/besoin", {"texte": "xyz"}).content.decode()
    assert "Nous n&#x27;avons pas compris" in body
    assert "\nxyz</textarea>" in body


def test_urgent_contacts_come_first(client, territory, fake_matcher):
    response = client.get("/besoin", {"texte": "je dors dehors"})
    body = response.content.decode()
    assert 'href="tel:115"' in body
    assert body.index("Tout de suite") < body.index("Écrire votre besoin")
    assert page(response).h1_count == 1


def test_a_clarifying_question_links_to_themes(client, territory, fake_matcher):
    body = client.get("/besoin", {"texte": "aide"}).content.decode()
    assert "De quoi s&#x27;agit-il ?" in body
    assert 'href="/demarches/#logement"' in body


def test_empty_text_is_refused_next_to_the_field(client, territory, fake_matcher):
    response = client.get("/besoin", {"texte": "   "})
    body = response.content.decode()
    assert fake_matcher.texts == []
    assert "Écrivez en quelques mots ce qui ne va pas." in body
    textarea = page(response).find_all("textarea")[0]
    assert "id_texte-erreur" in textarea["aria-describedby"]
    assert textarea["aria-invalid"] == "true"


def test_too_long_text_is_refused(client, territory, fake_matcher):
    body = client.get("/besoin", {"texte": "loyer " * 300}).content.decode()
    assert fake_matcher.texts == []
    assert "trop long" in body


def test_without_text_the_form_is_shown(client, territory, fake_matcher):
    response = client.get("/besoin")
    assert fake_matcher.texts == []
    assert response.context["searched"] is False


@pytest.mark.slow
def test_real_matcher_end_to_end(client, territory):
    """The real guichet.matching engine behind the page (its quality is tested elsewhere)."""
    response = client.get("/besoin", {"texte": "jarive plu a payé mon loyé"})
    assert response.status_code == 200
    assert response.context["items"], response.context["message"]
    assert all(item.demarche is not None for item in response.context["items"])
    assert "/demarches/" in response.content.decode()
