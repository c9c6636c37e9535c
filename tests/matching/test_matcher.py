import pytest

from guichet.matching import get_matcher
from guichet.matching.evaluation import evaluate, read_phrasings
from tests.paths import EVAL_DATA


@pytest.fixture(scope="module")
def matcher():
    return get_matcher()


def top_ids(matcher, text, k=3):
    return [m.id for m in matcher.match(text).demarches[:k]]


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        # shared/eval development set; issue 3 target 95 %.
        ("besoins.tsv", 0.95),
        # 211 phrasings written blind (without reading the matcher), every id ≥ 2 times.
        ("besoins_guichet.tsv", 0.95),
        # English, Arabic, Spanish, Turkish, Portuguese: the dense signal answers alone.
        ("besoins_langues.tsv", 0.80),
    ],
)
def test_top3_floors(matcher, name, floor):
    """Regression floors, not targets to tune to: other phrasings are tried too."""
    report = evaluate(matcher, read_phrasings(EVAL_DATA / name))
    assert report.top3_rate >= floor, "\n".join(report.lines())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jarive plu a payé mon loyé", "aide-logement"),
        ("je veux la CMU", "css"),
        ("inscription pole emploi", "inscription-france-travail"),
        ("mon proprio veut m'expulser", "prevention-expulsion"),
        ("ALOCATION FAMILIALE", "allocations-familiales"),
        ("besoin d'un avocat gratuit", "aide-juridictionnelle"),
        ("je vais avoir un bébé", "paje"),
        ("j'ai plus rien a manger", "aide-alimentaire"),
    ],
)
def test_everyday_phrasings(matcher, text, expected):
    assert expected in top_ids(matcher, text), matcher.match(text).to_json()


def test_why_names_the_correction(matcher):
    first = matcher.match("les alocasions familial").demarches[0]
    assert first.id == "allocations-familiales"
    assert "« alocasions » : nous avons compris « allocation »" in first.pourquoi


def test_acronyms_match_exactly(matcher):
    assert top_ids(matcher, "AAH", 1) == ["aah"]
    assert top_ids(matcher, "rsa", 1) == ["rsa"]


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "1234 5678", "<script>alert(1)</script>"])
def test_unusable_text_gets_a_message_not_an_error(matcher, text):
    result = matcher.match(text)
    assert result.message or result.demarches
    assert all("<" not in m.pourquoi for m in result.demarches)


def test_very_long_text_is_answered(matcher):
    result = matcher.match("je n'arrive plus à payer mon loyer " * 400)
    assert result.demarches


def test_json_shape(matcher):
    data = matcher.match("mutuelle pas chère").to_json()
    first = data["demarches"][0]
    assert set(first) == {"id", "titre", "score", "pourquoi"}


def test_vague_need_gets_a_clarifying_question(matcher):
    result = matcher.match("Je voudrais une aide pour les enfants.")
    assert result.question is not None
    assert 3 <= len(result.question.choix) <= 6
    assert "famille" in [c.theme for c in result.question.choix]


def test_clear_need_gets_no_question(matcher):
    assert matcher.match("ma carte vitale est perdue").question is None


def test_answer_to_the_question_filters_by_theme(matcher):
    result = matcher.match("Je voudrais une aide pour les enfants.", theme="famille")
    assert result.question is None
    assert {matcher.catalogue.get(m.id).theme for m in result.demarches} == {"famille"}


def test_other_language_is_answered_in_french(matcher):
    result = matcher.match("I lost my job, how do I get unemployment benefits?")
    assert "are" in [m.id for m in result.demarches[:3]]
    assert "français" in result.message


def test_absence_is_understood(matcher):
    assert "rsa" in top_ids(matcher, "je n'ai plus aucun revenu")


def test_several_needs_come_back_grouped(matcher):
    result = matcher.match(
        "J'ai perdu mon emploi, je ne peux plus payer le loyer et ma carte vitale est perdue"
    )
    assert len(result.groupes) >= 2
    firsts = {group.demarches[0].id for group in result.groupes}
    assert "carte-vitale" in firsts
    assert firsts & {"are", "inscription-france-travail"}
    # each need's best démarche comes first in the flat list too
    assert firsts <= {m.id for m in result.demarches[: len(firsts)]}


def test_one_need_is_not_split(matcher):
    assert matcher.match("ma carte vitale est perdue").groupes == []


@pytest.mark.parametrize(
    "text",
    [
        "aaaaaaaaaaaa",  # one letter repeated: sound key of the acronym « aeeh »
        "ahahaha",
        "mmmmmmm",
        "qsdf ghjk lmwx azer",
        "%00",  # a percent escape left by an address bar (« /besoin?texte=%2500 »)
        "00",  # a piece of a phone number of the catalogue
        "?!%%%",
    ],
)
def test_no_word_gets_nothing_found_not_a_confident_answer(matcher, text):
    result = matcher.match(text)
    assert result.demarches == [], result.to_json()
    assert result.corrections == []
    assert "rien trouvé" in result.message


def test_acronyms_are_not_reached_by_spelling_tolerance(matcher):
    assert "aeeh" not in matcher.lexicon.closest("aaaa")
    assert matcher.lexicon.closest("aaaaaaaaaaaa") == ()
    # a real misspelling is still understood, and emphasis is read as the word
    assert top_ids(matcher, "AEEH", 1) == ["aeeh"]
    assert matcher.lexicon.closest("urgenttttt") == ("urgent",)


def test_junk_next_to_a_real_need_is_ignored(matcher):
    result = matcher.match("bbbbbbbbb loyer")
    assert result.corrections == []
    assert "aide-logement" in top_ids(matcher, "bbbbbbbbb loyer")


def test_text_without_a_word_gets_no_dense_only_answer(matcher, monkeypatch):
    """Even if the meaning side found a junk text close to a démarche, it does not answer
    alone: only words count."""
    monkeypatch.setattr(matcher.dense, "rank", lambda text: [("rsa", 0.99), ("aah", 0.98)])
    assert matcher.match("zzzzzz xxxxxx").demarches == []
    assert matcher.match("1234 5678").demarches == []
    assert matcher.match("مساعدة").demarches  # a word in another script still counts


def test_e_written_for_er_is_read_as_the_infinitive(matcher):
    """« payé » for « payer » (the stemmer gives « pay » and « pai »): the person's need is
    the rent, not sick-leave pay that « pas payé » describes."""
    result = matcher.match("jarive plu a payé mon loyé")
    ids = [m.id for m in result.demarches[:3]]
    assert ids[0] == "aide-logement"
    assert "prevention-expulsion" in ids
    assert "ij-maladie" not in ids
    assert "jarive" not in result.demarches[0].pourquoi
    assert ("loyé", "loyer") in result.corrections
    assert all("payer" not in understood for _, understood in result.corrections)


def test_why_does_not_say_a_word_twice(matcher):
    for match in matcher.match("jarive plu a payé mon loyé").demarches:
        assert "« payé »" not in match.pourquoi or "« plu … payé »" not in match.pourquoi
