"""The self-proclaimed Donetsk and Luhansk "republics", their officials and their armed formations are Moscow-installed
occupation authorities: ``kremlin`` (CODEBOOK.md §1, the ``kremlin`` row). Composed sentences."""
import pytest

from support import attributed_claims


@pytest.mark.parametrize("text", [
    "Separatist leader Denis Pushilin said the school would reopen in the spring.",
    "The self-proclaimed Donetsk People's Republic said its militia had captured a crossroads.",
    "The self-proclaimed Luhansk People's Republic said the pipeline had been repaired.",
    "The LPR said the checkpoint would stay closed for a week.",
    "Moscow-installed officials in southern Ukraine said the ferry would run twice a day.",
    "Russian-backed separatists in eastern Ukraine said the ferry would run twice a day.",
])
def test_a_moscow_installed_authority_or_its_fighters_speak_for_the_kremlin(text):
    claim = attributed_claims(text).iloc[0]
    assert claim["side"] == "kremlin", (claim["speaker"], claim["side"])


@pytest.mark.parametrize("text", [
    "Kurdish separatists said the talks had stalled again.",
    "A Catalan separatist leader said the vote would go ahead.",
    "Separatists in the Philippines said the truce would hold for a month.",
    "The separatist authorities in the north said two convoys had crossed the bridge.",
])
def test_the_word_separatist_alone_names_no_side(text):
    """Separatists of any country are meant by the word (review of e489790): only a named Donbas actor or a kremlin
    modifier ("Russian-backed") makes them ``kremlin``."""
    claim = attributed_claims(text).iloc[0]
    assert claim["side"] != "kremlin", (claim["speaker"], claim["side"])


def test_a_separatist_commentator_is_still_no_state_voice():
    claim = attributed_claims("A separatist blogger said the convoy had turned back.").iloc[0]
    assert claim["side"] == "other"


def test_a_dash_glued_to_an_inverted_cue_keeps_the_attribution():
    """"… -said the mayor": a dash glued to the cue before its speaker is translated dash-style speech, an
    attribution (the reverted 17c3353 read every cue glued to a hyphen as a compound's second part)."""
    claims = attributed_claims("The ferry will run again in the spring -said the mayor of the town.")
    assert list(claims["cue"]) == ["said"]
    assert "mayor" in claims["speaker"].iloc[0]
