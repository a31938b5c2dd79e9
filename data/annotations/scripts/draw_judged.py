"""Draw round five's judged sample: 100 random attributed claims of the extractor in locked (or tuning) articles.

The owner's unseen check judged 100 random attributed claims by hand (speaker strictly right, side right, every field
usable). This draws the same kind of sample from warnews-dev: claims of the default extractor whose speaker is not
the publisher (``side_source`` other than ``publisher``), in articles of the *locked* part of either split
(``evaluation.labels.article_part``, ``evaluation.frame_labels.split_part``), 100 at random (seed 51). A judge reads
each claim in its article and records, by the codebook, whether the speaker is strictly right, the side right, and
every field usable, plus the true side. The committed file keeps file names, offsets, the machine's fields and the
judge's labels, not article text (see data/annotations/ROUND5.md).

``--part tuning`` draws from the other articles instead (those in the tuning part of both splits), for an engineer
who judges a sample and then fixes rules from it; ``--seed`` sets the draw (default 51, round five's). The default
(``--part locked --seed 51``) reproduces the committed round-five sheet.

Usage (from the project root, PYTHONPATH=src):
python data/annotations/scripts/draw_judged.py ../shared/eval/warnews-dev/articles > judged-sheet.tsv
python data/annotations/scripts/draw_judged.py ../shared/eval/warnews-dev/articles --part tuning --seed 52 > t.tsv
"""
import argparse
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


def sample(articles: Path, n: int = 100, seed: int = 51, part: str = "locked") -> pd.DataFrame:
    """``n`` random attributed claims of the articles of ``part`` (``locked``: locked in either split;
    ``tuning``: in neither), with the machine's fields and the content."""
    if part not in ("locked", "tuning"):
        raise ValueError(f"unknown part {part!r}; choose locked or tuning")
    files = sorted(p for p in articles.glob("*.txt") if locked_article(p.name) == (part == "locked"))
    docs = pd.DataFrame({"doc_id": [p.name for p in files], "source": "news",
                         "text": [p.read_text(encoding="utf-8") for p in files]})
    claims = extract_claims(docs)
    attributed = claims[(claims["side_source"] != "publisher") & (claims["speaker"].fillna("") != "")]
    rows = sorted(random.Random(seed).sample(range(len(attributed)), min(n, len(attributed))))
    out = attributed.iloc[rows].rename(columns={"doc_id": "file"})
    return out[FIELDS + ["content"]].reset_index(drop=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--part", choices=("locked", "tuning"), default="locked")
    parser.add_argument("--seed", type=int, default=51)
    args = parser.parse_args()
    table = sample(args.articles, seed=args.seed, part=args.part)
    print(len(table), "claims drawn", file=sys.stderr)
    table.to_csv(sys.stdout, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
