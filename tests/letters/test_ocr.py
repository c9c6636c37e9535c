"""Photos of our letters, as a phone takes them (rendered with DejaVu, a few degrees askew,
noise, JPEG; one on its side), and a scanned PDF, read through Tesseract. Made in each run
into tmp_path; skipped only when the tesseract program or its French data is missing."""

import json

import pytest

from guichet.letters import LetterError, explain_file, ocr_available
from tests.letters.pdfs import blank_pages_pdf
from tests.letters.photos import FONT, blank_photo, phone_photo, scanned_pdf

from .test_letters import DATA

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not ocr_available(),
        reason="Tesseract absent (paquets Debian tesseract-ocr et tesseract-ocr-fra) : "
        "lecture des photos non testée ici",
    ),
]
PHOTOS = [("caf_indu", 4.0, 0), ("impots_avis", -3.0, 0), ("commissaire_commandement", 5.0, 0)]


def letter(name):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def font_present():
    import os

    if not os.path.exists(FONT):
        pytest.skip("police DejaVu absente (paquet fonts-dejavu-core)")


def check(explanation, expected):
    answer = explanation.to_json()
    assert explanation.kind == "photo"
    assert answer["expediteur"]["id"] == expected["expediteur"]
    assert [m["valeur"] for m in answer["montants"]] == expected["montants"]
    assert [d["date"] for d in answer["delais"]] == [d["date"] for d in expected["delais"]]
    found = {t["terme"] for t in answer["termes"]}
    missing = [t for t in expected["termes"] if t not in found]
    assert len(missing) <= len(expected["termes"]) // 3, f"termes non lus : {missing}"


@pytest.mark.parametrize("name, angle, turn", PHOTOS, ids=[p[0] for p in PHOTOS])
def test_phone_photo_of_a_letter(tmp_path, name, angle, turn):
    text, expected = letter(name)
    path = tmp_path / f"{name}.jpg"
    path.write_bytes(phone_photo(text, angle=angle, turn=turn))
    check(explain_file(path), expected)


def test_photo_taken_sideways_is_turned(tmp_path):
    text, expected = letter("ft_radiation")
    path = tmp_path / "de-cote.jpg"
    path.write_bytes(phone_photo(text, angle=3.0, turn=90))
    check(explain_file(path), expected)


def test_png_photo(tmp_path):
    from PIL import Image

    text, expected = letter("caf_dtr")
    jpeg = tmp_path / "photo.jpg"
    jpeg.write_bytes(phone_photo(text, angle=-4.0))
    png = tmp_path / "photo.png"
    Image.open(jpeg).save(png)
    check(explain_file(png), expected)


def test_scanned_pdf_is_read_by_ocr(tmp_path):
    text, expected = letter("mdph_notification")
    explanation = explain_file(scanned_pdf(text), "scan.pdf")
    assert explanation.kind == "pdf"
    assert explanation.sender.id == "mdph"
    assert [d.date.isoformat() for d in explanation.deadlines] == ["2026-04-18"]


def test_image_without_text(tmp_path):
    path = tmp_path / "table.jpg"
    path.write_bytes(blank_photo())
    with pytest.raises(LetterError) as caught:
        explain_file(path)
    assert caught.value.code == "sans-texte"
    assert "pas trouvé de texte" in caught.value.message


def test_blank_pdf_without_text():
    with pytest.raises(LetterError) as caught:
        explain_file(blank_pages_pdf(2), "vide.pdf")
    assert caught.value.code == "sans-texte"
