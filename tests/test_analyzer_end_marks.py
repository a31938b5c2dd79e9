"""lower_tokens_counted splits a word's final mark ("said," "war.") without the regular expression: the tokens and
the word count are those of the one definition (lower_words, word_count)."""
import pytest

from narrative.analyzer import lower_tokens_counted, word_count
from narrative.segment import lower_words


@pytest.mark.parametrize("text", [
    "Peace, they said -- at last.", "a,", ",", "x.y.", "war.)", "Now!", "(a)", "İstanbul, yes.", "e.g.,",
    "Kyiv’s, x", "1,000.", "__.", "a_b,", "pro-Russian, anti-war.", "“Enough,” he said.", "x², y",
])
def test_the_fast_split_agrees_with_the_definition(text):
    words = lower_words(text)
    assert lower_tokens_counted(text) == (words, word_count(words))
