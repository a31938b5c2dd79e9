"""A title in apposition before a name the lists do not know gives the name its side by the noun-phrase rule
(issue 24 item 1: "the commander of the 47th Brigade, Maj. Ivan Petrenko, said"); a posting's place is not the
side, and a clause before the name is no title. Composed sentences, after a neutral first sentence."""
import pandas as pd
import pytest

from narrative.claims import extract_claims

LEAD = "The day began quietly in the capital. "


def attributed(text: str) -> list[tuple[str, str, str, str]]:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [LEAD + text]}))
    c = c[c["quote_type"] != "self"]
    return list(zip(c["speaker"], c["actor"], c["side"], c["content"]))


@pytest.mark.parametrize("sentence, speaker, side", [
    ("Ukraine's ambassador to Germany, Ivan Petrenko, said the front would hold.", "Ivan Petrenko", "ukraine"),
    ("Russia's ambassador to Ukraine, Pavel Sorokin, said the sanctions would backfire.", "Pavel Sorokin", "kremlin"),
    ("The commander of Ukraine's 47th Brigade, Maj. Ivan Petrenko, said the front would hold.", "Maj. Ivan Petrenko",
     "ukraine"),
    ("The head of the Sumy regional police, Ivan Petrenko, said the front would hold.", "Ivan Petrenko", "ukraine"),
])
def test_a_title_in_apposition_before_an_unlisted_name_gives_its_side(sentence, speaker, side):
    found = attributed(sentence)
    assert [(s, a, d) for s, a, d, _c in found] == [(speaker, speaker.removeprefix("Maj. "), side)]


def test_the_name_keeps_the_side_later():
    found = attributed("Ukraine's ambassador to Germany, Ivan Petrenko, spoke in Berlin. "
                       "He said the front would hold.")
    assert [(s, a, d) for s, a, d, _c in found] == [("He", "Ivan Petrenko", "ukraine")]


@pytest.mark.parametrize("sentence", [
    "After meeting the minister, Ivan Petrenko said the front would hold.",   # a clause, not a title
    "A Ukrainian military expert, Ivan Petrenko, said the front would hold.",  # a modifier alone: other
])
def test_no_side_from_a_clause_or_an_expert(sentence):
    assert [d for _s, _a, d, _c in attributed(sentence)] == ["other"]
