"""The shipped territory Besançon–Planoise: what is loaded, and what is never invented."""

import datetime as dt
import json

import pytest

from guichet.catalogue.schema import networks
from guichet.directory import Period, load_territory, slugify, to_data_inclusion
from guichet.directory.territory import DATA_DIR, lines_for_networks, parse_source_date

HOME = "france-services-besancon-planoise"


@pytest.fixture(scope="module")
def territory():
    return load_territory("besancon-planoise")


def by_name(territory, start):
    return next(s for s in territory.structures if s["nom"].startswith(start))


def test_france_services_planoise(territory):
    place = territory.structure(HOME)
    assert territory.home == HOME
    assert place["adresse"] == "7 - 9 Rue Pablo Picasso"
    assert place["code_insee"] == "25056"
    assert place["telephone"] == "03 81 41 22 21"
    assert place["reseaux_porteurs"] == ["france-service"]
    periods = [Period.from_dict(p) for p in place["horaires"]]
    assert [p for p in periods if p.day == 0] == [
        Period(0, "08:30", "12:30"),
        Period(0, "13:30", "17:00"),
    ]
    assert [p for p in periods if p.day == 1][0].opens == "10:00"
    assert place["horaires_accueil"].startswith("Mo 08:30-12:30,13:30-17:00; Tu 10:00-12:30")
    assert "26/12" in place["horaires_remarque"]
    assert place["date_maj"] == dt.date(2024, 8, 1)


def test_france_services_is_one_place_not_two(territory):
    names = [s["nom"] for s in territory.structures]
    assert names.count("France services Besançon Planoise") == 1


def test_no_invented_phone_address_or_hours_for_the_caf(territory):
    caf = by_name(territory, "CAF du Doubs")
    assert caf["telephone"] is None
    assert caf["horaires"] == [] and caf["horaires_accueil"] is None
    assert caf["adresse"] == "rue Denis Papin"  # no street number in the source
    assert caf["a_verifier"] is True
    assert caf["date_source"] == "2013"


def test_empty_cells_stay_empty(territory):
    source = (DATA_DIR / "besancon-planoise" / "partenaires.csv").read_text(encoding="utf-8")
    for structure in territory.structures[1:]:
        if structure["telephone"]:
            assert structure["telephone"] in source
        if structure["adresse"]:
            assert structure["adresse"] in source


def test_free_text_hours_are_kept_as_remarks(territory):
    spada = by_name(territory, "SPADA")
    assert spada["horaires"] == []
    assert spada["horaires_remarque"] == "Pré-accueil du lundi au vendredi de 8h30 à 11h30"
    ginko = by_name(territory, "Agence Ginko")
    assert ginko["horaires_accueil"] == "Mo-Fr 09:00-18:00; Sa 09:00-17:00"


def test_networks_are_known_and_extra_networks_added(territory):
    known = networks()
    for structure in territory.structures:
        assert set(structure["reseaux_porteurs"]) <= known, structure["nom"]
    assert "prefecture" in by_name(territory, "Préfecture")["reseaux_porteurs"]
    assert by_name(territory, "Banque de France")["reseaux_porteurs"] == ["banque-de-france"]
    assert by_name(territory, "CROUS")["reseaux_porteurs"] == ["crous"]


def test_a_verifier_flag(territory):
    flagged = {s["nom"].split(" ")[0] for s in territory.structures if s["a_verifier"]}
    assert {"CAF", "CPAM", "SPADA", "Banque"} <= flagged
    assert not territory.structure(HOME)["a_verifier"]


def test_slugs_are_stable_and_unique(territory):
    ids = [s["id"] for s in territory.structures]
    assert len(ids) == len(set(ids))
    assert slugify("SIAO du Doubs – 115 (urgence sociale / hébergement)") == "siao-du-doubs-115"
    assert (
        slugify("Restos du cœur – centre de distribution")
        == "restos-du-coeur-centre-de-distribution"
    )
    assert slugify("SPADA – premier accueil des demandeurs d’asile") == (
        "spada-premier-accueil-des-demandeurs-d-asile"
    )


def test_data_inclusion_shape(territory):
    schema = json.loads((DATA_DIR / "data-inclusion" / "structure.json").read_text())
    for structure in territory.structures:
        exported = to_data_inclusion(structure)
        assert set(exported) <= set(schema["properties"])
        for key in schema["required"]:
            if key != "date_maj":  # two partner rows have no date in their source
                assert exported[key], (structure["nom"], key)


def test_services_point_to_known_places(territory):
    ids = {s["id"] for s in territory.structures}
    assert territory.services
    for service in territory.services:
        assert service["structure"] in ids
        assert service["description"]


def test_national_lines(territory):
    phones = {line.id: line.telephone for line in territory.national_lines}
    assert phones["caf"] == "32 30"
    assert phones["urgence-sociale"] == "115"
    assert len(phones) == 12
    for line in territory.national_lines:
        assert line.source == "https://www.service-public.fr"
        assert line.date == dt.date(2026, 12, 3)
    assert [line.id for line in lines_for_networks(territory.national_lines, ["cpam", "caf"])] == [
        "assurance-maladie",
        "caf",
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024-08-01", dt.date(2024, 8, 1)),
        ("2021-11", dt.date(2021, 11, 1)),
        ("2013", dt.date(2013, 1, 1)),
        ("", None),
    ],
)
def test_source_dates(text, date):
    assert parse_source_date(text) == date


def test_unknown_territory():
    with pytest.raises(ValueError, match="territoire inconnu"):
        load_territory("atlantide")
