"""Lexicon v2.4: the third-party rule for achievement (G4) and its special cases, on composed sentences (never
article text); its phrase families and limits are parametrised in tests/test_lexicon_recall.py."""
import pytest

from narrative.lexicons.perspective import default_perspective

from support import lexicon_categories as categories


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
