"""The shipped English stopword list is scikit-learn's, and a comparison does not import scikit-learn for it."""

from narrative.compare.words import EXTRA_STOPWORDS, log_odds, stopword_set, term_counts

from support import imported_by


def test_english_list_is_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from narrative.analyzer import english_stopwords

    assert english_stopwords() == frozenset(ENGLISH_STOP_WORDS)
    assert stopword_set("english") == frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOPWORDS


def test_threads_and_places_leave_sklearn_unimported():
    code = ("import sys, pandas as pd\n"
            "from narrative.threads import threads\n"
            "claims = pd.DataFrame({'doc_id': ['a', 'b'], 'claim_id': ['a:1', 'b:1'], 'side': ['kremlin', 'ukraine'],\n"
            "    'quote_type': ['self', 'self'], 'content': ['Our troops liberated Pokrovsk.', 'We held Pokrovsk.'],\n"
            "    'content_start': [0, 0], 'content_end': [30, 17], 'speaker': ['', ''], 'cue': ['', ''],\n"
            "    'cue_stance': ['', ''], 'hedges': ['', '']})\n"
            "docs = pd.DataFrame({'doc_id': ['a', 'b'], 'date': ['2024-01-01', '2024-01-02'], 'text': ['', '']})\n"
            "threads(claims, docs, a='kremlin', b='ukraine')\n")
    assert imported_by(code, ("sklearn",)) == []


def test_log_odds_with_english_stopwords_leaves_sklearn_unimported():
    code = ("import sys\n"
            "from narrative.compare.words import log_odds, term_counts\n"
            "t = log_odds(term_counts(['the troops advanced on the town']), term_counts(['the talks resumed in the city']))\n"
            "assert 'the' not in t.index and 'troops' in t.index\n")
    assert imported_by(code, ("sklearn",)) == []


def test_stopwords_leave_the_comparison():
    table = log_odds(term_counts(["We said the enemy attacked our town."]), term_counts(["They said the talks went on."]))
    assert not {"the", "we", "our", "said", "on"} & set(table.index)
    assert {"enemy", "talks"} <= set(table.index)
