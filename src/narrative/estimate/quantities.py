"""The estimates table: side shares, frame prevalence per side, their differences and the reporter's
distancing, naive (the tool's labels) beside prediction-powered (:mod:`.ppi`) from a coded sheet.

Quantities (``quantity`` column of :data:`ESTIMATES`; "true" = as the coder labels it):

- ``share:<side>``: among real claims, the share whose true side is ``side``;
- ``prevalence:<frame>:<side>``: among real claims whose true side is ``side``, the share carrying ``frame``;
- ``difference:<frame>``: ``prevalence:<frame>:<a>`` − ``prevalence:<frame>:<b>``;
- ``distanced:<side>``: among real attributed claims (``quote_type`` not ``self``) whose true side is
  ``side``, the share the reporter distances itself from (codebook H1); ``distanced:difference`` = a − b.

``naive`` reads the tool's labels on every claim of the sheet's population; ``estimate``, ``lo``,
``hi`` the PPI++ estimate and 95% interval (a share's or prevalence's Wilson score interval with the
estimate's effective sample size, :meth:`.ppi.Estimate.proportion_interval`, so not centred on the
estimate; a difference's the t interval, cut to [-1, 1]); ``n_labelled`` the coded claims in the quantity's
denominator (for a difference: both sides'); ``n_total`` the claims the naive figure's denominator
counts. A difference's estimate uses weights tuned for the difference, so it can differ a little
from the difference of the two prevalence rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import ppi
from ..errors import InputError
from .sheet import SIDES, Population, SheetError, tool_labels

#: the estimates table's columns
ESTIMATES = ("quantity", "naive", "estimate", "lo", "hi", "n_labelled", "n_total")
#: fewest coded claims a quantity's denominator may have
MIN_CODED = 10


@dataclass
class Joined:
    """The sheet's population with the tool's labels and the coder's, as arrays over its N rows."""

    tool: pd.DataFrame           # side, frames, distanced, attributed
    gold: pd.DataFrame           # is_claim (1 when not coded), side ("" missing), frames (None missing), distanced
    design: ppi.Design           # strata and the rows coded at all
    claim_coded: bool            # was gold_is_claim coded
    coded: dict                  # dimension -> was it coded on this sheet
    #: which ("tool"/"gold") -> (each row's frames as a set, coded mask), and (which, cat) -> indicator,
    #: built on first use (quantities read each frame several times)
    _frame_sets: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def frames_coded(self, which: str) -> np.ndarray:
        """Whether each row's frames were coded (a string; None/NaN: not coded)."""
        if which not in self._frame_sets:
            col = (self.tool["frames"] if which == "tool" else self.gold["frames"]).astype(object)
            coded = np.array([isinstance(v, str) for v in col], dtype=bool)
            self._frame_sets[which] = ([frozenset(v.split(";")) if ok else frozenset() for v, ok in zip(col, coded)],
                                       coded)
        return self._frame_sets[which][1].copy()

    def frame(self, which: str, cat: str) -> np.ndarray:
        """1.0 where the row carries frame ``cat`` (the tool's labels or the coder's), else 0.0; a row
        whose frames were not coded (None/NaN) never carries one."""
        if (which, cat) not in self._frame_sets:
            coded = self.frames_coded(which)
            sets = self._frame_sets[which][0]
            found = np.fromiter((cat in labels for labels in sets), dtype=bool, count=len(sets))
            self._frame_sets[(which, cat)] = (found & coded).astype(float)
        return self._frame_sets[(which, cat)].copy()


def join(claims: pd.DataFrame, sheet: pd.DataFrame, *, path: str = "sheet", lexicon=None) -> Joined:
    """Match a read sheet (:func:`.sheet.read_sheet`) to its claims table; errors name the sheet's line."""
    population = Population.parse(sheet["population"].iloc[0] if len(sheet) else "all")
    pop = population.select(claims).reset_index(drop=True)
    position = pd.Series(np.arange(len(pop)), index=pop["claim_id"].astype(str))
    everywhere = set(claims["claim_id"].astype(str))
    for line, cid in zip(range(2, len(sheet) + 2), sheet["claim_id"]):
        if cid not in position.index:
            where = (f"is outside the sheet's population ({population})" if cid in everywhere
                     else "is not in the claims table")
            raise SheetError(path, line, f"claim id {cid!r} {where}")
    rows = position[sheet["claim_id"]].to_numpy()
    # strata: "all", or "<column>=<value>" of one claims column
    keys = sheet["stratum"].astype(str)
    columns = {k.partition("=")[0] for k in keys if k != "all"}
    if len(columns) > 1 or (columns and (keys == "all").any()):
        raise SheetError(path, None, f"strata of different kinds: {', '.join(sorted(set(keys)))}")
    if columns:
        column = columns.pop()
        if column not in pop.columns:
            raise SheetError(path, None, f"stratum column {column!r} is not in the claims table")
        pop_keys = column + "=" + pop[column].astype(str)
        empty = sorted(set(pop_keys) - set(keys))
        if empty:
            count = int((pop_keys == empty[0]).sum())
            raise SheetError(path, None, f"stratum {empty[0]} has {count:,} claims but no row on the sheet: its "
                                         "claims could never be coded, so no estimate covers them")
    else:
        pop_keys = pd.Series("all", index=pop.index)
    codes = pd.factorize(pop_keys, sort=True)[0]
    touched = (sheet["gold_is_claim"].notna() | (sheet["gold_side"] != "") | sheet["gold_frames"].notna()
               | sheet["gold_distanced"].notna()).to_numpy()
    coded = np.zeros(len(pop), bool)
    coded[rows[touched]] = True
    n = len(pop)
    gold = pd.DataFrame({"is_claim": np.ones(n), "side": [""] * n, "frames": [None] * n, "distanced": np.nan})
    claim_coded = bool(sheet["gold_is_claim"].notna().any())
    if claim_coded:
        gold.loc[:, "is_claim"] = np.nan
        gold.loc[rows, "is_claim"] = sheet["gold_is_claim"].to_numpy()
    gold.loc[rows, "side"] = sheet["gold_side"].to_numpy()
    gold["frames"] = gold["frames"].astype(object)
    for r, v in zip(rows, sheet["gold_frames"]):
        gold.at[r, "frames"] = v
    gold.loc[rows, "distanced"] = sheet["gold_distanced"].to_numpy()
    dims = {"side": bool((sheet["gold_side"] != "").any()), "frames": bool(sheet["gold_frames"].notna().any()),
            "distanced": bool(sheet["gold_distanced"].notna().any())}
    return Joined(tool_labels(pop, lexicon=lexicon).reset_index(drop=True), gold, ppi.Design(codes, coded),
                  claim_coded, dims)


def _ratio(j: Joined, side: str, *, frame: str | None = None, distanced: bool = False):
    """The Ratio of one quantity and the mask of rows coded for it."""
    c = j.gold["is_claim"].to_numpy()
    c0 = np.nan_to_num(c, nan=0.0)
    known_c = ~np.isnan(c)
    gs = j.gold["side"].to_numpy()
    s_y = (gs == side).astype(float)
    s_f = (j.tool["side"].to_numpy() == side).astype(float)
    known_side = gs != ""
    if frame is None and not distanced:  # share: among real claims, true side = side
        labelled = known_c & ((c0 == 0) | known_side)
        return ppi.Ratio(c0 * s_y, c0, s_f, np.ones(len(c))), labelled
    if frame is not None:
        y_k = j.frame("gold", frame)
        known_k = j.frames_coded("gold")
        f_k = j.frame("tool", frame)
        att = np.ones(len(c))
    else:
        dist = j.gold["distanced"].to_numpy()
        known_k = ~np.isnan(dist)
        y_k = np.nan_to_num(dist, nan=0.0)
        f_k = j.tool["distanced"].to_numpy(float)
        att = j.tool["attributed"].to_numpy(float)
    den_y = att * c0 * s_y
    labelled = known_c & ((c0 == 0) | (att == 0) | (known_side & ((s_y == 0) | known_k)))
    return ppi.Ratio(den_y * y_k, den_y, att * s_f * f_k, att * s_f), labelled


def _row(name: str, parts, j: Joined, *, lam, min_coded: int, path: str) -> dict:
    masks = [m for _c, _r, m in parts]
    labelled = np.logical_and.reduce(masks) & j.design.coded
    design = j.design.restrict(labelled)
    counts = [((r.den_y > 0) & labelled).sum(-1) for _c, r, _m in parts]  # one per sample (R) in a batch design
    fewest = int(np.min(counts))
    if fewest < min_coded:
        raise SheetError(path, None, f"{name}: only {fewest} coded claims in its denominator (at least "
                                     f"{min_coded} needed): code more claims of that side, or leave the column empty")
    for w, coded_h, _u in design.groups():
        if np.min(coded_h.sum(-1)) < 2:
            raise SheetError(path, None, f"{name}: a stratum of the sheet has fewer than 2 coded claims")
    est = ppi.combine([(c, r) for c, r, _m in parts], design, lam=lam)
    naive = sum(c * r.naive() for c, r, _m in parts)
    n_total = int(sum((r.den_f > 0).sum() for _c, r, _m in parts))
    if len(parts) > 1:   # a difference of two shares lies in [-1, 1]: the t interval
        low, lo, hi = -1.0, est.lo, est.hi
    else:                # a share lies in [0, 1]: Wilson's score interval, effective sample size
        low, (lo, hi) = 0.0, est.proportion_interval()
    return {"quantity": name, "naive": naive, "estimate": est.estimate, "lo": np.clip(lo, low, 1.0),
            "hi": np.clip(hi, low, 1.0),
            "n_labelled": sum(counts), "n_total": n_total}


def quantities(j: Joined, a: str, b: str, categories) -> list[tuple[str, list]]:
    """(name, parts) of every quantity the sheet's coded columns allow; parts are (coef, Ratio, mask)."""
    out = []
    if j.coded["side"]:
        for s in SIDES:
            out.append((f"share:{s}", [(1.0, *_ratio(j, s))]))
    if j.coded["side"] and j.coded["frames"]:
        for cat in categories:
            pa, pb = _ratio(j, a, frame=cat), _ratio(j, b, frame=cat)
            out += [(f"prevalence:{cat}:{a}", [(1.0, *pa)]), (f"prevalence:{cat}:{b}", [(1.0, *pb)]),
                    (f"difference:{cat}", [(1.0, *pa), (-1.0, *pb)])]
    if j.coded["side"] and j.coded["distanced"]:
        da, db = _ratio(j, a, distanced=True), _ratio(j, b, distanced=True)
        out += [(f"distanced:{a}", [(1.0, *da)]), (f"distanced:{b}", [(1.0, *db)]),
                ("distanced:difference", [(1.0, *da), (-1.0, *db)])]
    return out


def estimates(claims: pd.DataFrame, sheet: pd.DataFrame, *, a: str, b: str, categories, lexicon=None,
              lam=None, min_coded: int = MIN_CODED, path: str = "sheet") -> pd.DataFrame:
    """The estimates table (:data:`ESTIMATES`) of a claims table and its read sheet.

    ``lam``: None tunes (PPI++); 0 gives the coded claims alone (the classical interval); 1 plain PPI.
    Raises :class:`SheetError` for an unusable sheet, before anything is written.
    """
    return estimate_table(join(claims, sheet, path=path, lexicon=lexicon), a=a, b=b, categories=categories, lam=lam,
                          min_coded=min_coded, path=path)


def estimate_table(j: Joined, *, a: str, b: str, categories, lam=None, min_coded: int = MIN_CODED,
                   path: str = "sheet") -> pd.DataFrame:
    """:func:`estimates` of an already joined sheet (:func:`join`)."""
    for name, side in (("--a", a), ("--b", b)):
        if side not in SIDES:
            raise InputError(name, None, f"{side!r} is not a codebook side ({', '.join(SIDES)}): a coded sheet "
                                         "estimates the sides the coder labels")
    rows = [_row(name, parts, j, lam=lam, min_coded=min_coded, path=path)
            for name, parts in quantities(j, a, b, categories)]
    if not rows:
        raise SheetError(path, None, "no quantity can be estimated: code gold_side (and gold_frames or gold_distanced)")
    return pd.DataFrame(rows, columns=list(ESTIMATES))


def naive_intervals(j: Joined, a: str, b: str, categories) -> pd.DataFrame:
    """The naive figures' 95% intervals as if every tool label were right (every claim "coded" with
    its own label): what a report without a coded sample shows."""
    rows = []
    everyone = ppi.Design(j.design.strata, np.ones(len(j.design.coded), bool))
    for name, parts in quantities(j, a, b, categories):
        tool = [(c, ppi.Ratio(r.num_f, r.den_f, r.num_f, r.den_f)) for c, r, _m in parts]
        est = ppi.combine(tool, everyone, lam=0.0)
        rows.append({"quantity": name, "naive_lo": est.lo, "naive_hi": est.hi})
    return pd.DataFrame(rows)
