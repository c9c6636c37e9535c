"""State changes of the kiosk app: the help queue and the resume codes.

Views call these functions and never write the models themselves.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import HelpRequest, ResumeCode

# No letter or digit that can be read as another one (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V):
# the code is read on one screen and typed on a phone, often by someone who reads little.
CODE_ALPHABET = "ACEFHJKMNPRTWXY3479"
CODE_LENGTH = 8
CODE_LIFETIME = dt.timedelta(days=7)
OPEN = (HelpRequest.Status.WAITING, HelpRequest.Status.TAKEN)


def request_help(kiosk: str) -> HelpRequest:
    """One open request per computer: asking twice keeps the first place in the queue."""
    with transaction.atomic():
        existing = HelpRequest.objects.filter(kiosk=kiosk, status__in=OPEN).first()
        return existing or HelpRequest.objects.create(kiosk=kiosk)


def open_request(kiosk: str) -> HelpRequest | None:
    return HelpRequest.objects.filter(kiosk=kiosk, status__in=OPEN).first()


def position_in_queue(help_request: HelpRequest) -> int:
    """1 for the first person waiting."""
    return HelpRequest.objects.filter(
        status=HelpRequest.Status.WAITING, created_at__lte=help_request.created_at
    ).count()


def cancel_help(kiosk: str) -> None:
    HelpRequest.objects.filter(kiosk=kiosk, status__in=OPEN).update(
        status=HelpRequest.Status.DONE, updated_at=timezone.now()
    )


def take(help_request: HelpRequest, user) -> None:
    help_request.status = HelpRequest.Status.TAKEN
    help_request.taken_by = user
    help_request.save(update_fields=["status", "taken_by", "updated_at"])


def close(help_request: HelpRequest) -> None:
    help_request.status = HelpRequest.Status.DONE
    help_request.save(update_fields=["status", "updated_at"])


def queue() -> list[HelpRequest]:
    return list(HelpRequest.objects.filter(status__in=OPEN).select_related("taken_by"))


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person typed (« kmtp-7xw3 », « KMTP 7XW3 ») → « KMTP7XW3 »."""
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def display_code(code: str) -> str:
    """« KMTP7XW3 » → « KMTP-7XW3 »: two groups of four are easier to copy."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def purge_expired() -> int:
    deleted, _ = ResumeCode.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


def create_resume_code(payload: dict) -> ResumeCode:
    purge_expired()
    now = timezone.now()
    for _ in range(10):
        try:
            with transaction.atomic():
                return ResumeCode.objects.create(
                    code=new_code(), payload=payload, created_at=now, expires_at=now + CODE_LIFETIME
                )
        except IntegrityError:  # the same code twice: draw again
            continue
    raise RuntimeError("impossible de tirer un code de reprise libre")


def redeem(text: str) -> dict | None:
    """The recap stored under this code, or None if it is unknown or expired."""
    code = normalise_code(text)
    if len(code) != CODE_LENGTH:
        return None
    found = ResumeCode.objects.filter(code=code, expires_at__gt=timezone.now()).first()
    return found.payload if found else None
