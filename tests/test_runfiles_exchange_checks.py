"""Notebook 02 reuses notebook 01's frame scores only when they are of the same claims: the same ids, documents
and sides (claim ids are positional, so a re-extraction with another actors file keeps them)."""
import pandas as pd

from narrative.features import frame_scores
from narrative.lexicons import load_lexicon
from narrative.pipeline.runfiles import read_exchanged_scores, scores_exchange


def claims() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a", "a", "b"], "claim_id": ["a:0", "a:1", "b:0"],
                         "side": ["kremlin", "ukraine", "other"],
                         "content": ["The offensive was a success, the ministry said.",
                                     "Our forces continue to deter enemy attacks despite the difficult situation.",
                                     "The talks may resume next week."]})


def test_scores_are_reused_only_for_the_same_claims_and_sides(tmp_path):
    lexicon, table = load_lexicon(), claims()
    path = scores_exchange(tmp_path, lexicon)
    path.parent.mkdir(parents=True)
    frame_scores(table, text_column="content", lexicon=lexicon).to_parquet(path)
    assert read_exchanged_scores(tmp_path, lexicon, table) is not None
    moved = table.assign(side=["kremlin", "other", "other"])  # re-extracted with another actors file
    assert read_exchanged_scores(tmp_path, lexicon, moved) is None
    assert read_exchanged_scores(tmp_path, lexicon, table.iloc[:2]) is None

