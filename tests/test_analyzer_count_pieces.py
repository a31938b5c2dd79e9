"""``count_words`` counts whitespace pieces without building tokens (memoised per piece): the same
number as the tokens' words (``word_count(segment.words(text))``), on the demo corpus and odd pieces."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import narrative.analyzer as analyzer
from narrative.analyzer import count_words, word_count
from narrative.segment import words as tokens

DEMO = Path(__file__).resolve().parents[1] / "data" / "raw" / "press-releases"


def test_count_words_equals_the_tokens_words_on_the_demo_corpus():
    from narrative.corpus import load_corpus

    if not DEMO.exists():
        pytest.skip(f"demo corpus absent: {DEMO}")
    texts = load_corpus([str(DEMO)]).head(300)["text"].tolist()
    counts = [count_words(t) for t in texts]
    assert counts == [word_count(tokens(t)) for t in texts]
    assert sum(counts) != sum(len(t.split()) for t in texts)  # punctuation pieces ("--", "—") are no words


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["-", "'", "\u2019", "_", " ", "\n", "\u0130", "\u00b2", "--", "said,",
                                           "Kyiv's", "pro-Western", "(TASS)", "a", "7", "\u0416", "_it_"]),
                          st.text(max_size=4)), max_size=40))
def test_count_words_equals_the_tokens_words_on_any_text(parts):
    text = "".join(parts)
    assert count_words(text) == word_count(tokens(text))
    assert count_words(text) == count_words(text)  # a memoised piece counts the same the second time


def test_piece_memo_stays_bounded(monkeypatch):
    monkeypatch.setattr(analyzer, "_PIECES_MAX", 5)
    analyzer._PIECE_WORDS.clear()
    text = " ".join(f"w{i}, x-{i}." for i in range(50))
    assert count_words(text) == word_count(tokens(text)) == 100
    assert len(analyzer._PIECE_WORDS) <= 5
