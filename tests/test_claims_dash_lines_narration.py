"""Review fixes of session 10: dash-led lines that are narration, outlet names before a reporting verb, the end of
a clipped dash line, "As noted" with no speaker before it, and turns opening on a non-ASCII capital."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.claims.document import Resources
from narrative.claims.rules import RulesExtractor
from narrative.segment.marks import speech_lines

EX = RulesExtractor(Resources())


def found(text: str) -> list[tuple[str, str, str]]:
    return [(c.speaker, c.cue, text[c.content_start:c.content_end]) for c in EX.claims(EX.view("d", text, "news"))
            if c.cue]


@pytest.mark.parametrize("text, speaker, cue", [
    ("Sky News reports that the bridge was hit.", "Sky News", "reports"),
    ("The Associated Press reports that the bridge was hit.", "The Associated Press", "reports"),
    ("The bridge was hit, Sky News reports.", "Sky News", "reports"),
    ("The bridge was hit, Fox News claims.", "Fox News", "claims"),
])
def test_an_outlet_named_news_or_press_reports(text, speaker, cue):
    assert [(s, c) for s, c, _t in found(text)] == [(speaker, cue)]


def test_media_reports_before_a_verb_stay_a_noun():
    assert [c for _s, c, _t in found("Media reports said the bridge was hit.")] != ["reports"]


@pytest.mark.parametrize("line, speaker, content", [
    ("- Officials said the strikes hit the port.", "Officials", "the strikes hit the port"),
    ("- He said the city would be rebuilt.", "He", "the city would be rebuilt"),
    ("- We will hold the line, he said.", "he", "We will hold the line"),
])
def test_a_dash_led_line_of_narration_keeps_its_attribution(line, speaker, content):
    assert found("A summary of the day.\n" + line) == [(speaker, "said", content)]


def test_first_person_cues_in_a_dash_line_are_the_line_speakers_own_words():
    text = "Intro.\n- We said it and we say it again - the minister said."
    assert found(text) == [("the minister", "said", "We said it and we say it again")]


def test_a_clipped_dash_line_running_to_its_end_keeps_its_last_word():
    assert found("Intro.\n– Putin told me he wants peace") == [("Putin", "told", "me he wants peace")]


def test_as_noted_with_no_speaker_before_is_no_attribution():
    claims = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": "news",
                                          "text": ["As noted, the bridge matters a lot."]}))
    assert list(claims["quote_type"]) == ["self"]


def test_a_turn_opens_on_a_capital_of_any_script():
    text = "Intro.\n- Dlaczego? - Żeby wygrać.\n- Почему? - Чтобы победить."
    assert [text[a:b] for a, b in speech_lines(text)] == ["- Dlaczego?", "- Żeby wygrać.", "- Почему?",
                                                          "- Чтобы победить."]


@pytest.mark.parametrize("text", ["Intro. They are only justifying themselves and denying.",
                                  "The officials keep lying and denying."])
def test_a_cue_ending_a_coordination_with_nothing_said_is_no_claim(text):
    assert found(text) == []


@pytest.mark.parametrize("dash", ["-", "–", "—"])
@pytest.mark.parametrize("after", ["she said in July.", "she said on Friday.", "said the mayor on Friday."])
def test_a_dash_line_attributed_after_a_second_dash_keeps_the_line_as_its_content(dash, after):
    # composed: the dash line's words are the content, whatever time phrase follows the cue
    text = f"The depot reopened.\n{dash} We will keep the trains running, {dash} {after}"
    assert [(c, t) for _s, c, t in found(text)] == [("said", "We will keep the trains running")]


def test_a_dash_line_glued_to_the_sentence_before_is_the_whole_content():
    # composed: the splitter misses the stop glued to the dash, the content is still only the dash line's words
    text = "The mayor visited the depot on Monday.- We will keep the trains running, - she said in July."
    assert [(c, t) for _s, c, t in found(text)] == [("said", "We will keep the trains running")]


@pytest.mark.parametrize("line", ["- Will the trains keep running? - she asked in July.",
                                  "- The trains will keep running! - she said on Friday.",
                                  "- The trains will keep running! - said the mayor.",
                                  "“The trains will keep running!” she said on Friday."])
def test_speech_that_ends_its_sentence_is_the_content_of_the_attribution_after_it(line):
    text = "The depot reopened.\n" + line
    assert [t for _s, _c, t in found(text)] == [line.split(" - ")[0].split("” ")[0].strip("-“ ")]


def test_a_dash_led_attribution_on_a_line_of_its_own_takes_the_line_before():
    text = "The depot reopened.\n\nThe trains will keep running until the spring\n\n- wrote the head of the council."
    assert found(text) == [("the head of the council", "wrote", "The trains will keep running until the spring")]
