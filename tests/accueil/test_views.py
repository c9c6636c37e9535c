"""The desk's pages: accessible forms, the three-click visit, a file from start to end."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from guichet_web.accueil.models import Appointment, JournalEntry, PersonFile, Referral, Visit
from guichet_web.accueil.services import appointments, demarches

from ..web.htmlpage import page
from . import factories
from .fakes import FakeSimulator

REASON = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"


@pytest.fixture
def simulator(monkeypatch):
    from guichet_web.pages import engines

    fake = FakeSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: fake)
    return fake


@pytest.fixture
def desk(client, agent):
    factories.sign_in(client, agent)
    return client


def assert_accessible(response):
    html = page(response)
    assert response.status_code == 200
    assert html.h1_count == 1
    assert html.lang == "fr"
    labelled = html.labelled_ids()
    for field in html.fields():
        if field.get("type") in ("radio", "checkbox") or field.get("id") in labelled:
            assert field.get("id") in labelled, field
        else:
            raise AssertionError(f"champ sans étiquette : {field}")
    return html


class TestThreeClickVisit:
    def test_defaults_are_checked_so_three_clicks_suffice(self, desk):
        html = page(desk.get("/accueil/"))
        checked = {a["name"]: a["value"] for a in html.find_all("input") if "checked" in a}
        assert checked == {
            "channel": "accueil_physique",
            "duration_minutes": "10",
            "outcome": "information",
        }

    def test_channel_reason_save(self, desk, agent):
        response = desk.post(
            "/accueil/passages/nouveau",
            {
                "channel": "telephone",
                "reasons": [REASON],
                "duration_minutes": "10",
                "outcome": "information",
            },
        )
        assert response.status_code == 302 and response.url == "/accueil/"
        visit = Visit.objects.get()
        assert (visit.channel, visit.person_file, visit.staff) == ("telephone", None, agent)
        assert visit.reasons == [REASON]

    def test_a_reason_from_the_full_list(self, desk):
        desk.post(
            "/accueil/passages/nouveau",
            {
                "channel": "libre_acces",
                "other_reason": "sante--acces-aux-soins",
                "duration_minutes": "5",
                "outcome": "regle",
                "demarches": ["css"],
            },
        )
        visit = Visit.objects.get()
        assert visit.reasons == ["sante--acces-aux-soins"]
        assert [d.demarche_id for d in visit.demarches.all()] == ["css"]

    def test_a_missing_reason_is_said_next_to_the_field(self, desk):
        response = desk.post(
            "/accueil/passages/nouveau",
            {"channel": "telephone", "duration_minutes": "10", "outcome": "information"},
        )
        html = assert_accessible(response)
        assert "Choisissez au moins un motif" in response.content.decode()
        assert "id_reasons-erreur" in html.ids()
        assert not Visit.objects.exists()


@pytest.mark.parametrize(
    "url",
    ["/accueil/", "/accueil/personnes/", "/accueil/personnes/nouvelle", "/accueil/orientations/"],
)
def test_desk_pages_are_accessible(desk, url):
    assert_accessible(desk.get(url))


def test_sign_in_pages_are_accessible(client, db):
    assert_accessible(client.get("/accueil/connexion"))


def test_figures_for_the_coordinator(client, people, person):
    factories.sign_in(client, people["coordinator"])
    response = client.get("/accueil/chiffres")
    assert_accessible(response)
    assert "Diallo" not in response.content.decode()
    assert client.get("/accueil/").url == "/accueil/chiffres"


def test_the_whole_follow_up_of_a_person(client, people, simulator):
    """Open a file with consent → situation → simulation → démarche → visit with autonomy
    → referral to the CAF → the CAF answers → appointment → reminder → no-show → journal."""
    agent, partner = people["agent"], people["partner"]
    factories.sign_in(client, agent)
    form = page(client.get("/accueil/personnes/nouvelle"))
    sha = next(a["value"] for a in form.find_all("input") if a.get("name") == "consent_sha256")
    response = client.post(
        "/accueil/personnes/nouvelle",
        {"first_name": "Awa", "last_name": "Diallo", "accord": "on", "consent_sha256": sha},
    )
    person = PersonFile.objects.get()
    assert response.url == f"/accueil/personnes/{person.pk}/"
    assert_accessible(client.get(response.url))

    situation_page = client.get(f"/accueil/personnes/{person.pk}/situation")
    assert_accessible(situation_page)
    answers = {
        "mois": "2026-05",
        "logement_statut": "locataire",
        "loyer": "450",
        "demandeur_age": "34",
        "demandeur_activite": "chomeur",
        "enfant_1_age": "4",
        "version": "1",
    }
    response = client.post(f"/accueil/personnes/{person.pk}/situation", answers)
    assert response.status_code == 302, page(response).title
    client.post(f"/accueil/personnes/{person.pk}/simuler")
    person.refresh_from_db()
    assert person.simulation_results["aides"][0]["id"] == "rsa"
    assert "≈ 573" in client.get(f"/accueil/personnes/{person.pk}/").content.decode()

    client.post(f"/accueil/personnes/{person.pk}/demarches/ajouter", {"demarche_id": "rsa"})
    followed = person.demarches.get()
    assert_accessible(client.get(f"/accueil/demarches-suivies/{followed.pk}/"))
    visit_page = client.get(f"/accueil/personnes/{person.pk}/passage")
    assert_accessible(visit_page)
    client.post(
        f"/accueil/personnes/{person.pk}/passage",
        {
            "channel": "accueil_physique",
            "reasons": [REASON],
            "duration_minutes": "30",
            "outcome": "oriente",
            "autonomy_rsa": "2",
        },
    )
    followed.refresh_from_db()
    assert followed.autonomy == 2

    refer_page = client.get(f"/accueil/personnes/{person.pk}/orienter")
    assert_accessible(refer_page)
    sha = next(
        a["value"] for a in page(refer_page).find_all("input") if a.get("name") == "consent_sha256"
    )
    client.post(
        f"/accueil/personnes/{person.pk}/orienter",
        {
            "to_structure": "caf-doubs",
            "reason": "Ouverture RSA",
            "accord": "on",
            "consent_sha256": sha,
        },
    )
    referral = Referral.objects.get()

    partner_client = type(client)()
    factories.sign_in(partner_client, partner)
    received = partner_client.get("/accueil/orientations/").content.decode()
    assert f"/accueil/orientations/{referral.pk}/" in received
    assert partner_client.get(f"/accueil/personnes/{person.pk}/").status_code == 200
    notes_hidden = partner_client.get(f"/accueil/personnes/{person.pk}/").content.decode()
    assert "Nouvelle note" not in notes_hidden
    response = partner_client.post(
        f"/accueil/orientations/{referral.pk}/", {"decision": "refusee", "version": "1"}
    )
    assert "motif du refus" in response.content.decode()
    partner_client.post(
        f"/accueil/orientations/{referral.pk}/",
        {"decision": "acceptee", "version": "1"},
    )
    referral.refresh_from_db()
    assert referral.status == "acceptee" and referral.answered_at

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    client.post(
        f"/accueil/personnes/{person.pk}/rendez-vous",
        {
            "structure": "caf-doubs",
            "day": tomorrow.strftime("%d/%m/%Y"),
            "time": "14:30",
            "duration_minutes": "30",
            "channel": "sur_place",
            "purpose": "Dossier RSA",
            "bring": "Avis d'imposition",
        },
    )
    appointment = Appointment.objects.get()
    reminder = client.get(f"/accueil/rendez-vous/{appointment.pk}/")
    assert_accessible(reminder)
    assert "14 h 30" in reminder.content.decode()
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=1)
    )
    partner_client.post(
        f"/accueil/rendez-vous/{appointment.pk}/", {"status": "absent", "version": "1"}
    )
    appointment.refresh_from_db()
    assert appointment.status == "absent"

    journal = client.get(f"/accueil/personnes/{person.pk}/journal")
    assert_accessible(journal)
    done = set(
        JournalEntry.objects.filter(person_file_id=person.pk).values_list("action", flat=True)
    )
    assert {
        "dossier.ouvert",
        "accord.donne",
        "situation.enregistree",
        "simulation.calculee",
        "demarche.suivie",
        "passage.note",
        "orientation.envoyee",
        "orientation.acceptee",
        "rendez_vous.pris",
        "rendez_vous.statut",
        "dossier.lu",
    } <= done


def test_the_rgpd_export_holds_everything(desk, agent):
    person = factories.person_file(agent, phone="0612345678")
    followed = demarches.follow(agent, person, "rsa")
    appointments.book(
        agent,
        person,
        structure=factories.structure(),
        starts_at=timezone.now() + dt.timedelta(days=1),
        purpose="Dossier RSA",
    )
    desk.post(f"/accueil/personnes/{person.pk}/notes", {"text": "Rappeler mardi"})
    response = desk.get(f"/accueil/personnes/{person.pk}/export.json")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["identite"]["telephone"] == "0612345678"
    assert data["accords"][0]["texte_montre"].startswith("France services garde un dossier")
    assert data["notes"][0]["note"] == "Rappeler mardi"
    assert data["demarches"][0]["demarche"] == followed.demarche_id
    assert data["rendez_vous"][0]["pour"] == "Dossier RSA"
    assert any(row["action"] == "droit_acces.export" for row in data["journal"])
    assert_accessible(desk.get(f"/accueil/personnes/{person.pk}/droit-d-acces"))


def test_documents_checklist(desk, agent):
    person = factories.person_file(agent)
    followed = demarches.follow(agent, person, "rsa")
    desk.post(f"/accueil/demarches-suivies/{followed.pk}/pieces", {"label": "RIB"})
    document = followed.documents.get(label="RIB")
    desk.post(f"/accueil/pieces/{document.pk}", {"provided": "1"})
    document.refresh_from_db()
    assert document.provided and document.provided_on == timezone.localdate()


def test_edit_form_errors_are_tied_to_fields(desk, agent):
    person = factories.person_file(agent)
    response = desk.post(
        f"/accueil/personnes/{person.pk}/modifier",
        {"first_name": "", "last_name": "Diallo", "birth_year": "3000", "version": "1"},
    )
    html = assert_accessible(response)
    described = {a.get("id"): a.get("aria-describedby") for a in html.find_all("input")}
    assert described["id_first_name"] == "id_first_name-erreur"
    assert described["id_birth_year"] == "id_birth_year-erreur"
    assert "Écrivez le prénom." in response.content.decode()
