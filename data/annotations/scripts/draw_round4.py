"""Draw round four's two blind samples from warnews-dev (see data/annotations/ROUND4.md).

- ``bell4``: belligerent-rich, from articles in the *tuning* part of both splits, drawn as round three's ``bell3``
  (``draw_round3_belligerent.candidates``: PolNeAR-train one-word cues or "according to" with a Russian or Ukrainian
  term in the speaker slot, independent of the project's own cue list), minus every sentence labelled or drawn
  before (round three's span files included); up to 150 at random (seed 41). Labels to tune and learn from.
- ``fresh3``: from articles in the *locked* part of either split: the extractor's candidates
  (``draw_round3.pool``) not labelled or drawn before; every one whose speaker slot holds a belligerent term plus
  random others (seed 42) up to 150. Scored once, at the end.

Usage (from the project root, PYTHONPATH=src:data/annotations/scripts):
python data/annotations/scripts/draw_round4.py ../shared bell4 > bell4-spans.tsv
python data/annotations/scripts/draw_round4.py ../shared fresh3 > fresh3-spans.tsv
"""
import csv
import random
import sys
from pathlib import Path

import draw_round3_belligerent as bell
from draw_belligerent import overlapping
from draw_fresh import TERM
from draw_round3 import pool
from narrative.evaluation.frame_labels import split_part
from narrative.evaluation.labels import article_part

ROUND3 = Path(__file__).resolve().parents[1]
ROUND3_FILES = ("warnews-dev-round3-train-coderD.tsv", "warnews-dev-round3-train2-coderG.tsv",
                "warnews-dev-round3-train2-coderH.tsv", "warnews-dev-round3-fresh2-coderE.tsv",
                "warnews-dev-round3-bell3-coderF.tsv")


def drawn_before():
    """(file, content_start, content_end) of every round-three row (coded or not kept)."""
    out = []
    for name in ROUND3_FILES:
        for r in csv.DictReader(open(ROUND3 / name, encoding="utf-8"), delimiter="\t"):
            out.append((r["file"], int(r["content_start"]), int(r["content_end"])))
    return out


def tuning_article(name):
    return article_part(name) == "tuning" and split_part(name) == "tuning"


if __name__ == "__main__":
    shared, which = sys.argv[1], sys.argv[2]
    drawn = drawn_before()
    if which == "bell4":
        # the same draw as bell3 with the parts swapped: tuning articles only
        items = []
        original = bell.article_part, bell.split_part
        bell.article_part = lambda n: "locked" if tuning_article(n) else "tuning"
        bell.split_part = lambda n: "locked"
        try:
            items = bell.candidates(shared, drawn)
        finally:
            bell.article_part, bell.split_part = original
        items = [it for it in items if tuning_article(it[0])]
        random.seed(41)
        sample = sorted(random.sample(items, min(150, len(items))))
    else:
        _, locked = pool(str(Path(shared, "eval", "warnews-dev", "articles")))
        locked = [it for it in locked if not overlapping(it, drawn)]
        term = [it[:5] for it in locked if TERM.search(it[5])]
        rest = [it[:5] for it in locked if not TERM.search(it[5])]
        random.seed(42)
        sample = sorted(term + random.sample(rest, max(0, 150 - len(term))))
    print(len(items) if which == "bell4" else len(locked), "candidates", len(sample), "drawn", file=sys.stderr)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["file", "speaker_start", "speaker_end", "content_start", "content_end"])
    for it in sample:
        w.writerow(it)
