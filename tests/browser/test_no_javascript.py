"""Every flow completes with JavaScript switched off; scripts only add to it."""

from __future__ import annotations

import pytest

from guichet_web.pages import engines
from tests.web.conftest import FakeSimulator

from .pages import (
    NEED_WITH_MISTAKES,
    activate_kiosk,
    answer_questionnaire,
    search_need,
    see_rights,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browsing):
    return browsing.page(java_script_enabled=False)


def test_need_flow_without_javascript(page):
    search_need(page, NEED_WITH_MISTAKES)
    assert page.locator(".result").count() >= 1
    page.locator(".result-title a").first.click()
    page.wait_for_url("**/demarches/*")
    page.locator(".where-section .place-name a").first.click()
    page.wait_for_url("**/lieux/*")
    assert page.locator(".week").count() == 1
    assert page.locator(".read-aloud").count() == 0, "pas de bouton « Écouter » sans script"


def test_questionnaire_and_recap_without_javascript(page, monkeypatch):
    simulator = FakeSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: simulator)
    page.goto("/mes-droits/")
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_selector(".error-summary")
    answer_questionnaire(page)
    see_rights(page)
    assert "573" in page.locator(".amount-big").first.inner_text()
    page.goto("/mes-droits/question/loyer")
    assert page.locator("input[name=loyer]").input_value() in ("450", "450,00", "450.0")
    page.get_by_role("button", name="Retour").click()
    page.wait_for_url("**/mes-droits/question/logement")
    page.goto("/recapitulatif")
    assert page.locator(".amounts .amount").count() == 2
    assert page.get_by_role("button", name="Imprimer").count() == 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger en PDF").click()
    assert download.value.suggested_filename == "recapitulatif-guichet.pdf"


def test_kiosk_visit_without_javascript(page):
    activate_kiosk(page)
    search_need(page, NEED_WITH_MISTAKES)
    page.get_by_role("button", name="Demander de l'aide").first.click()
    page.wait_for_url("**/kiosque/aide")
    page.get_by_role("link", name="J'ai fini").click()
    page.wait_for_url("**/kiosque/fin")
    page.get_by_role("button", name="Tout effacer et partir").click()
    assert page.get_by_role("heading", name="Merci, c'est fini").is_visible()
    page.goto("/recapitulatif")
    assert page.get_by_text("Rien pour le moment").is_visible()
