"""Comprendre un courrier: a letter (text, PDF or photo) explained in plain French.

    explain(text) → Explanation          explain_file(path | bytes, name) → Explanation
    Explanation.to_json()                readability(text) → dict (Kandel–Moles, jargon)

No Django here: the CLI (`guichet expliquer`) and the web page (/courrier) both call this.
"""

from .errors import LetterError, OcrUnavailable
from .explain import Explanation, Suggestion, explain, explain_file
from .extract import MAX_BYTES, read_document
from .ocr import ocr_available
from .readability import readability
from .terms import FoundTerm, TermFinder, default_finder


def warm_up() -> None:
    """Load the glossary, the catalogue's words and textstat (with nltk) before serving: the
    first letter would otherwise wait a few seconds."""
    explain(
        "Madame, la CAF vous informe d'un trop-perçu de 100 € à rembourser avant le "
        "30 avril 2026, dans un délai de deux mois."
    )


__all__ = [
    "MAX_BYTES",
    "Explanation",
    "FoundTerm",
    "LetterError",
    "OcrUnavailable",
    "Suggestion",
    "TermFinder",
    "default_finder",
    "explain",
    "explain_file",
    "ocr_available",
    "read_document",
    "readability",
    "warm_up",
]
