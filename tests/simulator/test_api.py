"""The public API around the engine: grouping, order, failures (engine replaced by a fake)."""

from __future__ import annotations

import pytest

import guichet.simulator.api as api
from guichet.simulator import HouseholdResult, parse_situation, simulate, simulate_json
from guichet.simulator.results import DESK_CONTACT, ENGINE_FAILURE, Benefit


def household(name: str, mois: str = "2026-05"):
    return parse_situation(
        {
            "id": name,
            "mois": mois,
            "logement": {"statut": "sans_domicile"},
            "personnes": [{"role": "demandeur", "age": 30}],
        }
    )


def fake_benefit(batch_position: int) -> list[Benefit]:
    return [Benefit("rsa", "RSA", float(batch_position), "mensuelle", "rsa", True)]


@pytest.fixture
def fake_engine(monkeypatch):
    """The engine replaced: each row's "view" is its position in the batch."""
    calls = []

    def run_batch(rows, solved=None):
        ids = [s.id for s in rows if s.id is not None]  # variants have no id
        calls.append(ids)
        if "casse" in ids:
            raise RuntimeError("le moteur a échoué")
        return list(range(len(rows)))

    def assemble(plan, views):
        return HouseholdResult(
            id=plan.situation.id, mois=plan.situation.mois, aides=fake_benefit(views[0])
        )

    monkeypatch.setattr(api, "run_batch", run_batch)
    monkeypatch.setattr(api, "assemble", assemble)
    return calls


def test_households_are_grouped_by_month_and_answered_in_order(fake_engine):
    situations = [household("a", "2026-05"), household("b", "2025-05"), household("c", "2026-05")]
    results = simulate(situations)
    assert [r.id for r in results] == ["a", "b", "c"]
    assert [r.mois for r in results] == ["2026-05", "2025-05", "2026-05"]
    assert sorted(fake_engine) == [["a", "c"], ["b"]]


def test_a_household_the_engine_cannot_compute_gets_a_clear_error(fake_engine):
    results = simulate([household("a"), household("casse"), household("c")])
    assert [r.ok for r in results] == [True, False, True]
    failed = results[1].to_json()
    assert failed == {
        "id": "casse",
        "mois": "2026-05",
        "aides": [],
        "erreur": ENGINE_FAILURE,
        "contact": DESK_CONTACT,
    }
    assert failed["contact"]["telephone"] and "Picasso" in failed["contact"]["adresse"]
    assert "Traceback" not in failed["erreur"]
    assert results[2].montant("rsa") == 0.0  # recalculé seul : premier de son lot


def test_empty_list():
    assert simulate([]) == []


def test_result_helpers():
    result = HouseholdResult(id=None, mois="2026-05", aides=fake_benefit(3))
    assert result.montant("rsa") == 3.0
    assert result.montant("aah") == 0.0
    assert result.aide("aah") is None


def test_simulate_json_answers_every_line_in_order(fake_engine):
    good = {
        "id": "a",
        "logement": {"statut": "sans_domicile"},
        "personnes": [{"role": "demandeur", "age": 30}],
    }
    bad = {"logement": {"statut": "locataire", "loyer": "beaucoup"}, "personnes": []}
    answers = simulate_json([good, bad, "pas un objet", good])
    assert answers[0]["id"] == "a" and answers[0]["aides"][0]["id"] == "rsa"
    assert answers[1] == {
        "erreur": "Le loyer doit être un nombre : « beaucoup » n'en est pas un.",
        "champ": "logement.loyer",
    }
    assert answers[2]["champ"] == "situation"
    assert answers[3]["id"] == "a"
    assert fake_engine == [["a", "a"]]
