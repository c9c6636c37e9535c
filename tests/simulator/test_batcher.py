"""The micro-batcher: concurrent requests computed together, each gets its own answer."""

from __future__ import annotations

import threading

import pytest

import guichet.simulator.batcher as batcher
from guichet.simulator import SituationError, parse_situation
from guichet.simulator.results import Benefit, HouseholdResult


def household(name: str):
    return parse_situation(
        {
            "id": name,
            "mois": "2026-05",
            "logement": {"statut": "sans_domicile"},
            "personnes": [{"role": "demandeur", "age": 30}],
        }
    )


@pytest.fixture
def fake_simulate(monkeypatch):
    calls = []

    def simulate(situations, explain=True):
        calls.append([s.id for s in situations])
        return [
            HouseholdResult(
                id=s.id, mois=s.mois, aides=[Benefit("rsa", "RSA", 1.0, "mensuelle", "rsa", True)]
            )
            for s in situations
        ]

    monkeypatch.setattr(batcher, "simulate", simulate)
    return calls


def test_concurrent_requests_share_one_computation(fake_simulate):
    micro = batcher.MicroBatcher(window=0.3)
    answers = {}
    start = threading.Barrier(8)

    def ask(name):
        start.wait()
        answers[name] = micro.submit(household(name))

    threads = [threading.Thread(target=ask, args=(f"f{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(answers) == [f"f{i}" for i in range(8)]
    assert all(answers[name].id == name for name in answers)
    assert sum(len(call) for call in fake_simulate) == 8
    assert len(fake_simulate) < 8, "au moins deux demandes calculées ensemble"


def test_submit_validates_a_raw_situation(fake_simulate):
    with pytest.raises(SituationError) as caught:
        batcher.submit({"logement": {"statut": "château"}, "personnes": []})
    assert caught.value.champ == "logement.statut"
    assert fake_simulate == []


def test_submit_returns_the_household_result(fake_simulate):
    result = batcher.submit(
        {
            "id": "x",
            "logement": {"statut": "sans_domicile"},
            "personnes": [{"role": "demandeur", "age": 30}],
        }
    )
    assert result.id == "x" and result.montant("rsa") == 1.0
