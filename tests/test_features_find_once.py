"""Notebook 02 makes the evidence table and the per-claim labels of the same claims: the lexicon
matches each claim once for both (features.find_all), with the same tables as when each matches afresh."""
import pandas as pd
import pytest

from narrative import features
from narrative.features import claim_frame_table, evidence, find_all
from narrative.lexicons import Lexicon, load_lexicon

from conftest import DEMO, NEWS


@pytest.fixture(scope="module")
def claims():
    from narrative.claims import extract_claims
    from narrative.corpus import load_corpus

    docs = load_corpus(DEMO).head(25)
    news = pd.DataFrame({"doc_id": ["news"], "source": ["composed"], "side": ["other"], "text": [NEWS]})
    return extract_claims(pd.concat([docs, news], ignore_index=True))


def _fresh(fn):
    features._LAST_FIND.clear()
    return fn()


def test_evidence_then_labels_match_each_claim_once(claims, monkeypatch):
    lex = load_lexicon()
    want_kwic = _fresh(lambda: evidence(claims, text_column="content", lexicon=lex, offset_column="content_start"))
    want_labels = _fresh(lambda: claim_frame_table(claims, text_column="content", lexicon=lex, scorer="lexicon"))
    calls = []
    original = Lexicon.find
    monkeypatch.setattr(Lexicon, "find", lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    features._LAST_FIND.clear()
    kwic = evidence(claims, text_column="content", lexicon=lex, offset_column="content_start")
    labels = claim_frame_table(claims, text_column="content", lexicon=lex, scorer="lexicon")
    assert len(calls) == len(claims)  # not twice
    pd.testing.assert_frame_equal(kwic, want_kwic)
    pd.testing.assert_frame_equal(labels, want_labels)
    assert len(kwic) and labels["frames"].str.len().gt(0).any()


def test_other_texts_sides_or_lexicon_match_afresh(claims):
    lex = load_lexicon()
    texts = claims["content"].astype(str).tolist()
    sides = claims["side"].tolist()
    first = find_all(lex, texts, sides)
    assert find_all(lex, list(texts), list(sides)) is first
    as_other = find_all(lex, texts, ["other"] * len(texts))
    assert as_other is not first
    assert as_other == [lex.find(t, side="other") for t in texts]
    fewer = find_all(lex, texts[:5], sides[:5])
    assert fewer == [lex.find(t, side=s) for t, s in zip(texts[:5], sides[:5])]
