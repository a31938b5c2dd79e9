"""An all-capitals headline with a colon opens no transcript turn (issue 24 item 10): the sentences after it stay
the document's own voice or their own speakers' (composed text)."""
import pandas as pd

from narrative.claims import extract_claims
from narrative.claims.turns import marker
from narrative.speakers.actors import load_actors


def test_an_all_capitals_headline_is_no_turn_marker():
    actors = load_actors()
    headline = "MAYOR SLAMMED FOR MISLEADING VOTERS ON BRIDGE COSTS: CRITICS WANT A VOTE"
    assert marker(headline, 0, len(headline), actors) is None
    speaker = "VLADIMIR PUTIN: Good afternoon."
    assert marker(speaker, 0, len(speaker), actors) is not None


def test_sentences_after_a_headline_keep_the_publishers_voice():
    text = ("The council met on Monday.\n\nMAYOR SLAMMED FOR MISLEADING VOTERS ON BRIDGE COSTS: CRITICS WANT A VOTE\n\n"
            "The bridge cost twice the estimate.")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    last = c[c["content"].str.startswith("The bridge cost")].iloc[0]
    assert (last["quote_type"], last["side"]) == ("self", "journalist")
