"""A state body named by its generic capitalised name ("the General Staff", "the Defence Ministry") names no state:
it takes its country from the article, else it is ``unknown`` (issue 24 item 9; composed paragraphs)."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.speakers.mention_side import unresolvable


def claim_at(text: str, speaker_at: str) -> pd.Series:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["speaker_start"] == text.index(speaker_at)].iloc[0]


@pytest.mark.parametrize("mention, expected", [
    ("the General Staff", True), ("The Defence Ministry", True), ("the Air Force", True),
    ("the Ministry of Foreign Affairs", True), ("the State Department", False), ("the Pentagon", False),
    ("security", False), ("Interfax", False),
])
def test_generic_body_names_name_nobody(mention, expected):
    assert unresolvable(mention) is expected


@pytest.mark.parametrize("text, speaker_at, side", [
    ("Russia's General Staff said the offensive went on.\n\nTroops advanced near the river, the General Staff said.",
     "the General Staff said", "kremlin"),
    ("The Ukrainian Defence Ministry reported heavy fighting.\n\nThe Defence Ministry said two bridges were hit.",
     "The Defence Ministry said", "ukraine"),
])
def test_a_generic_body_takes_the_country_named_with_it_before(text, speaker_at, side):
    row = claim_at(text, speaker_at)
    assert row["side"] == side and row["side_source"] in ("context", "coreference")


def test_a_generic_body_with_no_country_is_unknown():
    row = claim_at("The day began quietly. Troops held the line, the General Staff said.", "the General Staff")
    assert (row["side"], row["side_source"]) == ("unknown", "unknown")


@pytest.mark.parametrize("text, speaker", [
    ("The day began quietly. Russian-installed authorities in occupied Vasylivka claimed the town was calm.",
     "Russian-installed authorities in occupied Vasylivka"),
])
def test_a_place_state_word_stays_in_the_speaker(text, speaker):
    row = claim_at(text, speaker)
    assert (row["speaker"], row["side"]) == (speaker, "kremlin")
