"""A coding sheet as one self-contained HTML page to read while coding, the codebook beside it.

No JavaScript, no outside files; every value from the corpus is escaped (:func:`html.escape`).

>>> import pandas as pd
>>> sheet = pd.DataFrame({"claim_id": ["d:1"], "doc_id": ["d"], "sentence": ["[S <b>Peskov</b>] [C said] [Q no]"],
...                       "speaker": ["Peskov"], "side": ["kremlin"], "frames": [""], "distanced": [0],
...                       "stratum": ["all"], "inclusion_probability": [1.0]})
>>> page = sheet_html(sheet)
>>> "&lt;b&gt;Peskov&lt;/b&gt;" in page and "<b>Peskov</b>" not in page
True
"""
from __future__ import annotations

import csv
import html
import re

import pandas as pd

from ..infra.datafiles import data_text

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.4;display:flex}
main{flex:3;padding:1rem 1.5rem;max-height:100vh;overflow:auto} aside{flex:2;padding:1rem;background:#f7f7f7;
max-height:100vh;overflow:auto;font-size:.85rem;border-left:1px solid #ddd}
table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #e3e3e3;padding:.3rem .5rem;vertical-align:top;text-align:left}
.S{background:#dbeafe}.C{background:#fde68a}.Q{background:#e5f5e0}.muted{color:#666;font-size:.8rem}
dt{font-weight:700;margin-top:.4rem}dd{margin:0 0 .2rem 0}
"""
_MARK = re.compile(r"\[([SCQ]) ((?:[^\[\]]|\[[^\]]*\])*)\]")


def codebook() -> pd.DataFrame:
    """The shipped one-line summary of the codebook's sides and categories (``data/codebook.csv``:
    kind, name, definition; its header names the source)."""
    lines = [line for line in data_text("codebook.csv").splitlines() if line and not line.startswith("#")]
    rows = list(csv.reader(lines))
    return pd.DataFrame(rows[1:], columns=rows[0])


def _sentence(marked: str) -> str:
    """A sheet's marked sentence as escaped HTML with the speaker, cue and content highlighted."""
    out, at = [], 0
    for m in _MARK.finditer(marked):
        out.append(html.escape(marked[at:m.start()]))
        out.append(f'<span class="{m.group(1)}">{html.escape(m.group(2))}</span>')
        at = m.end()
    out.append(html.escape(marked[at:]))
    return "".join(out)


def sheet_html(sheet: pd.DataFrame, *, title: str = "narrative coding sheet") -> str:
    """The page: one row per sheet row (line number, claim id, the sentence, the tool's labels) and the
    codebook's definitions beside it."""
    e = html.escape
    rows = []
    for line, r in enumerate(sheet.to_dict("records"), start=2):
        tool = (f"speaker: {e(str(r.get('speaker', '')))}<br>side: {e(str(r.get('side', '')))}<br>"
                f"frames: {e(str(r.get('frames', '')) or '–')}<br>distanced: {e(str(r.get('distanced', '')))}")
        rows.append(f"<tr><td class=muted>{line}</td><td class=muted>{e(str(r['claim_id']))}<br>{e(str(r.get('stratum', '')))}"
                    f"</td><td>{_sentence(str(r.get('sentence', '')))}</td><td class=muted>{tool}</td></tr>")
    book = codebook()
    defs = []
    for kind, heading in (("side", "Sides (gold_side)"), ("rule", "Rules"), ("frame", "Frames (gold_frames, ;-joined)"),
                          ("distanced", "Distancing (gold_distanced)")):
        part = book[book["kind"] == kind]
        defs.append(f"<h3>{e(heading)}</h3><dl>" + "".join(
            f"<dt>{e(n)}</dt><dd>{e(d)}</dd>" for n, d in zip(part["name"], part["definition"])) + "</dl>")
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{e(title)}</title><style>{CSS}</style>"
            f"</head><body><main><h1>{e(title)}</h1><p class=muted>{len(sheet)} claims. Fill the sheet's CSV: "
            "<code>gold_is_claim</code> (1/0), <code>gold_side</code>, <code>gold_frames</code>, "
            "<code>gold_distanced</code> (1/0); leave a column empty to not code it. Marks: "
            "<span class=S>speaker</span> <span class=C>cue</span> <span class=Q>content</span>. "
            "Line = the CSV's line.</p><table><thead><tr><th>line</th><th>claim</th><th>sentence</th><th>tool</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></main><aside><h2>Codebook (summary)</h2>"
            "<p class=muted>One line per category from the project's CODEBOOK.md §1–3; its full text decides.</p>"
            f"{''.join(defs)}</aside></body></html>")
