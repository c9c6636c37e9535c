import pytest

from guichet.matching.phonetic import edit_distance, phonetic_key
from guichet.matching.text import (
    fold,
    has_real_word,
    is_plausible_word,
    raw_tokens,
    split_merged,
    stem,
)


def test_fold_removes_accents_and_case():
    assert fold("Sécu CŒUR Été") == "secu coeur ete"


def test_elisions_are_split():
    assert raw_tokens("j'ai l'APL d’aujourd’hui") == ["j", "ai", "l", "apl", "d", "aujourd", "hui"]


def test_sms_forms_are_expanded_or_dropped():
    assert raw_tokens("jsp pk svp mdr bcp") == ["je", "sais", "pas", "pourquoi", "beaucoup"]


def test_numbers_and_amounts_are_kept():
    assert raw_tokens("1100 euros, 19 000 €, 12,50") == ["1100", "euros", "19", "000", "12,50"]


def test_merged_words_are_split_when_the_rest_is_known():
    known = {"apl", "arrive"}.__contains__
    assert split_merged("lapl", known) == ["l", "apl"]
    assert split_merged("dla", known) == ["de", "la"]
    assert split_merged("jamais", known) == ["jamais"]


@pytest.mark.parametrize(
    ("a", "b"), [("loyer", "loyers"), ("allocation", "allocations"), ("coupe", "coupee")]
)
def test_singular_and_plural_share_a_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("loye", "loyer"),
        ("alocation", "allocation"),
        ("secu", "secu"),
        ("manje", "manger"),
        ("andicape", "handicape"),
    ],
)
def test_phonetic_key_joins_spellings(written, known):
    assert phonetic_key(written) == phonetic_key(known)


def test_edit_distance_counts_swaps_once():
    assert edit_distance("mutelle", "mutuelle", 2) == 1
    assert edit_distance("lyoer", "loyer", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2


@pytest.mark.parametrize(("a", "b"), [("loyer", "loi"), ("jugement", "juge"), ("gare", "garant")])
def test_unrelated_words_keep_distinct_stems(a, b):
    assert stem(a) != stem(b)


@pytest.mark.parametrize("token", ["loye", "alocasions", "jarive", "urgenttt", "rsa", "ok"])
def test_plausible_words(token):
    assert is_plausible_word(token)


@pytest.mark.parametrize(
    "token", ["aaaaaaaaaaaa", "mmmm", "ahahaha", "hahaha", "qsdfghjklm", "aeiou", "x", "00"]
)
def test_keyboard_mashing_is_not_a_word(token):
    assert not is_plausible_word(token)


def test_percent_escapes_are_not_words_but_percentages_stay():
    assert raw_tokens("%00") == []
    assert raw_tokens("loyer%20impayé") == ["loyer", "impaye"]
    assert raw_tokens("50 % de réduction, 30%") == ["50", "de", "reduction", "30"]


def test_has_real_word():
    known = {"aah"}.__contains__
    assert has_real_word("la caf", known)
    assert has_real_word("AAH", known)
    assert has_real_word("مساعدة", known)
    assert not has_real_word("aaaaaa 1234 %00 ?!", known)
    assert not has_real_word("😀😀😀", known)
