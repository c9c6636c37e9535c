import io
import json
import sys

import pytest

from guichet.cli import main


def run(argv, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_besoin_text(capsys):
    code, out, err = run(["besoin", "jarive plu a payé mon loyé"], capsys)
    assert code == 0
    assert "aide-logement" in out
    assert err == ""


def test_besoin_json(capsys):
    code, out, _ = run(["besoin", "--json", "mutuelle pas chère"], capsys)
    data = json.loads(out)
    assert data["demarches"][0]["id"] == "css"
    assert {"id", "titre", "score", "pourquoi"} <= set(data["demarches"][0])


def test_besoin_stdin_one_json_per_line_in_order(capsys, monkeypatch):
    lines = "ma carte vitale est perdu\n\naide pour la cantine de mon fils\n"
    code, out, _ = run(["besoin", "--json"], capsys, lines, monkeypatch)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(answers) == 3
    assert answers[0]["demarches"][0]["id"] == "carte-vitale"
    assert answers[1]["demarches"] == [] and answers[1]["message"]
    assert "tarif-social-cantine" in [d["id"] for d in answers[2]["demarches"][:3]]


def test_besoin_invalid_utf8_on_stdin_is_answered(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"loyer \xff\xfe impay\xe9\n")))
    code, out, _ = run(["besoin", "--json"], capsys)
    assert code == 0
    assert json.loads(out)["demarches"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["besoin", "   "], "vide"),
        (["besoin", "--nombre", "0", "loyer"], "--nombre"),
        (["besoin", "--nombre", "beaucoup", "loyer"], "commande mal formée"),
        (["inconnue"], "commande mal formée"),
    ],
)
def test_bad_usage_exits_2_with_french_message(argv, words, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2
    assert words in err
    assert "Traceback" not in err


def test_urgent_need_lists_contacts(capsys):
    code, out, _ = run(["besoin", "--json", "je dors dans ma voiture"], capsys)
    data = json.loads(out)
    assert data["urgences"][0]["contacts"][0]["numero"] == "115"


def test_evaluer_prints_rates_and_failures(capsys, tmp_path):
    path = tmp_path / "b.tsv"
    path.write_text("texte\tattendus\ttags\nmutuelle pas chère\tcss\tsimple\nxyz\trsa\tvague\n")
    code, out, _ = run(["evaluer", str(path)], capsys)
    assert code == 0
    assert "top-3 50.0%" in out and "MRR" in out
    assert "RATÉ  'xyz'" in out


def test_evaluer_bad_file(capsys, tmp_path):
    path = tmp_path / "b.tsv"
    path.write_text("phrase\tid\nmutuelle\tcss\n")
    code, _, err = run(["evaluer", str(path)], capsys)
    assert code == 2 and "colonnes manquantes" in err


@pytest.mark.parametrize("text", ["aaaaaaaaaaaa", "%00"])
def test_besoin_keyboard_mashing_finds_nothing(text, capsys):
    code, out, _ = run(["besoin", "--json", text], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["demarches"] == []
    assert "rien trouvé" in data["message"]
