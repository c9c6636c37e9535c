"""FALC short versions: very short sentences, one idea each, an easy block to read."""

import re

import pytest

from guichet.catalogue import CatalogueError, load_catalogue, load_file
from guichet.catalogue.loader import DEMARCHES_DIR

MAX_WORDS = 15  # FALC aims at 5-12 words; 15 leaves room for a name like « France services »
MAX_AVERAGE = 10


def sentences(line: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]


def words(sentence: str) -> list[str]:
    """Words as a reader sees them: « ? » and « – » alone are not words."""
    return [token for token in sentence.split() if re.search(r"\w", token)]


def test_words_and_sentences_are_counted_as_a_reader_would():
    assert sentences("Pas de place ? Rappelez plus tard.") == [
        "Pas de place ?",
        "Rappelez plus tard.",
    ]
    assert len(words("Vous avez perdu votre travail ?")) == 5
    assert len(words("Appelez le 39 19, c'est gratuit.")) == 6


@pytest.mark.parametrize("demarche", list(load_catalogue()), ids=lambda d: d.id)
def test_every_easy_sentence_is_short(demarche):
    for line in demarche.facile:
        for sentence in sentences(line):
            assert len(words(sentence)) <= MAX_WORDS, sentence
            assert sentence[-1] in ".?!", f"phrase sans point final : {sentence}"


@pytest.mark.parametrize("demarche", list(load_catalogue()), ids=lambda d: d.id)
def test_every_easy_block_reads_easily(demarche):
    lengths = [len(words(s)) for line in demarche.facile for s in sentences(line)]
    assert sum(lengths) / len(lengths) <= MAX_AVERAGE, demarche.id


def test_an_easy_block_needs_three_sentences(tmp_path):
    text = (DEMARCHES_DIR / "rsa.yaml").read_text(encoding="utf-8")
    start = text.index("facile:\n")
    end = text.index("pour_qui:\n")
    path = tmp_path / "rsa.yaml"
    path.write_text(text[:start] + "facile:\n  - Une phrase.\n  - Deux phrases.\n" + text[end:])
    with pytest.raises(CatalogueError, match="facile"):
        load_file(path)
