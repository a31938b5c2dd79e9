"""Figures that need no explanation: titles, units, a colour-blind-safe palette.

Every function draws on a new matplotlib Figure (no pyplot state) and returns
it; :func:`save` writes PNG at a sensible DPI.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

#: Okabe & Ito (2008) colour-blind-safe palette
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
SIDE_COLOURS = {"kremlin": "#D55E00", "ukraine": "#0072B2", "us": "#009E73", "journalist": "#7F7F7F", "other": "#CC79A7",
                "unknown": "#BBBBBB"}


def colour(side: str, i: int = 0) -> str:
    return SIDE_COLOURS.get(side, PALETTE[i % len(PALETTE)])


def save(fig: Figure, path: str | Path, dpi: int = 110) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    return path


def frame_profile(profile: pd.DataFrame, *, title: str = "Frame profile by side") -> Figure:
    """Grouped horizontal bars with 95% CI whiskers.

    ``profile``: columns side, category, mean, ci_low, ci_high (rates per 1,000 tokens).
    """
    categories = list(dict.fromkeys(profile["category"]))
    sides = list(dict.fromkeys(profile["side"]))
    fig = Figure(figsize=(8, 0.45 * len(categories) * max(1, len(sides)) / 1.5 + 1.5))
    ax = fig.subplots()
    height = 0.8 / max(len(sides), 1)
    y = np.arange(len(categories))
    for i, side in enumerate(sides):
        part = profile[profile["side"] == side].set_index("category").reindex(categories)
        err = np.vstack([part["mean"] - part["ci_low"], part["ci_high"] - part["mean"]])
        ax.barh(y + i * height - 0.4 + height / 2, part["mean"], height=height, xerr=err, capsize=2,
                color=colour(side, i), label=side, error_kw={"elinewidth": 0.8})
    ax.set_yticks(y, categories)
    ax.invert_yaxis()
    ax.set_xlabel("lexicon hits per 1,000 tokens (mean over claims, 95% bootstrap CI)")
    ax.set_title(title)
    ax.legend(title="side", loc="lower right", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return fig


def log_odds(table: pd.DataFrame, *, a: str, b: str, k: int = 12, title: str | None = None) -> Figure:
    """The ``k`` words leaning most to each group (Monroe et al. 2008 z-scores) as two bar panels,
    each bar labelled with the word and its raw counts in ``a`` and ``b``: every label sits on its
    own bar, so nothing crosses, however close the z-scores."""
    top_a = table.nlargest(k, "z").iloc[::-1]
    top_b = table.nsmallest(k, "z").iloc[::-1]
    fig = Figure(figsize=(9, 0.32 * max(len(top_a), len(top_b), 4) + 1.4))
    axes = fig.subplots(1, 2, sharex=False)
    for ax, part, side, sign in ((axes[0], top_b, b, -1), (axes[1], top_a, a, 1)):
        y = np.arange(len(part))
        ax.barh(y, sign * part["z"].to_numpy(float), color=colour(side), alpha=0.85)
        ax.set_yticks(y, [f"{term}  ({int(r.count_a):,} / {int(r.count_b):,})" for term, r in part.iterrows()],
                      fontsize=8)
        ax.set_title(f"leans to {side}", fontsize=10, color=colour(side))
        ax.set_xlabel("|z| of weighted log-odds")
        ax.grid(axis="x", alpha=0.3)
        ax.set_xlim(left=0)
    fig.suptitle(title or f"Words that distinguish {a} from {b} (Monroe et al. 2008; counts: {a} / {b})", fontsize=10)
    fig.tight_layout()
    return fig


def weekly(rates: pd.DataFrame, category: str, *, title: str | None = None) -> Figure:
    """Weekly mean rate of one category per group with a CI band."""
    fig = Figure(figsize=(8, 3.5))
    ax = fig.subplots()
    part = rates[rates["category"] == category]
    if part.empty:  # the corpus has no (parseable) dates: say so instead of drawing empty axes
        ax.text(0.5, 0.5, "No dated documents: weekly rates need a date column",
                ha="center", va="center", transform=ax.transAxes, color="#555")
        ax.set_axis_off()
        ax.set_title(title or f"'{category}' framing by week")
        return fig
    for i, (group, g) in enumerate(part.groupby("group", sort=True)):
        g = g.sort_values("week")
        ax.plot(g["week"], g["mean"], color=colour(group, i), label=group, lw=1.2)
        ax.fill_between(g["week"], g["ci_low"].clip(lower=0), g["ci_high"], color=colour(group, i), alpha=0.2, lw=0)
    ax.set_ylabel("hits per 1,000 tokens")
    ax.set_ylim(bottom=0)
    ax.set_xlabel("week")
    ax.set_title(title or f"'{category}' framing by week (mean over documents, 95% CI)")
    ax.legend(frameon=False)
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    return fig


def confusion(y_true, y_pred, *, title: str = "Confusion matrix") -> Figure:
    labels = sorted(set(y_true) | set(y_pred))
    matrix = pd.crosstab(pd.Series(y_true, name="true"), pd.Series(y_pred, name="predicted")).reindex(
        index=labels, columns=labels, fill_value=0)
    fig = Figure(figsize=(4.5, 4))
    ax = fig.subplots()
    ax.imshow(matrix.to_numpy(), cmap="Blues")
    for i in range(len(labels)):
        for j in range(len(labels)):
            v = int(matrix.iat[i, j])
            ax.text(j, i, f"{v:,}", ha="center", va="center",
                    color="white" if v > matrix.to_numpy().max() / 2 else "black")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted side")
    ax.set_ylabel("true side")
    ax.set_title(title)
    return fig


def top_features(table: pd.DataFrame, *, title: str = "Top features per class") -> Figure:
    """Horizontal bars of the largest weights (columns feature, weight, class)."""
    t = table.sort_values("weight")
    fig = Figure(figsize=(7, 0.22 * len(t) + 1.2))
    ax = fig.subplots()
    classes = list(dict.fromkeys(t["class"]))
    ax.barh(range(len(t)), t["weight"], color=[colour(c, classes.index(c)) for c in t["class"]])
    ax.set_yticks(range(len(t)), [str(f).split("__")[-1] for f in t["feature"]], fontsize=7)
    ax.axvline(0, color="black", lw=0.5)
    positive = t.loc[t["weight"] > 0, "class"]
    negative = t.loc[t["weight"] < 0, "class"]
    if len(positive) and len(negative):
        ax.set_xlabel(f"logistic-regression weight (> 0 pushes towards {positive.iloc[0]}, "
                      f"< 0 towards {negative.iloc[0]})")
    else:
        ax.set_xlabel("logistic-regression weight")
    ax.set_title(title)
    return fig


def claims_by_side(by_side: pd.DataFrame, *, title: str = "Claims per side, by quote type") -> Figure:
    """Stacked bars: claims per side, split by quote type (``self`` = the publisher's or reporter's own voice)."""
    import numpy as np

    fig = Figure(figsize=(6, 2.8))
    ax = fig.subplots()
    pivot = by_side.pivot(index="side", columns="quote_type", values="claims").fillna(0)
    left = np.zeros(len(pivot))
    for i, qt in enumerate(pivot.columns):
        ax.barh(pivot.index, pivot[qt], left=left, color=PALETTE[i % len(PALETTE)], label=qt)
        left += pivot[qt].to_numpy()
    ax.set_xlabel("claims")
    ax.set_title(title)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="quote type")
    return fig
