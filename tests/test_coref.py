"""Speaker coreference, quote paragraphs and the two profiles, on composed news paragraphs."""
import pandas as pd
import pytest

from narrative.claims import extract_claims


def attributed(text: str, **kw) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}), **kw)
    return c[c["quote_type"] != "self"].reset_index(drop=True)


MOORE = (  # composed for this test
    "MI6 chief Richard Moore said Russia's army had met “serious setbacks” in its first aims.\n\n"
    "He was addressing a defence meeting in Aspen.\n\n"
    "“We judge that the Russians will struggle to replace their losses,” Mr Moore told the meeting. "
    "“They will need to stop for a while.”\n\n"
    "The MI6 chief said progress on the battlefield would be a “useful signal” to Europe.\n\n"
    "“We see nothing to suggest that Putin is gravely ill,” he replied."
)


def test_names_outside_the_actors_file_resolve_through_the_document():
    c = attributed(MOORE)
    # "Mr Moore", "The MI6 chief" and "he" all name the one person; "Putin" inside the quotation is not a candidate
    assert c["actor"].tolist() == ["Richard Moore"] * 5
    assert c["speaker"].tolist() == ["MI6 chief Richard Moore", "Mr Moore", "Mr Moore", "The MI6 chief", "he"]
    assert set(c["side"]) == {"other"}
    for r in c.itertuples():
        assert MOORE[r.content_start:r.content_end] == r.content
        assert MOORE[r.speaker_start:r.speaker_end] == r.speaker


def test_a_quotation_that_follows_continues_its_speaker():
    c = attributed(MOORE)
    piece = c.iloc[2]
    assert piece["content"] == "They will need to stop for a while."
    assert piece["quote_type"] == "direct"
    # the continuation shares the attribution it continues: same speaker and cue offsets
    assert (piece["speaker_start"], piece["cue_start"]) == (c.iloc[1]["speaker_start"], c.iloc[1]["cue_start"])


def test_a_quote_paragraph_after_an_unattributed_sentence_stays_the_reporters():
    text = ("Analyst Filip Ejdus said the cabinet was built for the West.\n\n"
            "Reports of fraud triggered protests.\n\n"
            "“Serbia still pretends to follow the EU path.”")
    c = attributed(text)
    assert c["content"].tolist() == ["the cabinet was built for the West"]


def test_pronouns_take_gender_and_subject_position_into_account():
    text = ("Ukrainian lawmaker Olena Kovalenko met Mr Ivan Petrenko on Monday. "
            "She said the talks had failed. "
            "Petrenko, who chaired the meeting, warned that “nothing was agreed.” He added that talks would resume.")
    c = attributed(text)
    assert list(zip(c["speaker"], c["actor"])) == [
        ("She", "Olena Kovalenko"), ("Petrenko", "Ivan Petrenko"), ("He", "Ivan Petrenko")]


def test_acronyms_and_organisation_descriptions():
    text = ("The Kyiv International Institute of Sociology (KIIS) ran the poll in March. "
            "KIIS said 64% of respondents backed the plan. "
            "The Institute added that 24% wanted talks.")
    c = attributed(text)
    assert c["actor"].tolist() == ["Kyiv International Institute of Sociology"] * 2
    assert c["content"].tolist() == ["64% of respondents backed the plan", "24% wanted talks"]


def test_a_source_after_a_comma_has_the_clause_before_it():
    text = "Tensions have been rising near the border, President Aleksandr Lukashenko said in a speech on Monday."
    c = attributed(text)
    assert c["content"].tolist() == ["Tensions have been rising near the border"]
    assert c["actor"].tolist() == ["Aleksandr Lukashenko"]


def test_profiles_speech_and_attribution():
    text = "Western officials believe that Moscow is running short of shells. The report found that drones dominate."
    assert attributed(text).empty
    wide = attributed(text, profile="attribution")
    assert wide["cue"].tolist() == ["believe", "found"]
    with pytest.raises(ValueError, match="profile"):
        attributed(text, profile="beliefs")


def test_colon_attribution_and_according_to_apposition():
    c = attributed("Zelensky’s adviser Mykhailo Podolyak: “Russia will not dictate the terms.”")
    assert list(zip(c["actor"], c["cue"], c["content"])) == [
        ("Mykhailo Podolyak", ":", "Russia will not dictate the terms.")]
    c = attributed("According to the governor, Oleh Syniehubov, two villages were shelled overnight.")
    assert list(zip(c["speaker"], c["actor"], c["content"])) == [
        ("the governor, Oleh Syniehubov", "Oleh Syniehubov", "two villages were shelled overnight")]
    assert attributed("The agenda: “peace talks”, sanctions and grain.").empty


def test_a_coordinated_source_ends_the_previous_content():
    text = "Peskov told reporters that the talks were “not on the agenda” and Lavrov said the West was to blame."
    c = attributed(text)
    assert list(zip(c["actor"], c["content"], c["parent_claim_id"])) == [
        ("Dmitry Peskov", "the talks were “not on the agenda”", ""), ("Sergei Lavrov", "the West was to blame", "")]


def test_pieces_of_one_attribution_score_as_one_relation():
    from narrative.evaluation.attribution import predictions_from_claims

    c = attributed(MOORE)
    relations = predictions_from_claims(c.assign(doc_id="d"))["d"]
    # five rows, four attributions: "Mr Moore told" has two pieces
    assert len(c) == 5 and len(relations) == 4
    assert [len(r.content) for r in relations] == [1, 2, 1, 1]


def test_gazetteer_tool_builds_one_row_per_person(tmp_path):
    from narrative.tools.gazetteer import build

    repo = tmp_path / "x-cabinet" / "html"
    repo.mkdir(parents=True)
    (repo / "holders21.csv").write_text(
        "position,person,personID,start,end,gender\n"
        "Minister of Defence,Oleksii Reznikov,Q1,2021-11-04,2023-09-05,male\n"
        "Deputy Prime Minister,Oleksii Reznikov,Q1,2020-03-04,2021-11-03,male\n"
        "Minister of Health,Old Minister,Q2,2016-01-01,2019-08-29,female\n", encoding="utf-8")
    lines = [line for line in build([("ukraine", repo.parent)], curated=None).splitlines() if not line.startswith("#")]
    assert lines == ["name,wikidata,side,gender,positions,start,end,variants,source,licence",
                     "Oleksii Reznikov,Q1,ukraine,m,Minister of Defence; Deputy Prime Minister,2020-03-04,2023-09-05,"
                     "Oleksii Resnikow; Oleksii Reznikow,every-politician-scrapers/x-cabinet@unknown (Wikidata),CC0-1.0"]
    # the curated offices are added after the lists, a person the lists already hold only once
    curated = tmp_path / "curated.csv"
    curated.write_text("# test\nname,side,gender,positions,start,end\nOleksiy Reznikov,ukraine,m,Minister,2021,\n"
                       "Oleh Syniehubov,ukraine,m,Head of the Kharkiv Regional Military Administration,2020,\n", "utf-8")
    rows = [line.split(",")[0] for line in build([("ukraine", repo.parent)], curated=curated).splitlines()
            if not line.startswith("#")]
    assert rows == ["name", "Oleksii Reznikov", "Oleh Syniehubov"]


def test_speech_acts_with_only_a_noun_object_are_not_quotes():
    assert attributed("The Duchess announced her commitment to the initiative.").empty
    assert attributed("The Duchess announced her commitment to the initiative.", profile="attribution")["cue"].tolist() \
        == ["announced"]
    kept = "Kyiv denied the claim. The Russian president accused the US of ignoring Russia's demands."
    assert attributed(kept)["content"].tolist() == ["the claim", "the US of ignoring Russia's demands"]
    told = "The plan is very timely, Ivan Petrov told the media on 3 May."
    assert attributed(told)["content"].tolist() == ["The plan is very timely"]


def test_a_pronoun_after_the_cue_is_its_object_and_a_long_quotation_has_no_pieces():
    # "say it" has an object, not an inverted speaker
    c = attributed("I must say it exceeded our boldest expectations.")
    assert c.empty or "it" not in c["speaker"].tolist()
    assert attributed("“We will hold,” said he.")["speaker"].tolist() == ["he"]
    # an unclosed quotation spanning several sentences is not repeated as a piece of each of them
    text = ("Kremlin spokesman Dmitry Peskov said the talks had stalled. "
            "“The West is to blame. Sanctions changed nothing. The people know it. Nobody was surprised.")
    c = attributed(text)
    assert not c.duplicated(["content_start", "content_end"]).any()


def test_first_person_in_a_publishers_document_is_the_publisher():
    text = ("Vladimir Putin: Zelensky said he wanted talks. I said in yesterday's address that the talks "
            "had stalled.")
    press = extract_claims(pd.DataFrame({"doc_id": ["k"], "source": ["kremlin"], "text": [text]}))
    news = extract_claims(pd.DataFrame({"doc_id": ["n"], "source": ["news"], "text": [text]}))
    first = lambda c: c[c["speaker"] == "I"][["actor", "side"]].values.tolist()
    assert first(press) == [["Office of the President of Russia", "kremlin"]]
    # no publisher and no quotation to attribute it: nobody (issue 24: not the last person named, of the other side)
    assert first(news) == [["I", "unknown"]]


# -- side from the words around a description (issue 24) ---------------------------------------------------------
LOCAL = [
    ("Russian missiles hit Kharkiv overnight, killing two people. The city council said 40 homes were damaged.",
     "The city council", ("Kharkiv city council", "ukraine")),
    ("Ukraine has restored power to most of the grid. Its infrastructure minister said repairs would take weeks.",
     "Its infrastructure minister", ("Ukraine's infrastructure minister", "ukraine")),
    ("Drones hit the Sumy region at night. The regional governor said a school was destroyed.",
     "The regional governor", ("Sumy regional governor", "ukraine")),
    # another country or city in between: the description is not Ukraine's
    ("Poland opened two new crossings. Its infrastructure minister said traffic would double.",
     "Its infrastructure minister", ("Poland's infrastructure minister", "other")),  # Poland's: other
    ("Kharkiv sent buses to Riga. The city council said they arrived.", "The city council",
     ("The city council", "unknown")),                                 # which city's: not known, so unknown
]


@pytest.mark.parametrize("text,mention,expected", LOCAL)
def test_a_local_description_takes_the_place_named_before(text, mention, expected):
    from narrative.speakers.actors import load_actors
    from narrative.speakers.resolver import Resolver

    assert Resolver(load_actors(), text).actor_and_side(mention, text.index(mention)) == expected


def test_a_description_that_states_its_side_is_nobody_of_the_other_side():
    from narrative.speakers.actors import load_actors
    from narrative.speakers.resolver import Resolver

    text = ("US Secretary of State Antony Blinken spoke with the Russian foreign minister on Saturday. "
            "Blinken said the talks were frank. The Russian minister said the West was spreading hysteria.")
    r = Resolver(load_actors(), text)
    assert r.actor_and_side("Antony Blinken", text.index("Antony"))[1] == "other"
    assert r.actor_and_side("Blinken", text.index("Blinken said"))[1] == "other"
    assert r.actor_and_side("The Russian minister", text.index("The Russian minister"))[1] == "kremlin"


def test_he_is_the_speaker_not_a_name_inside_what_the_speaker_said():
    text = ("The head of the Ministry of Foreign Affairs Radosław Sikorski told reporters in Warsaw that "
            "Russian President Vladimir Putin still dreams of an empire. In his view, Europe must act faster. "
            "\"We will not show our hand,\" he said.")
    c = attributed(text)
    assert c["actor"].tolist() == ["Radosław Sikorski", "Radosław Sikorski"]
    assert c["side"].tolist() == ["other", "other"]


# -- quotations, cues at the end, cues with no content (issue 24, items 4, 8, 12) -----------------------------
QUOTED = [
    # a cue inside a quotation is the quoted speaker's own words, not a new attribution
    ("“We made this clear last week and we repeat it now,” the spokesman said.",
     [("the spokesman", "said", "We made this clear last week and we repeat it now")]),
    ("“Some say otherwise,” he conceded.", [("he", "conceded", "Some say otherwise")]),
    # a named third party's speech inside the quotation stays an attribution, nested in the outer one, and
    # what it said ends with the quotation
    ("“As Putin said, the West lies,” Lavrov told reporters.",
     [("Putin", "said", "the West lies"), ("Lavrov", "told", "As Putin said, the West lies")]),
    # a quotation ending in ! or ? before an inverted cue is that cue's content
    ("“We will hold!” insists the commander.", [("the commander", "insists", "We will hold!")]),
    # content before a cue that ends the sentence with a time word
    ("Kyiv will receive more air defence, the ministry said Wednesday.",
     [("the ministry", "said", "Kyiv will receive more air defence")]),
    ("Revenue rose by a third, Jane Roe said in the annual report.",
     [("Jane Roe", "said", "Revenue rose by a third")]),
    # a cue verb with nothing said is no claim
    ("She explained from the podium.", []),
]


@pytest.mark.parametrize("text,expected", QUOTED)
def test_quotations_and_cue_positions(text, expected):
    c = attributed(text)
    assert list(zip(c["speaker"], c["cue"], c["content"])) == expected


def test_a_moved_quotation_is_not_also_the_reporters():
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"],
                                     "text": ["“We will hold!” insists the commander."]}))
    assert c["quote_type"].tolist() == ["direct"]


def test_the_side_source_of_each_claim():
    text = ("Kremlin spokesman Dmitry Peskov spoke on Monday. He said talks were frozen. Officials said more. "
            "Analysts said it would last. A Kharkiv official said the metro would reopen.")
    c = attributed(text)
    assert list(zip(c["side"], c["side_source"])) == [("kremlin", "coreference"), ("unknown", "unknown"),
                                                      ("other", "role"), ("ukraine", "place")]


def test_she_after_a_woman_the_lists_do_not_know_by_her_first_name():
    c = attributed("Olena Shulyak met voters in Lviv. She said that the vote would be held.")
    assert c["actor"].tolist() == ["Olena Shulyak"] and c["side_source"].tolist() == ["coreference"]


def test_a_titled_name_in_apposition_is_the_speaker():
    c = attributed("The commander of the 47th Brigade, Maj. Ivan Petrenko, said the line held.")
    assert c["actor"].tolist() == ["Ivan Petrenko"]
