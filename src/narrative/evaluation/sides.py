"""Score the side of extracted claims against hand labels (``narrative validate-sides``).

Gold is a tab-separated file with the columns ``file, speaker_start, speaker_end, content_start,
content_end, side``: character offsets of one claim's speaker mention and content in
``TEXTS/<file>``, and its side coded by ``../shared/docs/CODEBOOK.md`` §1 (``kremlin``,
``ukraine``, ``other``). Only names, offsets and labels are stored; texts are read at run time.

Each gold claim is matched to the extracted (non-``self``) claim of the same file whose content
covers most of the gold content's characters (at least half), else to one whose speaker mention
overlaps the gold speaker; a gold claim with no such claim is *unmatched* (the extractor no
longer finds it) and counts as wrong in ``accuracy`` (``matched_accuracy`` leaves it out).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from ..errors import InputError
from .labels import offset_rows

GOLD_COLUMNS = ("file", "speaker_start", "speaker_end", "content_start", "content_end", "side")
SIDES = ("kremlin", "ukraine", "other")


def read_side_gold(path: str | Path, texts: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """``(stem -> text, gold table)``; every offset is checked against its text."""
    bodies: dict[str, str] = {}
    rows = []
    for n, name, text, (*offsets, side) in offset_rows(path, texts, GOLD_COLUMNS):
        stem = Path(name).stem
        bodies[stem] = text
        if side not in SIDES:
            raise InputError(str(path), n, f"side {side!r} is not one of {', '.join(SIDES)}")
        if not all(o.isdigit() for o in offsets) or not all(int(o) <= len(text) for o in offsets):
            raise InputError(str(path), n, f"offsets {'-'.join(offsets)} do not lie in {name}")
        ss, se, cs, ce = map(int, offsets)
        rows.append((stem, ss, se, cs, ce, side))
    return bodies, pd.DataFrame(rows, columns=["doc_id", *GOLD_COLUMNS[1:]])


def attributed_by_doc(claims: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Each document's attributed claims (not the publisher's own ``self`` claims), the candidates a gold row is
    matched to."""
    return {d: part for d, part in claims[claims["quote_type"] != "self"].groupby("doc_id")}


def with_matches(gold: pd.DataFrame, matches) -> pd.DataFrame:
    """``gold`` with ``predicted`` (each row's matched claim's side, "" when unmatched), ``actor`` and ``claim_id``
    (``matches``: one claim row or None per gold row)."""
    return gold.assign(predicted=[m.side if m is not None else "" for m in matches],
                       actor=[m.actor if m is not None else "" for m in matches],
                       claim_id=[m.claim_id if m is not None else "" for m in matches])


def overlap(a: int, b: int, c: int, d: int) -> int:
    """Characters shared by the spans ``[a, b)`` and ``[c, d)``."""
    return max(0, min(b, d) - max(a, c))


def match_sides(gold: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The gold table with ``predicted`` (the matched claim's side, or "" when unmatched), ``actor``
    and ``claim_id``."""
    by_doc = attributed_by_doc(claims)
    matches = []
    for g in gold.itertuples():
        part = by_doc.get(g.doc_id)
        best, best_score = None, 0.0
        if part is not None:
            for c in part.itertuples():
                share = overlap(g.content_start, g.content_end, c.content_start, c.content_end) / max(
                    1, g.content_end - g.content_start)
                speaker = overlap(g.speaker_start, g.speaker_end, c.speaker_start, c.speaker_end) > 0
                score = share if share >= 0.5 else (0.25 if speaker else 0.0)
                if score > best_score:
                    best, best_score = c, score
        matches.append(best)
    return with_matches(gold, matches)


def side_scores(matched: pd.DataFrame) -> dict:
    """Accuracy (unmatched counted wrong), matched accuracy, per-side recall and the confusion table."""
    n = len(matched)
    found = matched[matched["predicted"] != ""]
    right = int((found["side"] == found["predicted"]).sum())
    confusion = pd.crosstab(matched["side"], matched["predicted"].replace("", "(unmatched)"),
                            rownames=["gold"], colnames=["predicted"])
    recall = {side: float((part["predicted"] == side).mean()) for side, part in matched.groupby("side")}
    return {"claims": n, "matched": len(found), "accuracy": right / n if n else 0.0,
            "matched_accuracy": right / len(found) if len(found) else 0.0, "recall_by_side": recall,
            "confusion": confusion, "gold_counts": dict(Counter(matched["side"]))}


def format_side_scores(scores: dict) -> str:
    recall = ", ".join(f"{s} {r:.2f}" for s, r in sorted(scores["recall_by_side"].items()))
    return "\n".join([
        f"claims {scores['claims']} ({', '.join(f'{k} {v}' for k, v in sorted(scores['gold_counts'].items()))}), "
        f"matched to an extracted claim {scores['matched']}",
        f"side accuracy {scores['accuracy']:.3f} (unmatched counted wrong); on matched claims "
        f"{scores['matched_accuracy']:.3f}",
        f"recall by gold side: {recall}",
        "", scores["confusion"].to_string()])
