"""Weekly frame rates (narrative.compare.series): means over documents, normal CIs, mixed date formats."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest


def test_weekly_rates_values():
    from narrative.compare.series import weekly_rates

    scores = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "side": ["k", "k", "k", "u"],
                           "x": [2.0, 4.0, 6.0, 1.0]})
    # mixed date formats in one corpus (a date, a time stamp): both parse (the first used to make the second NaT)
    dates = pd.Series({"d1": "2022-03-01", "d2": "2022-03-03T12:00:00Z", "d3": "2022-03-08"})
    out = weekly_rates(scores, dates, ["x"]).set_index(["week", "group"])
    k = out.loc[(pd.Timestamp("2022-02-28"), "k")]
    # d1's claims average 3, d2 is 6: the week's mean over documents is 4.5, sd 2.121, n 2
    assert k["mean"] == pytest.approx(4.5) and k["n_docs"] == 2
    assert k["ci_low"] == pytest.approx(4.5 - 1.96 * np.std([3, 6], ddof=1) / np.sqrt(2))
    u = out.loc[(pd.Timestamp("2022-03-07"), "u")]
    assert u["mean"] == 1.0 and u["ci_low"] == u["ci_high"] == 1.0  # one document: no spread
