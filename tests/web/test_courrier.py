"""/courrier: paste, photograph or upload a letter; the explanation page; nothing kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from guichet.letters import ocr as ocr_module
from tests.letters.pdfs import blank_pages_pdf, text_pdf
from tests.letters.photos import phone_photo
from tests.letters.test_letters import DATA
from tests.web.htmlpage import page

LETTER = (DATA / "caf_indu.txt").read_text(encoding="utf-8")


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
    english = "Dear Sir, please pay the amount you owe to us within ten days of this letter."
    body = post(client, texte=english).content.decode()
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


def test_page_in_another_language_marks_its_french(client, territory):
    body = client.get("/courrier", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<div lang="fr"' in body
