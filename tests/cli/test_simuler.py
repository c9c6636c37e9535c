"""`guichet simuler`: bad files and bad communes get plain French and exit status 2."""

from __future__ import annotations

import json

import pytest

from guichet.cli import EXIT_BAD_INPUT, main


def situation(commune: str) -> dict:
    return {
        "mois": "2026-05",
        "commune": commune,
        "logement": {"statut": "locataire", "loyer": 450},
        "personnes": [{"role": "demandeur", "age": 35}],
    }


def refused(argv, capsys) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert "Traceback" not in err and "Errno" not in err and "codec" not in err
    return err


@pytest.mark.parametrize("commune", ["99999", "2A999", "25999", "2C004", "250"])
def test_unknown_commune_is_refused_naming_the_field(commune, tmp_path, capsys):
    path = tmp_path / "situation.json"
    path.write_text(json.dumps(situation(commune)), encoding="utf-8")
    err = refused(["simuler", str(path)], capsys)
    assert "« commune »" in err
    assert commune in err


def test_empty_list_holds_no_situation(tmp_path, capsys):
    path = tmp_path / "vide.json"
    path.write_text("[]\n", encoding="utf-8")
    err = refused(["simuler", str(path)], capsys)
    assert "aucune situation" in err
    assert "liste vide" in err
    assert "le fichier est vide" not in err


def test_file_that_is_not_utf8(tmp_path, capsys):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'\xff{"commune": "Besan\xe7on"}')
    err = refused(["simuler", str(path)], capsys)
    assert "n'est pas un fichier texte en UTF-8" in err


def test_directory_is_not_a_file(tmp_path, capsys):
    err = refused(["simuler", str(tmp_path)], capsys)
    assert "est un dossier, pas un fichier" in err


def test_missing_file(tmp_path, capsys):
    err = refused(["simuler", str(tmp_path / "absent.json")], capsys)
    assert "n'existe pas" in err


def test_expliquer_directory_is_not_a_file(tmp_path, capsys):
    err = refused(["expliquer", str(tmp_path)], capsys)
    assert "est un dossier, pas un fichier" in err
