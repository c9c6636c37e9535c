"""Every page in headless Chromium with axe-core: no WCAG 2.1 A/AA violation, a meaningful
title of its own, and nothing wider than the screen on a 360 px phone."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from guichet_web.annuaire.models import Structure
from guichet_web.kiosque.models import HelpRequest

from .checks import axe_violations, describe
from .pages import (
    CITIZEN_PAGES,
    NEED_WITH_MISTAKES,
    activate_kiosk,
    answer_questionnaire,
    demarche_urls,
    explain_letter,
    see_rights,
)

pytestmark = pytest.mark.browser

SUFFIX = " – Guichet Planoise"


class Audit:
    """Runs the checks page after page and keeps every problem for one clear report."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        self.titles: dict[str, str] = {}

    def check(self, label: str) -> None:
        violations = axe_violations(self.page)
        if violations:
            self.problems.append(f"{label}:\n{describe(violations)}")
        title = self.page.title()
        if not title.endswith(SUFFIX) or len(title) - len(SUFFIX) < 5:
            self.problems.append(f"{label}: titre peu parlant « {title} »")
        self.titles.setdefault(title, label)

    def visit(self, url: str) -> None:
        self.page.goto(url)
        self.check(url)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def test_citizen_pages(browsing):
    audit = Audit(browsing.page(axe=True))
    for url in CITIZEN_PAGES:
        audit.visit(url)
    audit.assert_clean()
    distinct = {"/besoin", "/demarches/", "/lieux/", "/mes-droits/", "/recapitulatif", "/"}
    assert distinct <= set(audit.titles.values()), "deux pages différentes ont le même titre"


def test_every_demarche_and_some_places(browsing):
    """All démarches (their texts differ); places share one template: three kinds."""
    audit = Audit(browsing.page(axe=True))
    places = Structure.objects.order_by("pk")
    kinds = [places.filter(a_verifier=True).first(), places.filter(services__isnull=False).first()]
    urls = demarche_urls() + [f"/lieux/{place.pk}" for place in kinds if place]
    for url in urls:
        audit.visit(url)
    audit.assert_clean()
    assert len(audit.titles) == len(set(urls)), "chaque démarche et chaque lieu a son titre"


def test_rights_questions_errors_and_results(browsing):
    """Every screen of the questionnaire, an error, the one-page form with its errors, and
    one real simulation (OpenFisca) with its recap."""
    page = browsing.page(axe=True)
    audit = Audit(page)
    audit.visit("/mes-droits/")
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Erreur")
    audit.check("/mes-droits/ avec erreur")
    audit.visit("/mes-droits/expert")
    page.get_by_role("button", name="Calculer mes droits").click()
    page.wait_for_selector(".error-summary")
    audit.check("/mes-droits/expert avec erreurs")
    answer_questionnaire(page, on_screen=lambda p: audit.check(p.url))
    audit.check("/mes-droits/verifier")
    see_rights(page)
    assert page.locator(".amount-big").count() >= 1
    audit.check("/mes-droits/resultats")
    page.goto(f"/besoin?texte={NEED_WITH_MISTAKES}")
    audit.visit("/recapitulatif")
    assert page.locator(".amounts .amount").count() >= 1
    audit.assert_clean()


def test_letter_pages(browsing):
    page = browsing.page(axe=True)
    audit = Audit(page)
    audit.visit("/courrier")
    page.get_by_role("button", name="Expliquer le courrier").click()
    page.wait_for_selector("[aria-invalid=true]")
    audit.check("/courrier avec erreur")
    explain_letter(page)
    audit.check("/courrier (explication)")
    audit.assert_clean()


def test_kiosk_pages(browsing):
    page = browsing.page(axe=True)
    audit = Audit(page)
    audit.visit("/kiosque/activer")
    activate_kiosk(page)
    audit.check("/ (poste en libre accès)")
    page.goto(f"/besoin?texte={NEED_WITH_MISTAKES}")
    audit.check("/besoin (poste en libre accès)")
    page.get_by_role("button", name="Demander de l'aide").first.click()
    page.wait_for_url("**/kiosque/aide")
    audit.check("/kiosque/aide")
    audit.visit("/recapitulatif")
    page.get_by_role("button", name="Continuer sur mon téléphone (code)").click()
    page.wait_for_url("**/kiosque/code")
    audit.check("/kiosque/code")
    audit.visit("/kiosque/fin")
    assert page.get_by_role("heading", name="Avant de partir").is_visible()
    audit.assert_clean()


def test_desk_queue_page(browsing, client, admin_user):
    page = browsing.page(axe=True)
    browsing.log_in(page.context, client, admin_user)
    audit = Audit(page)
    audit.visit("/accueil/file-attente")
    activate_kiosk(browsing.page(), "Poste 3")
    HelpRequest.objects.create(kiosk="Poste 3")
    audit.visit("/accueil/file-attente")
    assert page.get_by_role("row", name="Poste 3").is_visible()
    audit.assert_clean()


# Routes checked elsewhere or not pages: POST-only actions, files. The admin is Django's;
# the desk's back-office (namespace « accueil ») is checked by its own browser tests.
SKIPPED_NAMESPACES = {"admin", "accueil"}
NOT_PAGES = {
    "set_language",
    "pages:droits-effacer",
    "pages:recapitulatif-effacer",
    "pages:recapitulatif-pdf",
    "kiosque:desactiver",
    "kiosque:aide-annuler",
    "kiosque:file-attente-maj",
}
CHECKED = {
    "pages:accueil",
    "pages:besoin",
    "pages:demarches",
    "pages:demarche",
    "pages:lieux",
    "pages:lieu",
    "pages:droits",
    "pages:droits-resultats",
    "pages:droits-question",
    "pages:droits-verifier",
    "pages:droits-expert",
    "pages:recapitulatif",
    "kiosque:activer",
    "kiosque:fin",
    "kiosque:aide",
    "kiosque:code",
    "kiosque:reprendre",
    "kiosque:file-attente",
    "courrier:courrier",
}


def _route_names(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _route_names(entry, inner)
        elif isinstance(entry, URLPattern):
            yield (
                f"{namespace}{entry.name}" if entry.name else re.sub(r"\W", "", str(entry.pattern))
            )


def test_every_page_of_the_site_is_checked_here():
    """A new page must join the checks above (letters, back-office…)."""
    unchecked = set(_route_names(get_resolver())) - CHECKED - NOT_PAGES
    assert not unchecked, f"pages sans contrôle navigateur : {sorted(unchecked)}"
