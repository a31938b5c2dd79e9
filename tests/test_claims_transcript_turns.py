"""A transcript's turns hold even when its quotation marks pair wrongly across them (composed text in the style of
a Kremlin transcript: a stray mark glued to a word, then another turns later)."""
import pandas as pd

from narrative.claims import extract_claims

TEXT = ('Vladimir Putin: Good afternoon, colleagues. Anna Petrova: My question is about the roads, which people '
        'here call"the long mud\' every spring. Will they be repaired? Thank you very much. Vladimir Putin: The '
        'roads will be repaired this summer. I promised it last year and I keep my word. Anna Petrova: And the '
        'bridges?" Vladimir Putin: The bridges come next year.')


def claims():
    return extract_claims(pd.DataFrame({"doc_id": ["putin-x"], "source": ["putin"], "text": [TEXT]}))


def test_no_content_runs_across_a_turn_marker():
    for content in claims()["content"]:
        assert "Vladimir Putin:" not in content[1:] and "Anna Petrova:" not in content[1:], content


def test_each_turn_speaks_for_its_own_speaker():
    c = claims()
    roads = c[c["content"].str.contains("The roads will be repaired")].iloc[0]
    question = c[c["content"].str.startswith("Will they be repaired")].iloc[0]
    assert roads["actor"] == "Vladimir Putin" and question["actor"] == "Anna Petrova"
