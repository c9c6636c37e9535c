"""Text of a photographed letter, read by Tesseract (Debian: tesseract-ocr, tesseract-ocr-fra).

The photo is prepared with Pillow: turned as the phone's EXIF says, grey, contrast
stretched (autocontrast), enlarged when small, reduced when huge. Tesseract binarizes it
itself (Otsu, better than one threshold of ours under a phone's uneven light). A page a
few degrees askew is straightened first (projection profile): Tesseract's own layout
analysis loses whole paragraphs at 3° on a photo with dark edges. A page on its side or upside down is turned by
Tesseract's orientation detection (OSD): tried first on a landscape picture, else only
when the first reading finds few French words. The image goes to Tesseract through a pipe:
nothing is written to disk. One thread per Tesseract: OpenMP threads made it twice slower
on our two-core machines.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import warnings
from functools import cache

from .errors import LetterError, OcrUnavailable
from .language import FRENCH
from .tokens import words

LANGUAGE = "fra"
TIMEOUT_SECONDS = 60
MAX_PIXELS = 40_000_000
SMALL_SIDE = 1600  # a longest side under this is enlarged twice: Tesseract likes big letters
LARGE_SIDE = 4000  # over this, reduced: the letters stay big enough and reading is faster
SKEW_SIDE = 700
MAX_SKEW = 6
OSD_SIDE = 1500
OSD_CONFIDENCE = 1.0
GOOD_ENOUGH = 12  # French small words found in a first reading: no need to try turning it


@cache
def tesseract_binary() -> str | None:
    return shutil.which("tesseract")


@cache
def _languages(binary: str) -> frozenset[str]:
    try:
        done = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:])


def ocr_available() -> bool:
    binary = tesseract_binary()
    return binary is not None and LANGUAGE in _languages(binary)


def _open(data: bytes):
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise LetterError(
                    "Cette image est trop grande. Prenez une photo normale avec votre téléphone.",
                    "trop-gros",
                )
            image.load()
    except LetterError:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning) as exc:
        raise LetterError(
            "Cette image est abîmée ou dans un format que nous ne lisons pas. "
            "Reprenez la photo, en JPEG ou en PNG.",
            "image-abimee",
        ) from exc
    return ImageOps.exif_transpose(image)


def prepare(image):
    """Grey, straightened contrast, specks smoothed, a size Tesseract reads well."""
    from PIL import Image, ImageOps

    grey = ImageOps.grayscale(image.convert("RGB") if image.mode in ("P", "RGBA") else image)
    longest = max(grey.size)
    if longest < SMALL_SIDE:
        grey = grey.resize((grey.width * 2, grey.height * 2), Image.Resampling.LANCZOS)
    elif longest > LARGE_SIDE:
        ratio = LARGE_SIDE / longest
        size = (round(grey.width * ratio), round(grey.height * ratio))
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    return ImageOps.autocontrast(grey, cutoff=1)


def skew_angle(image) -> float:
    """Degrees (counter-clockwise) that make the lines of text horizontal, within ±6°: the
    angle at which the rows of ink change most sharply from one to the next (projection
    profile), on a small copy, 1° steps then quarter degrees."""
    import numpy as np
    from PIL import Image

    ratio = SKEW_SIDE / max(image.size)
    small = image.resize((round(image.width * ratio), round(image.height * ratio)))

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=255)
        rows = (np.asarray(turned) < 128).sum(axis=1).astype(float)
        return float(np.sum(np.diff(rows) ** 2))

    best = max(range(-MAX_SKEW, MAX_SKEW + 1), key=sharpness)
    return max((best + step / 4 for step in range(-3, 4)), key=sharpness)


def deskew(image):
    from PIL import Image

    angle = skew_angle(image)
    if abs(angle) < 0.5:  # Tesseract reads that well
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def _run(binary: str, image, *options: str) -> subprocess.CompletedProcess:
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed: quick to write and to read
    try:
        return subprocess.run(
            [binary, "stdin", "stdout", *options],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as exc:
        raise LetterError(
            "La lecture de cette photo prend trop de temps. Reprenez la photo de plus près, "
            "ou copiez le texte du courrier.",
            "ocr-lent",
        ) from exc
    except OSError as exc:
        raise OcrUnavailable(str(exc)) from exc


def _read(binary: str, image) -> str:
    done = _run(binary, image, "-l", LANGUAGE, "--psm", "3")
    if done.returncode != 0:
        return ""
    return done.stdout.decode("utf-8", errors="replace")


def _rotation(binary: str, image) -> int:
    """Degrees to turn the page clockwise (0, 90, 180, 270), by Tesseract's OSD on a
    smaller copy (quicker, and enough to see which way the lines go)."""
    ratio = min(1.0, OSD_SIDE / max(image.size))
    small = image.resize((round(image.width * ratio), round(image.height * ratio)))
    done = _run(binary, small, "--psm", "0")
    found = dict(
        line.split(":", 1)
        for line in done.stdout.decode("utf-8", errors="replace").splitlines()
        if ":" in line
    )
    try:
        angle = int(found.get("Rotate", "0").strip()) % 360
        confidence = float(found.get("Orientation confidence", "0").strip())
    except ValueError:
        return 0
    return angle if confidence >= OSD_CONFIDENCE else 0


def french_words(text: str) -> int:
    return sum(w in FRENCH for w in words(text))


def read_image(data: bytes) -> str:
    """The text of a photo; OcrUnavailable without Tesseract and its French data."""
    binary = tesseract_binary()
    if binary is None:
        raise OcrUnavailable()
    if LANGUAGE not in _languages(binary):
        raise OcrUnavailable("les données de la langue française manquent")
    image = prepare(_open(data))
    text = "" if image.width > image.height * 1.15 else _read(binary, deskew(image))
    if french_words(text) >= GOOD_ENOUGH:
        return text
    angle = _rotation(binary, image)
    if angle:
        turned = _read(binary, deskew(image.rotate(-angle, expand=True)))
        if french_words(turned) > french_words(text):
            return turned
    return text or _read(binary, deskew(image))
