import pytest

from narrative.segment import sentences, split_sentences, tokenize, tokens

from conftest import NEWS

CASES = [
    ("Gen. Valery Gerasimov met Mr. Putin on Sunday. He said it was over.", 2),
    ("The U.S. envoy arrived. Lt. Col. Ivanov left at 5 p.m. on Monday.", 2),
    ("Officials in Washington, D.C. said nothing. Then Dr. Smith spoke.", 2),
    ("\u201cWe will win,\u201d he said. \u201cGlory to Ukraine!\u201d", 2),
    ("One. Two? Three!", 3),
]


@pytest.mark.parametrize("text,n", CASES)
def test_abbreviations_do_not_split(text, n):
    assert len(split_sentences(text)) == n


def test_offsets_index_the_original_text():
    import pandas as pd

    docs = pd.DataFrame({"doc_id": ["d"], "text": [NEWS]})
    sents = sentences(docs)
    assert all(NEWS[r.start:r.end] == r.text for r in sents.itertuples())
    toks = tokens(docs)
    assert all(NEWS[r.start:r.end] == r.token for r in toks.itertuples())
    assert toks["token"].tolist()[:4] == ["Russia", "claimed", "on", "Tuesday"]


def test_tokenize_keeps_inner_apostrophes_and_hyphens():
    text = "Russia’s counter-offensive didn't stop."
    assert [text[a:b] for a, b in tokenize(text)] == ["Russia’s", "counter-offensive", "didn't", "stop", "."]
