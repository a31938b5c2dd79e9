"""Lexicon v2.9.1: fixes of v2.9 rules a review found reading too far, each on a composed sentence (never article
text). Each family's test fails on v2.9; the controls ("stays", "keeps") pass on v2.9 too."""
import pytest

from support import lexicon_counts as cats


# -- caused troubles: a trouble with its own holder, or the outcome the attacker suffered (M3) -------------------------
@pytest.mark.parametrize("text, side", [
    ("The enemy's night offensive ended in heavy losses for the invaders.", "ukraine"),
    ("Their assault on the hill failed with heavy losses for the Russian units.", "ukraine"),
    ("The Ukrainian attack near the dam ended with heavy losses for the Ukrainian brigades.", "kremlin"),
    ("Russian attacks go on, and Russian losses grow.", "ukraine"),
    ("After weeks of Russian shelling, the enemy's heavy losses forced a pause.", "ukraine"),
])
def test_the_attackers_own_losses_after_its_attack_stay_achievement(text, side):
    got = cats(text, side)
    assert "achievement" in got and "adversity" not in got


@pytest.mark.parametrize("text, side", [
    ("Russian drone strikes caused casualties among Ukrainian medics.", "ukraine"),
    ("Ukrainian shelling caused casualties among Russian volunteers in the village.", "kremlin"),
])
def test_harm_after_the_adversarys_attack_named_for_the_speakers_side_stays_harm(text, side):
    got = cats(text, side)
    assert "achievement" not in got and "casualties" in got


def test_the_harm_the_adversarys_attack_caused_stays_no_achievement():
    got = cats("Russian missile strikes caused casualties at the market.", "ukraine")
    assert "aggression" in got and "casualties" in got and "achievement" not in got


# -- a pronoun holder of a plight is its antecedent's side: the own side's hardship is no achievement (S5) -------------
@pytest.mark.parametrize("text, side", [
    ("Our gunners kept firing all week, but now they are running low on ammunition.", "ukraine"),
    ("Our marines defended the port for a month, yet in the end they were forced to retreat.", "ukraine"),
    ("Ukrainian crews fought hard near the river, but they are running out of fuel.", "ukraine"),
    ("Russian paratroopers held the airfield for days, but they were forced to withdraw.", "kremlin"),
])
def test_a_pronoun_whose_antecedent_is_the_own_side_names_its_hardship(text, side):
    got = cats(text, side)
    assert "achievement" not in got and "adversity" in got


@pytest.mark.parametrize("text, side", [
    ("The occupiers shelled the town all night, and now they are running low on shells.", "ukraine"),
    ("We hit their depots hard, and they are running low on fuel.", "ukraine"),  # "we" is no antecedent of "they"
    ("They are demoralised and short of everything.", "ukraine"),  # a bare "they": the adversary (v2.8)
])
def test_a_pronoun_whose_antecedent_is_the_adversary_or_none_stays_its_poor_position(text, side):
    assert "achievement" in cats(text, side)
