"""Light pages for an old phone on a slow network: every citizen page ≤ 60 KB transferred
(HTML, CSS and JS, not compressed, images apart), no web font, nothing from another site."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from guichet.catalogue import load_catalogue
from guichet_web.annuaire.models import Structure
from guichet_web.pages import engines
from tests.browser.pages import CITIZEN_PAGES, NEED_WITH_MISTAKES
from tests.web.conftest import FakeBenefit, FakeHousehold, FakeSimulator

BUDGET = 60 * 1024
# Attributes that make the browser fetch something (a link's href only navigates).
FETCHING = {"src", "srcset", "poster", "data", "action", "formaction"}


@dataclass
class Resources(HTMLParser):
    fetched: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)

    def __post_init__(self):
        super().__init__()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name in FETCHING and value:
                self.fetched.append(value)
            if name == "style" and value and "url(" in value:
                self.fetched.append(value)
        if tag == "link" and attributes.get("href"):
            self.fetched.append(attributes["href"])
            if "stylesheet" in (attributes.get("rel") or ""):
                self.assets.append(attributes["href"])
        if tag == "script" and attributes.get("src"):
            self.assets.append(attributes["src"])


def static_file(url: str):
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    assert url.startswith(prefix), f"{url} n'est pas un fichier du site"
    path = finders.find(url.removeprefix(prefix))
    assert path, f"{url} introuvable"
    return path


def parse(html: str) -> Resources:
    resources = Resources()
    resources.feed(html)
    return resources


def weight(response) -> tuple[int, Resources]:
    html = response.content.decode()
    resources = parse(html)
    total = len(response.content)
    for asset in resources.assets:
        with open(static_file(asset), "rb") as handle:
            total += len(handle.read())
    return total, resources


class RichSimulator(FakeSimulator):
    """Six benefits found: the heaviest results page."""

    def simulate(self, situations):
        names = ["rsa", "aide-logement", "prime-activite", "css", "cheque-energie", "ars"]
        return [
            FakeHousehold([FakeBenefit(n, n.upper(), 200.0, "mensuelle", True) for n in names])
            for _ in situations
        ]


@pytest.fixture
def every_page(client, territory, monkeypatch):
    """Every citizen page, as a person reaches it (the recap and results filled in)."""
    return visit_every_page(client, monkeypatch)


def visit_every_page(client, monkeypatch):
    simulator = RichSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: simulator)
    answers = {"mois": "2026-05", "logement_statut": "locataire", "loyer": "450"}
    client.post("/mes-droits/expert", {**answers, "demandeur_age": "35"})
    client.get(f"/besoin?texte={NEED_WITH_MISTAKES}")
    urls = CITIZEN_PAGES + ["/mes-droits/resultats", "/recapitulatif"]
    urls += [f"/demarches/{d.id}" for d in load_catalogue()]
    urls += [f"/demarches/{d.id}?texte=simple" for d in load_catalogue()][:5]
    urls += [f"/lieux/{pk}" for pk in Structure.objects.values_list("pk", flat=True)]
    return [(url, client.get(url)) for url in urls]


def test_every_citizen_page_weighs_60_kb_at_most(every_page):
    heavy = {}
    for url, response in every_page:
        assert response.status_code in (200, 404), url
        total, _ = weight(response)
        if total > BUDGET:
            heavy[url] = total
    assert not heavy, f"pages de plus de {BUDGET} octets : {heavy}"


def test_every_citizen_page_in_arabic_weighs_60_kb_at_most(client, territory, monkeypatch):
    """Arabic is the heaviest language: two bytes a letter, and French parts marked
    `lang="fr" dir="ltr"` (addresses, place names) beside the isolated numbers."""
    client.cookies["django_language"] = "ar"
    heavy = {}
    for url, response in visit_every_page(client, monkeypatch):
        assert response.status_code in (200, 404), url
        assert response["Content-Language"] == "ar", url
        total, _ = weight(response)
        if total > BUDGET:
            heavy[url] = total
    assert not heavy, f"pages de plus de {BUDGET} octets : {heavy}"


def test_nothing_is_fetched_from_another_site(every_page):
    foreign = {}
    for url, response in every_page:
        outside = [ref for ref in parse(response.content.decode()).fetched if _remote(ref)]
        if outside:
            foreign[url] = outside
    assert not foreign, foreign


def _remote(reference: str) -> bool:
    return bool(re.search(r"(^|url\(\s*['\"]?)(https?:)?//", reference))


def test_stylesheets_and_scripts_load_nothing_else(every_page):
    assets = {a for _, response in every_page for a in parse(response.content.decode()).assets}
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for asset in assets:
        with open(static_file(asset), encoding="utf-8") as handle:
            text = handle.read()
        assert "@font-face" not in text and "@import" not in text, asset
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), asset
        assert not re.search(r"fetch\(|XMLHttpRequest|https?://", text), asset
