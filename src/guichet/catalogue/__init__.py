"""The national catalogue of démarches: content in YAML, validated at load time."""

from .loader import Catalogue, CatalogueError, load_catalogue, load_file
from .localize import LocalizedDemarche, localized
from .schema import Demarche

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Demarche",
    "LocalizedDemarche",
    "load_catalogue",
    "load_file",
    "localized",
]
