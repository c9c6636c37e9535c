"""Readability: Kandel–Moles through textstat's French settings, sentence length, jargon
density and a level; every summary of the catalogue is « facile »."""

import pytest

from guichet.catalogue import load_catalogue
from guichet.letters import readability
from guichet.letters.readability import EASY, as_sentences, level, prose

EASY_TEXT = "Vous avez droit à une aide. Elle vient chaque mois. Vous devez la demander."
HARD_TEXT = (
    "Conformément aux dispositions réglementaires applicables, l'organisme débiteur procède "
    "à la récupération de l'indu constaté par imputation automatique sur les prestations "
    "ultérieurement exigibles, sous réserve de l'exercice préalable des voies de recours "
    "administratives et contentieuses prévues par la législation en vigueur."
)


def test_kandel_moles_with_textstat_french_settings():
    import textstat

    textstat.set_lang("fr")
    words, sentences = 4, 1
    syllables = textstat.syllable_count("Vous avez une aide.")
    expected = 207 - 1.015 * words / sentences - 73.6 * syllables / words
    assert readability("Vous avez une aide, voilà tout.")["score"] != 0
    assert textstat.flesch_reading_ease("Vous avez une aide.") == pytest.approx(expected)


def test_easy_and_hard_texts():
    easy, hard = readability(EASY_TEXT, jargon=0), readability(HARD_TEXT, jargon=0)
    assert easy["niveau"] == "facile" and easy["score"] >= EASY
    assert hard["niveau"] == "difficile"
    assert hard["message"] == "Ce texte est difficile à lire : venez le lire avec un conseiller."
    assert hard["mots_par_phrase"] > easy["mots_par_phrase"]


def test_letters_say_courrier():
    message = readability(HARD_TEXT, jargon=0, what="courrier")["message"]
    assert message == "Ce courrier est difficile à lire : venez le lire avec un conseiller."


def test_jargon_density_counts_glossary_terms():
    text = "La CAF a calculé un indu et un trop-perçu. Vous pouvez demander une remise de dette."
    assert readability(text)["jargon_pour_100_mots"] >= 15


def test_heavy_jargon_makes_a_text_one_step_harder():
    assert level(80) == "facile" and level(80, jargon_density=6) == "moyen"
    assert level(60) == "moyen" and level(60, jargon_density=6) == "difficile"
    assert level(30, jargon_density=9) == "difficile"


def test_empty_text():
    assert readability("", jargon=0)["niveau"] == "difficile"


def test_letter_lines_without_full_stop_are_sentences():
    assert as_sentences("Objet : indu\nMadame,\nvous devez payer\nla somme.") == (
        "Objet : indu. Madame, vous devez payer la somme."
    )


def test_addresses_and_signature_are_not_prose():
    letter = (
        "CAF du Doubs\n2 rue Denis Papin\n25000 Besançon\n\n"
        "Madame,\n\nVous avez reçu trop d'argent. Vous devez rendre 300 €. Appelez-nous.\n\n"
        "Le directeur\nwww.caf.fr"
    )
    assert "Papin" not in prose(letter) and "Appelez-nous" in prose(letter)


# Summaries of the catalogue that may stay above « facile », each with its reason.
SUMMARY_EXCEPTIONS: dict[str, str] = {}


@pytest.mark.parametrize("demarche", list(load_catalogue()), ids=lambda d: d.id)
def test_every_catalogue_summary_is_easy(demarche):
    if demarche.id in SUMMARY_EXCEPTIONS:
        pytest.skip(SUMMARY_EXCEPTIONS[demarche.id])
    result = readability(demarche.resume)
    assert result["score"] >= EASY, (
        f"{demarche.id} : score {result['score']} ({result['mots_par_phrase']} mots par phrase). "
        "Raccourcissez les phrases ou ajoutez une exception avec sa raison."
    )


def test_exceptions_are_still_needed():
    catalogue = load_catalogue()
    stale = [
        d
        for d in SUMMARY_EXCEPTIONS
        if d not in catalogue or readability(catalogue.get(d).resume)["score"] >= EASY
    ]
    assert stale == []
