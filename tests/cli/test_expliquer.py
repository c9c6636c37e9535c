"""`guichet expliquer FICHIER [--json]`: a letter explained; bad input → exit 2, a French
message and no traceback."""

import io
import json
import sys

import pytest

from guichet.cli import main
from tests.letters.pdfs import blank_pages_pdf, encrypted_pdf, text_pdf
from tests.letters.test_letters import DATA

LETTER = DATA / "caf_indu.txt"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output(capsys):
    code, out, err = run(["expliquer", str(LETTER)], capsys)
    assert code == 0 and err == ""
    assert out.startswith("Ce courrier vient de la CAF")
    assert "avant le 12 mai 2026" in out
    assert "trop-perçu :" in out
    assert "[trop-percu]" in out
    assert "Qui peut vous aider : France services, la CAF" in out


def test_json_output_has_the_issue_shape(capsys):
    code, out, _ = run(["expliquer", "--json", str(LETTER)], capsys)
    data = json.loads(out)
    assert code == 0
    assert list(data) == [
        "expediteur",
        "termes",
        "montants",
        "dates",
        "delais",
        "demarches",
        "lisibilite",
    ]
    assert data["expediteur"]["id"] == "caf"
    assert {"terme", "texte", "definition"} == set(data["termes"][0])
    assert {"valeur": 1234.56, "texte": "1 234,56 €"} in data["montants"]
    assert {"date": "2026-03-12", "texte": "12 mars 2026"} in data["dates"]
    assert data["delais"][0]["date"] == "2026-05-12"


def test_pdf(tmp_path, capsys):
    path = tmp_path / "courrier.pdf"
    path.write_bytes(text_pdf([LETTER.read_text(encoding="utf-8")]))
    code, out, _ = run(["expliquer", "--json", str(path)], capsys)
    assert code == 0 and json.loads(out)["expediteur"]["id"] == "caf"


def test_standard_input(capsys, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(LETTER.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(["expliquer", "--json", "-"], capsys)
    assert code == 0 and json.loads(out)["montants"][0]["valeur"] == 1234.56


@pytest.mark.parametrize(
    "content, name, words",
    [
        (b"", "vide.txt", "vide"),
        (blank_pages_pdf(50), "long.pdf", "50 pages"),
        (b"encrypted", "protege.pdf", "mot de passe"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "abime.pdf", "abîmé"),
        (
            b"Dear Sir, please pay the amount you owe to us within ten days of this letter.",
            "en.txt",
            "français",
        ),
        (b"MZ\x90\x00\x03\x00\x00\x00", "programme.txt", "Nous lisons les PDF"),
    ],
    ids=["vide", "50-pages", "mot-de-passe", "abime", "anglais", "programme"],
)
def test_bad_input_exit_2_with_a_french_message(tmp_path, capsys, content, name, words):
    if content == b"encrypted":
        content = encrypted_pdf(LETTER.read_text(encoding="utf-8"))
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(["expliquer", str(path)], capsys)
    assert code == 2 and out == ""
    assert err.startswith("guichet : ") and words in err
    assert "Traceback" not in err


def test_missing_file(capsys):
    code, _, err = run(["expliquer", "/nulle/part/courrier.pdf"], capsys)
    assert code == 2 and "n'existe pas" in err


def test_missing_argument(capsys):
    code, _, err = run(["expliquer"], capsys)
    assert code == 2 and "commande mal formée" in err
