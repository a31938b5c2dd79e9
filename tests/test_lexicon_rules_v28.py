"""Lexicon v2.8: general families for the categories a belligerent-rich sample leans on (achievement, resistance,
adversity) and the enemy's poor position by perspective, each on a composed sentence (never article text). Each
family's test fails on v2.7; the controls ("stays", "none") pass on v2.7 too."""
import pytest

from narrative.lexicons.perspective import default_perspective

from support import lexicon_counts as cats


# -- achievement: the own side's gains by other words (§3: advances, captures or liberates ground) -------------------
@pytest.mark.parametrize("text, side", [
    ("Our brigades pushed back the enemy from the river bank.", "ukraine"),
    ("The paratroopers pushed the enemy back by two kilometres.", "ukraine"),
    ("The whole district is now under our control.", "kremlin"),
    ("Our units established control over the railway junction.", "kremlin"),
    ("The hamlet has been cleared of enemy troops.", "ukraine"),
    ("Artillery forced the enemy to abandon the bridgehead.", "ukraine"),
    ("All the tasks were fulfilled, the commander reported.", "kremlin"),
    ("The battalion improved the tactical position near the hill.", "kremlin"),
    ("The units moved to more advantageous lines.", "kremlin"),
    ("Life is returning to the de-occupied villages.", "ukraine"),
    ("Our brigades broke through the first line.", "ukraine"),
])
def test_the_own_sides_gains_by_other_words_are_achievement(text, side):
    assert "achievement" in cats(text, side)


def test_a_delay_pushed_back_is_no_gain():
    assert "achievement" not in cats("The vote on the budget was pushed back to May.", "ukraine")


def test_the_adversarys_breakthrough_is_its_offensive():
    got = cats("The enemy broke through near the village.", "ukraine")
    assert "aggression" in got and "achievement" not in got


# -- destroying the enemy by other words: attack phrases, so perspective decides ----------------------------------
@pytest.mark.parametrize("text", [
    "Our gunners wiped out an enemy column.",
    "We knocked out three enemy tanks.",
    "Our drones put out of action two enemy radars.",
    "Our artillery inflicted fire damage on enemy positions.",
    "Our special forces liquidated the enemy sabotage group.",
])
def test_destroying_the_enemy_by_other_words_is_achievement(text):
    assert "achievement" in cats(text, "ukraine")


def test_the_adversary_wiping_out_a_village_is_aggression():
    got = cats("The enemy wiped out a whole village.", "ukraine")
    assert "aggression" in got and "achievement" not in got


# -- the enemy's poor position (§3 achievement: "the front is collapsing for them"): "they"/"them" as the adversary -
@pytest.mark.parametrize("text, side", [
    ("They are demoralised and the front is collapsing for them.", "ukraine"),
    ("Their morale is low after the winter.", "kremlin"),
    ("The invaders are panicking and in retreat.", "ukraine"),
    ("Russian troops are demoralized.", "ukraine"),
    ("Their units are riddled with desertion.", "kremlin"),
])
def test_the_enemys_poor_position_is_achievement(text, side):
    got = cats(text, side)
    assert "achievement" in got and "adversity" not in got


def test_the_own_sides_poor_position_stays_adversity():
    got = cats("Our soldiers are exhausted and demoralised.", "ukraine")
    assert "adversity" in got and "achievement" not in got


def test_a_pronoun_names_the_adversary_only_for_a_plight():
    view = default_perspective()
    words = "the front is collapsing for them".split()
    assert view.holder(words, 3, 1, plight=True) == "adversary"
    assert view.holder(words, 3, 1) is None
    # "they" beside a casualty word is no side marker: civilians killed stay casualties, no achievement
    got = cats("They were killed when the shell hit the bus stop.", "ukraine")
    assert "casualties" in got and "achievement" not in got


# -- losses are their holder's: the enemy's are achievement, the own side's adversity -------------------------------
def test_the_enemys_heavy_losses_are_achievement():
    assert "achievement" in cats("The enemy suffered heavy losses in the attack.", "ukraine")
    assert "achievement" in cats("They suffered heavy losses near the town.", "ukraine")  # held on v2.7 too


def test_the_own_sides_heavy_losses_are_no_achievement():
    got = cats("Our battalion suffered heavy losses near the village.", "ukraine")
    assert "achievement" not in got and "adversity" in got


# -- resistance: holding ground and stopping the enemy by other words (§3: holding out, defending, repelling) ------
@pytest.mark.parametrize("text, side", [
    ("Our units are holding the town for the third week.", "ukraine"),
    ("The garrison continues to hold its positions.".replace("its", "the"), "ukraine"),
    ("The city is holding on.", "ukraine"),
    ("We must hold firm until the spring.", "ukraine"),
    ("Our soldiers are holding the defence in the east.", "ukraine"),
    ("The brigade halted the enemy advance at the canal.", "ukraine"),
    ("Our units stopped the offensive from the south.", "ukraine"),
    ("Our men did not allow the enemy to cross the river.", "ukraine"),
    ("The marines are fighting off attacks day and night.", "kremlin"),
    ("Our forces stabilised the front near the city.", "kremlin"),
    ("Our army keeps holding back the enemy's best units.", "ukraine"),
])
def test_holding_ground_and_stopping_the_enemy_are_resistance(text, side):
    assert "resistance" in cats(text, side)


@pytest.mark.parametrize("text", [
    "The two ministers are holding talks in Vienna.",
    "The company holds leading positions in the market.",
    "The plant halted production for a week.",
    "A meeting was held in the town hall.",
])
def test_holding_talks_a_post_or_a_halted_plant_is_no_resistance(text):
    assert "resistance" not in cats(text, "kremlin")


def test_a_quoted_intercepted_plan_is_no_resistance():
    assert "resistance" not in cats("Intelligence said it had intercepted a “plan” to seize the airport.", "ukraine")


@pytest.mark.parametrize("quoted", ["«plan»", "„plan“", "“plan”", '"plan"'])
def test_an_opening_mark_of_any_convention_is_read_over_and_takes_no_slot(quoted):
    # "intercepted" reads 3 words after it: "an enemy plan" is 3 words, the opening mark is a fourth token
    text = f"Intelligence said it had intercepted an enemy {quoted} to seize the airport."
    assert "resistance" not in cats(text, "ukraine")


def test_a_closing_mark_still_ends_the_window():
    from narrative.lexicons.context import default_context

    rule = next(r for r in default_context()["intercepted"] if r.category == "resistance")
    assert rule.applies("they intercepted « the plan".split(), 1, 1)
    assert not rule.applies("they intercepted » the plan".split(), 1, 1)
    assert not rule.applies("they intercepted the drones . plan".split(), 1, 1)


# -- adversity: hardship by other words (§3: difficulties, hardship, shortages, pressure) ---------------------------
@pytest.mark.parametrize("text", [
    "It is not easy for our people this winter.",
    "Our crews are close to exhaustion.",
    "War fatigue is growing in the villages.",
    "The brigades are short of shells.",
    "Artillery rounds are in short supply at the front.",
    "Fierce battles go on for the hills.",
    "Fighting is ongoing in the suburbs.",
    "The situation is tense along the whole line.",
    "The last month was hellish for the garrison.",
])
def test_hardship_by_other_words_is_adversity(text):
    assert "adversity" in cats(text, "ukraine")


def test_short_of_a_miracle_is_no_shortage():
    assert "adversity" not in cats("Nothing short of a miracle saved the harvest.", "ukraine")


def test_a_pronoun_holder_counts_only_for_a_plight_phrase():
    # a guard (holds on v2.7; failed on a v2.8 draft where "heavy" alone began a plight): "heavy losses" is a plight,
    # "heavy fighting" stays the own side's hardship whoever "they" are
    assert "achievement" in cats("They suffered heavy losses at the bridge.", "ukraine")
    got = cats("They are facing heavy fighting near the bridge.", "ukraine")
    assert "adversity" in got and "achievement" not in got
