"""Phone photos and PDFs made from our letters, for the OCR and PDF paths (made in each run,
never committed: tmp_path or memory)."""

from __future__ import annotations

import io
import random
import textwrap

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 90


def render_page(text: str, font_size: int = 26) -> Image.Image:
    """The letter typed on a white A4 page."""
    font = ImageFont.truetype(FONT, font_size)
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    y = MARGIN
    width = int((PAGE[0] - 2 * MARGIN) / (font_size * 0.55))
    for paragraph in text.splitlines():
        for line in textwrap.wrap(paragraph, width) or [""]:
            draw.text((MARGIN, y), line, font=font, fill=20)
            y += int(font_size * 1.45)
            if y > PAGE[1] - MARGIN:
                return page
    return page


def phone_photo(text: str, angle: float = 4.0, seed: int = 1, turn: int = 0) -> bytes:
    """A photo as a phone takes it: grey-beige paper, uneven light, a few degrees askew,
    noise and JPEG; `turn` turns the page on its side (90) or upside down (180)."""
    rng = random.Random(seed)
    page = render_page(text)
    photo = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=90)
    if turn:
        photo = photo.rotate(turn, expand=True)
    noise = Image.effect_noise(photo.size, 28).filter(ImageFilter.GaussianBlur(0.6))
    photo = Image.blend(photo, noise, 0.18)
    light = Image.linear_gradient("L").resize(photo.size).point(lambda v: 200 + v // 5)
    photo = Image.composite(photo, light, Image.new("L", photo.size, 200 + rng.randint(0, 30)))
    photo = photo.filter(ImageFilter.GaussianBlur(0.7)).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=72)
    return buffer.getvalue()


def blank_photo() -> bytes:
    """A photo of a table: no text at all."""
    image = Image.effect_noise((900, 700), 40).filter(ImageFilter.GaussianBlur(3))
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def scanned_pdf(text: str) -> bytes:
    """A letter scanned to PDF: one photo per page, no text layer."""
    buffer = io.BytesIO()
    render_page(text).convert("RGB").save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
