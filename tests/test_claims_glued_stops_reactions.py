"""Composed cases: stops glued to quotation marks (linear, every convention), reactions after an attributed quotation, "of" complements, "called", military ranks. No article text."""
from __future__ import annotations

import pandas as pd

from narrative.segment import glued_starts, split_sentences
from narrative.segment.marks import CLOSING_MARKS, OUTER_CLOSING
from narrative.tools.hostile import HOSTILE


def _pieces(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_a_german_closing_mark_glued_to_a_capital_ends_the_sentence():
    text = "The mayor wrote „we are staying.“Then the bridge was closed."
    assert _pieces(text) == ["The mayor wrote „we are staying.“", "Then the bridge was closed."]


def test_an_english_opening_mark_after_a_stop_is_not_a_german_closing_one():
    text = "The mayor left.“Stay calm,” she wrote."
    assert glued_starts(text) == []


def test_glued_quotation_stops_split_exactly_on_one_long_line():
    text = HOSTILE["glued quotation stops"](4)
    # a straight mark after an even number of them opens a quotation, ” always closes one, “ opens one here (no „)
    assert _pieces(text) == ["Post 0 held.", '"Post 1 held.”', "Post 2 held.", '“Post 3 held."', "Then it ended."]


def test_straight_marks_alternate_along_a_line_and_restart_on_the_next():
    text = 'He wrote "we hold."Then a "short." Pause "here."Now\nit said."Fine.'
    assert [text[k:k + 4] for k in glued_starts(text)] == ["Then", "Now\n"]


def test_a_long_run_without_spaces_is_still_cut_after_its_stops():
    text = "ab.Cd" * 500
    assert len(glued_starts(text)) == 500


def test_the_closing_marks_are_defined_once():
    from narrative.claims import rules
    from narrative import segment

    assert CLOSING_MARKS == "".join(sorted(OUTER_CLOSING)) and "“" in CLOSING_MARKS
    assert not hasattr(rules, "_CLOSING_MARKS") and not hasattr(segment, "_CLOSING_MARKS")


def _claims(text):
    from narrative.claims import extract_claims

    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["composed"], "text": [text]}))
    return [(r.quote_type, r.speaker, r.cue, r.content) for r in c.itertuples()]


import pytest  # noqa: E402


@pytest.mark.parametrize("text", [
    "Kyiv's envoy said: “The talks are over.” The Kremlin responded.",
    "Kyiv's envoy said: “The talks are over.” Ushakov asked.",
    "Kyiv's envoy said: “The talks are over.” Moscow denied.",
    "The banner said “No entry after dark.” Neighbours complained.",
    "A poster was titled “Who pays?” Critics praised.",
])
def test_a_reaction_after_a_quotation_already_attributed_is_no_claim(text):
    claims = _claims(text)
    assert all(content.strip() for _, _, _, content in claims)
    assert not any(cue and content == text.split("” ")[-1] for _, _, cue, content in claims)
    assert claims[-1] == ("self", "", "", text.split("” ")[-1])


def test_a_quotation_opening_its_sentence_is_still_the_content_of_the_attribution_after_it():
    assert _claims("“Can the depot be saved?” the mayor said.") == [
        ("direct", "the mayor", "said", "Can the depot be saved?")]
    assert _claims("The siren stopped. “Why should we wait?” asked the mayor.")[-1] == (
        "direct", "the mayor", "asked", "Why should we wait?")


def test_many_cues_after_one_quotation_each_keep_their_own_content():
    text = "“Yes.” " + "Engineers said the dam was intact. " * 3
    assert _claims(text)[1:] == [("indirect", "Engineers", "said", "the dam was intact")] * 3


@pytest.mark.parametrize("text", [
    "The residents of the village who stayed said they were cold.",
    "The head of the bloc that lost said a recount was needed.",
])
def test_an_of_complement_with_a_relative_clause_heads_no_speaker(text):
    assert [q for q, *_ in _claims(text)] == ["self"]


@pytest.mark.parametrize("text", [
    "The envoy called his colleague a week later.",
    "Guests called the front desk a third time.",
    "They called the helpline a dozen times.",
    "They called that line again.",
    "The crew called it a day.",
    "She called it quits.",
])
def test_a_call_with_a_time_a_count_or_an_idiom_is_no_characterisation(text):
    assert _claims(text) == [("self", "", "", text)]


def test_calling_this_something_is_a_characterisation():
    assert _claims("He called this a betrayal.") == [("indirect", "He", "called", "this a betrayal")]
    assert _claims("Zelensky called the strike a war crime.") == [
        ("indirect", "Zelensky", "called", "the strike a war crime")]


@pytest.mark.parametrize("text, side", [
    ("Russian generals said the assault would restart.", "kremlin"),
    ("A Ukrainian lieutenant said the dugout was flooded.", "ukraine"),
    ("A Russian major-general said the bridge was hit.", "kremlin"),
])
def test_plural_and_hyphenated_military_ranks_take_their_side(text, side):
    from narrative.claims import extract_claims

    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["composed"], "text": [text]}))
    assert c.iloc[0]["side"] == side
