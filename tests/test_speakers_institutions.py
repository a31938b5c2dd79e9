"""A bare institution or "it" takes its country from the article (composed paragraphs, no corpus text)."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.schema import SIDE_SOURCES
from narrative.speakers.actors import load_actors
from narrative.speakers.institutions import CountryContext


def claim_at(text: str, speaker_at: str) -> pd.Series:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["speaker_start"] == text.index(speaker_at)].iloc[0]


CASES = [
    # the same head named earlier with its country
    ("Ukraine's military claims Russia has lost 24,000 soldiers.\n\n"
     "Of those troops still fighting, they keep attacking in the east, the military added.",
     "the military added", "ukraine"),
    ("The Russian defence ministry said the village was taken.\n\n"
     "Fighting went on near the town, the ministry said on Tuesday.", "the ministry said", "kremlin"),
    ("Poland's foreign ministry summoned the envoy.\n\nThe ministry said the strike was a provocation.",
     "The ministry said", "other"),
    # "it" and the government: a country antecedent in the paragraph
    ("Meanwhile, Ukraine wants to answer in kind. It insists that Russia is a danger to everyone. "
     "It rejects the talk of escalation as empty.", "It rejects", "ukraine"),
    ("The UK remains a firm backer of Kyiv. The government announced that Britain would send tanks.",
     "The government announced", "other"),
]


@pytest.mark.parametrize("text, speaker_at, side", CASES)
def test_a_bare_institution_takes_the_country_named_before(text, speaker_at, side):
    row = claim_at(text, speaker_at)
    assert (row["side"], row["side_source"]) == (side, "context")
    assert "context" in SIDE_SOURCES


@pytest.mark.parametrize("text, speaker_at", [
    # two countries at once give neither; another named body stops the search
    ("Meetings between US and Russian officials may not happen.\n\nThe officials said the ball was in Russia's court.",
     "The officials said"),
    ("Russian officials met on Monday. State Department officials were busy.\n\n"
     "The talks may resume, two department officials told CNN.", "two department officials"),
])
def test_no_country_when_the_article_does_not_say_one(text, speaker_at):
    row = claim_at(text, speaker_at)
    assert row["side_source"] != "context" and row["side"] not in ("kremlin", "ukraine")


def test_an_impersonal_it_is_nobody():
    """ "It was reported" names no speaker: no claim of Ukraine's (since the passive-cue rule, no claim at all)."""
    text = "Ukraine sent more troops. It was also reported that the drone fell."
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    fell = c[(c["content_start"] <= text.index("the drone")) & (text.index("the drone") < c["content_end"])]
    assert not fell["side"].isin(["kremlin", "ukraine"]).any()
    assert not (fell["side_source"] == "context").any()


def test_a_modifier_alone_is_no_side():
    text = "A Ukrainian military expert spoke on TV. The expert said the front held."
    ctx = CountryContext(text, load_actors().side_rule)
    assert ctx.same_head("The expert", text.index("The expert")) is None


def test_its_looks_only_in_its_own_sentence():
    text = ("In Moldova, Russia's interference is only increasing. Without more help, its foreign minister told "
            "reporters the country was at risk.")
    ctx = CountryContext(text, load_actors().side_rule)
    assert ctx.country_before(text.index("its foreign"), possessive=True) is None
    text = "Ukraine's ability to strike back depends on Western weapons, which its officials say arrive late."
    ctx = CountryContext(text, load_actors().side_rule)
    assert ctx.country_before(text.index("its officials"), possessive=True) == ("ukraine", "Ukraine")


def test_a_third_states_official_is_not_the_belligerent_named_before():
    text = "Russian Foreign Minister Sergei Lavrov said the talks were dead.\n\nThe British minister said they would go on."
    row = claim_at(text, "The British minister")
    assert row["actor"] != "Sergei Lavrov" and row["side"] == "other"
