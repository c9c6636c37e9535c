"""Finding glossary terms: folding, stems, longest match, acronyms, context, unknown acronyms.

The mechanism is tested on a small glossary of our own (the real one is content, tested in
test_jargon.py and test_letters.py); false positives are measured on the real glossary.
"""

import pytest

from guichet.catalogue.glossary import Term
from guichet.letters import TermFinder, default_finder

TERMS = [
    Term(terme="trop-perçu", variantes=["trop perçu"], domaines=["caf"], definition="En trop."),
    Term(
        terme="retenue sur prestations",
        variantes=["retenues"],
        domaines=["caf"],
        definition="L'organisme se rembourse.",
        contexte=["dette", "indu", "rembourser"],
    ),
    Term(terme="retenue", domaines=["general"], definition="Une partie gardée.", contexte=["paie"]),
    Term(
        terme="RAPO",
        sigle_de="recours administratif préalable obligatoire",
        domaines=["mdph"],
        definition="Un recours d'abord.",
    ),
    Term(terme="CAF", domaines=["caf"], definition="La caisse."),
    Term(terme="UC", variantes=["unité de consommation"], domaines=["impots"], definition="Part."),
    Term(
        terme="contrôle",
        domaines=["caf"],
        definition="La CAF vérifie.",
        contexte=["caf", "situation", "contrôleur"],
    ),
    Term(terme="PAS", sigle_de="prélèvement à la source", domaines=["impots"], definition="Impôt."),
    Term(
        terme="appel d'un jugement",
        variantes=["appel"],
        domaines=["justice"],
        definition="Demander un nouveau jugement.",
    ),
]


@pytest.fixture(scope="module")
def finder():
    return TermFinder(TERMS, known_words={"objet", "madame"})


def found(finder, text):
    return [(f.terme, f.text) for f in finder.find(text)]


@pytest.mark.parametrize(
    "text, written",
    [
        ("Vous avez un TROP-PERÇU de 300 €.", "TROP-PERÇU"),
        ("des trop perçus", "trop perçus"),
        ("le trop-percu", "trop-percu"),
        ("TROP PERCU", "TROP PERCU"),
    ],
)
def test_capitals_accents_hyphens_and_plurals_do_not_matter(finder, text, written):
    assert found(finder, text) == [("trop-perçu", written)]


def test_offsets_point_at_the_words_as_written(finder):
    text = "Objet : un TROP-PERÇU."
    (term,) = finder.find(text)
    assert text[term.start : term.end] == "TROP-PERÇU"


def test_longest_form_wins(finder):
    text = "Une retenue sur prestations sera faite pour rembourser la dette."
    assert found(finder, text) == [("retenue sur prestations", "retenue sur prestations")]


def test_expansion_of_an_acronym_is_found(finder):
    text = "Faites un recours administratif préalable obligatoire."
    assert found(finder, text) == [("RAPO", "recours administratif préalable obligatoire")]


def test_acronyms_match_as_written_only(finder):
    assert found(finder, "Votre UC est de 1,5.") == [("UC", "UC")]
    assert found(finder, "le mot uc en minuscules") == []
    assert found(finder, "Pas de nouvelles. Il ne pas pas.") == []
    assert found(finder, "Le PAS commence en janvier.") == [("PAS", "PAS")]


def test_an_acronym_written_like_a_name_inside_a_sentence(finder):
    assert found(finder, "Écrivez à la Caf du Doubs.") == [("CAF", "Caf")]


def test_context_words_within_twelve_words(finder):
    assert found(finder, "Le contrôle de votre situation par la CAF.") == [
        ("contrôle", "contrôle"),
        ("CAF", "CAF"),
    ]
    assert found(finder, "Le contrôle technique de la voiture est fait.") == []
    far = "Le contrôle " + "a b c d e f g h i j k l m n " + "situation"
    assert found(finder, far) == []


def test_a_word_cut_from_a_longer_term_needs_its_context(finder):
    assert found(finder, "Les retenues faites pour rembourser votre dette.") == [
        ("retenue sur prestations", "retenues")
    ]
    assert found(finder, "Les eaux retenues par le barrage.") == []


def test_a_variant_cut_from_a_longer_term_without_contexte_uses_its_domain(finder):
    assert found(finder, "J'ai reçu un appel de ma sœur hier soir.") == []
    assert found(finder, "Vous pouvez faire appel de ce jugement du tribunal.") == [
        ("appel d'un jugement", "appel")
    ]


def test_unknown_acronym_is_flagged(finder):
    (unknown,) = finder.find("Votre dossier XKZT est en cours.")
    assert unknown.term is None and unknown.text == "XKZT"
    assert unknown.definition.startswith("Sigle inconnu")


@pytest.mark.parametrize(
    "text",
    [
        "Chapitre IV, article XII.",
        "Montant : 45 EUR TTC, soit 37,50 HT.",
        "Monsieur Karim BENALI",
        "Mme Léa DUPONT-MARTIN",
        "12 RUE DE DOLE\n25000 BESANCON",
        "MISE EN DEMEURE DE PAYER",
        "AVIS D'IMPOSITION",
        "OBJET : votre dossier",
        "ATTENTION : dette. Votre attention est demandée.",
    ],
)
def test_capitals_that_are_not_acronyms(finder, text):
    assert [f.text for f in finder.find(text) if not f.known] == []


def test_a_street_named_after_a_term_is_an_address(finder):
    assert found(finder, "13 rue de la Caf, 25000 Besançon") == []


# --- false positives of the real glossary on ordinary French ---------------------------------

ORDINARY = [
    "Le contrôle technique de ma voiture est prévu pour samedi matin.",
    "Elle a perdu le contrôle de son vélo dans la descente.",
    "Le contrôle de maths était difficile, mais mon fils a eu une bonne note.",
    "Le médecin m'a fait un rappel du vaccin contre le tétanos.",
    "Je te rappelle ce soir après le travail, promis.",
    "Un petit rappel : la fête de l'école commence à 16 heures.",
    "Mon fils a eu une heure de retenue au collège pour bavardage.",
    "Il a été retenu au bureau par une réunion qui n'en finissait pas.",
    "Les eaux retenues par le barrage ont inondé la vallée.",
    "Elle a fait preuve de beaucoup de retenue pendant la dispute.",
    "Nous sommes allés au marché acheter des pommes et du pain.",
    "Les enfants jouent au parc pendant que les parents discutent sur un banc.",
    "Il fait beau aujourd'hui, nous irons nous promener au bord du Doubs.",
    "Mon voisin m'a aidé à porter le canapé jusqu'au troisième étage.",
    "J'ai reçu un appel de ma sœur qui vit à Lyon.",
]
WATCHED = {"contrôle", "rappel", "retenue sur prestations", "appel d'un jugement"}


def test_common_words_are_not_jargon_in_ordinary_sentences():
    finder = default_finder()
    wrong = [(s, f.terme) for s in ORDINARY for f in finder.find(s) if f.terme in WATCHED]
    assert wrong == []


def test_false_positive_rate_on_ordinary_text_is_measured():
    """Every glossary term found in everyday sentences is a false positive: at most one per
    100 words (measured: see the assertion message when it fails)."""
    finder = default_finder()
    hits = [(s, f.terme, f.text) for s in ORDINARY for f in finder.find(s)]
    words = sum(len(s.split()) for s in ORDINARY)
    assert len(hits) <= words / 100, f"{len(hits)} faux positifs sur {words} mots : {hits}"
