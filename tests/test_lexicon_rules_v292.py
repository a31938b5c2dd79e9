"""Lexicon v2.9.2: three phrases of v2.9 narrowed to their war reading (the review's S4), each on a composed sentence
(never article text). The narrowing tests fail on v2.9.1; the controls ("stay") pass on v2.9.1 too."""
import pytest

from support import lexicon_counts as cats


# -- "will endure": holding out is the speaker's own side's ---------------------------------------------------------
@pytest.mark.parametrize("text, side", [
    ("The bitterness of these months will endure for a generation.", "ukraine"),
    ("Such high fuel prices will endure well into the spring.", "kremlin"),
    ("Ukraine will endure whatever comes, the analyst wrote.", "other"),  # no own side of a third party's
])
def test_will_endure_without_the_own_side_enduring_is_no_resistance(text, side):
    assert "resistance" not in cats(text, side)


@pytest.mark.parametrize("text, side", [
    ("We will endure this winter as we endured the last.", "ukraine"),
    ("Our soldiers will endure any hardship at the front.", "kremlin"),
    ("Ukraine will endure and rebuild its cities.", "ukraine"),
])
def test_will_endure_by_the_own_side_stays_resistance(text, side):
    assert "resistance" in cats(text, side)


# -- "firing at" dismissing, and "inflicted" with no doer (a storm, a drought): no attack ---------------------------------
@pytest.mark.parametrize("text", [
    "The carmaker is firing at least three hundred staff at its northern plant.",
    "After the merger the bank began firing at least one manager a week.",
    "With the new coach the team is firing on all cylinders.",
    "The storm inflicted heavy damage on power lines across the region.",
    "Years of drought have inflicted real harm on the grain farms.",
    "The floods are inflicting new costs on small towns.",
])
def test_firing_at_least_or_an_inflicted_harm_with_no_doer_is_no_attack(text):
    got = cats(text, "ukraine")
    assert "aggression" not in got and "achievement" not in got


@pytest.mark.parametrize("text, side, cat", [
    ("The invaders keep firing at apartment blocks in the south.", "ukraine", "aggression"),
    ("Ukrainian gunners were firing on our positions all night.", "kremlin", "aggression"),
    ("Our artillery inflicted heavy damage on an enemy column.", "ukraine", "achievement"),
    ("The occupiers inflicted terrible suffering on the villagers.", "ukraine", "aggression"),
    ("Russian troops are inflicting damage on Ukrainian towns every day.", "ukraine", "aggression"),
])
def test_firing_at_a_target_or_a_harm_inflicted_by_a_side_stays_an_attack(text, side, cat):
    assert cat in cats(text, side)
