"""The appointment reminder (one SMS, a printed sheet) and the coordinator's aggregates."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from guichet_web.accueil import reminders, stats
from guichet_web.accueil.choices import Channel, Outcome
from guichet_web.accueil.services import appointments, demarches, referrals, visits

from . import factories

REASON = "sante--acces-aux-soins"


def _appointment(agent, **kwargs):
    person = factories.person_file(agent)
    local = timezone.localtime() + dt.timedelta(days=3)
    starts = local.replace(hour=14, minute=30, second=0, microsecond=0)
    return appointments.book(
        agent,
        person,
        structure=factories.structure(),
        starts_at=starts,
        purpose="Dossier de complémentaire santé",
        **kwargs,
    )


def test_the_sms_fits_in_one_message_and_says_when_and_where(agent):
    appointment = _appointment(agent, bring="Avis d'imposition, RIB")
    text = reminders.sms_text(appointment)
    assert len(text) <= reminders.SMS_LENGTH
    assert "14 h 30" in text and "France services Planoise" in text
    assert "03 81 00 00 00" in text
    assert "Diallo" not in text  # no name in a text that may be read by anyone


def test_the_printed_sheet_has_one_idea_per_line(agent):
    lines = reminders.printed_lines(_appointment(agent, bring="RIB"))
    assert lines[0] == "Votre rendez-vous : Dossier de complémentaire santé"
    assert any(line.startswith("À apporter : RIB") for line in lines)
    assert lines[-1].startswith("Si vous ne pouvez pas venir, appelez le")


def test_when_is_said_in_words(agent):
    moment = timezone.make_aware(dt.datetime(2026, 6, 1, 9, 0))
    assert reminders.when(moment) == "lundi 1er juin à 9 h"


def test_aggregates(people, person):
    agent = people["agent"]
    for channel in (Channel.PHONE, Channel.PHONE, Channel.KIOSK):
        visits.record_visit(
            agent,
            channel=channel,
            duration_minutes=10,
            reasons=[REASON],
            outcome=Outcome.INFORMATION,
        )
    followed = demarches.follow(agent, person, "css")
    demarches.change_status(agent, followed, 1, "deposee", timezone.localdate())
    for days, level in ((5, 1), (0, 3)):
        visits.record_visit(
            agent,
            channel=Channel.DESK,
            duration_minutes=30,
            reasons=[REASON],
            outcome=Outcome.FOLLOW_UP,
            person_file=person,
            autonomy={"css": level},
            at=timezone.now() - dt.timedelta(days=days),
        )
    referral = factories.referral(agent, person)
    referrals.answer(people["partner"], referral, 1, "acceptee")
    figures = stats.aggregates(timezone.now() - dt.timedelta(days=30))
    channels = {row["label"]: row["count"] for row in figures["visits"]["channels"]}
    assert channels == {"téléphone": 2, "accueil physique": 2, "poste en libre accès": 1}
    assert figures["visits"]["anonymous"] == 3
    assert figures["visits"]["reasons"][0] == {"label": "Accès aux soins", "count": 5}
    assert figures["demarches"]["funnel"] == {"followed": 1, "filed": 1, "granted": 0}
    assert figures["autonomy"] == {"followed": 1, "better": 1, "same": 0, "lower": 0}
    [partner] = figures["referrals"]
    assert (partner["partner"], partner["sent"], partner["accepted"]) == ("CAF du Doubs", 1, 1)
    assert partner["median_days"] == 0.0
