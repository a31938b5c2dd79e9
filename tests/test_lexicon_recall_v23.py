"""Lexicon v2.3: its special cases on composed sentences (never article text); its phrase families and limits are
parametrised in tests/test_lexicon_recall.py."""
import pytest

from support import lexicon_categories as categories


def test_shot_down_is_still_resistance_and_shot_still_harm_after_a_passive():
    assert "resistance" in categories("Our air defence shot down two drones.", "ukraine")
    assert "casualties" in categories("He was shot in the street.", "other")


@pytest.mark.parametrize("text, category", [
    ("We will win, that is for sure.", "booster"),
    ("Our exporters set a new record.", "achievement"),
    ("They keep launching attacks against civilians.", "aggression"),
    ("Allies will help for as long as it takes.", "diplomacy"),
])
def test_phrases_that_begin_with_their_rare_word_still_frame_the_common_wording(text, category):
    """"for sure", "a new record", "against civilians", "as long as it takes" are written from their rarer word
    with a context rule (a phrase beginning with "for", "as" or "new" slows the matcher)."""
    assert category in categories(text, "ukraine")


@pytest.mark.parametrize("text, category", [
    ("Make sure the doors are locked.", "booster"),
    ("The record shows no such meeting.", "achievement"),
    ("Civilians left the city at dawn.", "aggression"),
])
def test_the_rare_word_alone_is_no_frame(text, category):
    assert category not in categories(text, "ukraine")
