"""The duplicate pass on worker processes: the documents' signatures computed per chunk, the same duplicates."""
import pandas as pd

from narrative.dedup import DuplicateIndex, document_signature
from narrative.pipeline.duplicates import duplicate_ids

from support import DEMO


def test_signatures_from_workers_give_the_index_of_the_texts():
    texts = ["Russian forces shelled the city overnight, the regional governor said on Monday. " * 3,
             "RUSSIAN forces shelled the city overnight,   the regional governor said on Monday. " * 3,
             "Russian forces shelled the city overnight, the regional governor said on Monday. " * 3 + "He left.", "",
             "An unrelated line."]
    by_text, by_signature = DuplicateIndex(), DuplicateIndex()
    try:
        for i, text in enumerate(texts):
            by_text.add(f"d{i}", text)
            key, sig = document_signature(text)
            by_signature.add_signed(f"d{i}", key, sig)
        assert by_signature.table().equals(by_text.table())
        assert by_text.duplicate_ids() == {"d1", "d2"}
    finally:
        by_text.close()
        by_signature.close()


def test_the_demo_duplicates_are_the_same_on_two_workers(tmp_path):
    # a copy of a Kremlin release in a third file, so that a duplicate spans files (and chunks)
    putin = pd.read_csv(DEMO / "putin.csv", dtype=str, keep_default_na=False)
    putin.head(3).to_csv(tmp_path / "copies.csv", index=False)
    paths = [DEMO, tmp_path / "copies.csv"]
    one = duplicate_ids(paths, jobs=1)
    assert len(one) >= 5  # the demo's own two and the three copies
    assert duplicate_ids(paths, jobs=2) == one
