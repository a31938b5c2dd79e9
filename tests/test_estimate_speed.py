"""Notebook 04's estimates made cheaper without changing a figure: frames read once per table, the
t quantile without importing scipy.stats, distancing without scanning quotations of claims that hold
no hedge, and no scikit-learn import for labels already scored."""

import numpy as np
import pandas as pd
import pytest

from narrative.compare.stance import distanced, reporters_hedge
from narrative.estimate import ppi
from narrative.estimate.quantities import Joined
from narrative.estimate.sheet import Population

from support import imported_by

FRAMES = ["aggression;diplomacy", "", None, "diplomacy", np.nan, "aggression", "casualties;aggression;hedge",
          "hedge", "aggression;aggression", "diplomacy;"]


def _by_substring(col, cat):
    """The definition the cache replaced: ``;cat;`` inside ``;frames;``, uncoded rows never."""
    col = pd.Series(col, dtype=object)
    coded = col.map(lambda v: isinstance(v, str)).to_numpy(bool)
    padded = ";" + col.where(coded, "").astype(str) + ";"
    return (padded.str.contains(f";{cat};", regex=False).to_numpy(bool) & coded).astype(float)


@pytest.mark.parametrize("cat", ["aggression", "diplomacy", "hedge", "casualties", "adversity", "aggress"])
def test_frame_indicator_is_the_substring_rule(cat):
    n = len(FRAMES)
    tool = pd.DataFrame({"side": ["kremlin"] * n, "frames": FRAMES[::-1], "distanced": 0, "attributed": 1})
    gold = pd.DataFrame({"is_claim": np.ones(n), "side": ["kremlin"] * n, "frames": pd.Series(FRAMES, dtype=object),
                         "distanced": np.nan})
    j = Joined(tool, gold, ppi.Design.simple(np.ones(n, bool)), False, {"side": True, "frames": True, "distanced": False})
    for which, col in (("tool", FRAMES[::-1]), ("gold", FRAMES)):
        first = j.frame(which, cat)
        assert np.array_equal(first, _by_substring(col, cat))
        assert np.array_equal(j.frame(which, cat), first)  # read from the cache the second time
        first[:] = 7.0  # a caller's array is its own: the cache is not changed through it
        assert np.array_equal(j.frame(which, cat), _by_substring(col, cat))
        assert j.frames_coded(which).tolist() == [isinstance(v, str) for v in col]


def test_t_quantile_equals_scipy_stats():
    from scipy.stats import t

    for df in (1.0, 2.0, 7.0, 49.0, 198.0, np.array([3.0, 12.0, 400.0])):
        est = ppi.Estimate(0.5, 0.1, 0.0, 10, df)
        assert np.array_equal(est.quantile, t.ppf(0.975, df))
    assert ppi.Estimate(0.5, 0.1, 0.0, 10, None).quantile == ppi.Z95


REPORTED = [  # (quote_type, hedges, content): composed claims in the style of war reporting
    ("indirect", "if true", "its forces had taken the town, which would be a major gain if true"),
    ("direct", "allegedly", "I allegedly fled the city"),
    ("mixed", "allegedly", "he had “allegedly fled” the city, according to the ministry"),
    ("mixed", "reportedly", "the town “has fallen”, reportedly after heavy fighting"),
    ("indirect", "", "the troops had shown exceptional courage"),
    ("self", "could not be independently verified", "The report could not be independently verified."),
    ("indirect", [], "the claim was false"),
    ("direct", ["if true"], "headlines for a Western audience"),
]


def test_distancing_is_unchanged_when_most_claims_hold_no_hedge():
    from narrative.infra.tables import list_cell
    from narrative.segment.marks import quote_spans

    def full_rule(hedges, content, quote_type):  # the rule with every claim's quotations scanned
        content = str(content)
        quoted = content.lower() if quote_type == "direct" else \
            " ".join(content[a:b] for a, b in quote_spans(content)).lower()
        return any(h.lower() not in quoted for h in list_cell(hedges))

    for quote_type, hedges, content in REPORTED:
        assert reporters_hedge(hedges, content, quote_type) == full_rule(hedges, content, quote_type)
    claims = pd.DataFrame(REPORTED, columns=["quote_type", "hedges", "content"]).assign(cue_stance="neutral")
    assert distanced(claims).tolist() == [True, False, False, True, False, False, False, True]


def test_population_word_count_is_pandas_split():
    texts = ["Our forces  repelled six assaults.", "", "word", " padded\ttext\nwith lines ", "one two three four five six"]
    claims = pd.DataFrame({"content": texts, "quote_type": "self"})
    n = claims["content"].astype(str).str.split().str.len()
    for lo, hi in ((1, 3), (4, 6), (0, None)):
        want = claims[n.between(lo or 0, hi if hi is not None else np.inf)]
        got = Population(("self",), lo, hi).select(claims)
        assert got.index.tolist() == want.index.tolist()


def test_quantiles_and_scored_labels_do_not_import_scikit_learn():
    code = ("import sys, pandas as pd\n"
            "from narrative.estimate import ppi\n"
            "from narrative.estimate.sheet import tool_labels\n"
            "ppi.Estimate(0.5, 0.1, 0.0, 10, 9.0).lo\n"
            "tool_labels(pd.DataFrame({'side': ['kremlin'], 'frames': ['aggression'], 'quote_type': ['self'],\n"
            "                          'cue_stance': ['neutral'], 'hedges': [''], 'content': ['They attacked.']}))\n")
    assert imported_by(code, ('sklearn', 'scipy.stats')) == []
