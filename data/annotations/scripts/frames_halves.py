"""The lexicon's macro-F1 on the two halves of the tuning articles: half A (read while writing lexicon v2.5) and half
B (not read this round), so that a phrase family is checked on articles its items did not come from.

    python data/annotations/scripts/frames_halves.py [--lexicon FILE] [--per-category]

An article's half: ``A`` when the first 32 bits of sha256(HALF_SALT + ":" + its key) / 2**32 fall below 0.5, else
``B`` (key: the file name, or the ``doc_id`` of a press release; tuning part only, the locked part is never read).
Half B was read by earlier rounds (v2.0-v2.4 were written from every tuning item), so its figure is the fair check of
this round's changes only. Reads ``../shared`` at run time; prints only figures.
"""
import argparse
import hashlib

import numpy as np

from narrative.evaluation.frames import load_sets
from narrative.lexicons import load_lexicon

HALF_SALT = "frames-read-half-v25"
SETS = ("warnews-coder2", "press", "warnews", "round3-coderD", "belligerent-coderA", "extra-coderC")


def half(key: str) -> str:
    """``"A"`` (read) or ``"B"`` (held out) for an article key.

    >>> sorted({half(k) for k in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")})
    ['A', 'B']
    """
    return "A" if int(hashlib.sha256(f"{HALF_SALT}:{key}".encode()).hexdigest()[:8], 16) / 2 ** 32 < 0.5 else "B"


def f1(y, p):
    tp, fp, fn = int(((y == 1) & (p == 1)).sum()), int(((y == 0) & (p == 1)).sum()), int(((y == 1) & (p == 0)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lexicon", help="a lexicon CSV in place of the shipped one")
    parser.add_argument("--per-category", action="store_true")
    args = parser.parse_args()
    lex = load_lexicon(args.lexicon)
    cats = list(lex.categories)
    sets = load_sets(".", part="tuning")
    for name in SETS:
        t = sets[name]
        halves = t["group"].map(half).to_numpy()
        pred = np.array([[int(totals.get(c, 0) > 0) for c in cats]
                         for _n, totals in (lex.count(x, s) for x, s in zip(t["text"], t["side"]))])
        y = t[cats].to_numpy()
        line = []
        for h in ("all", "A", "B"):
            m = np.ones(len(t), bool) if h == "all" else halves == h
            line.append(f"{h} ({m.sum()}, {t['group'][m].nunique()} art.) {np.mean([f1(y[m, j], pred[m, j]) for j in range(len(cats))]):.3f}")
        print(f"{name:20s} " + "   ".join(line))
        if args.per_category:
            for j, c in enumerate(cats):
                print(f"    {c:15s} A {f1(y[halves == 'A', j], pred[halves == 'A', j]):.2f}   "
                      f"B {f1(y[halves == 'B', j], pred[halves == 'B', j]):.2f}")


if __name__ == "__main__":
    main()
