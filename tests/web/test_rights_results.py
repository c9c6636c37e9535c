"""« Mes droits » results: amount as paid, status in words, why, why not, next step."""

from __future__ import annotations

import re
import types
from concurrent.futures import Future
from dataclasses import dataclass, field

import pytest

from guichet_web.pages import engines, results
from guichet_web.pages import session_answers as store
from tests.web.conftest import FakeBenefit, FakeHousehold, FakeSimulator
from tests.web.htmlpage import page
from tests.web.test_questionnaire_pages import FAMILY_SCREENS, STORED_FAMILY, walk


@dataclass
class ExplainedBenefit(FakeBenefit):
    statut: str | None = None
    pourquoi: list = field(default_factory=list)
    pourquoi_pas: list = field(default_factory=list)
    ce_qui_changerait: list = field(default_factory=list)


EXPLAINED = [
    ExplainedBenefit(
        "rsa",
        "RSA",
        573.42,
        "mensuelle",
        True,
        statut="probable",
        pourquoi=["Les revenus du foyer sont sous le montant forfaitaire."],
        ce_qui_changerait=[{"texte": "Un revenu de 200 € de moins par mois", "reference": None}],
    ),
    ExplainedBenefit("ars", "ARS", 1200.0, "annuelle", True, statut="probable"),
    ExplainedBenefit("css", "CSS", 0.0, "mensuelle", True, detail="gratuite"),
    ExplainedBenefit(
        "fsl",
        "FSL",
        0.0,
        "ponctuelle",
        False,
        statut="à vérifier",
        pourquoi=["Le fonds de solidarité logement est décidé par le Département."],
    ),
    ExplainedBenefit(
        "aah",
        "AAH",
        0.0,
        "mensuelle",
        False,
        statut="non_eligible",
        pourquoi_pas=["Il faut un taux d'incapacité d'au moins 50 %."],
        ce_qui_changerait=["Une décision de la MDPH avec un taux de 80 % ou plus."],
    ),
]


class ExplainingSimulator(FakeSimulator):
    def simulate(self, situations):
        return [FakeHousehold(list(EXPLAINED)) for _ in situations]


@pytest.fixture
def explaining(monkeypatch):
    simulator = ExplainingSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: simulator)
    return simulator


def answered(client, answers=STORED_FAMILY):
    session = client.session
    session[store.QUESTIONNAIRE] = answers
    session.save()


def test_results_show_amount_status_why_and_next_step(client, territory, explaining):
    answered(client)
    response = client.get("/mes-droits/resultats")
    body = response.content.decode()
    assert page(response).h1_count == 1
    assert "C'est une estimation. Le montant exact est calculé par l'organisme." in body
    assert "Calcul pour mai 2026" in body and "OpenFisca-France" in body
    # Amounts as paid, in large type, with their periodicity.
    assert "≈ 573\u00a0€ par mois" in body
    assert "≈ 1\u202f200\u00a0€ par an" in body
    assert "Gratuite" in body, "la CSS gratuite n'a pas de montant, mais elle est probable"
    assert "À vérifier au guichet" in body
    # Status in words and a sign, never colour alone.
    assert body.count('class="status status-probable"') == 3
    assert body.count('class="status status-check"') == 1
    assert "✓</span> Probable" in body and "?</span> À vérifier" in body
    # Why, what would change it.
    assert "sous le montant forfaitaire" in body
    assert "Un revenu de 200 € de moins par mois" in body
    assert "décidé par le Département" in body
    # Next step: papers, the official page, where to go.
    assert "Les papiers à préparer" in body and "Un RIB" in body
    assert (
        'href="https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-personnelle/le-revenu-de-solidarite-active-rsa"'
        in body
    )
    assert 'href="/demarches/rsa"' in body
    assert "France services Besançon Planoise" in body
    assert 'href="tel:' in body
    # The benefits not granted, and why, folded away.
    details = body[body.index('<details class="not-granted">') :]
    assert "Les aides que vous n'auriez pas, et pourquoi" in details
    assert "au moins 50 %" in details and "80 % ou plus" in details
    assert "Non, d&#x27;après vos réponses" in details or "Non, d'après vos réponses" in details
    assert body.index('<details class="not-granted">') > body.index("≈ 573")
    # Never a dead end.
    assert 'href="/mes-droits/verifier"' in body and "Quelqu'un peut vous aider" in body


def test_results_in_another_language_say_the_explanations_are_in_french(
    client, territory, explaining
):
    """The explanations come from the engine in French: a reader of another language is told."""
    client.cookies["django_language"] = "tr"
    answered(client)
    assert "Tutarların açıklamaları" in client.get("/mes-droits/resultats").content.decode()
    client.cookies["django_language"] = "fr"
    assert "Tutarların" not in client.get("/mes-droits/resultats").content.decode()


def test_results_are_remembered_for_the_recap(client, territory, explaining):
    answered(client)
    client.get("/mes-droits/resultats")
    recap = client.get("/recapitulatif").content.decode()
    assert "≈ 573\u00a0€ par mois" in recap


def test_an_engine_failure_apologises_and_keeps_the_answers(client, territory, monkeypatch):
    class Failing(FakeSimulator):
        def simulate(self, situations):
            return [FakeHousehold([], erreur="Le moteur a échoué.") for _ in situations]

    failing = Failing()
    monkeypatch.setattr(engines, "simulator", lambda: failing)
    answered(client)
    response = client.get("/mes-droits/resultats")
    assert response.status_code == 200
    body = response.content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    assert "Nous sommes désolés" in main and "Vos réponses sont gardées" in main
    assert "France services Besançon Planoise" in main and 'href="tel:+33381412221"' in main
    assert "Traceback" not in body
    assert client.session[store.QUESTIONNAIRE] == STORED_FAMILY
    assert 'href="/mes-droits/verifier"' in body


def test_incomes_before_a_change_are_sent_when_the_simulator_reads_them(
    client, territory, fake_simulator
):
    answered(
        client,
        {
            **STORED_FAMILY,
            "revenus_changes": "oui",
            "changement_depuis": "2026-02",
            "demandeur_salaire_net_avant": 2100.0,
            "demandeur_chomage_net_avant": None,
            "conjoint_salaire_net_avant": None,
            "conjoint_chomage_net_avant": None,
        },
    )
    assert client.get("/mes-droits/resultats").status_code == 200
    person = fake_simulator.parsed[0]["personnes"][0]
    assert person["changement"]["depuis"] == "2026-02"
    assert person["changement"]["revenus_mensuels_avant"]["salaire_net"] == 2100.0


def test_the_expert_form_results_lead_back_to_the_expert_form(client, territory, fake_simulator):
    client.post(
        "/mes-droits/expert",
        {"mois": "2026-05", "logement_statut": "locataire", "loyer": "450", "demandeur_age": "35"},
    )
    body = client.get("/mes-droits/resultats").content.decode()
    assert 'href="/mes-droits/expert"' in body
    assert client.session[store.SOURCE] == "expert"


@pytest.mark.parametrize(
    ("statut", "eligible", "status"),
    [
        (None, True, results.PROBABLE),
        (None, False, results.NOT_ELIGIBLE),
        ("à vérifier", False, results.TO_CHECK),
        ("A_VERIFIER", False, results.TO_CHECK),
        ("non éligible", False, results.NOT_ELIGIBLE),
        ("probable", True, results.PROBABLE),
        ("inconnu", True, results.PROBABLE),
    ],
)
def test_status_of(statut, eligible, status):
    aide = ExplainedBenefit("rsa", "RSA", 1.0, "mensuelle", eligible, statut=statut)
    assert results.status_of(aide) == status


def test_lines_read_texts_lists_and_records():
    assert results.lines(None) == []
    assert results.lines("Une phrase.") == ["Une phrase."]
    record = types.SimpleNamespace(texte="Plafond dépassé de 120 €", reference="art. L262-2 CASF")
    assert results.lines([record, {"libelle": "Âge"}]) == [
        "Plafond dépassé de 120 € (art. L262-2 CASF)",
        "Âge",
    ]


def test_one_household_goes_through_the_micro_batcher_when_there_is_one(monkeypatch):
    submitted = []

    def submit(situation):
        submitted.append(situation)
        future = Future()
        future.set_result(FakeHousehold([]))
        return future

    batched = types.SimpleNamespace(
        batcher=types.SimpleNamespace(submit=submit),
        simulate=lambda situations: pytest.fail("simulate() alors qu'il y a un batcher"),
    )
    monkeypatch.setattr(engines, "simulator", lambda: batched)
    assert isinstance(engines.simulate_one("foyer"), FakeHousehold)
    assert submitted == ["foyer"]


def test_without_a_batcher_one_household_is_simulated_alone(monkeypatch):
    module = types.ModuleType("simulateur_sans_batcher")
    module.simulate = lambda situations: [("résultat", s) for s in situations]
    monkeypatch.setattr(engines, "simulator", lambda: module)
    assert engines.simulate_one("foyer") == ("résultat", "foyer")


@pytest.mark.slow
def test_a_family_with_the_real_simulator(client, territory):
    """OpenFisca-France for real: a couple with two children, through every screen."""
    walk(client, FAMILY_SCREENS)
    response = client.get("/mes-droits/resultats")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nous sommes désolés" not in body
    assert "≈ " in body and "par mois" in body
    assert 'href="/demarches/allocations-familiales"' in body
    assert "Les aides que vous n'auriez pas, et pourquoi" in body


@dataclass
class CatalogueBenefit(ExplainedBenefit):
    demarche: str = ""


def test_two_benefits_of_one_demarche_each_say_which_they_are(client, territory, monkeypatch):
    """The PAJE's allocation de base and prime à la naissance share one démarche: their
    titles would read the same, one « probable » and one « non » (found by a tester)."""
    benefits = [
        CatalogueBenefit("paje", "Allocation de base de la PAJE", 0.0, "mensuelle", False),
        CatalogueBenefit(
            "paje-naissance",
            "Prime à la naissance (PAJE)",
            1084.43,
            "ponctuelle",
            True,
            statut="probable",
            demarche="paje",
        ),
        CatalogueBenefit("rsa", "Revenu de solidarité active (RSA)", 573.42, "mensuelle", True),
    ]

    class TwoOfOne(FakeSimulator):
        def simulate(self, situations):
            return [FakeHousehold(list(benefits)) for _ in situations]

    monkeypatch.setattr(engines, "simulator", TwoOfOne)
    answered(client)
    body = client.get("/mes-droits/resultats").content.decode()
    titles = re.findall(
        r'<(?:h3 class="benefit-title"|p class="not-granted-title")>(.*?)(?:</h3>|<span class="status)',
        body,
        flags=re.S,
    )
    headings = [" ".join(re.sub(r"<[^>]+>", "", title).split()) for title in titles]
    paje = [text for text in headings if "PAJE" in text]
    assert len(paje) == 2 and len(set(paje)) == 2, headings
    assert not any("RSA" in text for text in headings), "a démarche of its own keeps its title"
