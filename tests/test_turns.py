"""Transcript turns: "Name: …" or "Question: …" at a unit's start gives the following unattributed
units to that speaker instead of the publisher (composed transcripts, and the press-release coder's
sides when ../shared is present)."""
from pathlib import Path

import pandas as pd
import pytest

from narrative.speakers.actors import load_actors
from narrative.claims import extract_claims
from narrative.claims.turns import marker

TRANSCRIPT = (
    "The President of Russia held talks with the President of Belarus in the Kremlin. "
    "The leaders discussed trade and energy supplies.\n"
    "Vladimir Putin: Good afternoon, friends. Our trade grew by a third last year.\n"
    "We expect further growth in the energy sector.\n"
    "Alexander Lukashenko: Thank you for the invitation. Belarus is ready to buy more machinery.\n"
    "Our factories need new orders.\n"
    "Question: Will the two countries sign the new gas agreement this year?\n"
    "Vladimir Putin: We will see. The goal is clear: stable prices for both countries.\n")


def _claims(text, source="putin"):
    return extract_claims(pd.DataFrame({"doc_id": ["t"], "source": [source], "text": [text]}))


def _self(c, start):
    """The self claim whose content starts with ``start``."""
    row = c[(c["quote_type"] == "self") & c["content"].str.startswith(start)]
    assert len(row) == 1, (start, c[["content", "speaker"]].to_string())
    return row.iloc[0]


def test_each_turn_gives_its_paragraphs_to_its_speaker():
    c = _claims(TRANSCRIPT)
    publisher = load_actors().publisher("putin")
    lead = _self(c, "The President of Russia held talks")
    assert (lead.speaker, lead.actor, lead.side, lead.side_source) == ("", publisher.name, "kremlin", "publisher")
    for start in ("The leaders discussed", ):
        assert _self(c, start).side_source == "publisher"
    for start in ("Vladimir Putin: Good afternoon", "We expect further growth", "Vladimir Putin: We will see",
                  "The goal is clear"):
        r = _self(c, start)
        assert (r.speaker, r.actor, r.side, r.side_source) == ("Vladimir Putin", "Vladimir Putin", "kremlin",
                                                               "actors"), start
    for start in ("Alexander Lukashenko: Thank you", "Our factories need new orders."):
        r = _self(c, start)
        lukashenko = load_actors().resolve("Alexander Lukashenko").name
        assert (r.speaker, r.actor, r.side) == ("Alexander Lukashenko", lukashenko, "other"), start
        assert text_at(r) == "Alexander Lukashenko"
    q = _self(c, "Question: Will the two countries")
    assert (q.speaker, q.side, q.side_source) == ("Question", "other", "role")


def text_at(row):
    return TRANSCRIPT[int(row.speaker_start):int(row.speaker_end)]


def test_a_turn_in_flattened_paragraphs_starts_at_a_sentence():
    # the demo corpus joins a transcript's paragraphs into one line
    text = ("Talks were held in Moscow. Alexander Lukashenko: I think you will support me. We need to gather "
            "around the table. Vladimir Putin: Of course.")
    c = _claims(text)
    assert [(r.content, r.side) for r in c.itertuples()] == [
        ("Talks were held in Moscow.", "kremlin"), ("Alexander Lukashenko: I think you will support me.", "other"),
        ("We need to gather around the table.", "other"), ("Vladimir Putin: Of course.", "kremlin")]


def test_i_and_we_in_another_speakers_turn_are_that_speaker():
    text = ("Talks were held in Moscow. Alexander Lukashenko: I said that Belarus would buy more machinery. "
            "Vladimir Putin: I said that Russia would supply it.")
    c = _claims(text)
    said = c[c["speaker"] == "I"].sort_values("speaker_start")
    lukashenko = load_actors().resolve("Alexander Lukashenko").name
    assert [(r.actor, r.side) for r in said.itertuples()] == [(lukashenko, "other"),
                                                               (load_actors().publisher("putin").name, "kremlin")]
    assert said["side_source"].tolist() == ["coreference", "publisher"]


def test_a_colon_in_a_sentence_and_a_colon_quote_behave_as_before():
    text = ("The meeting ended on Monday. The goal is clear: peace.\n"
            "Podolyak: “Russia will not dictate the terms of peace to Ukraine.”\n"
            "Talks are expected to resume next week.")
    c = _claims(text, source="news")
    assert c["speaker"].tolist() == ["", "", "Podolyak", ""]
    assert [r.side_source for r in c.itertuples() if r.quote_type == "self"] == ["publisher"] * 3
    pod = c[c["speaker"] == "Podolyak"].iloc[0]
    assert (pod.actor, pod.cue, pod.quote_type, pod.side) == ("Mykhailo Podolyak", ":", "direct", "ukraine")


@pytest.mark.parametrize("line", ["The message reads, in part: we are grateful.", "In Ukraine, on March 12, at 9: "
                                  "sirens sounded.", "Attending the meeting were: ministers.", "Today at 9: news.",
                                  "Security guarantees: none were given.", "Podolyak: «No.»"])
def test_what_is_not_a_turn_marker(line):
    assert marker(line, 0, len(line), load_actors()) is None


@pytest.mark.parametrize("line, who", [
    ("President of the Republic of Tajikistan Emomali Rahmon: Colleagues, first of all.",
     "President of the Republic of Tajikistan Emomali Rahmon"),
    ("Sauli Niinistö (retranslated): Thank you.", "Sauli Niinistö"),
    ("Moderator: Next question, please.", "Moderator"),
    ("Peskov: No comment on that.", "Peskov")])
def test_what_is_a_turn_marker(line, who):
    found = marker(line, 0, len(line), load_actors())
    assert found is not None and line[found.start:found.end] == who


CODED = Path(__file__).resolve().parents[1] / "../shared/eval/press-releases/frames-codebook.tsv"
RAW = Path(__file__).resolve().parents[1] / "data/raw/press-releases"


@pytest.mark.skipif(not CODED.is_file(), reason="the press-release coder's sheet (../shared/eval) is absent")
def test_turns_give_most_coded_foreign_voices_a_foreign_side(tmp_path):
    """The second coder's ``other`` rows of the tuning documents (the coder's words of a foreign leader,
    journalist or company head): most now get ``other`` (none did when every unit was the publisher's)."""
    from narrative.corpus import load_corpus
    from narrative.tools.turn_sides import locked
    from narrative.tools.validation_sheet import match
    coded = pd.read_csv(CODED, sep="\t", keep_default_na=False, dtype=str)
    coded = coded[(coded["side"] == "other") & ~coded["doc_id"].map(locked)]
    corpus = load_corpus(RAW)
    claims = extract_claims(corpus[corpus["doc_id"].isin(set(coded["doc_id"]))])
    now = match(coded, claims)
    side = claims.set_index("claim_id")["side"]
    got = [side.get(c, "") for c in now if c]
    assert len(got) >= 0.9 * len(coded)
    assert sum(s == "other" for s in got) >= 0.7 * len(got)


@pytest.mark.parametrize("unit, speaker", [
    ("Yulia Svyrydenko: The budget holds.", "Yulia Svyrydenko"),
    ("Yulia Svyrydenko said the budget holds.", None),         # no colon in the unit: no marker
    ("Yulia Svyrydenko said. Question: Why?", None),           # a colon later on, not after the first words
])
def test_a_marker_needs_its_colon_inside_the_unit(unit, speaker):
    text = unit + " Later text: with a colon outside the unit."
    found = marker(text, 0, len(unit), load_actors())
    assert (found and text[found.start:found.end]) == speaker or (found is None and speaker is None)
