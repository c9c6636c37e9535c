"""Schema of a démarche of the national catalogue.

One YAML file per démarche, validated at load time. Every fixed fact (an amount,
a ceiling, an address) carries its source and the date it was read, so that a
reviewer can check it and so that pages can show how fresh it is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

DATA_DIR = Path(__file__).parent / "data"

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=400)]
Url = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]

THEMES = (
    "revenus",
    "emploi",
    "jeunes",
    "sante",
    "famille",
    "logement",
    "papiers",
    "handicap",
    "seniors",
    "justice",
    "budget",
    "numerique",
    "mobilite",
)

# Local networks that data·inclusion's `reseaux-porteurs` list does not name but
# that démarches need in order to point to a local place.
EXTRA_NETWORKS = (
    "adil",
    "banque-de-france",
    "carsat",
    "crous",
    "defenseur-des-droits",
    "education-nationale",
    "impots",
    "prefecture",
    "transport",
    "tribunal",
)


@cache
def _reference_values(name: str) -> frozenset[str]:
    items = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return frozenset(item["value"] for item in items)


def thematiques() -> frozenset[str]:
    """data·inclusion thématiques (schema 1.0.8, Licence Ouverte 2.0)."""
    return _reference_values("thematiques")


def networks() -> frozenset[str]:
    """data·inclusion réseaux porteurs plus our own EXTRA_NETWORKS."""
    return _reference_values("reseaux-porteurs") | frozenset(EXTRA_NETWORKS)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact comes from, and when it was read."""

    url: Url
    date: dt.date
    sujet: Line | None = None


class Amount(Strict):
    """A fixed amount (a flat rate, a ceiling) with its date and source."""

    libelle: Line
    montant: float = Field(ge=0)
    unite: Annotated[str, StringConstraints(pattern=r"^€( par (mois|an|jour|enfant))?$")]
    depuis: dt.date
    source: Source


class Body(Strict):
    """The body that decides and pays (CAF, CPAM, Département…)."""

    nom: Line
    sigle: str | None = None
    telephone: str | None = Field(
        default=None,
        description="National phone line of the body, when it has one.",
        pattern=r"^[0-9 ]{4,20}$",
    )


class Link(Strict):
    libelle: Line
    url: Url


# Languages a démarche can be translated into (French is the source language).
Language = Literal["en", "ar", "tr"]
Easy = Annotated[
    list[Line],
    Field(
        min_length=3,
        max_length=6,
        description="FALC short version: 3-6 very short sentences, one idea each.",
    ),
]
# Translated lists must keep the French order and count, so that a reviewer can compare
# them line by line and so that a missing line never goes unnoticed.
PARALLEL_FIELDS = ("facile", "pour_qui", "ce_que_vous_recevez", "etapes", "documents")


class Translation(Strict):
    """The reader-facing texts of a démarche in another language; any field may be missing
    (the page then shows the French text, marked as such)."""

    titre: Line | None = None
    resume: Line | None = None
    facile: Easy | None = None
    pour_qui: list[Line] | None = None
    ce_que_vous_recevez: list[Line] | None = None
    etapes: list[Line] | None = None
    documents: list[Line] | None = None


class Demarche(Strict):
    id: Slug
    titre: Line = Field(description="In everyday words: « L'aide pour payer le loyer ».")
    nom_officiel: Line
    sigle: str | None = None
    theme: str
    resume: Line = Field(description="One or two short sentences, plain French.")
    facile: Easy
    pour_qui: list[Line] = Field(min_length=2, max_length=4)
    ce_que_vous_recevez: list[Line] = Field(min_length=1)
    montants: list[Amount] = Field(default_factory=list)
    etapes: list[Line] = Field(min_length=1)
    documents: list[Line] = Field(default_factory=list)
    organisme: Body
    lien_officiel: Link
    aide_locale: list[str] = Field(
        min_length=1, description="Networks whose local places can help (reseaux porteurs)."
    )
    thematiques: list[str] = Field(min_length=1)
    mots: list[Line] = Field(min_length=3, description="Words people actually use for it.")
    evenements: list[Line] = Field(default_factory=list, description="Life events that lead here.")
    voir_aussi: list[Slug] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    mis_a_jour: dt.date
    traductions: dict[Language, Translation] = Field(default_factory=dict)

    @field_validator("theme")
    @classmethod
    def _known_theme(cls, value: str) -> str:
        if value not in THEMES:
            raise ValueError(f"thème inconnu « {value} » (attendu : {', '.join(THEMES)})")
        return value

    @field_validator("thematiques")
    @classmethod
    def _known_thematiques(cls, values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in thematiques()]
        if unknown:
            raise ValueError(f"thématiques data·inclusion inconnues : {', '.join(unknown)}")
        return values

    @field_validator("aide_locale")
    @classmethod
    def _known_networks(cls, values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in networks()]
        if unknown:
            raise ValueError(f"réseaux inconnus : {', '.join(unknown)}")
        return values

    @field_validator("mots", "evenements")
    @classmethod
    def _no_duplicates(cls, values: list[str]) -> list[str]:
        seen = set()
        for value in values:
            key = re.sub(r"\s+", " ", value.lower())
            if key in seen:
                raise ValueError(f"« {value} » est en double")
            seen.add(key)
        return values

    @model_validator(mode="after")
    def _translations_parallel(self) -> Demarche:
        for language, translation in self.traductions.items():
            for name in PARALLEL_FIELDS:
                translated = getattr(translation, name)
                french = getattr(self, name)
                if translated is not None and len(translated) != len(french or ()):
                    raise ValueError(
                        f"traductions.{language}.{name} : {len(translated)} lignes "
                        f"pour {len(french)} en français"
                    )
        return self
