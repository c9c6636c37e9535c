"""Which computer is a free-access kiosk: a signed cookie set by the desk.

The cookie holds only the computer's name (« Poste 1 »), signed with SECRET_KEY, so that
a visitor cannot switch the mode on or off nor pretend to be another computer.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.core import signing

COOKIE = "guichet_poste"
SALT = "guichet_web.kiosque"
COOKIE_AGE = 60 * 60 * 24 * 365


def kiosk_name(request) -> str | None:
    try:
        return request.get_signed_cookie(COOKIE, default=None, salt=SALT) or None
    except signing.BadSignature:
        return None


def mark_as_kiosk(response, name: str) -> None:
    response.set_signed_cookie(
        COOKIE,
        name,
        salt=SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def unmark(response) -> None:
    response.delete_cookie(COOKIE, samesite="Lax")


def forget_language(response) -> None:
    """The language chosen by the person who used the computer goes with their visit."""
    response.delete_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def may_configure(request, token: str) -> bool:
    """Staff, or whoever has the desk's token (GUICHET_KIOSK_TOKEN; empty: staff only)."""
    if request.user.is_authenticated and request.user.is_staff:
        return True
    expected = settings.GUICHET_KIOSK_TOKEN
    return bool(expected) and hmac.compare_digest(token.encode(), expected.encode())


def idle_seconds() -> int:
    return settings.GUICHET_KIOSK_IDLE_SECONDS


def idle_minutes() -> int:
    return max(1, round(idle_seconds() / 60))
