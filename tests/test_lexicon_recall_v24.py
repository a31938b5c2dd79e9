"""Lexicon v2.4: phrase families added for recall after coder D's sheet (CODEBOOK.md §3), and the third-party
rule for achievement (G4), each on composed sentences (never article text)."""
import pytest

from narrative.lexicons import load_lexicon
from narrative.lexicons.perspective import default_perspective

LEX = load_lexicon()


def categories(text, side="other"):
    _n, totals = LEX.count(text, side)
    return {c for c, v in totals.items() if v > 0}


FRAMED = [
    ("driving out", "Every occupier must be pushed out of the region.", "ukraine", "resistance"),
    ("driving out", "The brigade drove out the invaders by noon.", "ukraine", "resistance"),
    ("obligations", "Moscow must honour its international commitments.", "other", "legitimacy"),
    ("obligations", "These are our obligations under the treaty.", "other", "legitimacy"),
    ("duty", "Our soldiers are doing their duty at the front.", "kremlin", "legitimacy"),
    ("support", "We will stand with Ukraine for as long as it takes.", "other", "diplomacy"),
    ("sanctions", "The frozen assets should pay for the damage.", "other", "diplomacy"),
    ("sanctions", "The banks were cut off from SWIFT in March.", "other", "diplomacy"),
    ("peace", "Only a political solution can work here.", "other", "diplomacy"),
    ("peace", "We want to bring this war to an end.", "other", "diplomacy"),
    ("peace", "The plan aims to put an end to the war by winter.", "other", "diplomacy"),
    ("bad faith", "He is only pretending to negotiate.", "other", "disinformation"),
    ("bad faith", "The vote was fraudulent.", "other", "disinformation"),
    ("bad faith", "The threat turned out to be a bluff.", "other", "disinformation"),
    ("bad faith", "They wage an information war against us.", "ukraine", "disinformation"),
    ("prolonging", "These deliveries only fuel the conflict.", "kremlin", "aggression"),
    ("costs", "Our farmers bear the brunt of the blockade.", "ukraine", "adversity"),
]


@pytest.mark.parametrize("family, text, side, category", FRAMED)
def test_a_v24_family_frames_its_sentence(family, text, side, category):
    assert category in categories(text, side), (family, text)


@pytest.mark.parametrize("text, side, category", [
    ("The enemy is pushing out of the bridgehead towards the city.", "ukraine", "resistance"),
    ("Please tell us where we stand with regard to the refugees.", "kremlin", "diplomacy"),
])
def test_a_v24_family_keeps_its_limits(text, side, category):
    assert category not in categories(text, side), text


def test_not_a_bluff_stays_a_booster_phrase_and_is_no_disinformation():
    found = categories("This is not a bluff.", "kremlin")
    assert "booster" in found and "disinformation" not in found


@pytest.mark.parametrize("text", ["A quick win is unlikely.", "Victory is still far away.", "The offensive achieved little."])
def test_a_third_partys_bare_success_word_is_no_achievement(text):
    assert "achievement" not in categories(text, "other")


@pytest.mark.parametrize("text", ["A quick win is unlikely.", "Victory is still far away."])
def test_a_belligerents_bare_success_word_still_is(text):
    assert "achievement" in categories(text, "ukraine")


def test_a_third_party_naming_whose_success_it_is_keeps_the_achievement():
    assert "achievement" in categories("With more shells Ukraine will prevail.", "other")
    assert "achievement" in categories("We won the election.", "other")  # its own side ("we") named


def test_the_third_party_side_comes_from_the_data_file():
    assert default_perspective().nonparties == {"other"}
