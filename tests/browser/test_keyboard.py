"""Keyboard only: the main flows with Tab and Enter, the focus always visible, and error
messages tied to their fields."""

from __future__ import annotations

import pytest

from guichet_web.pages import engines
from tests.web.conftest import FakeSimulator

from .checks import focus_is_visible, focused
from .pages import NEED_WITH_MISTAKES, typed_value

pytestmark = pytest.mark.browser

MAX_TABS = 150


class Keyboard:
    """Presses Tab and records every place the focus went that could not be seen."""

    def __init__(self, page):
        self.page = page
        self.invisible: list[str] = []

    def tab(self) -> dict | None:
        self.page.keyboard.press("Tab")
        state = focused(self.page)
        if state and not focus_is_visible(state):
            self.invisible.append(f"{self.page.url} {state}")
        return state

    def tab_to(self, selector: str, limit: int = 60) -> None:
        for _ in range(limit):
            self.tab()
            if self.page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"{selector} jamais atteint au clavier sur {self.page.url}")


def test_need_flow_with_the_keyboard_only(page):
    keys = Keyboard(page)
    page.goto("/")
    keys.tab_to(".skip-link", limit=1)
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    keys.tab_to("textarea[name=texte]", limit=10)
    page.keyboard.type(NEED_WITH_MISTAKES)
    with page.expect_navigation(url="**/besoin?*"):
        page.keyboard.press("Enter")
    keys.tab_to(".result-title a")
    with page.expect_navigation(url="**/demarches/*"):
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() != ""
    keys.tab_to(".where-section .place-name a")
    with page.expect_navigation(url="**/lieux/*"):
        page.keyboard.press("Enter")
    assert keys.invisible == []


@pytest.mark.parametrize("url", ["/", "/demarches/rsa", "/mes-droits/expert", "/recapitulatif"])
def test_every_tab_stop_shows_where_the_focus_is(page, url):
    page.goto(url)
    keys = Keyboard(page)
    seen = 0
    for _ in range(MAX_TABS):
        if keys.tab() is None:  # past the last element: the focus left the page
            break
        seen += 1
    assert seen > 3
    assert keys.invisible == []


def test_questionnaire_with_the_keyboard_only(page, monkeypatch):
    """Each screen: Tab to each question, Space on the first answer or type a number, Tab
    to « Continuer », Enter; then the review and the results."""
    simulator = FakeSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: simulator)
    keys = Keyboard(page)
    page.goto("/mes-droits/")
    for _ in range(20):
        if page.url.endswith("/mes-droits/verifier"):
            break
        _answer_with_keys(page, keys)
    keys.tab_to("a.button-next")
    with page.expect_navigation(url="**/mes-droits/resultats"):
        page.keyboard.press("Enter")
    assert page.locator(".amount-big").count() >= 1
    assert keys.invisible == []


def _answer_with_keys(page, keys) -> None:
    url = page.url
    for _ in range(60):
        state = keys.tab()
        element = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {type: e.type, name: e.name, value: e.value, text: e.innerText}; }"
        )
        if (
            element["type"] == "radio"
            and not page.locator(f"input[name='{element['name']}']:checked").count()
        ):
            page.keyboard.press("Space")
        elif element["type"] == "text" and not element["value"]:
            page.keyboard.type(typed_value(element["name"]))
        elif state and state["tag"] == "button" and element["value"] == "continuer":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.url != url or page.locator(".error-summary").count() == 0
            return
    raise AssertionError(f"« Continuer » jamais atteint au clavier sur {url}")


def _descriptions(page, selector: str) -> list[str]:
    """For each field: the texts its aria-describedby (or its group's) points to."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].map((el) => {
             const group = el.closest("fieldset[aria-describedby]");
             const ids = [el, group].filter(Boolean)
               .flatMap((e) => (e.getAttribute("aria-describedby") || "").split(" "))
               .filter(Boolean);
             return ids.map((id) => document.getElementById(id)?.innerText || "MANQUANT")
               .join(" | ");
           })""",
        selector,
    )


def test_errors_are_tied_to_their_fields(page):
    page.goto("/mes-droits/expert")
    page.locator("#id_demandeur_age").fill("trois cents")
    page.get_by_role("button", name="Calculer mes droits").click()
    page.wait_for_selector(".error-summary")
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() >= 2
    texts = _descriptions(page, "[aria-invalid=true]")
    assert all("Erreur" in text and "MANQUANT" not in text for text in texts), texts
    # The summary's links lead to the fields themselves.
    missing = page.evaluate(
        "() => [...document.querySelectorAll('.error-summary a')]"
        ".filter((a) => !document.getElementById(a.hash.slice(1))).map((a) => a.hash)"
    )
    assert missing == []
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"

    page.goto("/besoin?texte=")
    texts = _descriptions(page, "textarea[aria-invalid=true]")
    assert len(texts) == 1 and "Écrivez" in texts[0]
