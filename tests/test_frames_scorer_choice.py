"""The suite's frame scorer switches from the lexicon to the per-category combination only when the nested grouped CV
against the primary coder says so by more than the margin (a smaller gain is the CV's noise). Composed CV tables."""
import pandas as pd
import pytest

from narrative.tools.frames_scorer import MARGIN, PRIMARY, per_category_sources, suite_choice


def cv_table(combined_macro, hedge_classifier=0.80):
    """A CV table as :func:`narrative.evaluation.frames.cross_validate` writes it: two categories, four scorers."""
    f1 = {("hedge", "lexicon"): 0.70, ("hedge", "classifier"): hedge_classifier, ("hedge", "union"): 0.70,
          ("diplomacy", "lexicon"): 0.90, ("diplomacy", "classifier"): 0.85, ("diplomacy", "union"): 0.88}
    rows = [{"set": PRIMARY, "class": c, "scorer": s, "f1": v} for (c, s), v in f1.items()]
    rows += [{"set": PRIMARY, "class": c, "scorer": "combined", "f1": f1[(c, "lexicon")]} for c in ("hedge", "diplomacy")]
    macro = {"lexicon": 0.80, "classifier": 0.825, "union": 0.79, "combined": combined_macro}
    rows += [{"set": PRIMARY, "class": "macro", "scorer": s, "f1": v} for s, v in macro.items()]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("gain", [0.002, MARGIN])
def test_a_nested_gain_within_the_margin_keeps_the_lexicon(gain):
    cv = cv_table(0.80 + gain)
    sources = per_category_sources(cv, ["hedge", "diplomacy"])
    assert sources == {"hedge": "classifier", "diplomacy": "lexicon"}
    scorer, why = suite_choice(cv, sources)
    assert scorer == "lexicon" and "nested" in why


def test_a_nested_gain_beyond_the_margin_switches_to_the_combination():
    cv = cv_table(0.80 + MARGIN + 0.01)
    assert suite_choice(cv, per_category_sources(cv, ["hedge", "diplomacy"]))[0] == "combined"
