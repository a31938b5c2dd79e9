"""Lexicon v2.6: the rules and phrases for issue 25's error patterns on unseen news, each on a composed sentence (never
article text). Each pattern's test fails on v2.5; the controls beside them (what a rule must leave: "still", "stays",
"plain", "only when") and the last list (patterns v2.1 already fixed, kept as guards) pass on v2.5 too."""
import pytest

from narrative.lexicons import load_lexicon
from narrative.lexicons.perspective import RULES, default_perspective

from support import lexicon_counts as cats

LEX = load_lexicon()


def rules(text, side=None):
    return {h.phrase: h.rule for h in LEX.find(text, side=side)}


# -- perspective (G4, G6) ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, side", [
    ("The militants killed three civilians in our village.", "ukraine"),
    ("The enemy tortured the mayor of the town.", "ukraine"),
    ("Ukrainian nationalists murdered two volunteers.", "kremlin"),
])
def test_an_adversary_before_an_active_harm_verb_did_the_harm(text, side):
    """G6: the adversary's harm to others is casualties and aggression, not its losses (achievement)."""
    assert cats(text, side) == {"casualties": 1.0, "aggression": 1.0}
    assert "adversary's harm" in rules(text, side).values() and "adversary's harm" in RULES


@pytest.mark.parametrize("text", ["Two hundred enemy soldiers were killed near the river.",
                                  "Almost 3,000 enemy soldiers killed this week."])
def test_the_adversarys_soldiers_killed_are_still_its_losses(text):
    assert cats(text, "ukraine") == {"achievement": 1.0}


@pytest.mark.parametrize("text, side", [
    ("We are planning to strike their depots next week.", "ukraine"),
    ("Our army is ready to strike decision-making centres.", "kremlin"),
    ("Our troops are prepared to strike again.", "ukraine"),
    ("We will destroy every bridge they build.", "kremlin"),
])
def test_a_planned_or_threatened_own_strike_is_no_achievement(text, side):
    assert "achievement" not in cats(text, side)


def test_a_done_own_strike_stays_an_achievement_and_a_planned_enemy_strike_aggression():
    assert cats("Our forces struck enemy depots overnight.", "ukraine") == {"achievement": 1.0}
    assert cats("The enemy is preparing to strike the capital.", "ukraine") == {"aggression": 1.0}


@pytest.mark.parametrize("text, side", [
    ("For Ukraine, the attack on the bridge was a heavy blow.", "ukraine"),
    ("In Russia, the explosions destroyed two warehouses.", "kremlin"),
])
def test_a_side_marker_after_a_preposition_is_no_doer(text, side):
    assert "achievement" not in cats(text, side) and "aggression" in cats(text, side)


def test_a_third_partys_success_word_after_for_ukraine_has_no_doer():
    assert "achievement" not in cats("Analysts say that for Ukraine a quick win is unlikely.", "other")


@pytest.mark.parametrize("text", [
    "The depot was destroyed yesterday, when enemy troops withdrew.",
    "The bridge was shelled overnight, enemy sources said.",
])
def test_the_object_search_stops_at_a_new_clause(text):
    assert cats(text, "ukraine") == {"aggression": 1.0}


def test_struck_enemy_depots_still_reads_the_object():
    assert cats("Our drones struck enemy depots.", "ukraine") == {"achievement": 1.0}


@pytest.mark.parametrize("text, side, expected", [
    ("We were forced to answer the shelling of our villages.", "kremlin", {"legitimacy": 1.0, "aggression": 1.0}),
    ("Our artillery responded to the shelling of our positions.", "ukraine", {"aggression": 1.0}),
    ("We closed the airspace in response to the strikes.", "ukraine", {"aggression": 1.0}),
])
def test_an_answered_attack_is_the_adversarys(text, side, expected):
    assert cats(text, side) == expected


@pytest.mark.parametrize("text", ["We responded with strikes on their depots.",
                                  "Our retaliatory strikes hit their depots."])
def test_responding_with_strikes_is_the_answer_itself(text):
    assert cats(text, "ukraine") == {"achievement": 2.0 if "hit" in text else 1.0}


def test_strike_a_balance_is_no_attack():
    assert cats("We had to strike a balance between safety and jobs.", "kremlin") == {}


def test_compelled_to_is_legitimacy_and_forced_to_flee_is_none():
    assert cats("We were compelled to act after years of provocations.", "kremlin") == {
        "legitimacy": 1.0, "aggression": 1.0}
    assert "legitimacy" not in cats("Thousands of civilians were forced to flee their homes.", "ukraine")
    assert "legitimacy" not in cats("The families were compelled to leave the town.", "ukraine")


@pytest.mark.parametrize("text", [
    "We launched the operation in order to defend the people of the region.",
    "We had to defend our people.",
    "We were obliged to defend our citizens.",
    "The measures were taken with the aim of defending our citizens.",
])
def test_defend_after_a_purpose_word_is_legitimacy(text):
    found = cats(text, "kremlin")
    assert found.get("legitimacy") == 1.0 and "resistance" not in found


@pytest.mark.parametrize("text", ["We will defend the city.", "Our units defended the bridge for a week."])
def test_plain_defending_stays_resistance(text):
    assert cats(text, "ukraine") == {"resistance": 1.0}


@pytest.mark.parametrize("text, side", [
    ("The enemy lost two battalions near the river.", "ukraine"),
    ("Russian forces lost 300 tanks this month.", "ukraine"),
    ("The Ukrainian army lost 400 soldiers yesterday.", "kremlin"),
])
def test_the_enemy_lost_is_achievement(text, side):
    assert cats(text, side) == {"achievement": 1.0}


def test_lost_is_a_loss_only_with_a_side_and_no_ground():
    assert cats("Russian forces lost 300 tanks this month.", "other") == {"casualties": 1.0}
    assert cats("The mayor lost the vote.", "other") == {}
    assert "casualties" not in cats("The army lost ground near the river.", "other")
    assert "casualties" not in cats("Many Ukrainians lost their jobs this year.", "other")


# -- hypothetical harm (G5) -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Thousands could be killed if the dam breaks.",
    "A breach would leave hundreds dead.",
    "Civilians may be wounded by falling debris.",
])
def test_hypothetical_harm_is_no_casualty(text):
    assert "casualties" not in cats(text, "other")


def test_a_hedged_past_harm_is_still_a_casualty():
    assert "casualties" in cats("The strike may have killed twenty people.", "other")
    assert default_perspective().roles["harm"] == "casualties"  # the role the G5 rule reads (perspective.csv)


# -- denials after the verb (G3) ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "He accused Russia of shelling the market, an allegation Moscow has denied.",
    "She said Russian troops shelled the town, a claim Moscow rejected.",
    "He accused the army of looting the villages, an accusation the ministry denies.",
])
def test_a_denial_after_the_verb_by_a_singular_noun_cancels_the_frame(text):
    assert "aggression" not in cats(text, "other")


# -- hedges and topic words -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["I don't believe the ceasefire will hold.", "An escalation could not be excluded."])
def test_missed_hedges(text):
    assert "hedge" in cats(text, "other")


def test_be_excluded_is_a_hedge_only_when_negated():
    assert "hedge" not in cats("Russia should be excluded from the council.", "other")


@pytest.mark.parametrize("text, gone", [
    ("The region saw death and destruction.", {"aggression", "casualties"}),
    ("They marched on the Day of Victory.", {"achievement"}),
])
def test_topic_phrases_carry_no_frame(text, gone):
    assert not gone & set(cats(text, "kremlin"))


def test_massing_of_troops_is_aggression():
    assert cats("The massing of troops near our border worries us.", "ukraine") == {"aggression": 1.0}


# -- held since v2.1 (these pass on v2.5 too: guards, not new fixes) -------------------------------------------------
@pytest.mark.parametrize("text, side, has, lacks", [
    ("The militants shelled our town.", "kremlin", "aggression", "achievement"),
    ("They accuse Moscow of planning an offensive, which the Kremlin has repeatedly denied.", "other", None,
     "aggression"),
    ("Our units were able to successfully repel six assaults.", "ukraine", "resistance", "achievement"),
    ("The veterans gathered to celebrate Victory Day.", "kremlin", None, "achievement"),
    ("It appeared certain that the talks would fail.", "other", None, "booster"),
    ("The region is wholly dependent on imported fuel.", "other", None, "booster"),
    ("They believe that the sanctions will work.", "other", None, "hedge"),
    ("I don't think the war will end this year.", "other", "hedge", None),
    ("I am almost sure the deal will collapse.", "other", "hedge", None),
    ("A new offensive could not be ruled out.", "other", "hedge", None),
    ("The deportation of children is a crime.", "ukraine", "aggression", None),
    ("Russia is massing troops near the border.", "ukraine", "aggression", None),
    ("This barbaric shelling must stop.", "ukraine", "aggression", None),
    ("Our army has the weapons it needs.", "ukraine", None, "diplomacy"),
    ("This is a crisis they must deal with at home.", "other", None, "diplomacy"),
    ("The case goes to court next month.", "other", None, "legitimacy"),
])
def test_patterns_held_since_v21(text, side, has, lacks):
    found = cats(text, side)
    assert has is None or has in found
    assert lacks is None or lacks not in found
