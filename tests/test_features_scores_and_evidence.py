"""One lexicon pass for the frame scores and the evidence (notebook 01's workers): the tables of two passes, exactly."""
import pandas as pd

from narrative.claims import extract_claims
from narrative.corpus import load_corpus
from narrative.features import evidence, frame_scores, scores_and_evidence
from narrative.speakers.actors import load_actors

from support import DEMO, NEWS


def _claims():
    actors = load_actors()
    docs = load_corpus(DEMO, sides=actors.source_sides()).head(60)
    news = pd.DataFrame({"doc_id": ["news"], "source": ["news"], "side": ["other"], "text": [NEWS]})
    return extract_claims(pd.concat([docs, news], ignore_index=True), actors)


def test_one_pass_gives_the_scores_and_the_evidence_of_two():
    claims = _claims()
    scores, kwic = scores_and_evidence(claims, text_column="content", offset_column="content_start")
    assert len(kwic) > 100 and (scores.drop(columns=["doc_id", "claim_id", "side", "n_tokens"]).to_numpy() > 0).any()
    assert scores.equals(frame_scores(claims, text_column="content"))
    assert kwic.equals(evidence(claims, text_column="content", offset_column="content_start"))


def test_sides_that_are_not_text_are_scored_by_the_two_passes():
    claims = _claims().head(200).assign(side=lambda t: [float("nan") if i % 3 else s for i, s in enumerate(t["side"])])
    scores, kwic = scores_and_evidence(claims, text_column="content", sentiment=False)
    assert scores.equals(frame_scores(claims, text_column="content", sentiment=False))
    assert kwic.equals(evidence(claims, text_column="content"))
