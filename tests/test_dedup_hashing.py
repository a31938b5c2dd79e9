"""The duplicate pass hashes shingles faster with the same MinHash signatures and the same duplicates."""
import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

from narrative.analyzer import words as analyzer_words
from narrative.dedup import DuplicateIndex, find_duplicates, minhash_signature, sha1_32, shingles

from support import DEMO, NEWS


def _shingles_by_string(text, k=5):
    """The definition before: each shingle joined as text, then encoded (words as the analyser reads them)."""
    words = analyzer_words(text)
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def _documents(n=120):
    from narrative.corpus import load_corpus

    return load_corpus(DEMO).head(n)


def test_shingles_and_hashes_are_datasketchs():
    texts = _documents()["text"].tolist() + [NEWS, "Zełenski i Ławrow", "short text", "", "Київ — Харків, 2022"]
    for text in texts:
        grams = shingles(text)
        assert grams == _shingles_by_string(text)
        assert [sha1_32(g) for g in grams] == [sha1_hash32(g) for g in grams]


def test_signatures_and_duplicates_are_unchanged():
    docs = _documents()
    docs = docs.assign(text=docs["text"].astype(str))
    copy = docs.iloc[[3]].assign(doc_id="copy", text=docs["text"].iloc[3].replace(".", " .", 2))
    index = DuplicateIndex()
    for text in docs["text"].head(30):
        grams = list(shingles(text))
        if not grams:
            continue
        ours = minhash_signature(text, index.num_perm)
        theirs = MinHash(num_perm=index.num_perm, seed=1)
        theirs.update_batch(grams)
        assert np.array_equal(ours, theirs.hashvalues.astype(np.uint32))
    index.close()
    import pandas as pd

    table = find_duplicates(pd.concat([docs, copy], ignore_index=True))
    assert table.loc[table["doc_id"] == "copy", "duplicate_of"].iloc[0] == docs["doc_id"].iloc[3]
