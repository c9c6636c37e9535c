"""A BM25 index over weighted fields of the catalogue (a light BM25F).

Field weights encode a business decision: the words people use (`mots`, life events,
acronym) say more about a démarche than the description does.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

K1 = 1.2
B = 0.5


@dataclass(frozen=True)
class Document:
    key: str
    terms: Counter  # stem → weighted frequency
    length: float


class BM25Index:
    def __init__(self, documents: list[Document]):
        self.documents = documents
        self.average_length = sum(d.length for d in documents) / max(len(documents), 1)
        frequency: Counter = Counter()
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for position, document in enumerate(documents):
            for term, weight in document.terms.items():
                frequency[term] += 1
                self.postings[term].append((position, weight))
        total = len(documents)
        self.idf = {
            term: math.log(1 + (total - count + 0.5) / (count + 0.5))
            for term, count in frequency.items()
        }

    def __contains__(self, term: str) -> bool:
        return term in self.idf

    def score(self, query: dict[str, float]) -> dict[str, tuple[float, dict[str, float]]]:
        """Score each document for weighted query terms; returns key → (score, per-term part)."""
        scores: dict[int, float] = defaultdict(float)
        parts: dict[int, dict[str, float]] = defaultdict(dict)
        for term, query_weight in query.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            for position, tf in self.postings[term]:
                document = self.documents[position]
                norm = K1 * (1 - B + B * document.length / self.average_length)
                part = query_weight * idf * tf * (K1 + 1) / (tf + norm)
                scores[position] += part
                parts[position][term] = part
        return {
            self.documents[position].key: (score, parts[position])
            for position, score in scores.items()
        }
