"""Shared fixtures: real text from the repository and (when present) ../shared."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "raw" / "press-releases"
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "docs" / "example-article-pokrovsk.txt"
POLNEAR = SHARED / "eval" / "polnear"

csv.field_size_limit(sys.maxsize)


def demo_slice(target: Path, n: int = 12) -> Path:
    """Copy the first n releases of each demo file into target (same file names, so sides resolve)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("putin.csv", "zelenskyy.csv"):
        with (DEMO / name).open(encoding="utf-8", newline="") as src, (target / name).open("w", encoding="utf-8", newline="") as dst:
            reader = csv.reader(src)
            writer = csv.writer(dst)
            for i, row in enumerate(reader):
                if i > n:
                    break
                writer.writerow(row)
    return target


@pytest.fixture
def example_text() -> str:
    if not EXAMPLE.is_file():
        pytest.skip("../shared/docs/example-article-pokrovsk.txt is absent (shared material is only beside the project checkout)")
    return EXAMPLE.read_text(encoding="utf-8")


#: Composed for narrative (not copied from any article): a news paragraph in the
#: style of war reporting, exercising quotes, pronouns, institutions and hedges.
NEWS = (
    "Russia claimed on Tuesday that its forces had taken the town of Kupiansk, which would be a "
    "significant gain for Moscow if true. Kremlin spokesman Dmitry Peskov said the troops had shown "
    "\u201cexceptional courage.\u201d The Ukrainian military said its units \u201ccontinue to hold their "
    "positions\u201d despite heavy shelling. Andriy Kovalenko, who heads the Counter-Disinformation Center, "
    "said the claim was false. He said Moscow wanted \u201cheadlines for a Western audience.\u201d "
    "The report could not be independently verified."
)
