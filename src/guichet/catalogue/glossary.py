"""The glossary of administrative language: content in YAML, validated like the catalogue.

One file per domain in data/glossaire/ (caf.yaml, impots.yaml…), each a list of terms.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, TypeAdapter, ValidationError, field_validator

from .loader import CatalogueError, load_catalogue
from .schema import DATA_DIR, Line, Slug, Strict

GLOSSARY_DIR = DATA_DIR / "glossaire"

Domain = Literal[
    "caf",
    "cpam",
    "france-travail",
    "impots",
    "mdph",
    "prefecture",
    "justice",
    "logement",
    "energie",
    "banque",
    "retraite",
    "departement",
    "general",
]


class Term(Strict):
    """A word or phrase of administrative letters, explained in plain French."""

    terme: Line = Field(description="The usual written form: « trop-perçu », « RAPO ».")
    variantes: list[Line] = Field(
        default_factory=list,
        description="Other forms, inflections and acronyms: « trop perçu », « indus ».",
    )
    sigle_de: Line | None = Field(
        default=None, description="For an acronym, what it stands for: RAPO → « recours … »."
    )
    domaines: list[Domain] = Field(min_length=1)
    definition: Line = Field(description="One or two short sentences, FALC-friendly.")
    que_faire: Line | None = Field(default=None, description="What to do when you meet it.")
    demarches: list[Slug] = Field(default_factory=list, description="Related catalogue ids.")
    contexte: list[Line] = Field(
        default_factory=list,
        description="For a common word that is jargon only in context (contrôle, rappel): "
        "words of which at least one must appear near it.",
    )

    @field_validator("variantes")
    @classmethod
    def _no_duplicate_forms(cls, values: list[str]) -> list[str]:
        lowered = [v.lower() for v in values]
        duplicates = {v for v in lowered if lowered.count(v) > 1}
        if duplicates:
            raise ValueError(f"variantes en double : {', '.join(sorted(duplicates))}")
        return values


_TERMS = TypeAdapter(list[Term])


def load_glossary_file(path: Path) -> list[Term]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: YAML illisible : {exc}") from exc
    try:
        return _TERMS.validate_python(raw)
    except ValidationError as exc:
        details = "; ".join(
            f"entrée {'.'.join(str(p) for p in e['loc'])} : {e['msg']}" for e in exc.errors()
        )
        raise CatalogueError(f"{path}: {details}") from exc


@cache
def load_glossary(directory: Path = GLOSSARY_DIR) -> tuple[Term, ...]:
    """All terms, checked: known démarches, no form claimed by two terms."""
    terms: list[Term] = []
    owner: dict[str, str] = {}
    catalogue = load_catalogue()
    for path in sorted(directory.glob("*.yaml")):
        for term in load_glossary_file(path):
            unknown = [d for d in term.demarches if d not in catalogue]
            if unknown:
                raise CatalogueError(
                    f"{path}: terme « {term.terme} », champ « demarches » : "
                    f"fiches inconnues : {', '.join(unknown)}"
                )
            for form in (term.terme, *term.variantes):
                key = form.lower()
                if key in owner and owner[key] != term.terme:
                    raise CatalogueError(
                        f"{path}: terme « {term.terme} » : la forme « {form} » "
                        f"appartient déjà à « {owner[key]} »"
                    )
                owner[key] = term.terme
            terms.append(term)
    return tuple(terms)
