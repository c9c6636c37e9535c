"""Nothing lost: the second mediator saving a stale form is told; nothing is overwritten."""

from __future__ import annotations

import pytest
from django.utils import timezone

from guichet_web.accueil.models import PersonFile
from guichet_web.accueil.services import StaleVersion, demarches, files

from . import factories


def test_a_stale_version_is_refused_by_the_service(agent):
    person = factories.person_file(agent)
    first = PersonFile.objects.get(pk=person.pk)
    second = PersonFile.objects.get(pk=person.pk)
    files.update_identity(agent, first, 1, last_name="Traoré")
    with pytest.raises(StaleVersion):
        files.update_identity(agent, second, 1, last_name="Keita")
    person.refresh_from_db()
    assert person.last_name == "Traoré" and person.version == 2


def test_two_mediators_on_the_same_file(client, people, person):
    """Both open the form at version 1; the first saves; the second is told."""
    other = factories.staff()
    from django.test import Client

    second = Client()
    factories.sign_in(client, people["agent"])
    factories.sign_in(second, other)
    url = f"/accueil/personnes/{person.pk}/modifier"
    form = {"first_name": "Awa", "last_name": "Traoré", "version": "1"}
    assert client.post(url, form).status_code == 302
    response = second.post(url, {**form, "last_name": "Keita", "phone": "0612345678"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "a enregistré une modification pendant que vous écriviez" in page
    assert "La version enregistrée maintenant" in page and "Traoré" in page
    assert 'value="Keita"' in page  # what they typed is still there
    assert 'name="version" value="2"' in page
    person.refresh_from_db()
    assert (person.last_name, person.phone) == ("Traoré", "")
    # saving again, knowingly, on the current version works
    assert second.post(url, {**form, "last_name": "Keita", "version": "2"}).status_code == 302
    person.refresh_from_db()
    assert person.last_name == "Keita"


def test_a_stale_status_form(client, agent):
    person = factories.person_file(agent)
    followed = demarches.follow(agent, person, "rsa")
    demarches.change_status(agent, followed, 1, "en_cours", timezone.localdate())
    factories.sign_in(client, agent)
    response = client.post(
        f"/accueil/demarches-suivies/{followed.pk}/", {"status": "abandonnee", "version": "1"}
    )
    assert "pendant que vous écriviez" in response.content.decode()
    followed.refresh_from_db()
    assert followed.status == "en_cours"


def test_a_stale_referral_answer(client, people, person):
    referral = factories.referral(people["agent"], person)
    factories.sign_in(client, people["partner"])
    url = f"/accueil/orientations/{referral.pk}/"
    assert client.post(url, {"decision": "acceptee", "version": "1"}).status_code == 302
    response = client.post(url, {"decision": "cloturee", "version": "1"})
    assert "pendant que vous écriviez" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "acceptee"
