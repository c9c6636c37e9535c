import csv
import re

import pytest

from guichet.catalogue import CatalogueError, load_catalogue, load_file
from guichet.catalogue.loader import DEMARCHES_DIR, load_paths
from guichet.catalogue.vocabulary import load_vocabulary
from tests.paths import EVAL_DATA


def canonical_ids():
    with open(EVAL_DATA / "demarches.tsv", encoding="utf-8") as handle:
        return [row["id"] for row in csv.DictReader(handle, delimiter="\t")]


def test_every_canonical_id_is_in_the_catalogue():
    catalogue = load_catalogue()
    missing = [i for i in canonical_ids() if i not in catalogue]
    assert not missing, f"missing démarches: {missing}"


def test_theme_matches_the_canonical_list():
    catalogue = load_catalogue()
    with open(EVAL_DATA / "demarches.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            assert catalogue.get(row["id"]).theme == row["theme"], row["id"]


def test_every_entry_has_local_help_and_people_words():
    for demarche in load_catalogue():
        assert "france-service" in demarche.aide_locale, demarche.id
        assert len(demarche.mots) >= 5, demarche.id


def test_amounts_have_a_source_and_a_date():
    for demarche in load_catalogue():
        for amount in demarche.montants:
            assert amount.source.url.startswith("https://")
            assert amount.source.date <= demarche.mis_a_jour, (demarche.id, amount.libelle)


def test_short_sentences_in_summaries():
    """Plain language: no sentence of a summary is longer than 25 words."""
    for demarche in load_catalogue():
        for sentence in re.split(r"[.!?]\s", demarche.resume):
            assert len(sentence.split()) <= 25, (demarche.id, sentence)


VALID = (DEMARCHES_DIR / "rsa.yaml").read_text(encoding="utf-8")


def write(tmp_path, name, text):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_entry_loads(tmp_path):
    assert load_file(write(tmp_path, "rsa", VALID)).sigle == "RSA"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("theme: revenus", "theme: argent"), "theme"),
        (("sigle: RSA", "sigle: RSA\ncouleur: bleu"), "couleur"),
        (("  - france-service\n", "  - nulle-part\n"), "aide_locale"),
        (("mis_a_jour: 2026-12-03", "mis_a_jour: demain"), "mis_a_jour"),
        (
            (
                "  - difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
                "  - inventee",
            ),
            "thematiques",
        ),
        (("    montant: 651.69", "    montant: -3"), "montants.0.montant"),
        (('  telephone: "32 30"', "  telephone: appeler"), "organisme.telephone"),
    ],
)
def test_malformed_entry_names_file_and_field(tmp_path, change, field):
    old, new = change
    assert old in VALID
    path = write(tmp_path, "rsa", VALID.replace(old, new, 1))
    with pytest.raises(CatalogueError) as error:
        load_file(path)
    assert str(path) in str(error.value)
    assert field in str(error.value)


def test_id_must_match_file_name(tmp_path):
    with pytest.raises(CatalogueError, match="id"):
        load_file(write(tmp_path, "autre", VALID))


def test_broken_yaml_is_reported(tmp_path):
    with pytest.raises(CatalogueError, match="YAML"):
        load_file(write(tmp_path, "rsa", "id: [rsa"))


def test_unknown_see_also_is_reported(tmp_path):
    with pytest.raises(CatalogueError, match="voir_aussi"):
        load_paths([write(tmp_path, "rsa", VALID)])


def test_vocabulary_loads():
    forms = {s.forme for s in load_vocabulary()}
    assert {"cmu", "pole emploi", "proprio"} <= forms
