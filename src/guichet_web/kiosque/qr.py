"""A QR code as inline SVG (no image file, no request): horizontal runs of dark modules
merged into one path, about 4 KB for a resume address."""

from __future__ import annotations

import qrcode
from django.utils.html import format_html


def _runs(row: list[bool]):
    x = 0
    while x < len(row):
        if not row[x]:
            x += 1
            continue
        start = x
        while x < len(row) and row[x]:
            x += 1
        yield start, x - start


def qr_svg(data: str, label: str) -> str:
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    path = "".join(
        f"M{x},{y}h{width}v1h-{width}z" for y, row in enumerate(matrix) for x, width in _runs(row)
    )
    size = len(matrix)
    return format_html(
        '<svg class="qr" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'shape-rendering="crispEdges"><rect width="{}" height="{}" fill="#fff"/>'
        '<path d="{}" fill="#000"/></svg>',
        size,
        size,
        label,
        size,
        size,
        path,
    )
