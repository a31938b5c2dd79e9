"""Draw round five's judged sample: 100 random attributed claims of the extractor in locked articles.

The owner's unseen check judged 100 random attributed claims by hand (speaker strictly right, side right, every field
usable). This draws the same kind of sample from warnews-dev: claims of the default extractor whose speaker is not
the publisher (``side_source`` other than ``publisher``), in articles of the *locked* part of either split
(``evaluation.labels.article_part``, ``evaluation.frame_labels.split_part``), 100 at random (seed 51). A judge reads
each claim in its article and records, by the codebook, whether the speaker is strictly right, the side right, and
every field usable, plus the true side. The committed file keeps file names, offsets, the machine's fields and the
judge's labels, not article text (see data/annotations/ROUND5.md).

Usage (from the project root, PYTHONPATH=src):
python data/annotations/scripts/draw_judged.py ../shared/eval/warnews-dev/articles > judged-sheet.tsv
"""
import csv
import random
import sys
from pathlib import Path

import pandas as pd

from narrative.claims import extract_claims
from narrative.evaluation.frame_labels import split_part
from narrative.evaluation.labels import article_part

FIELDS = ["file", "content_start", "content_end", "speaker", "actor", "side", "side_source", "cue"]


def locked_article(name: str) -> bool:
    return article_part(name) == "locked" or split_part(name) == "locked"


def sample(articles: Path, n: int = 100, seed: int = 51) -> pd.DataFrame:
    """``n`` random attributed claims of the locked articles, with the machine's fields and the content."""
    files = sorted(p for p in articles.glob("*.txt") if locked_article(p.name))
    docs = pd.DataFrame({"doc_id": [p.name for p in files], "source": "news",
                         "text": [p.read_text(encoding="utf-8") for p in files]})
    claims = extract_claims(docs)
    attributed = claims[(claims["side_source"] != "publisher") & (claims["speaker"].fillna("") != "")]
    rows = sorted(random.Random(seed).sample(range(len(attributed)), min(n, len(attributed))))
    out = attributed.iloc[rows].rename(columns={"doc_id": "file"})
    return out[FIELDS + ["content"]].reset_index(drop=True)


if __name__ == "__main__":
    table = sample(Path(sys.argv[1]))
    print(len(table), "claims drawn", file=sys.stderr)
    table.to_csv(sys.stdout, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
