"""Kiosk mode: switched on by the desk only, nothing kept (no-store, idle erase, « J'ai
fini »), the help queue, and resume codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import escape

from guichet_web.kiosque import services
from guichet_web.kiosque.machine import COOKIE
from guichet_web.kiosque.middleware import LAST_SEEN
from guichet_web.kiosque.models import HelpRequest, ResumeCode
from guichet_web.kiosque.qr import qr_svg
from tests.web.htmlpage import page

TOKEN = "jeton-accueil-test"


@pytest.fixture
def kiosk(client, settings, territory):
    settings.GUICHET_KIOSK_TOKEN = TOKEN
    response = client.post("/kiosque/activer", {"nom": "Poste 1", "jeton": TOKEN})
    assert response.status_code == 302
    return client


def test_activation_needs_the_desk_token(client, settings, territory):
    settings.GUICHET_KIOSK_TOKEN = TOKEN
    response = client.post("/kiosque/activer", {"nom": "Poste 1", "jeton": "devine"})
    assert response.status_code == 200
    assert COOKIE not in response.cookies
    assert escape("Ce code n'est pas le bon") in response.content.decode()
    assert page(response).find_all("input")  # the form again, with the error


def test_without_a_token_only_staff_can_activate(client, settings, territory, admin_user):
    settings.GUICHET_KIOSK_TOKEN = ""
    response = client.post("/kiosque/activer", {"nom": "Poste 1", "jeton": ""})
    assert COOKIE not in response.cookies
    client.force_login(admin_user)
    response = client.post("/kiosque/activer", {"nom": "Poste 1", "jeton": ""})
    assert response.status_code == 302 and response.cookies[COOKIE]["httponly"]


def test_a_forged_cookie_is_not_a_kiosk(client, territory):
    client.cookies[COOKIE] = "Poste 9"
    response = client.get("/")
    assert "Demander de l'aide" not in response.content.decode()
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_kiosk_pages_are_not_stored_and_show_the_bar(kiosk):
    response = kiosk.get("/")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "Demander de l'aide" in body and "J'ai fini" in body
    assert 'data-kiosk-idle="300"' in body and "kiosque.js" in body


def test_an_idle_session_is_erased_before_the_next_page(kiosk, fake_matcher):
    kiosk.get("/besoin?texte=loyer")
    session = kiosk.session
    session[LAST_SEEN] -= 301
    session.save()
    response = kiosk.get("/recapitulatif")
    assert response.status_code == 302
    assert response["Location"] == "/kiosque/fin?raison=inactivite"
    response = kiosk.get("/recapitulatif")
    assert "Rien pour le moment" in response.content.decode()


def test_finishing_offers_the_recap_then_erases_everything(kiosk, fake_matcher):
    kiosk.get("/besoin?texte=loyer")
    response = kiosk.get("/kiosque/fin")
    assert "Avant de partir" in response.content.decode()
    response = kiosk.post("/kiosque/fin")
    assert response["Location"] == "/kiosque/fin"
    response = kiosk.get("/kiosque/fin")
    assert "Merci, c'est fini" in response.content.decode()
    assert response["Clear-Site-Data"] == '"cache"'
    assert "Rien pour le moment" in kiosk.get("/recapitulatif").content.decode()


KIOSK_JS = Path(finders.find("guichet/kiosque.js")).read_text(encoding="utf-8")
IDLE_WARNING = {
    "fr": "Vous êtes toujours là ? Bientôt, tout sera effacé.",
    "en": "Are you still there? Soon, everything will be erased.",
    "ar": "هل ما زلت هنا؟ قريبًا سيُمحى كل شيء.",
    "tr": "Hâlâ burada mısınız? Birazdan her şey silinecek.",
}


@pytest.mark.parametrize("lang", sorted(IDLE_WARNING))
def test_the_idle_warning_is_in_the_readers_language(kiosk, lang):
    """kiosque.js wrote its warning in French on every page: it reads it from the page."""
    choose_language(kiosk, lang)
    html = page(kiosk.get("/"))
    form = next(f for f in html.find_all("form") if f.get("id") == "kiosk-end")
    assert form["data-warning"].startswith(IDLE_WARNING[lang])


def test_the_idle_script_reads_the_warning_with_a_french_default():
    assert 'form.getAttribute("data-warning") ||' in KIOSK_JS
    assert '"Vous êtes toujours là ? Bientôt, tout sera effacé. "' in KIOSK_JS


def test_the_finished_page_has_no_idle_timer(kiosk):
    body = kiosk.get("/kiosque/fin").content.decode()
    assert "data-kiosk-idle" not in body


# The language goes with the visit: the next person starts in the computer's language ----

LANGUAGE = django_settings.LANGUAGE_COOKIE_NAME


def choose_language(client, lang):
    response = client.post("/langue/setlang/", {"language": lang, "next": "/"})
    assert response.cookies[LANGUAGE].value == lang
    return client


def forgets_language(response) -> bool:
    morsel = response.cookies.get(LANGUAGE)
    return morsel is not None and morsel.value == "" and str(morsel["max-age"]) == "0"


def test_finishing_forgets_the_language_on_a_kiosk(kiosk, fake_matcher):
    choose_language(kiosk, "ar")
    kiosk.get("/besoin?texte=loyer")
    response = kiosk.get("/kiosque/fin")
    assert page(response).lang == "ar" and "قبل أن تغادر" in response.content.decode()
    assert LANGUAGE not in response.cookies  # nothing erased yet: the recap may be kept
    response = kiosk.post("/kiosque/fin")
    assert forgets_language(response)
    assert response["Location"] == "/kiosque/fin?langue=ar"
    response = kiosk.get(response["Location"])
    html = page(response)
    assert (html.lang, html.root_dir) == ("ar", "rtl")  # read by the person who finished
    assert "شكرًا، انتهى الأمر" in response.content.decode()
    assert response["Content-Language"] == "ar"
    html = page(kiosk.get("/"))
    assert (html.lang, html.root_dir) == ("fr", "ltr")  # the next person


def test_finishing_with_nothing_to_keep_forgets_the_language(kiosk):
    choose_language(kiosk, "tr")
    response = kiosk.get("/kiosque/fin")
    assert forgets_language(response)
    assert page(response).lang == "tr" and "Teşekkürler, bitti" in response.content.decode()
    assert page(kiosk.get("/")).lang == "fr"


def test_an_idle_kiosk_forgets_the_language(kiosk, fake_matcher):
    choose_language(kiosk, "tr")
    kiosk.get("/besoin?texte=loyer")
    session = kiosk.session
    session[LAST_SEEN] -= 301
    session.save()
    response = kiosk.get("/recapitulatif")
    assert response["Location"] == "/kiosque/fin?raison=inactivite"
    assert forgets_language(response) and "no-store" in response["Cache-Control"]
    response = kiosk.get(response["Location"])
    assert page(response).lang == "fr" and "Tout a été effacé" in response.content.decode()


def test_the_idle_timer_forgets_the_language(kiosk, fake_matcher):
    """kiosque.js sends « raison=inactivite »: nobody is there to read the last page."""
    choose_language(kiosk, "en")
    kiosk.get("/besoin?texte=loyer")
    response = kiosk.post("/kiosque/fin", {"raison": "inactivite"})
    assert forgets_language(response)
    assert response["Location"] == "/kiosque/fin?raison=inactivite"
    assert page(kiosk.get(response["Location"])).lang == "fr"


def test_finishing_on_ones_own_phone_keeps_the_language(client, territory):
    choose_language(client, "en")
    response = client.post("/kiosque/fin")
    assert LANGUAGE not in response.cookies and response["Location"] == "/kiosque/fin"
    assert LANGUAGE not in client.get("/kiosque/fin").cookies
    assert page(client.get("/")).lang == "en"


def test_the_last_page_language_gives_way_to_a_new_choice(kiosk):
    assert page(kiosk.get("/kiosque/fin?langue=xx")).lang == "fr"
    assert page(kiosk.get("/kiosque/fin?langue=ar")).lang == "ar"
    choose_language(kiosk, "tr")
    assert page(kiosk.get("/kiosque/fin?langue=ar")).lang == "tr"


def test_resuming_with_a_code_in_the_readers_language(client, territory, fresh_cache):
    choose_language(client, "tr")
    response = client.post("/reprendre", {"code": "AAAA"})
    html = page(response)
    body = response.content.decode()
    assert html.lang == "tr" and "Kodunuz" in body
    assert "Kodda 8 harf ve rakam var." in body and "Votre code" not in body
    response = client.post("/reprendre", {"code": "AAAA-AAAA"})
    assert "Bu kod yok ya da artık geçerli değil" in response.content.decode()


def test_help_request_queue(kiosk, admin_user, client):
    kiosk.post("/kiosque/aide")
    kiosk.post("/kiosque/aide")  # asking twice keeps one place in the queue
    assert HelpRequest.objects.filter(kiosk="Poste 1").count() == 1
    assert "C'est noté" in kiosk.get("/kiosque/aide").content.decode()

    kiosk.logout()
    assert kiosk.get("/accueil/file-attente").status_code == 302  # staff only
    kiosk.force_login(admin_user)
    body = kiosk.get("/accueil/file-attente").content.decode()
    assert "Poste 1" in body
    help_request = HelpRequest.objects.get()
    kiosk.post(f"/accueil/file-attente/{help_request.pk}", {"action": "prendre"})
    help_request.refresh_from_db()
    assert help_request.status == "taken" and help_request.taken_by == admin_user
    kiosk.post(f"/accueil/file-attente/{help_request.pk}", {"action": "terminer"})
    help_request.refresh_from_db()
    assert help_request.status == "done"


def test_help_is_only_for_kiosks(client, territory):
    assert client.post("/kiosque/aide").status_code == 404


def test_resume_code_alphabet_and_display():
    for _ in range(200):
        code = services.new_code()
        assert len(code) == 8 and not set(code) & set("0O1IL25SZ8BUVDQ")
    assert services.display_code("KMTP7XW3") == "KMTP-7XW3"
    assert services.normalise_code(" kmtp-7xw3 ") == "KMTP7XW3"


def test_resume_code_round_trip(kiosk, fake_matcher, fresh_cache):
    kiosk.get("/besoin?texte=loyer")
    response = kiosk.post("/kiosque/code")
    assert response["Location"] == "/kiosque/code"
    body = kiosk.get("/kiosque/code").content.decode()
    stored = ResumeCode.objects.get()
    assert services.display_code(stored.code) in body
    assert stored.expires_at - stored.created_at == dt.timedelta(days=7)
    assert set(stored.payload) == {"besoins", "droits", "reponses"}
    assert '<svg class="qr"' in body and 'aria-label="Code QR pour reprendre"' in body

    phone = type(kiosk)()
    response = phone.post("/reprendre", {"code": stored.code.lower()})
    assert response["Location"] == "/recapitulatif"
    assert "« loyer »" in phone.get("/recapitulatif").content.decode()


def test_an_expired_or_wrong_code_is_refused(client, territory, fresh_cache):
    code = services.create_resume_code({"besoins": [{"texte": "loyer", "demarches": []}]})
    ResumeCode.objects.filter(pk=code.pk).update(expires_at=timezone.now())
    response = client.post("/reprendre", {"code": code.code})
    html = page(response)
    assert response.status_code == 200
    assert escape("n'est plus valable") in response.content.decode()
    field = next(f for f in html.fields() if f.get("name") == "code")
    assert field["aria-invalid"] == "true" and "id_code-erreur" in field["aria-describedby"]
    assert client.post("/reprendre", {"code": "ABC"}).status_code == 200
    services.create_resume_code({})
    assert ResumeCode.objects.count() == 1  # the expired one was purged


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_guessing_codes_is_throttled(client, territory, fresh_cache):
    good = services.create_resume_code({"besoins": [{"texte": "loyer", "demarches": []}]})
    for _ in range(20):
        client.post("/reprendre", {"code": "AAAA-AAAA"})
    response = client.post("/reprendre", {"code": good.code})
    assert response.status_code == 200, "even the right code waits after 20 wrong ones"


def test_behind_a_proxy_guesses_are_counted_per_person(client, territory, fresh_cache, settings):
    """Behind one reverse proxy every request comes from the proxy's address: the count
    follows the address the proxy saw, so one person's guesses do not block the others."""
    settings.GUICHET_TRUSTED_PROXIES = 1
    good = services.create_resume_code({"besoins": [{"texte": "loyer", "demarches": []}]})
    for _ in range(20):
        client.post("/reprendre", {"code": "AAAA-AAAA"}, HTTP_X_FORWARDED_FOR="203.0.113.9")
    blocked = client.post("/reprendre", {"code": good.code}, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert blocked.status_code == 200
    other = client.post("/reprendre", {"code": good.code}, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.status_code == 302


def test_deactivation_needs_the_token(kiosk):
    response = kiosk.post("/kiosque/desactiver", {"arret-jeton": "devine"})
    assert response.status_code == 200
    response = kiosk.post("/kiosque/desactiver", {"arret-jeton": TOKEN})
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == ""


def test_the_qr_address_fills_in_the_code(client, territory):
    response = client.get("/reprendre?code=KMTP-7XW3")
    field = next(f for f in page(response).fields() if f.get("name") == "code")
    assert field["value"] == "KMTP-7XW3"
    assert ResumeCode.objects.count() == 0


def test_qr_svg_is_small_and_square():
    svg = qr_svg("https://guichet.example.fr/reprendre?code=KMTP-7XW3", "Code QR")
    assert svg.startswith('<svg class="qr" viewBox="0 0 ') and len(svg) < 6000
