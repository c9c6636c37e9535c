"""Data computed once and kept on disk between starts: arrays (catalogue vectors, wage
grid) and plain data (the engine's parameter files, parsed).

A file is named by a digest of everything its content depends on (model, texts,
engine version, parameters…): when one of them changes, the name changes and the
data is computed again.  A damaged file is recomputed; a read-only disk only costs
the computation at each start.  The folder is ``GUICHET_CACHE_DIR``, else
``$XDG_CACHE_HOME/guichet`` or ``~/.cache/guichet``; only this program writes there
(plain data is kept with ``pickle``, read back only from that folder).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np


def cache_dir() -> Path:
    configured = os.environ.get("GUICHET_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "guichet"


def cached_arrays(
    prefix: str,
    parts: Iterable[str | bytes],
    build: Callable[[], dict[str, np.ndarray]],
    valid: Callable[[dict[str, np.ndarray]], bool] = lambda arrays: True,
    directory: Path | None = None,
) -> dict[str, np.ndarray]:
    """The arrays of ``build()``, read from disk when the same ``parts`` were seen before."""
    path = _path(prefix, parts, ".npz", directory)
    if path.exists():
        try:
            with np.load(path) as stored:
                arrays = {name: stored[name] for name in stored.files}
            if valid(arrays):
                return arrays
        except (OSError, ValueError, KeyError):
            pass
    arrays = build()
    _store(path, lambda temporary: np.savez(temporary, **arrays))
    return arrays


def cached_data(
    prefix: str,
    parts: Iterable[str | bytes],
    build: Callable[[], object],
    directory: Path | None = None,
):
    """The plain data of ``build()`` (dicts, lists, strings, numbers, dates), read from disk
    when the same ``parts`` were seen before: a new copy at each call."""
    path = _path(prefix, parts, ".pickle", directory)
    if path.exists():
        try:
            with path.open("rb") as stored:
                return pickle.load(stored)
        except (pickle.UnpicklingError, OSError, EOFError, ValueError, TypeError, AttributeError):
            pass  # fichier abîmé : recalculé
    data = build()
    dumped = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    _store(path, lambda temporary: temporary.write_bytes(dumped))
    return data


def _path(prefix: str, parts: Iterable[str | bytes], suffix: str, directory: Path | None) -> Path:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\x1f")
    return (directory or cache_dir()) / f"{prefix}-{digest.hexdigest()[:20]}{suffix}"


def _store(path: Path, write: Callable[[Path], object]) -> None:
    """Write through a temporary file, so that a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp{path.suffix}")
        write(temporary)
        temporary.replace(path)
    except OSError:
        pass  # un disque en lecture seule : seulement recalculé au prochain démarrage
