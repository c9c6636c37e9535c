"""/courrier: a letter pasted, photographed or uploaded, explained on one page.

A letter is personal data: it is read in memory and forgotten. Uploads stay in memory
(FILE_UPLOAD_MAX_MEMORY_SIZE ≥ 10 MB and only the memory upload handler for this page, so
Django never writes them to a temporary file); nothing is saved, logged or put in the
session; the answer is marked not to be cached (never_cache: « Cache-Control: no-store »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from guichet_web.annuaire.places import card, national_lines_for, places_for_networks
from guichet_web.pages import engines

from .forms import LetterForm

PLACES_SHOWN = 3
_INDENT = re.compile(r"\n[ \t]+")


@dataclass(frozen=True)
class DeadlineRow:
    text: str
    rule: str
    date: object
    days_left: int | None


@never_cache
@csrf_exempt  # checked by csrf_protect below, once the upload handlers are set
def letter_page(request):
    if request.method != "POST":
        return render(request, "courrier/courrier.html", {"form": LetterForm()})
    # A 10 MB letter and the form's other fields: refused before anything is read.
    if int(request.META.get("CONTENT_LENGTH") or 0) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE:
        form = LetterForm()
        form.errors["fichier"] = form.error_class(
            ["Le fichier est trop gros. La limite est de 10 Mo : prenez une photo moins lourde."]
        )
        return render(request, "courrier/courrier.html", {"form": form}, status=413)
    request.upload_handlers = [MemoryFileUploadHandler(request)]
    return _explain(request)


@csrf_protect
def _explain(request):
    form = LetterForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "courrier/courrier.html", {"form": form})
    letters = engines.letters()
    upload = form.upload()
    try:
        if upload:
            field, uploaded = upload
            explanation = letters.explain_file(uploaded.read(), uploaded.name, today=_today())
        else:
            field = "texte"
            explanation = letters.explain(form.cleaned_data["texte"], today=_today())
    except letters.LetterError as error:
        form.add_error(field, error.message)
        context = {"form": form, "ocr_missing": error.code == "ocr-absent"}
        return render(request, "courrier/courrier.html", context)
    return render(request, "courrier/resultat.html", _context(explanation))


def _today():
    return timezone.localdate()


def _context(explanation) -> dict:
    terms = explanation.terms
    places = places_for_networks(explanation.networks)[:PLACES_SHOWN]
    return {
        "form": LetterForm(),
        "explanation": explanation,
        "sender": explanation.sender,
        "letter_date": explanation.letter_date,
        "readability": explanation.lisibilite,
        "deadlines": [
            DeadlineRow(d.text, d.rule, d.date, explanation.days_left(d))
            for d in explanation.deadlines
        ],
        "amounts": list({(a.value, a.text): a for a in explanation.amounts}.values()),
        "dates": sorted({d.date for d in explanation.dates}),
        "demarches": explanation.demarches,
        "terms": [(index + 1, found) for index, found in enumerate(terms)],
        "segments": _segments(explanation),
        "places": [card(place) for place in places],
        "national_lines": national_lines_for(explanation.networks),
    }


def _segments(explanation) -> list[tuple[str, int | None]]:
    """The letter in pieces, each term numbered as in the list of words; the indentation
    of address blocks is dropped (on a phone it only makes the lines wrap badly)."""
    pieces = []
    for index, (piece, number) in enumerate(explanation.segments()):
        if number is None:
            piece = _INDENT.sub("\n", piece)
            piece = piece.lstrip(" \t") if index == 0 else piece
        pieces.append((piece, None if number is None else number + 1))
    return pieces
