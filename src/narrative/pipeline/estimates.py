"""Notebook 04's measurement-error step: a coded sheet corrects the comparison (:mod:`narrative.estimate`).

With a sheet (the ``validation`` parameter) it writes ``tables/estimates.csv`` (naive beside the
prediction-powered estimates), ``tables/validation_accuracy.csv`` (the tool on the coded rows) and
``tables/estimates_notes.csv`` (one plain sentence per quantity where the two disagree). Without
one it writes nothing and the report says how to make one.

The shipped demo sheet (``data/annotations/press-releases-validation.csv``, the default) belongs to
the demo corpus: on another corpus only its rows whose claims occur there are used (a random sample
of a stratum stays one of any part of it), and when too few do, the step says so instead of
estimating. Any other sheet must match the run's claims exactly.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..infra.datafiles import VALIDATION_SHEET
from .runfiles import StepError, timed, write

NOTES = ("quantity", "kind", "sentence")


def _is_shipped(path) -> bool:
    """Is ``path`` the shipped demo sheet (by its name in ``data/annotations/``)?"""
    path = Path(path)
    return path.name == Path(VALIDATION_SHEET).name and path.parent.name == "annotations"


def _points(v: float, difference: bool) -> str:
    return f"{100 * v:+.1f} points" if difference else f"{100 * v:.1f}%"


def _interval(lo: float, hi: float, difference: bool) -> str:
    fmt = (lambda v: f"{100 * v:+.1f}") if difference else (lambda v: f"{100 * v:.1f}")
    return f"{fmt(lo)} to {fmt(hi)}"


def disagreements(table: pd.DataFrame, naive_ci: pd.DataFrame, *, side_a: str, side_b: str) -> pd.DataFrame:
    """One plain sentence per quantity where the naive figure and the corrected one disagree: a
    difference whose naive interval (as if every label were right) excludes 0 while the corrected one
    covers it, or the reverse, or the two point opposite ways; a share or prevalence whose naive
    figure lies outside the corrected interval."""
    rows = []
    merged = table.merge(naive_ci, on="quantity", how="left")
    for r in merged.itertuples():
        diff = r.quantity.startswith("difference:") or r.quantity == "distanced:difference"
        what = r.quantity.split(":")[1] if diff and r.quantity.startswith("difference:") else "distancing"
        corrected = (f"corrected by {int(r.n_labelled):,} coded claims it is {_points(r.estimate, diff)} "
                     f"(95% CI {_interval(r.lo, r.hi, diff)})")
        naive = f"{_points(r.naive, diff)} (95% CI {_interval(r.naive_lo, r.naive_hi, diff)} if every label were right)"
        if diff:
            naive_sig = r.naive_lo > 0 or r.naive_hi < 0
            fixed_sig = r.lo > 0 or r.hi < 0
            if naive_sig and not fixed_sig:
                kind, text = "naive only", (f"The tool's labels alone say {side_a} and {side_b} differ in {what}: "
                                            f"{naive}; {corrected}, which includes no difference.")
            elif fixed_sig and not naive_sig:
                kind, text = "corrected only", (f"The tool's labels alone show no clear difference in {what} between "
                                                f"{side_a} and {side_b}: {naive}; {corrected}, a clear difference.")
            elif naive_sig and fixed_sig and np.sign(r.naive) != np.sign(r.estimate):
                kind, text = "opposite", (f"The tool's labels and the coded sample point opposite ways on {what}: "
                                          f"naive {naive}; {corrected}.")
            else:
                continue
        elif not (r.lo <= r.naive <= r.hi):
            kind = "outside"
            text = (f"{r.quantity}: the tool's labels give {_points(r.naive, False)}, outside the corrected "
                    f"interval ({_points(r.estimate, False)}, 95% CI {_interval(r.lo, r.hi, False)}).")
        else:
            continue
        rows.append({"quantity": r.quantity, "kind": kind, "sentence": text})
    order = {"opposite": 0, "naive only": 1, "corrected only": 2, "outside": 3}  # the differences first
    rows.sort(key=lambda r: order[r["kind"]])
    return pd.DataFrame(rows, columns=list(NOTES))


def measurement(run_dir, claims: pd.DataFrame, *, validation, side_a: str, side_b: str, lexicon=None) -> dict | None:
    """The corrected estimates, the tool's accuracy and the disagreements → ``tables/estimates.csv``,
    ``validation_accuracy.csv``, ``estimates_notes.csv``; None (nothing written) without a sheet."""
    from ..errors import InputError
    from ..estimate import accuracy, estimate_table, join, naive_intervals, read_sheet
    from ..lexicons import load_lexicon

    if not validation:
        return None
    from ..estimate import SIDES

    if side_a not in SIDES or side_b not in SIDES:
        skipped = (f"The coded sheet labels the codebook's sides ({', '.join(SIDES)}); this run compares "
                   f"{side_a} and {side_b}, so no corrected estimates are made.")
        write(pd.DataFrame({"key": ["sheet", "skipped"], "value": [Path(validation).name, skipped]}), run_dir,
              "estimates_about.csv")
        return {"skipped": skipped}
    lex = load_lexicon(lexicon)
    categories = list(lex.categories)
    sheet = read_sheet(validation, lex.categories)
    note = ""
    if _is_shipped(validation):
        ids = set(map(str, claims["claim_id"].tolist()))  # a Python set: Arrow's isin makes a scalar per claim
        known = np.fromiter((cid in ids for cid in sheet["claim_id"].tolist()), dtype=bool, count=len(sheet))
        if known.sum() < len(sheet):
            note = (f"{int(known.sum()):,} of the shipped demo sheet's {len(sheet):,} coded claims occur in this "
                    "corpus; only they are used.")
            sheet = sheet[known].reset_index(drop=True)
    scored = Path(run_dir) / "tables" / "claim_frames.csv"
    if scored.is_file():  # notebook 02 scored every claim already, with the run's lexicon
        # Python strings (object columns): Arrow-backed ones map and iterate several times slower
        frames = pd.read_csv(scored, usecols=["claim_id", "frames"], dtype=object, keep_default_na=False)
        claims = claims.assign(frames=claims["claim_id"].map(str).map(frames.drop_duplicates("claim_id")
                                                                     .set_index("claim_id")["frames"]))
        if claims["frames"].isna().any():  # not the same claims: score them here
            claims = claims.drop(columns="frames")
    try:
        with timed(run_dir, "estimates: prediction-powered (coded sheet)"):
            joined = join(claims, sheet, path=str(validation), lexicon=lex)
            table = estimate_table(joined, a=side_a, b=side_b, categories=categories, path=str(validation))
            acc = accuracy(joined, categories)
            notes = disagreements(table, naive_intervals(joined, side_a, side_b, categories), side_a=side_a,
                                  side_b=side_b)
    except InputError as exc:
        if note:  # the demo's sheet on another corpus: too little of it applies
            skipped = (f"{note} Too few for estimates ({exc.problem}); code a sheet of this corpus with "
                       "`narrative sample`.")
            write(pd.DataFrame({"key": ["sheet", "skipped"], "value": [Path(validation).name, skipped]}), run_dir,
                  "estimates_about.csv")
            return {"skipped": skipped}
        raise StepError(str(exc)) from None
    population = str(sheet["population"].iloc[0])
    write(table.round(6), run_dir, "estimates.csv")
    write(acc.round(6), run_dir, "validation_accuracy.csv")
    write(notes, run_dir, "estimates_notes.csv")
    write(pd.DataFrame({"key": ["sheet", "population", "coded", "note"],
                        "value": [Path(validation).name, population, int(joined.design.coded.sum()), note]}),
          run_dir, "estimates_about.csv")
    return {"table": table, "accuracy": acc, "notes": notes, "population": population, "note": note}
