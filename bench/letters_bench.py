"""Letter explainer speed: a two-page text letter, and the OCR of a phone photo.

Printed figures only; performance is never asserted in tests.
Run: .venv/bin/python bench/letters_bench.py [--runs 200] [--photos 3]

* explain(): p50 and p95 over the runs of a two-page letter (five of our test letters one
  after the other, about 900 words), warm, in wall time and in CPU time; each run gets its own reference line, so
  that no cache (textstat keeps its last texts) answers for it. Target: p95 ≤ 50 ms.
* explain_file() of one phone photo (a test letter rendered to an A4 page at 150 dpi,
  4° askew, noise, JPEG), through Tesseract: each run, and the median. Target: ≤ 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the photo maker lives with the tests

DATA = ROOT / "tests" / "letters" / "data"
PAGES = ("caf_indu", "commissaire_commandement", "mdph_notification", "cpam_css", "cpam_ij")


def two_page_letter() -> str:
    return "\n\n".join((DATA / f"{name}.txt").read_text(encoding="utf-8") for name in PAGES)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_text(runs: int) -> None:
    from guichet.letters import explain

    letter = two_page_letter()
    started = time.perf_counter()
    explain(letter)
    print(
        f"first explanation (glossary, catalogue, textstat loaded): {time.perf_counter() - started:.2f} s"
    )
    timings, cpu = [], []
    for run in range(runs):
        text = f"{letter}\nRéférence à rappeler : {run:06d}"
        started, started_cpu = time.perf_counter(), time.process_time()
        explain(text)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    words = len(letter.split())
    print(
        f"two-page letter ({words} words), {runs} runs: wall p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms; "
        f"CPU p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms "
        f"(target p95 ≤ 50 ms; CPU time shows it without the other processes of the machine)"
    )


def bench_photo(runs: int) -> None:
    from tests.letters.photos import phone_photo

    from guichet.letters import explain_file, ocr_available

    if runs < 1:
        return
    if not ocr_available():
        print("photo: Tesseract absent (tesseract-ocr, tesseract-ocr-fra), not measured")
        return
    photo = phone_photo((DATA / "caf_indu.txt").read_text(encoding="utf-8"), angle=4.0)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        explanation = explain_file(photo, "photo.jpg")
        timings.append(time.perf_counter() - started)
    found = len(explanation.amounts), len(explanation.deadlines), len(explanation.terms)
    print(
        f"phone photo ({len(photo) // 1024} KB JPEG), {runs} runs: "
        + ", ".join(f"{t:.2f} s" for t in timings)
        + f"; median {statistics.median(timings):.2f} s (target ≤ 5 s); "
        f"found {found[0]} amounts, {found[1]} time limits, {found[2]} terms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--photos", type=int, default=3)
    args = parser.parse_args()
    bench_text(args.runs)
    bench_photo(args.photos)


if __name__ == "__main__":
    main()
