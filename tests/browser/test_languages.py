"""The site in Arabic, English and Turkish in a real browser: no axe violation (language of
parts included), right to left in Arabic without anything wider than a 360 px phone, phone
numbers and hours still read left to right there, the kiosk's warning in the reader's
language, the letter explained in the reader's language with the letter itself in French,
and the language switch working with JavaScript off."""

from __future__ import annotations

import pytest

from guichet.catalogue import load_catalogue

from .checks import axe_violations, describe, horizontal_overflow
from .pages import HOME_PLACE, LETTER, activate_kiosk

pytestmark = pytest.mark.browser

UNTRANSLATED = next(d.id for d in load_catalogue() if not d.traductions)
PAGES = [
    "/",
    "/demarches/",
    "/demarches/rsa",
    f"/demarches/{UNTRANSLATED}",
    "/mes-droits/",
    "/courrier",
    f"/lieux/{HOME_PLACE}",
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


# Where each character of an element lands on screen, in the order of the text.
CHARACTERS = """(el) => {
  const found = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      found.push([node.data[i], box.left, box.top]);
    }
  }
  return found;
}"""


def digits_on_screen(locator, text: str) -> list[tuple[float, float]]:
    """(left, top) of each digit of `text`, a part of the element's text (spaces aside)."""
    characters = [c for c in locator.evaluate(CHARACTERS) if c[0] not in "\u2066\u2069"]
    content = "".join(c[0] for c in characters).replace("\u00a0", " ")
    start = content.index(text)
    return [
        (left, top) for char, left, top in characters[start : start + len(text)] if char.isdigit()
    ]


def reads_left_to_right(positions: list[tuple[float, float]]) -> bool:
    lefts = [left for left, _top in positions]
    return len({top for _left, top in positions}) == 1 and lefts == sorted(lefts)


def test_arabic_keeps_phone_numbers_and_hours_left_to_right(browsing):
    """« 03 81 41 22 21 » showed as « 21 22 41 81 03 », « 8 h 30 » as « h 30 8 »."""
    page = browsing.page(locale="ar")
    page.goto(f"/lieux/{HOME_PLACE}")
    phones = page.locator(".phone")
    assert phones.count() >= 2  # the place's button and the footer's
    for phone in phones.all():
        assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"
        number = phone.inner_text()
        assert reads_left_to_right(digits_on_screen(phone, number)), number
    monday = page.locator(".week tbody tr").first.locator("td")
    morning = digits_on_screen(monday, "8 h 30 – 12 h 30")
    afternoon = digits_on_screen(monday, "13 h 30 – 17 h")
    assert reads_left_to_right(morning) and reads_left_to_right(afternoon)
    if morning[0][1] == afternoon[0][1]:  # on one line, the morning comes first: on the right
        assert min(left for left, _ in morning) > max(left for left, _ in afternoon)
    address = page.locator(".place-address span[dir=ltr]")
    assert address.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert reads_left_to_right(digits_on_screen(address, "7 - 9"))


def test_the_kiosk_warns_in_the_readers_language(browsing, settings):
    settings.GUICHET_KIOSK_IDLE_SECONDS = 3
    page = browsing.page()
    activate_kiosk(page)
    page.get_by_role("button", name="العربية").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "ar"
    warning = page.get_by_role("alert")
    warning.wait_for(timeout=5_000)
    assert warning.inner_text().startswith("هل ما زلت هنا؟")
    assert warning.evaluate("el => getComputedStyle(el).direction") == "rtl"


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
