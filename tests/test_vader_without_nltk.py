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
