"""Members of the Duma and the Rada take their state's side (issue 24: officials the actors file misses; CODEBOOK §1
names Duma leaders), by the noun-phrase rule; a modifier alone or an excluded word stays ``other``. Composed
sentences, after a neutral first sentence."""
import pandas as pd
import pytest

from narrative.claims import extract_claims

LEAD = "The day began quietly in the capital. "


def attributed(sentence: str) -> list[tuple[str, str, str]]:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [LEAD + sentence]}))
    c = c[c["quote_type"] != "self"]
    return list(zip(c["speaker"], c["actor"], c["side"]))


@pytest.mark.parametrize("sentence, speaker, actor, side", [
    ("A Duma deputy said the sanctions would backfire.", "A Duma deputy", "A Duma deputy", "kremlin"),
    ("State Duma member Ivan Sorokin said the sanctions would backfire.", "State Duma member Ivan Sorokin",
     "Ivan Sorokin", "kremlin"),
    ("Verkhovna Rada deputy Olena Hrytsenko said the front would hold.", "Verkhovna Rada deputy Olena Hrytsenko",
     "Olena Hrytsenko", "ukraine"),
    ("A Ukrainian MP said the front would hold.", "A Ukrainian MP", "Ukrainian MP", "ukraine"),
    ("Russian lawmakers said the sanctions would backfire.", "Russian lawmakers", "Russian lawmakers", "kremlin"),
    ("The State Duma said the sanctions would backfire.", "The State Duma", "State Duma", "kremlin"),
    ("A member of the Rada said the front would hold.", "A member of the Rada", "A member of the Rada", "ukraine"),
])
def test_members_of_parliament_take_their_states_side(sentence, speaker, actor, side):
    assert attributed(sentence) == [(speaker, actor, side)]


@pytest.mark.parametrize("sentence", [
    "Ukrainian opposition MP Oleh Bondarenko said the talks were a mistake.",   # opposition: other (CODEBOOK §1)
    "A Duma expert said the vote was staged.",                                  # a modifier alone: other
    "Russian business leaders said the sanctions hurt their firms.",            # companies' people: other
])
def test_an_excluded_word_or_a_modifier_alone_stays_other(sentence):
    assert [side for _s, _a, side in attributed(sentence)] == ["other"]


def test_a_deputy_minister_still_ends_in_its_head():
    assert attributed("Russia's deputy foreign minister said the sanctions would backfire.")[0][2] == "kremlin"
