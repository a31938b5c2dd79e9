"""The matcher's next-word filter (a saving in `narrative bench`): a token whose phrases all need a second word is
passed over unless that word follows, and the hits are the same as without the filter."""
import pytest

from narrative.lexicons import _StartIndex, load_lexicon


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("category,phrase,weight\nbooster,of course,1\nbooster,of all time,1\ntalks,talk*,1\n"
                    "talks,in talks,1\ntalks,in peace*,1\n", encoding="utf-8")
    return load_lexicon(path)


def test_the_filter_knows_which_next_words_a_start_needs(lexicon):
    assert lexicon._second_words("of") == {"course", "all"}
    assert lexicon._second_words("in") is None  # "in peace*": a prefix second word is not filtered
    assert lexicon._second_words("talks") is None  # a one-token phrase


@pytest.mark.parametrize("text, expected", [
    ("Of course the talks go on.", {"booster": 1.0, "talks": 1.0}),
    ("One of the finest of all time, in talks of course.", {"booster": 2.0, "talks": 1.0}),
    ("Most of them stayed in peacetime quarters, the end of", {"talks": 1.0}),
    ("of", {}),
])
def test_the_hits_are_those_without_the_filter(lexicon, text, expected):
    assert lexicon.count(text)[1] == expected
    lexicon._seconds = _StartIndex(lambda token: None)  # no filter
    assert lexicon.count(text)[1] == expected
