"""Draw round three's two blind samples from warnews-dev (see data/annotations/ROUND3.md).

Candidates are the extraction of draw_belligerent.py with no speaker-slot filter, minus every sentence overlapping a
span labelled before (sides, belligerent sides, fresh, frames, coder C's extra frames).

- ``train``: 250 candidates drawn at random (seed 33) from articles in the *tuning* part of both splits
  (``evaluation.labels.article_part`` and ``evaluation.frame_labels.split_part``): codebook labels to learn and tune
  from.
- ``train2``: every other tuning-article candidate (after ``train``'s draw): more labels to learn from.
- ``fresh``: from articles in the *locked* part of either split (never tuned on), every candidate whose speaker slot
  holds a belligerent term (``draw_fresh.TERM``) plus random others (seed 34) up to 150: scored once, at the end.

Usage (from the project root, PYTHONPATH=src):
python data/annotations/scripts/draw_round3.py ../shared/eval/warnews-dev/articles train > train-spans.tsv
python data/annotations/scripts/draw_round3.py ../shared/eval/warnews-dev/articles train2 > train2-spans.tsv
python data/annotations/scripts/draw_round3.py ../shared/eval/warnews-dev/articles fresh > fresh2-spans.tsv
"""
import csv
import random
import sys

from draw_belligerent import candidates, labelled_spans, overlapping
from draw_fresh import TERM
from narrative.evaluation.frame_labels import split_part
from narrative.evaluation.labels import article_part

LABELLED = (("warnews-dev-sides-belligerent.tsv", "content_start", "content_end"),
            ("warnews-dev-sides.tsv", "content_start", "content_end"),
            ("warnews-dev-fresh-coderB.tsv", "content_start", "content_end"),
            ("warnews-dev-frames-extra-coderC.tsv", "content_start", "content_end"),
            ("warnews-dev-frames.tsv", "start", "end"))


def pool(articles):
    """Unlabelled candidates: (tuning-article items, locked-article items)."""
    labelled = labelled_spans(LABELLED)
    tuning, locked = [], []
    for it in candidates(articles, keep=lambda slot: True):
        if overlapping(it, labelled):
            continue
        both_tuning = article_part(it[0]) == "tuning" and split_part(it[0]) == "tuning"
        (tuning if both_tuning else locked).append(it)
    return tuning, locked


if __name__ == "__main__":
    tuning, locked = pool(sys.argv[1])
    print(len(tuning), len(locked), file=sys.stderr)
    if sys.argv[2] in ("train", "train2"):
        random.seed(33)
        sample = random.sample([it[:5] for it in tuning], 250)
        if sys.argv[2] == "train2":
            sample = [it[:5] for it in tuning if it[:5] not in set(sample)]
    else:
        term = [it[:5] for it in locked if TERM.search(it[5])]
        rest = [it[:5] for it in locked if not TERM.search(it[5])]
        random.seed(34)
        sample = term + random.sample(rest, max(0, 150 - len(term)))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["file", "speaker_start", "speaker_end", "content_start", "content_end"])
    for it in sorted(sample):
        w.writerow(it)
