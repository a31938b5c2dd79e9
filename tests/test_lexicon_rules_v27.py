"""Lexicon v2.7: general families for where coder 2 and the press-release codebook coder read the codebook differently
from the lexicon, each on a composed sentence (never article text). Each family's test fails on v2.6; the controls
("still", "stays") pass on v2.6 too, and so do the guards at the end (issue 25's patterns, held since v2.1/v2.6)."""
import pytest

from support import lexicon_counts as cats


# -- diplomacy is between states (§3): a leader's visits and meetings with his own troops, wounded or residents -----
@pytest.mark.parametrize("text, side", [
    ("The president visited frontline positions of our brigades near the city.", "ukraine"),
    ("The minister visited the wounded in a military hospital.", "kremlin"),
    ("During his trip he visits troops stationed in the north.", "ukraine"),
    ("She met with servicemen returning from the front.", "ukraine"),
    ("The governor met with residents of the flooded district.", "kremlin"),
])
def test_a_visit_or_meeting_at_home_is_no_diplomacy(text, side):
    assert "diplomacy" not in cats(text, side)


@pytest.mark.parametrize("text", ["The president visited Warsaw and Berlin this week.",
                                  "The minister met with his French counterpart.",
                                  "He will visit the United States in March."])
def test_a_visit_or_meeting_abroad_stays_diplomacy(text):
    assert "diplomacy" in cats(text, "ukraine")


def test_talking_about_a_subject_is_no_talks():
    assert "diplomacy" not in cats("Today I want to talk about the economy and prices.", "kremlin")
    assert "diplomacy" in cats("We are ready to talk to them.", "kremlin")
    assert "diplomacy" in cats("The talks will resume on Monday.", "kremlin")


def test_driving_the_occupiers_out_is_no_expulsion_of_diplomats():
    found = cats("After the expulsion of the occupiers the town began to rebuild.", "ukraine")
    assert "diplomacy" not in found and "aggression" in found
    assert "diplomacy" in cats("The expulsion of twenty diplomats was announced today.", "kremlin")


def test_the_right_to_join_an_alliance_is_also_membership():
    found = cats("Every nation is free to join NATO if it chooses.", "other")
    assert "legitimacy" in found and "diplomacy" in found


# -- resistance needs defensive wording (§3): an intelligence intercept is none -------------------------------------
@pytest.mark.parametrize("text", ["Our intelligence intercepted a conversation between two officers.",
                                  "The service intercepted their plans to sabotage the railway.",
                                  "Investigators intercepted calls from the occupied city."])
def test_an_intercepted_message_is_no_resistance(text):
    assert "resistance" not in cats(text, "ukraine")


def test_intercepted_drones_stay_resistance():
    assert cats("Our air defence intercepted nine drones overnight.", "ukraine").get("resistance") == 1.0


# -- casualties need concrete harm (§3, G5): commemoration and intent are none ---------------------------------------
@pytest.mark.parametrize("text", ["We will honour the memory of those who died defending the country.",
                                  "The nation paid tribute to the soldiers killed in the last war.",
                                  "Each year we remember those who died at the front."])
def test_commemorating_the_dead_is_no_casualty_report(text):
    found = cats(text, "kremlin")
    assert "casualties" not in found
    assert "legitimacy" in found or "remember" in text  # honouring (memory, tribute) stays legitimacy


@pytest.mark.parametrize("text", ["They are trying to hurt the economy of the region.",
                                  "Their only desire is to hurt us."])
def test_an_intent_to_hurt_is_no_casualty(text):
    assert "casualties" not in cats(text, "ukraine")


@pytest.mark.parametrize("text", ["Six people died in the attack on the market.",
                                  "Eleven civilians were killed and four were hurt."])
def test_reported_deaths_and_injuries_stay_casualties(text):
    assert "casualties" in cats(text, "ukraine")


# -- issue 25's composed patterns not already guarded in test_lexicon_rules_v26.py (guards; they pass on v2.6) ----
@pytest.mark.parametrize("text, side, has, lacks", [
    ("We were forced to answer the shelling by the militants.", "kremlin", "aggression", "achievement"),
    ("Russia is massing troops for a new push in the east.", "ukraine", "aggression", None),
    ("This war has returned Europe to its darkest years.", "other", "aggression", None),
])
def test_issue_patterns_still_hold(text, side, has, lacks):
    found = cats(text, side)
    assert has is None or has in found
    assert lacks is None or lacks not in found


# -- the codebook's own wording by other words (§3; no tuning figure moved: the tuning items hold none of them alone) -
@pytest.mark.parametrize("text, side, category", [
    ("Another incursion into the region was reported.", "other", "aggression"),
    ("The ministry suffered a massive cyberattack on Monday.", "ukraine", "aggression"),
    ("This is a hybrid war against the whole continent.", "ukraine", "aggression"),
    ("Their troops committed horrific acts in the villages.", "ukraine", "aggression"),
    ("The Kiev regime has no support among its people.", "kremlin", "legitimacy"),
    ("Our soldiers hit back within hours.", "ukraine", "resistance"),
    ("The garrison held off wave after wave.", "ukraine", "resistance"),
    ("We will stand up to this pressure.", "ukraine", "resistance"),
    ("The people remain unbowed.", "ukraine", "resistance"),
    ("The brigades face a shortfall of shells.", "ukraine", "adversity"),
    ("The hospitals are working under strain.", "ukraine", "adversity"),
    ("Forty people were hospitalised after the blast.", "other", "casualties"),
    ("Dozens are trapped under the collapsed building.", "other", "casualties"),
    ("Whole districts were left without water.", "ukraine", "casualties"),
    ("He spoke of what Moscow called a special operation.", "other", "hedge"),
    ("The figure could not be verified.", "other", "hedge"),
    ("The general is thought to be in the south.", "other", "hedge"),
])
def test_codebook_wording_by_other_words(text, side, category):
    assert category in cats(text, side)


def test_our_own_side_striking_back_is_resistance_not_achievement():
    found = cats("Our forces struck back at dawn.", "ukraine")
    assert found.get("resistance") == 1.0 and "achievement" not in found


# -- precision: words of a frame used for something else (G2) -------------------------------------------------------
def test_a_clear_signal_is_evidential_not_a_booster():
    assert "booster" not in cats("The vote is a clear signal that the coalition holds.", "other")
    assert "booster" in cats("It is clear that the coalition holds.", "other")


@pytest.mark.parametrize("text", ["The officials responsible for these matters joined the meeting.",
                                  "The agency is responsible for implementing the new rules.",
                                  "The regions are only responsible for general waste."])
def test_responsible_for_a_duty_is_no_accountability(text):
    assert "legitimacy" not in cats(text, "kremlin")


def test_responsible_for_a_war_stays_legitimacy():
    assert "legitimacy" in cats("Those responsible for this war will answer.", "ukraine")


@pytest.mark.parametrize("text", ["Families with children will receive state support.",
                                  "The new support measures cover small firms.",
                                  "I support the idea of a new hospital in the city."])
def test_domestic_support_is_no_diplomacy(text):
    assert "diplomacy" not in cats(text, "kremlin")


def test_support_for_a_state_stays_diplomacy():
    assert "diplomacy" in cats("We thank Poland for its support.", "ukraine")
    assert "diplomacy" in cats("Germany will support Ukraine for as long as needed.", "other")


@pytest.mark.parametrize("text", ["I thank all our doctors and nurses for their work.",
                                  "I am grateful to the rescuers who put out the fire."])
def test_gratitude_to_ones_own_workers_is_no_diplomacy(text):
    assert "diplomacy" not in cats(text, "ukraine")
