"""The desk's settings, with defaults that a deployment can override in Django's settings.

Retention periods (GUICHET_RETENTION_DAYS, in days), and where each default comes from:

- ``inactive_file``: 730 days (2 years) after the last contact. CNIL, « Référentiel relatif
  aux durées de conservation dans le secteur social et médico-social », délibération
  n° 2023-095 du 14 septembre 2023 : base active « 2 ans à compter du dernier contact avec la
  personne ayant fait l'objet de l'accompagnement » ; same period in the référentiel of the
  délibération n° 2021-028 du 11 mars 2021 (accueil et accompagnement social).
- ``withdrawn_consent``: 0 days. The file exists only by consent (RGPD art. 6.1.a) ; once it
  is withdrawn there is no other basis and the data must be erased (RGPD art. 17.1.b) : the
  next purge anonymises it.

The journal itself is never purged by the application (append-only, enforced by the database):
it holds staff names, actions and file numbers, never the person's identity, which is on the
file and goes with the anonymisation.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

DEFAULT_RETENTION_DAYS = {"inactive_file": 730, "withdrawn_consent": 0}

# A desk session ends after 30 minutes without a page (a shared computer at the desk), and
# in any case after a working day.
DEFAULT_IDLE_MINUTES = 30
DEFAULT_MAX_SESSION_HOURS = 10


def retention_days() -> dict[str, int]:
    return {**DEFAULT_RETENTION_DAYS, **getattr(settings, "GUICHET_RETENTION_DAYS", {})}


def retention(name: str) -> dt.timedelta:
    return dt.timedelta(days=retention_days()[name])


def idle_seconds() -> int:
    return int(getattr(settings, "GUICHET_ACCUEIL_IDLE_MINUTES", DEFAULT_IDLE_MINUTES)) * 60


def max_session_seconds() -> int:
    hours = getattr(settings, "GUICHET_ACCUEIL_MAX_SESSION_HOURS", DEFAULT_MAX_SESSION_HOURS)
    return int(hours) * 3600
