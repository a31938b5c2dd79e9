"""The run's ``index.html``: question, answer, evidence, links. No JavaScript.

The page is ``templates/index.html.j2`` rendered by Jinja2 with autoescape on,
so everything that comes from the corpus or the parameters is escaped; figures
are linked relatively so the directory can be moved, zipped and opened offline.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..infra.files import write_text

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.status{display:inline-block;padding:.1rem .6rem;border-radius:1rem;color:#fff;font-weight:600}
.succeeded{background:#009E73}.failed{background:#D55E00}.running{background:#999}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border-bottom:1px solid #e3e3e3;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figure img{max-width:100%;border:1px solid #eee}figcaption{font-size:.85rem;color:#555}
.kwic td.left{text-align:right;color:#555}.kwic td.match{font-weight:700;white-space:nowrap}.kwic td.right{color:#555}
.muted{color:#666;font-size:.85rem} code{background:#f3f3f3;padding:0 .2rem}
table.thread{width:100%;table-layout:fixed}table.thread td p{margin:.1rem 0 .4rem}
"""

QUESTION = ("How do the sides frame their claims, and how do reporters frame those claims "
            "when they pass them on?")


def _read(run_dir: Path, name: str) -> pd.DataFrame | None:
    path = run_dir / "tables" / name
    if not path.is_file():
        return None
    return pd.read_csv(path, keep_default_na=False)


def _cell(value, digits: int) -> dict:
    if isinstance(value, float):
        return {"text": f"{value:.{digits}f}", "num": True}
    if isinstance(value, int):
        return {"text": f"{value:,}", "num": True}
    return {"text": "" if value is None else str(value), "num": False}


def table_data(frame: pd.DataFrame, *, max_rows: int = 15, digits: int = 3) -> dict:
    """A table for the template: its columns and the first ``max_rows`` rows as formatted cells."""
    rows = [[_cell(v, digits) for v in row] for row in frame.head(max_rows).itertuples(index=False)]
    return {"columns": [str(c) for c in frame.columns], "rows": rows, "more": len(frame) > max_rows,
            "shown": max_rows, "total": f"{len(frame):,}"}


def _ci(f, lo, hi) -> str:
    return f"{float(f):.3f} [{float(lo):.3f}, {float(hi):.3f}]"


def _summary(run_dir: Path) -> dict | None:
    docs, by_side = _read(run_dir, "documents.csv"), _read(run_dir, "claims_by_side.csv")
    if docs is None:
        return None
    dates = pd.to_datetime(docs["date"], utc=True, errors="coerce", format="mixed").dropna()
    claims = _read(run_dir, "claims.csv")
    # every document with text yields claims (its own voice at least): those without were left out as copies
    left_out = len(set(docs["doc_id"]) - set(claims["doc_id"])) if claims is not None and len(claims) else 0
    out = {"documents": f"{len(docs):,}", "sources": docs["source"].nunique(), "left_out": left_out,
           "span": f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates", "by_side": None}
    if by_side is not None and len(by_side):
        wide = by_side.pivot_table(index="side", columns="quote_type", values="claims", aggfunc="sum", fill_value=0)
        wide["all claims"] = wide.sum(axis=1)
        out["by_side"] = table_data(wide.reset_index().astype({c: int for c in wide.columns}))
    return out


def _differences(run_dir: Path, a: str, b: str) -> list[dict]:
    """The five largest frame differences (``frame_differences.csv``: rates per 1,000 tokens), each with the share of
    each side's claims carrying the frame beside it (``prevalence_differences.csv``: percent of claims, the difference
    in points with its CI and q; ``share`` is None when the run has no prevalence table or no row for the frame)."""
    diffs = _read(run_dir, "frame_differences.csv")
    if diffs is None:
        return []
    shares = _read(run_dir, "prevalence_differences.csv")
    shares = shares.set_index("category") if shares is not None and len(shares) else None
    pct = lambda v, sign="": f"{100 * float(v):{sign}.1f}"
    out = []
    for _, r in diffs.head(5).iterrows():
        share = None
        if shares is not None and r["category"] in shares.index:
            s = shares.loc[r["category"]]
            share = {"a": pct(s["mean_a"]), "b": pct(s["mean_b"]), "diff": pct(s["diff"], "+"),
                     "ci_low": pct(s["ci_low"], "+"), "ci_high": pct(s["ci_high"], "+"), "q": f"{float(s['q']):.3g}"}
        out.append({"category": r["category"], "more": a if r["diff"] > 0 else b, "mean_a": f"{r['mean_a']:.2f}",
                    "mean_b": f"{r['mean_b']:.2f}", "diff": f"{r['diff']:+.2f}", "ci_low": f"{r['ci_low']:+.2f}",
                    "ci_high": f"{r['ci_high']:+.2f}", "q": f"{r['q']:.3g}", "p": float(r["p"]), "share": share})
    return out


def _frame_scorer(run_dir: Path) -> dict | None:
    """Which scorer gave the claims their frame labels (``claim_frames.csv``), why, and what it was trained on (the
    shipped model's card)."""
    labels = _read(run_dir, "claim_frames.csv")
    if labels is None or not len(labels) or "scorer" not in labels.columns:
        return None
    import json

    from ..infra.datafiles import FRAME_SCORER_CARD, data_path

    card = json.loads(data_path(FRAME_SCORER_CARD, "models").read_text("utf-8"))
    scorer = str(labels["scorer"].iloc[0])
    trained = ", ".join(f"{name} ({v['claims']} claims, {v['articles']} articles)" for name, v in card["trained_on"].items())
    return {"scorer": scorer, "why": card["suite_scorer_why"] if scorer == card["suite_scorer"] else
            "a lexicon of the run's own (the learned scorer was trained with the shipped one)" if scorer == "lexicon"
            else "asked for", "trained": trained if scorer != "lexicon" else ""}


def _longest(run_dir: Path, width: int = 160) -> list[dict]:
    """Each side's longest claims (``longest_claims.csv``) named by speaker and opening words (``claims.csv``),
    with their share of the side's words and frame hits (the template escapes the text)."""
    longest = _read(run_dir, "longest_claims.csv")
    if longest is None or not len(longest):
        return []
    claims = _read(run_dir, "claims.csv")
    named = claims.drop_duplicates("claim_id").set_index("claim_id") if claims is not None and "claim_id" in claims else None
    out = []
    for _, r in longest.iterrows():
        row = named.loc[r["claim_id"]] if named is not None and r["claim_id"] in named.index else {}
        text = " ".join(str(row.get("content", "")).split())
        out.append({"group": r["group"], "doc_id": r["doc_id"], "claim_id": r["claim_id"], "actor": row.get("actor", ""),
                    "opening": text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …",
                    "words": f"{int(r['n_tokens']):,}", "share_of_words": f"{100 * float(r['share_of_words']):.1f}",
                    "share_of_hits": f"{100 * float(r['share_of_hits']):.1f}"})
    return out


def _stance(run_dir: Path, name: str = "reporter_stance.csv") -> list[dict]:
    stance = _read(run_dir, name)
    if stance is None or not len(stance):
        return []
    pct = lambda v: f"{100 * v:.1f}"
    return [{"group": r["group"], "claims": f"{int(r['claims']):,}", "documents": f"{int(r['documents']):,}",
             "distanced": f"{int(r['distanced']):,}", "share": pct(r["share"]), "ci_low": pct(r["ci_low"]),
             "ci_high": pct(r["ci_high"]), "difference": "−" in str(r["group"]),
             "p": "" if r["p"] in ("", None) or pd.isna(r["p"]) else f"{float(r['p']):.3g}"}
            for _, r in stance.iterrows()]


def _classifier(run_dir: Path) -> dict | None:
    metrics = _read(run_dir, "classifier_metrics.csv")
    if metrics is None or not len(metrics):
        return None
    macro = metrics[metrics["class"] == "macro"]
    wide = macro.assign(cell=[_ci(f, lo, hi) for f, lo, hi in zip(macro["f1"], macro["ci_low"], macro["ci_high"])])
    wide = wide.pivot(index="model", columns="setting", values="cell").reindex(
        [m for m in ("full", "lexicon", "vader", "majority") if m in set(macro["model"])]).reset_index()
    return table_data(wide, max_rows=10)


def _frames(run_dir: Path) -> dict | None:
    frames = _read(run_dir, "frames_classifier_metrics.csv")
    if frames is None or not len(frames):
        return None
    macro = frames[frames["class"] == "macro"]
    rows = pd.DataFrame({"model": macro["model"], "macro-F1 [95% CI]": [
        _ci(f, lo, hi) for f, lo, hi in zip(macro["f1"], macro["ci_low"], macro["ci_high"])]})
    if "trained_on" in macro.columns:  # which labels the frames classifier learned (codebook or otherwise)
        rows["trained on"] = macro["trained_on"].to_numpy()
    return table_data(rows, max_rows=10)


def _evidence(run_dir: Path, sides: list) -> list[dict]:
    kwic, diffs = _read(run_dir, "evidence.csv"), _read(run_dir, "frame_differences.csv")
    if kwic is None or not len(kwic):
        return []
    cats = list(diffs["category"].head(3)) if diffs is not None else list(dict.fromkeys(kwic["category"]))[:3]
    blocks = []
    for cat in cats:
        part = kwic[kwic["category"] == cat]
        if "side" in part.columns and all(sides):
            rows = pd.concat([part[part["side"] == side].head(3) for side in sides])
        else:
            rows = part.head(6)
        if len(rows):
            blocks.append({"category": cat, "rows": [{k: r.get(k, "") for k in ("side", "doc_id", "left", "match", "right")}
                                                     for _, r in rows.iterrows()]})
    return blocks


def _threads(run_dir: Path, max_threads: int = 8) -> dict | None:
    """The two-sided claim threads (largest first), each as two columns, and each side's share of claims in them."""
    pairs, sides = _read(run_dir, "threads_side_by_side.csv"), _read(run_dir, "threads_sides.csv")
    if pairs is None or sides is None:
        return None
    shown = [{"place": r["place"], "dates": r["start_date"] if r["start_date"] == r["end_date"]
              else f"{r['start_date']} to {r['end_date']}", "relation": r["relation"],
              "a": str(r["a"]).split("\n") if r["a"] else [], "b": str(r["b"]).split("\n") if r["b"] else []}
             for _, r in pairs.head(max_threads).iterrows()]
    counts = [{"side": r["side"], "claims": f"{int(r['claims']):,}", "in_thread": f"{int(r['in_thread']):,}",
               "in_two_sided": f"{int(r['in_two_sided']):,}",
               "share": "" if r["share_two_sided"] == "" else f"{100 * float(r['share_two_sided']):.1f}"}
              for _, r in sides.iterrows()]
    return {"threads": shown, "total": f"{len(pairs):,}", "sides": counts}
def _estimates(run_dir: Path, p: dict) -> dict | None:
    """The corrected estimates (``estimates.csv``) beside the naive ones, the tool's accuracy on the coded
    sheet and the disagreements; or, when the run had no sheet, ``{"missing": True}`` (the template
    then says how to make one). None before the comparison ran."""
    about = _read(run_dir, "estimates_about.csv")
    if about is None:
        if _read(run_dir, "frame_differences.csv") is None:
            return None
        return {"missing": True, "skipped": ""}
    info = dict(zip(about["key"], about["value"]))
    if "skipped" in info:
        return {"missing": False, "skipped": info["skipped"], "sheet": info.get("sheet", "")}
    table, acc, notes = (_read(run_dir, n) for n in ("estimates.csv", "validation_accuracy.csv", "estimates_notes.csv"))
    pct = lambda v, d: f"{100 * float(v):+.1f}" if d else f"{100 * float(v):.1f}"
    rows = []
    for r in table.itertuples():
        d = r.quantity.startswith("difference:") or r.quantity == "distanced:difference"
        rows.append({"quantity": r.quantity, "naive": pct(r.naive, d), "estimate": pct(r.estimate, d),
                     "ci": f"{pct(r.lo, d)} to {pct(r.hi, d)}", "n": f"{int(r.n_labelled):,}",
                     "total": f"{int(r.n_total):,}", "outside": not (float(r.lo) <= float(r.naive) <= float(r.hi))})
    shown = [m for m in ("claim_precision", "side_accuracy", "side_precision", "side_recall", "frame_precision",
                         "frame_recall", "distanced_precision", "distanced_recall") if m in set(acc["measure"])]
    accuracy = [{"measure": r.measure.replace("_", " "), "label": r.label, "value": f"{float(r.value):.2f}",
                 "ci": f"{float(r.lo):.2f} to {float(r.hi):.2f}", "count": f"{int(r.k)}/{int(r.n)}"}
                for r in acc.itertuples() if r.measure in shown and int(r.n) > 0]
    return {"missing": False, "skipped": "", "sheet": info.get("sheet", ""), "population": info.get("population", ""),
            "coded": info.get("coded", ""),
            "note": info.get("note", ""), "rows": rows, "accuracy": accuracy, "notes": list(notes["sentence"])}


FIGURES = (
    ("frame_profile.png", "Frame profile by side: lexicon hits per 1,000 tokens with 95% bootstrap CIs."),
    ("log_odds.png", "Words that distinguish the sides: weighted log-odds z-scores (informative Dirichlet prior, Monroe et al. 2008), with each word's raw counts; English stopwords and actors' names left out."),
    ("weekly.png", "Frame rates by week with 95% CIs."),
    ("confusion.png", "Side classifier: confusion matrix (out-of-fold predictions)."),
    ("top_features.png", "Side classifier: the largest weights."),
    ("claims_by_side.png", "Claims found per side and quote type."),
)


def context(run_dir: Path, manifest: dict) -> dict:
    """Everything the template shows, as plain values (the template escapes them)."""
    p = manifest.get("parameters", {})
    a, b = p.get("side_a", "a"), p.get("side_b", "b")
    differences = _differences(run_dir, a, b)
    n_perm = p.get("n_perm")
    floor = 1 / (n_perm + 1) if isinstance(n_perm, int) else None
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in manifest.get("seconds", {}).items())
    if manifest.get("wall_seconds"):
        seconds += f"; {manifest['wall_seconds']:.1f} s wall, notebooks running side by side"
    return {
        "css": CSS, "question": QUESTION, "run_id": manifest.get("run_id"), "started": manifest.get("started"),
        "status": manifest.get("status", "running"), "error": manifest.get("error"),
        "not_computed": sorted((manifest.get("not_computed") or {}).items()),
        "warnings": manifest.get("warnings") or [],
        "summary": _summary(run_dir), "side_a": a, "side_b": b, "differences": differences, "n_perm": n_perm,
        "stance": _stance(run_dir), "longest": _longest(run_dir), "frame_scorer": _frame_scorer(run_dir), "stance_by_outlet": _stance(run_dir, "reporter_stance_by_outlet.csv"),
        "at_floor": sum(abs(d["p"] - floor) < 1e-12 for d in differences) if floor else 0,
        "classifier": _classifier(run_dir), "frames": _frames(run_dir), "estimates": _estimates(run_dir, p),
        "figures": [{"name": n, "caption": c} for n, c in FIGURES if (run_dir / "figures" / n).is_file()],
        "evidence": _evidence(run_dir, [a, b]), "threads": _threads(run_dir),
        "notebooks": [p_.stem for p_ in sorted((run_dir / "html").glob("*.html"))],
        "tables": [p_.name for p_ in sorted((run_dir / "tables").glob("*.csv"))],
        "parameters": [(k, "" if v is None else v) for k, v in sorted(p.items())], "seconds": seconds,
    }


def render(run_dir: Path, manifest: dict) -> str:
    """The index page's HTML (Jinja2 with autoescape: corpus text and parameters are escaped)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("index.html.j2").render(**context(Path(run_dir), manifest))


def write_index(run_dir: Path, manifest: dict) -> Path:
    """Write ``run_dir/index.html`` from the run's tables, figures and manifest."""
    path = Path(run_dir) / "index.html"
    write_text(path, render(run_dir, manifest))
    return path
