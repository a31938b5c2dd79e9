"""The demo's coded sheet against today's claims: its strata are the documents' publishers (as it was drawn),
and its corrected estimates cover under resampling. The 395 coded claims are the census (the truth); 400 sheets
of 65 per publisher are drawn as the design draws them, with the tool's labels of today's extractor."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from support import ROOT, resampled_estimates
from narrative.speakers.actors import load_actors
from narrative.claims import extract_claims
from narrative.corpus import load_corpus
from narrative.estimate import Population, ppi, read_sheet, tool_labels
from narrative.lexicons import load_lexicon

SHEET_FILE = ROOT / "data" / "annotations" / "press-releases-validation.csv"
#: quantities with enough coded claims of each kind for a resampled sheet of 130 to say something
COVERED = ("share:kremlin", "share:other", "prevalence:aggression:kremlin", "prevalence:aggression:ukraine",
           "prevalence:diplomacy:kremlin", "prevalence:diplomacy:ukraine", "prevalence:legitimacy:kremlin",
           "prevalence:legitimacy:ukraine")


@pytest.fixture(scope="module")
def coded():
    """(the sheet's claims as extracted today, the read sheet) — the demo corpus ships with the package."""
    lexicon = load_lexicon()
    sheet = read_sheet(SHEET_FILE, lexicon.categories)
    docs = load_corpus(ROOT / "data" / "raw" / "press-releases", sides=load_actors().source_sides())
    claims = extract_claims(docs[docs["doc_id"].isin(set(sheet["doc_id"]))])
    return claims, sheet


def test_the_strata_are_the_publishers_and_every_publisher_claim_is_in_one(coded):
    claims, sheet = coded
    pool = Population.parse(sheet["population"].iloc[0]).select(claims)
    assert set(sheet["stratum"]) == {"publisher_side=" + s for s in pool["publisher_side"].unique()}
    rows = claims.set_index("claim_id").loc[sheet["claim_id"]]
    assert (sheet["stratum"].to_numpy() == ("publisher_side=" + rows["publisher_side"]).to_numpy()).all()
    # turns gave some of them to other speakers: the tool's side is not the stratum any more
    assert (rows["side"] != rows["publisher_side"]).sum() >= 20


def test_resampled_demo_sheets_cover_and_the_tool_now_helps(coded):
    claims, sheet = coded
    rows = claims.set_index("claim_id").loc[sheet["claim_id"]].reset_index()
    tool = tool_labels(rows).reset_index(drop=True)
    n = len(rows)
    gold = pd.DataFrame({"is_claim": np.ones(n), "side": sheet["gold_side"].to_numpy(),
                         "frames": sheet["gold_frames"].to_numpy(), "distanced": np.nan})
    strata = pd.factorize(rows["publisher_side"], sort=True)[0]
    rng = np.random.default_rng(130)
    drawn = np.zeros((400, n), bool)
    for h in np.unique(strata):
        idx = np.flatnonzero(strata == h)
        drawn[:, idx] = np.argsort(rng.random((400, len(idx))), axis=1) < 65
    table = resampled_estimates(tool, gold, ["aggression", "diplomacy", "legitimacy"],
                                ppi.Design(strata, np.ones(n, bool)), ppi.Design(strata, drawn))
    ratio = {}
    for q, (_truth, _naive, cover, width, alone) in table.items():
        ratio[q] = width / alone
        assert ratio[q] <= 1.10, (q, ratio[q])
        if q in COVERED or q.startswith("difference:"):
            assert cover >= 0.85, (q, cover)
    # the tool's sides now carry information about who speaks in a release (before turns every self claim was
    # the publisher's, so the corrected share of `other` gained nothing from the tool: ratio 1.0)
    assert ratio["share:other"] <= 0.9 and ratio["share:kremlin"] <= 0.9
