"""Agreement of two blind coders on the rows both coded (data/annotations/ROUND3.md).

    python data/annotations/scripts/agreement_round3.py A.tsv B.tsv

Rows are matched by their first five columns. Prints keep agreement, side agreement (rows both kept) with Cohen's
kappa, and frame macro-F1 of B against A over the ten categories (rows both kept).
"""
import sys

import pandas as pd
from sklearn.metrics import cohen_kappa_score, f1_score

from narrative.lexicons import load_lexicon

KEY = ["file", "speaker_start", "speaker_end", "content_start", "content_end"]


def agreement(a, b):
    both = a.merge(b, on=KEY, suffixes=("_a", "_b"))
    kept = both[(both.keep_a == "yes") & (both.keep_b == "yes")]
    cats = list(load_lexicon().categories)
    ya = [[int(c in v.split(";")) for c in cats] for v in kept.labels_a]
    yb = [[int(c in v.split(";")) for c in cats] for v in kept.labels_b]
    return {"rows": len(both), "keep agreement": (both.keep_a == both.keep_b).mean(), "both kept": len(kept),
            "side agreement": (kept.side_a == kept.side_b).mean(),
            "side kappa": cohen_kappa_score(kept.side_a, kept.side_b) if kept.side_a.nunique() > 1 else float("nan"),
            "frames macro-F1": f1_score(ya, yb, average="macro", zero_division=0),
            "categories present": int(sum(1 for j in range(len(cats)) if any(r[j] for r in ya + yb)))}


if __name__ == "__main__":
    read = lambda p: pd.read_csv(p, sep="\t", keep_default_na=False, dtype=str)
    for k, v in agreement(read(sys.argv[1]), read(sys.argv[2])).items():
        print(f"{k:20s} {v:.3f}" if isinstance(v, float) else f"{k:20s} {v}")
