"""A citizen's resume code, read over the phone: the mediator takes the person's answers
into their file, only with their agreement, and never with an unknown or expired code."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from guichet_web.accueil.models import JournalEntry
from guichet_web.accueil.services import ServiceError, StaleVersion, resume
from guichet_web.kiosque import services as kiosk
from guichet_web.kiosque.models import ResumeCode

from ..web.htmlpage import page
from . import factories
from .fakes import FakeSimulator

ANSWERS = {
    "mois": "2026-05",
    "logement_statut": "locataire",
    "loyer": "450",
    "demandeur_age": "34",
    "demandeur_activite": "chomeur",
}
RIGHTS = {
    "mois": "2026-05",
    "aides": [{"id": "rsa", "libelle": "RSA", "montant": 573.42, "periodicite": "mensuelle"}],
}


@pytest.fixture(autouse=True)
def no_failed_codes():
    """The count of refused codes lives in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def simulator(monkeypatch):
    from guichet_web.pages import engines

    fake = FakeSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: fake)
    return fake


@pytest.fixture
def code(db):
    made = kiosk.create_resume_code({"besoins": [], "droits": RIGHTS, "reponses": ANSWERS})
    return kiosk.display_code(made.code)


def post(client, person, **data):
    fields = {"code": "", "accord": "on", "version": str(person.version), **data}
    return client.post(f"/accueil/personnes/{person.pk}/code-de-reprise", fields)


def test_the_code_brings_answers_and_results_into_the_file(client, agent, code):
    person = factories.person_file(agent)
    factories.sign_in(client, agent)
    detail = client.get(f"/accueil/personnes/{person.pk}/").content.decode()
    assert "Code de reprise donné par la personne" in detail
    assert "La personne est d&#x27;accord" in detail

    response = post(client, person, code=code.lower().replace("-", " "))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.situation_answers == ANSWERS
    assert person.situation["logement"] == {"statut": "locataire", "loyer": 450.0}
    assert person.simulation_results["aides"][0]["montant"] == 573.42
    assert person.version == 2
    shown = client.get(f"/accueil/personnes/{person.pk}/").content.decode()
    assert "Code accepté" in shown and "≈ 573" in shown
    entry = JournalEntry.objects.get(action="code_reprise.charge")
    assert entry.actor == agent.get_username() and entry.person_file_id == person.pk
    assert entry.detail == {"accord_personne": True, "repris": ["situation", "resultats"]}
    assert code.replace("-", "") not in str(entry.detail)


def test_without_the_persons_agreement_nothing_is_taken(client, agent, code):
    person = factories.person_file(agent)
    factories.sign_in(client, agent)
    response = post(client, person, code=code, accord="")
    html = response.content.decode()
    assert response.status_code == 200
    assert page(response).title.startswith("Erreur")
    assert "Sans l&#x27;accord de la personne, son code n&#x27;est pas utilisé." in html
    person.refresh_from_db()
    assert person.situation == {} and person.simulation_results is None
    assert not JournalEntry.objects.filter(action="code_reprise.charge").exists()
    with pytest.raises(ServiceError):
        resume.load_code(agent, person, person.version, code, agreed=False)


@pytest.mark.parametrize("typed", ["ABCD-EFGH", "KMT", "expired"])
def test_unknown_or_expired_codes_are_refused_in_plain_french(client, agent, code, typed):
    if typed == "expired":
        ResumeCode.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
        typed = code
    person = factories.person_file(agent)
    factories.sign_in(client, agent)
    response = post(client, person, code=typed)
    assert response.status_code == 200
    assert "Ce code n&#x27;existe pas ou n&#x27;est plus valable" in response.content.decode()
    person.refresh_from_db()
    assert person.situation == {} and person.version == 1


def test_a_code_with_only_results_fills_the_results(agent):
    made = kiosk.create_resume_code({"besoins": [], "droits": RIGHTS, "reponses": None})
    person = factories.person_file(agent)
    taken = resume.load_code(agent, person, person.version, made.code, agreed=True)
    assert taken == ["resultats"]
    person.refresh_from_db()
    assert person.situation == {} and person.simulation_results["origine"] == "code de reprise"


def test_a_code_with_nothing_to_take_says_so(agent):
    made = kiosk.create_resume_code({"besoins": [{"texte": "loyer", "demarches": []}]})
    person = factories.person_file(agent)
    with pytest.raises(ServiceError, match="rien à reprendre"):
        resume.load_code(agent, person, person.version, made.code, agreed=True)


def test_answers_the_simulator_refuses_are_not_taken(agent, simulator):
    simulator.refuse = ("Âge impossible", "personnes[0].age")
    made = kiosk.create_resume_code({"reponses": ANSWERS, "droits": None})
    person = factories.person_file(agent)
    with pytest.raises(ServiceError, match="rien à reprendre"):
        resume.load_code(agent, person, person.version, made.code, agreed=True)


def test_someone_elses_save_is_not_overwritten(client, agent, code):
    person = factories.person_file(agent)
    with pytest.raises(StaleVersion):
        resume.load_code(agent, person, person.version + 5, code, agreed=True)
    factories.sign_in(client, agent)
    response = post(client, person, code=code, version="7")
    assert "Quelqu&#x27;un d&#x27;autre a enregistré" in response.content.decode()


def test_only_who_may_edit_the_file_may_use_a_code(client, people, person, code):
    with pytest.raises(PermissionDenied):
        resume.load_code(people["stranger"], person, person.version, code, agreed=True)
    factories.sign_in(client, people["stranger"])
    assert post(client, person, code=code).status_code == 403
    assert client.get(f"/accueil/personnes/{person.pk}/code-de-reprise").status_code == 403


def test_many_wrong_codes_are_stopped(client, agent, code):
    from guichet_web.accueil.views import simulation as views

    person = factories.person_file(agent)
    factories.sign_in(client, agent)
    for _ in range(views.MAX_FAILED_CODES):
        post(client, person, code="ABCD-EFGH")
    response = post(client, person, code=code)
    assert "Trop de codes refusés" in response.content.decode()
    person.refresh_from_db()
    assert person.situation == {}
