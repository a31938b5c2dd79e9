"""Each (category, phrase) of the frames lexicon is listed once: a repeated row adds nothing, and its recall test
would pass without it (the review of v2.5 found four)."""
import collections
import csv
from pathlib import Path

FRAMES = Path(__file__).resolve().parents[1] / "src" / "narrative" / "lexicons" / "frames.csv"


def test_every_category_phrase_pair_is_listed_once():
    rows = list(csv.DictReader(FRAMES.open(encoding="utf-8")))
    counts = collections.Counter((r["category"], r["phrase"]) for r in rows)
    assert len(rows) > 1000 and [k for k, n in counts.items() if n > 1] == []
