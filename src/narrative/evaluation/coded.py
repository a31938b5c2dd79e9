"""Score extracted claims against a blind coder's sample of candidate claim sentences.

A coded sample (``data/annotations/warnews-dev-*-coder?.tsv``) holds one row per candidate sentence
of ``../shared/eval/warnews-dev/articles``: ``file, speaker_start, speaker_end, content_start,
content_end`` (a crude machine cut of the speaker slot and the content, often wrong), then the coder's
``keep`` (``yes``: a claim by an identifiable speaker), ``reason``, optionally ``speaker`` (the true
speaker, at its most specific), ``side`` (``kremlin``, ``ukraine``, ``other``) and ``labels`` (frames).
Offsets and labels only; the texts are read at run time.

Because the cut is crude, a kept row is matched to the extracted (non-``self``) claim of its file that
best covers the row's *region* (from the first to the last offset of slot and content): the claim whose
content covers most of the region, at least half of the row's content or with its speaker or cue inside
the region, or with its cue inside the region and its content elsewhere ("X said this", the sentence before). A
kept row with no such claim is *unmatched* and counts as wrong in ``accuracy``.

>>> region(10, 20, 0, 8)
(0, 20)
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..speakers.names import in_name
from .labels import article_part, offset_rows
from .quotes import same_speaker
from .sides import SIDES, attributed_by_doc, overlap, side_scores, with_matches

#: the columns every coded sample has, in order (``speaker`` is optional, after ``reason``)
CODED_COLUMNS = ("file", "speaker_start", "speaker_end", "content_start", "content_end", "keep", "reason")


def region(speaker_start: int, speaker_end: int, content_start: int, content_end: int) -> tuple[int, int]:
    """The stretch of text a coded row points at: from its first to its last offset."""
    return min(speaker_start, content_start), max(speaker_end, content_end)


def read_coded(path: str | Path, texts: str | Path, part: str | None = None) -> tuple[dict[str, str], pd.DataFrame]:
    """``(stem -> text, kept rows)`` of a coded sample: ``doc_id``, the four offsets, ``speaker`` ("" when
    the file has no such column) and ``side``. ``part`` (``tuning``/``locked``) keeps the rows of that part
    of :func:`.labels.article_part`'s split. A bad header, offset or side raises :class:`InputError`."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        header = tuple(next(csv.reader(fh, delimiter="\t"), ()))
    has_speaker = "speaker" in header
    columns = CODED_COLUMNS + (("speaker",) if has_speaker else ()) + ("side", "labels")
    bodies: dict[str, str] = {}
    rows = []
    for n, name, text, fields in offset_rows(path, texts, columns):
        offsets, keep = fields[:4], fields[4]
        speaker = fields[6] if has_speaker else ""
        side = fields[-2]
        if keep not in ("yes", "no"):
            raise InputError(str(path), n, f"keep {keep!r} is not yes or no")
        if not all(o.isdigit() and int(o) <= len(text) for o in offsets):
            raise InputError(str(path), n, f"offsets {'-'.join(offsets)} do not lie in {name}")
        if keep != "yes" or (part is not None and article_part(name) != part):
            continue
        if side not in SIDES:
            raise InputError(str(path), n, f"side {side!r} is not one of {', '.join(SIDES)}")
        stem = Path(name).stem
        bodies[stem] = text
        rows.append((stem, *map(int, offsets), speaker, side))
    table = pd.DataFrame(rows, columns=["doc_id", "speaker_start", "speaker_end", "content_start", "content_end",
                                        "speaker", "side"])
    return bodies, table


def match_coded(kept: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The kept rows with ``predicted`` (the matched claim's side, "" when unmatched), ``actor`` and
    ``claim_id`` (see the module docstring for the match)."""
    by_doc = attributed_by_doc(claims)
    matches = []
    for g in kept.itertuples():
        r0, r1 = region(g.speaker_start, g.speaker_end, g.content_start, g.content_end)
        best, best_score = None, 0.0
        for c in (by_doc[g.doc_id].itertuples() if g.doc_id in by_doc else ()):
            covered = overlap(r0, r1, c.content_start, c.content_end)
            share = overlap(g.content_start, g.content_end, c.content_start, c.content_end) / max(
                1, g.content_end - g.content_start)
            anchored = r0 <= c.speaker_start < r1 or r0 <= c.cue_start < r1
            # a claim with content in the region (half the row's content, or its speaker or cue there), or one
            # whose cue is in the region with its content elsewhere ("X said this …": the sentence before)
            if not (covered and (share >= 0.5 or anchored) or r0 <= c.cue_start < r1):
                continue
            score = covered / max(1, r1 - r0) + (1.0 if anchored else 0.0)
            if score > best_score:
                best, best_score = c, score
        matches.append(best)
    return with_matches(kept, matches)


def names_speaker(actor: str, speaker: str) -> bool:
    """Whether an extracted actor names the coder's speaker: :func:`.quotes.same_speaker`, or the speaker's
    last word (the surname) is a spelling of one of the actor's words (``names.in_name``).

    >>> names_speaker("Aleksandr Lukashenko", "Aleksander Lukashenko"), names_speaker("he", "Joe Biden")
    (True, False)
    """
    if same_speaker(actor, speaker):
        return True
    last = speaker.split()[-1] if speaker.split() else ""
    return last[:1].isupper() and in_name(last, actor)


def coded_scores(matched: pd.DataFrame) -> dict:
    """:func:`.sides.side_scores` plus ``speaker_accuracy``: the share of matched rows with a ``speaker``
    whose actor names it (:func:`names_speaker`), and ``speakers`` (how many were scored)."""
    out = side_scores(matched)
    named = matched[(matched["predicted"] != "") & (matched["speaker"] != "")]
    right = sum(names_speaker(a, s) for a, s in zip(named["actor"], named["speaker"]))
    out["speakers"] = len(named)
    out["speaker_accuracy"] = right / len(named) if len(named) else 0.0
    return out
