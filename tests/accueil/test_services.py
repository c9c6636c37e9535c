"""Every state change goes through a service that journals in the same transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from guichet_web.accueil import stats
from guichet_web.accueil.choices import Autonomy, Channel, DemarcheStatus, Outcome
from guichet_web.accueil.models import (
    JournalEntry,
    Note,
    PersonFile,
    Referral,
    Visit,
    VisitDemarche,
)
from guichet_web.accueil.services import (
    ServiceError,
    appointments,
    base,
    demarches,
    files,
    referrals,
    simulation,
    visits,
)

from . import factories

REASON = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"


def actions(person_file=None) -> list[str]:
    rows = JournalEntry.objects.all()
    if person_file is not None:
        rows = rows.filter(person_file_id=person_file.pk)
    return list(rows.values_list("action", flat=True))


def test_opening_a_file_journals_the_file_and_the_consent(agent):
    person = factories.person_file(agent)
    assert actions(person) == ["dossier.ouvert", "accord.donne"]


def test_a_failing_service_leaves_no_row_and_no_journal(agent, monkeypatch):
    person = factories.person_file(agent)
    before = JournalEntry.objects.count()

    def broken(*args, **kwargs):
        raise RuntimeError("panne au milieu")

    monkeypatch.setattr(files, "touch", broken)  # after the note is written, before journal
    with pytest.raises(RuntimeError):
        files.add_note(agent, person, "Rappeler la CAF")
    assert not Note.objects.exists()
    assert JournalEntry.objects.count() == before


def test_a_failing_journal_undoes_the_change(agent, monkeypatch):
    person = factories.person_file(agent)

    def broken(*args, **kwargs):
        raise RuntimeError("journal indisponible")

    monkeypatch.setattr(files, "record", broken)
    with pytest.raises(RuntimeError):
        files.update_identity(agent, person, person.version, last_name="Traoré")
    person.refresh_from_db()
    assert person.last_name == "Diallo" and person.version == 1


def test_a_refused_referral_leaves_no_consent_and_no_journal(people, person):
    before = JournalEntry.objects.count()
    with pytest.raises(ServiceError):
        factories.referral(people["agent"], person, reason="  ")
    assert not Referral.objects.exists()
    assert person.consents.count() == 1
    assert JournalEntry.objects.count() == before


def test_the_journal_names_fields_never_values(agent):
    person = factories.person_file(agent)
    files.update_identity(agent, person, 1, first_name="Aïssata", phone="0612345678")
    entry = JournalEntry.objects.get(action="dossier.modifie")
    assert entry.detail == {"champs": ["first_name", "phone"]}
    assert "0612345678" not in str(entry.detail)


def test_reads_are_journaled(client, agent):
    person = factories.person_file(agent)
    factories.sign_in(client, agent)
    client.get(f"/accueil/personnes/{person.pk}/")
    entry = JournalEntry.objects.filter(action="dossier.lu").get()
    assert entry.person_file_id == person.pk
    assert entry.detail == {"page": "dossier"}


class TestVisits:
    def test_an_anonymous_visit_has_no_file(self, agent):
        visit = visits.record_visit(
            agent,
            channel=Channel.PHONE,
            duration_minutes=10,
            reasons=[REASON],
            outcome=Outcome.INFORMATION,
            demarche_ids=["rsa"],
        )
        assert visit.person_file is None
        assert visit.structure_id == "france-services-planoise"
        assert list(visit.demarches.values_list("demarche_id", flat=True)) == ["rsa"]
        assert actions() == ["passage.anonyme"]

    @pytest.mark.parametrize(
        ("field", "kwargs"),
        [
            ("channel", {"channel": "pigeon"}),
            ("duration_minutes", {"duration_minutes": 0}),
            ("reasons", {"reasons": []}),
            ("reasons", {"reasons": ["inconnu"]}),
            ("outcome", {"outcome": "?"}),
        ],
    )
    def test_bad_input_is_named(self, agent, field, kwargs):
        values = {
            "channel": Channel.DESK,
            "duration_minutes": 10,
            "reasons": [REASON],
            "outcome": Outcome.RESOLVED,
            **kwargs,
        }
        with pytest.raises(ServiceError) as error:
            visits.record_visit(agent, **values)
        assert error.value.field == field
        assert not Visit.objects.exists() and not JournalEntry.objects.exists()

    def test_autonomy_is_recorded_per_demarche_and_shows_progress(self, agent):
        person = factories.person_file(agent)
        followed = demarches.follow(agent, person, "prime-activite")
        common = {"channel": Channel.DESK, "duration_minutes": 20, "reasons": [REASON]}
        now = timezone.now()
        for days, level in ((6, Autonomy.DONE_FOR), (3, Autonomy.DONE_WITH), (0, 3)):
            visits.record_visit(
                agent,
                **common,
                outcome=Outcome.FOLLOW_UP,
                person_file=person,
                autonomy={"prime-activite": level},
                at=now - dt.timedelta(days=days),
            )
        followed.refresh_from_db()
        assert followed.autonomy == Autonomy.ALONE_WITH_HELP
        [progress] = visits.autonomy_progress(person)
        assert [s["level"] for s in progress["steps"]] == [1, 2, 3]
        assert progress["gain"] == 2
        assert progress["steps"][0]["label"] == "fait pour la personne"


class TestVisitDate:
    """A phone call noted afterwards: backdated within the week, never in the future; the
    journal keeps when it happened and when it was recorded."""

    common = {
        "channel": Channel.PHONE,
        "duration_minutes": 10,
        "reasons": [REASON],
        "outcome": Outcome.INFORMATION,
    }

    def test_now_by_default(self, agent):
        before = timezone.now()
        visit = visits.record_visit(agent, **self.common)
        assert before <= visit.at <= timezone.now()

    def test_backdated_within_the_week_keeps_both_dates(self, agent):
        happened = timezone.now() - dt.timedelta(days=3, hours=2)
        visit = visits.record_visit(agent, **self.common, at=happened)
        assert Visit.objects.get().at == happened
        entry = JournalEntry.objects.get(action="passage.anonyme")
        assert dt.datetime.fromisoformat(entry.detail["passage_le"]) == happened
        assert timezone.now() - entry.at < dt.timedelta(minutes=1)  # recorded now
        assert entry.object_id == visit.pk

    @pytest.mark.parametrize(
        ("shift", "message"),
        [
            (dt.timedelta(hours=1), "dans le futur"),
            (dt.timedelta(days=1), "dans le futur"),
            (-dt.timedelta(days=8), "au plus tard 7 jours après"),
            (-dt.timedelta(days=365 * 30), "au plus tard 7 jours après"),
        ],
    )
    def test_future_and_too_old_are_refused_on_the_field(self, agent, shift, message):
        with pytest.raises(ServiceError) as error:
            visits.record_visit(agent, **self.common, at=timezone.now() + shift)
        assert error.value.field == "at" and message in error.value.message
        assert not Visit.objects.exists() and not JournalEntry.objects.exists()

    def test_a_few_minutes_ahead_is_not_the_future(self, agent):
        """A time typed to the minute, or a clock slightly ahead, is accepted."""
        visits.record_visit(agent, **self.common, at=timezone.now() + dt.timedelta(minutes=2))
        assert Visit.objects.count() == 1

    def test_a_backdated_visit_does_not_overwrite_a_later_autonomy(self, agent):
        person = factories.person_file(agent)
        followed = demarches.follow(agent, person, "rsa")
        common = {**self.common, "person_file": person}
        visits.record_visit(agent, **common, autonomy={"rsa": Autonomy.ALONE_WITH_HELP})
        visits.record_visit(
            agent,
            **common,
            autonomy={"rsa": Autonomy.DONE_FOR},
            at=timezone.now() - dt.timedelta(days=2),
        )
        followed.refresh_from_db()
        assert followed.autonomy == Autonomy.ALONE_WITH_HELP  # the latest seen
        [progress] = visits.autonomy_progress(person)
        assert [s["level"] for s in progress["steps"]] == [1, 3]  # in the order they happened
        assert progress["gain"] == 2


class TestAutonomyNeedsAFile:
    """Autonomy belongs to a person's démarche: refused on an anonymous visit, refused on a
    démarche the file does not follow; nothing is written and the figures stay right."""

    common = TestVisitDate.common

    def test_refused_on_an_anonymous_visit(self, agent):
        since = timezone.now() - dt.timedelta(days=30)
        figures = stats.aggregates(since)
        with pytest.raises(ServiceError) as error:
            visits.record_visit(agent, **self.common, autonomy={"rsa": Autonomy.AUTONOMOUS})
        assert error.value.field == "autonomy"
        assert "dossier de la personne" in error.value.message
        assert not Visit.objects.exists() and not VisitDemarche.objects.exists()
        assert not JournalEntry.objects.exists()
        assert stats.aggregates(since) == figures

    def test_no_level_is_no_autonomy(self, agent):
        """A form that sends « not worked on today » (None) is an ordinary visit."""
        visit = visits.record_visit(agent, **self.common, autonomy={"rsa": None})
        assert not visit.demarches.exists()

    def test_refused_on_a_demarche_not_followed(self, agent):
        person = factories.person_file(agent)
        with pytest.raises(ServiceError) as error:
            visits.record_visit(
                agent, **self.common, person_file=person, autonomy={"css": Autonomy.DONE_WITH}
            )
        assert error.value.field == "autonomy" and "suivez d'abord" in error.value.message
        assert not Visit.objects.exists()

    def test_the_figures_count_each_followed_demarche_once(self, agent):
        person = factories.person_file(agent)
        demarches.follow(agent, person, "rsa")
        for days, level in ((5, Autonomy.DONE_FOR), (1, Autonomy.ALONE_WITH_HELP)):
            visits.record_visit(
                agent,
                **self.common,
                person_file=person,
                autonomy={"rsa": level},
                at=timezone.now() - dt.timedelta(days=days),
            )
        visits.record_visit(agent, **self.common, demarche_ids=["rsa"])  # anonymous
        figures = stats.aggregates(timezone.now() - dt.timedelta(days=30))
        assert figures["autonomy"] == {"followed": 1, "better": 1, "same": 0, "lower": 0}
        assert figures["visits"]["total"] == 3 and figures["visits"]["anonymous"] == 1


class TestDemarches:
    def test_checklist_starts_from_the_catalogue(self, agent):
        from guichet.catalogue import load_catalogue

        person = factories.person_file(agent)
        followed = demarches.follow(agent, person, "rsa")
        expected = list(load_catalogue().get("rsa").documents)
        assert [d.label for d in followed.documents.all()] == expected

    def test_status_dates_are_kept(self, agent):
        person = factories.person_file(agent)
        followed = demarches.follow(agent, person, "rsa")
        today = timezone.localdate()
        demarches.change_status(agent, followed, 1, DemarcheStatus.FILED, today)
        demarches.change_status(agent, followed, 2, DemarcheStatus.GRANTED, None)
        followed.refresh_from_db()
        assert (followed.filed_on, followed.decided_on) == (today, today)
        assert followed.status == DemarcheStatus.GRANTED
        assert actions(person)[-2:] == ["demarche.statut", "demarche.statut"]

    def test_a_future_date_is_refused(self, agent):
        person = factories.person_file(agent)
        followed = demarches.follow(agent, person, "rsa")
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        with pytest.raises(ServiceError, match="futur"):
            demarches.change_status(agent, followed, 1, DemarcheStatus.FILED, tomorrow)

    def test_the_same_open_demarche_is_not_followed_twice(self, agent):
        person = factories.person_file(agent)
        demarches.follow(agent, person, "rsa")
        with pytest.raises(ServiceError, match="déjà suivie"):
            demarches.follow(agent, person, "rsa")


class TestReferrals:
    def test_sent_then_answered_with_delays(self, people, person):
        referral = factories.referral(people["agent"], person)
        assert referral.consent.purpose == "orientation"
        referrals.answer(people["partner"], referral, 1, "acceptee")
        referrals.answer(people["partner"], referral, 2, "cloturee")
        referral.refresh_from_db()
        delays = referrals.delays(referral)
        assert delays["answer"] is not None and delays["closure"] >= delays["answer"]
        assert actions(person)[-3:] == [
            "orientation.envoyee",
            "orientation.acceptee",
            "orientation.cloturee",
        ]

    def test_a_refusal_needs_a_reason(self, people, person):
        referral = factories.referral(people["agent"], person)
        with pytest.raises(ServiceError, match="motif du refus"):
            referrals.answer(people["partner"], referral, 1, "refusee", "")

    def test_a_closed_referral_cannot_be_reopened(self, people, person):
        referral = factories.referral(people["agent"], person)
        referrals.answer(people["partner"], referral, 1, "refusee", "Hors de nos missions")
        with pytest.raises(Exception):  # noqa: B017 - refused by permission or transition
            referrals.answer(people["partner"], referral, 2, "acceptee")


class TestAppointments:
    def test_booked_then_no_show(self, agent):
        person = factories.person_file(agent)
        appointment = appointments.book(
            agent,
            person,
            structure=factories.structure(),
            starts_at=timezone.now() + dt.timedelta(hours=1),
            purpose="Dossier CSS",
        )
        with pytest.raises(ServiceError, match="pas encore eu lieu"):
            appointments.set_status(agent, appointment, 1, "absent")
        appointment.starts_at = timezone.now() - dt.timedelta(hours=1)
        appointments.set_status(agent, appointment, 1, "absent")
        appointment.refresh_from_db()
        assert appointment.status == "absent"

    def test_the_past_is_refused(self, agent):
        person = factories.person_file(agent)
        with pytest.raises(ServiceError, match="futur"):
            appointments.book(
                agent,
                person,
                structure=factories.structure(),
                starts_at=timezone.now() - dt.timedelta(hours=1),
                purpose="x",
            )


class TestSimulation:
    def test_situation_and_results_are_stored_on_the_file(self, agent, monkeypatch):
        from guichet_web.pages import engines

        from .fakes import FakeSimulator

        simulator = FakeSimulator()
        monkeypatch.setattr(engines, "simulator", lambda: simulator)
        person = factories.person_file(agent)
        with pytest.raises(ServiceError, match="situation du foyer"):
            simulation.simulate(agent, person)
        situation = {"mois": "2026-05", "personnes": [{"role": "demandeur", "age": 30}]}
        simulation.save_situation(
            agent, person, 1, answers={"mois": "2026-05"}, situation=situation
        )
        results = simulation.simulate(agent, person)
        person = PersonFile.objects.get(pk=person.pk)
        assert person.situation == situation
        assert person.simulation_results == results and person.simulated_at
        assert simulator.parsed == [situation]
        assert actions(person)[-2:] == ["situation.enregistree", "simulation.calculee"]


def test_touch_moves_the_last_contact(agent):
    person = factories.person_file(agent)
    PersonFile.objects.filter(pk=person.pk).update(
        last_activity_at=timezone.now() - dt.timedelta(days=100)
    )
    person.refresh_from_db()
    base.touch(person)
    person.refresh_from_db()
    assert timezone.now() - person.last_activity_at < dt.timedelta(minutes=1)
