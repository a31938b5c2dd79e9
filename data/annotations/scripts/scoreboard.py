"""Every side, quote and frame figure of the development labels in one table, for one part of the split.

    python data/annotations/scripts/scoreboard.py tuning      # while tuning
    python data/annotations/scripts/scoreboard.py locked      # once, at the end
    python data/annotations/scripts/scoreboard.py fresh       # the blind coder's fresh sample (never tuned on)

Sides: ``validate-sides``' accuracy (an unmatched claim or ``unknown`` counts as wrong), on matched claims, and
recall per gold side; quotes: ``eval-quotes``' F1 and speaker accuracy; frames: the suite's scorer
(``features.claim_frames``) against each coder's labels, macro-F1 with its article-bootstrap interval. Reads
``../shared`` at run time; prints only figures.
"""
import sys
import tempfile
from pathlib import Path

import pandas as pd

from narrative.claims import extract_claims
from narrative.evaluation.coded import coded_scores, match_coded, read_coded
from narrative.evaluation.frame_labels import read_offset_labels, select_part
from narrative.evaluation.frames import labelled_set, score
from narrative.evaluation.labels import split_gold
from narrative.evaluation.quotes import evaluate_quotes, read_quote_gold
from narrative.evaluation.sides import match_sides, read_side_gold, side_scores
from narrative.features import claim_frames
from narrative.lexicons import load_lexicon

ROOT = Path(__file__).resolve().parents[3]
ANN = ROOT / "data" / "annotations"
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "eval" / "warnews-dev" / "articles"


def side_row(name, path):
    texts, gold = read_side_gold(path, ARTICLES)
    docs = pd.DataFrame({"doc_id": list(texts), "source": "news", "text": list(texts.values())})
    s = side_scores(match_sides(gold, extract_claims(docs)))
    recall = " ".join(f"{k} {v:.2f}" for k, v in sorted(s["recall_by_side"].items()))
    return f"sides  {name:34s} n={s['claims']:3d}  accuracy {s['accuracy']:.3f}  on matched {s['matched_accuracy']:.3f}  {recall}"


def coded_row(name, path, part):
    """A blind coder's sample of candidate sentences (``evaluation.coded``): kept rows' sides, unmatched as wrong,
    and speakers by the coder's ``speaker`` column when it has one."""
    texts, kept = read_coded(path, ARTICLES, part)
    docs = pd.DataFrame({"doc_id": list(texts), "source": "news", "text": list(texts.values())})
    s = coded_scores(match_coded(kept, extract_claims(docs)))
    recall = " ".join(f"{k} {v:.2f}" for k, v in sorted(s["recall_by_side"].items()))
    speakers = f"  speaker {s['speaker_accuracy']:.3f} (n={s['speakers']})" if s["speakers"] else ""
    return (f"sides  {name:34s} n={s['claims']:3d}  accuracy {s['accuracy']:.3f}  on matched {s['matched_accuracy']:.3f}"
            f"  {recall}  unmatched {s['claims'] - s['matched']}{speakers}")


def frame_row(name, path, part):
    cats = list(load_lexicon().categories)
    table = read_offset_labels(path, ARTICLES, cats)
    table = table if part == "fresh" else select_part(table, part)
    table = labelled_set(table)
    pred = claim_frames(table.rename(columns={"text": "content"}))
    preds = {"suite": pd.DataFrame({c: pred.map(lambda v, c=c: int(c in v.split(";"))) for c in cats}).to_numpy()}
    m = score(table, preds, cats)
    macro = m[m["class"] == "macro"].iloc[0]
    present = m[(m["class"] != "macro") & (m["support"] > 0)]
    return (f"frames {name:34s} n={len(table):3d}  macro-F1 {macro.f1:.3f} [{macro.f1_low:.3f}, {macro.f1_high:.3f}]"
            f"  over the {len(present)} categories present {present['f1'].fillna(0).mean():.3f}")


def main(part):
    tmp = Path(tempfile.mkdtemp())
    lines = []
    if part == "fresh":
        fresh = pd.read_csv(ANN / "warnews-dev-fresh-coderB.tsv", sep="\t", keep_default_na=False, dtype=str)
        kept = fresh[fresh["keep"] == "yes"]
        gold = tmp / "fresh-sides.tsv"
        kept[["file", "speaker_start", "speaker_end", "content_start", "content_end", "side"]].to_csv(gold, sep="\t", index=False)
        lines.append(side_row("fresh (coder B, kept)", gold))
        lines.append(frame_row("fresh (coder B, kept)", ANN / "warnews-dev-fresh-coderB.tsv", part))
    else:
        split_gold(SHARED / "eval" / "warnews-dev" / "labels" / "sides-coder2.tsv", tmp)
        for name, path in (("belligerent (ours)", ANN / "split" / f"warnews-dev-sides-belligerent.{part}.tsv"),
                           ("older sample (ours)", ANN / "split" / f"warnews-dev-sides.{part}.tsv"),
                           ("older sample (coder 2)", tmp / f"sides-coder2.{part}.tsv")):
            lines.append(side_row(name, path))
        lines.append(coded_row("extra (coder C, kept)", ANN / "warnews-dev-frames-extra-coderC.tsv", part))
        coder_d = ANN / "warnews-dev-round3-train-coderD.tsv"  # tuning articles only (draw_round3.py)
        if part == "tuning" and coder_d.exists():
            lines.append(coded_row("round 3 train (coder D, kept)", coder_d, part))
        gold = read_quote_gold(ANN / "split" / f"warnews-dev-quotes.{part}.tsv", ARTICLES)
        docs = pd.DataFrame({"doc_id": list(gold), "source": "news", "text": [t for t, _q in gold.values()]})
        q = evaluate_quotes(gold, extract_claims(docs))
        lines.append(f"quotes {'news quotes (ours)':34s} quote F1 {q['quote_f1']:.3f}  speaker accuracy {q['speaker_accuracy']:.3f}")
        for name, path in (("war news (coder 2)", SHARED / "eval" / "warnews-dev" / "labels" / "frames-coder2.tsv"),
                           ("belligerent (coder A)", ANN / "warnews-dev-sides-belligerent-coderA.tsv"),
                           ("extra (coder C, kept)", ANN / "warnews-dev-frames-extra-coderC.tsv")):
            lines.append(frame_row(name, path, part))
    print(f"part: {part}")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tuning")
