"""Per-claim lexicon labels read from the evidence table are the labels matched afresh (notebook 02
matches the lexicon once for both tables)."""
import pandas as pd
import pytest

from narrative.claims.extract import extract_claims
from narrative.corpus import load_corpus
from narrative.features import claim_frame_table, evidence
from narrative.lexicons import load_lexicon
from narrative.speakers.actors import load_actors
from support import demo_slice


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    corpus = demo_slice(tmp_path_factory.mktemp("demo") / "corpus", n=30)
    actors = load_actors()
    docs = load_corpus([corpus], sides=actors.source_sides())
    return extract_claims(docs, actors)


def test_labels_from_evidence_equal_fresh_labels(claims):
    lex = load_lexicon()
    kwic = evidence(claims, text_column="content", lexicon=lex, offset_column="content_start")
    fresh = claim_frame_table(claims, lexicon=lex, scorer="lexicon")
    reused = claim_frame_table(claims, lexicon=lex, scorer="lexicon", hits_table=kwic)
    assert (fresh["frames"] != "").sum() > 50  # real claims with frames, not a vacuous comparison
    assert (fresh["evidence"].str.contains(", ")).any()  # a category with several phrases keeps their order
    pd.testing.assert_frame_equal(fresh, reused)


def test_hits_table_ignored_without_unique_claim_ids(claims):
    lex = load_lexicon()
    doubled = pd.concat([claims.head(40), claims.head(40)], ignore_index=True)
    kwic = evidence(doubled, text_column="content", lexicon=lex)
    pd.testing.assert_frame_equal(claim_frame_table(doubled, lexicon=lex, scorer="lexicon", hits_table=kwic.head(0)),
                                  claim_frame_table(doubled, lexicon=lex, scorer="lexicon"))
