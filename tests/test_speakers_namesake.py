"""A gazetteer office holder of the side opposed to a document's publisher is matched there only with a sign
of that side (``Resolver.namesake``): "Andrei Kostin" of a Russian bank in a Kremlin transcript is not
Ukraine's prosecutor general Andriy Kostin. Composed documents and the demo's own transcripts."""
import pandas as pd
import pytest

from narrative.speakers.actors import load_actors
from narrative.claims import extract_claims

KREMLIN_MEETING = (
    "Vladimir Putin held a meeting with the head of a state bank.\n"
    "Vladimir Putin: Good afternoon. How are the bank's results this year?\n"
    "Andrei Kostin: Mr President, our profit grew by a fifth. Lending to industry rose sharply.\n"
    "We expect mortgages to grow as well.\n")


def _claims(text, source):
    return extract_claims(pd.DataFrame({"doc_id": ["t"], "source": [source], "text": [text]}))


def _row(c, start):
    row = c[c["content"].str.startswith(start)]
    assert len(row) == 1, (start, c[["content", "speaker", "side"]].to_string())
    return row.iloc[0]


def test_the_gazetteer_names_the_other_sides_official():
    """The premise: by name alone the gazetteer makes "Andrei Kostin" Ukraine's prosecutor general."""
    actor = load_actors().resolve("Andrei Kostin")
    assert actor is not None and actor.side == "ukraine" and actor.source


def test_a_namesake_turn_in_a_kremlin_transcript_is_not_ukraines():
    c = _claims(KREMLIN_MEETING, "putin")
    for start in ("Andrei Kostin: Mr President", "Lending to industry", "We expect mortgages"):
        r = _row(c, start)
        assert (r.speaker, r.side, r.side_source) == ("Andrei Kostin", "other", "unlisted"), start
    assert _row(c, "Vladimir Putin: Good afternoon").side == "kremlin"


@pytest.mark.parametrize("text, source, side", [
    # the document gives the official's side: the first mention vouches for the later ones
    ("The President met Ukraine's Prosecutor General Andriy Kostin in Kyiv. "
     "Ukraine's Prosecutor General Andriy Kostin said the investigation would continue. "
     "Kostin added that the evidence was strong.", "putin", "ukraine"),
    # the official's own side publishes: no namesake question
    ("Prosecutor General Andriy Kostin said the investigation would continue.", "zelenskyy", "ukraine"),
    # news has no publisher's side: the gazetteer match stands
    ("Prosecutor General Andriy Kostin said the investigation would continue.", "news", "ukraine"),
])
def test_an_official_named_with_a_sign_of_the_side_keeps_it(text, source, side):
    c = _claims(text, source)
    said = c[c["quote_type"] != "self"]
    assert len(said) >= 1 and (said["side"] == side).all(), said[["speaker", "side", "side_source"]].to_string()


def test_the_actors_files_own_people_are_never_namesakes():
    """Zelenskyy in a Kremlin transcript is the actors file's entry, not the gazetteer's: he keeps his side."""
    c = _claims("Vladimir Putin: We are ready to talk.\nVladimir Zelensky: Ukraine will not give up its land.\n",
                "putin")
    assert _row(c, "Vladimir Zelensky: Ukraine will not").side == "ukraine"


def test_the_demo_namesakes_are_not_ukraines():
    """The demo corpus's own transcripts (kremlin.ru, CC BY): VTB's Andrei Kostin and Archpriest Alexander
    Tkachenko take turns; by name alone the gazetteer made them Ukraine's prosecutor general and former
    culture minister (about 150 claims). None of their claims is Ukraine's now."""
    from support import ROOT
    from narrative.corpus import load_corpus

    docs = load_corpus(ROOT / "data" / "raw" / "press-releases", sides=load_actors().source_sides())
    wanted = docs[docs["text"].str.contains("Andrei Kostin|Archpriest Alexander Tkachenko")]
    assert set(wanted["source"]) == {"putin"} and len(wanted) == 3
    claims = extract_claims(wanted)
    named = claims[claims["speaker"].str.contains("Kostin|Tkachenko")]
    assert len(named) >= 100 and (named["side"] == "other").all(), named["side"].value_counts()
    assert not (claims["side"] == "ukraine").any()  # nobody else in these meetings is Ukraine's either
