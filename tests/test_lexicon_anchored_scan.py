"""The matcher looks for a phrase that begins with a very frequent word ("of course") from its rarer second word,
so that the scan passes over every "of" in C: the hits are exactly those of the plain longest-match scan."""
import pytest

import narrative.lexicons as lexicons
from narrative.lexicons import load_lexicon

PHRASES = ("category,phrase,weight\nbooster,of course,1\nbooster,of course not,1\nbooster,very clear,1\n"
           "talks,course,1\ntalks,clear talks,1\nbooster,of all time,1\nloss,have lost,1\nloss,lost ground,1\n")


@pytest.fixture
def both(tmp_path, monkeypatch):
    path = tmp_path / "mine.csv"
    path.write_text(PHRASES, encoding="utf-8")
    anchored = lexicons._read_lexicon(path)
    monkeypatch.setattr(lexicons, "_FREQUENT", frozenset())  # nothing anchored: the plain scan
    plain = lexicons._read_lexicon(path)
    return anchored, plain


def test_frequent_first_words_are_anchored_on_their_second_word(both):
    anchored, plain = both
    assert set(anchored._anchored) == {"clear", "lost"}  # not "of": "of all time" goes on with a frequent word
    assert not plain._anchored


@pytest.mark.parametrize("text", [
    "Of course.", "of course not", "of course of course", "of", "course", "The course of course.",
    "It is very clear talks will go on.", "very very clear", "clear talks", "We have lost ground.",
    "They have lost, of all time, of course", "of, course", "have lost lost ground",
])
def test_the_anchored_scan_finds_the_plain_scans_hits(both, text):
    anchored, plain = both
    assert anchored.find(text) == plain.find(text)
    assert anchored.count(text) == plain.count(text)


def test_the_shipped_lexicon_anchors_of_course():
    lex = load_lexicon()
    assert "course" in lex._anchored and "of" not in lex._exact_first
    assert lex.count("It is, of course, over.")[1] == {"booster": 1.0}
