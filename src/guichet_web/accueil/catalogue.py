"""The national catalogue and the data·inclusion thématiques, as choices for the desk's forms."""

from __future__ import annotations

import json
from functools import cache

from guichet.catalogue import load_catalogue
from guichet.catalogue.schema import DATA_DIR

# Labels of the data·inclusion thématique groups (the part before « -- » in each value).
GROUPS = {
    "choisir-un-metier": "Choisir un métier",
    "creer-une-entreprise": "Créer une entreprise",
    "difficultes-administratives-ou-juridiques": "Difficultés administratives ou juridiques",
    "difficultes-financieres": "Difficultés financières",
    "equipement-et-alimentation": "Équipement et alimentation",
    "famille": "Famille",
    "lecture-ecriture-calcul": "Lecture, écriture, calcul",
    "logement-hebergement": "Logement et hébergement",
    "mobilite": "Mobilité",
    "numerique": "Numérique",
    "preparer-sa-candidature": "Préparer sa candidature",
    "remobilisation": "Remobilisation",
    "sante": "Santé",
    "se-former": "Se former",
    "souvrir-a-linternational": "S'ouvrir à l'international",
    "trouver-un-emploi": "Trouver un emploi",
}

# The reasons the Planoise desk meets most, offered as one click on the visit form.
FREQUENT_REASONS = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    "numerique--acceder-a-des-services-en-ligne",
    "difficultes-financieres--situation-dendettement-surendettement",
    "logement-hebergement--reduire-les-impayes-de-loyer",
    "sante--acces-aux-soins",
    "famille--soutien-a-la-parentalite-et-a-leducation",
    "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
)


@cache
def thematiques() -> dict[str, str]:
    items = json.loads((DATA_DIR / "thematiques.json").read_text(encoding="utf-8"))
    return {item["value"]: item["label"] for item in items}


def thematique_label(value: str) -> str:
    return thematiques().get(value, value)


def frequent_reasons() -> list[tuple[str, str]]:
    known = thematiques()
    return [(value, known[value]) for value in FREQUENT_REASONS if value in known]


def reason_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """All thématiques, grouped for a <select> with <optgroup>."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for value, label in thematiques().items():
        groups.setdefault(GROUPS.get(value.split("--")[0], "Autres"), []).append((value, label))
    return sorted(groups.items())


def demarche_title(demarche_id: str) -> str:
    demarche = load_catalogue().get(demarche_id)
    return demarche.titre if demarche else demarche_id


def demarche_choices() -> list[tuple[str, str]]:
    return sorted(((d.id, d.titre) for d in load_catalogue()), key=lambda item: item[1])


def demarche_documents(demarche_id: str) -> list[str]:
    demarche = load_catalogue().get(demarche_id)
    return list(demarche.documents) if demarche else []
