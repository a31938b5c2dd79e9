"""Review of the session-15 merge (134d5c7..376c305): composed news sentences the merged rules read wrongly."""
import pytest

from support import attributed_claims


def test_a_title_abbreviation_before_a_colon_opens_no_turn_in_news():
    """A stop after "U.S." or "Gen." before "Capitalised Words:" is no turn boundary: the sentence stays whole and
    the reporter's next sentence is nobody's claim (the reverted c8e2dea made "State Department" a turn)."""
    text = ("The order was signed by the U.S. Treasury Department: new tariffs start in May. "
            "Officials gave no further details.")
    claims = attributed_claims(text)
    assert not claims["content"].str.contains("no further details").any()
    assert not claims["speaker"].fillna("").str.contains("Treasury").any()


@pytest.mark.parametrize("text", [
    "The governor called the night raid a crime against the city.",
    "The minister called the month a turning point for the fleet.",
])
def test_called_with_a_time_noun_object_still_characterises(text):
    """Only day words ("on Monday", "yesterday") after the object make "called" a call; a month or "night" as part
    of the object does not ("called the night raid a crime" is a claim)."""
    claims = attributed_claims(text)
    assert list(claims["cue"]) == ["called"], claims[["speaker", "cue", "content"]]
