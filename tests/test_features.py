import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union

from narrative.errors import InputError
from narrative.features import evidence, frame_scores
from narrative.featurizers import LexiconFeatures, SentimentFeatures
from narrative.lexicons import load_lexicon

from support import NEWS

HITS = [
    ("the Kremlin thanked them for their successful actions", "achievement", "successful actions"),
    ("thanked them for the achievement of the operation in Pokrovsk", "achievement", "achievement of the operation"),
    ("Ukrainian forces continue to deter enemy attacks", "resistance", "deter"),
    ("despite the difficult situation in Pokrovsk", "adversity", "difficult situation"),
    ("accompanied by loud statements", "disinformation", "loud statements"),
    ("exclusively for a Western audience", "disinformation", "Western audience"),
    ("a major victory for Moscow if true", "hedge", "if true"),
    ("Russia claimed it had captured the city", "hedge", "claimed"),
    ("the alleged breakthrough", "hedge", "alleged"),
    ("deterred", "resistance", "deterred"),
]


@pytest.mark.parametrize("text,category,match", HITS)
def test_lexicon_finds_phrase(text, category, match):
    hits = load_lexicon().find(text)
    assert any(category in h.categories and text[h.start:h.end] == match for h in hits)


def test_longest_match_no_overlap():
    lex = load_lexicon()
    text = "He spoke of the achievement of the operation."
    hits = lex.find(text)
    spans = [(h.start, h.end) for h in hits]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert text[hits[0].start:hits[0].end] == "achievement of the operation"


def test_count_agrees_with_find():
    lex = load_lexicon()
    n, totals = lex.count(NEWS)
    expected = {}
    for h in lex.find(NEWS):
        for c in h.categories:
            expected[c] = expected.get(c, 0) + h.weight
    assert totals == expected and n > 50


def test_count_tokens_are_the_texts_tokens_when_lower_case_is_longer():
    """'İ'.lower() is two characters; the count still sees the text's own words (not its full stop)."""
    from narrative.segment import TOKEN_RE

    text = "Andriy Yermak met Ambassador İbrahim Kalın for talks on security guarantees."
    n, totals = load_lexicon().count(text)
    assert n == len(TOKEN_RE.findall(text)) - 1 == 11
    assert [text[h.start:h.end] for h in load_lexicon().find(text)] == ["talks", "security guarantees"]
    assert totals == {"diplomacy": 2.0, "legitimacy": 1.0}  # security guarantees: both (lexicon v2)


def test_user_lexicon_and_errors(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("category,phrase,weight,note\nescalation,escalat*,2,\n", encoding="utf-8")
    X = LexiconFeatures(lexicon=str(path)).fit_transform(["Escalation follows escalating rhetoric here."])
    assert X.tolist() == [[2 * 2 * 1000 / 5]]  # per 1,000 words: the full stop is no word
    path.write_text("category,phrase,weight\nx,y,heavy\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2: weight 'heavy'"):
        load_lexicon(path)


def test_transformer_contract_in_pipeline():
    texts = ["Our heroes deter every attack.", "The operation achieved its goals successfully."] * 4
    y = ["ukraine", "kremlin"] * 4
    union = make_union(LexiconFeatures(), SentimentFeatures())
    model = make_pipeline(union, LogisticRegression()).fit(texts, y)
    assert model.predict(["We deter attacks."]).tolist() == ["ukraine"]
    names = union.get_feature_names_out()
    assert len(names) == union.transform(texts).shape[1] == 14
    assert "sentimentfeatures__vader_compound" in names
    with pytest.raises(NotFittedError):
        LexiconFeatures().transform(texts)
    cloned = clone(LexiconFeatures(per=100.0))
    assert cloned.get_params() == {"lexicon": None, "per": 100.0}


def test_frame_scores_and_evidence_offsets():
    claims = pd.DataFrame({"doc_id": ["d"], "claim_id": ["d:0"], "side": ["journalist"],
                           "content": [NEWS], "content_start": [0]})
    scores = frame_scores(claims, text_column="content")
    assert {"n_tokens", "hedge", "vader_compound"} <= set(scores.columns)
    kwic = evidence(claims, text_column="content", offset_column="content_start")
    assert len(kwic) > 5
    assert all(NEWS[r.start:r.end] == r.match for r in kwic.itertuples())
    assert "could not be independently verified" in kwic["match"].str.lower().tolist()


def test_fast_vader_equals_nltks_own_vader():
    """narrative's analyzer (a subclass, NLTK untouched) gives NLTK's tokens and scores on real text."""
    import csv
    import sys

    from nltk.sentiment import vader

    from narrative.features import vader_analyzer
    from narrative.segment import split_sentences
    from narrative.sentiment import FastSentiText

    from support import DEMO

    ours = vader_analyzer()
    from narrative.infra.nltkdata import ensure_nltk_data

    ensure_nltk_data()  # NLTK's own analyzer loads the lexicon from NLTK's data path
    nltk_own = vader.SentimentIntensityAnalyzer()
    assert "_words_and_emoticons" not in vader.SentiText.__dict__ or \
        vader.SentiText.__dict__["_words_and_emoticons"].__module__.startswith("nltk")  # NLTK is not patched
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.DictReader((DEMO / "zelenskyy.csv").open(encoding="utf-8")))[:60]
    sentences = [r["body"][a:b] for r in rows for a, b in split_sentences(r["body"])]
    sentences += ["Great!!! :) not bad...", "-word- ,cat, 'quoted' \"double\" ?!?wow", "!!!", "a b c", "WOW, so GOOD!?!",
                  "It was kind of good, but the BEST part was bad."]
    punc, regex = ours.constants.PUNC_LIST, ours.constants.REGEX_REMOVE_PUNCTUATION
    for text in sentences:
        assert FastSentiText(text, punc, regex).words_and_emoticons == vader.SentiText(text, punc, regex).words_and_emoticons
        assert ours.polarity_scores(text) == nltk_own.polarity_scores(text)
    assert len(sentences) > 500


def test_frame_scores_parallel_equals_serial():
    texts = [f"Our heroes deter attack number {i}. Russia claimed a great victory." if i % 3 else "Talks continue."
             for i in range(4100)]
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(4100)], "content": texts})
    serial = frame_scores(table, text_column="content", n_jobs=1)
    parallel = frame_scores(table, text_column="content", n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_time_ordered_evaluation_never_trains_on_the_future():
    from narrative.model import evaluate, time_folds

    dates = [f"2022-{m:02d}-01" for m in range(1, 13) for _ in range(4)]
    groups = [f"d{i // 2}" for i in range(48)]
    folds = time_folds(dates, groups, n_splits=3)
    for train, test in folds:
        assert max(dates[i] for i in train) < min(dates[i] for i in test)
    texts = ["Our heroes deter attacks.", "The operation achieved its goals."] * 24
    y = ["ukraine", "kremlin"] * 24
    metrics, preds = evaluate(texts, y, groups, kinds=("lexicon", "majority"), n_splits=3, n_boot=50, dates=dates)
    assert preds["lexicon"].isna().sum() == len(folds[0][0])  # the first block is only ever trained on
    assert metrics.query("model == 'lexicon' and `class` == 'macro'")["f1"].iloc[0] == 1.0


def test_score_and_explain_split_over_processes_equals_in_process():
    from narrative.corpus import load_corpus
    from narrative.model import build_model, score_and_explain

    from support import DEMO

    docs = load_corpus(DEMO)
    sentences = [s.strip() for t in docs["text"].head(300) for s in t.split(". ") if len(s.split()) > 3][:2400]
    y = ["a" if i % 3 else "b" for i in range(len(sentences))]
    model = build_model("full").fit(sentences[:600], y[:600])
    serial = score_and_explain(model, sentences, n_jobs=1)
    split = score_and_explain(model, sentences, n_jobs=2)
    assert np.array_equal(serial[0], split[0]) and serial[1] == split[1]
    assert len(serial[1]) == len(sentences) and serial[1][0]


def test_lexicon_is_shared_while_its_file_is_unchanged(tmp_path):
    """load_lexicon returns the same parsed object (its match memo survives CV refits) until the file changes."""
    assert load_lexicon() is load_lexicon()
    path = tmp_path / "lex.csv"
    path.write_text("category,phrase,weight,note\nwar,attack*,1,\n", encoding="utf-8")
    first = load_lexicon(path)
    assert load_lexicon(path) is first
    path.write_text("category,phrase,weight,note\nwar,attack*,1,\npeace,talks,1,\n", encoding="utf-8")
    second = load_lexicon(path)
    assert second is not first and second.categories == ("war", "peace")


def test_featurizers_declare_text_input_like_countvectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    for est in (LexiconFeatures(), SentimentFeatures()):
        assert est.__sklearn_tags__().input_tags == CountVectorizer().__sklearn_tags__().input_tags


DATA_FREE_CHECKS = ("check_estimator_cloneable", "check_estimator_repr", "check_no_attributes_set_in_init",
                    "check_get_params_invariance", "check_set_params", "check_parameters_default_constructible",
                    "check_do_not_raise_errors_in_init_or_set_params", "check_estimator_tags_renamed",
                    "check_valid_tag_types")


@pytest.mark.parametrize("check", DATA_FREE_CHECKS)
@pytest.mark.parametrize("make", [LexiconFeatures, SentimentFeatures])
def test_scikit_learn_checks_that_need_no_numeric_data(make, check):
    """check_estimator skips text transformers (string input tag); these of its checks apply as they are."""
    from sklearn.utils import estimator_checks

    getattr(estimator_checks, check)(make.__name__, make())


TEXTS = ["Our forces continue to deter enemy attacks.", "Russia claimed a great victory.", "Talks continue.",
         "The operation achieved its goals, the ministry said."]


@pytest.mark.parametrize("make", [LexiconFeatures, SentimentFeatures])
def test_text_versions_of_the_data_checks(make):
    """The data-dependent estimator checks, on texts: fit returns self and leaves parameters alone,
    transform before fit raises NotFittedError, refitting is idempotent, pickling keeps the output."""
    import pickle

    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    est = make()
    with pytest.raises(NotFittedError):
        est.transform(TEXTS)
    params = clone(est).get_params()
    assert est.fit(TEXTS) is est and est.get_params() == params
    first = est.transform(TEXTS)
    np.testing.assert_array_equal(est.fit(TEXTS).transform(TEXTS), first)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(est)).transform(TEXTS), first)
    assert first.shape == (len(TEXTS), len(est.get_feature_names_out()))


def test_lexicon_features_validate_their_parameters_when_fitting():
    with pytest.raises(ValueError, match="per must be a number > 0"):
        LexiconFeatures(per=-1).fit(TEXTS)
    with pytest.raises(ValueError, match="lexicon must be None, a path or a Lexicon"):
        LexiconFeatures(lexicon=3).fit(TEXTS)


def test_a_fitted_featurizer_does_not_grow_when_pickled_after_use():
    """The lexicon's per-token match memo stays out of the pickle."""
    import pickle

    est = LexiconFeatures().fit(TEXTS)
    before = len(pickle.dumps(est))
    est.transform([f"{t} number {i} and word{i}" for i in range(300) for t in TEXTS[:1]])
    assert len(pickle.dumps(est)) == before
