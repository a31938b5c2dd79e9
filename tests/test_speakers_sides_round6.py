"""Speakers and sides on composed war-news sentences (issue 24, tuning round of branch ``sides``).

Each case is composed for the test: an unresolved official is ``unknown``, never another official's name or
``other``; a sentence run into the next one with no space after its stop (machine-translated outlets) ends
there, also after an acronym, a numeral or before "A"/"I".
"""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.segment import split_sentences
from support import attributed_claim as _claim, attributed_claims as _claims




@pytest.mark.parametrize("text, cue", [
    ("The mayor condemned the shelling. The president reaffirmed that aid would keep coming.", "reaffirmed"),
])
def test_a_description_of_another_office_is_not_the_last_speaker(text, cue):
    claim = _claim(text, cue)
    head = claim["speaker"].split()[-1]
    assert head.lower() in claim["actor"].lower()  # not the mayor or the governor who spoke before
    assert claim["side"] == "unknown"


@pytest.mark.parametrize("text, cue", [
    ("The general conceded that the village had been lost.", "conceded"),
    ("“We are not moving back!” insists the commander of the battalion.", "insists"),
    ("The head of the region said the trains would run on Monday.", "said"),
])
def test_an_unnamed_official_is_unknown_not_other(text, cue):
    claim = _claim(text, cue)
    assert claim["side"] == "unknown"
    assert claim["side_source"] == "unknown"


def test_a_company_founder_stays_other():
    assert _claim("The founder of a dairy firm wrote that milk prices would rise.", "wrote")["side"] == "other"


@pytest.mark.parametrize("text, cue", [
    ("The president of the company said the plant in Lutsk would close in May.", "said"),
    ("The head of the bank said that the loans would be cheaper next year.", "said"),
])
def test_the_head_of_a_firm_or_a_bank_stays_other(text, cue):
    claim = _claim(text, cue)
    assert (claim["side"], claim["side_source"]) == ("other", "unlisted")


def test_every_spelling_of_a_body_is_one_actor():
    claims = _claims("The U.S. Treasury said the two shippers were banned. Later the U.S. Treasury said one had "
                     "appealed. On Friday the U.S. Treasury said the appeal had failed.")
    assert claims["actor"].tolist() == ["U.S. Treasury"] * 3


@pytest.mark.parametrize("text, expected", [
    ("The ceremony marks the end of World War II.The station criticised it.",
     ["The ceremony marks the end of World War II.", "The station criticised it."]),
    ("He wrote to NATO.Bondar said more.", ["He wrote to NATO.", "Bondar said more."]),
    ("The U.S.Army said so.", ["The U.S.Army said so."]),
    ("The envoy met them in Iran.A senior aide said the talks were over.",
     ["The envoy met them in Iran.", "A senior aide said the talks were over."]),
    ("Plan B.A new plan came.", ["Plan B.A new plan came."]),
])
def test_a_stop_with_no_space_ends_the_sentence(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_a_speaker_after_a_glued_stop_is_not_run_into_the_sentence_before():
    claim = _claim("Ivan Stoltenko wrote a letter to the Council of NATO.Stoltenko also confirmed that the risk was "
                   "real.", "confirmed")
    assert claim["speaker"] == "Stoltenko"


@pytest.mark.parametrize("text, cue, actor, side", [
    ("The U.S. Treasury said the two firms had shipped parts to Moscow.", "said", "U.S. Treasury", "other"),
    ("Ukraine's energy ministry said that power would be back by night.", "said", "Ukraine's energy ministry",
     "ukraine"),
])
def test_a_body_of_a_state_is_not_widened_to_the_state(text, cue, actor, side):
    claim = _claim(text, cue)
    assert (claim["actor"], claim["side"]) == (actor, side)


@pytest.mark.parametrize("text, side", [
    ("Russia's ambassador to the US said the sanctions would fail.", "kremlin"),
    ("The Russian embassy in Washington said the report was false.", "kremlin"),
    ("Ukraine's ambassador to the UK said more shells were needed.", "ukraine"),
])
def test_an_ambassador_or_embassy_speaks_for_its_state_not_where_it_is_posted(text, side):
    assert _claim(text, "said")["side"] == side


def test_a_national_sports_body_is_no_state():
    claim = _claim("The National Olympic Committee of Ukraine said the athlete had been killed on Sunday.", "said")
    assert claim["side"] == "other"


def test_a_bare_day_between_cue_and_that_is_no_content():
    claim = _claim("The Pentagon announced Tuesday that more radars had been sent to Kyiv.", "announced")
    assert claim["content"] == "more radars had been sent to Kyiv"


@pytest.mark.parametrize("text, cue, actor", [
    # a possessive or indefinite description is someone new, not the person who spoke last
    ("Olena Marchuk, a reporter, was detained on Monday. Ivan Petrenko, a singer, said he was worried. She faces "
     "charges, her lawyer said.", "said", "her lawyer"),
    ("Taras Bondar said he would stay in the cabinet. “The party deserves better,” a politician wrote in a letter.",
     "wrote", "a politician"),
    ("Taras Bondar said on Friday that he would stay. An aide said the talks were over.", "said", "An aide"),
])
def test_a_new_referent_is_not_the_last_speaker(text, cue, actor):
    claims = _claims(text)
    assert claims[claims["cue"] == cue]["actor"].tolist()[-1] == actor


def test_they_after_a_described_group_is_that_group_and_a_nationality_adjective_names_nobody():
    claims = _claims("The French organisers said Russia would be invited. “Its president will not be,” they added.")
    said, added = claims.iloc[0], claims.iloc[1]
    assert said["actor"] == "The French organisers"  # not "French"
    assert (added["actor"], added["side"]) == ("The French organisers", "other")


def test_a_side_adjective_of_the_actors_file_names_nobody():
    # the sides' adjectives come from the actors file's side rule, not only "Russian" and "Ukrainian"
    claims = _claims("Moscow-installed officials opened a school. The Moscow-installed organisers said the fair would "
                     "go on. “It will be big,” they added.")
    assert claims["actor"].tolist() == ["The Moscow-installed organisers"] * 2


def test_they_after_unnamed_officials_stays_unknown():
    claims = _claims("Officials said the bridge was closed. “It will reopen soon,” they added.")
    assert claims["side"].tolist() == ["unknown", "unknown"]


def test_a_dotted_abbreviation_stays_in_the_name():
    claim = _claim("The U.K. Ministry of Defence said in a post that the units were worn out.", "said")
    assert claim["actor"] == "U.K. Ministry of Defence"


@pytest.mark.parametrize("text", [
    "- Without help, Poland and Lithuania will stay on the edge - said Bondar and added that both \"follow Kyiv.\"",
    "“Without help, Poland and Lithuania will stay on the edge,” said Bondar and added that both “follow Kyiv.”",
])
def test_a_verb_coordinated_with_an_inverted_cue_shares_its_speaker(text):
    claims = _claims(text)
    assert claims["speaker"].tolist() == ["Bondar", "Bondar"]
    assert claims["content"].iloc[0].endswith("will stay on the edge")


def test_the_hearer_of_an_interview_before_the_cue_is_no_speaker():
    claims = _claims("The poet Mirela Vostok in a conversation with Radio Nord said that the harvest would be late.")
    assert claims["actor"].tolist() == ["Mirela Vostok"]


@pytest.mark.parametrize("text, speaker", [
    ("The United States will not take part. A senior representative of the administration told reporters that the "
     "aim was calm.", "A senior representative of the administration"),
    ("The United Kingdom sent more shells. It said that the aim was to help Kyiv hold.", "It"),
])
def test_a_country_of_two_words_is_the_antecedent_of_its_bodies(text, speaker):
    claims = _claims(text)
    assert claims[claims["speaker"] == speaker]["side"].tolist() == ["other"]
