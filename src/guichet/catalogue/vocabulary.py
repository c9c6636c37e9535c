"""The shared table of synonyms, old names and slang (content, validated at load)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from .loader import CatalogueError
from .schema import DATA_DIR, Line, Strict

VOCABULARY_FILE = DATA_DIR / "vocabulaire.yaml"


class Synonym(Strict):
    forme: Line
    sens: Line


_ADAPTER = TypeAdapter(list[Synonym])


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> tuple[Synonym, ...]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(_ADAPTER.validate_python(raw))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: YAML illisible : {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CatalogueError(f"{path}: entrée « {where} » : {first['msg']}") from exc
