"""Lexicon v2.2–v2.5: the phrase families added for recall (CODEBOOK.md §3), each on composed sentences (never article
text): a sentence the family must frame, and for the families that need a neighbour (context.csv) or a side
(G4) a sentence it must not."""
import pytest

from support import lexicon_categories as categories


# (family, sentence, side, category it must carry)
FRAMED = [
    # aggression: crimes and atrocities
    ("crimes", "They are war criminals.", "ukraine", "aggression"),
    ("crimes", "Investigators recorded human rights violations in every village.", "other", "aggression"),
    ("crimes", "The monitors list arbitrary detentions and enforced disappearances.", "other", "aggression"),
    ("crimes", "We documented mass killings in the town.", "ukraine", "aggression"),
    ("crimes", "We documented mass killings in the town.", "other", "casualties"),
    # aggression: broken truces, blockade, coups, force
    ("broken truce", "The separatists broke the truce again at dawn.", "ukraine", "aggression"),
    ("broken truce", "The separatists broke the truce again at dawn.", "ukraine", "diplomacy"),
    ("broken truce", "Observers counted forty ceasefire violations overnight.", "other", "aggression"),
    ("blockade", "The enemy keeps our ports under blockade.", "ukraine", "aggression"),
    ("coup", "They tried to overthrow the elected government.", "other", "aggression"),
    ("coup", "The bloody coup in the capital started it all.", "kremlin", "aggression"),
    ("force", "They want to take the peninsula back by force.", "kremlin", "aggression"),
    ("force", "They want to take the peninsula back by military force.", "kremlin", "aggression"),
    # aggression: violations and infringements (and "executed" is an atrocity as well as a death)
    ("violations", "Their actions violate every agreement they signed.", "ukraine", "aggression"),
    ("violations", "The bridge is an infringement on our sovereignty.", "ukraine", "aggression"),
    ("violations", "Prisoners were executed in the basement.", "other", "aggression"),
    ("violations", "Prisoners were executed in the basement.", "other", "casualties"),
    ("violations", "They seek world domination.", "kremlin", "aggression"),
    # diplomacy: sanctions by other names
    ("sanctions", "We answered with retaliatory measures.", "kremlin", "diplomacy"),
    ("sanctions", "Every company must leave the Russian market.", "ukraine", "diplomacy"),
    # aggression: condemnation
    ("condemnation", "It was an inhumane and cruel decision.", "ukraine", "aggression"),
    ("condemnation", "These savages have no mercy.", "ukraine", "aggression"),
    # aggression: Western escalation and arming (Kremlin wording)
    ("escalation", "NATO expansion towards our borders continues.", "kremlin", "aggression"),
    ("escalation", "The West keeps encroaching on our historical space and trampling on our interests.", "kremlin",
     "aggression"),
    ("escalation", "Weapons are pumped into the country every week.", "kremlin", "aggression"),
    ("escalation", "They seek global hegemony.", "kremlin", "aggression"),
    # aggression: build-up and war plans
    ("build-up", "The concentration of troops near Kharkiv alarms us.", "ukraine", "aggression"),
    ("build-up", "Russia keeps 100,000 troops at the border.", "other", "aggression"),
    ("build-up", "They are waging a war against our children.", "ukraine", "aggression"),
    ("build-up", "The regime unleashed a total war.", "ukraine", "aggression"),
    # diplomacy
    ("partnership", "Our countries are bound by a long friendship.", "kremlin", "diplomacy"),
    ("partnership", "We will deepen ties with Japan.", "ukraine", "diplomacy"),
    ("partnership", "We are delighted to welcome the prime minister in Kyiv.", "ukraine", "diplomacy"),
    ("partnership", "A delegation arrives tomorrow; the minister was invited to the forum.", "other", "diplomacy"),
    ("partnership", "We keep working together with the ministries of both countries.", "kremlin", "diplomacy"),
    ("partnership", "Both sides keep cooperating on grain exports.", "other", "diplomacy"),
    ("corridor", "A humanitarian corridor opened for the residents at noon.", "ukraine", "diplomacy"),
    ("corridor", "Belarus offers a peacekeeping role.", "other", "diplomacy"),
    ("integration", "Our path of European integration is irreversible.", "ukraine", "diplomacy"),
    ("integration", "The open-door policy stays.", "other", "diplomacy"),
    ("integration", "Moldova wants to join the EU.", "other", "diplomacy"),
    # legitimacy
    ("security needs", "These missiles are a direct threat to Russia's security.", "kremlin", "legitimacy"),
    ("security needs", "These missiles are a direct threat to Russia's security.", "kremlin", "aggression"),
    ("security needs", "We insist on equal and indivisible security in Europe.", "kremlin", "legitimacy"),
    ("security needs", "Our security comes first.", "kremlin", "legitimacy"),
    ("law", "This violates the principle of the inviolability of borders.", "other", "legitimacy"),
    ("law", "This breaches the UN Charter.", "other", "legitimacy"),
    ("recognition", "We will never recognise the annexed regions as theirs.", "ukraine", "legitimacy"),
    ("recognition", "Crimea and Russia are one nation, he said.", "kremlin", "legitimacy"),
    ("accountability", "No crime will remain unpunished; impunity ends here.", "ukraine", "legitimacy"),
    ("forced", "Their provocations forced us to act.", "kremlin", "legitimacy"),
    ("forced", "We had no other option.", "kremlin", "legitimacy"),
    ("forced", "We are doing the right thing.", "kremlin", "legitimacy"),
    # resistance
    ("defence", "Our defence holds in the south.", "ukraine", "resistance"),
    ("defence", "They will act in defense of their forces.", "other", "resistance"),
    ("defence", "The alliance rests on collective defence.", "other", "resistance"),
    ("defence", "The people rebelled against the occupation.", "ukraine", "resistance"),
    # disinformation
    ("fear-mongering", "This is scaremongering whipped up by the Western media.", "kremlin", "disinformation"),
    ("fear-mongering", "Their story is a fairy tale and a trumped-up charge.", "kremlin", "disinformation"),
    ("fear-mongering", "They try to conceal the truth and cover up their crimes.", "ukraine", "disinformation"),
    # achievement
    ("triumph", "Our athletes triumphed again.", "kremlin", "achievement"),
    # adversity
    ("problems", "The main problem is the energy system; our cities face new challenges.", "ukraine", "adversity"),
    ("problems", "Our farmers suffer from the blockade.", "ukraine", "adversity"),
    # hedge
    ("view", "In my view, the offensive will start in spring.", "other", "hedge"),
    ("view", "Lavrov praised what he sees as a multipolar order.", "other", "hedge"),
    ("view", "I can't imagine them sending troops.", "other", "hedge"),
    ("view", "I suspect the figures are higher.", "other", "hedge"),
    # lexicon v2.3 (tests/test_lexicon_recall_v23.py has its special cases)
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
    # lexicon v2.4
    ("driving out", "Every occupier must be pushed out of the region.", "ukraine", "resistance"),
    ("driving out", "The brigade drove out the invaders by noon.", "ukraine", "resistance"),
    ("obligations", "Moscow must honour its international commitments.", "other", "legitimacy"),
    ("obligations", "These are our obligations under the treaty.", "other", "legitimacy"),
    ("duty", "Our soldiers are doing their duty at the front.", "kremlin", "legitimacy"),
    ("support", "We will stand with Ukraine for however long it takes.", "other", "diplomacy"),
    ("sanctions", "The frozen assets should pay for the damage.", "other", "diplomacy"),
    ("sanctions", "The banks were cut off from SWIFT in March.", "other", "diplomacy"),
    ("peace", "Only a political solution can work here.", "other", "diplomacy"),
    ("peace", "We want to bring this war to an end.", "other", "diplomacy"),
    ("peace", "The plan aims to put an end to the war by winter.", "other", "diplomacy"),
    ("bad faith", "He is only pretending to negotiate.", "other", "disinformation"),
    ("bad faith", "The vote was fraudulent.", "other", "disinformation"),
    ("bad faith", "The threat turned out to be a bluff.", "other", "disinformation"),
    ("bad faith", "They wage an information war against us.", "ukraine", "disinformation"),
    ("prolonging", "These deliveries only fuel the conflict.", "kremlin", "aggression"),
    ("costs", "Our farmers bear the brunt of the blockade.", "ukraine", "adversity"),
    # lexicon v2.5
    ("nuclear threat", "Fear of a nuclear war keeps the capitals awake.", "other", "aggression"),
    ("nuclear threat", "Their nuclear blackmail will not scare us.", "ukraine", "aggression"),
    ("nuclear threat", "Any use of nuclear weapons would change everything.", "other", "aggression"),
    ("outreach", "The ministry expanded its outreach to African capitals.", "kremlin", "diplomacy"),
    ("defence by a state's name", "The fleet will help Israel's defence at sea.", "other", "resistance"),
    ("law invoked", "The blockade is contrary to international law.", "other", "legitimacy"),
    ("law invoked", "Their generals keep violating the law of war.", "ukraine", "legitimacy"),
    ("forced action", "The operation was necessary to protect our people.", "kremlin", "legitimacy"),
    ("a launched attack stays one", "The enemy launched missiles at the port overnight.", "ukraine", "aggression"),
    ("a launched attack stays one", "Our brigades launched an offensive at dawn.", "ukraine", "achievement"),
    ("a boost stays one", "I fully support the delivery of tanks.", "other", "booster"),
    ("epistemic markers (H2)", "We think the talks will resume in spring.", "other", "hedge"),
    ("epistemic markers (H2)", "The general thinks the bridge will hold.", "other", "hedge"),
    ("epistemic markers (H2)", "Whether the sanctions bite remains to be seen.", "other", "hedge"),
    ("epistemic markers (H2)", "It is hard to say when the talks resume.", "other", "hedge"),
    ("holding out", "We will not let our guard down for a minute.", "ukraine", "resistance"),
    ("holding out", "Our units fended off three assaults near the river.", "ukraine", "resistance"),
    ("holding out", "We will never give up, whatever they send.", "ukraine", "resistance"),
    ("holding out", "The marines held our ground for a week.", "ukraine", "resistance"),
    ("pressure", "Our grid is under heavy pressure, with power outages every night.", "ukraine", "adversity"),
    ("crimes", "What they do in the south is ethnic cleansing.", "ukraine", "aggression"),
    ("crimes", "They hide behind human shields and fire cluster munitions.", "kremlin", "aggression"),
    ("crimes", "Foreign mercenaries are fighting for the regime.", "kremlin", "aggression"),
    ("rigged events", "Nobody will recognise the sham referendums in the occupied towns.", "ukraine", "disinformation"),
    ("denied legitimacy", "The occupied town is run by a puppet regime.", "ukraine", "legitimacy"),
    ("the adversary's disinformation", "We must counter Russian disinformation every day.", "ukraine", "disinformation"),
    ("the adversary's disinformation", "We must counter their propaganda with facts.", "ukraine", "disinformation"),
]


@pytest.mark.parametrize("family, text, side, category", FRAMED)
def test_a_recall_family_frames_its_sentence(family, text, side, category):
    assert category in categories(text, side), (family, text)


# (rule, sentence, side, category it must NOT carry): the neighbour a word needs, or what stays a topic
NOT_FRAMED = [
    ("force only after by", "The air force flew over the parade.", "other", "aggression"),
    ("force only after by", "A task force will study the data.", "other", "aggression"),
    ("expansion only for NATO", "The expansion of the port brings jobs.", "other", "aggression"),
    ("welcome only a visitor", "We welcome the decision of the court.", "other", "diplomacy"),
    ("together only of working", "The families stayed together in the shelter.", "other", "diplomacy"),
    ("integration only European", "The integration of the new software took a year.", "other", "diplomacy"),
    ("security only a side's need", "Security was tight at the stadium.", "other", "legitimacy"),
    ("defence only explicit", "The air defence budget grew.", "other", "resistance"),
    ("defence: the ministry is a name", "The defence ministry published a statement.", "other", "resistance"),
    ("view only possessive", "The view from the hill is beautiful.", "other", "hedge"),
    ("charter only the UN's", "A charter flight landed in Riga.", "other", "legitimacy"),
    ("problem: no problem", "No problem, he said, the bus is on time.", "other", "adversity"),
    ("violations: negated", "They did not violate the agreement.", "other", "aggression"),
    ("negation still cancels aggression", "They did not break the truce, and no blockade was imposed.", "kremlin",
     "aggression"),
    # lexicon v2.3
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
    # lexicon v2.4
    ("pushing out of is an advance", "The enemy is pushing out of the bridgehead towards the city.", "ukraine", "resistance"),
    ("stand with regard to is no support", "Please tell us where we stand with regard to the refugees.", "kremlin", "diplomacy"),
    # lexicon v2.5
    ("nuclear weapons are no aid", "Any use of nuclear weapons would change everything.", "other", "diplomacy"),
    ("nuclear power is a topic", "The nuclear power station supplies the region.", "other", "aggression"),
    ("thanks to is a connective", "Thanks to the warm autumn, the harvest was early.", "other", "diplomacy"),
    ("a rights office is a name", "The UN human rights office opened in the city.", "other", "legitimacy"),
    ("domestic law is a topic", "All these benefits are provided for by law.", "kremlin", "legitimacy"),
    ("domestic law is a topic", "The regions asked us to adopt this law.", "kremlin", "legitimacy"),
    ("necessary as a modifier", "The state will give the necessary support to young families.", "kremlin", "legitimacy"),
    ("necessary as a modifier", "They seek control by any means necessary.", "ukraine", "legitimacy"),
    ("lost ground is no casualty", "The army wants back every bit of territory it has lost.", "ukraine", "casualties"),
    ("defence of a budget", "Israel's defence budget grew again.", "other", "resistance"),
    ("a launched programme is no attack", "The ministry launched a new programme for veterans.", "kremlin", "achievement"),
    ("a launched programme is no attack", "The loyalty scheme launched in May has 9,000 members.", "ukraine", "aggression"),
    ("offensive arms are a topic", "Kyiv keeps asking for offensive weapons.", "kremlin", "aggression"),
    ("offensive arms are a topic", "We approved plans for offensive and defensive activities.", "other", "achievement"),
    ("a state's extent is no booster", "The minister said their army is fully ready to attack.", "other", "booster"),
    ("a state's extent is no booster", "The new institute works in a completely new way.", "kremlin", "booster"),
    ("own information policy", "The partners will help to counter disinformation online.", "other", "disinformation"),
    ("own information policy", "The new unit is part of the fight against propaganda.", "other", "disinformation"),
    ("a report about others is no hedge", "Everyone thinks the bridge will hold.", "other", "hedge"),
]


@pytest.mark.parametrize("rule, text, side, category", NOT_FRAMED)
def test_a_recall_family_keeps_its_limits(rule, text, side, category):
    assert category not in categories(text, side), (rule, text)


def test_the_historical_reading_still_holds():
    """v2.2 added no phrase that takes the words of an older one ("historical" stays legitimacy)."""
    assert "legitimacy" in categories("We defend our historical lands.", "ukraine")
