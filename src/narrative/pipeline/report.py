"""The run's ``index.html``: question, answer, evidence, links. No JavaScript.

Everything that comes from the corpus or the parameters is passed through
:func:`html.escape`; figures are linked relatively so the directory can be
moved, zipped and opened offline.
"""
from __future__ import annotations

import html
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
"""

QUESTION = ("How do the sides frame their claims, and how do reporters frame those claims "
            "when they pass them on?")


def e(value) -> str:
    """Escape anything for HTML text and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _read(run_dir: Path, name: str) -> pd.DataFrame | None:
    path = run_dir / "tables" / name
    if not path.is_file():
        return None
    return pd.read_csv(path, keep_default_na=False)


def table_html(frame: pd.DataFrame, *, max_rows: int = 15, digits: int = 3, css: str = "") -> str:
    """An escaped HTML table of the first ``max_rows`` rows."""
    head = "".join(f"<th>{e(c)}</th>" for c in frame.columns)
    body = []
    for _, row in frame.head(max_rows).iterrows():
        cells = []
        for value in row:
            if isinstance(value, float):
                cells.append(f'<td class="num">{value:.{digits}f}</td>')
            elif isinstance(value, int):
                cells.append(f'<td class="num">{value:,}</td>')
            else:
                cells.append(f"<td>{e(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = f'<p class="muted">First {max_rows} of {len(frame):,} rows.</p>' if len(frame) > max_rows else ""
    return f'<table class="{e(css)}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def _figure(run_dir: Path, name: str, caption: str) -> str:
    if not (run_dir / "figures" / name).is_file():
        return ""
    return f'<figure><img src="figures/{e(name)}" alt="{e(caption)}"><figcaption>{e(caption)}</figcaption></figure>'


def _summary(run_dir: Path) -> str:
    docs, by_side = _read(run_dir, "documents.csv"), _read(run_dir, "claims_by_side.csv")
    if docs is None:
        return "<p>No corpus summary (the run stopped before notebook 01 finished).</p>"
    dates = pd.to_datetime(docs["date"], utc=True, errors="coerce").dropna()
    span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
    parts = [f"<p><b>{len(docs):,}</b> documents from <b>{docs['source'].nunique()}</b> sources, {e(span)}.</p>"]
    if by_side is not None and len(by_side):
        wide = by_side.pivot_table(index="side", columns="quote_type", values="claims", aggfunc="sum", fill_value=0)
        wide["all claims"] = wide.sum(axis=1)
        parts.append("<p>Claims found, by the speaker's side and quote type (<code>self</code>: the publisher's or "
                     "reporter's own voice):</p>" + table_html(wide.reset_index().astype({c: int for c in wide.columns})))
    return "".join(parts)


def _findings(run_dir: Path, manifest: dict) -> str:
    parts = []
    diffs = _read(run_dir, "frame_differences.csv")
    p = manifest.get("parameters", {})
    a, b = p.get("side_a", "a"), p.get("side_b", "b")
    if diffs is not None and len(diffs):
        lines = []
        for _, r in diffs.head(5).iterrows():
            more = a if r["diff"] > 0 else b
            lines.append(f"<li><b>{e(r['category'])}</b>: {e(more)} uses it more — {r['mean_a']:.2f} vs {r['mean_b']:.2f} "
                         f"hits per 1,000 tokens (difference {r['diff']:+.2f}, 95% CI {r['ci_low']:+.2f} to {r['ci_high']:+.2f}, "
                         f"q = {r['q']:.3g})</li>")
        parts.append(f"<h3>Largest frame differences ({e(a)} − {e(b)})</h3><ol>{''.join(lines)}</ol>")
    metrics = _read(run_dir, "classifier_metrics.csv")
    if metrics is not None and len(metrics):
        macro = metrics[metrics["class"] == "macro"]
        wide = macro.assign(cell=[f"{float(f):.3f} [{float(lo):.3f}, {float(hi):.3f}]"
                                  for f, lo, hi in zip(macro["f1"], macro["ci_low"], macro["ci_high"])])
        wide = wide.pivot(index="model", columns="setting", values="cell").reindex(
            [m for m in ("full", "lexicon", "vader", "majority") if m in set(macro["model"])]).reset_index()
        parts.append("<h3>Can a classifier tell the sides apart?</h3><p>Macro-F1 with 95% bootstrap CI over documents, "
                     "grouped 5-fold cross-validation; <i>masked</i> deletes actor names and side-revealing "
                     "boilerplate first. <i>full</i> = TF-IDF n-grams + lexicon + VADER; the others are baselines.</p>"
                     + table_html(wide, max_rows=10))
    frames = _read(run_dir, "frames_classifier_metrics.csv")
    if frames is not None and len(frames):
        macro = frames[frames["class"] == "macro"]
        rows = pd.DataFrame({"model": macro["model"], "macro-F1 [95% CI]": [
            f"{float(f):.3f} [{float(lo):.3f}, {float(hi):.3f}]" for f, lo, hi in zip(macro["f1"], macro["ci_low"], macro["ci_high"])]})
        parts.append("<h3>Can a classifier recognise the frames?</h3><p>Multi-label frame categories learned from "
                     "hand-labelled claims (grouped cross-validation, 95% bootstrap CI over documents); per-category "
                     'scores are in <a href="tables/frames_classifier_metrics.csv">frames_classifier_metrics.csv</a>.</p>'
                     + table_html(rows, max_rows=10))
    return "".join(parts) or "<p>No findings: the run did not reach the comparison.</p>"


def _evidence(run_dir: Path, manifest: dict) -> str:
    kwic, diffs = _read(run_dir, "evidence.csv"), _read(run_dir, "frame_differences.csv")
    if kwic is None or not len(kwic):
        return ""
    cats = list(diffs["category"].head(3)) if diffs is not None else list(dict.fromkeys(kwic["category"]))[:3]
    p = manifest.get("parameters", {})
    sides = [p.get("side_a"), p.get("side_b")]
    blocks = []
    for cat in cats:
        part = kwic[kwic["category"] == cat]
        if "side" in part.columns and all(sides):
            rows = pd.concat([part[part["side"] == side].head(3) for side in sides])
        else:
            rows = part.head(6)
        if not len(rows):
            continue
        lines = "".join(
            f'<tr><td class="muted">{e(r.get("side", ""))}<br>{e(r["doc_id"])}</td><td class="left">…{e(r["left"])}</td>'
            f'<td class="match">{e(r["match"])}</td><td class="right">{e(r["right"])}…</td></tr>' for _, r in rows.iterrows())
        blocks.append(f"<h3>{e(cat)}</h3><table class=\"kwic\"><tbody>{lines}</tbody></table>")
    return ("<h2>Evidence</h2><p>Keyword-in-context lines behind the headline categories; the full table is "
            "<a href=\"tables/evidence.csv\">evidence.csv</a> (offsets index the source text).</p>" + "".join(blocks))


def write_index(run_dir: Path, manifest: dict) -> Path:
    """Write ``run_dir/index.html`` from the run's tables, figures and manifest."""
    status = manifest.get("status", "running")
    error = manifest.get("error")
    err_html = ""
    if error:
        err_html = (f"<p><b>Failed</b> in <code>{e(error['notebook'])}</code>, cell {e(error['cell_index'])}: "
                    f"{e(error['ename'])}: {e(error['evalue'])}</p>")
    figures = "".join([
        _figure(run_dir, "frame_profile.png", "Frame profile by side: lexicon hits per 1,000 tokens with 95% bootstrap CIs."),
        _figure(run_dir, "log_odds.png", "Words that distinguish the sides (weighted log-odds, informative Dirichlet prior)."),
        _figure(run_dir, "weekly.png", "Frame rates by week with 95% CIs."),
        _figure(run_dir, "confusion.png", "Side classifier: confusion matrix (out-of-fold predictions)."),
        _figure(run_dir, "top_features.png", "Side classifier: the largest weights."),
        _figure(run_dir, "claims_by_side.png", "Claims found per side and quote type."),
    ])
    notebooks = "".join(
        f'<li><a href="html/{e(p.name)}">{e(p.stem)}</a> (<a href="notebooks/{e(p.stem)}.ipynb">ipynb</a>)</li>'
        for p in sorted((run_dir / "html").glob("*.html")))
    tables = "".join(f'<li><a href="tables/{e(p.name)}">{e(p.name)}</a></li>' for p in sorted((run_dir / "tables").glob("*.csv")))
    params = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in sorted(manifest.get("parameters", {}).items()))
    seconds = ", ".join(f"{e(k)} {v:.1f} s" for k, v in manifest.get("seconds", {}).items())
    if manifest.get("wall_seconds"):
        seconds += f"; {manifest['wall_seconds']:.1f} s wall, notebooks running side by side"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>narrative report {e(manifest.get('run_id'))}</title><style>{CSS}</style></head>
<body>
<h1>narrative report</h1>
<p class="muted">Run <code>{e(manifest.get('run_id'))}</code> started {e(manifest.get('started'))}
<span class="status {e(status)}">{e(status)}</span></p>
{err_html}
<p><b>Question.</b> {e(QUESTION)}</p>
<h2>Corpus</h2>{_summary(run_dir)}
<h2>Findings</h2>{_findings(run_dir, manifest)}
<h2>Figures</h2>{figures or '<p>No figures.</p>'}
{_evidence(run_dir, manifest)}
<h2>Notebooks and tables</h2>
<ul>{notebooks}</ul><ul>{tables}</ul>
<h2>Reproduce</h2>
<p>Parameters of this run (re-run with <code>narrative run --config params.yaml</code>; inputs and versions are in
<a href="manifest.json">manifest.json</a>). Seconds per notebook: {seconds}.</p>
<table>{params}</table>
<p class="muted">Demo corpus source: kremlin.ru / president.gov.ua, CC BY 4.0.</p>
</body></html>
"""
    path = run_dir / "index.html"
    write_text(path, page)
    return path
