"""narrative's VADER gives NLTK's own SentimentIntensityAnalyzer scores on whole demo claims, also on the
claims it scores without building a SentiText (no token can be a lexicon word)."""
import pytest

from support import DEMO


@pytest.fixture(scope="module")
def claim_texts(tmp_path_factory):
    from narrative.claims.extract import extract_claims
    from narrative.corpus import load_corpus
    from narrative.speakers.actors import load_actors
    from support import demo_slice

    if not DEMO.is_dir():
        pytest.skip(f"demo corpus missing: {DEMO}")
    corpus = demo_slice(tmp_path_factory.mktemp("demo") / "corpus", n=40)
    actors = load_actors()
    claims = extract_claims(load_corpus([corpus], sides=actors.source_sides()), actors)
    return claims["content"].astype(str).tolist()


def test_scores_equal_nltks_on_demo_claims(claim_texts):
    from nltk.sentiment import vader

    from narrative.features import vader_analyzer

    from narrative.infra.nltkdata import ensure_nltk_data

    ensure_nltk_data()
    ours, nltk_own = vader_analyzer(), vader.SentimentIntensityAnalyzer()
    composed = ["", " ", "a", "x y", "(good)", "good!!", "'bad'", "...", ":)", "-- :( --", "Ok.", "NO!", "war",
                "«great»", "the (unlikely) outcome", "KIND of", "İstanbul talks"]
    texts = claim_texts + composed
    shortcut = [t for t in texts if not ours.may_score(t)]
    assert len(shortcut) > 100 and len(texts) - len(shortcut) > 100  # both paths are exercised
    for text in texts:
        assert ours.polarity_scores(text) == nltk_own.polarity_scores(text), text
