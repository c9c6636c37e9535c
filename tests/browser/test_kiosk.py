"""The free-access computer: erased when left idle, « Demander de l'aide » seen by the
desk, and the recap taken away with a code to type on a phone."""

from __future__ import annotations

import pytest

from .pages import NEED_WITH_MISTAKES, activate_kiosk, search_need

pytestmark = pytest.mark.browser


def test_an_idle_kiosk_warns_then_erases_everything(browsing, settings):
    settings.GUICHET_KIOSK_IDLE_SECONDS = 3
    page = browsing.page()
    activate_kiosk(page)
    search_need(page, NEED_WITH_MISTAKES)
    warning = page.get_by_role("alert")
    warning.wait_for(timeout=5_000)
    assert "Vous êtes toujours là" in warning.inner_text()
    page.wait_for_url("**/kiosque/fin?raison=inactivite", timeout=10_000)
    assert page.get_by_role("heading", name="Tout a été effacé").is_visible()
    page.goto("/recapitulatif")
    assert page.get_by_text("Rien pour le moment").is_visible()


def test_help_request_reaches_the_desk(browsing, client, admin_user):
    kiosk = browsing.page()
    activate_kiosk(kiosk, "Poste 2")
    kiosk.get_by_role("button", name="Demander de l'aide").first.click()
    kiosk.wait_for_url("**/kiosque/aide")
    assert "C'est noté" in kiosk.get_by_role("status").inner_text()

    desk = browsing.page()
    browsing.log_in(desk.context, client, admin_user)
    desk.goto("/accueil/file-attente")
    row = desk.get_by_role("row", name="Poste 2")
    row.get_by_role("button", name="J'y vais").click()
    desk.wait_for_url("**/accueil/file-attente")
    assert "prise en charge" in desk.get_by_role("row", name="Poste 2").inner_text()

    kiosk.reload()
    assert "arrive" in kiosk.get_by_role("status").inner_text()


def test_resume_code_takes_the_recap_to_a_phone(browsing, screenshots):
    kiosk = browsing.page()
    activate_kiosk(kiosk)
    search_need(kiosk, NEED_WITH_MISTAKES)
    kiosk.screenshot(path=screenshots / "kiosque-01-resultats.png")
    kiosk.goto("/recapitulatif")
    kiosk.get_by_role("button", name="Continuer sur mon téléphone (code)").click()
    kiosk.wait_for_url("**/kiosque/code")
    kiosk.screenshot(path=screenshots / "kiosque-02-code.png", full_page=True)
    code = kiosk.locator(".resume-code").inner_text().split(":")[-1].strip()
    assert len(code) == 9 and code[4] == "-"

    phone = browsing.page(viewport={"width": 360, "height": 640}, is_mobile=True)
    phone.goto("/reprendre")
    phone.get_by_label("Votre code").fill(code.lower().replace("-", " "))
    phone.get_by_role("button", name="Retrouver mon récapitulatif").click()
    phone.wait_for_url("**/recapitulatif")
    assert NEED_WITH_MISTAKES in phone.locator(".quote").first.inner_text()
    phone.screenshot(path=screenshots / "kiosque-03-telephone.png")


def test_the_next_person_does_not_inherit_the_language(browsing):
    page = browsing.page()
    activate_kiosk(page)
    page.get_by_role("button", name="العربية").click()
    page.wait_for_load_state()
    page.goto(f"/besoin?texte={NEED_WITH_MISTAKES}")
    assert page.evaluate("document.documentElement.lang") == "ar"
    page.locator(".kiosk-bar a[href='/kiosque/fin']").click()
    page.wait_for_url("**/kiosque/fin")
    page.get_by_role("button", name="امحُ كل شيء وغادر").click()
    page.wait_for_url("**/kiosque/fin?langue=ar")
    assert page.get_by_role("heading", name="شكرًا، انتهى الأمر").is_visible()
    assert "django_language" not in {cookie["name"] for cookie in page.context.cookies()}
    page.get_by_role("link", name="ابدأ").click()
    page.wait_for_url("**/")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.get_by_role("link", name="J'ai fini").is_visible()
