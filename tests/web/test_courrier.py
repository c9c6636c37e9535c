"""/courrier: paste, photograph or upload a letter; the explanation page; nothing kept."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from guichet.letters import ocr as ocr_module
from tests.letters.pdfs import blank_pages_pdf, text_pdf
from tests.letters.photos import phone_photo
from tests.letters.test_letters import DATA
from tests.web.htmlpage import page

LETTER = (DATA / "caf_indu.txt").read_text(encoding="utf-8")
ENGLISH_LETTER = "Dear Sir, please pay the amount you owe to us within ten days of this letter."


def post(client, **data):
    return client.post("/courrier", data)


def test_form_page(client, territory):
    response = client.get("/courrier")
    body = response.content.decode()
    html = page(response)
    assert response.status_code == 200 and html.h1_count == 1
    assert 'enctype="multipart/form-data"' in body
    inputs = {a["name"]: a for a in html.find_all("input") if a.get("type") == "file"}
    assert inputs["photo"]["accept"] == "image/*" and inputs["photo"]["capture"] == "environment"
    assert inputs["fichier"]["accept"] == "image/*,application/pdf"
    assert {f["id"] for f in html.fields() if f.get("id")} <= html.labelled_ids()
    assert "no-store" in response["Cache-Control"]


def test_nav_link(client, territory):
    assert 'href="/courrier">Comprendre un courrier</a>' in client.get("/").content.decode()


def test_pasted_letter_is_explained(client, territory):
    response = post(client, texte=LETTER)
    body = response.content.decode()
    assert response.status_code == 200 and page(response).h1_count == 1
    assert "no-store" in response["Cache-Control"]
    assert "La CAF (Caisse d&#x27;allocations familiales)" in body
    assert "Avant le 12 mai 2026" in body
    assert "1\u202f234,56\u00a0€" in body
    assert '<mark><a href="#mot-' in body and ">TROP-PERÇU</a></mark>" in body
    assert "<dfn>trop-perçu</dfn>" in body
    assert 'href="/demarches/trop-percu"' in body
    assert "France services Besançon Planoise" in body
    assert "CAF du Doubs" in body  # the sender's own office


def test_every_highlight_points_to_a_definition(client, territory):
    html = page(post(client, texte=LETTER))
    targets = {a["href"][1:] for a in html.find_all("a") if a.get("href", "").startswith("#mot-")}
    assert targets and targets <= html.ids()


def test_difficult_letter_says_to_come_with_it(client, territory):
    hard = (
        "Madame, conformément aux dispositions réglementaires applicables, l'organisme "
        "débiteur procède à la récupération de l'indu constaté par imputation automatique "
        "sur les prestations ultérieurement exigibles, sous réserve de l'exercice préalable "
        "des voies de recours administratives et contentieuses prévues par la législation."
    )
    body = post(client, texte=hard).content.decode()
    assert "Ce courrier est difficile à lire : venez le lire avec un conseiller." in body


def test_pdf_upload(client, territory):
    upload = SimpleUploadedFile("courrier.pdf", text_pdf([LETTER]), "application/pdf")
    body = client.post("/courrier", {"fichier": upload}).content.decode()
    assert "Avant le 12 mai 2026" in body


def test_undated_letter_gives_the_rule(client, territory):
    text = (DATA / "bailleur_relance.txt").read_text(encoding="utf-8")
    body = post(client, texte=text).content.decode()
    assert "8 jours après le courrier" in body
    assert "comptez à partir du jour où vous l" in body


def test_passed_deadline_is_flagged(client, territory, monkeypatch):
    import datetime as dt

    from guichet_web.courrier import views

    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 6, 1))
    body = post(client, texte=LETTER).content.decode()
    assert "Cette date est passée" in body


def test_empty_form_error_next_to_the_field(client, territory):
    response = post(client, texte="  ")
    html = page(response)
    textarea = html.find_all("textarea")[0]
    assert "id_texte-erreur" in textarea["aria-describedby"]
    assert "Copiez le texte du courrier" in response.content.decode()


def test_english_letter_error_keeps_the_text(client, territory):
    body = post(client, texte=ENGLISH_LETTER).content.decode()
    assert "ne semble pas écrit en français" in body
    assert "please pay the amount" in body


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("vide.txt", b"", "vide"),
        ("long.pdf", None, "50 pages"),
        ("courrier.pdf", b"%PDF-1.4 broken", "abîmé"),
        ("programme.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "Nous lisons les PDF"),
    ],
)
def test_bad_files_get_a_message_next_to_the_field(client, territory, name, content, words):
    content = blank_pages_pdf(50) if content is None else content
    upload = SimpleUploadedFile(name, content)
    response = client.post("/courrier", {"fichier": upload})
    body = response.content.decode()
    assert response.status_code == 200
    assert words in body and 'id="id_fichier-erreur"' in body
    assert "choisissez le fichier à nouveau" in body


def test_too_big_upload_is_refused_before_reading(client, territory):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff" + b"0" * (11 * 1024 * 1024))
    response = client.post("/courrier", {"photo": upload})
    assert response.status_code == 413
    assert "trop gros" in response.content.decode()


def test_two_letters_at_once(client, territory):
    upload = SimpleUploadedFile("courrier.pdf", text_pdf([LETTER]))
    body = client.post("/courrier", {"texte": LETTER, "fichier": upload}).content.decode()
    assert "Vous avez donné deux courriers" in body


def test_photo_without_tesseract_says_to_paste_the_text(client, territory, monkeypatch):
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: None)
    upload = SimpleUploadedFile("photo.jpg", phone_photo("Madame, votre dossier."), "image/jpeg")
    body = client.post("/courrier", {"photo": upload}).content.decode()
    assert "Lire une photo n&#x27;est pas possible ici" in body
    assert "copier le texte du courrier dans la première case" in body


def test_uploads_stay_in_memory(client, territory, monkeypatch):
    """No temporary file: the page keeps only the memory upload handler."""
    from django.core.files import uploadhandler

    def no_temporary_file(*args, **kwargs):
        raise AssertionError("un courrier a été écrit dans un fichier temporaire")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", no_temporary_file)
    big = (LETTER + "\n") * 2200  # 3.3 MB: over Django's default 2.5 MB kept in memory
    upload = SimpleUploadedFile("courrier.txt", big.encode("utf-8"))
    response = client.post("/courrier", {"fichier": upload})
    assert response.status_code == 200 and "Avant le 12 mai 2026" in response.content.decode()


def test_nothing_is_kept_in_the_session(client, territory):
    post(client, texte=LETTER)
    assert "BENALI" not in str(dict(client.session))


def test_csrf_is_checked(territory):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/courrier", {"texte": LETTER})
    assert response.status_code == 403


# The page in the reader's language; the letter's own words in French, marked so -----------

HEADINGS = {
    "en": ("Understand a letter", "What your letter says", "Copy or type the text of the letter"),
    "ar": ("فهم رسالة", "ماذا تقول رسالتك", "انسخ نص الرسالة أو اكتبه"),
    "tr": ("Bir mektubu anlamak", "Mektubunuz ne diyor", "Mektubun metnini kopyalayın veya yazın"),
}


def in_language(client, lang):
    client.cookies["django_language"] = lang
    return client


def french(lang):
    """The attributes of a French part inside a page in `lang`."""
    return ' lang="fr" dir="ltr"' if lang == "ar" else ' lang="fr"'


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_form_page_in_each_language(client, territory, lang):
    title, _, label = HEADINGS[lang]
    response = in_language(client, lang).get("/courrier")
    body = response.content.decode()
    html = page(response)
    assert (html.lang, html.root_dir) == (lang, "rtl" if lang == "ar" else "ltr")
    assert f"<h1>{title}</h1>" in body and escape(label) in body
    assert "Copiez ou tapez" not in body and "Expliquer le courrier" not in body
    assert 'lang="fr"' not in body  # nothing French left on the form page
    assert {f["id"] for f in html.fields() if f.get("id")} <= html.labelled_ids()


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_result_page_in_each_language(client, territory, lang):
    _, heading, _ = HEADINGS[lang]
    response = in_language(client, lang).post("/courrier", {"texte": LETTER})
    body = response.content.decode()
    html = page(response)
    assert response.status_code == 200 and html.h1_count == 1
    assert (html.lang, html.root_dir) == (lang, "rtl" if lang == "ar" else "ltr")
    assert f"<h1>{heading}</h1>" in body
    for french_only in ("Ce que dit votre courrier", "Qui vous écrit", "Les délais", "Que faire"):
        assert french_only not in body
    # The letter, its words and what guichet.letters wrote stay French, marked as French.
    attrs = french(lang)
    assert f'<div class="letter-text"{attrs}>' in body
    assert f"<span{attrs}>La CAF (Caisse d&#x27;allocations familiales)</span>" in body
    assert f"<span{attrs}><dfn>trop-perçu</dfn></span>" in body
    assert f"<dd><span{attrs}>Un trop-perçu, c&#x27;est" in body
    assert f"<span{attrs}>dans un délai de deux mois à compter de la réception" in body
    assert f"<span{attrs}>le courrier parle de « indu »" in body
    assert 'class="in-french"' in body.split('id="texte"')[0]  # « (in French) » said
    # Every piece of French text sits inside an element marked lang="fr".
    assert "Avant le 12 mai" not in body and "Il reste" not in body


def test_result_page_in_english_reads_naturally(client, territory, monkeypatch):
    import datetime as dt

    from guichet_web.courrier import views

    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 5, 2))
    body = in_language(client, "en").post("/courrier", {"texte": LETTER}).content.decode()
    assert "Before 12 May 2026" in body
    assert "10 days left." in body
    assert "The letter is dated <strong>12 March 2026</strong>." in body
    assert "This letter is quite hard to read: the words explained will help you." in body
    assert "What to do:</strong>" in body


def test_arabic_counts_days_with_its_own_plural(client, territory, monkeypatch):
    import datetime as dt

    from guichet_web.courrier import views

    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 5, 10))
    body = in_language(client, "ar").post("/courrier", {"texte": LETTER}).content.decode()
    assert "بقي يومان." in body  # two days: the dual, not « 2 days »


def test_suggested_demarches_use_their_translated_titles(client, territory):
    from guichet.catalogue import load_catalogue

    catalogue = load_catalogue()
    translated = catalogue.get("prime-activite").traductions["tr"].titre
    body = in_language(client, "tr").post("/courrier", {"texte": LETTER}).content.decode()
    assert f'<a href="/demarches/prime-activite">{escape(translated)}</a>' in body
    untranslated = escape(catalogue.get("trop-percu").titre)
    assert f'<a href="/demarches/trop-percu" lang="fr">{untranslated}</a>' in body


def test_the_french_page_has_no_language_marks(client, territory):
    body = post(client, texte=LETTER).content.decode()
    assert 'lang="fr"' not in body.split("<body")[1] and "in-french" not in body
    assert "<h1>Ce que dit votre courrier</h1>" in body
    assert "Ce courrier est assez difficile à lire : les mots expliqués vous aideront." in body


def test_readability_verdicts_are_those_of_the_letters_package():
    """The web translates guichet.letters' three verdicts: the French must stay the same."""
    from guichet.letters.readability import MESSAGES
    from guichet_web.courrier.views import READABILITY

    with translation.override("fr"):
        assert {k: str(v) for k, v in READABILITY.items()} == {
            k: m.format(what="courrier") for k, m in MESSAGES.items()
        }


def _letter_error_codes() -> set[str]:
    """Every code given to LetterError(message, code) in guichet.letters, read in its source."""
    import ast

    import guichet.letters

    codes = {"ocr-absent"}  # OcrUnavailable's own
    for path in Path(guichet.letters.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "LetterError"
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Constant)
            ):
                codes.add(node.args[1].value)
    return codes


def test_every_letter_error_has_a_translated_message():
    from guichet_web.courrier.views import LETTER_ERRORS

    codes = _letter_error_codes()
    assert {"vide", "pdf-abime", "trop-de-pages", "langue"} <= codes
    assert codes <= set(LETTER_ERRORS)


@pytest.mark.parametrize(
    "lang, data, expected",
    [
        (
            "en",
            {"texte": "  "},
            "Copy the text of the letter, or take a photo of it, or choose a file.",
        ),
        ("en", {"texte": ENGLISH_LETTER}, "This letter does not seem to be written in French."),
        ("ar", {"texte": "..."}, "النص فارغ. انسخ نص الرسالة في الخانة."),
        ("tr", {"fichier": ("courrier.pdf", b"%PDF-1.4 broken")}, "Bu PDF bozuk: okuyamıyoruz."),
        ("en", {"fichier": ("long.pdf", None)}, "We read letters of 20 pages at most"),
        ("ar", {"fichier": ("vide.txt", b"")}, "الملف فارغ: لا يوجد شيء لقراءته."),
        (
            "tr",
            {"fichier": ("programme.pdf", b"MZ\x90\x00\x03\x00")},
            "Bu tür bir dosyayı okuyamıyoruz.",
        ),
    ],
)
def test_errors_are_in_the_readers_language(client, territory, lang, data, expected):
    data = dict(data)
    if "fichier" in data:
        name, content = data["fichier"]
        data["fichier"] = SimpleUploadedFile(
            name, blank_pages_pdf(50) if content is None else content
        )
    response = in_language(client, lang).post("/courrier", data)
    body = response.content.decode()
    html = page(response)
    assert response.status_code == 200 and html.lang == lang
    assert escape(expected) in body
    assert '<div class="error-summary" role="alert">' in body
    assert "Nous n&#x27;avons pas pu lire" not in body


def test_too_big_upload_is_refused_in_the_readers_language(client, territory):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff" + b"0" * (11 * 1024 * 1024))
    response = in_language(client, "ar").post("/courrier", {"photo": upload})
    assert response.status_code == 413
    assert "الملف كبير جدًا. الحد الأقصى 10 ميغابايت" in response.content.decode()


def test_photo_without_tesseract_in_english(client, territory, monkeypatch):
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: None)
    upload = SimpleUploadedFile("photo.jpg", phone_photo("Madame, votre dossier."), "image/jpeg")
    body = in_language(client, "en").post("/courrier", {"photo": upload}).content.decode()
    assert "Reading a photo is not possible here." in body
    assert "You can copy the text of the letter into the first box." in body


def test_an_error_without_translation_stays_french_and_says_so(client, territory, monkeypatch):
    from guichet.letters import LetterError
    from guichet_web.courrier import views

    def fails(*args, **kwargs):
        raise LetterError("Un cas tout nouveau.", "cas-nouveau")

    monkeypatch.setattr(views.engines.letters(), "explain", fails)
    body = in_language(client, "ar").post("/courrier", {"texte": LETTER}).content.decode()
    assert '<span lang="fr" dir="ltr">Un cas tout nouveau.</span>' in body


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_an_explained_letter_stays_within_the_page_budget(client, territory, lang):
    """The French marks on every definition must not make the page heavy (test_budget)."""
    from tests.web.test_budget import BUDGET, weight

    total, _ = weight(in_language(client, lang).post("/courrier", {"texte": LETTER}))
    assert total <= BUDGET
