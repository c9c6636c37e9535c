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


class TestVisitDateOnTheForm:
    """Empty: now. A call noted afterwards: its day and hour, within the week."""

    def post(self, desk, url="/accueil/passages/nouveau", **when):
        values = {
            "channel": "telephone",
            "reasons": [REASON],
            "duration_minutes": "10",
            "outcome": "information",
            **when,
        }
        return desk.post(url, values)

    def test_yesterday_afternoon(self, desk):
        yesterday = timezone.localdate() - dt.timedelta(days=1)
        response = self.post(desk, day=yesterday.strftime("%d/%m/%Y"), time="16:45")
        assert response.status_code == 302
        at = timezone.localtime(Visit.objects.get().at)
        assert (at.date(), at.hour, at.minute) == (yesterday, 16, 45)
        entry = JournalEntry.objects.get(action="passage.anonyme")
        assert entry.detail["passage_le"].startswith(f"{yesterday.isoformat()}T16:45:00")

    def test_an_hour_alone_is_today(self, desk):
        earlier = timezone.localtime() - dt.timedelta(hours=1)
        if earlier.date() != timezone.localdate():
            pytest.skip("just after midnight")
        self.post(desk, time=earlier.strftime("%H:%M"))
        at = timezone.localtime(Visit.objects.get().at)
        assert (at.date(), at.hour, at.minute) == (earlier.date(), earlier.hour, earlier.minute)

    @pytest.mark.parametrize(
        ("days", "field", "message"),
        [
            (1, "day", "ne peut pas être dans le futur"),
            (-8, "day", "au plus tard 7 jours après"),
            (-4000, "day", "au plus tard 7 jours après"),
        ],
    )
    def test_a_wrong_day_is_said_next_to_it(self, desk, days, field, message):
        day = timezone.localdate() + dt.timedelta(days=days)
        response = self.post(desk, day=day.strftime("%d/%m/%Y"), time="10:00")
        html = assert_accessible(response)
        content = response.content.decode().replace("&#x27;", "'")
        assert message in content
        assert f"id_{field}-erreur" in html.ids()
        assert "<details open>" in content  # the date fields are shown, not folded away
        assert not Visit.objects.exists()

    @pytest.mark.parametrize(
        ("when", "field", "message"),
        [
            ({"day": "hier"}, "day", "Écrivez la date ainsi : 25/03/2026."),
            ({"day": "01/01/2026"}, "time", "Écrivez l'heure du passage"),
            ({"time": "25:99"}, "time", "Écrivez l'heure ainsi : 14:30."),
        ],
    )
    def test_a_badly_written_date_says_how_to_write_it(self, desk, when, field, message):
        response = self.post(desk, **when)
        html = assert_accessible(response)
        assert message in response.content.decode().replace("&#x27;", "'")
        assert f"id_{field}-erreur" in html.ids()
        assert not Visit.objects.exists()

    def test_on_a_file_too(self, desk, agent):
        person = factories.person_file(agent)
        demarches.follow(agent, person, "rsa")
        two_days_ago = timezone.localdate() - dt.timedelta(days=2)
        response = self.post(
            desk,
            f"/accueil/personnes/{person.pk}/passage",
            day=two_days_ago.strftime("%d/%m/%Y"),
            time="9h30",
            autonomy_rsa="2",
        )
        assert response.status_code == 302
        visit = Visit.objects.get(person_file=person)
        assert timezone.localtime(visit.at).date() == two_days_ago
        assert person.demarches.get().autonomy == 2
        page_html = desk.get(f"/accueil/personnes/{person.pk}/").content.decode()
        assert ", 09:30 – téléphone" in page_html  # the list of visits: when it happened


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
    assert "Elles sont gardées 365 jours, puis supprimées" in journal.content.decode()
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


def test_no_waiting_referral_reads_aucune(client, people, referred):
    """« Aucune orientation », never « 0 orientations » (0 takes the singular in French)."""
    factories.sign_in(client, people["agent"])
    assert "Aucune orientation en attente de réponse" in client.get("/accueil/").content.decode()
    factories.sign_in(client, people["partner"])
    assert "1 orientation en attente de réponse" in client.get("/accueil/").content.decode()


def test_the_desk_does_not_keep_a_rent_typed_for_an_owner(desk, agent):
    """The file keeps the answers as typed, but not those of an option not chosen."""
    item = factories.person_file(agent)
    answers = {
        "mois": "2026-05",
        "logement_statut": "proprietaire",
        "loyer": "450",
        "demandeur_age": "34",
        "version": str(item.version),
    }
    response = desk.post(f"/accueil/personnes/{item.pk}/situation", answers)
    assert response.status_code == 302
    item.refresh_from_db()
    assert "loyer" not in item.situation_answers
    assert item.situation_answers["logement_statut"] == "proprietaire"


def test_the_desk_records_a_change_of_incomes_and_unpaid_child_support(desk, agent):
    """The file's form is the one of « Mes droits »: a job lost in March and child support
    not paid reach the simulator (RSA and prime d'activité read the months before, ASF)."""
    item = factories.person_file(agent)
    form_page = page(desk.get(f"/accueil/personnes/{item.pk}/situation"))
    names = {field["name"] for field in form_page.fields()}
    assert {"changement_depuis", "demandeur_salaire_net_avant", "pension_payee"} <= names
    answers = {
        "mois": "2026-05",
        "logement_statut": "locataire",
        "loyer": "450",
        "demandeur_age": "34",
        "demandeur_activite": "chomeur",
        "demandeur_chomage_net": "900",
        "enfant_1_age": "4",
        "pension_payee": "non",
        "changement_depuis": "2026-03",
        "demandeur_salaire_net_avant": "1 500",
        "version": str(item.version),
    }
    response = desk.post(f"/accueil/personnes/{item.pk}/situation", answers)
    assert response.status_code == 302, page(response).title
    item.refresh_from_db()
    applicant = item.situation["personnes"][0]
    assert applicant["pension_alimentaire_impayee"] is True
    assert applicant["changement"]["depuis"] == "2026-03"
    assert applicant["changement"]["revenus_mensuels_avant"]["salaire_net"] == 1500.0
