"""Consent: what, when, by whom, on which text (SHA-256); revocable, and honoured."""

from __future__ import annotations

import hashlib

import pytest

from guichet_web.accueil import consent as texts
from guichet_web.accueil.choices import ConsentPurpose
from guichet_web.accueil.models import JournalEntry, PersonFile
from guichet_web.accueil.services import ServiceError, files

from . import factories


def test_the_fingerprint_is_the_sha256_of_the_exact_text():
    text = texts.current_text(ConsentPurpose.FILE)
    assert texts.current_fingerprint("dossier") == hashlib.sha256(text.encode()).hexdigest()
    assert texts.text_for(texts.current_fingerprint("dossier")) == text
    assert texts.text_for("0" * 64) is None


def test_opening_a_file_records_what_when_who_and_the_text(agent):
    person = factories.person_file(agent)
    consent = person.consents.get()
    assert consent.purpose == ConsentPurpose.FILE
    assert consent.recorded_by == agent
    assert consent.given_at is not None
    assert consent.text_sha256 == texts.current_fingerprint(ConsentPurpose.FILE)
    assert consent.in_force


def test_a_text_changed_since_the_page_was_shown_is_refused(agent):
    with pytest.raises(ServiceError, match="texte de l'accord a changé"):
        files.open_file(agent, consent_sha256="a" * 64, first_name="Awa", last_name="Diallo")
    assert not PersonFile.objects.exists()
    assert not JournalEntry.objects.exists()


class TestWithdrawal:
    def test_withdrawal_is_recorded_and_closes_the_file(self, people, referred):
        agent = people["agent"]
        files.withdraw_consent(agent, referred.consents.get(purpose="dossier"))
        referred.refresh_from_db()
        assert referred.consent_withdrawn_at is not None
        assert not referred.is_open
        assert all(c.revoked_at and c.revoked_by == agent for c in referred.consents.all())
        actions = JournalEntry.objects.filter(person_file_id=referred.pk, action="accord.retire")
        assert actions.count() == 2  # the file's consent and the referral's

    def test_after_withdrawal_only_the_export_reads(self, client, people, referred):
        files.withdraw_consent(people["agent"], referred.consents.get(purpose="dossier"))
        factories.sign_in(client, people["agent"])
        assert client.get(f"/accueil/personnes/{referred.pk}/").status_code == 403
        assert client.get(f"/accueil/personnes/{referred.pk}/situation").status_code == 403
        assert client.get(f"/accueil/personnes/{referred.pk}/export.json").status_code == 200
        page = client.get(f"/accueil/personnes/{referred.pk}/droit-d-acces")
        assert page.status_code == 200
        assert "retiré son accord" in page.content.decode()

    def test_a_withdrawn_file_leaves_lists_and_searches(self, client, people, person):
        files.withdraw_consent(people["agent"], person.consents.get())
        factories.sign_in(client, people["agent"])
        page = client.get("/accueil/personnes/?q=Diallo").content.decode()
        assert "Aucun dossier trouvé" in page
        assert f"/accueil/personnes/{person.pk}/" not in page

    def test_withdrawing_twice_is_said(self, people, person):
        consent = person.consents.get()
        files.withdraw_consent(people["agent"], consent)
        consent.refresh_from_db()
        with pytest.raises(ServiceError, match="déjà retiré"):
            files.withdraw_consent(people["agent"], consent)

    def test_withdrawal_through_the_page(self, client, people, person):
        factories.sign_in(client, people["agent"])
        consent = person.consents.get()
        url = f"/accueil/personnes/{person.pk}/accords/{consent.pk}/retirer"
        assert "retire son accord" in client.get(url).content.decode()
        response = client.post(url)
        assert response.url == f"/accueil/personnes/{person.pk}/droit-d-acces"
        consent.refresh_from_db()
        assert consent.revoked_at is not None
