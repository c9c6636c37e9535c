"""The site in Arabic, English and Turkish in a real browser: no axe violation (language of
parts included), right to left in Arabic without anything wider than a 360 px phone, the
letter explained in the reader's language with the letter itself in French, and the
language switch working with JavaScript off."""

from __future__ import annotations

import pytest

from guichet.catalogue import load_catalogue

from .checks import axe_violations, describe, horizontal_overflow
from .pages import LETTER

pytestmark = pytest.mark.browser

UNTRANSLATED = next(d.id for d in load_catalogue() if not d.traductions)
PAGES = [
    "/",
    "/demarches/",
    "/demarches/rsa",
    f"/demarches/{UNTRANSLATED}",
    "/mes-droits/",
    "/courrier",
]
LOCALES = {"en": "en-GB", "ar": "ar", "tr": "tr-TR"}


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_pages_in_each_language_pass_axe(browsing, lang):
    page = browsing.page(axe=True, locale=LOCALES[lang])
    problems = []
    for url in PAGES:
        page.goto(url)
        assert page.evaluate("document.documentElement.lang") == lang, url
        violations = axe_violations(page)
        if violations:
            problems.append(f"{url} ({lang}):\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_arabic_reads_right_to_left_on_a_small_phone(browsing):
    page = browsing.page(locale="ar", viewport={"width": 360, "height": 640})
    for url in PAGES:
        page.goto(url)
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", url
        assert horizontal_overflow(page) is None, url
    page.goto(f"/demarches/{UNTRANSLATED}")
    heading = page.locator("h1")
    assert heading.get_attribute("lang") == "fr"
    assert heading.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_the_switch_works_without_javascript(browsing):
    page = browsing.page(java_script_enabled=False)
    page.goto("/")
    page.get_by_role("button", name="Türkçe").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "tr"
    page.get_by_role("button", name="العربية").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"


def explain_in_page(page, text: str = LETTER) -> None:
    """The letter form, whatever the page's language (its labels are translated)."""
    page.goto("/courrier")
    page.locator("#id_texte").fill(text)
    with page.expect_navigation(timeout=60_000):
        page.locator(".letter-form button[type=submit]").click(no_wait_after=True)


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_letter_pages_in_each_language_pass_axe(browsing, lang):
    page = browsing.page(axe=True, locale=LOCALES[lang])
    problems = []
    page.goto("/courrier")
    page.locator(".letter-form button[type=submit]").click()
    page.wait_for_selector("[aria-invalid=true]")
    if violations := axe_violations(page):
        problems.append(f"/courrier avec erreur ({lang}):\n{describe(violations)}")
    explain_in_page(page)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator(".letter-text").get_attribute("lang") == "fr"
    if violations := axe_violations(page):
        problems.append(f"/courrier explication ({lang}):\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_a_letter_explained_in_arabic_on_a_small_phone(browsing):
    page = browsing.page(locale="ar", viewport={"width": 360, "height": 640})
    explain_in_page(page)
    assert page.locator("h1").inner_text() == "ماذا تقول رسالتك"
    assert horizontal_overflow(page) is None
    direction = "el => getComputedStyle(el).direction"
    assert page.locator("main").evaluate(direction) == "rtl"
    assert page.locator(".letter-text").evaluate(direction) == "ltr"
    assert page.locator(".glossary dd span[lang=fr]").first.evaluate(direction) == "ltr"
