"""The self-proclaimed Donetsk and Luhansk "republics", their officials and their armed formations are Moscow-installed
occupation authorities: ``kremlin`` (CODEBOOK.md §1, the ``kremlin`` row). Composed sentences."""
import pytest

from support import attributed_claims


@pytest.mark.parametrize("text", [
    "Separatist leader Denis Pushilin said the school would reopen in the spring.",
    "The separatist authorities in Donetsk said two convoys had crossed the bridge.",
    "Pro-Russian separatists said they had pushed the line back by a few kilometres.",
    "The self-proclaimed Donetsk People's Republic said its militia had captured a crossroads.",
    "The self-proclaimed Luhansk People's Republic said the pipeline had been repaired.",
    "The LPR said the checkpoint would stay closed for a week.",
    "The separatist republics said the ferry would run twice a day.",
    "Moscow-installed officials in southern Ukraine said the ferry would run twice a day.",
    "Russian-backed separatists in eastern Ukraine said the ferry would run twice a day.",
])
def test_a_moscow_installed_authority_or_its_fighters_speak_for_the_kremlin(text):
    claim = attributed_claims(text).iloc[0]
    assert claim["side"] == "kremlin", (claim["speaker"], claim["side"])


def test_a_separatist_commentator_is_still_no_state_voice():
    claim = attributed_claims("A separatist blogger said the convoy had turned back.").iloc[0]
    assert claim["side"] == "other"


def test_a_compound_split_by_a_stray_space_is_no_cue():
    claims = attributed_claims("On Monday the self -proclaimed republics in the east held a vote on the ferry.")
    assert "proclaimed" not in list(claims["cue"])
