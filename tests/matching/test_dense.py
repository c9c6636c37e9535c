from guichet.catalogue import load_catalogue
from guichet.catalogue.loader import Catalogue
from guichet.matching.dense import DenseIndex


def small_catalogue():
    full = load_catalogue()
    return Catalogue({key: full.get(key) for key in ("css", "aide-logement", "are")})


def test_embeddings_are_cached_on_disk_and_reused(tmp_path):
    first = DenseIndex(small_catalogue(), tmp_path)
    files = list(tmp_path.glob("catalogue-*.npz"))
    assert len(files) == 1
    second = DenseIndex(small_catalogue(), tmp_path)
    assert (first.vectors == second.vectors).all()
    assert list(tmp_path.glob("catalogue-*.npz")) == files


def test_a_changed_catalogue_rebuilds_the_cache(tmp_path):
    DenseIndex(small_catalogue(), tmp_path)
    full = load_catalogue()
    DenseIndex(Catalogue({"rsa": full.get("rsa")}), tmp_path)
    assert len(list(tmp_path.glob("catalogue-*.npz"))) == 2


def test_meaning_across_languages(tmp_path):
    index = DenseIndex(small_catalogue(), tmp_path)
    assert index.rank("I can't pay my rent")[0][0] == "aide-logement"
    assert index.rank("perdí mi trabajo")[0][0] == "are"
