"""Load and validate the catalogue. A malformed entry fails loudly, naming the file and the field."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import DATA_DIR, Demarche

DEMARCHES_DIR = DATA_DIR / "demarches"


class CatalogueError(Exception):
    """A catalogue file is malformed. The message names the file and the field."""


@dataclass(frozen=True)
class Catalogue:
    demarches: dict[str, Demarche] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Demarche]:
        return iter(self.demarches.values())

    def __len__(self) -> int:
        return len(self.demarches)

    def __contains__(self, demarche_id: object) -> bool:
        return demarche_id in self.demarches

    def get(self, demarche_id: str) -> Demarche | None:
        return self.demarches.get(demarche_id)

    def by_theme(self, theme: str) -> list[Demarche]:
        return [d for d in self if d.theme == theme]


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "(racine)"
    return f"champ « {where} » : {error['msg']}"


def load_file(path: Path) -> Demarche:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: YAML illisible : {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogueError(f"{path}: le fichier doit contenir une fiche (un dictionnaire)")
    try:
        demarche = Demarche.model_validate(raw)
    except ValidationError as exc:
        details = "; ".join(_describe(e) for e in exc.errors())
        raise CatalogueError(f"{path}: {details}") from exc
    if demarche.id != path.stem:
        raise CatalogueError(
            f"{path}: champ « id » : « {demarche.id} » ne correspond pas au nom du fichier"
        )
    return demarche


def load_paths(paths: Iterable[Path]) -> Catalogue:
    demarches: dict[str, Demarche] = {}
    for path in sorted(paths):
        demarche = load_file(path)
        demarches[demarche.id] = demarche
    for demarche in demarches.values():
        missing = [ref for ref in demarche.voir_aussi if ref not in demarches]
        if missing:
            raise CatalogueError(
                f"{DEMARCHES_DIR / (demarche.id + '.yaml')}: champ « voir_aussi » : "
                f"fiches inconnues : {', '.join(missing)}"
            )
    return Catalogue(demarches)


@cache
def load_catalogue(directory: Path = DEMARCHES_DIR) -> Catalogue:
    """The national catalogue, loaded once per process."""
    return load_paths(directory.glob("*.yaml"))
