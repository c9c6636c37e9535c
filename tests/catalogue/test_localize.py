"""Translations of the catalogue: they load, they match the French line by line, and a
démarche in another language falls back to French field by field, saying which fields."""

import re

import pytest

from guichet.catalogue import CatalogueError, load_catalogue, load_file, localized
from guichet.catalogue.loader import DEMARCHES_DIR
from guichet.catalogue.localize import TRANSLATABLE_FIELDS, TRANSLATED_LANGUAGES

# The 20 most used démarches at the France services desk (issue 6), fully translated.
MOST_USED = (
    "rsa prime-activite aide-logement css puma carte-vitale allocations-familiales are "
    "inscription-france-travail actualisation-france-travail aah mdph cheque-energie fsl "
    "aide-alimentaire aide-urgence-ccas titre-sejour hebergement-urgence violences-conjugales "
    "apprendre-francais"
).split()
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def test_languages_are_english_arabic_and_turkish():
    assert set(TRANSLATED_LANGUAGES) == {"en", "ar", "tr"}


@pytest.mark.parametrize("demarche_id", MOST_USED)
@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_most_used_demarches_are_fully_translated(demarche_id, lang):
    view = localized(load_catalogue().get(demarche_id), lang)
    assert view.fallback == frozenset(), f"{demarche_id} ({lang}) : {sorted(view.fallback)}"
    assert view.titre != view.demarche.titre


@pytest.mark.parametrize("demarche_id", MOST_USED)
def test_arabic_texts_are_in_arabic_script(demarche_id):
    view = localized(load_catalogue().get(demarche_id), "ar")
    for line in (view.titre, view.resume, *view.facile, *view.etapes):
        assert ARABIC_LETTER.search(line), line


def test_french_is_the_source_and_never_falls_back():
    rsa = load_catalogue().get("rsa")
    view = localized(rsa, "fr")
    assert view.titre == rsa.titre and view.etapes == tuple(rsa.etapes)
    assert view.fallback == frozenset() and not view.untranslated
    assert localized(rsa, None).lang == "fr"


def test_a_translated_demarche_uses_its_translation():
    rsa = load_catalogue().get("rsa")
    view = localized(rsa, "en")
    assert view.titre == rsa.traductions["en"].titre
    assert view.facile == tuple(rsa.traductions["en"].facile)
    assert view.lang_of("titre") == "en"
    assert localized(rsa, "en-GB").titre == view.titre


def test_an_untranslated_demarche_falls_back_to_french_everywhere():
    demarche = next(d for d in load_catalogue() if not d.traductions)
    view = localized(demarche, "tr")
    assert view.titre == demarche.titre
    assert view.untranslated
    assert view.lang_of("resume") == "fr"
    expected = {name for name in TRANSLATABLE_FIELDS if getattr(demarche, name)}
    assert view.fallback == expected


def test_a_partial_translation_falls_back_field_by_field():
    rsa = load_catalogue().get("rsa")
    partial = rsa.model_copy(
        update={"traductions": {"ar": rsa.traductions["ar"].model_copy(update={"etapes": None})}}
    )
    view = localized(partial, "ar")
    assert view.fallback == {"etapes"}
    assert view.etapes == tuple(rsa.etapes) and view.lang_of("etapes") == "fr"
    assert view.titre == rsa.traductions["ar"].titre
    assert not view.untranslated
    assert localized(partial, "en").untranslated


def test_an_unknown_language_falls_back_to_french():
    view = localized(load_catalogue().get("rsa"), "de")
    assert view.untranslated and view.titre == load_catalogue().get("rsa").titre


def write_rsa(tmp_path, old, new):
    text = (DEMARCHES_DIR / "rsa.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "rsa.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_only_english_arabic_and_turkish_are_accepted(tmp_path):
    path = write_rsa(tmp_path, "traductions:\n  en:\n", "traductions:\n  de:\n")
    with pytest.raises(CatalogueError, match="traductions"):
        load_file(path)


def test_a_translation_has_no_unknown_field(tmp_path):
    path = write_rsa(tmp_path, "traductions:\n  en:\n", "traductions:\n  en:\n    couleur: bleu\n")
    with pytest.raises(CatalogueError, match="couleur"):
        load_file(path)


def test_a_translated_list_keeps_the_french_number_of_lines(tmp_path):
    english_steps = "    etapes:\n      - Do a simulation to find out if you can get the RSA.\n"
    path = write_rsa(tmp_path, english_steps, "    etapes:\n")
    with pytest.raises(CatalogueError, match="etapes"):
        load_file(path)


def test_a_translation_may_leave_fields_out(tmp_path):
    start = "traductions:\n  en:\n"
    text = (DEMARCHES_DIR / "rsa.yaml").read_text(encoding="utf-8")
    head = text[: text.index(start)]
    path = tmp_path / "rsa.yaml"
    path.write_text(head + start + "    titre: A minimum income\n", encoding="utf-8")
    demarche = load_file(path)
    assert localized(demarche, "en").fallback == set(TRANSLATABLE_FIELDS) - {"titre"}
