"""Arrays kept on disk between starts: recomputed when a source changes or the file is damaged."""

from __future__ import annotations

import numpy as np

from guichet.disk_cache import cached_arrays


def build_counting(calls: list):
    def build():
        calls.append(1)
        return {"values": np.arange(3.0)}

    return build


def test_computed_once_then_read(tmp_path):
    calls: list = []
    first = cached_arrays("essai", ["a", b"b"], build_counting(calls), directory=tmp_path)
    again = cached_arrays("essai", ["a", b"b"], build_counting(calls), directory=tmp_path)
    assert len(calls) == 1
    np.testing.assert_array_equal(first["values"], again["values"])
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


def test_a_changed_source_computes_again(tmp_path):
    calls: list = []
    cached_arrays("essai", ["a"], build_counting(calls), directory=tmp_path)
    cached_arrays("essai", ["autre"], build_counting(calls), directory=tmp_path)
    assert len(calls) == 2


def test_a_damaged_or_invalid_file_is_recomputed(tmp_path):
    calls: list = []
    cached_arrays("essai", ["a"], build_counting(calls), directory=tmp_path)
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"pas un fichier numpy")
    assert (
        cached_arrays("essai", ["a"], build_counting(calls), directory=tmp_path)["values"][2] == 2
    )
    cached_arrays("essai", ["a"], build_counting(calls), valid=lambda a: False, directory=tmp_path)
    assert len(calls) == 3


def test_a_folder_that_cannot_be_written_only_costs_the_computation(tmp_path):
    blocked = tmp_path / "fichier"
    blocked.write_text("un fichier, pas un dossier")
    calls: list = []
    arrays = cached_arrays("essai", ["a"], build_counting(calls), directory=blocked / "cache")
    assert arrays["values"].tolist() == [0.0, 1.0, 2.0] and len(calls) == 1


def test_plain_data_is_kept_and_a_damaged_file_recomputed(tmp_path):
    import datetime

    from guichet.disk_cache import cached_data

    calls: list = []

    def build():
        calls.append(1)
        return {"valeurs": {datetime.date(2025, 4, 1): {"value": 10339}}}

    first = cached_data("essai", ["a"], build, directory=tmp_path)
    again = cached_data("essai", ["a"], build, directory=tmp_path)
    assert again == first and again is not first and len(calls) == 1
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"pas un pickle")
    assert cached_data("essai", ["a"], build, directory=tmp_path) == first
    assert len(calls) == 2
