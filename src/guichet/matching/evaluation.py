"""Measure need matching on a TSV of phrasings (texte, attendus, tags): top-1, top-3, MRR.

`attendus` lists the acceptable ids separated by « | »: any of them counts as right.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .matcher import Matcher


@dataclass(frozen=True)
class Failure:
    texte: str
    attendus: tuple[str, ...]
    obtenus: tuple[str, ...]


@dataclass
class Report:
    total: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal_ranks: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    by_tag: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.total if self.total else 0.0

    def lines(self) -> list[str]:
        out = [
            f"{self.total} besoins : top-1 {self.top1 / self.total:.1%}, "
            f"top-3 {self.top3_rate:.1%}, MRR {self.reciprocal_ranks / self.total:.3f}"
        ]
        for tag, (hits, count) in sorted(self.by_tag.items()):
            out.append(f"  {tag:<12} top-3 {hits}/{count}")
        for failure in self.failures:
            out.append(
                f"RATÉ  {failure.texte!r}\n      attendu {'|'.join(failure.attendus)}, "
                f"obtenu {', '.join(failure.obtenus[:5])}"
            )
        return out


def read_phrasings(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    missing = {"texte", "attendus"} - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"colonnes manquantes dans {path} : {', '.join(sorted(missing))}")
    return rows


def evaluate(matcher: Matcher, rows: list[dict[str, str]]) -> Report:
    report = Report()
    for row in rows:
        expected = tuple(row["attendus"].split("|"))
        got = tuple(m.id for m in matcher.match(row["texte"], limit=10).demarches)
        rank = next((i for i, key in enumerate(got, 1) if key in expected), None)
        report.total += 1
        report.top1 += rank == 1
        hit = rank is not None and rank <= 3
        report.top3 += hit
        report.reciprocal_ranks += 1 / rank if rank else 0.0
        for tag in filter(None, (row.get("tags") or "").split("|")):
            report.by_tag[tag][0] += hit
            report.by_tag[tag][1] += 1
        if not hit:
            report.failures.append(Failure(row["texte"], expected, got))
    return report
