"""The engine's parameter files, parsed once and read back from one file at the next starts.

OpenFisca-France keeps its parameters in about 4 000 YAML files, and parsing them
was half of building the tax-benefit system (about 1.5 s of 3.3 s at each start of
the site and of ``guichet simuler``).  Their parsed contents — plain dicts, lists,
strings, numbers and dates, exactly what the engine's own reader returns — are kept
by ``guichet.disk_cache``, named by the versions of the engine and of the YAML
reader and by the folder of the files: an upgrade reads the files again.  The
engine then builds its parameters from them as usual (tested: the same values).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from guichet.disk_cache import cached_data


def parameters_folder() -> Path:
    import openfisca_france

    return Path(openfisca_france.__file__).parent / "parameters"


def _read_all(folder: Path, read) -> dict[str, object]:
    """Every YAML file of the folder, parsed by the engine's reader; a file it cannot read is
    left out (the engine then reads it itself, and says what is wrong)."""
    contents = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith((".yaml", ".yml")):
                path = os.path.join(root, name)
                try:
                    contents[path] = read(path)
                except Exception:  # noqa: BLE001 — l'erreur du moteur sera la bonne
                    continue
    return contents


@contextlib.contextmanager
def parsed_parameter_files() -> Iterator[None]:
    """While building the system, the engine reads its parameter files from the cache."""
    from openfisca_core.parameters import helpers

    read = helpers._load_yaml_file
    folder = parameters_folder()
    parts = [
        version("OpenFisca-France"),
        version("OpenFisca-Core"),
        version("PyYAML"),
        str(folder),
    ]
    contents = cached_data("openfisca-parametres", parts, lambda: _read_all(folder, read))

    def cached_read(path):
        found = contents.get(os.fspath(path))
        return read(path) if found is None else found

    helpers._load_yaml_file = cached_read
    try:
        yield
    finally:
        helpers._load_yaml_file = read
