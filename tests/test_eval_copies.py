import pytest

from tests.paths import EVAL_DATA, SHARED_EVAL


@pytest.mark.parametrize("name", ["besoins.tsv", "demarches.tsv", "foyers.json", "jargon.tsv"])
def test_copy_matches_shared_eval(name):
    shared = SHARED_EVAL / name
    if not shared.exists():
        pytest.skip("shared/eval absent: the copy in tests/eval_data is used alone")
    assert (EVAL_DATA / name).read_bytes() == shared.read_bytes(), (
        f"tests/eval_data/{name} differs from shared/eval/{name}: copy it again"
    )
