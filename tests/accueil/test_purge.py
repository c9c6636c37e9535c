"""Retention: `guichet purger` is a dry run by default; --execute anonymises, keeping counts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from guichet.cli import main
from guichet_web.accueil import conf, stats
from guichet_web.accueil.choices import Channel, Outcome
from guichet_web.accueil.models import JournalEntry, Note, PersonFile, Visit
from guichet_web.accueil.services import files, purge, visits

from . import factories

REASON = "sante--acces-aux-soins"


@pytest.fixture
def old_file(agent):
    person = factories.person_file(agent, phone="0612345678")
    files.add_note(agent, person, "Attend un courrier de la CPAM")
    visits.record_visit(
        agent,
        channel=Channel.PHONE,
        duration_minutes=10,
        reasons=[REASON],
        outcome=Outcome.FOLLOW_UP,
        person_file=person,
    )
    factories.referral(agent, person, reason="Demande de CSS")
    PersonFile.objects.filter(pk=person.pk).update(
        last_activity_at=timezone.now() - dt.timedelta(days=731)
    )
    return person


@pytest.fixture
def recent_file(agent):
    return factories.person_file(agent, first_name="Léa", last_name="Martin")


def test_default_periods_and_their_sources():
    assert conf.DEFAULT_RETENTION_DAYS == {"inactive_file": 730, "withdrawn_consent": 0}
    assert "2023-095" in conf.__doc__ and "17.1.b" in conf.__doc__


def test_dry_run_changes_nothing(old_file, recent_file):
    before = JournalEntry.objects.count()
    report = purge.purge()
    assert not report.executed
    assert report.inactive == [old_file.pk] and report.withdrawn == []
    old_file.refresh_from_db()
    assert old_file.last_name == "Diallo" and old_file.anonymised_at is None
    assert JournalEntry.objects.count() == before


def test_execute_anonymises_and_keeps_the_counts(old_file, recent_file):
    since = timezone.now() - dt.timedelta(days=3650)
    figures_before = stats.aggregates(since)
    report = purge.purge(execute=True)
    assert report.inactive == [old_file.pk]
    old_file.refresh_from_db()
    assert (old_file.first_name, old_file.last_name, old_file.phone) == ("", "", "")
    assert old_file.situation == {} and old_file.anonymised_at is not None
    assert not Note.objects.filter(person_file=old_file).exists()
    assert old_file.referrals.get().reason == ""
    assert Visit.objects.filter(person_file=old_file).count() == 1
    assert stats.aggregates(since)["visits"] == figures_before["visits"]
    assert JournalEntry.objects.filter(
        person_file_id=old_file.pk, action="dossier.anonymise", actor="système"
    ).exists()
    recent_file.refresh_from_db()
    assert recent_file.last_name == "Martin"
    assert purge.purge(execute=True).total == 0  # done once


def test_withdrawn_consent_is_anonymised_at_the_next_purge(agent, recent_file):
    files.withdraw_consent(agent, recent_file.consents.get())
    report = purge.purge(execute=True)
    assert report.withdrawn == [recent_file.pk]


def test_the_period_can_be_configured(settings, old_file):
    settings.GUICHET_RETENTION_DAYS = {"inactive_file": 1000}
    assert purge.purge().total == 0


class TestCommand:
    def test_dry_run_by_default(self, capsys, old_file):
        assert main(["purger"]) == 0
        out = capsys.readouterr().out
        assert "Simulation : rien n'est modifié." in out
        assert f"n° {old_file.pk}" in out and "--execute" in out
        old_file.refresh_from_db()
        assert old_file.anonymised_at is None

    def test_execute(self, capsys, old_file):
        assert main(["purger", "--execute"]) == 0
        assert "1 dossier anonymisé" in capsys.readouterr().out
        old_file.refresh_from_db()
        assert old_file.anonymised_at is not None

    def test_json(self, capsys, old_file):
        assert main(["purger", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["execute"] is False and data["inactifs"] == [old_file.pk]

    def test_bad_option_exits_2(self, capsys):
        assert main(["purger", "--vite"]) == 2
        assert "commande mal formée" in capsys.readouterr().err
