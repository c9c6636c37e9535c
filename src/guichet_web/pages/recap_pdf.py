"""The recap as a PDF, made on the server in pure Python (fpdf2).

DejaVu Sans (Debian's fonts-dejavu-core, installed by .ci/run) is embedded when present:
it has every French character, « € » and « ≈ ». Without it, the PDF's core Helvetica is
used and the few characters it lacks are spelt out (« € » → « euros »).

The PDF is always in French, whatever the language of the pages: a paper to show at a
French desk, and fpdf2 here does not shape Arabic script. Everything in it, hours included,
is written with French active (the recap page says so).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.utils import translation
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from guichet_web.annuaire.places import card

from .recap import Recap
from .templatetags.guichet import date_fr, euros, month_fr, periodicity

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
FONT = "DejaVu"
LATIN1_SPELLING = {
    "€": "euros",
    "≈": "environ",
    "\u202f": " ",
    "\u2009": " ",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "œ": "oe",
    "Œ": "OE",
    "☐": "-",
}
INK = (29, 29, 27)
BRAND = (20, 56, 69)


def font_files(dirs=FONT_DIRS) -> dict[str, Path] | None:
    for folder in dirs:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return {"": regular, "B": bold}
    return None


def latin1(text: str) -> str:
    """For the core fonts: spell out what latin-1 lacks, then replace anything left."""
    for char, spelling in LATIN1_SPELLING.items():
        text = text.replace(char, spelling)
    return text.encode("latin-1", "replace").decode("latin-1")


class RecapPDF(FPDF):
    def __init__(self, fonts: dict[str, Path] | None):
        super().__init__(format="A4")
        self.unicode = fonts is not None
        if fonts:
            for style, path in fonts.items():
                self.add_font(FONT, style, str(path))
            self.family = FONT
        else:
            self.family = "Helvetica"
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.set_lang("fr")

    def text_of(self, text: str) -> str:
        return text if self.unicode else latin1(text)

    def para(self, text: str, size: float = 11, bold: bool = False, color=INK, link=None):
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(
            0,
            size * 0.55,
            self.text_of(text),
            link=link,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def heading(self, text: str) -> None:
        self.ln(3)
        self.para(text, size=14, bold=True, color=BRAND)
        self.ln(1)

    def bullet(self, text: str, **kwargs) -> None:
        self.para(f"- {text}", **kwargs)


def _needs(pdf: RecapPDF, recap: Recap, site_url: str) -> None:
    pdf.heading("Ce que vous avez demandé")
    for need in recap.needs:
        pdf.para(f"« {need.text} »", bold=True)
        for demarche in need.demarches:
            url = f"{site_url}demarches/{demarche.id}"
            pdf.bullet(f"{demarche.titre} : {url}", link=url)
        if not need.demarches:
            pdf.bullet("Pas de démarche trouvée : demandez à l'accueil.")
        pdf.ln(1)


def _benefits(pdf: RecapPDF, recap: Recap) -> None:
    pdf.heading(f"Les aides que vous pourriez avoir ({month_fr(recap.month)})")
    for benefit in recap.benefits:
        name = benefit.demarche.titre if benefit.demarche else benefit.label
        amount = f"≈ {euros(benefit.amount)} {periodicity(benefit.periodicity)}".strip()
        pdf.para(f"{name} : {amount}", bold=True)
    pdf.para("Ce sont des estimations. Le montant exact est calculé par l'organisme.", size=10)


def _places(pdf: RecapPDF, place_cards: list) -> None:
    pdf.heading("Où aller")
    for place_card in place_cards:
        _place(pdf, place_card)
        pdf.ln(2)


def _place(pdf: RecapPDF, place_card) -> None:
    place = place_card.place
    pdf.para(place.nom, bold=True)
    if place.adresse:
        pdf.para(f"{place.adresse}, {place.code_postal} {place.commune}")
    pdf.para(place_card.today.text)  # « Ouvert aujourd'hui : 8 h 30 – 12 h », « Fermé aujourd'hui »
    if place.telephone:
        pdf.para(f"Téléphone : {place.telephone}")


def _documents(pdf: RecapPDF, recap: Recap) -> None:
    pdf.heading("Les papiers à préparer")
    for demarche in recap.documents:
        pdf.para(demarche.titre, bold=True)
        for document in demarche.documents:
            pdf.bullet(document)
        pdf.ln(1)


def build_pdf(
    recap: Recap, site_url: str, today: dt.date, help_card=None, unicode_font: bool = True
) -> bytes:
    """`unicode_font`: embed DejaVu Sans when installed (else the core fonts). In French,
    whatever the reader's language (see the module's docstring)."""
    with translation.override("fr"):
        return _build_french_pdf(recap, site_url, today, help_card, unicode_font)


def _in_french(place_card):
    """The place's card again, its hours written in French (the view made it in the reader's
    language)."""
    return card(place_card.place)


def _build_french_pdf(recap: Recap, site_url: str, today: dt.date, help_card, unicode_font):
    pdf = RecapPDF(font_files() if unicode_font else None)
    pdf.set_title("Mon récapitulatif – Guichet Planoise")
    pdf.set_author("Guichet Planoise")
    pdf.set_creator(f"Guichet ({settings.GUICHET_TERRITORY})")
    pdf.add_page()
    pdf.para("Guichet Planoise – Mon récapitulatif", size=18, bold=True, color=BRAND)
    pdf.para(f"Fait le {date_fr(today)}. À garder ou à montrer à l'accueil.", size=10)
    if recap.needs:
        _needs(pdf, recap, site_url)
    if recap.benefits:
        _benefits(pdf, recap)
    if recap.places:
        _places(pdf, [_in_french(place_card) for place_card in recap.places])
    if recap.documents:
        _documents(pdf, recap)
    pdf.heading("Quelqu'un peut vous aider")
    if help_card is not None:
        _place(pdf, _in_french(help_card))
        pdf.para("C'est gratuit. Une équipe vous aide pour vos démarches.")
    else:
        pdf.para("Allô Service public : 39 39, pour une question sur vos droits.")
    pdf.para(f"Guichet : {site_url}", size=10, link=site_url)
    return bytes(pdf.output())
