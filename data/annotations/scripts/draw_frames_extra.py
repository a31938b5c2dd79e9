"""Draw any-speaker claim sentences for frame coding (see data/annotations/FRAMES-EXTRA.md).

The extraction of draw_belligerent.py with no speaker-slot term filter: every candidate sentence with a reporting cue
and a speaker slot, minus those overlapping a labelled span or the fresh sample; 200 drawn at random (seed 7).
Usage (from the project root): python data/annotations/scripts/draw_frames_extra.py ../shared/eval/warnews-dev/articles
(Drawn at commit 4f27999; the sentence splitter has changed since, so a rerun today may differ by a few items.)
"""
import csv
import random
import sys

from draw_belligerent import candidates, labelled_spans, overlapping

if __name__ == "__main__":
    labelled = labelled_spans((("warnews-dev-sides-belligerent.tsv", "content_start", "content_end"),
                               ("warnews-dev-sides.tsv", "content_start", "content_end"),
                               ("warnews-dev-fresh-coderB.tsv", "content_start", "content_end"),
                               ("warnews-dev-frames.tsv", "start", "end")))
    sample = [it[:5] for it in candidates(sys.argv[1], keep=lambda slot: True) if not overlapping(it, labelled)]
    random.seed(7)
    print(len(sample), file=sys.stderr)
    sample = sorted(random.sample(sample, 200))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for it in sample:
        w.writerow(it)
