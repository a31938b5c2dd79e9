"""The tool's accuracy on a coded sheet: claim precision, side confusion, per-frame and distancing
precision and recall, each with a 95% Wilson interval.

Only coded cells count: a column left empty is a dimension not coded (skipped, not wrong), and a
row with ``gold_is_claim = 0`` counts against claim precision only. Figures are for the coded
sample as drawn (unweighted): with a stratified sheet they describe the sample, not the corpus.

Table columns (:data:`ACCURACY`): ``measure`` (claim_precision, side_accuracy, side_confusion,
side_precision, side_recall, frame_precision, frame_recall, distanced_precision, distanced_recall),
``label`` (a side, a frame, ``tool->gold`` for the confusion), ``value``, ``lo``, ``hi``, ``k`` (hits)
and ``n`` (rows the value is over).

>>> wilson(8, 10)
(0.4902, 0.9433)
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .quantities import Joined
from .sheet import SIDES

#: the accuracy table's columns
ACCURACY = ("measure", "label", "value", "lo", "hi", "k", "n")


def wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``k / n`` (Wilson 1927), rounded to 4 places."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (round(max(0.0, float(centre - half)), 4), round(min(1.0, float(centre + half)), 4))


def _row(measure, label, k, n) -> dict:
    lo, hi = wilson(int(k), int(n))
    return {"measure": measure, "label": label, "value": k / n if n else float("nan"), "lo": lo, "hi": hi,
            "k": int(k), "n": int(n)}


def accuracy(j: Joined, categories) -> pd.DataFrame:
    """The accuracy table (:data:`ACCURACY`) of the coded rows of a joined sheet (:func:`.quantities.join`)."""
    coded = j.design.coded
    rows = []
    claim = j.gold["is_claim"].to_numpy()
    real = coded & (np.isnan(claim) | (claim == 1)) if j.claim_coded else coded
    if j.claim_coded:
        known = coded & ~np.isnan(claim)
        rows.append(_row("claim_precision", "", (claim[known] == 1).sum(), known.sum()))
    gold_side = j.gold["side"].to_numpy()
    tool_side = j.tool["side"].to_numpy()
    if j.coded["side"]:
        s = real & (gold_side != "")
        rows.append(_row("side_accuracy", "", (gold_side[s] == tool_side[s]).sum(), s.sum()))
        tool_values = sorted(set(tool_side[s]) | set(SIDES))
        for t in tool_values:
            for g in SIDES:
                rows.append(_row("side_confusion", f"{t}->{g}", ((tool_side[s] == t) & (gold_side[s] == g)).sum(),
                                 (tool_side[s] == t).sum()))
        for side in SIDES:
            rows.append(_row("side_precision", side, ((tool_side[s] == side) & (gold_side[s] == side)).sum(),
                             (tool_side[s] == side).sum()))
            rows.append(_row("side_recall", side, ((tool_side[s] == side) & (gold_side[s] == side)).sum(),
                             (gold_side[s] == side).sum()))
    if j.coded["frames"]:
        f = real & np.array([isinstance(v, str) for v in j.gold["frames"]])
        for cat in categories:
            g, t = j.frame("gold", cat)[f] > 0, j.frame("tool", cat)[f] > 0
            rows.append(_row("frame_precision", cat, (g & t).sum(), t.sum()))
            rows.append(_row("frame_recall", cat, (g & t).sum(), g.sum()))
    if j.coded["distanced"]:
        dist = j.gold["distanced"].to_numpy()
        d = real & ~np.isnan(dist)
        g, t = dist[d] == 1, j.tool["distanced"].to_numpy()[d] == 1
        rows.append(_row("distanced_precision", "", (g & t).sum(), t.sum()))
        rows.append(_row("distanced_recall", "", (g & t).sum(), g.sum()))
    return pd.DataFrame(rows, columns=list(ACCURACY))


def format_accuracy(table: pd.DataFrame) -> str:
    """The accuracy table as text: one line per measure, the confusion as a matrix (rows: tool, columns: gold)."""
    lines = []
    conf = table[table["measure"] == "side_confusion"]
    for r in table[table["measure"] != "side_confusion"].itertuples():
        if r.n == 0:
            continue
        label = f" {r.label}" if r.label else ""
        lines.append(f"{r.measure}{label}: {r.value:.3f} [95% CI {r.lo:.3f}, {r.hi:.3f}] ({r.k}/{r.n})")
    if len(conf):
        pairs = conf["label"].str.split("->", expand=True)
        counts = pd.crosstab(pairs[0], pairs[1], values=conf["k"], aggfunc="sum")
        counts = counts[counts.sum(axis=1) > 0]
        lines.append("\nside confusion (rows: the tool's side, columns: the coder's):")
        lines.append(counts.rename_axis(index="tool", columns="gold").to_string())
    return "\n".join(lines)
