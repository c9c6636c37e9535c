"""Fixtures for the pages: the territory in the database, and fake engines.

The fake matcher and simulator follow the interfaces of guichet.matching and
guichet.simulator, so that the pages are tested in milliseconds and independently of the
engines' own results (tested in tests/matching and tests/simulator).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest

from guichet_web.annuaire.loading import load_territory_into_db
from guichet_web.pages import engines


@pytest.fixture
def territory(db):
    load_territory_into_db("besancon-planoise")


@dataclass
class FakeMatch:
    id: str
    titre: str
    score: float
    pourquoi: str


@dataclass
class FakeResult:
    demarches: list
    message: str | None = None
    urgences: list = field(default_factory=list)
    question: object = None


class FakeMatcher:
    def __init__(self):
        self.texts = []

    def match(self, text, limit=5):
        self.texts.append(text)
        if "xyz" in text:
            return FakeResult([], "Nous n'avons pas compris. Écrivez avec d'autres mots.")
        if "dehors" in text:
            contact = SimpleNamespace(numero="115", libelle="Hébergement d'urgence")
            urgent = SimpleNamespace(
                id="abri", titre="Pour dormir à l'abri ce soir", contacts=[contact]
            )
            return FakeResult([], None, [urgent])
        if text.strip() == "aide":
            choice = SimpleNamespace(theme="logement", libelle="Le logement")
            return FakeResult(
                [], None, [], SimpleNamespace(texte="De quoi s'agit-il ?", choix=[choice])
            )
        return FakeResult(
            [
                FakeMatch(
                    "aide-logement", "L'aide pour payer le loyer", 3.2, "vous parlez de loyer"
                ),
                FakeMatch("rsa", "Un revenu minimum", 1.1, "vous parlez d'argent"),
            ][:limit]
        )


@pytest.fixture
def fake_matcher(monkeypatch):
    matcher = FakeMatcher()
    monkeypatch.setattr(engines, "need_matcher", lambda: matcher)
    return matcher


class FakeSituationError(ValueError):
    def __init__(self, message, champ):
        super().__init__(message)
        self.message = message
        self.champ = champ


@dataclass
class FakeBenefit:
    id: str
    libelle: str
    montant: float
    periodicite: str
    eligible: bool
    detail: str | None = None


@dataclass
class FakeHousehold:
    aides: list = field(default_factory=list)
    erreur: str | None = None


class FakeSimulator:
    """Records the situations; `refuse` makes parse_situation raise on a field."""

    SituationError = FakeSituationError

    def __init__(self):
        self.parsed = []
        self.refuse = None

    def parse_situation(self, data):
        if self.refuse:
            raise FakeSituationError(*self.refuse)
        self.parsed.append(data)
        return SimpleNamespace(data=data)

    def simulate(self, situations):
        return [
            FakeHousehold(
                [
                    FakeBenefit("rsa", "RSA", 573.42, "mensuelle", True),
                    FakeBenefit("aide-logement", "Aides au logement", 251.0, "mensuelle", True),
                    FakeBenefit("aah", "AAH", 0.0, "mensuelle", False),
                ]
            )
            for _ in situations
        ]


@pytest.fixture
def fake_simulator(monkeypatch):
    simulator = FakeSimulator()
    monkeypatch.setattr(engines, "simulator", lambda: simulator)
    return simulator
