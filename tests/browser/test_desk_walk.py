"""The desk end to end in Chromium, as a mediator: password then the phone's code → a
phone visit, and yesterday's call noted afterwards → a file opened with consent → the
household's rights computed by the real simulator → a referral to the CAF → an appointment
→ autonomy noted → the journal shows each step. axe-core runs on every desk page on the
way: 0 violations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from guichet_web.accueil.choices import Role
from guichet_web.accueil.models import (
    Appointment,
    FollowedDemarche,
    JournalEntry,
    PersonFile,
    Referral,
    Visit,
)

from ..accueil import factories
from .checks import axe_violations, describe, horizontal_overflow

pytestmark = pytest.mark.browser

PASSWORD = "un mot de passe assez long pour l'accueil"


class Walk:
    """Runs axe-core on each page reached and keeps a screenshot of it."""

    def __init__(self, page, screenshots):
        self.page = page
        self.screenshots = screenshots
        self.problems: list[str] = []
        self.checked: list[str] = []

    def check(self, name: str) -> None:
        self.page.wait_for_load_state()
        violations = axe_violations(self.page)
        if violations:
            self.problems.append(f"{name} ({self.page.url}):\n{describe(violations)}")
        overflow = horizontal_overflow(self.page)
        if overflow:
            self.problems.append(f"{name} ({self.page.url}): plus large que l'écran {overflow}")
        self.checked.append(name)
        self.page.screenshot(path=str(self.screenshots / f"desk-{name}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def test_a_mediator_follows_a_person_from_a_phone_call_to_autonomy(browsing, screenshots):
    mediator = factories.staff(Role.RECEPTION, password=PASSWORD)
    phone = factories.device(mediator)
    factories.structure("caf-doubs")
    page = browsing.page(axe=True)
    walk = Walk(page, screenshots)

    # Password, then the six-digit code the phone shows now.
    page.goto("/accueil/")
    assert "/accueil/connexion" in page.url
    walk.check("connexion")
    page.get_by_label("Identifiant").fill(mediator.get_username())
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/accueil/connexion/code")
    walk.check("code")
    page.get_by_label("Code à 6 chiffres").fill(factories.token(phone))
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/accueil/")
    walk.check("bureau")

    # A phone call: an anonymous visit in three clicks.
    page.get_by_label("téléphone", exact=True).check()
    page.locator("input[name=reasons]").first.check()
    page.get_by_role("button", name="Enregistrer le passage").click()
    page.wait_for_url("**/accueil/")
    assert Visit.objects.get().channel == "telephone"

    # A call taken yesterday, noted now: its day and hour, in the folded part of the form.
    page.get_by_text("Le passage a eu lieu plus tôt ?").click()
    page.get_by_label("téléphone", exact=True).check()
    page.locator("input[name=reasons]").first.check()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    page.get_by_label("Jour du passage").fill(yesterday.strftime("%d/%m/%Y"))
    page.get_by_label("Heure du passage").fill("16:45")
    walk.check("bureau-passage-plus-tot")
    page.get_by_role("button", name="Enregistrer le passage").click()
    page.wait_for_url("**/accueil/")
    called = timezone.localtime(Visit.objects.latest("id").at)
    assert (called.date(), called.hour, called.minute) == (yesterday, 16, 45)

    # A file, with the person's consent.
    page.get_by_role("link", name="Ouvrir un dossier").click()
    walk.check("dossier-nouveau")
    page.get_by_label("Prénom").fill("Awa")
    page.get_by_label("Nom", exact=True).fill("Diallo")
    page.get_by_label("La personne a entendu ce texte et elle est d'accord.").check()
    page.get_by_role("button", name="Ouvrir le dossier").click()
    person = PersonFile.objects.get()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/")
    walk.check("dossier")
    page.get_by_label("Démarche à suivre").select_option("rsa")
    page.get_by_role("button", name="Suivre cette démarche").click()
    page.wait_for_url("**/accueil/demarches-suivies/*/")
    walk.check("demarche")
    assert FollowedDemarche.objects.get().demarche_id == "rsa"

    # A resume code that does not exist: refused in plain French.
    page.goto(f"/accueil/personnes/{person.pk}/")
    page.get_by_label("Code de reprise donné par la personne").fill("ABCD-EFGH")
    page.get_by_label("La personne est d'accord", exact=False).check()
    page.get_by_role("button", name="Reprendre ses réponses").click()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/code-de-reprise")
    assert "Ce code n'existe pas ou n'est plus valable" in page.content().replace("&#x27;", "'")
    walk.check("code-reprise-refuse")

    # The household, then « Mes droits » computed by the real simulator.
    page.goto(f"/accueil/personnes/{person.pk}/")
    page.get_by_role("link", name="Situation du foyer", exact=True).click()
    walk.check("situation")
    page.locator("input[name=logement_statut][value=locataire]").check()
    page.locator("input[name=loyer]").fill("450")
    page.locator("input[name=demandeur_age]").fill("34")
    page.locator("select[name=demandeur_activite]").select_option("chomeur")
    page.get_by_role("button", name="Enregistrer la situation").click()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/")
    page.get_by_role("button", name="Calculer ses droits maintenant").click()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/")
    person.refresh_from_db()
    assert person.simulated_at is not None and person.simulation_results["aides"]
    assert "Calcul fait" in page.content()
    walk.check("dossier-simulation")

    # A referral to the CAF, with the person's consent.
    page.get_by_role("link", name="Orienter vers un partenaire").click()
    walk.check("orienter")
    page.get_by_label("Partenaire").select_option("caf-doubs")
    page.get_by_label("Motif").fill("Ouverture du RSA")
    page.get_by_label("La personne a entendu ce texte et elle est d'accord.").check()
    page.get_by_role("button", name="Envoyer l'orientation").click()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/")
    referral = Referral.objects.get()
    assert referral.to_structure_id == "caf-doubs"

    # An appointment, with its reminder ready to print.
    page.get_by_role("link", name="Prendre un rendez-vous").click()
    walk.check("rendez-vous-prendre")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page.get_by_label("Lieu").select_option("caf-doubs")
    page.get_by_label("Jour").fill(tomorrow.strftime("%d/%m/%Y"))
    page.get_by_label("Heure").fill("14:30")
    page.get_by_label("Pour quoi").fill("Dossier RSA")
    page.get_by_role("button", name="Prendre le rendez-vous").click()
    appointment = Appointment.objects.get()
    page.wait_for_url(f"**/accueil/rendez-vous/{appointment.pk}/")
    assert "14 h 30" in page.content()
    walk.check("rendez-vous")

    # The next visit: the person did the démarche with the mediator.
    page.goto(f"/accueil/personnes/{person.pk}/")
    page.get_by_role("link", name="Noter un passage").click()
    walk.check("passage-dossier")
    page.get_by_label("accueil physique", exact=True).check()
    page.locator("input[name=reasons]").first.check()
    page.locator("input[name=autonomy_rsa][value='2']").check()
    page.get_by_role("button", name="Enregistrer le passage").click()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/")
    assert FollowedDemarche.objects.get().autonomy == 2
    assert "fait avec elle" in page.content()

    # The journal: who did what, step by step.
    page.get_by_role("link", name="Journal du dossier").click()
    page.wait_for_url(f"**/accueil/personnes/{person.pk}/journal")
    walk.check("journal")
    rows = page.locator("table tbody tr").all_inner_texts()
    steps = [
        "dossier.ouvert",
        "accord.donne",
        "demarche.suivie",
        "situation.enregistree",
        "simulation.calculee",
        "orientation.envoyee",
        "rendez_vous.pris",
        "passage.note",
        "dossier.lu",
    ]
    for step in steps:
        assert any(step in row and mediator.get_username() in row for row in rows), step
    recorded = set(JournalEntry.objects.filter(person_file_id=person.pk).values_list("action"))
    assert {(step,) for step in steps} <= recorded
    walk.assert_clean()
    assert len(walk.checked) == 15, walk.checked
