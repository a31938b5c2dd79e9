"""Speakers and sides on composed war-news sentences (issue 24, round seven of branch ``sides``).

Each case is composed for the test (no article's wording): belligerent speakers lost before the side is
decided — a clause subject cut before its head, a quotation's closing mark glued to the next sentence, a head
whose office is an "of" complement ("the head of Russian diplomacy").
"""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.segment import split_sentences
from support import attributed_claim as _claim, attributed_claims as _claims




@pytest.mark.parametrize("text, speaker, side", [
    ("The Russian foreign ministry reacted sharply, saying the new sanctions were theft.",
     "The Russian foreign ministry", "kremlin"),
    ("Ukraine's armed forces general staff gave an update, saying five drones were downed.",
     "Ukraine's armed forces general staff", "ukraine"),
])
def test_a_participles_subject_keeps_the_modifiers_up_to_its_head(text, speaker, side):
    claim = _claim(text, "saying")
    assert (claim["speaker"], claim["side"]) == (speaker, side)


@pytest.mark.parametrize("text, expected", [
    ('The envoy said "the door stays shut."Moscow replied the next day.',
     ['The envoy said "the door stays shut."', "Moscow replied the next day."]),
    ("The envoy said “the door stays shut.”Moscow replied the next day.",
     ["The envoy said “the door stays shut.”", "Moscow replied the next day."]),
    ('It was over."Next week we go back," she said.', ['It was over.', '"Next week we go back," she said.']),
])
def test_a_stop_and_a_closing_mark_glued_to_a_capital_end_the_sentence(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_the_claim_after_a_glued_quotation_is_its_own_speakers():
    claims = _claims('Washington warned that an offensive "may begin any day."Moscow responded to the warnings, '
                     'calling them "a fantasy".')
    responded = claims[claims["cue"] == "responded"].iloc[0]
    assert responded["side"] == "kremlin"
    assert "Washington" not in responded["content"]


@pytest.mark.parametrize("text, speaker, side", [
    ("The head of Russian diplomacy said the talks had no future.", "The head of Russian diplomacy", "kremlin"),
    ("After the meeting in Warsaw, the head of Ukrainian diplomacy stressed that more shells were needed.",
     "the head of Ukrainian diplomacy", "ukraine"),
    ("The chief of the Ukrainian military intelligence warned that a strike was coming.",
     "The chief of the Ukrainian military intelligence", "ukraine"),
])
def test_a_head_with_an_of_complement_is_the_speaker(text, speaker, side):
    claims = _claims(text)
    assert (claims["speaker"].iloc[0], claims["side"].iloc[0]) == (speaker, side)


@pytest.mark.parametrize("text, speaker, side", [
    ("Ukraine's defence minister called the strike a war crime.", "Ukraine's defence minister", "ukraine"),
    ("The Kremlin called the new sanctions illegal.", "The Kremlin", "kremlin"),
    ("Kremlin spokesman Dmitry Peskov called the reports “hysteria”.", "Kremlin spokesman Dmitry Peskov", "kremlin"),
    ("The Russian embassy rejected the report, calling it absurd.", "The Russian embassy", "kremlin"),
])
def test_what_a_speaker_calls_something_is_a_claim(text, speaker, side):
    claims = _claims(text)
    assert (claims["speaker"].iloc[0], claims["side"].iloc[0]) == (speaker, side)
    assert claims["cue"].str.startswith("call").any()


@pytest.mark.parametrize("text", [
    "The minister called the ambassador on Friday.",
    "The president called a meeting of the security council.",
    "She called him back after the briefing.",
])
def test_a_phone_call_or_a_summons_is_no_claim(text):
    assert _claims(text).empty


@pytest.mark.parametrize("text, actor, side", [
    ("The Russian defence ministry said its troops had advanced. It also said two drones were downed.",
     "The Russian defence ministry", "kremlin"),
    ("A British ministry said the attack had failed. Later, the Ukrainian military said the enemy had advanced. "
     "“The threat remains,” it also said.", "Ukrainian military", "ukraine"),
])
def test_it_is_the_body_that_spoke_last(text, actor, side):
    claim = _claims(text).iloc[-1]
    assert claim["speaker"].lower() == "it"
    assert (claim["actor"], claim["side"]) == (actor, side)


def test_it_after_a_person_is_not_an_earlier_body():
    claims = _claims("The Russian embassy said the note was delivered. Then Peskov said talks were off. "
                     "It also said the envoy had left.")
    assert claims.iloc[-1]["side"] != "kremlin" or claims.iloc[-1]["actor"] != "The Russian embassy"


@pytest.mark.parametrize("text, speaker, side, content", [
    ("“Will the line hold?” the Ukrainian commander said.", "the Ukrainian commander", "ukraine", "Will the line hold?"),
    ("“Why should we talk now?” asked Russian Foreign Minister Sergei Lavrov.",
     "Russian Foreign Minister Sergei Lavrov", "kremlin", "Why should we talk now?"),
    ("“We need more shells,” the Ukrainian commander asked.", "the Ukrainian commander", "ukraine", "We need more shells"),
])
def test_a_quotation_ending_its_sentence_is_the_content_of_the_attribution_after_it(text, speaker, side, content):
    claims = _claims(text)
    assert claims[["speaker", "side", "content"]].values.tolist() == [[speaker, side, content]]


def test_a_quoted_name_before_a_weak_cue_word_is_no_speech():
    assert _claims('From Monday the new part of the “Dovidka” state service will open.').empty


@pytest.mark.parametrize("text, speaker, side", [
    ("A Russian colonel said the unit had withdrawn from the bridge.", "A Russian colonel", "kremlin"),
    ("A Ukrainian officer told reporters that the unit had withdrawn.", "A Ukrainian officer", "ukraine"),
])
def test_a_military_rank_heads_the_speaker(text, speaker, side):
    claims = _claims(text)
    assert (claims["speaker"].iloc[0], claims["side"].iloc[0]) == (speaker, side)


@pytest.mark.parametrize("text, speaker, side", [
    ("In a statement of the Russian Foreign Ministry, it was written that the talks had no future.",
     "the Russian Foreign Ministry", "kremlin"),
    ("In the readout of the Ukrainian defence ministry on the call, it was stated that aid would grow.",
     "the Ukrainian defence ministry", "ukraine"),
])
def test_an_impersonal_passive_reports_the_statement_named_before_it(text, speaker, side):
    claim = _claim(text, "written" if "written" in text else "stated")
    assert (claim["speaker"], claim["side"]) == (speaker, side)
