"""Lexicon v2.9: precision of the rare categories on belligerents' claims (topic words, perspective, blockers) and a
few phrasings the codebook names, each on a composed sentence (never article text). Each family's test fails on
v2.8; the controls ("stays", "keeps") pass on v2.8 too."""
import pytest

from support import lexicon_counts as cats


# -- booster: totality on the speaker's stance, not on a fact (§3 booster: totality words that describe a fact) ------
@pytest.mark.parametrize("text", [
    "The ministry will fully implement the new programme.",
    "The old bridge has been completely replaced.",
    "The labour market has fully recovered this year.",
    "The funds were fully included in the regional budget.",
    "They could not break the city completely.",
    "The queue problem was resolved completely in two provinces.",
])
def test_totality_describing_a_fact_is_no_booster(text):
    assert "booster" not in cats(text, "kremlin")


@pytest.mark.parametrize("text", [
    "I fully agree with the governor on this.",
    "These reports are completely untrue.",
    "We totally reject such nonsense, it is totally false.",
    "I fully support the decision of the commanders.",
])
def test_totality_on_the_speakers_stance_stays_a_booster(text):
    assert "booster" in cats(text, "ukraine")


def test_confident_and_convinced_are_boosters_only_as_the_speakers_certainty():
    assert "booster" in cats("I am confident that the front will hold.", "ukraine")
    assert "booster" in cats("We are deeply convinced that the sanctions work.", "ukraine")
    assert "booster" not in cats("The aid lets farmers feel confident again.", "ukraine")
    assert "booster" not in cats("Perhaps the generals can be convinced by facts.", "ukraine")


def test_without_a_doubt_is_a_booster():
    assert "booster" in cats("Without a doubt, the shelling of the port is a crime.", "ukraine")


# -- achievement: topic words and greetings (G2) ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The plant will launch advanced projects in metallurgy next year.",
    "Teachers can take advanced training courses online.",
    "Our skier won a silver medal at the games.",
    "We wish the team every success this season.",
    "We have collected many success stories from the regions.",
])
def test_an_adjective_a_prize_or_a_greeting_is_no_achievement(text):
    assert "achievement" not in cats(text, "kremlin")


def test_an_advance_of_troops_stays_achievement():
    assert "achievement" in cats("Our troops advanced three kilometres along the river.", "ukraine")


def test_the_second_world_wars_victory_is_history_honoured_not_an_achievement():
    got = cats("We will never forget the victory over Nazism and those who won it for us.", "kremlin")
    assert "legitimacy" in got


# -- perspective: the own side as object or target (G4) -------------------------------------------------------------
def test_us_is_never_the_doer_of_the_next_attack():
    got = cats("They keep sending troops to kill us, to destroy our villages.", "ukraine")
    assert "achievement" not in got and "aggression" in got


def test_under_an_attack_the_speaker_is_its_target():
    got = cats("Our northern towns are under constant shelling.", "ukraine")
    assert "achievement" not in got and "aggression" in got


@pytest.mark.parametrize("text, side, cat", [
    ("Our positions near the river were shelled overnight.", "ukraine", "aggression"),
    ("Enemy ammunition depots were destroyed near the border.", "kremlin", "achievement"),
    ("The enemy battalion was routed at dawn.", "ukraine", "achievement"),
    ("Our soldiers were attacked near the railway.", "kremlin", "aggression"),
])
def test_a_passive_names_whom_the_attack_befell(text, side, cat):
    assert cat in cats(text, side)


def test_an_attack_by_named_agents_stays_theirs():
    assert "achievement" in cats("Russian depots were struck by our artillery.", "ukraine")


def test_inflicting_damage_is_an_attack_read_by_perspective():
    assert "achievement" in cats("Our gunners inflicted serious damage on the enemy column.", "ukraine")


# -- resistance: whose defending, and defence as a topic (G2, G4) ---------------------------------------------------
@pytest.mark.parametrize("text, side", [
    ("The Ukrainian army continues to resist in the ruins.", "kremlin"),
    ("Ukrainian units still defend the outskirts, the ministry said.", "kremlin"),
])
def test_the_adversarys_defending_is_not_the_speakers_resistance(text, side):
    assert "resistance" not in cats(text, side)


def test_the_enemy_driven_out_stays_the_own_sides_resistance():
    assert "resistance" in cats("The enemy was driven out of two districts.", "ukraine")


@pytest.mark.parametrize("text", [
    "Glory to all our defenders!",
    "Today the defenders of the port city were given state awards.",
    "I thanked the minister for the defensive and political support.",
    "They promised more support for our defence systems.",
    "The fight against corruption must go on in every region.",
    "Europe must be able to defend its values and interests.",
])
def test_a_name_for_soldiers_aid_or_a_policy_field_is_no_resistance(text):
    assert "resistance" not in cats(text, "ukraine")


@pytest.mark.parametrize("text", [
    "Our marines rebuffed the assault on the bridge.",
    "We will endure, whatever they send against us.",
])
def test_repelling_and_holding_out_by_other_words_are_resistance(text):
    assert "resistance" in cats(text, "ukraine")


def test_a_refused_proposal_is_no_resistance():
    assert "resistance" not in cats("The minister rebuffed the proposal of the opposition.", "ukraine")


# -- adversity: a hard task or topic, a lack of something abstract (§3 adversity) -----------------------------------
@pytest.mark.parametrize("text", [
    "This is a difficult job, and we need good people for it.",
    "It is a complicated issue that cannot be solved overnight.",
    "He spoke of a lack of pressure on the other side to keep its word.",
    "The root of the problem is the other side's refusal to talk.",
])
def test_a_hard_task_or_an_abstract_lack_is_no_adversity(text):
    assert "adversity" not in cats(text, "kremlin")


@pytest.mark.parametrize("text", [
    "Our gunners lack shells on this part of the front.",
    "The brigade is running low on fuel.",
    "Our units were forced to withdraw from the village.",
])
def test_shortages_and_the_own_sides_retreat_are_adversity(text):
    got = cats(text, "ukraine")
    assert "adversity" in got and "achievement" not in got


def test_the_adversarys_retreat_and_shortage_are_its_poor_position():
    assert "achievement" in cats("The occupiers were forced to retreat from the island.", "ukraine")
    # a bare "they" with no antecedent in the claim stays the adversary (v2.9.1: an own antecedent wins, see
    # test_lexicon_rules_v291.py)
    assert "achievement" in cats("They are running low on missiles.", "ukraine")


def test_a_difficult_situation_stays_adversity():
    assert "adversity" in cats("The situation at the front is difficult.", "ukraine")


# -- achievement by the codebook's wording: control taken, going to plan ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Our forces took full control of the settlement.",
    "The offensive is going according to plan.",
])
def test_gains_by_other_words_are_achievement(text):
    assert "achievement" in cats(text, "kremlin")


def test_seizing_the_initiative_stays_achievement():
    assert "achievement" in cats("Our brigades have seized the initiative in the south.", "kremlin")


def test_a_plan_not_going_to_plan_is_no_achievement():
    assert "achievement" not in cats("The offensive is not going according to plan.", "kremlin")


# -- casualties: institutions, jobs and illness are no harm (§3 casualties: concrete harm) ---------------------------
@pytest.mark.parametrize("text", [
    "I ask all investigative bodies to record these crimes in detail.",
    "The fund pays people who have lost their jobs.",
    "More beds were set up for hospitalised patients with covid.",
    "Easter speaks of the triumph of life over death.",
])
def test_institutions_jobs_illness_and_abstract_death_are_no_casualties(text):
    assert "casualties" not in cats(text, "ukraine")


@pytest.mark.parametrize("text", [
    "Dozens of soldiers have lost their lives in the attack.",
    "The bodies of four civilians were found in the yard.",
    "Two residents were hospitalised after the strike.",
])
def test_concrete_harm_stays_casualties(text):
    assert "casualties" in cats(text, "ukraine")


# -- second reading of the audit (a fresh sample after the first fixes) ---------------------------------------------
def test_a_seized_plant_of_the_own_side_is_the_adversarys_capture():
    got = cats("We fear an accident at the seized Ukrainian reactor site.", "ukraine")
    assert "achievement" not in got and "aggression" in got


def test_recapturing_the_own_sides_villages_stays_achievement():
    assert "achievement" in cats("Our brigades recaptured Ukrainian villages near the river.", "ukraine")


def test_the_adversary_defeated_in_a_passive_is_the_own_sides_achievement():
    assert "achievement" in cats("Near the lake the enemy was defeated.", "ukraine")


def test_working_according_to_plan_is_an_agenda_not_an_achievement():
    assert "achievement" not in cats("After the greetings we will begin working according to plan.", "kremlin")


@pytest.mark.parametrize("text", [
    "The general is not fully aware of what happens at the front.",
    "I don't really know what they intend.",
])
def test_a_negated_totality_is_no_booster(text):
    assert "booster" not in cats(text, "ukraine")


def test_a_fight_against_us_is_not_the_speakers_resistance():
    assert "resistance" not in cats("Thousands of conscripts will be sent to fight against us.", "ukraine")


@pytest.mark.parametrize("text", [
    "This is our common struggle for freedom!",
    "We honour the struggle of many generations before us.",
])
def test_a_struggle_as_a_cause_is_no_adversity(text):
    assert "adversity" not in cats(text, "ukraine")


def test_struggling_to_do_something_stays_adversity():
    assert "adversity" in cats("We are struggling to repair the power lines in time.", "ukraine")


@pytest.mark.parametrize("text", [
    "Faith teaches that life overcomes death.",
    "The small republic fell victim to a plot of foreign groups.",
    "The fatality rates differ between the regions.",
])
def test_idioms_and_statistics_are_no_casualties(text):
    assert "casualties" not in cats(text, "kremlin")


# -- third reading (a last fresh sample) -------------------------------------------------------------------------------
def test_the_adversary_besieging_is_its_aggression_not_the_speakers_achievement():
    got = cats("Enemy columns came and besieged the town for weeks.", "ukraine")
    assert "achievement" not in got and "aggression" in got


def test_the_besieged_own_city_stays_adversity():
    assert "adversity" in cats("The besieged city has had no water for days.", "ukraine")


def test_unable_to_repel_is_no_resistance():
    assert "resistance" not in cats("The small garrison was unable to repel the assault.", "ukraine")


def test_weapons_in_a_passive_are_their_sides_attack():
    # a guard (holds on v2.8; failed on a v2.9 draft that read every passive's marker as the attack's object)
    got = cats("Russian missiles were launched at the capital overnight.", "ukraine")
    assert "aggression" in got and "achievement" not in got


def test_the_own_territory_attacked_in_a_passive_is_aggression():
    got = cats("Russian territory was attacked again last night.", "kremlin")
    assert "aggression" in got and "achievement" not in got


# -- the harm the adversary's attack did is not its losses (G4, §3 casualties) ---------------------------------------
@pytest.mark.parametrize("text, side", [
    ("Enemy artillery strikes caused casualties in two villages.", "ukraine"),
    ("Despite Russia's aggression and heavy casualties, the city keeps working.", "ukraine"),
    ("Ukrainian shelling caused casualties in the town again.", "kremlin"),
    ("Enemy missile strikes caused heavy losses among civilians.", "ukraine"),
    ("Russia's invasion has caused immense suffering to our people.", "ukraine"),
])
def test_harm_after_the_adversarys_attack_is_the_speakers_side_harm(text, side):
    got = cats(text, side)
    assert "achievement" not in got and ("casualties" in got or "adversity" in got)


def test_the_adversary_suffering_losses_after_its_attack_stays_achievement():
    assert "achievement" in cats("The enemy attacked and suffered heavy losses.", "ukraine")


def test_the_adversarys_stalled_offensive_stays_its_poor_position():
    assert "achievement" in cats("Their offensive is bogged down near the river.", "ukraine")


# -- a recall scan of belligerents' war claims (the demo press releases, unlabelled) ----------------------------------
def test_a_negated_stopping_keeps_the_frame():
    assert "aggression" in cats("They did not stop shelling our villages for a day.", "ukraine")


def test_a_negator_before_the_frame_word_still_cancels_it():
    assert "aggression" not in cats("The enemy did not shell the village yesterday.", "ukraine")


def test_the_adversary_killing_in_the_progressive_is_its_harm_not_its_losses():
    got = cats("The invaders were killing civilians on the roads.", "ukraine")
    assert "achievement" not in got and "casualties" in got


@pytest.mark.parametrize("text, side, cat", [
    ("The enemy is firing at our towns with heavy guns.", "ukraine", "aggression"),
    ("Our gunners opened fire on enemy trenches.", "ukraine", "achievement"),
])
def test_firing_is_an_attack_read_by_perspective(text, side, cat):
    assert cat in cats(text, side)


def test_advanced_detachments_are_no_achievement():
    assert "achievement" not in cats("Advanced detachments of the Russian army appeared at the border.", "ukraine")
