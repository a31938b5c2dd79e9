"""Side agreement of the demo claims with the second coder's ``side`` (the 400 coded press-release
claims, ``../shared/eval/press-releases/frames-codebook.tsv``), split by document into a tuning and a
locked part.

Rows are matched to today's claims by :func:`narrative.tools.validation_sheet.match` (claim id and
text, else document and text). The split: a document is **locked** when the first 8 hex digits of
``sha256(doc_id)`` read as an integer are ``< 0.3 * 16**8`` (about 30% of documents); the rest is
tuning. Research use only: the coded text is read at run time, never copied.

    python -m narrative.tools.turn_sides CODED.tsv CLAIMS.csv [--part tuning|locked|both]
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pandas as pd

from .validation_sheet import match

#: the locked share of documents
LOCKED_SHARE = 0.3


def locked(doc_id: str) -> bool:
    """Whether a document is in the locked part (see the module docstring).

    >>> locked("putin-a6572d5de6") in (True, False)
    True
    """
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) < LOCKED_SHARE * 16 ** 8


def agreement(coded_path: str | Path, claims_path: str | Path) -> pd.DataFrame:
    """Per part (``tuning``, ``locked``): coded rows, matched rows, rows whose claim side equals the
    coder's, and the agreement share among matched rows; also for the coder's ``other`` rows."""
    coded = pd.read_csv(coded_path, sep="\t", keep_default_na=False, dtype=str)
    claims = pd.read_csv(claims_path, keep_default_na=False, dtype={"claim_id": str, "doc_id": str})
    coded["now"] = match(coded, claims)
    side = claims.set_index("claim_id")["side"]
    coded["tool"] = coded["now"].map(lambda c: side.get(c, "") if c else "")
    coded["part"] = coded["doc_id"].map(lambda d: "locked" if locked(d) else "tuning")
    rows = []
    for part, g in coded.groupby("part"):
        for subset, h in (("all", g), ("coder other", g[g["side"] == "other"])):
            m = h[h["now"] != ""]
            agree = int((m["tool"] == m["side"]).sum())
            rows.append({"part": part, "rows": subset, "coded": len(h), "matched": len(m), "agree": agree,
                         "agreement": round(agree / len(m), 3) if len(m) else float("nan")})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("coded")
    ap.add_argument("claims")
    ap.add_argument("--part", choices=("tuning", "locked", "both"), default="tuning")
    args = ap.parse_args(argv)
    table = agreement(args.coded, args.claims)
    if args.part != "both":
        table = table[table["part"] == args.part]
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
