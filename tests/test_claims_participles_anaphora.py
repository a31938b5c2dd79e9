"""A participle after a comma shares the source of the cue before it ("The ministry condemned the strike, saying …"),
"That's according to X" attributes the sentence before, and a passive with an adverb ("is also accused of") is no
cue (issue 24 items 6-7). Composed sentences, the rules extractor."""
import pandas as pd

from narrative.claims import extract_claims


def claims(text: str) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["quote_type"] != "self"]


def test_a_participle_after_a_cue_shares_its_source_and_ends_its_content():
    text = "Ukraine's foreign ministry condemned the strike, saying it was a war crime."
    c = claims(text)
    assert c["speaker"].tolist() == ["Ukraine's foreign ministry"] * 2
    assert [text[a:b] for a, b in zip(c["content_start"], c["content_end"])] == ["the strike", "it was a war crime"]
    assert set(c["side"]) == {"ukraine"}


def test_thats_according_to_attributes_the_sentence_before():
    text = "The troops left the city overnight. That's according to the General Staff. Fighting went on."
    c = claims(text)
    assert [(r.speaker, text[r.content_start:r.content_end]) for r in c.itertuples()] == [
        ("the General Staff", "The troops left the city overnight")]
    everything = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    own = everything[everything["quote_type"] == "self"]
    assert [text[a:b] for a, b in zip(own["content_start"], own["content_end"])] == ["Fighting went on."]


def test_a_passive_with_an_adverb_is_no_cue():
    text = "The mayor is also accused of a part in a bribery scheme, according to U.S. authorities."
    c = claims(text)
    assert c["speaker"].tolist() == ["U.S. authorities"]
    assert text[c["content_start"].iloc[0]:c["content_end"].iloc[0]] == "The mayor is also accused of a part in a bribery scheme"


def test_said_this_attributes_the_sentence_before_but_said_this_is_a_clause():
    text = ("Estonia will send more aid to Ukraine. Mart Tamm, head of the Estonian delegation, said this at a "
            "press conference in Kyiv on Tuesday, an Ukrinform correspondent reports.")
    c = claims(text)
    assert [(r.speaker, text[r.content_start:r.content_end]) for r in c.itertuples()] == [
        ("Mart Tamm", "Estonia will send more aid to Ukraine")]
    text = "Russia lost 200 tanks. Zelensky said this is a lie."
    c = claims(text)
    assert [text[a:b] for a, b in zip(c["content_start"], c["content_end"])] == ["this is a lie"]


def test_telling_a_hearer_about_a_topic_is_no_claim_but_telling_that_is():
    assert claims("The head of state told the meeting participants about important steps towards reform.").empty
    text = "He told reporters about the talks that the troops had left."
    c = claims(text)
    assert [text[a:b] for a, b in zip(c["content_start"], c["content_end"])] == ["the troops had left"]


def test_a_passive_speech_act_with_a_by_agent_is_the_agents_claim():
    text = "The visitor, in town since Monday, was described by Russia's Sergei Lavrov as a trusted ally."
    c = claims(text)
    assert [(r.speaker, r.side, text[r.content_start:r.content_end]) for r in c.itertuples()] == [
        ("Russia's Sergei Lavrov", "kremlin", "as a trusted ally")]
    text = "The move was criticised by the opposition."
    assert [(r.speaker, text[r.content_start:r.content_end]) for r in claims(text).itertuples()] == [
        ("the opposition", "The move was criticised")]
    assert claims("The city was shelled by Russian forces on Monday.").empty  # no speech act
    assert claims("The claim was rejected by some.").empty  # "some" names no agent
