"""A staff account guessed from many addresses is locked too.

django-axes locks a username *from one address* after AXES_FAILURE_LIMIT wrong passwords
(settings.py): someone changing address could go on guessing the same account.  Here the
wrong passwords of a username from every address are added up over the same cool-off time
(AXES_COOLOFF_TIME); from ACCOUNT_FAILURE_LIMIT on, the account cannot sign in from anywhere,
even with the right password, until the oldest of them is that old.  The limit is higher
than axes' own, so that one colleague mistyping cannot lock the account for everybody; a
locked account is unlocked by time, or by an administrator (django-axes' `axes_reset`).
"""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

ACCOUNT_FAILURE_LIMIT = 20  # tous lieux confondus ; AXES_FAILURE_LIMIT (5) par adresse


def account_locked(username: str) -> bool:
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return (failures or 0) >= ACCOUNT_FAILURE_LIMIT
