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

- ``journal``: 365 days (1 year). The journal is a log of who read and changed what: the
  CNIL recommends keeping such logs « pendant une durée comprise entre six mois et un an »
  (délibération n° 2021-122 du 14 octobre 2021 portant adoption d'une recommandation relative
  à la journalisation, JORFTEXT000044272396). One year, the upper bound, lets a person's
  right of access show a year of reads of their file. It holds staff usernames, actions,
  file numbers and ids, never the person's identity nor free text, which are on the file and
  go with its anonymisation. It cannot be set under 183 days: the database's triggers refuse
  to delete a younger row (journal_sql.MINIMUM_RETENTION_DAYS). The same period applies to
  the sign-in logs of django-axes (address, browser, username), logs of the same kind.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .journal_sql import MINIMUM_RETENTION_DAYS

DEFAULT_RETENTION_DAYS = {"inactive_file": 730, "withdrawn_consent": 0, "journal": 365}

# A desk session ends after 30 minutes without a page (a shared computer at the desk), and
# in any case after a working day.
DEFAULT_IDLE_MINUTES = 30
DEFAULT_MAX_SESSION_HOURS = 10


def retention_days() -> dict[str, int]:
    days = {**DEFAULT_RETENTION_DAYS, **getattr(settings, "GUICHET_RETENTION_DAYS", {})}
    if days["journal"] < MINIMUM_RETENTION_DAYS:
        raise ImproperlyConfigured(
            f"GUICHET_RETENTION_DAYS : le journal se garde au moins {MINIMUM_RETENTION_DAYS} "
            f"jours (recommandation de la CNIL : six mois à un an), pas {days['journal']}."
        )
    return days


def retention(name: str) -> dt.timedelta:
    return dt.timedelta(days=retention_days()[name])


def idle_seconds() -> int:
    return int(getattr(settings, "GUICHET_ACCUEIL_IDLE_MINUTES", DEFAULT_IDLE_MINUTES)) * 60


def max_session_seconds() -> int:
    hours = getattr(settings, "GUICHET_ACCUEIL_MAX_SESSION_HOURS", DEFAULT_MAX_SESSION_HOURS)
    return int(hours) * 3600
