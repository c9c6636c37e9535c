"""`kiosk` (the computer's name, or None) and the idle delay, for every page."""

from __future__ import annotations

from .machine import idle_seconds


def kiosk(request):
    name = getattr(request, "kiosk", None)
    return {"kiosk": name, "kiosk_idle_seconds": idle_seconds() if name else 0}
