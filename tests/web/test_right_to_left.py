"""Arabic pages: what reads left to right stays left to right.

Inside right-to-left text, « 03 81 41 22 21 » showed as « 21 22 41 81 03 » and « 8 h 30 »
as « h 30 8 »: a person could dial a wrong number or come at a wrong time. Every phone
number carries `dir="ltr"` (isolated by the browser, and by `.phone` in site.css), times
are isolated in the text itself (guichet_web.annuaire.places), addresses and place names
carry `dir="ltr"`.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders

from guichet.catalogue import load_catalogue
from guichet_web.annuaire.places import LRI, PDI
from tests.web.test_i18n import server_error_page
from tests.web.test_pages import HOME, PAGES

UNTRANSLATED = next(d.id for d in load_catalogue() if not d.traductions)
ARABIC_PAGES = [
    *PAGES,
    "/besoin?texte=je+dors+dehors",  # an emergency number (the fake matcher's 115)
    "/demarches/trop-percu",
    f"/demarches/{UNTRANSLATED}",
    "/recapitulatif",
]
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Phones(HTMLParser):
    """Each `tel:` link with the elements inside it, and every `.phone` element."""

    def __init__(self, html: str):
        super().__init__()
        self.links: list[list[dict]] = []
        self.phones: list[dict] = []
        self._open: list[tuple[str, list[dict] | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "phone" in (attributes.get("class") or "").split():
            self.phones.append(attributes)
        for _tag, inside in self._open:
            if inside is not None:
                inside.append(attributes)
        if tag in VOID:
            return
        link = None
        if tag == "a" and (attributes.get("href") or "").startswith("tel:"):
            link = [attributes]
            self.links.append(link)
        self._open.append((tag, link))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break


def isolated(attributes: dict) -> bool:
    return attributes.get("dir") == "ltr" and "phone" in attributes.get("class", "").split()


def check_phones(html: str) -> None:
    found = Phones(html)
    assert found.links, "pas de numéro de téléphone sur la page"
    for link in found.links:
        assert any(isolated(a) for a in link), f"numéro sans dir=ltr : {link[0]['href']}"
    assert all(isolated(a) for a in found.phones), found.phones


@pytest.mark.parametrize("url", ARABIC_PAGES)
def test_every_phone_number_reads_left_to_right(client, territory, fake_matcher, url):
    client.cookies["django_language"] = "ar"
    response = client.get(url)
    assert response.status_code == 200
    check_phones(response.content.decode())


def test_the_national_number_without_a_local_place_reads_left_to_right(client, db):
    """Without a territory, the footer gives Allô Service public (39 39)."""
    client.cookies["django_language"] = "ar"
    body = client.get("/demarches/").content.decode()
    assert 'href="tel:3939"' in body
    check_phones(body)


def test_the_error_page_number_reads_left_to_right():
    check_phones(server_error_page("ar").content.decode())


def test_the_stylesheet_isolates_phone_numbers():
    with open(finders.find("guichet/site.css"), encoding="utf-8") as handle:
        css = handle.read()
    assert ".phone, .url { direction: ltr; unicode-bidi: isolate; }" in css


def test_hours_read_left_to_right_in_arabic(client, territory):
    client.cookies["django_language"] = "ar"
    body = client.get(f"/lieux/{HOME}").content.decode().replace("\u00a0", " ")
    assert f"<td>{LRI}8 h 30 – 12 h 30{PDI} و {LRI}13 h 30 – 17 h{PDI}</td>" in body
    assert " et " not in body.split("<table", 1)[1].split("</table>")[0]


def test_french_pages_get_no_isolation_marks(client, territory):
    body = client.get(f"/lieux/{HOME}").content.decode()
    assert LRI not in body and PDI not in body
    assert body.count('lang="fr"') == 1  # <html lang="fr"> only


def test_addresses_and_place_names_read_left_to_right(client, territory):
    """« 7 - 9 Rue Pablo Picasso » showed as « 9 - 7 Rue… » in an Arabic page, and « CAF du
    Doubs – accueil de Besançon (rue Denis Papin) » lost its last bracket to the left.

    Proper names and addresses need no `lang` (WCAG 3.1.2 exempts them); a national line's
    name (« CAF (allocations familiales) ») is French words, marked as such."""
    client.cookies["django_language"] = "ar"
    body = client.get("/lieux/").content.decode()
    assert '<span dir="ltr">7 - 9 Rue Pablo Picasso, 25000 Besançon</span>' in body
    assert f'href="/lieux/{HOME}" dir="ltr">France services Besançon Planoise</a>' in body
    assert '<span lang="fr" dir="ltr">CAF (allocations familiales)</span>' in body
    assert '<span dir="ltr">France services Besançon Planoise</span></h1>' in (
        client.get(f"/lieux/{HOME}").content.decode()
    )
