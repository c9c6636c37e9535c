"""Reading letter files: text encodings, PDFs (good, long, protected, damaged), types told
by content, sizes, other languages. Bad input always gets a plain French message."""

import pytest

from guichet.letters import LetterError, OcrUnavailable, explain, explain_file, read_document
from guichet.letters import ocr as ocr_module
from tests.letters.pdfs import blank_pages_pdf, encrypted_pdf, permissions_only_pdf, text_pdf
from tests.letters.photos import phone_photo

from .test_letters import DATA

LETTER = (DATA / "caf_indu.txt").read_text(encoding="utf-8")
ENGLISH = (
    "Dear Sir, we are writing to inform you that your account is overdue. Please pay the "
    "amount of 250 pounds within fourteen days of the date of this letter. If you have any "
    "questions, you can call us or write to our office. Yours faithfully, the manager."
)


def refused(data, name):
    with pytest.raises(LetterError) as caught:
        explain_file(data, name)
    return caught.value


def test_text_in_utf8_with_or_without_bom():
    assert read_document(LETTER.encode("utf-8"), "a.txt").text == LETTER
    assert read_document(b"\xef\xbb\xbf" + LETTER.encode("utf-8"), "a.txt").text == LETTER


def test_text_in_windows_encoding():
    document = read_document("Trop-perçu de 12 € à régler".encode("cp1252"), "a.txt")
    assert document.text == "Trop-perçu de 12 € à régler"


def test_text_file_without_extension_is_told_by_content():
    assert explain_file(text_pdf([LETTER]), "courrier").kind == "pdf"
    assert explain_file(LETTER.encode(), "courrier").kind == "texte"


def test_pdf_with_text_on_two_pages():
    explanation = explain_file(text_pdf([LETTER[:700], LETTER[700:]]), "courrier.pdf")
    assert explanation.kind == "pdf" and explanation.pages == 2
    assert explanation.sender.id == "caf"
    assert [a.value for a in explanation.amounts] == [1234.56, 150.0]
    assert explanation.deadlines[0].date.isoformat() == "2026-05-12"


def test_pdf_protected_against_changes_only_is_read():
    assert explain_file(permissions_only_pdf(LETTER), "avis.pdf").sender.id == "caf"


def test_pdf_with_a_password_is_refused_plainly():
    error = refused(encrypted_pdf(LETTER), "courrier.pdf")
    assert error.code == "pdf-protege" and "mot de passe" in error.message


def test_damaged_pdf_is_refused_plainly():
    error = refused(text_pdf([LETTER])[:400], "courrier.pdf")
    assert error.code == "pdf-abime" and "abîmé" in error.message


def test_fifty_page_pdf_is_refused_with_its_page_count():
    error = refused(blank_pages_pdf(50), "dossier.pdf")
    assert error.code == "trop-de-pages"
    assert "50 pages" in error.message and "20 pages" in error.message


def test_twenty_pages_are_read():
    pages = [LETTER] + ["Page suivante du courrier, sans rien de plus."] * 19
    assert explain_file(text_pdf(pages), "long.pdf").pages == 20


def test_empty_file():
    error = refused(b"", "courrier.txt")
    assert error.code == "vide" and "vide" in error.message


def test_blank_text():
    with pytest.raises(LetterError) as caught:
        explain("   \n\n ")
    assert caught.value.code == "vide"


def test_too_big_file():
    error = refused(b"a" * (10 * 1024 * 1024 + 1), "courrier.txt")
    assert error.code == "trop-gros" and "10 Mo" in error.message


@pytest.mark.parametrize(
    "data, name",
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "courrier.pdf"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00", "courrier.txt"),
        (LETTER.encode(), "courrier.docx"),
        (LETTER.encode(), "courrier.pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "courrier.pdf"),
    ],
    ids=["programme", "zip", "docx", "texte-nomme-pdf", "png-nomme-pdf"],
)
def test_type_is_checked_by_content(data, name):
    error = refused(data, name)
    assert error.code == "type" and "PDF" in error.message


def test_letter_in_another_language():
    with pytest.raises(LetterError) as caught:
        explain(ENGLISH)
    assert caught.value.code == "langue" and "français" in caught.value.message


def test_english_letter_file():
    assert refused(ENGLISH.encode(), "letter.txt").code == "langue"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LetterError) as caught:
        explain_file(tmp_path / "absent.txt")
    assert "n'existe pas" in caught.value.message
    with pytest.raises(LetterError):
        explain_file(tmp_path)


def test_path_to_a_letter(tmp_path):
    path = tmp_path / "courrier.txt"
    path.write_text(LETTER, encoding="utf-8")
    assert explain_file(path).sender.id == "caf"


def test_without_tesseract_photos_are_refused_plainly(monkeypatch):
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: None)
    with pytest.raises(OcrUnavailable) as caught:
        explain_file(phone_photo("Bonjour"), "photo.jpg")
    assert caught.value.code == "ocr-absent"
    assert "n'est pas possible ici" in caught.value.message
    assert "texte du courrier" in caught.value.message


def test_damaged_image(monkeypatch):
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr_module, "_languages", lambda binary: frozenset({"fra"}))
    data = phone_photo("Bonjour")[:2000]
    assert refused(data, "photo.jpg").code == "image-abimee"
