"""Agency and outlet attribution in every position (issue 24): reporting asides at the end ("…, NHK reported."),
inverted ("…, reports TASS."), "as" clauses ("As Interfax reported, …"), relays ("TASS quoted Peskov as saying"),
aspect verbs ("went on to say"), the medium before the content ("said on Telegram that"), dash inversions, and an
agency's aside that relays a cue before it (no claim of its own). Composed sentences, the rules extractor."""
import pandas as pd
import pytest

from narrative.claims import extract_claims


def attributed(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of each attributed claim of one news text."""
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    c = c[c["quote_type"] != "self"]
    return [(r.speaker, r.cue, text[r.content_start:r.content_end]) for r in c.itertuples()]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Kishida's trip is the first by a Japanese leader to a war zone since 1945, NHK reported.",
     "NHK", "reported", "Kishida's trip is the first by a Japanese leader to a war zone since 1945"),
    ("The troops left the city, an RBC correspondent reports.", "an RBC correspondent", "reports",
     "The troops left the city"),
    ("The troops left the city, reports Ukrinform.", "Ukrinform", "reports", "The troops left the city"),
    ("The troops left the city, TASS reported on Monday.", "TASS", "reported", "The troops left the city"),
    ("The troops left the city, as TASS noted.", "TASS", "noted", "The troops left the city"),
    ("As Interfax reported, the troops left the city.", "Interfax", "reported", "the troops left the city"),
    ("Russia and Belarus share one view, the head of state noted.", "the head of state", "noted",
     "Russia and Belarus share one view"),
    ("The troops left the city, the newspaper writes.", "the newspaper", "writes", "The troops left the city"),
])
def test_a_reporting_aside_takes_the_rest_of_the_sentence_as_content(text, speaker, cue, content):
    assert attributed(text) == [(speaker, cue, content)]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("TASS quoted Peskov as saying that the troops left the city.", "Peskov", "saying", "the troops left the city"),
    ("Interfax quoted the Russian Defence Ministry as saying the troops had left.", "the Russian Defence Ministry",
     "saying", "the troops had left"),
])
def test_a_relay_gives_the_claim_to_the_speaker_it_quotes(text, speaker, cue, content):
    assert attributed(text) == [(speaker, cue, content)]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Peskov went on to say that the troops had left the city.", "Peskov", "say", "the troops had left the city"),
    ("Peskov continued to insist that the troops had left.", "Peskov", "insist", "the troops had left"),
    ("Andrei Savinykh went on saying: “We have to intensify efforts.”", "Andrei Savinykh", "saying",
     "We have to intensify efforts."),
])
def test_an_aspect_verb_before_the_cue_keeps_its_subject(text, speaker, cue, content):
    assert attributed(text) == [(speaker, cue, content)]


@pytest.mark.parametrize("text, content", [
    ("The mayor of Kharkiv, Ihor Terekhov, said on Telegram that the troops left.", "the troops left"),
    ("Ukraine's General Staff said in its morning update that the troops left.", "the troops left"),
    ("Zelensky wrote on Telegram: “The troops left the city.”", "The troops left the city."),
    ("He told reporters on Monday that the troops left.", "the troops left"),
    ("He said on Monday the troops left.", "the troops left"),
])
def test_the_medium_or_hearer_before_the_content_is_not_content(text, content):
    assert [c for _s, _c, c in attributed(text)] == [content]


def test_a_dash_before_the_cue_inverts_it():
    text = "Now they want the whole country, not only its border towns - said the dictator."
    assert attributed(text) == [("the dictator", "said", "Now they want the whole country, not only its border towns")]


def test_an_agency_aside_after_another_cue_is_no_claim_of_its_own():
    text = ('"There is no other way," Minister Jonas Petraitis posted on Twitter, a Ukrinform '
            'correspondent reports.')
    assert attributed(text) == [("Minister Jonas Petraitis", "posted", "There is no other way")]
    text = "The think tank said so in its evening update, Ukrinform reports."
    assert [s for s, _c, _t in attributed(text)] == []


@pytest.mark.parametrize("text", [
    "Peskov thanked the troops.",  # a weak cue with a noun object and no aside
    "The troops reported to the base on Monday.",  # no comma before the source: not an aside
])
def test_a_weak_cue_without_an_aside_or_a_clause_stays_no_claim(text):
    assert attributed(text) == []


def test_according_to_a_pronoun_resolves_it_and_a_dependent_phrase_after_the_source_is_not_the_content():
    text = ("Kremlin spokesman Dmitry Peskov spoke on Monday. According to him, the talks had stalled.")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    row = c[c["cue"] == "According to"].iloc[0]
    assert (row.speaker, row.actor, row.side) == ("him", "Dmitry Peskov", "kremlin")
    assert text[row.content_start:row.content_end] == "the talks had stalled"
    text = "The drones can fly 50 km, according to the US Navy, making them a long-range weapon."
    assert attributed(text) == [("the US Navy", "according to", "The drones can fly 50 km")]
    text = "The missiles fly far, according to the US Air Force, and they have been deployed to the southern front."
    # a main clause after the source: the longer side, as before
    assert attributed(text)[0][2] == "and they have been deployed to the southern front"


def test_one_of_before_an_inverted_source_is_read_past():
    text = "That is how it went - said one of the army's spokesmen Jan Kowal."
    assert attributed(text) == [("the army's spokesmen Jan Kowal", "said", "That is how it went")]


def test_in_his_opinion_and_in_the_opinion_of_attribute_like_according_to():
    text = "Garry Kasparov said the regime was weak. In his opinion, the problems were caused by government pressure."
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    row = c[c["cue"] == "In his opinion"].iloc[0]
    assert (row.speaker, row.actor) == ("his", "Garry Kasparov")
    assert text[row.content_start:row.content_end] == "the problems were caused by government pressure"
    text = "In the opinion of analyst Filip Ejdus, the sanctions do not work."
    assert attributed(text) == [("analyst Filip Ejdus", "In the opinion of", "the sanctions do not work")]


def test_an_as_aside_inside_a_sentence_leaves_the_clause_before_when_only_a_circumstance_follows():
    text = "He was not asked to come in 2019 because of, as the Reuters agency writes, in the poor weather."
    assert attributed(text) == [("the Reuters agency", "writes", "He was not asked to come in 2019 because of")]
