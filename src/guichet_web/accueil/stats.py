"""Aggregates for the coordinator: counts only, never a person (issue 7, item 7)."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

from django.db.models import Avg, Count

from .catalogue import demarche_title, thematique_label
from .choices import AppointmentStatus, Channel, DemarcheStatus, ReferralStatus
from .models import Appointment, FollowedDemarche, Referral, Visit, VisitDemarche

TOP_REASONS = 10


def _visits(since) -> dict:
    visits = Visit.objects.filter(at__gte=since)
    by_channel = {
        row["channel"]: row
        for row in visits.values("channel").annotate(n=Count("id"), minutes=Avg("duration_minutes"))
    }
    reasons = Counter(value for row in visits.values_list("reasons", flat=True) for value in row)
    return {
        "total": visits.count(),
        "anonymous": visits.filter(person_file__isnull=True).count(),
        "channels": [
            {
                "label": channel.label,
                "count": by_channel.get(channel.value, {}).get("n", 0),
                "minutes": round(by_channel.get(channel.value, {}).get("minutes") or 0),
            }
            for channel in Channel
        ],
        "reasons": [
            {"label": thematique_label(value), "count": n}
            for value, n in reasons.most_common(TOP_REASONS)
        ],
    }


def _demarches(since) -> dict:
    followed = FollowedDemarche.objects.filter(opened_on__gte=since.date())
    per_status = dict(followed.values_list("status").annotate(n=Count("id")))
    per_demarche = Counter(followed.values_list("demarche_id", flat=True))
    return {
        "statuses": [
            {"label": status.label, "count": per_status.get(status.value, 0)}
            for status in DemarcheStatus
        ],
        "funnel": {
            "followed": followed.count(),
            "filed": followed.filter(filed_on__isnull=False).count(),
            "granted": per_status.get(DemarcheStatus.GRANTED, 0),
        },
        "top": [
            {"label": demarche_title(demarche_id), "count": n}
            for demarche_id, n in per_demarche.most_common(TOP_REASONS)
        ],
    }


def _autonomy(since) -> dict:
    """For each démarche followed with at least two levels seen: better, same or lower."""
    levels: dict[int, list[int]] = defaultdict(list)
    rows = (
        VisitDemarche.objects.filter(
            visit__at__gte=since, followed__isnull=False, autonomy__isnull=False
        )
        .order_by("visit__at", "id")
        .values_list("followed_id", "autonomy")
    )
    for followed_id, level in rows:
        levels[followed_id].append(level)
    compared = [steps for steps in levels.values() if len(steps) >= 2]
    return {
        "followed": len(compared),
        "better": sum(1 for s in compared if s[-1] > s[0]),
        "same": sum(1 for s in compared if s[-1] == s[0]),
        "lower": sum(1 for s in compared if s[-1] < s[0]),
    }


def _days(delta) -> float:
    return delta.total_seconds() / 86400


def _referrals(since) -> list[dict]:
    partners: dict[str, dict] = {}
    for referral in Referral.objects.filter(sent_at__gte=since).select_related("to_structure"):
        row = partners.setdefault(
            referral.to_structure_id,
            {"partner": referral.to_structure.nom, "statuses": Counter(), "delays": []},
        )
        row["statuses"][referral.status] += 1
        if referral.answered_at:
            row["delays"].append(_days(referral.answered_at - referral.sent_at))
    return [
        {
            "partner": row["partner"],
            "sent": sum(row["statuses"].values()),
            "waiting": row["statuses"][ReferralStatus.SENT],
            "accepted": row["statuses"][ReferralStatus.ACCEPTED]
            + row["statuses"][ReferralStatus.CLOSED],
            "refused": row["statuses"][ReferralStatus.REFUSED],
            "median_days": round(statistics.median(row["delays"]), 1) if row["delays"] else None,
        }
        for row in sorted(partners.values(), key=lambda r: r["partner"])
    ]


def _appointments(since) -> dict:
    past = Appointment.objects.filter(starts_at__gte=since).exclude(
        status__in=[AppointmentStatus.PLANNED, AppointmentStatus.CANCELLED]
    )
    total = past.count()
    no_show = past.filter(status=AppointmentStatus.NO_SHOW).count()
    return {
        "total": total,
        "no_show": no_show,
        "rate": round(100 * no_show / total) if total else None,
    }


def aggregates(since) -> dict:
    return {
        "visits": _visits(since),
        "demarches": _demarches(since),
        "autonomy": _autonomy(since),
        "referrals": _referrals(since),
        "appointments": _appointments(since),
    }
