"""Score the extractor and the suite's frame scorer on round three's blind codings (data/annotations/ROUND3.md).

    python data/annotations/scripts/score_round3.py train     # coders D, G, H: tuning articles (may be read)
    python data/annotations/scripts/score_round3.py fresh     # coders E and F: locked articles, scored once
    python data/annotations/scripts/score_round3.py bell4     # round four, coder J: tuning articles (may be read)
    python data/annotations/scripts/score_round3.py fresh3    # round four, coder I: locked articles, scored once

Sides: every kept row (a claim sentence by an identifiable speaker) is matched to the extracted claim overlapping its
sentence most; an unmatched row or a claim given ``unknown`` counts as wrong (as ``validate-sides`` does). Speaker:
a matched claim's speaker is right when the coder's speaker and the claim's ``speaker`` or ``actor`` share a
capitalised word of four or more letters, or are both the same lowercased string: a lenient, automatic stand-in
for a hand judgement. Frames: macro-F1 of the suite's scorer over each kept row's machine-cut content, against the
coder's labels, with its article-bootstrap interval. Reads ``../shared`` at run time; prints only figures.
"""
import re
import sys
from pathlib import Path

import pandas as pd

from narrative.claims import extract_claims
from narrative.segment import split_sentences
from scoreboard import frame_row

ROOT = Path(__file__).resolve().parents[3]
ANN = ROOT / "data" / "annotations"
ARTICLES = ROOT.parent / "shared" / "eval" / "warnews-dev" / "articles"
SETS = {"train": ("warnews-dev-round3-train-coderD.tsv", "warnews-dev-round3-train2-coderG.tsv",
                  "warnews-dev-round3-train2-coderH.tsv"),
        "fresh": ("warnews-dev-round3-fresh2-coderE.tsv", "warnews-dev-round3-bell3-coderF.tsv"),
        # round four (ROUND4.md): coder J's belligerent-rich tuning sample; coder I's fresh locked sample
        "bell4": ("warnews-dev-round4-bell4-coderJ.tsv",),
        "fresh3": ("warnews-dev-round4-fresh3-coderI.tsv",)}


def _read(name):
    table = pd.read_csv(ANN / name, sep="\t", keep_default_na=False, dtype=str)
    for c in ("speaker_start", "speaker_end", "content_start", "content_end"):
        table[c] = table[c].astype(int)
    return table


def _label(name):
    """``warnews-dev-round3-train-coderD.tsv`` → ``train-coderD``."""
    return re.sub(r"^warnews-dev-round\d-|\.tsv$", "", name)


def _words(s):
    return {w.lower() for w in re.findall(r"[A-Z][\w’'-]{3,}", s)}


def speaker_right(gold, speaker, actor):
    """Does the coder's ``gold`` speaker name the claim's ``speaker`` or ``actor``?

    >>> speaker_right("Dmitry Peskov", "he", "Dmitry Peskov"), speaker_right("the ministry", "Lavrov", "Sergei Lavrov")
    (True, False)
    """
    g = gold.strip().lower()
    if g and g in (speaker.strip().lower(), actor.strip().lower()):
        return True
    return bool(_words(gold) & (_words(speaker) | _words(actor)))


def side_rows(table, claims):
    """One row per kept coded row: gold side and speaker, the matched claim's side, speaker and actor."""
    rows = []
    by_doc = {d: part for d, part in claims[claims["quote_type"] != "self"].groupby("doc_id")}
    texts = {}
    for r in table[table["keep"] == "yes"].itertuples():
        text = texts.setdefault(r.file, (ARTICLES / r.file).read_text("utf-8"))
        sent = next(((s, e) for s, e in split_sentences(text) if s <= r.content_start < e), (r.content_start, r.content_end))
        lo, hi = min(sent[0], r.content_start), max(sent[1], r.content_end)
        best, best_overlap = None, 0
        part = by_doc.get(Path(r.file).stem)
        for c in (part.itertuples() if part is not None else ()):
            overlap = min(hi, c.content_end) - max(lo, c.content_start)
            if overlap > best_overlap:
                best, best_overlap = c, overlap
        rows.append({"file": r.file, "gold_side": r.side, "gold_speaker": r.speaker,
                     "side": best.side if best is not None else "", "speaker": best.speaker if best is not None else "",
                     "actor": best.actor if best is not None else ""})
    return pd.DataFrame(rows)


def side_line(name, rows):
    matched = rows[rows["side"] != ""]
    right = rows["side"] == rows["gold_side"]
    spk = matched.apply(lambda r: speaker_right(r.gold_speaker, r.speaker, r.actor), axis=1) if len(matched) else []
    recall = " ".join(f"{s} {(rows[rows.gold_side == s].side == s).mean():.2f} (n={int((rows.gold_side == s).sum())})"
                      for s in sorted(rows["gold_side"].unique()))
    return (f"sides  {name:30s} kept {len(rows):3d}  found {len(matched) / max(1, len(rows)):.3f}  accuracy "
            f"{right.mean():.3f}  on matched {right[rows.side != ''].mean():.3f}  speaker on matched "
            f"{pd.Series(spk, dtype=float).mean():.3f}  {recall}")


def main(which):
    lines, pooled = [], []
    for name in SETS[which]:
        if not (ANN / name).exists():
            lines.append(f"(missing: {name})")
            continue
        table = _read(name)
        files = sorted(table["file"].unique())
        docs = pd.DataFrame({"doc_id": [Path(f).stem for f in files], "source": "news",
                             "text": [(ARTICLES / f).read_text("utf-8") for f in files]})
        rows = side_rows(table, extract_claims(docs))
        pooled.append(rows)
        lines.append(side_line(_label(name), rows))
        lines.append(frame_row(_label(name), ANN / name, "fresh"))  # every row: no split
    if len(pooled) > 1:
        lines.append(side_line("pooled", pd.concat(pooled, ignore_index=True)))
    print(f"blind codings: {which}")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "train")
