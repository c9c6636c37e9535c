"""Difficult words of a démarche page: linked to a visible explanation, without JavaScript."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from guichet.letters import default_finder
from tests.web.htmlpage import page


def test_demarche_page_explains_its_difficult_words(client, territory):
    response = client.get("/demarches/trop-percu")
    body = response.content.decode()
    html = page(response)
    assert response.status_code == 200 and html.h1_count == 1
    assert "Les mots difficiles de cette page" in body
    assert '<dfn id="mot-indu">indu</dfn>' in body
    links = [a["href"][1:] for a in html.find_all("a") if a.get("href", "").startswith("#mot-")]
    assert links and set(links) <= html.ids()
    assert len(links) == len(set(links))  # the first appearance only
    abbr = [a for a in html.find_all("abbr") if a.get("title")]
    assert abbr and all(len(a["title"]) > 10 for a in abbr)


def test_glossary_list_follows_the_order_of_the_page(client, territory):
    body = client.get("/demarches/trop-percu").content.decode()
    section = body[body.index("Les mots difficiles de cette page") :]
    ids = re.findall(r'<dfn id="(mot-[^"]+)"', section)
    first_links = list(dict.fromkeys(re.findall(r'href="#(mot-[^"]+)"', body)))
    assert ids == first_links


def test_no_french_glossary_on_a_page_in_another_language(client, territory):
    body = client.get("/demarches/trop-percu", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Les mots difficiles de cette page" not in body
    assert 'href="#mot-' not in body


def glossary_in(lang: str) -> str:
    """The block itself, as it would show on a page in `lang` (only French pages list terms
    today: templatetags/glossaire.py; the block must hold if that changes)."""
    term = next(f.term for f in default_finder().find("un indu") if f.known)
    with translation.override(lang):
        return render_to_string(
            "pages/_glossaire.html", {"mots": [{"id": "mot-indu", "term": term}]}
        )


def test_the_glossary_block_in_french_has_no_language_marks():
    html = glossary_in("fr")
    assert "Les mots difficiles de cette page</h2>" in html
    assert "<dl>" in html and 'lang="fr"' not in html


@pytest.mark.parametrize(
    ("lang", "heading", "attributes"),
    [
        ("en", "Difficult words on this page", ' lang="fr"'),
        ("ar", "الكلمات الصعبة في هذه الصفحة", ' lang="fr" dir="ltr"'),
        ("tr", "Bu sayfadaki zor kelimeler", ' lang="fr"'),
    ],
)
def test_the_glossary_block_says_its_definitions_are_french(lang, heading, attributes):
    html = glossary_in(lang)
    assert f'<h2 id="mots-difficiles">{heading} <span class="in-french"' in html
    assert f"<dl{attributes}>" in html
    assert '<dfn id="mot-indu">indu</dfn>' in html
