"""A speaker pronoun's antecedent: not a source nested in another's words, not a name in its own dash-led line
of speech, and of the pronoun's gender (first names, titles). Composed paragraphs, no corpus text."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.speakers.gender import census_first_names, honorific_gender


def claims(text: str) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["quote_type"] != "self"].reset_index(drop=True)


def actor_of(text: str, speaker_at: str) -> tuple[str, str]:
    c = claims(text)
    row = c[c["speaker_start"] == text.index(speaker_at)].iloc[0]
    return row["actor"], row["side"]


def test_he_is_the_reporting_speaker_not_the_one_he_reported():
    text = ("Kremlin adviser Yury Ushakov said President Joe Biden requested the call on Saturday.\n\n"
            "He said the talks had been balanced and business-like.")
    assert actor_of(text, "He said") == ("Yury Ushakov", "kremlin")


def test_he_after_a_dash_line_is_not_a_name_inside_that_line():
    text = ("The politician stressed that America must keep helping Ukraine.\n\n"
            "- Those who doubt it promote Vladimir Putin's propaganda - he said on CBS.")
    actor, side = actor_of(text, "he said")
    assert actor != "Vladimir Putin" and side != "kremlin"


def test_she_is_not_a_man_named_by_his_first_name():
    text = ("The Duchess said the stories had moved her.\n\n"
            "Speaking at the home of Martin Harris, the UK ambassador, she thanked the survivors.\n\n"
            "She said women and children pay the heaviest price.")
    actor, _side = actor_of(text, "She said")
    assert actor != "Martin Harris" and "Duchess" in actor


def test_she_finds_a_woman_named_without_a_title():
    text = ("As foreign minister of Great Britain, Liz Truss has often spoken about the war. "
            "Some weeks ago, she announced that Britain would double its aid.")
    assert actor_of(text, "she announced")[0] == "Liz Truss"


@pytest.mark.parametrize("titles, gender", [({"duchess"}, "f"), ({"the", "spokeswoman"}, "f"), ({"king"}, "m"),
                                            ({"minister"}, None), (set(), None)])
def test_titles_that_carry_a_gender(titles, gender):
    assert honorific_gender(titles) == gender


def test_the_census_list_keeps_only_plain_first_names():
    table = census_first_names()
    assert table["martin"] == "m" and table["olivia"] == "f"
    assert "may" not in table and "jordan" not in table  # a month; a name both genders carry
