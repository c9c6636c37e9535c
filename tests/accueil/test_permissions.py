"""Access control as a matrix: every desk view × every role and ownership case.

Actors: « agent » and « social » work at the structure that opened the file (France
services); « partner » at the CAF, to which the person was referred with consent;
« stranger » at the CPAM (no referral); the coordinator and the administrator of France
services; an account without staff profile.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from guichet_web.accueil import permissions
from guichet_web.accueil.choices import ReferralStatus
from guichet_web.accueil.services import appointments, demarches, files, purge, referrals

from . import factories

ACTORS = ("agent", "social", "partner", "stranger", "coordinator", "administrator", "noprofile")
OWNERS = {"agent", "social"}
MEDIATORS = {"agent", "social", "partner", "stranger"}
READERS = OWNERS | {"partner"}
AGGREGATES = {"coordinator", "administrator"}

# (url name, method, arguments taken from the objects, actors allowed)
VIEWS = [
    ("bureau", "get", (), MEDIATORS | AGGREGATES),  # aggregates: sent on to the figures
    ("passage", "get", (), MEDIATORS),
    ("passage", "post", (), MEDIATORS),
    ("chiffres", "get", (), AGGREGATES),
    ("personnes", "get", (), MEDIATORS),
    ("personne-nouvelle", "get", (), MEDIATORS),
    ("personne", "get", ("file",), READERS),
    ("personne-modifier", "get", ("file",), OWNERS),
    ("personne-modifier", "post", ("file",), OWNERS),
    ("note", "post", ("file",), OWNERS),
    ("accord-retirer", "get", ("file", "consent"), OWNERS),
    ("journal", "get", ("file",), OWNERS),
    ("droit-acces", "get", ("file",), OWNERS),
    ("export", "get", ("file",), OWNERS),
    ("situation", "get", ("file",), OWNERS),
    ("simuler", "post", ("file",), OWNERS),
    ("code-reprise", "get", ("file",), OWNERS),
    ("code-reprise", "post", ("file",), OWNERS),
    ("passage-personne", "get", ("file",), OWNERS),
    ("demarche-suivre", "post", ("file",), OWNERS),
    ("demarche", "get", ("followed",), READERS),
    ("demarche", "post", ("followed",), OWNERS),
    ("piece-ajouter", "post", ("followed",), OWNERS),
    ("piece", "post", ("document",), OWNERS),
    ("orienter", "get", ("file",), OWNERS),
    ("orientations", "get", (), MEDIATORS),
    ("orientation", "get", ("referral",), READERS),
    ("orientation", "post", ("referral",), {"partner"}),
    ("rendez-vous-prendre", "get", ("file",), OWNERS),
    ("rendez-vous", "get", ("appointment",), READERS),
    ("rendez-vous", "post", ("appointment",), OWNERS),
]


@pytest.fixture
def world(people, referred, django_user_model):
    agent = people["agent"]
    followed = demarches.follow(agent, referred, "rsa")
    document = demarches.add_document(agent, followed, "Avis d'imposition")
    appointment = appointments.book(
        agent,
        referred,
        structure=factories.structure(),
        starts_at=timezone.now() + dt.timedelta(days=2),
        purpose="Finir le dossier RSA",
    )
    actors = dict(people, noprofile=django_user_model.objects.create_user("sans-profil"))
    objects = {
        "file": referred.pk,
        "consent": referred.consents.first().pk,
        "followed": followed.pk,
        "document": document.pk,
        "referral": referred.referrals.get().pk,
        "appointment": appointment.pk,
    }
    return actors, objects


CASES = [
    pytest.param(name, method, args, actor, actor in allowed, id=f"{name}-{method}-{actor}")
    for name, method, args, allowed in VIEWS
    for actor in ACTORS
]


@pytest.mark.parametrize(("name", "method", "args", "actor", "allowed"), CASES)
def test_matrix(client, world, name, method, args, actor, allowed, fake_simulator):
    actors, objects = world
    factories.sign_in(client, actors[actor])
    url = f"/accueil/{_path(name, [objects[a] for a in args])}"
    response = getattr(client, method)(url)
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "connexion" not in response.url
    else:
        assert response.status_code == 403


def _path(name, args):
    from django.urls import reverse

    return reverse(f"accueil:{name}", args=args).removeprefix("/accueil/")


@pytest.fixture
def fake_simulator(monkeypatch):
    from guichet_web.pages import engines

    from .fakes import FakeSimulator

    simulator = FakeSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: simulator)
    return simulator


def test_the_matrix_covers_every_desk_view():
    from guichet_web.accueil.urls import PUBLIC, urlpatterns

    covered = {name for name, *_ in VIEWS}
    assert covered == {p.name for p in urlpatterns} - PUBLIC


class TestOwnershipCases:
    """The same functions, on the cases that change a file's state."""

    def test_partner_loses_access_when_the_referral_is_refused(self, people, referred):
        referral = referred.referrals.get()
        referrals.answer(people["partner"], referral, 1, ReferralStatus.REFUSED, "Pas chez nous")
        assert not permissions.can_view_file(people["partner"], referred)
        assert permissions.can_view_file(people["agent"], referred)

    def test_partner_keeps_reading_while_accepted_then_not_after_closure(self, people, referred):
        referral = referred.referrals.get()
        referrals.answer(people["partner"], referral, 1, ReferralStatus.ACCEPTED)
        assert permissions.can_view_file(people["partner"], referred)
        referrals.answer(people["partner"], referral, 2, ReferralStatus.CLOSED)
        assert not permissions.can_view_file(people["partner"], referred)

    def test_partner_loses_access_when_the_referral_consent_is_withdrawn(self, people, referred):
        consent = referred.referrals.get().consent
        files.withdraw_consent(people["agent"], consent)
        assert not permissions.can_view_file(people["partner"], referred)
        assert permissions.can_view_file(people["agent"], referred)

    def test_a_withdrawn_referral_consent_hides_the_referral_itself(self, client, people, referred):
        """Revocation honoured: the partner no longer lists it (nor the name on it), opens
        it, or answers it; the sending structure still sees its own referral."""
        referral = referred.referrals.select_related("consent").get()
        files.withdraw_consent(people["agent"], referral.consent)
        referral.refresh_from_db()
        assert not permissions.can_view_referral(people["partner"], referral)
        assert not permissions.can_answer_referral(people["partner"], referral)
        assert permissions.can_view_referral(people["agent"], referral)
        factories.sign_in(client, people["partner"])
        listing = client.get("/accueil/orientations/").content.decode()
        assert "Diallo" not in listing and f"/orientations/{referral.pk}/" not in listing
        assert ">Aucune orientation" in client.get("/accueil/").content.decode()
        assert client.get(f"/accueil/orientations/{referral.pk}/").status_code == 403
        answer = {"decision": "acceptee", "version": "1"}
        assert client.post(f"/accueil/orientations/{referral.pk}/", answer).status_code == 403
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.SENT
        with pytest.raises(PermissionDenied):
            referrals.answer(people["partner"], referral, 1, ReferralStatus.ACCEPTED)

    def test_partner_never_edits_nor_reads_notes(self, people, referred):
        assert not permissions.can_edit_file(people["partner"], referred)
        assert not permissions.can_view_notes(people["partner"], referred)

    def test_withdrawn_file_is_read_by_nobody_but_the_export(self, people, referred):
        files.withdraw_consent(people["agent"], referred.consents.get(purpose="dossier"))
        referred.refresh_from_db()
        for actor in people.values():
            assert not permissions.can_view_file(actor, referred)
            assert not permissions.can_edit_file(actor, referred)
        assert permissions.can_export_file(people["agent"], referred)
        assert not permissions.can_export_file(people["partner"], referred)

    def test_anonymised_file_is_read_by_nobody(self, people, person):
        purge.anonymise(person, "essai")
        for actor in people.values():
            assert not permissions.can_view_file(actor, person)
            assert not permissions.can_export_file(actor, person)

    def test_aggregates_only_for_coordinator_and_administrator(self, people, person):
        for name, actor in people.items():
            assert permissions.can_view_stats(actor) == (name in AGGREGATES)
        assert not permissions.can_view_file(people["coordinator"], person)

    def test_an_inactive_account_can_do_nothing(self, people, person):
        agent = people["agent"]
        agent.is_active = False
        assert not permissions.can_view_file(agent, person)
        assert not permissions.can_use_desk(agent)

    def test_services_refuse_too(self, people, person):
        with pytest.raises(PermissionDenied):
            files.add_note(people["stranger"], person, "intrusion")
        with pytest.raises(PermissionDenied):
            files.open_file(people["coordinator"], consent_sha256="x", first_name="A")
