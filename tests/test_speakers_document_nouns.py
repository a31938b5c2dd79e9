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
    text = ("Ukraine's ability to counter-attack may depend on supplies of Western weaponry, which its officials say "
            "has often been too slow in arriving.")
    assert sides(text) == [("its officials", "Ukraine's officials", "ukraine")]
