"""The document view records lines of speech opened by a dash as quoted speech, and every reader takes them so:
names there are no antecedents of the narrator's pronouns, cues there are the quoted speaker's own words unless
they report a named third party. Composed paragraphs (issue 24, items 4 and the interview case); no corpus text."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.claims.document import DocumentView, Resources


def claims(text: str) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["quote_type"] != "self"].reset_index(drop=True)


INTERVIEW = ("Hungarian diplomat Gabor Kertesz gave a long interview to a weekly.\n\n"
             "– Are the talks over?\n\n"
             "– {answer}\n\n"
             "He also said Budapest would keep buying gas.")


@pytest.mark.parametrize("answer", [
    "(Russian President Vladimir), Putin wants a long war, and everyone in Europe knows it.",
    "Mr. Putin wants a long war, and everyone in Europe knows it.",
    "No. Vladimir Putin wants a long war. Nobody in Europe doubts it.",
])
def test_a_name_in_an_interview_answer_is_not_the_narrators_he(answer):
    c = claims(INTERVIEW.format(answer=answer))
    he = c[c["speaker"] == "He"].iloc[0]
    assert he["actor"] == "Gabor Kertesz" and he["side"] == "other"


def test_the_view_records_each_interview_turn_as_quoted_speech():
    text = INTERVIEW.format(answer="No. Vladimir Putin wants a long war.")
    view = DocumentView("d", text, "news", None, Resources())
    spans = [text[a:b] for a, b in view.quoted.spans]
    assert spans == ["– Are the talks over?", "– No. Vladimir Putin wants a long war."]
    assert view.quotes.spans == []  # no quotation marks: the marks alone say nothing
    # a turn that no attribution closes is read sentence by sentence (an interview's turn, or a list's item)
    assert "– No." in [text[a:b] for a, b in view.units]


LINES = ("Minister Jan Nowicki spoke in Warsaw on Tuesday.\n\n"
         "- We said it before and we say it again: no troops will go east - the minister said.\n\n"
         "- Putin told me personally that he wants peace - Nowicki added.")


def test_a_cue_inside_a_line_of_speech_is_no_new_claim():
    c = claims(LINES)
    said = c[c["cue"] == "said"]
    assert said["speaker"].tolist() == ["the minister"]
    assert said["content"].iloc[0] == "We said it before and we say it again: no troops will go east"
    assert "say" not in set(c["cue"])


def test_a_named_third_party_inside_a_line_of_speech_stays_a_claim_that_ends_with_the_line():
    c = claims(LINES)
    putin = c[c["speaker"] == "Putin"].iloc[0]
    assert (putin["actor"], putin["content"]) == ("Vladimir Putin", "he wants peace")
    nowicki = c[c["speaker"] == "Nowicki"].iloc[0]
    assert nowicki["content"] == "Putin told me personally that he wants peace"


@pytest.mark.xfail(strict=True, reason="not yet: a line of speech is read sentence by sentence (its earlier sentences "
                   "become the journalist's); merging it into one unit lost 10 of the 330 coded war-news claim spans, "
                   "whose extents were drawn from the sentence units, so the coded sheets must be re-matched first")
def test_a_line_of_several_sentences_is_its_attributed_speakers_claim():
    text = ("Bishop Anton Horvat spoke after the service.\n\n"
            "- I thought of the two nations. Both suffer in this war. The poor pay the price - he explained.")
    c = claims(text)
    row = c[c["cue"] == "explained"].iloc[0]
    assert row["content"] == "I thought of the two nations. Both suffer in this war. The poor pay the price"
    assert row["actor"].endswith("Anton Horvat")


def test_a_cue_in_quoted_speech_that_leaves_nothing_said_is_no_claim():
    c = claims("“The war, which Kyiv condemns in the strongest terms,” the mayor said.")
    assert c["speaker"].tolist() == ["the mayor"]


@pytest.mark.parametrize("text, speaker, actor", [
    ("Lithuanian minister Gabrielius Landsbergis said sanctions must stay. “Putin has announced many red lines. "
     "They keep evaporating,” the diplomat said.", "the diplomat", "Gabrielius Landsbergis"),
    ("Minister Jan Nowicki said sanctions must stay. “Putin told us he wants peace, but nobody believes it,” "
     "he added.", "he", "Jan Nowicki"),
])
def test_a_third_party_named_inside_a_quotation_is_not_who_said_the_quotation(text, speaker, actor):
    c = claims(text)
    outer = c[c["speaker"] == speaker].iloc[0]
    assert (outer["actor"], outer["side"]) == (actor, "other")
    inner = c[c["speaker"] == "Putin"].iloc[0]  # the third party's speech stays a claim, within the quotation
    assert inner["side"] == "kremlin" and "”" not in inner["content"]
