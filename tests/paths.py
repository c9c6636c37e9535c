"""Paths shared by the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DATA = ROOT / "tests" / "eval_data"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
