"""The recap PDF is in French whatever the language of the pages, and says each thing once."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.web.test_recap import ANSWERS


def visit(client, lang: str | None = None):
    if lang:
        client.cookies["django_language"] = lang
    client.get("/besoin?texte=je ne peux plus payer mon loyer")
    client.post("/mes-droits/expert", {**ANSWERS, "demandeur_age": "35"})
    client.get("/mes-droits/resultats")
    return client


def pdf_text(client) -> str:
    response = client.get("/recapitulatif.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_todays_hours_are_said_once(client, territory, fake_matcher, fake_simulator):
    text = pdf_text(visit(client))
    assert "Aujourd'hui : Ouvert" not in text
    assert "Aujourd'hui : Fermé" not in text
    assert "aujourd'hui" in text.lower()


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_pdf_stays_french_in_another_language(
    client, territory, fake_matcher, fake_simulator, lang
):
    text = pdf_text(visit(client, lang))
    assert "Mon récapitulatif" in text
    assert "par mois" in text
    assert "mai 2026" in text
    for word in ("December", "per month", "May", "Open today", "Closed today", "aylık", "Mayıs"):
        assert word not in text, word
    assert not any("\u0600" <= char <= "\u06ff" for char in text), "écriture arabe dans le PDF"


def test_the_page_itself_stays_in_the_readers_language(
    client, territory, fake_matcher, fake_simulator
):
    body = visit(client, "en").get("/recapitulatif").content.decode()
    assert '<html lang="en"' in body
    assert "per month" in body


def test_the_page_says_the_pdf_is_in_french(client, territory, fake_matcher, fake_simulator):
    visit(client, "en")
    assert "The PDF is in French" in client.get("/recapitulatif").content.decode()
    client.cookies["django_language"] = "fr"
    assert "Le PDF est en français" not in client.get("/recapitulatif").content.decode()
