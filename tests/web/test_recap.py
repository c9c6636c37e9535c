"""« Mon récapitulatif »: needs, rights with amounts, places with today's hours, papers to
bring; printable, and as a PDF made on the server."""

from __future__ import annotations

import datetime as dt
import re
import zlib

import pytest
from django.utils.html import escape

from guichet_web.pages import recap
from guichet_web.pages.recap_pdf import build_pdf, font_files, latin1

ANSWERS = {"mois": "2026-05", "logement_statut": "locataire", "loyer": "450"}


@pytest.fixture
def visited(client, territory, fake_matcher, fake_simulator):
    """A visit: one need typed, one simulation."""
    client.get("/besoin?texte=je ne peux plus payer mon loyer")
    client.post("/mes-droits/expert", {**ANSWERS, "demandeur_age": "35"})
    client.get("/mes-droits/resultats")
    return client


def test_empty_recap_says_where_to_start(client, territory):
    body = client.get("/recapitulatif").content.decode()
    assert "Rien pour le moment" in body
    assert "Télécharger en PDF" not in body


def test_recap_gathers_the_visit(visited):
    body = visited.get("/recapitulatif").content.decode()
    assert "« je ne peux plus payer mon loyer »" in body
    assert escape("L'aide pour payer le loyer") in body
    assert "≈ 573\u00a0€ par mois" in body and "≈ 251\u00a0€ par mois" in body
    assert "AAH" not in body, "seulement les aides trouvées"
    assert "France services Besançon Planoise" in body
    assert "Ouvert aujourd" in body or "Fermé aujourd" in body or "Horaires" in body
    assert "Les papiers à préparer" in body
    # Absolute links, so that a printed page still tells where to go.
    assert 'href="http://testserver/demarches/aide-logement"' in body


def test_needs_are_kept_in_order_without_duplicates(client, territory, fake_matcher):
    for text in ["loyer", "rsa", "loyer", "a", "b", "c", "d"]:
        client.get(f"/besoin?texte={text}")
    needs = client.session[recap.NEEDS]
    assert [n["texte"] for n in needs] == ["rsa", "loyer", "a", "b", "c", "d"][-recap.MAX_NEEDS :]


def test_clearing_answers_clears_the_rights_of_the_recap(visited):
    visited.post("/mes-droits/effacer")
    body = visited.get("/recapitulatif").content.decode()
    assert "573" not in body and "loyer" in body
    visited.post("/recapitulatif/effacer")
    assert "Rien pour le moment" in visited.get("/recapitulatif").content.decode()


def _pdf_text(pdf: bytes) -> bytes:
    """Every stream of the PDF, inflated."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
    out = []
    for stream in streams:
        try:
            out.append(zlib.decompress(stream))
        except zlib.error:
            out.append(stream)
    return b"\n".join(out)


def test_pdf_download(visited):
    response = visited.get("/recapitulatif.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF-")


@pytest.mark.skipif(font_files() is None, reason="fonts-dejavu-core absent")
def test_pdf_embeds_a_font_with_every_french_letter(visited):
    data = recap.build(visited.session)
    pdf = build_pdf(data, "https://guichet.example/", dt.date(2026, 5, 4))
    assert b"/FontFile2" in pdf and b"DejaVu" in pdf
    # The embedded font maps its glyphs back to é, è, à, ç, € (ToUnicode CMap).
    text = _pdf_text(pdf)
    for char in "éèàç€≈":
        assert f"<{ord(char):04X}>".encode() in text, char


def test_pdf_without_dejavu_spells_out_what_latin1_lacks(visited):
    data = recap.build(visited.session)
    pdf = build_pdf(data, "https://guichet.example/", dt.date(2026, 5, 4), unicode_font=False)
    text = _pdf_text(pdf)
    assert b"Helvetica" in pdf
    assert "récapitulatif".encode("latin-1") in text
    assert "environ 573 euros par mois".encode("latin-1") in text.replace(b"\\", b"")


def test_latin1_spelling():
    assert (
        latin1("≈ 1\u202f234\u00a0€ – l’aide œuvre…")
        == "environ 1 234\u00a0euros - l'aide oeuvre..."
    )
    assert latin1("مرحبا") == "?????"
