"""Who wrote the letter: header words, logo text, e-mail domain, phone number."""

import pytest

from guichet.letters.senders import find_sender


@pytest.mark.parametrize(
    "text, sender",
    [
        ("Caisse d'allocations familiales du Doubs\nMadame,", "caf"),
        ("Votre Caf\nMadame, répondez-nous.", "caf"),
        ("Contact : accueil@caf.fr\nMadame,", "caf"),
        ("Une question ? Appelez le 32 30.", "caf"),
        ("L'Assurance Maladie\nMadame,", "cpam"),
        ("ameli.fr\nVotre remboursement", "cpam"),
        ("Appelez le 36 46 du lundi au vendredi", "cpam"),
        ("FRANCE TRAVAIL\nAgence de Besançon", "france-travail"),
        ("Pôle emploi\nMonsieur,", "france-travail"),
        ("Pour nous joindre : 39 49", "france-travail"),
        ("DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES\nAvis", "impots"),
        ("Service des impôts des particuliers de Besançon", "impots"),
        ("Votre espace sur impots.gouv.fr", "impots"),
        ("SCP Martin\nCommissaires de justice associés", "commissaire-justice"),
        ("Étude de Maître Vuillemin, huissier de justice", "commissaire-justice"),
        ("Office public de l'habitat du Doubs\nVotre loyer", "bailleur"),
        ("Votre bailleur vous informe d'une hausse de loyer.", "bailleur"),
        ("PRÉFET DU DOUBS\nBureau du séjour", "prefecture"),
        ("MDPH du Doubs\nNotification", "mdph"),
        ("Tribunal judiciaire de Besançon\nGreffe", "tribunal"),
        ("Département du Doubs\nDirection de l'insertion", "departement"),
        ("EDF Service Clients\nVotre facture d'électricité", "energie"),
        ("Votre fournisseur d'électricité\nFacture", "energie"),
        ("Crédit Agricole de Franche-Comté\nVos frais", "banque"),
    ],
)
def test_sender(text, sender):
    found = find_sender(text)
    assert found is not None and found.id == sender


def test_the_letterhead_wins_over_bodies_named_in_the_text():
    text = (
        "Caisse d'allocations familiales du Doubs\n\n"
        "Madame,\nInformez France Travail de votre reprise d'emploi. France Travail vous "
        "écrira. Le 39 49 répond à vos questions sur France Travail.\n"
    )
    assert find_sender(text).id == "caf"


def test_the_client_of_a_bailiff_is_not_the_sender():
    text = (
        "SELARL Dupont\nCommissaires de justice\n\n"
        "À la demande de : Office public de l'habitat, bailleur\n"
        "Signifié à : Monsieur X, locataire\n"
        "Commandement de payer les loyers dus au bailleur.\n"
    )
    assert find_sender(text).id == "commissaire-justice"


def test_an_address_is_not_a_sender():
    assert find_sender("MDPH 25\n13 rue de la Préfecture, 25000 Besançon").id == "mdph"


def test_unknown_sender():
    assert find_sender("Bonjour, voici les photos du week-end. À bientôt !") is None
