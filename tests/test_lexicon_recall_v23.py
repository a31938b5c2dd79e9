"""Lexicon v2.3: the phrase families added for recall (CODEBOOK.md §3), each on composed sentences (never article
text): a sentence the family must frame and, for each context rule (context.csv) or dropped word, a sentence it
must not."""
import pytest

from narrative.lexicons import load_lexicon

LEX = load_lexicon()


def categories(text, side="other"):
    _n, totals = LEX.count(text, side)
    return {c for c, v in totals.items() if v > 0}


# (family, sentence, side, category it must carry)
FRAMED = [
    # hedge: evidential inference, the reporter's distancing description, epistemic "could"
    ("inference", "The new satellite data suggests that the brigade has moved north.", "other", "hedge"),
    ("inference", "Analysts appear to agree on the timing.", "other", "hedge"),
    ("distancing", "Officials condemned the drills, casting them as a rehearsal for an attack.", "kremlin", "hedge"),
    ("distancing", "In his speech the sanctions were portrayed as theft.", "kremlin", "hedge"),
    ("epistemic could", "A single mistake could lead to a much wider war.", "other", "hedge"),
    ("epistemic could", "The fighting could well spread to the north.", "other", "hedge"),
    # aggression: the West as a party to the war, hegemony, wanting war
    ("party to the war", "Deliveries of tanks prove NATO's involvement in the conflict.", "kremlin", "aggression"),
    ("hegemony", "Washington wants to impose a unipolar order on everyone.", "kremlin", "aggression"),
    ("wanting war", "The Anglo-Saxons want war, not peace.", "kremlin", "aggression"),
    ("wanting war", "These warmongers will not stop.", "kremlin", "aggression"),
    ("the adversary's war", "Putin's war has ruined his own economy.", "other", "aggression"),
    # aggression: build-up by other words, attacks aimed at civilians
    ("build-up", "Moscow keeps 90,000 soldiers at the border.", "other", "aggression"),
    ("build-up", "Fresh soldiers near the border worry the capital.", "ukraine", "aggression"),
    ("civilians", "The missiles hit civilian infrastructure again overnight.", "ukraine", "aggression"),
    ("civilians", "Their troops make no difference between soldiers and military targets and schools.", "ukraine",
     "aggression"),
    ("civilians", "This is a war against civilians.", "ukraine", "aggression"),
    # casualties: a person shot, death tolls
    ("shot", "A volunteer was shot by a sniper near the bridge.", "other", "casualties"),
    ("shot", "Two farmers were shot dead on the road.", "other", "casualties"),
    ("death toll", "The epidemic claimed tens of thousands of lives.", "other", "casualties"),
    ("death toll", "The flood claimed the lives of six children.", "other", "casualties"),
    # diplomacy: addresses to parliaments, calls, membership bids, bans
    ("address", "Today I addressed the parliament of Portugal.", "ukraine", "diplomacy"),
    ("address", "Next week I will address the Bundestag.", "ukraine", "diplomacy"),
    ("calls", "The two leaders held several telephone calls this month.", "other", "diplomacy"),
    ("membership bid", "Georgia submitted the application on Thursday.", "other", "diplomacy"),
    ("membership bid", "Both countries applied for membership last spring.", "other", "diplomacy"),
    ("bans", "Finland wants a visa ban for tourists from the aggressor state.", "ukraine", "diplomacy"),
    ("bans", "The union agreed an import ban on steel.", "other", "diplomacy"),
    # legitimacy: the right to choose
    ("right to choose", "Every nation is free to choose its alliances.", "other", "legitimacy"),
    ("right to choose", "Joining the bloc is our sovereign right.", "ukraine", "legitimacy"),
    # resistance: countering the adversary's attack
    ("counter", "The battalion was sent to counter a possible invasion from the north.", "other", "resistance"),
    # disinformation: pretexts
    ("pretext", "They attempted to justify the strike with an invented story.", "ukraine", "disinformation"),
    ("pretext", "The regime is trying to justify its crimes.", "ukraine", "disinformation"),
    # achievement and booster
    ("record", "Our exporters set a record this year.", "kremlin", "achievement"),
    ("achieving goals", "Nothing will prevent us from achieving our goals.", "kremlin", "achievement"),
    ("certainty", "One thing is for sure: we will rebuild.", "ukraine", "booster"),
    ("certainty", "It is obvious that the talks have failed.", "other", "booster"),
]


@pytest.mark.parametrize("family, text, side, category", FRAMED)
def test_a_v23_family_frames_its_sentence(family, text, side, category):
    assert category in categories(text, side), (family, text)


# (rule, sentence, side, category it must NOT carry)
NOT_FRAMED = [
    ("could of ability is no hedge", "We could not reach the village before dark.", "other", "hedge"),
    ("could of ability is no hedge", "From the hill they could see the whole valley.", "other", "hedge"),
    ("suggested is a reporting verb", "He suggested a meeting in Geneva.", "other", "hedge"),
    ("a shot is no casualty", "It was a shot across the bow, nothing more.", "other", "casualties"),
    ("shot down stays resistance", "Our air defence shot down two drones.", "ukraine", "casualties"),
    ("a reported claim with no lives", "He claimed the drones came from the south.", "other", "casualties"),
    ("a death toll is no hedge", "The epidemic claimed tens of thousands of lives.", "other", "hedge"),
    ("a death toll is no hedge", "The flood claimed the lives of six children.", "other", "hedge"),
    ("counter only against an attack", "We must counter their propaganda with facts.", "other", "resistance"),
    ("an obvious thing is no booster", "There is an obvious contrast between the two cities.", "other", "booster"),
    ("despite is a connective", "Despite the rain, the market opened.", "ukraine", "adversity"),
    ("a discussion is no diplomacy", "We held a long discussion on teacher training.", "kremlin", "diplomacy"),
    ("domestic involvement", "With your direct involvement the new law was passed.", "kremlin", "aggression"),
]


@pytest.mark.parametrize("rule, text, side, category", NOT_FRAMED)
def test_a_v23_family_keeps_its_limits(rule, text, side, category):
    assert category not in categories(text, side), (rule, text)


def test_shot_down_is_still_resistance_and_shot_still_harm_after_a_passive():
    assert "resistance" in categories("Our air defence shot down two drones.", "ukraine")
    assert "casualties" in categories("He was shot in the street.", "other")


@pytest.mark.parametrize("text, category", [
    ("We will win, that is for sure.", "booster"),
    ("Our exporters set a new record.", "achievement"),
    ("They keep launching attacks against civilians.", "aggression"),
    ("Allies will help for as long as it takes.", "diplomacy"),
])
def test_phrases_that_begin_with_their_rare_word_still_frame_the_common_wording(text, category):
    """"for sure", "a new record", "against civilians", "as long as it takes" are written from their rarer word
    with a context rule (a phrase beginning with "for", "as" or "new" slows the matcher)."""
    assert category in categories(text, "ukraine")


@pytest.mark.parametrize("text, category", [
    ("Make sure the doors are locked.", "booster"),
    ("The record shows no such meeting.", "achievement"),
    ("Civilians left the city at dawn.", "aggression"),
])
def test_the_rare_word_alone_is_no_frame(text, category):
    assert category not in categories(text, "ukraine")
