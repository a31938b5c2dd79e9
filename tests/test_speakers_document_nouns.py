"""Sides of speakers the actors file does not name (issue 24): an abbreviation is no function word ("US officials"
are someone, `other`), a document noun stands for whoever spoke last ("…, the statement said"), and a compass
adjective between a country and "its officials" does not hide the country."""
import pandas as pd
import pytest

from narrative.claims import extract_claims


def sides(text: str) -> list[tuple[str, str, str]]:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    c = c[c["quote_type"] != "self"]
    return list(zip(c["speaker"], c["actor"], c["side"]))


@pytest.mark.parametrize("speaker", ["US officials", "US military officials", "UK officials"])
def test_an_abbreviated_country_makes_officials_someone(speaker):
    assert sides(f"{speaker} said the talks had stalled.") == [(speaker, speaker, "other")]


def test_the_statement_is_the_last_speakers():
    text = ("Antony Blinken spoke in Kyiv on Monday. “We stand with Ukraine,” Blinken said. "
            "The United States has provided $2 billion in aid, the statement said.")
    assert sides(text)[-1] == ("the statement", "Antony Blinken", "other")
    text = ("Kremlin spokesman Dmitry Peskov spoke on Monday. The talks had stalled, Peskov said. "
            "The West was to blame, the statement added.")
    assert sides(text)[-1] == ("the statement", "Dmitry Peskov", "kremlin")
    assert sides("The talks had stalled, the statement said.") == [("the statement", "the statement", "unknown")]


def test_a_compass_adjective_does_not_hide_the_country_of_its_officials():
    text = ("Ukraine's next offensive may hinge on Western tanks, which its officials say "
            "keep arriving late.")
    assert sides(text) == [("its officials", "Ukraine's officials", "ukraine")]


@pytest.mark.parametrize("text, speaker", [
    ("The bank said it had been reducing its Russian business.", "The bank"),
    ("According to opposition politicians, the question of old debts comes back in every crisis.", "opposition politicians"),
    ("Candour and care - according to the former minister - the cabinet never showed.", "the former minister"),
    ("The sources said the talks had stalled.", "The sources"),
])
def test_organisations_plural_heads_and_roles_no_state_holds_are_other(speaker, text):
    # CODEBOOK §1: companies, former officials and unattached sources are `other`, not `unknown`
    assert sides(text) == [(speaker, speaker, "other")]


def test_an_object_cue_before_a_colon_takes_what_follows_the_colon():
    text = "He is expected to tell the summit by video link: “Ukraine must gain an advantage.”"
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    c = c[c["quote_type"] != "self"]
    assert [text[a:b] for a, b in zip(c["content_start"], c["content_end"])] == ["Ukraine must gain an advantage."]


@pytest.mark.parametrize("text, side", [
    ("A diplomat stationed in Kyiv wrote that the troops at the front were cheerful.", "other"),
    ("A Western diplomat in Moscow said the talks had stalled.", "other"),
    ("The Russian ambassador in Kyiv said the talks had stalled.", "kremlin"),
    ("Officials in Kyiv said the talks had stalled.", "ukraine"),  # no posted head: the place's officials
])
def test_where_a_diplomat_is_posted_is_not_their_side(text, side):
    assert [s for _sp, _a, s in sides(text)] == [side]
