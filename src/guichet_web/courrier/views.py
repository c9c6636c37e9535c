"""/courrier: a letter pasted, photographed or uploaded, explained on one page.

A letter is personal data: it is read in memory and forgotten. Uploads stay in memory
(FILE_UPLOAD_MAX_MEMORY_SIZE ≥ 10 MB and only the memory upload handler for this page, so
Django never writes them to a temporary file); nothing is saved, logged or put in the
session; the answer is marked not to be cached (never_cache: « Cache-Control: no-store »).

The page speaks the reader's language; the letter, the glossary's definitions and the
sentences written by guichet.letters stay in French and are marked `lang="fr"`. The
errors of guichet.letters are plain French: a French reader sees them as they are (they
name the file, its size, its pages), another reader sees the translated message of the
error's code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from guichet.catalogue import load_catalogue, localized
from guichet.catalogue.localize import SOURCE_LANGUAGE
from guichet.letters.extract import MAX_PAGES
from guichet_web.annuaire.places import card, national_lines_for, places_for_networks
from guichet_web.pages import engines
from guichet_web.pages.templatetags.languages import current_language, french_attrs

from .forms import LetterForm

PLACES_SHOWN = 3
_INDENT = re.compile(r"\n[ \t]+")
TOO_BIG = _("Le fichier est trop gros. La limite est de 10 Mo : prenez une photo moins lourde.")
# One message per code of guichet.letters.LetterError, for the readers of other languages.
LETTER_ERRORS = {
    "vide": _("Le fichier est vide : il n'y a rien à lire."),
    "vide-texte": _("Le texte est vide : copiez le texte du courrier dans la case."),
    "trop-gros": _(
        "Ce fichier est trop gros. Prenez une photo moins lourde, ou gardez seulement les "
        "pages du courrier."
    ),
    "type": _(
        "Nous ne pouvons pas lire ce type de fichier. Nous lisons les PDF, les photos (JPEG "
        "ou PNG) et les textes."
    ),
    "pdf-protege": _(
        "Ce PDF est protégé par un mot de passe : nous ne pouvons pas le lire. Ouvrez-le et "
        "copiez le texte, ou prenez le courrier en photo."
    ),
    "pdf-abime": _(
        "Ce PDF est abîmé : nous ne pouvons pas le lire. Ouvrez-le sur votre téléphone et "
        "prenez une capture d'écran, ou copiez le texte."
    ),
    "trop-de-pages": _(
        "Ce document a trop de pages. Nous lisons les courriers de %(limit)s pages au plus : "
        "envoyez seulement les pages du courrier."
    ),
    "sans-texte": _(
        "Nous n'avons pas trouvé de texte à lire. Prenez la photo de plus près, bien à plat "
        "et avec de la lumière, ou copiez le texte du courrier."
    ),
    "langue": _(
        "Ce courrier ne semble pas écrit en français. Nous expliquons seulement les courriers "
        "en français. Un conseiller de France services peut vous aider."
    ),
    "ocr-absent": _(
        "Lire une photo n'est pas possible ici. Copiez ou tapez le texte du courrier dans la "
        "case, ou venez avec votre courrier à France services."
    ),
    "ocr-lent": _(
        "La lecture de cette photo prend trop de temps. Reprenez la photo de plus près, ou "
        "copiez le texte du courrier."
    ),
    "image-abimee": _(
        "Cette image est abîmée ou dans un format que nous ne lisons pas. Reprenez la photo, "
        "en JPEG ou en PNG."
    ),
    "absent": _("Ce fichier n'a pas pu être lu. Choisissez-le à nouveau."),
}
# guichet.letters.readability's verdicts on a letter, word for word (a test checks it).
READABILITY = {
    "facile": _("Ce courrier est facile à lire."),
    "moyen": _("Ce courrier est assez difficile à lire : les mots expliqués vous aideront."),
    "difficile": _("Ce courrier est difficile à lire : venez le lire avec un conseiller."),
}


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
        form.errors["fichier"] = form.error_class([TOO_BIG])
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
        form.add_error(field, error_message(error, field))
        context = {"form": form, "ocr_missing": error.code == "ocr-absent"}
        return render(request, "courrier/courrier.html", context)
    return render(request, "courrier/resultat.html", _context(explanation))


def _today():
    return timezone.localdate()


def error_message(error, field: str = "fichier") -> str:
    """What went wrong, in the reader's language (see the module's docstring)."""
    if current_language() == SOURCE_LANGUAGE:
        return error.message
    code = "vide-texte" if (error.code, field) == ("vide", "texte") else error.code
    if code not in LETTER_ERRORS:  # a new case of guichet.letters: its French, marked so
        return format_html("<span{}>{}</span>", french_attrs(), error.message)
    return str(LETTER_ERRORS[code]) % {"limit": MAX_PAGES}


def readability_message(readability: dict) -> str:
    message = READABILITY.get(readability.get("niveau"))
    return str(message) if message else readability["message"]


def _suggestions(explanation) -> list[tuple[object, object]]:
    """Each démarche proposed, with its title in the reader's language when it has one."""
    catalogue, lang = load_catalogue(), current_language()
    return [
        (suggestion, localized(catalogue.get(suggestion.id), lang))
        for suggestion in explanation.demarches
        if suggestion.id in catalogue
    ]


def _context(explanation) -> dict:
    terms = explanation.terms
    places = places_for_networks(explanation.networks)[:PLACES_SHOWN]
    return {
        "form": LetterForm(),
        "explanation": explanation,
        "sender": explanation.sender,
        "letter_date": explanation.letter_date,
        "readability": explanation.lisibilite,
        "readability_message": readability_message(explanation.lisibilite),
        "deadlines": [
            DeadlineRow(d.text, d.rule, d.date, explanation.days_left(d))
            for d in explanation.deadlines
        ],
        "amounts": list({(a.value, a.text): a for a in explanation.amounts}.values()),
        "dates": sorted({d.date for d in explanation.dates}),
        "demarches": _suggestions(explanation),
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
