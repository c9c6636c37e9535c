"""A fake simulator with the interface of guichet.simulator (results with .to_json())."""

from __future__ import annotations

from types import SimpleNamespace


class FakeSituationError(ValueError):
    def __init__(self, message, champ):
        super().__init__(message)
        self.message, self.champ = message, champ


class FakeResult:
    def to_json(self):
        return {
            "id": None,
            "mois": "2026-05",
            "aides": [
                {
                    "id": "rsa",
                    "libelle": "RSA",
                    "montant": 573.42,
                    "periodicite": "mensuelle",
                    "eligible": True,
                },
                {
                    "id": "aah",
                    "libelle": "AAH",
                    "montant": 0.0,
                    "periodicite": "mensuelle",
                    "eligible": False,
                },
            ],
        }


class FakeSimulator:
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
        return [FakeResult() for _ in situations]
