"""Hostile text: stray quotation marks, text without stops, nested quotations and "X said that"
chains of thousands of levels. Output must stay bounded by the text (claims, content lengths),
for every extractor; the bound's hits are counted and reported. Behaviour, not timing: peak memory
for these inputs is measured by ``narrative bench --hostile``."""
import logging

import pandas as pd
import pytest

from narrative.claims import EXTRACTORS, MAX_NESTING, extract_claims
from narrative.claims.crfmodel import default_model_path
from narrative.claims.quotes import MAX_UNIT
from narrative.segment import MAX_SENTENCE, split_sentences
from narrative.tools.hostile import HOSTILE


def _method(name):
    if name == "crf" and not default_model_path().is_file():
        pytest.skip("no shipped attribution model")
    return name


def _claims(text, method):
    return extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}), method=method)


def _depth(c):
    parent = dict(zip(c["claim_id"], c["parent_claim_id"]))
    def depth(k):
        n = 0
        while parent.get(k):
            k, n = parent[k], n + 1
        return n
    return max(map(depth, c["claim_id"]), default=0)


@pytest.mark.parametrize("method", list(EXTRACTORS))
@pytest.mark.parametrize("kind", ["unclosed curly, no stops", "unclosed straight, one line"])
def test_thousands_of_unclosed_quotation_marks_give_bounded_output(kind, method):
    text = HOSTILE[kind](2000)  # 2,000 marks that never close in ~94 KB
    assert 90_000 < len(text) < 100_000 and text.count("“") + text.count('"') == 2000
    c = _claims(text, _method(method))
    lengths = c["content"].str.len()
    # before the bounds: 2,000 claims whose contents ran to the end of one 94 KB "sentence"
    # (~94 MB of content); now every content lies in a unit of bounded size, and no character
    # lies under more than MAX_NESTING contents
    assert len(c) <= 2 * 2000
    assert lengths.max() <= MAX_UNIT + MAX_SENTENCE
    assert lengths.sum() <= (MAX_NESTING + 1) * len(text)
    assert (c.loc[c["quote_type"] != "self", "speaker"] != "").mean() > 0.5  # the cues still make claims


@pytest.mark.parametrize("method", list(EXTRACTORS))
@pytest.mark.parametrize("kind", ["said that chain", "nested quotations"])
def test_thousands_of_nested_levels_are_cut_at_the_bound_and_reported(kind, method, caplog):
    text = HOSTILE[kind](3000)
    with caplog.at_level(logging.WARNING, logger="narrative.claims"):
        c = _claims(text, _method(method))
    attributed = c[c["quote_type"] != "self"]
    assert len(attributed) > 0
    assert c["content"].str.len().sum() <= (MAX_NESTING + 1) * len(text)
    assert _depth(c) < MAX_NESTING
    if method == "rules" and kind == "said that chain":  # every level past the bound is counted and named
        assert c.attrs["nesting_capped"] > 0
        assert any("nested deeper than" in r.getMessage() and r.getMessage().startswith("d:") for r in caplog.records)


def test_three_levels_of_real_nesting_are_kept():
    text = "Peskov said that Gerasimov informed Putin that Russian troops had captured Pokrovsk."
    c = _claims(text, "rules")
    assert c.attrs["nesting_capped"] == 0
    assert list(c["cue"]) == ["said", "informed"] and _depth(c) == 1


def test_a_sentence_without_stops_is_cut_at_its_lines_then_at_the_limit():
    lines = "\n".join(f"Officials said “the line holds near village {i}" for i in range(200))
    spans = split_sentences(lines)
    assert [lines[a:b] for a, b in spans] == lines.split("\n")
    words = " ".join(f"word{i}" for i in range(3000))
    spans = split_sentences(words)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert " ".join(words[a:b] for a, b in spans) == words  # cut at spaces only, nothing lost
    ordinary = "Gen. Valery Gerasimov met Mr. Putin. He said it was over."
    assert split_sentences(ordinary) == [(0, 36), (37, 57)]


def test_an_unclosed_quotation_ends_at_its_paragraph():
    from narrative.claims import quote_spans

    text = 'He said "we will hold.\n\nThe minister said "nothing" about it.'
    assert quote_spans(text) == [(text.index('"nothing'), text.index('" about') + 1)]


def test_bench_hostile_measures_each_input_in_its_own_process():
    from narrative.tools.hostile import run_hostile

    table = run_hostile(methods=("rules",), sizes={"said that chain": 300})
    row = table.iloc[0]
    assert (row["input"], row["method"], row["n"]) == ("said that chain", "rules", 300)
    assert row["nesting_capped"] > 0 and row["claims"] < 300 and row["peak_rss_mb"] > 0
    assert row["content_kb"] <= (MAX_NESTING + 1) * row["input_kb"]
