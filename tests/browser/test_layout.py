"""What axe cannot see on a screen: a 360 × 640 phone, zoom to 200 %, touch targets, type."""

from __future__ import annotations

import pytest

from .checks import horizontal_overflow, small_targets
from .pages import CITIZEN_PAGES, NEED_WITH_MISTAKES, fill_rights_form

pytestmark = pytest.mark.browser

PAGES = CITIZEN_PAGES + ["/demarches/rsa", "/demarches/aide-logement", "/kiosque/activer"]
SCREENS = {
    "téléphone 360 × 640": {"width": 360, "height": 640},
    "téléphone 320 × 568 (WCAG 1.4.10)": {"width": 320, "height": 568},
    # 1280 px at 200 % is a layout 640 CSS px wide (drawn with twice the pixels).
    "zoom 200 % à 1280 px": {"width": 640, "height": 400},
}


def test_no_horizontal_scroll_on_a_phone_or_at_200_percent(browsing):
    """Each page loaded once, then laid out again at each screen size."""
    page = browsing.page(viewport=SCREENS["téléphone 360 × 640"], device_scale_factor=2)
    wide = {}
    for url in PAGES:
        page.goto(url)
        for screen, size in SCREENS.items():
            page.set_viewport_size(size)
            if overflow := horizontal_overflow(page):
                wide[f"{url} ({screen})"] = overflow
    assert not wide, f"défilement horizontal : {wide}"


def test_questionnaire_with_errors_fits_a_phone(browsing):
    page = browsing.page(viewport={"width": 360, "height": 640})
    page.goto("/mes-droits/expert")
    fill_rights_form(page, rent="beaucoup", age="trois cents")
    page.get_by_role("button", name="Calculer mes droits").click()
    page.wait_for_selector(".error-summary")
    assert horizontal_overflow(page) is None
    # Every field in error shows it by its border too, text inputs as much as lists.
    borders = page.eval_on_selector_all(
        ".field-error input[type=text], .field-error select",
        "fields => fields.map(f => getComputedStyle(f).borderTopWidth)",
    )
    assert borders and set(borders) == {"3px"}, borders
    page.goto("/mes-droits/")
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_selector(".error-summary")
    assert horizontal_overflow(page) is None


@pytest.mark.parametrize(
    "url", ["/", "/besoin?texte=loyer", "/demarches/rsa", "/mes-droits/", "/mes-droits/expert"]
)
def test_touch_targets_are_44_px_on_a_phone(browsing, url):
    page = browsing.page(viewport={"width": 360, "height": 640})
    page.goto(url)
    assert small_targets(page) == []


def test_body_text_is_18_px_in_system_fonts(browsing):
    page = browsing.page()
    page.goto("/demarches/rsa")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.body);"
        " return {size: parseFloat(s.fontSize), family: s.fontFamily}; }"
    )
    assert style["size"] >= 18
    assert style["family"].startswith("system-ui")
    fonts = page.evaluate("() => [...document.fonts].map((f) => f.family)")
    assert fonts == [], "aucune police à télécharger"


def test_the_recap_prints_black_on_white_with_its_addresses(browsing):
    page = browsing.page()
    page.goto(f"/besoin?texte={NEED_WITH_MISTAKES}")
    page.goto("/recapitulatif")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ["nav", ".actions", "form", ".read-aloud"].map((s) =>
             [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === "none"))"""
    )
    assert all(hidden), "menu, boutons et formulaires ne s'impriment pas"
    style = page.evaluate(
        "() => { const b = getComputedStyle(document.body), h = getComputedStyle("
        "document.querySelector('h1')); return [b.color, b.backgroundColor, h.color]; }"
    )
    assert style == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('.recap-need a'), '::after').content"
    )
    assert "/demarches/" in after and "http" in after
