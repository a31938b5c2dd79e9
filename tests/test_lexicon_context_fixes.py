"""Lexicon fixes generalised from the codebook (G2: a word that names a topic or a fact, not a frame), each on
composed sentences: the blocked reading and the reading that still counts."""
import pytest

from narrative.lexicons import load_lexicon

LEX = load_lexicon()


def frames(text, side="ukraine"):
    return {(c, text[h.start:h.end].lower()) for h in LEX.find(text, side=side) for c in h.categories}


@pytest.mark.parametrize("text, absent, present", [
    ("Better times lie ahead for our towns.", ("disinformation", "lie"), None),
    ("The real answer lies in the east, he said.", ("disinformation", "lies"), None),
    ("He told a lie about the ceasefire.", None, ("disinformation", "lie")),
    ("The epidemic claimed thousands of lives last winter.", ("hedge", "claimed"), None),
    ("Moscow claimed the town had fallen.", None, ("hedge", "claimed")),
    ("Unemployment fell to a historical low of four percent.", ("legitimacy", "historical"), None),
    ("We defend our historical lands.", None, ("legitimacy", "historical")),
    ("Such a blow was never seen in history.", ("legitimacy", "history"), None),
    ("History will judge the aggressor.", None, ("legitimacy", "history")),
    ("The company executive resigned on Monday.", ("aggression", "executive"), None),
    ("The talks were held on 6 May in Minsk.", ("hedge", "may"), None),
    ("The sanctions may hurt them.", None, ("hedge", "may")),
])
def test_a_topic_word_is_no_frame_and_the_frame_word_still_is(text, absent, present):
    found = frames(text)
    if absent:
        assert absent not in found
    if present:
        assert present in found
