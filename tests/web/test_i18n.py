"""The interface in English, Arabic and Turkish; French wherever a text is not translated.

Catalogues: every marked string is in each .po, translated, with the same placeholders, and
the committed .mo files match their .po. Pages: lang and dir on <html>, the switch on the
first screen, translated démarches, and a visible « en français » where French remains.
"""

import importlib.util

import pytest
from babel.messages.pofile import read_po
from django.utils.html import escape

from guichet.catalogue import Catalogue, load_catalogue
from tests.paths import ROOT
from tests.web.htmlpage import page
from tests.web.test_pages import PAGES

LANGUAGES = ("en", "ar", "tr")


def script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compile_messages = script("compile_messages")
extract_messages = script("extract_messages")


def po_path(lang):
    return compile_messages.LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def catalog(lang):
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain="django")


# Catalogues -----------------------------------------------------------------------------


def test_there_is_a_catalogue_for_each_language():
    assert sorted(p.parents[1].name for p in compile_messages.po_files()) == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_is_up_to_date(lang):
    """Recompile the .po in memory and compare with the committed .mo, message by message."""
    committed = po_path(lang).with_suffix(".mo").read_bytes()
    fresh = compile_messages.compile_po(po_path(lang))
    assert compile_messages.translations(committed) == compile_messages.translations(fresh), (
        "lancez : .venv/bin/python scripts/compile_messages.py"
    )


def test_catalogues_hold_every_marked_string():
    expected = {message.id for message in extract_messages.extract_template() if message.id}
    for lang in LANGUAGES:
        present = {message.id for message in catalog(lang) if message.id}
        missing = sorted(map(str, expected - present))
        assert not missing, f"{lang} : lancez scripts/extract_messages.py puis traduisez {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(lang):
    messages = catalog(lang)
    for message in messages:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang} : pas de traduction pour {message.id!r}"
        assert not message.fuzzy, f"{lang} : traduction à revoir (fuzzy) : {message.id!r}"
    problems = [(m.id, [str(e) for e in errors]) for m, errors in messages.check()]
    assert not problems, problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_fragments_survive_translation(lang):
    for message in catalog(lang):
        if message.id and not isinstance(message.id, tuple):
            for tag in ("<a ", "</a>", "<span", "</span>", "<strong>"):
                assert message.id.count(tag) == message.string.count(tag), (lang, message.id)


# Pages ------------------------------------------------------------------------------------


def get(client, url, lang):
    client.cookies["django_language"] = lang
    return client.get(url)


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_in_each_language(client, territory, fake_matcher, url, lang):
    response = get(client, url, lang)
    assert response.status_code == 200
    html = page(response)
    assert (html.lang, html.root_dir) == (lang, "rtl" if lang == "ar" else "ltr")
    assert html.h1_count == 1
    assert html.title.strip().endswith("Guichet Planoise")
    assert set(f["id"] for f in html.fields()) <= html.labelled_ids()


def test_french_is_the_default(client, territory, fake_matcher):
    html = page(client.get("/"))
    assert (html.lang, html.root_dir) == ("fr", "ltr")


@pytest.mark.parametrize(
    ("lang", "direction", "heading"),
    [
        ("en", "ltr", "Find help with your procedures"),
        ("ar", "rtl", "اعثر على مساعدة في إجراءاتك"),
        ("tr", "ltr", "İşlemleriniz için yardım bulun"),
    ],
)
def test_home_page_in_each_language(client, territory, fake_matcher, lang, direction, heading):
    response = get(client, "/", lang)
    html = page(response)
    assert (html.lang, html.root_dir) == (lang, direction)
    assert heading in response.content.decode()


def test_the_switch_names_each_language_in_its_own_language(client, territory):
    body = client.get("/").content.decode()
    html = page(client.get("/"))
    forms = [f for f in html.find_all("form") if f.get("action") == "/langue/setlang/"]
    assert forms and forms[0]["method"] == "post"
    buttons = {b["value"]: b for b in html.find_all("button") if b.get("name") == "language"}
    assert set(buttons) == {"fr", "en", "ar", "tr"}
    assert buttons["ar"]["lang"] == "ar" and buttons["ar"]["dir"] == "rtl"
    for name in ("Français", "English", "العربية", "Türkçe"):
        assert name in body
    assert buttons["fr"].get("aria-current") == "true"


def test_the_switch_works_without_javascript(client, territory):
    response = client.post("/langue/setlang/", {"language": "tr", "next": "/demarches/rsa"})
    assert response.status_code == 302 and response["Location"] == "/demarches/rsa"
    html = page(client.get("/demarches/rsa"))
    assert html.lang == "tr"


def test_arabic_page_is_right_to_left(client, territory):
    response = get(client, "/demarches/rsa", "ar")
    html = page(response)
    assert (html.lang, html.root_dir) == ("ar", "rtl")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_translated_demarche_shows_its_translated_title(client, territory, lang):
    rsa = load_catalogue().get("rsa")
    translated = rsa.traductions[lang]
    body = get(client, "/demarches/rsa", lang).content.decode()
    assert escape(translated.titre) in body
    assert escape(translated.etapes[0]) in body
    assert escape(rsa.etapes[0]) not in body
    assert 'class="in-french"' not in body.split('id="ou-aller"')[0]


def test_official_names_stay_in_french_and_say_so(client, territory):
    body = get(client, "/demarches/rsa", "en").content.decode()
    assert (
        '<p class="official official-big" lang="fr">RSA – Revenu de solidarité active</p>' in body
    )
    assert "Amount since 1 April 2026." in body


def test_an_untranslated_demarche_falls_back_to_french_visibly(client, territory):
    demarche = next(d for d in load_catalogue() if not d.traductions)
    body = get(client, f"/demarches/{demarche.id}", "en").content.decode()
    assert "This page is not translated into your language yet. It is in French." in body
    assert f'<h1 lang="fr">{escape(demarche.titre)}' in body
    assert "Who is it for?" in body  # the interface itself is translated


def test_an_untranslated_demarche_in_arabic_keeps_french_left_to_right(client, territory):
    demarche = next(d for d in load_catalogue() if not d.traductions)
    body = get(client, f"/demarches/{demarche.id}", "ar").content.decode()
    assert f'<h1 lang="fr" dir="ltr">{escape(demarche.titre)}' in body
    assert "هذه الصفحة غير مترجمة إلى لغتك بعد" in body


def test_a_partly_translated_demarche_marks_each_french_part(client, territory, monkeypatch):
    catalogue = load_catalogue()
    rsa = catalogue.get("rsa")
    english = rsa.traductions["en"].model_copy(update={"etapes": None})
    partial = rsa.model_copy(update={"traductions": {"en": english}})
    demarches = {**catalogue.demarches, "rsa": partial}
    monkeypatch.setattr(
        "guichet_web.pages.views.catalogue.load_catalogue", lambda: Catalogue(demarches)
    )
    body = get(client, "/demarches/rsa", "en").content.decode()
    assert (
        'How to do it <span class="in-french" lang="en" dir="ltr">(in French)</span></h2>' in body
    )
    assert '<ol class="steps" lang="fr">' in body
    assert escape(rsa.etapes[0]) in body
    assert escape(english.titre) in body
    assert "not translated into your language yet" not in body


def test_demarche_list_uses_translated_titles(client, territory):
    body = get(client, "/demarches/", "tr").content.decode()
    assert escape(load_catalogue().get("aide-logement").traductions["tr"].titre) in body
    assert "Tüm işlemler" in body


def test_form_errors_are_in_the_readers_language(client, territory, fake_matcher):
    body = get(client, "/besoin?texte=", "en").content.decode()
    assert "Write in a few words what is wrong." in body


def test_rights_form_in_turkish(client, territory, fake_simulator):
    client.cookies["django_language"] = "tr"
    response = client.post(
        "/mes-droits/expert", {"mois": "2026-05", "logement_statut": "locataire"}
    )
    body = response.content.decode()
    assert "Aidatlar hariç aylık kiranızı yazın." in body
    assert "Yaşı yazın (siz)." in body


def test_arabic_counts_with_its_own_plural_forms(client, territory, fake_simulator):
    """Arabic has a dual: « two answers » is its own word, not « 2 answers »."""
    client.cookies["django_language"] = "ar"
    response = client.post(
        "/mes-droits/expert", {"mois": "2026-05", "logement_statut": "locataire"}
    )
    assert len(response.context["form"].errors) == 2
    assert "يجب تصحيح إجابتين" in response.content.decode()


# The error page: rendered by Django without a request, in the language of the moment -----

ERROR_HEADINGS = {
    "fr": "Un problème est survenu",
    "en": "Something went wrong",
    "ar": "حدثت مشكلة",
    "tr": "Bir sorun oluştu",
}


def server_error_page(lang):
    from django.test import RequestFactory
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override(lang):
        return server_error(RequestFactory().get("/"))


@pytest.mark.parametrize("lang", sorted(ERROR_HEADINGS))
def test_the_error_page_in_each_language(lang):
    response = server_error_page(lang)
    html = page(response)
    assert response.status_code == 500
    assert (html.lang, html.root_dir) == (lang, "rtl" if lang == "ar" else "ltr")
    assert f"<h1>{ERROR_HEADINGS[lang]}</h1>" in response.content.decode()
    assert html.title.strip().endswith("Guichet Planoise")


def test_the_error_page_without_any_language_is_french():
    """When it fails before the language is known (no translation active at all)."""
    response = server_error_page(None)
    html = page(response)
    assert (html.lang, html.root_dir) == ("fr", "ltr")
    assert "<h1>Un problème est survenu</h1>" in response.content.decode()


def test_a_crash_shows_the_error_page_in_the_readers_language(client, territory, monkeypatch):
    from guichet_web.pages import engines

    def broken():
        raise RuntimeError("panne")

    monkeypatch.setattr(engines, "letters", broken)
    client.raise_request_exception = False
    client.cookies["django_language"] = "ar"
    response = client.post("/courrier", {"texte": "Madame, votre dossier est complet."})
    assert response.status_code == 500
    html = page(response)
    assert (html.lang, html.root_dir) == ("ar", "rtl")
    body = response.content.decode()
    assert "حدثت مشكلة" in body and 'href="tel:+33381412221"' in body
