"""Need matching latency: start-up, then p50/p95 per need over many needs (warm).

Printed figures only; performance is never asserted in tests.
Run: .venv/bin/python bench/matching_bench.py
"""

from __future__ import annotations

import csv
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def needs() -> list[str]:
    with open(ROOT / "tests/eval_data/besoins.tsv", encoding="utf-8") as handle:
        base = [row["texte"] for row in csv.DictReader(handle, delimiter="\t")]
    # Variants so that caches do not hide the cost: each need with a different tail.
    return [
        f"{text} {suffix}"
        for suffix in ("", "svp", "merci", "urgent", "aidez moi")
        for text in base
    ] * 8


def main() -> None:
    start = time.perf_counter()
    from guichet.matching import get_matcher

    matcher = get_matcher()
    matcher.match("premier besoin pour charger le modèle")
    startup = time.perf_counter() - start
    texts = needs()
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        matcher.match(text)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"matching: start-up to first answer {startup:.2f} s (catalogue, index, model, cached embeddings)"
    )
    print(f"matching: peak memory of the process {rss:.0f} MB")
    print(
        f"matching: {len(texts)} needs, p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms"
    )


if __name__ == "__main__":
    main()
