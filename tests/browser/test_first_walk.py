"""A first-time user's walk on a 360 × 640 phone, with the real engines, screenshot by
screenshot (test-artifacts/screenshots/, for a person to look at).

Need typed with mistakes → results → démarche → place; questionnaire → rights → recap;
letter → explanation.
"""

from __future__ import annotations

import pytest

from .checks import horizontal_overflow
from .pages import NEED_WITH_MISTAKES, answer_questionnaire, explain_letter, see_rights

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True}


class Walk:
    def __init__(self, page, folder, prefix: str):
        self.page, self.folder, self.prefix = page, folder, prefix
        self.step = 0
        for old in folder.glob(f"{prefix}-*.png"):  # a walk's pictures are all of one run
            old.unlink()

    def shot(self, name: str) -> None:
        """A full-page screenshot, after checking the page fits the phone's width."""
        assert horizontal_overflow(self.page) is None, f"{name} : plus large que l'écran"
        self.step += 1
        path = self.folder / f"{self.prefix}-{self.step:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)


def test_need_to_demarche_to_place(browsing, screenshots):
    page = browsing.page(**PHONE)
    walk = Walk(page, screenshots, "besoin")
    page.goto("/")
    walk.shot("accueil")
    page.get_by_label("Dites-nous ce qui ne va pas").fill(NEED_WITH_MISTAKES)
    walk.shot("besoin-ecrit")
    page.get_by_role("button", name="Chercher de l'aide").tap()
    page.wait_for_url("**/besoin?*")
    first = page.locator(".result-title a").first
    assert "loyer" in first.inner_text().lower()
    walk.shot("resultats")
    first.tap()
    page.wait_for_url("**/demarches/aide-logement")
    walk.shot("demarche")
    page.locator(".where-section .place-name a").first.tap()
    page.wait_for_url("**/lieux/*")
    assert page.locator(".place-today").is_visible()
    walk.shot("lieu")


def test_questionnaire_to_rights_to_recap(browsing, screenshots):
    page = browsing.page(**PHONE)
    walk = Walk(page, screenshots, "droits")
    page.goto("/")
    page.get_by_role("link", name="Calculer mes droits").tap()
    page.wait_for_url("**/mes-droits/")
    answer_questionnaire(
        page,
        on_screen=lambda p: walk.shot("question-" + p.url.rstrip("/").split("/")[-1]),
        tap=True,
    )
    walk.shot("verifier")
    see_rights(page, tap=True)
    assert "€" in page.locator(".amount-big").first.inner_text()
    walk.shot("resultats")
    page.get_by_role("link", name="Mon récapitulatif").first.tap()
    page.wait_for_url("**/recapitulatif")
    walk.shot("recapitulatif")


def test_letter_to_explanation(browsing, screenshots):
    page = browsing.page(**PHONE)
    walk = Walk(page, screenshots, "courrier")
    page.goto("/courrier")
    walk.shot("courrier")
    explain_letter(page)
    assert page.locator("h1").inner_text()
    walk.shot("explication")
