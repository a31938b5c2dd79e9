"""Coverage by resampling coded war-news claims: a random 60 of the 330 hand-coded claims
(``data/annotations/warnews-dev-frames.tsv``, and the blind second coder's labels of the same spans)
as the sheet, all 330 as the truth; the tool's labels are those of today's extractor and lexicon."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from support import ROOT, SHARED, resampled_estimates
from narrative.estimate import ppi, tool_labels
from narrative.estimate.quantities import Joined, _row, quantities

ARTICLES = SHARED / "eval" / "warnews-dev" / "articles"
CODINGS = {"first pass": ROOT / "data" / "annotations" / "warnews-dev-frames.tsv",
           "second coder": SHARED / "eval" / "warnews-dev" / "labels" / "frames-coder2.tsv"}
QUANTITIES = ("share:kremlin", "share:ukraine", "share:other", "prevalence:aggression:kremlin",
              "prevalence:aggression:ukraine", "difference:aggression", "prevalence:diplomacy:kremlin",
              "prevalence:diplomacy:ukraine", "difference:diplomacy")


@pytest.fixture(scope="module")
def extracted():
    if not ARTICLES.is_dir():
        pytest.skip("../shared/eval/warnews-dev is absent (shared material is only beside the project checkout)")
    from narrative.claims import extract_claims

    files = sorted(set(pd.read_csv(CODINGS["first pass"], sep="\t")["file"]))
    docs = pd.DataFrame({"doc_id": [Path(f).stem for f in files], "source": "news",
                         "text": [(ARTICLES / f).read_text(encoding="utf-8") for f in files]})
    claims = extract_claims(docs)
    return claims[claims["quote_type"] != "self"].reset_index(drop=True)


def matched(claims: pd.DataFrame, coding: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the extracted claims behind the coded spans, their gold); one row per claim (see :func:`match_rows`)."""
    gold = pd.read_csv(coding, sep="\t", keep_default_na=False, dtype={"labels": str})
    gold = gold.assign(row=match_rows(claims, gold))
    gold = gold[gold["row"] >= 0].drop_duplicates("row")
    return claims.loc[gold["row"]].reset_index(drop=True), gold.reset_index(drop=True)


def match_rows(claims: pd.DataFrame, gold: pd.DataFrame) -> list[int]:
    """The claim row behind each coded span (-1: none). A span matches the claim whose speaker-to-content extent
    overlaps it most, at least half of their union; failing that, a claim **attributed inside the span** (its cue
    lies in it) that the span contains or that contains the span (nine tenths of the shorter of the two shared),
    the largest such. The spans were coded on older, longer units: a sentence split out of a run-on unit is the
    same attribution (same cue, same speaker), so its side and frames are the tool's reading of that coded claim;
    a claim attributed outside the span (a neighbour's cue) is another claim and never matches by containment."""
    spans = claims[["speaker_start", "cue_start", "content_start"]]
    starts = spans.where(spans >= 0).min(axis=1).to_numpy()
    ends = claims[["speaker_end", "cue_end", "content_end"]].max(axis=1).to_numpy()
    cue_start, cue_end = claims["cue_start"].to_numpy(), claims["cue_end"].to_numpy()
    by_doc = {d: g.index.to_numpy() for d, g in claims.groupby("doc_id")}
    rows = []
    for r in gold.itertuples():
        ids = by_doc.get(Path(r.file).stem, np.array([], int))
        inter = np.maximum(0, np.minimum(ends[ids], r.end) - np.maximum(starts[ids], r.start))
        union = np.maximum(ends[ids], r.end) - np.minimum(starts[ids], r.start)
        score = inter / np.maximum(union, 1)
        if len(ids) and score.max() >= 0.5:
            rows.append(ids[score.argmax()])
            continue
        shorter = np.minimum(ends[ids] - starts[ids], r.end - r.start)
        inside = (cue_start[ids] >= r.start) & (cue_end[ids] <= r.end) & (cue_start[ids] >= 0)
        contained = inside & (inter > 0) & (inter >= 0.9 * shorter)
        rows.append(ids[np.where(contained, inter, -1).argmax()] if contained.any() else -1)
    return rows


def gold_rows(path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", keep_default_na=False, dtype={"labels": str})


def _claim(doc, speaker, cue, content):
    return {"doc_id": doc, "speaker_start": speaker[0], "speaker_end": speaker[1], "cue_start": cue[0],
            "cue_end": cue[1], "content_start": content[0], "content_end": content[1]}


@pytest.mark.parametrize("span, expected", [
    ((0, 75), 0),      # no claim has half of the union (0.40, 0.47), but the span contains the first, cue and all
    ((10, 25), 0),     # a short span inside the first claim, its cue in the span
    ((20, 25), -1),    # inside the first claim, its cue outside: another, nested attribution's words
    ((35, 100), 1),    # the second claim (40-90) by half of the union
    ((92, 130), -1),   # overlaps nothing
])
def test_a_coded_span_matches_a_claim_it_contains_or_lies_in_when_the_cue_is_inside(span, expected):
    """Composed extents: claim 0 is speaker 0-8, cue 9-13, content 14-30; claim 1 is content 40-80, cue 81-85,
    speaker 86-90 (an inverted cue)."""
    claims = pd.DataFrame([_claim("a", (0, 8), (9, 13), (14, 30)), _claim("a", (86, 90), (81, 85), (40, 80))])
    gold = pd.DataFrame({"file": ["a.txt"], "start": [span[0]], "end": [span[1]]})
    assert match_rows(claims, gold) == [expected]


@pytest.mark.parametrize("coder", list(CODINGS))
def test_resampled_war_news_coverage_and_width(extracted, coder):
    if not CODINGS[coder].is_file():
        pytest.skip(f"{CODINGS[coder]} is absent")
    population, gold = matched(extracted, CODINGS[coder])
    # Nearly every coded span is found today. 94%, not 95%, since session 12: of the six spans no longer matched,
    # four had matched false claims of the older extractor (speakers "In", "Putin’s", "Russia's", "Ukraine’s"),
    # which the precision rules now reject; the spans were drawn from those older units. Since the containment
    # match (match_rows) 312 of 330 match, 311 by half of the union alone.
    assert len(population) >= 0.94 * len(gold_rows(CODINGS[coder]))
    tool = tool_labels(population).reset_index(drop=True)
    n = len(population)
    truth_table = pd.DataFrame({"is_claim": np.ones(n), "side": gold["side"].to_numpy(),
                                "frames": gold["labels"].to_numpy(), "distanced": np.nan})
    coded = np.argsort(np.random.default_rng(60).random((2000, n)), axis=1) < 60     # 2000 sheets of 60
    table = resampled_estimates(tool, truth_table, ["aggression", "diplomacy"], ppi.Design.simple(np.ones(n, bool)),
                                ppi.Design.simple(coded))
    seen = set()
    for q, (_truth, _naive, cover, width, alone) in table.items():
        assert cover >= 0.85, (coder, q, cover)
        assert width / alone <= 1.10, (coder, q, width / alone)
        seen.add(q)
    assert seen == set(QUANTITIES)


@pytest.mark.parametrize("coder", list(CODINGS))
def test_180_claims_60_coded_the_rest_as_truth(extracted, coder):
    """The held-out check's shape: 180 claims, sheets of 60, and the truth the gold of the other 120
    (harder than the census: the sheet's own claims no longer count towards the truth)."""
    if not CODINGS[coder].is_file():
        pytest.skip(f"{CODINGS[coder]} is absent")
    population, gold = matched(extracted, CODINGS[coder])
    rng = np.random.default_rng(5)
    keep = np.sort(rng.choice(len(population), 180, replace=False))
    population, gold = population.iloc[keep].reset_index(drop=True), gold.iloc[keep].reset_index(drop=True)
    tool = tool_labels(population).reset_index(drop=True)
    n = len(population)
    truth_table = pd.DataFrame({"is_claim": np.ones(n), "side": gold["side"].to_numpy(),
                                "frames": gold["labels"].to_numpy(), "distanced": np.nan})
    dims = {"side": True, "frames": True, "distanced": False}
    coded = np.argsort(rng.random((2000, n)), axis=1) < 60   # 2000 sheets: a Monte-Carlo error of ~0.008
    sheets = Joined(tool, truth_table, ppi.Design.simple(coded), False, dims)
    rest = Joined(tool, truth_table, ppi.Design.simple(~coded), False, dims)   # the other 120, read as gold
    cats = ["aggression", "diplomacy"]
    for (q, parts), (_q, rest_parts) in zip(quantities(sheets, "kremlin", "ukraine", cats),
                                            quantities(rest, "kremlin", "ukraine", cats)):
        tuned = _row(q, parts, sheets, lam=None, min_coded=0, path="-")
        alone = _row(q, parts, sheets, lam=0.0, min_coded=0, path="-")
        truth = _row(q, rest_parts, rest, lam=0.0, min_coded=0, path="-")["estimate"]   # one per sheet
        cover = np.mean((tuned["lo"] <= truth) & (truth <= tuned["hi"]))
        assert cover >= 0.85, (coder, q, cover)
        assert np.mean(tuned["hi"] - tuned["lo"]) <= 1.10 * np.mean(alone["hi"] - alone["lo"]), (coder, q)
