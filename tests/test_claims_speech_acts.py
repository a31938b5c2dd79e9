"""Object-only speech acts are claims of quote type ``act`` (issue 24: belligerent claim recall).

"The ministry condemned the strike", "Kyiv welcomed the decision", "X called for talks": a speech act whose noun
phrase object is what was said. Its speaker and side are resolved like any claim's; the news-quote measure leaves
``act`` claims out (its gold has none). Each sentence is composed for this file, after a neutral first sentence so
that no headline rule applies.
"""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.evaluation.quotes import GoldQuote, evaluate_quotes
from narrative.schema import QUOTE_TYPES

LEAD = "The day began quietly in the capital. "


def attributed(sentence: str) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [LEAD + sentence]}))
    return c[c["quote_type"] != "self"]


@pytest.mark.parametrize("sentence, speaker, cue, content", [
    ("The Ukrainian foreign ministry condemned the overnight strike on Odesa.",
     "The Ukrainian foreign ministry", "condemned", "the overnight strike on Odesa"),
    ("Kyiv welcomed the decision of the European Council.", "Kyiv", "welcomed", "the decision of the European Council"),
    ("Sergei Lavrov called for direct talks without preconditions.", "Sergei Lavrov", "called",
     "direct talks without preconditions"),
    ("The Kremlin put forward a new plan for the grain corridor.", "The Kremlin", "put forward",
     "a new plan for the grain corridor"),
    ("Dmytro Kuleba expressed deep concern over the shelling of the plant.", "Dmytro Kuleba", "expressed",
     "deep concern over the shelling of the plant"),
    ("Maria Zakharova demanded the immediate withdrawal of the foreign instructors.", "Maria Zakharova", "demanded",
     "the immediate withdrawal of the foreign instructors"),
    ("Zelensky promised swift support to the flooded villages.", "Zelensky", "promised",
     "swift support to the flooded villages"),
    ("The Russian embassy deplored the seizure of its diplomatic property.", "The Russian embassy", "deplored",
     "the seizure of its diplomatic property"),
    ("Moscow reaffirmed its commitment to the nuclear test ban.", "Moscow", "reaffirmed",
     "its commitment to the nuclear test ban"),
    ("The governor vowed retaliation for the drone attack.", "The governor", "vowed",
     "retaliation for the drone attack"),
    ("The defence minister pledged more artillery shells by the spring.", "The defence minister", "pledged",
     "more artillery shells by the spring"),
    ("The army chief reiterated the country's support for the coalition.", "The army chief", "reiterated",
     "the country's support for the coalition"),
    ("The Pentagon announced a new package of air defence missiles.", "The Pentagon", "announced",
     "a new package of air defence missiles"),
    ("Western officials stressed the importance of the new aid.", "Western officials", "stressed",
     "the importance of the new aid"),
])
def test_an_object_only_speech_act_is_an_act_claim(sentence, speaker, cue, content):
    c = attributed(sentence)
    assert list(zip(c["speaker"], c["cue"], c["content"], c["quote_type"])) == [(speaker, cue, content, "act")]


@pytest.mark.parametrize("sentence", [
    "Zelensky urged him.",                               # a directive's hearer is not what was said
    "Zelensky thanked the partners.",                     # thanks
    "Peskov called him late in the evening.",             # another sense of "call"
    "The general put forward three fresh battalions.",    # another sense of "put forward"
    "Putin welcomed the Hungarian delegation.",           # "welcome" a visitor: receive
    "Lavrov expressed gratitude to the hosts.",           # thanks again
])
def test_no_claim_where_the_object_is_not_what_was_said(sentence):
    assert attributed(sentence).empty


def test_a_circumstance_is_no_act():
    # only a circumstance after the cue: no object, so no act claim (what the content-less cue is, is not decided here)
    assert "act" not in set(attributed("The foreign ministry condemned on Tuesday.")["quote_type"])


def test_an_accusation_stays_indirect():
    c = attributed("Kyiv accused Moscow of shelling the evacuation route.")
    assert list(zip(c["speaker"], c["quote_type"])) == [("Kyiv", "indirect")]


def test_a_blame_is_an_accusation_and_stays_indirect():
    c = attributed("Moscow has blamed the power cuts on Ukrainian saboteurs.")
    assert list(zip(c["speaker"], c["content"], c["quote_type"])) == [
        ("Moscow", "the power cuts on Ukrainian saboteurs", "indirect")]


def test_a_call_for_quoted_words_is_typed_by_its_quotation():
    c = attributed("Beijing called for “all sides” to show restraint.")
    assert list(zip(c["speaker"], c["cue"], c["quote_type"])) == [("Beijing", "called", "mixed")]


def test_an_act_object_ends_at_a_colon():
    c = attributed("Business leaders call for peace: In May, the company called for an end to the war.")
    assert list(zip(c["speaker"], c["content"], c["quote_type"])) == [
        ("Business leaders", "peace", "act"), ("the company", "an end to the war", "act")]


def test_a_clause_after_the_cue_stays_indirect():
    c = attributed("Zelensky promised that the aid would arrive within days.")
    assert list(zip(c["cue"], c["content"], c["quote_type"])) == [
        ("promised", "the aid would arrive within days", "indirect")]


def test_a_quoted_object_is_typed_by_its_quotation():
    c = attributed("The ministry condemned the “barbaric and senseless” strike on the port.")
    assert list(zip(c["cue"], c["quote_type"])) == [("condemned", "mixed")]


def test_an_act_claim_gets_its_speakers_side():
    c = attributed("Ukraine's foreign ministry condemned the strike on the power plant.")
    assert list(zip(c["side"], c["quote_type"])) == [("ukraine", "act")]
    c = attributed("Dmitry Peskov welcomed the proposal of the Chinese envoy.")
    assert list(zip(c["actor"], c["side"], c["quote_type"])) == [("Dmitry Peskov", "kremlin", "act")]


def test_act_is_a_quote_type_and_quote_scoring_leaves_it_out():
    assert "act" in QUOTE_TYPES
    text = LEAD + "Kyiv welcomed the decision of the European Council."
    claims = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    assert (claims["quote_type"] == "act").sum() == 1
    scores = evaluate_quotes({"d": (text, [GoldQuote(0, 5, "Nobody")])}, claims)
    assert not scores["extra"]  # the act claim is no predicted quote
