"""Our 16 letters (tests/letters/data/*.txt), each with what must be found (*.json):
the sender, the date of the letter, key terms (at least these), the amounts, the dates and
the time limits (exactly these), démarches that must be proposed."""

import json
from pathlib import Path

import pytest

from guichet.letters import explain

DATA = Path(__file__).parent / "data"
LETTERS = sorted(path.stem for path in DATA.glob("*.txt"))
KEYS = ["expediteur", "termes", "montants", "dates", "delais", "demarches", "lisibilite"]


def load(name):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return explain(text), json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def test_enough_letters():
    assert len(LETTERS) >= 15


@pytest.mark.parametrize("name", LETTERS)
def test_letter(name):
    explanation, expected = load(name)
    answer = explanation.to_json()
    assert list(answer) == KEYS
    assert answer["expediteur"]["id"] == expected["expediteur"]
    dated = explanation.letter_date.date.isoformat() if explanation.letter_date else None
    assert dated == expected["date_courrier"]
    found = {term["terme"] for term in answer["termes"]}
    assert [t for t in expected["termes"] if t not in found] == [], "termes manquants"
    assert [m["valeur"] for m in answer["montants"]] == expected["montants"]
    assert sorted({d["date"] for d in answer["dates"]}) == expected["dates"]
    assert [{"date": d["date"], "regle": d["regle"]} for d in answer["delais"]] == expected[
        "delais"
    ]
    proposed = [d["id"] for d in answer["demarches"]]
    assert [d for d in expected["demarches"] if d not in proposed] == []


@pytest.mark.parametrize("name", LETTERS)
def test_every_term_is_explained_where_it_is_written(name):
    explanation, _ = load(name)
    for found in explanation.occurrences:
        assert explanation.text[found.start : found.end] == found.text
        assert found.definition
    pieces = explanation.segments()
    assert "".join(piece for piece, _ in pieces) == explanation.text


def test_json_shape_of_one_letter():
    explanation, _ = load("caf_indu")
    answer = json.loads(json.dumps(explanation.to_json(), ensure_ascii=False))
    assert answer["expediteur"] == {"id": "caf", "nom": "la CAF (Caisse d'allocations familiales)"}
    assert {"terme": "trop-perçu", "texte": "TROP-PERÇU"}.items() <= next(
        t for t in answer["termes"] if t["terme"] == "trop-perçu"
    ).items()
    assert answer["montants"][0] == {"valeur": 1234.56, "texte": "1 234,56 €"}
    assert answer["dates"][0] == {"date": "2026-03-12", "texte": "12 mars 2026"}
    assert answer["delais"] == [
        {
            "texte": "dans un délai de deux mois à compter de la réception de ce courrier",
            "regle": "2 mois à compter de la réception du courrier",
            "date": "2026-05-12",
        }
    ]
    assert answer["demarches"][0]["id"] == "trop-percu"
    assert set(answer["demarches"][0]) == {"id", "titre", "pourquoi"}
    assert set(answer["lisibilite"]) == {
        "score",
        "niveau",
        "mots",
        "phrases",
        "mots_par_phrase",
        "jargon_pour_100_mots",
        "message",
    }


def test_the_sender_and_france_services_can_help():
    explanation, _ = load("caf_indu")
    assert explanation.networks[:2] == ["france-service", "caf"]
    assert "cpam" not in explanation.networks  # a CAF letter does not send you to the CPAM


def test_the_senders_name_does_not_choose_the_demarches():
    explanation, _ = load("caf_controle")
    reasons = " ".join(s.pourquoi for s in explanation.demarches)
    assert "« CAF »" not in reasons
