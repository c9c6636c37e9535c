"""Arrays computed once and kept on disk between starts (catalogue vectors, wage grid).

A file is named by a digest of everything its content depends on (model, texts,
engine version, parameters…): when one of them changes, the name changes and the
arrays are computed again.  A damaged file is recomputed; a read-only disk only costs
the computation at each start.  The folder is ``GUICHET_CACHE_DIR``, else
``$XDG_CACHE_HOME/guichet`` or ``~/.cache/guichet``.
"""

from __future__ import annotations

import hashlib
import os
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
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\x1f")
    folder = directory or cache_dir()
    path = folder / f"{prefix}-{digest.hexdigest()[:20]}.npz"
    if path.exists():
        try:
            with np.load(path) as stored:
                arrays = {name: stored[name] for name in stored.files}
            if valid(arrays):
                return arrays
        except (OSError, ValueError, KeyError):
            pass
    arrays = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        np.savez(temporary, **arrays)
        temporary.replace(path)
    except OSError:
        pass  # un disque en lecture seule : seulement recalculé au prochain démarrage
    return arrays
