"""Frame rates over time: each group's weekly mean rate with a normal 95% CI over documents.

>>> import pandas as pd
>>> scores = pd.DataFrame({"doc_id": ["d1", "d2"], "side": ["a", "a"], "resistance": [1.0, 3.0]})
>>> weekly_rates(scores, pd.Series({"d1": "2022-03-01", "d2": "2022-03-02"}), ["resistance"])[
...     ["group", "category", "mean", "n_docs"]].values.tolist()
[['a', 'resistance', 2.0, 2]]
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd


def weekly_rates(scores: pd.DataFrame, dates: pd.Series, categories: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """Weekly mean frame rate per group with a normal 95% CI over documents.

    ``dates`` maps doc_id → date string. Returns long format: week, group,
    category, mean, ci_low, ci_high, n_docs.
    """
    when = pd.to_datetime(scores["doc_id"].map(dates), utc=True, errors="coerce", format="mixed")
    frame = scores.assign(week=when.dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time).dropna(subset=["week"])
    per_doc = frame.groupby(["week", by, "doc_id"])[list(categories)].mean().reset_index()
    long = per_doc.melt(id_vars=["week", by, "doc_id"], value_vars=list(categories), var_name="category")
    g = long.groupby(["week", by, "category"])["value"]
    out = g.agg(mean="mean", sd="std", n_docs="count").reset_index()
    half = 1.96 * out["sd"].fillna(0) / np.sqrt(out["n_docs"])
    out["ci_low"], out["ci_high"] = out["mean"] - half, out["mean"] + half
    return out.drop(columns="sd").rename(columns={by: "group"})
