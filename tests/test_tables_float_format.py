"""CSV tables write floats as pandas' ``to_csv(float_format="%.6g")`` does, byte for byte (the floats are
formatted by narrative.infra.tables.formatted_floats before pandas writes the table)."""
import numpy as np
import pandas as pd
import pytest

from narrative.features import frame_scores
from narrative.infra.tables import table_text
from narrative.lexicons import load_lexicon
from support import DEMO


def _pandas(frame):
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.6g")


def test_awkward_floats_as_pandas_writes_them():
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(0, 1e-7, 20), rng.normal(0, 1e9, 20), [0.0, -0.0, 1.0, 1e-5, 123456.5,
                        1234567.0, np.nan, np.inf, -np.inf, 2 / 3]])
    frame = pd.DataFrame({"id": [f"d:{i}" for i in range(len(x))], "x": x, "x32": x.astype(np.float32),
                          "n": np.arange(len(x)), "text": ["a, \"quoted\" cell"] * len(x),
                          "hedges": [["alleged", "if true"]] * len(x)})
    expected = _pandas(frame.assign(hedges="alleged;if true"))
    assert table_text(frame) == expected
    assert "nan" not in table_text(frame) and ",inf," in table_text(frame)


def test_missing_cells_and_empty_table():
    frame = pd.DataFrame({"rate": [0.25, np.nan], "share": [1 / 7, 3.0]})
    assert table_text(frame) == _pandas(frame) == "rate,share\n0.25,0.142857\n,3\n"
    assert table_text(frame.head(0)) == _pandas(frame.head(0))


def test_demo_frame_scores_as_pandas_writes_them():
    if not DEMO.is_dir():
        pytest.skip(f"demo corpus missing: {DEMO}")
    texts = pd.read_csv(DEMO / "putin.csv", nrows=40)["body"].astype(str)
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "claim_id": [f"d{i}:1" for i in range(len(texts))],
                          "side": "kremlin", "content": texts})
    scores = frame_scores(table, text_column="content", lexicon=load_lexicon())
    assert (scores.drop(columns=["doc_id", "claim_id", "side", "n_tokens"]) > 0).any().any()
    assert table_text(scores) == _pandas(scores)
