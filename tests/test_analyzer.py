"""One definition of a word (narrative.analyzer) for every counter: rates, n-grams, log-odds terms,
document word counts and duplicate shingles."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.analyzer import Analyzer, count_words, is_word, word_count, words
from narrative.lexicons import load_lexicon
from narrative.segment import words as tokens

TEXTS = [
    ("Kyiv's pro-Western forces “held the line,” he said.", 8),
    ("— ... !", 0),
    ("snake_case and 2024 count", 4),
    ("Peskov said -- again -- that the “special military operation” was going to plan.", 12),
]


@pytest.mark.parametrize("text, n_words", TEXTS)
def test_one_definition_of_a_word_for_rates_and_ngrams(text, n_words):
    assert load_lexicon().count(text)[0] == len(words(text)) == len(Analyzer()(text)) == n_words


@pytest.mark.parametrize("text, n_words", TEXTS)
def test_every_counter_counts_the_analysers_words(text, n_words):
    from narrative.compare.words import term_counts
    from narrative.dedup import shingles

    assert count_words(text) == int(term_counts([text]).sum()) == n_words
    assert shingles(text, k=1) == {w.encode("utf-8") for w in words(text)} if n_words else shingles(text, k=1) == set()


def test_count_words_blockwise_equals_one_block():
    text = ("Russia  claimed\tthe town -- twice.\n\nKyiv's forces denied it, " * 50).strip()
    whole = word_count(tokens(text))
    assert whole == 50 * 9 and whole != len(text.split())  # "--" is no word; "it," is one
    for block in (1, 3, 7, 64, 10_000):
        assert count_words(text, block=block) == whole



@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["-", "'", "\u2019", "_", " ", "\n", "\u0130", "\u017f", "\u212a", "--", "“",
                                           "Kyiv's", "pro-Western", "a", "7", "\u0416"]), st.text(max_size=4)),
                max_size=40))
def test_words_are_the_word_tokens_of_the_token_pattern(pieces):
    """One pass of WORD_RE gives exactly the tokens TOKEN_RE makes that are words, lower-cased or not."""
    from narrative.segment import lower_words

    text = "".join(pieces)
    assert words(text) == [t for t in lower_words(text) if is_word(t)]
    assert words(text, lowercase=False) == [t for t in tokens(text) if is_word(t)]
