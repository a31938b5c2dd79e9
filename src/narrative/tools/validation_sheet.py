"""Build the demo's coded sheet, ``data/annotations/press-releases-validation.csv``, from the 400
press-release claims coded by the codebook (``../shared/eval/press-releases/frames-codebook.tsv``,
CC BY 4.0 like the demo corpus) and the suite's claims of the demo corpus:

    python -m narrative.tools.validation_sheet ../shared/eval/press-releases/frames-codebook.tsv \\
        reports/latest/tables/claims.csv data/annotations/press-releases-validation.csv

The 400 were drawn by ``narrative.evaluation.frame_labels.draw_sample``: the demo's ``self`` claims of
6-60 words, 200 per side (the extractor's side), seed 2026. Then every ``self`` claim was the
publisher's, so that side was the document's publisher's: the sheet's population is
``quote_type=self,act; words=6-60`` (an ``act`` claim was a ``self`` claim then) and its strata are the claims' ``publisher_side`` (today a
transcript turn gives some self claims another speaker's side, which the coder's ``side`` judges;
the design stays the publisher's); each row's inclusion probability is n_h / N_h of today's claims. Each coded row is matched to today's claim by claim id
and text, else by document and text (the numbering has moved since the coding), else by document
and a claim whose content begins the coded text, else by document and an ``act`` claim whose content ends it; rows now outside the population (today's
extractor reads them as attributed, or gives another side) are left out and counted.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from ..estimate.sheet import SHEET, Population, tool_labels
from ..infra.tables import write_table

#: ``act`` too: an object-only speech act ("The President expressed his readiness to …") was a ``self`` claim when
#: the sample was drawn, and is an ``act`` claim since (narrative.claims.acts); it is matched by its content, which
#: ends the coded sentence
POPULATION = Population(("self", "act"), 6, 60)
STRATA = "publisher_side"  # the design: 200 per publisher (see above)


def match(coded: pd.DataFrame, claims: pd.DataFrame) -> pd.Series:
    """Today's claim id of each coded row (empty when none matches)."""
    by_id = claims.set_index("claim_id")["content"]
    by_doc = {d: g for d, g in claims.groupby("doc_id")}
    out = []
    for r in coded.itertuples():
        if r.claim_id in by_id.index and by_id[r.claim_id] == r.text:
            out.append(r.claim_id)
            continue
        doc = by_doc.get(r.doc_id)
        hit = doc[doc["content"] == r.text] if doc is not None else []
        if len(hit) != 1 and doc is not None:
            hit = doc[[len(c) > 10 and r.text.startswith(c) for c in doc["content"]]]
        if len(hit) != 1 and doc is not None:  # an act claim: its content (the object) ends the coded sentence
            acts = doc[doc["quote_type"] == "act"]
            hit = acts[[len(c) > 10 and r.text.rstrip(".").endswith(c) for c in acts["content"]]]
        out.append(hit["claim_id"].iloc[0] if len(hit) == 1 else "")
    return pd.Series(out, index=coded.index)


def build(coded_path: str | Path, claims_path: str | Path) -> tuple[pd.DataFrame, dict]:
    coded = pd.read_csv(coded_path, sep="\t", keep_default_na=False, dtype=str)
    claims = pd.read_csv(claims_path, keep_default_na=False, dtype={"claim_id": str, "doc_id": str})
    coded["now"] = match(coded, claims)
    pool = POPULATION.select(claims)
    inside = coded["now"].isin(set(pool["claim_id"]))
    stats = {"coded": len(coded), "unmatched": int((coded["now"] == "").sum()),
             "outside": int(((coded["now"] != "") & ~inside).sum())}
    kept = coded[inside]
    rows = claims.set_index("claim_id").loc[kept["now"]].reset_index()
    sizes = pool[STRATA].value_counts()
    counts = rows[STRATA].value_counts()
    labels = tool_labels(rows)
    sheet = pd.DataFrame({
        "claim_id": rows["claim_id"], "doc_id": rows["doc_id"], "population": str(POPULATION),
        "stratum": STRATA + "=" + rows[STRATA], "inclusion_probability": rows[STRATA].map(counts / sizes).round(8),
        # an act claim's content is its object: the sentence is the one coded ("They expressed their readiness …")
        "sentence": rows["content"].where(rows["quote_type"] != "act", kept["text"].to_numpy()),
        "speaker": rows["speaker"], "actor": rows["actor"], "cue": rows["cue"],
        "quote_type": rows["quote_type"], "side": labels["side"], "frames": labels["frames"],
        "distanced": labels["distanced"], "gold_is_claim": "", "gold_side": kept["side"].to_numpy(),
        "gold_frames": kept["labels"].to_numpy(), "gold_distanced": ""})
    stats.update({f"N_{k}": int(v) for k, v in sizes.items()}, **{f"n_{k}": int(v) for k, v in counts.items()})
    return sheet[list(SHEET)], stats


if __name__ == "__main__":  # pragma: no cover - run by hand when the extractor's claims change
    table, info = build(sys.argv[1], sys.argv[2])
    write_table(table, sys.argv[3], "csv")
    print(info)
