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
SIDE_COLOURS = {"kremlin": "#D55E00", "ukraine": "#0072B2", "us": "#009E73", "journalist": "#7F7F7F", "other": "#CC79A7"}


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
    """Monroe et al. (2008) figure: z-score against log total frequency, top terms labelled."""
    total = table["count_a"] + table["count_b"]
    keep = total > 0
    t, total = table[keep], np.log10(total[keep])
    fig = Figure(figsize=(8, 5.5))
    ax = fig.subplots()
    ax.scatter(total, t["z"], s=4, color="#BBBBBB", linewidths=0)
    top_a, top_b = t.nlargest(k, "z"), t.nsmallest(k, "z")
    gap = 0.045 * float(t["z"].max() - t["z"].min() or 1.0)
    label_x = float(total.max()) + 0.35
    for part, side in ((top_a, a), (top_b, b)):
        x = np.log10(part["count_a"] + part["count_b"])
        ax.scatter(x, part["z"], s=10, color=colour(side))
        # labels in z order, pushed apart by at least `gap` so they never overlap
        order = part.sort_values("z", ascending=False)
        y_prev = None
        for term, row in order.iterrows():
            y = row["z"] if y_prev is None else min(row["z"], y_prev - gap)
            y_prev = y
            ax.annotate(str(term), (np.log10(row["count_a"] + row["count_b"]), row["z"]), xytext=(label_x, y),
                        fontsize=7, color=colour(side), va="center",
                        arrowprops={"arrowstyle": "-", "color": colour(side), "lw": 0.4, "alpha": 0.6})
    ax.axhline(0, color="black", lw=0.5)
    ax.set_xlabel("log10 frequency of the word in both groups")
    ax.set_ylabel(f"z-score of weighted log-odds (> 0: {a}, < 0: {b})")
    ax.set_title(title or f"Words that distinguish {a} from {b} (Monroe et al. 2008)")
    ax.set_xlim(right=total.max() + 1.3)
    ax.grid(alpha=0.3)
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
