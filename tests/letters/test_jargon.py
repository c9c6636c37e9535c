"""Every term and variant of tests/eval_data/jargon.tsv (copy of shared/eval/jargon.tsv)
is found in a sentence of a letter and explained."""

import csv

import pytest

from guichet.catalogue.glossary import load_glossary
from guichet.letters import default_finder
from guichet.matching.text import fold
from tests.paths import EVAL_DATA


def forms():
    with (EVAL_DATA / "jargon.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield row["terme"], row["terme"]
            for variant in filter(None, (row["variantes"] or "").split("|")):
                yield row["terme"], variant.strip()


def context_words(form: str) -> str:
    """The glossary's context words for a form that needs them (contrôle, rappel…)."""
    for term in load_glossary():
        written = {fold(f) for f in (term.terme, *term.variantes, term.sigle_de or "")}
        if fold(form) in written:
            return " ".join(term.contexte[:4])
    return ""


@pytest.mark.parametrize("row_term, form", list(forms()), ids=lambda v: v)
def test_jargon_is_found_and_explained(row_term, form):
    sentence = (
        f"Madame, au sujet de votre dossier, nous vous informons : {form}. "
        f"Cette décision concerne vos droits ({context_words(form)})."
    )
    found = [f for f in default_finder().find(sentence) if f.known]
    matched = [f for f in found if fold(f.text) == fold(form)]
    assert matched, f"« {form} » ({row_term}) non trouvé ; trouvé : {[f.text for f in found]}"
    assert matched[0].definition.strip()
