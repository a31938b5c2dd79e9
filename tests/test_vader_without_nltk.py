"""narrative.vader runs NLTK's own vader.py without importing NLTK: the same lexicon, constants and scores as
NLTK's SentimentIntensityAnalyzer on demo claims, and scoring frames imports neither NLTK nor scikit-learn."""

import pytest

from support import DEMO, imported_by


def test_frame_scoring_imports_neither_nltk_nor_sklearn():
    code = ("import sys, pandas as pd\n"
            "from narrative.features import frame_scores, claim_frames\n"
            "t = pd.DataFrame({'doc_id': ['d'], 'claim_id': ['d:1'], 'side': ['ukraine'],\n"
            "                  'content': ['Our forces repelled the attack. A great day.']})\n"
            "s = frame_scores(t, text_column='content')\n"
            "assert s['vader_compound'].iloc[0] > 0 and claim_frames(t).iloc[0]\n")
    assert imported_by(code, ('nltk', 'sklearn', 'scipy.stats')) == []


@pytest.fixture(scope="module")
def nltk_own():
    from nltk.sentiment import vader

    from narrative.infra.nltkdata import ensure_nltk_data

    ensure_nltk_data()
    return vader.SentimentIntensityAnalyzer()


def test_lexicon_and_constants_are_nltks(nltk_own):
    from narrative.vader import SentimentIntensityAnalyzer

    ours = SentimentIntensityAnalyzer()
    assert ours.lexicon == nltk_own.lexicon and len(ours.lexicon) > 7000
    for name in ("NEGATE", "BOOSTER_DICT", "SPECIAL_CASE_IDIOMS", "PUNC_LIST", "B_INCR", "B_DECR", "C_INCR",
                 "N_SCALAR"):
        assert getattr(ours.constants, name) == getattr(nltk_own.constants, name), name
    assert ours.constants.REGEX_REMOVE_PUNCTUATION.pattern == nltk_own.constants.REGEX_REMOVE_PUNCTUATION.pattern


def test_fitted_analyzer_pickles_and_names_no_nltk_module():
    import pickle

    from narrative.sentiment import Analyzer

    analyzer = Analyzer()
    back = pickle.loads(pickle.dumps(analyzer))
    assert back.polarity_scores("a terrible defeat") == analyzer.polarity_scores("a terrible defeat")
    assert type(analyzer.constants).__module__ == "narrative.vader"


def test_scores_equal_nltks_on_demo_claims(nltk_own):
    from narrative.claims.extract import extract_claims
    from narrative.corpus import load_corpus
    from narrative.speakers.actors import load_actors
    from narrative.vader import SentimentIntensityAnalyzer
    from support import demo_slice

    if not DEMO.is_dir():
        pytest.skip(f"demo corpus missing: {DEMO}")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as scratch:
        corpus = demo_slice(Path(scratch) / "corpus", n=25)
        actors = load_actors()
        texts = extract_claims(load_corpus([corpus], sides=actors.source_sides()), actors)["content"].astype(str).tolist()
    texts += ["Great!!! :) not bad...", "-word- ,cat, 'quoted' \"double\" ?!?wow", "It was kind of good, but the "
              "BEST part was bad.", "Not at least the worst", "never so good", "no one was NOT happy!!?", ""]
    ours = SentimentIntensityAnalyzer()
    assert len(texts) > 300
    assert sum(nltk_own.polarity_scores(t)["compound"] != 0 for t in texts) > 100  # real sentiment, not zeros
    for text in texts:
        assert ours.polarity_scores(text) == nltk_own.polarity_scores(text), text


@pytest.mark.parametrize("text", [
    "The new bridge is the bomb, never so good, but the old one was bad.",   # idiom, "never so", "but"
    "It was kind of great and kind of awful; kind of.",                        # "kind of" and a repeated token
    "The talks aren't good, isn't it sad? Not at least the worst outcome.",     # n't negations, "least"
    "The deal is absolutely good, the partner extremely GOOD, the rest bad!!",  # boosters, capitals, emphasis
    "good good good bad bad but good",                                         # repeated tokens before and after "but"
    "Good", "no good", "never this bad, never so happy, so very sad",
])
def test_fast_paths_equal_nltks(nltk_own, text):
    from narrative.sentiment import Analyzer

    assert Analyzer().polarity_scores(text) == nltk_own.polarity_scores(text)


def _random_texts(constants, lexicon, n, seed):
    """``n`` composed texts drawn (seeded) from VADER's own vocabulary: lexicon words, idiom and booster words,
    whole idioms and multi-word boosters ("the bomb", "kind of"), negations, "but", "least", "never so",
    neutral words, in random case with punctuation and emoticons
    stuck on or standing alone."""
    import random

    rng = random.Random(seed)
    lexicon_words = sorted(lexicon)
    idiom_words = sorted({w for key in list(constants.SPECIAL_CASE_IDIOMS) + list(constants.BOOSTER_DICT)
                          for w in key.split(" ")})
    phrases = sorted(k for k in list(constants.SPECIAL_CASE_IDIOMS) + list(constants.BOOSTER_DICT) if " " in k)
    negations = sorted(constants.NEGATE)
    modifiers = ["but", "least", "at", "kind", "of", "never", "so", "this", "without", "doubt"]
    glue = ["the", "war", "a", "it", "was", "talks", "army", "and", "x"]
    pools = [lexicon_words, idiom_words, phrases, negations, modifiers, glue]
    marks = ["", "", "", "!", "!!", "?", "?!", ".", ",", "...", "'", '"', ":)", ";", "!!!!"]
    texts = []
    for _ in range(n):
        tokens = []
        for _ in range(rng.randint(0, 14)):
            word = rng.choice(rng.choices(pools, weights=(5, 3, 1, 2, 3, 2))[0])
            case = rng.random()
            word = word.upper() if case < 0.15 else word.capitalize() if case < 0.25 else word
            mark = rng.choice(marks)
            where = rng.random()
            word = word + mark if where < 0.6 else mark + word if where < 0.75 else word
            tokens.append(word)
            if rng.random() < 0.05:
                tokens.append(rng.choice(marks[3:]))  # a mark standing alone
        texts.append(" ".join(tokens))
    return texts


def test_random_composed_texts_score_as_nltks(nltk_own):
    """Seeded random texts of VADER's own words and modifiers: every score dict equals NLTK's. It passes on the
    current code; it guards the fast paths (:mod:`narrative.sentiment`: the no-lexicon-word shortcut, the inlined
    negation, the skipped idiom look-up, the lower-cased "but") against any change that departs from NLTK."""
    from narrative.sentiment import Analyzer

    ours = Analyzer()
    texts = _random_texts(nltk_own.constants, nltk_own.lexicon, 3000, seed=2026)
    assert sum(not ours.may_score(t) for t in texts) > 50  # the shortcut is exercised too
    assert sum("but" in t.lower().split() for t in texts) > 100
    for text in texts:
        assert ours.polarity_scores(text) == nltk_own.polarity_scores(text), text
