"""Retention: `guichet purger` is a dry run by default; --execute anonymises, keeping counts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from guichet.cli import main
from guichet_web.accueil import conf, stats
from guichet_web.accueil.choices import Autonomy, Channel, Outcome
from guichet_web.accueil.models import DocumentItem, JournalEntry, Note, PersonFile, Visit
from guichet_web.accueil.services import (
    appointments,
    demarches,
    files,
    purge,
    referrals,
    simulation,
    visits,
)

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
    assert conf.DEFAULT_RETENTION_DAYS == {
        "inactive_file": 730,
        "withdrawn_consent": 0,
        "journal": 365,
    }
    assert "2023-095" in conf.__doc__ and "17.1.b" in conf.__doc__
    assert "2021-122" in conf.__doc__ and "entre six mois et un an" in conf.__doc__


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


class TestNothingPersonalLeftAfterThePurge:
    """Everything a mediator can type about a person, then the purge: the file is emptied
    and the journal, which is not rewritten, never held any of it."""

    SECRETS = (
        "Zéphyrine",
        "Quintal-Abernathy",
        "0698765432",
        "1957",
        "Violences conjugales",  # a note
        "Expulsion locative",  # a referral's reason
        "Dossier incomplet MDPH",  # its refusal reason
        "Audience au tribunal",  # an appointment's purpose
        "Certificat du Dr Lambert",  # its « à apporter »
        "Attestation de l'avocat",  # a document added by hand
        "1234.5",  # an income in the situation
    )

    @pytest.fixture
    def everything(self, people):
        agent, partner = people["agent"], people["partner"]
        person = factories.person_file(
            agent, first_name="Zéphyrine", last_name="Quintal-Abernathy", phone="0698765432"
        )
        files.update_identity(agent, person, person.version, birth_year=1957)
        files.add_note(agent, person, "Violences conjugales, ne pas appeler le soir")
        person.refresh_from_db()
        simulation.save_situation(
            agent,
            person,
            person.version,
            answers={"revenus": "1234.5"},
            situation={"revenus": 1234.5},
        )
        followed = demarches.follow(agent, person, "rsa")
        demarches.add_document(agent, followed, "Attestation de l'avocat")
        visits.record_visit(
            agent,
            channel=Channel.DESK,
            duration_minutes=20,
            reasons=[REASON],
            outcome=Outcome.REFERRED,
            person_file=person,
            autonomy={"rsa": Autonomy.DONE_WITH},
        )
        referral = factories.referral(agent, person, reason="Expulsion locative")
        referrals.answer(partner, referral, referral.version, "refusee", "Dossier incomplet MDPH")
        appointments.book(
            agent,
            person,
            structure=factories.structure(),
            starts_at=timezone.now() + dt.timedelta(days=2),
            purpose="Audience au tribunal",
            bring="Certificat du Dr Lambert",
        )
        files.record_read(agent, person, "dossier")
        files.withdraw_consent(agent, person.consents.get(purpose="dossier"))
        return person

    def test_the_journal_never_held_it(self, everything):
        purge.purge(execute=True)
        rows = list(JournalEntry.objects.filter(person_file_id=everything.pk).values())
        assert len(rows) > 10
        text = json.dumps(rows, default=str, ensure_ascii=False)
        for secret in self.SECRETS:
            assert secret not in text, secret

    @staticmethod
    def held(person) -> str:
        return json.dumps(
            [
                PersonFile.objects.filter(pk=person.pk).values().get(),
                list(person.referrals.values()),
                list(person.appointments.values()),
                list(DocumentItem.objects.filter(followed__person_file=person).values()),
                list(Note.objects.filter(person_file=person).values()),
            ],
            default=str,
            ensure_ascii=False,
        )

    def test_the_file_and_what_hangs_on_it_are_emptied(self, everything):
        before = self.held(everything)
        assert all(secret in before for secret in self.SECRETS)
        purge.purge(execute=True)
        everything.refresh_from_db()
        after = self.held(everything)
        for secret in self.SECRETS:
            assert secret not in after, secret
        # what the figures need is kept
        assert everything.visits.get().demarches.get().autonomy == Autonomy.DONE_WITH
        assert DocumentItem.objects.filter(followed__person_file=everything).count() > 1


def old_row(days: int, action: str = "dossier.lu") -> JournalEntry:
    return JournalEntry.objects.create(
        at=timezone.now() - dt.timedelta(days=days), actor="agent1", action=action
    )


class TestJournalRetention:
    """One year by default (CNIL, délibération n° 2021-122), never under 183 days."""

    def test_dry_run_counts_and_deletes_nothing(self, db):
        old, young = old_row(400), old_row(300)
        report = purge.purge()
        assert report.journal_rows == 1
        assert JournalEntry.objects.filter(pk__in=[old.pk, young.pk]).count() == 2

    def test_execute_deletes_only_the_rows_past_the_period_and_says_so(self, db):
        old, young, today = old_row(400), old_row(300), old_row(0)
        report = purge.purge(execute=True)
        assert report.journal_rows == 1
        assert not JournalEntry.objects.filter(pk=old.pk).exists()
        assert JournalEntry.objects.filter(pk__in=[young.pk, today.pk]).count() == 2
        entry = JournalEntry.objects.get(action="journal.purge")
        assert entry.actor == "système" and entry.detail["lignes"] == 1
        assert purge.purge(execute=True).journal_rows == 0  # done once

    def test_the_journal_is_still_append_only_after_a_purge(self, db):
        young = old_row(10)
        purge.purge(execute=True)
        if connection.vendor == "sqlite":
            with (
                pytest.raises(DatabaseError, match="ajout seul"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute("DELETE FROM accueil_journalentry WHERE id = %s", [young.pk])
        assert JournalEntry.objects.filter(pk=young.pk).exists()

    def test_the_period_can_be_longer(self, settings, db):
        settings.GUICHET_RETENTION_DAYS = {"journal": 3 * 365}
        old_row(400)
        assert purge.purge(execute=True).journal_rows == 0

    def test_a_period_under_the_floor_is_refused(self, settings, db, capsys):
        settings.GUICHET_RETENTION_DAYS = {"journal": 30}
        old_row(40)
        with pytest.raises(ImproperlyConfigured, match="au moins 183 jours"):
            purge.purge(execute=True)
        assert main(["purger", "--execute"]) == 2
        assert "au moins 183 jours" in capsys.readouterr().err
        assert JournalEntry.objects.count() == 1

    def test_old_sign_in_logs_go_too(self, db):
        for model, extra in ((AccessLog, {}), (AccessAttempt, {"failures_since_start": 2})):
            for name in ("agent1", "agent2"):
                model.objects.create(username=name, ip_address="203.0.113.5", **extra)
            model.objects.filter(username="agent1").update(
                attempt_time=timezone.now() - dt.timedelta(days=400)
            )
        assert purge.purge().sign_in_logs == 2
        purge.purge(execute=True)
        assert list(AccessLog.objects.values_list("username", flat=True)) == ["agent2"]
        assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["agent2"]

    def test_the_command_tells_the_journal_too(self, capsys, db):
        old_row(400)
        assert main(["purger"]) == 0
        out = capsys.readouterr().out
        assert "Aucun dossier à anonymiser." in out
        assert "Journal : 1 ligne et 0 trace de connexion de plus de 365 jours à effacer." in out
        assert "guichet purger --execute" in out
        assert main(["purger", "--execute", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["journal_lignes"] == 1 and data["durees_jours"]["journal"] == 365
