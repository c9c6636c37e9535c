"""The text of a letter file: plain text, PDF (pypdf) or photo (Tesseract, see ocr.py).

The type is told by the file's first bytes, not by its name: a « courrier.pdf » that is a
photo is read as a photo, and a program renamed « .pdf » is refused. Size: 10 MB.
Everything happens in memory; nothing is kept.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

from .errors import LetterError
from .language import has_words
from .ocr import ocr_available, read_image

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 20
SCANNED_PAGES_READ = 5
EXTENSIONS = {
    ".txt": "texte",
    ".text": "texte",
    "": "texte",
    ".pdf": "pdf",
    ".jpg": "photo",
    ".jpeg": "photo",
    ".png": "photo",
}
SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "photo"),
    (b"\xff\xd8\xff", "photo"),
)
OTHER_FORMATS = (
    (b"PK\x03\x04", "un document Word, LibreOffice ou un dossier compressé"),
    (b"\xd0\xcf\x11\xe0", "un ancien document Word ou Excel"),
    (b"GIF8", "une image GIF"),
    (b"RIFF", "une image WEBP"),
    (b"\x00\x00\x00", "une photo HEIC (iPhone) ou une vidéo"),
)
WHAT_WE_READ = "Nous lisons les PDF, les photos (JPEG ou PNG) et les textes."


@dataclass(frozen=True)
class Document:
    text: str
    kind: str  # « texte », « pdf » or « photo »
    pages: int = 1


def _sniff(data: bytes) -> str | None:
    head = data[:1024]
    for signature, kind in SIGNATURES:
        if head.startswith(signature) or (kind == "pdf" and signature in head):
            return kind
    if b"\x00" in head:
        return None
    return "texte"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        raise LetterError(
            f"Le fichier est trop gros ({megabytes} Mo). La limite est de 10 Mo : prenez une "
            "photo moins lourde, ou gardez seulement les pages du courrier.",
            "trop-gros",
        )


def check_kind(data: bytes, name: str) -> str:
    if not data:
        raise LetterError("Le fichier est vide : il n'y a rien à lire.", "vide")
    check_size(len(data))
    extension = PurePath(name or "").suffix.lower()
    if extension not in EXTENSIONS:
        raise LetterError(
            f"Ce type de fichier ({extension}) n'est pas lu ici. {WHAT_WE_READ}", "type"
        )
    kind = _sniff(data)
    if kind is None:
        other = next((label for magic, label in OTHER_FORMATS if data.startswith(magic)), None)
        described = f"C'est {other}. " if other else ""
        raise LetterError(f"Nous ne pouvons pas lire ce fichier. {described}{WHAT_WE_READ}", "type")
    expected = EXTENSIONS[extension]
    if kind != expected and not (expected == "texte" and extension == ""):
        raise LetterError(
            f"Le fichier « {PurePath(name).name} » n'est pas ce que son nom annonce. "
            f"{WHAT_WE_READ}",
            "type",
        )
    return kind


def read_document(data: bytes, name: str = "") -> Document:
    """The text of a file; LetterError (plain French message) when it cannot be read."""
    kind = check_kind(data, name)
    if kind == "pdf":
        return _read_pdf(data)
    if kind == "photo":
        text = read_image(data)
        if not has_words(text, 5):
            raise LetterError(
                "Nous n'avons pas trouvé de texte sur cette image. Prenez la photo de plus près, "
                "bien à plat et avec de la lumière, ou copiez le texte du courrier.",
                "sans-texte",
            )
        return Document(text, "photo")
    return Document(_decode(data), "texte")


def _read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged PDF is said below
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LetterError(
                "Ce PDF est protégé par un mot de passe : nous ne pouvons pas le lire. "
                "Ouvrez-le et copiez le texte, ou prenez le courrier en photo.",
                "pdf-protege",
            )
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            raise LetterError(
                f"Ce document a {pages} pages. Nous lisons les courriers de {MAX_PAGES} pages "
                "au plus : envoyez seulement les pages du courrier.",
                "trop-de-pages",
            )
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
        if not has_words(text):
            text = _read_scanned(reader)
    except LetterError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise LetterError(
            "Ce PDF est abîmé : nous ne pouvons pas le lire. Ouvrez-le sur votre téléphone et "
            "prenez une capture d'écran, ou copiez le texte.",
            "pdf-abime",
        ) from exc
    return Document(text.strip(), "pdf", pages)


def _read_scanned(reader) -> str:
    """A scanned letter is a PDF of photos: read the photos of its first pages."""
    if not ocr_available():
        raise LetterError(
            "Ce PDF est une image scannée, sans texte, et la lecture des images n'est pas "
            "possible ici. Copiez le texte du courrier dans la case.",
            "ocr-absent",
        )
    texts = []
    for page in reader.pages[:SCANNED_PAGES_READ]:
        for image in page.images:
            texts.append(read_image(image.data))
    text = "\n\n".join(texts)
    if not has_words(text, 5):
        raise LetterError(
            "Ce PDF ne contient pas de texte que nous pouvons lire. Copiez le texte du "
            "courrier dans la case, ou prenez-le en photo.",
            "sans-texte",
        )
    return text
