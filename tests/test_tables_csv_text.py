"""``csv_text`` (what ``table_text`` writes) joins the cells of integer, boolean, float and text tables: byte for
byte what pandas' writer (``pandas_csv``) writes, on real claims and on cells that need quoting; other tables go
through pandas."""
import logging
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.infra.tables import csv_text, pandas_csv, table_text

DEMO = Path(__file__).resolve().parents[1] / "data" / "raw" / "press-releases"


def test_claims_of_the_demo_corpus_are_written_as_pandas_writes_them():
    from narrative.claims import extract_claims
    from narrative.corpus import load_corpus
    from narrative.speakers.actors import load_actors

    if not DEMO.exists():
        pytest.skip(f"demo corpus absent: {DEMO}")
    logging.getLogger("narrative.claims").setLevel(logging.ERROR)
    actors = load_actors()
    claims = extract_claims(load_corpus([str(DEMO)], sides=actors.source_sides()).head(120), actors)
    assert len(claims) > 100 and claims["content"].str.contains(",").any()  # cells that must be quoted
    assert csv_text(claims) == pandas_csv(claims) == table_text(claims)
    body = csv_text(claims, header=False)
    assert body == pandas_csv(claims, header=False)
    assert csv_text(claims) == pandas_csv(claims).split("\n", 1)[0] + "\n" + body


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('ab ,";\n\r\t“')), max_size=6)),
                          st.integers(-5, 10**12),
                          st.lists(st.text(alphabet="xy ,\"", max_size=3), max_size=3)), min_size=1, max_size=8))
def test_any_text_integer_and_list_cells_are_written_as_pandas_writes_them(rows):
    frame = pd.DataFrame(rows, columns=["text", "n", "hedges"])
    assert csv_text(frame) == pandas_csv(frame)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('ab ,"\n')), max_size=4)),
                          st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                          st.floats(min_value=-1e-7, max_value=1e12)), min_size=1, max_size=8))
def test_float_and_boolean_cells_are_written_as_pandas_writes_them(rows):
    frame = pd.DataFrame(rows, columns=["text", "score", "flag", "rate"])
    assert csv_text(frame) == pandas_csv(frame)


def test_a_table_of_scores_is_written_without_pandas_writer(monkeypatch):
    scores = pd.DataFrame({"doc_id": ["a", "b", "c"], "n_tokens": [3, 0, 12], "resistance": [1 / 3, 0.0, 250.0],
                           "vader_compound": [-0.4404, float("nan"), 1e-7], "two_sided": [True, False, True]})
    expected = pandas_csv(scores)

    def refuse(*_args, **_kwargs):
        raise AssertionError("written by pandas' csv writer")

    monkeypatch.setattr(pd.DataFrame, "to_csv", refuse)
    assert table_text(scores) == expected == ("doc_id,n_tokens,resistance,vader_compound,two_sided\n"
                                              "a,3,0.333333,-0.4404,True\nb,0,0,,False\nc,12,250,1e-07,True\n")


def test_floats_and_empty_tables_are_written_as_pandas_writes_them():
    scores = pd.DataFrame({"doc_id": ["a", "b"], "score": [1 / 3, float("nan")]})
    assert csv_text(scores) == pandas_csv(scores) == "doc_id,score\na,0.333333\nb,\n"
    empty = scores.iloc[:0]
    assert csv_text(empty) == pandas_csv(empty) == "doc_id,score\n"
    assert csv_text(empty, header=False) == empty.to_csv(index=False, header=False, lineterminator="\n") == ""
