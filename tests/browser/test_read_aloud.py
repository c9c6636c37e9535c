"""« Écouter »: the browser's speech synthesis reads the main content in French; the button
exists only when the browser can speak."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Headless Chromium has no voice: record what would be said instead.
RECORD_SPEECH = """
window.__said = [];
window.__calls = [];
const synth = window.speechSynthesis;
synth.speak = (u) => { window.__said.push({text: u.text, lang: u.lang}); };
for (const name of ["pause", "resume", "cancel"]) {
  synth[name] = () => { window.__calls.push(name); };
}
"""
NO_SPEECH = """
for (const target of [window, Window.prototype]) {
  try { delete target.speechSynthesis; } catch (e) {}
}
"""


def test_listen_reads_the_main_content_in_french(browsing):
    context = browsing.context()
    context.add_init_script(RECORD_SPEECH)
    page = context.new_page()
    page.goto("/demarches/rsa")
    listen = page.get_by_role("button", name="Écouter")
    assert listen.is_visible()
    listen.click()
    said = page.evaluate("window.__said")
    title = page.locator("h1").inner_text()
    assert said[0] == {"text": title, "lang": "fr-FR"}
    text = " ".join(part["text"] for part in said)
    assert "Pour qui ?" in text and "Écouter" not in text
    assert "Quelqu'un peut vous aider" not in text, "le pied de page n'est pas lu"

    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Reprendre").click()
    page.get_by_role("button", name="Arrêter").click()
    assert page.evaluate("window.__calls") == ["cancel", "pause", "resume", "cancel"]
    assert listen.inner_text() == "Écouter"
    assert not page.get_by_role("button", name="Arrêter").is_visible()


def test_no_listen_button_without_speech_synthesis(browsing):
    context = browsing.context()
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    page.goto("/demarches/rsa")
    assert page.evaluate("!window.speechSynthesis")
    assert page.locator(".read-aloud").count() == 0


def test_no_listen_button_on_desk_pages(browsing):
    page = browsing.page()
    page.goto("/kiosque/activer")
    assert page.locator(".read-aloud").count() == 0
    page.goto("/")
    assert page.locator(".read-aloud").count() == 1


def test_listen_stays_out_of_the_question_form(browsing):
    page = browsing.page()
    page.goto("/mes-droits/")
    box = page.locator(".read-aloud")
    assert box.count() == 1
    assert box.evaluate("(el) => el.closest('form, legend, label') === null")
