"""Lexicon v2's rules (codebook G3, G4): perspective, an adversary's losses, negation, blockers;
offset labels; the scorer comparison."""
import json

import pandas as pd
import pytest

from narrative.cli import main
from narrative.errors import InputError
from narrative.features import evidence
from narrative.lexicons import load_lexicon
from narrative.evaluation.frame_labels import read_offset_labels

from support import ROOT, SHARED, lexicon_counts as cats

LEX = load_lexicon()
WARNEWS = SHARED / "eval" / "warnews-dev" / "articles"
FRAMES_TSV = ROOT / "data" / "annotations" / "warnews-dev-frames.tsv"


@pytest.mark.parametrize("text, side, expected", [
    ("Our forces struck enemy depots near Bakhmut.", "ukraine", {"achievement": 1.0}),
    ("Russian forces struck a school in Kharkiv.", "ukraine", {"aggression": 1.0}),
    ("Russian forces struck Ukrainian positions.", "kremlin", {"achievement": 1.0}),
    ("The warehouse was destroyed by Ukrainian drones.", "kremlin", {"aggression": 1.0}),
    ("NATO is shelling the region through its proxies.", "kremlin", {"aggression": 1.0}),
    ("The strike destroyed the bridge.", "other", {"aggression": 2.0}),  # no agent: aggression
])
def test_attack_phrases_take_the_category_of_their_agent(text, side, expected):
    assert cats(text, side) == expected


def test_an_adversarys_losses_are_a_belligerents_achievement():
    assert cats("Russia has lost almost 31,000 soldiers.", "ukraine") == {"achievement": 1.0}
    assert cats("Russia has lost almost 31,000 soldiers.", "other") == {"casualties": 1.0}
    assert cats("We have lost 40 soldiers this week.", "ukraine") == {"casualties": 1.0}


def test_negation_and_denial_cancel_actions_but_not_diplomacy():
    assert cats("Our troops did not capture the village.", "ukraine") == {}
    assert cats("The ministry denied striking the market.", "kremlin") == {}
    assert cats("Talks are not possible now.", "kremlin") == {"diplomacy": 1.0}
    # a denial ends with its clause: what the speaker insists on keeps its frame
    assert cats("Moscow denied planning an invasion, insisting that NATO is a threat.", "kremlin") == {"aggression": 1.0}
    assert cats("We will not surrender.", "ukraine") == {"resistance": 1.0}  # the negator is inside the phrase


def test_blockers_take_their_words_and_count_for_nothing():
    assert cats("The defence ministry said in May that the determination of the United States held.") == {}
    assert cats("According to the governor, the attack killed two.", "ukraine") == {"aggression": 1.0, "casualties": 1.0}


def test_evidence_keeps_the_rule_that_decided_each_hit():
    t = pd.DataFrame({"doc_id": ["d", "d"], "claim_id": ["d:0", "d:1"], "side": ["ukraine", "ukraine"],
                      "content": ["Our artillery destroyed enemy tanks.", "The occupiers shelled Kherson."]})
    rows = evidence(t, text_column="content")[["claim_id", "category", "match", "rule"]].values.tolist()
    assert rows == [["d:0", "achievement", "destroyed", "own side"], ["d:1", "aggression", "occupiers", "lexicon"],
                    ["d:1", "aggression", "shelled", "adversary"]]


def test_offset_labels_errors_name_file_and_row(tmp_path):
    (tmp_path / "a.txt").write_text("The enemy shelled the town.", encoding="utf-8")
    bad = tmp_path / "l.tsv"
    bad.write_text("file\tstart\tend\tside\tlabels\na.txt\t0\t26\tukraine\taggression\na.txt\t0\t999\tukraine\t\n")
    with pytest.raises(InputError, match=r"l.tsv, row 3: offsets 0-999 lie outside a.txt"):
        read_offset_labels(bad, tmp_path, LEX.categories)
    bad.write_text("file\tstart\tend\tside\tlabels\na.txt\t0\t26\tukraine\ttriumph\n")
    with pytest.raises(InputError, match="row 2: unknown label"):
        read_offset_labels(bad, tmp_path, LEX.categories)
    good = tmp_path / "g.tsv"
    good.write_text("file\tstart\tend\tside\tlabels\na.txt\t0\t26\tukraine\taggression\n")
    got = read_offset_labels(good, tmp_path, LEX.categories)
    assert got.loc[0, "text"] == "The enemy shelled the town" and got.loc[0, "aggression"] == 1
    assert main(["validate-lexicon", "--labels", str(good)]) == 2  # a .tsv needs --texts


@pytest.mark.skipif(not WARNEWS.is_dir(), reason="../shared/eval/warnews-dev is absent (shared material)")
def test_eval_frames_on_the_war_news_labels(tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["eval-frames", "--labels", str(FRAMES_TSV), "--texts", str(WARNEWS), "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "330 claims from 161 articles" in text and "macro-F1 lexicon" in text
    table = pd.DataFrame(json.loads(out.read_text()))
    macro = table[table["class"] == "macro"].set_index("scorer")["f1"]
    assert set(macro.index) == {"lexicon", "classifier", "union", "combined"}
    assert ((0 < macro) & (macro <= 1)).all()
    lexicon = table[(table["scorer"] == "lexicon") & (table["class"] != "macro")]
    assert int(lexicon["support"].sum()) == 419  # the labels in the file, counted per category


def test_the_running_example_keeps_its_frames_and_sides(example_text):
    from narrative.claims import extract_claims

    claims = extract_claims(pd.DataFrame({"doc_id": ["ex"], "source": ["cnn"], "text": [example_text]}))
    frames = {}
    for r in claims.itertuples():
        found = set(LEX.count(r.content, r.side)[1])
        frames.setdefault((r.actor, r.side), set()).update(found)
    assert {"achievement", "legitimacy"} <= frames[("Vladimir Putin", "kremlin")]  # "successful actions", gratitude to commanders
    assert {"resistance", "adversity"} <= frames[("Ukrainian military", "ukraine")]  # "continue to deter", "despite the difficult situation"
    assert "achievement" in frames[("Russia", "kremlin")]  # "it had captured ... Pokrovsk"
    russia = claims[claims["actor"] == "Russia"].iloc[0]
    assert russia["cue_stance"] == "distancing" and "if true" in russia["hedges"]  # the reporter's distance


def test_success_beside_talks_is_diplomacy_and_attribution_is_no_hedge():
    assert cats("Belarus hosted three very successful rounds of negotiations.", "other") == {"diplomacy": 2.0}
    assert cats("The operation was a success; talks with Kyiv failed.", "kremlin") == {"achievement": 1.0, "diplomacy": 1.0}
    assert cats("In the opinion of analysts, the aid package suggests a shift.", "other") == {"diplomacy": 2.0}
    assert cats("In my opinion, they might retreat.", "ukraine") == {"hedge": 2.0}


def test_gratitude_for_success_stays_achievement():
    # the running example: thanking for "successful actions" is no progress in talks
    assert "achievement" in cats("Putin thanked them for their successful actions.", "kremlin")


def test_group_column_takes_claims_then_documents_columns():
    from narrative.errors import ParameterError
    from narrative.pipeline.stream import group_column

    claims = pd.DataFrame({"doc_id": ["a", "b"], "speaker": ["Peskov", "Kovalenko"], "side": ["kremlin", "ukraine"]})
    docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["tass", "ukrinform"], "date": ["2025-12-01", ""]})
    assert group_column(claims, docs, "speaker")["speaker"].tolist() == ["Peskov", "Kovalenko"]
    assert group_column(claims, docs, "outlet")["outlet"].tolist() == ["tass", "ukrinform"]
    assert group_column(claims, docs, "date")["date"].tolist() == ["2025-12-01", ""]
    with pytest.raises(ParameterError, match="no column 'mood'"):
        group_column(claims, docs, "mood")


# -- lexicon v2.1: the error patterns of unseen news (issue 25), composed sentences ------------------

@pytest.mark.parametrize("text, side, expected", [
    # a word naming a topic, not a frame (G2)
    ("Our brigades now have the weapons they need for the winter.", "ukraine", {}),
    ("Western countries keep sending weapons to the front.", "ukraine", {"diplomacy": 1.0}),
    ("It is a shortage the ministry will have to deal with.", "other", {"adversity": 1.0}),
    ("The two governments signed a gas deal.", "other", {"diplomacy": 1.0}),
    ("The mayor is due in court on Monday.", "other", {}),
    ("The International Court issued its order.", "other", {"legitimacy": 1.0}),
    ("The war has brought only death and destruction.", "other", {}),  # v2.6: abstract doom, no frame (G2, G5)
    # a denial after the verb (G3)
    ("Kyiv says Moscow is preparing an offensive, which the Kremlin has denied.", "other", {}),
    ("Moscow is preparing an offensive, the governor warned.", "ukraine", {"aggression": 1.0}),
])
def test_topic_words_and_later_denials_carry_no_frame(text, side, expected):
    assert cats(text, side) == expected


@pytest.mark.parametrize("text, side, expected", [
    ("We had to respond to the shelling by the militants.", "kremlin", {"aggression": 1.0}),
    ("We were forced to respond to the shelling by the militants.", "kremlin", {"legitimacy": 1.0, "aggression": 1.0}),
    ("The enemy wants to capture the crossing by spring.", "ukraine", {"aggression": 1.0}),
    ("Our troops captured the crossing.", "ukraine", {"achievement": 1.0}),
    ("Our units managed to successfully repel the attack.", "ukraine", {"resistance": 1.0, "aggression": 1.0}),
    ("Crowds gathered for Victory Day.", "kremlin", {}),
    ("We do not expect that their troops have regained their strength.", "ukraine", {}),
    ("The enemy has regained some positions.", "ukraine", {}),  # the adversary's success is not the speaker's
])
def test_perspective_of_attacks_gains_and_defence(text, side, expected):
    assert cats(text, side) == expected


@pytest.mark.parametrize("text, expected", [
    ("Victory appeared certain that night.", {}),   # "certain" alone is no booster (nor a third party's bare "victory", v2.4)
    ("It appeared certain that the vote would pass.", {}),
    ("We are certain that the vote will pass.", {"booster": 1.0}),
    ("The town is wholly dependent on the plant.", {}),
    ("I wholly reject this plan.", {"booster": 1.0}),
    ("Many believe that the vote will be delayed.", {}),
    ("I believe that the vote will be delayed.", {"hedge": 1.0}),
    ("I don't think the vote will be delayed.", {"hedge": 1.0}),
    ("He was almost sure the vote would pass.", {"hedge": 1.0}),
    ("A delay could not be ruled out.", {"hedge": 1.0}),
])
def test_boosters_and_hedges_of_the_speaker_only(text, expected):
    assert cats(text, "other") == expected


@pytest.mark.parametrize("text", [
    "They are behind the deportation of our children.",
    "Russia keeps massing troops near the border.",
    "The invaders are preparing a new push on the city.",
    "Shelling a maternity ward is barbaric.",
    "This war has taken Europe back to its darkest times.",
])
def test_missed_aggression_wording(text):
    assert "aggression" in cats(text, "ukraine")


def test_a_context_blocker_reads_the_word_before_or_after_a_phrase():
    from narrative.lexicons.context import read_context

    rules = read_context("phrase,category,where,words,window,effect\n"
                         "deal,diplomacy,after,with,1,drop\nweapons,diplomacy,before,send*,2,only\n")
    deal, weapons = rules["deal"][0], rules["weapons"][0]
    assert not deal.keeps("we must deal with it".split(), 2, 1)
    assert deal.keeps("a deal with them".split(), 1, 1) is False  # the word after decides, whatever precedes
    assert deal.keeps("the deal . with".split(), 1, 1)            # a window never crosses the clause end
    assert weapons.keeps("they keep sending more weapons".split(), 4, 1)  # the window reads 2 words back
    assert not weapons.keeps("they keep sending a lot of weapons".split(), 6, 1)
    assert not weapons.keeps("the army has weapons".split(), 3, 1)
    with pytest.raises(InputError, match="context.csv"):
        read_context("phrase,category,where,words\ndeal,diplomacy,around,with\n")
