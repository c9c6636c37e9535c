import pytest

from guichet.matching.urgency import detect_urgencies


def ids(text):
    return [u.id for u in detect_urgencies(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je dors dans ma voiture depuis 3 jours", "sans-abri"),
        ("je suis à la rue ce soir avec mes enfants", "sans-abri"),
        ("mon mari me frappe", "violences"),
        ("j'ai peur de mon conjoint", "violences"),
        ("je crois qu'un enfant est en danger chez mes voisins", "enfant-en-danger"),
        ("on a plus rien à manger", "faim"),
        ("EDF m'a coupé l'électricité", "coupure-energie"),
        ("plus de chauffage depuis lundi", "coupure-energie"),
        ("le huissier vient demain pour l'expulsion", "expulsion"),
        ("j'ai envie d'en finir", "detresse"),
    ],
)
def test_urgent_texts_are_detected(text, expected):
    assert expected in ids(text)


@pytest.mark.parametrize(
    "text",
    ["mutuelle pas chère", "aide pour la cantine de mon fils", "ma carte vitale est perdue"],
)
def test_ordinary_needs_are_not_urgent(text):
    assert ids(text) == []


def test_contacts_carry_a_dialable_number():
    urgency = detect_urgencies("je suis à la rue")[0]
    assert urgency.contacts[0].tel == "115"
