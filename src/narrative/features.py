"""Framing features: lexicon rates, VADER sentiment, and the evidence behind them.

The featurizers (:mod:`narrative.featurizers`) follow scikit-learn's estimator
contract (``fit`` returns self, learned state ends in ``_``, ``transform`` checks it is fitted,
``get_feature_names_out`` names every column) and take a 1-D sequence of texts, so they drop into
``Pipeline`` and ``FeatureUnion``. Scoring a table (:func:`frame_scores`, :func:`claim_frames`,
:func:`evidence`) imports neither scikit-learn nor NLTK.

Examples
--------
>>> from sklearn.pipeline import make_union
>>> from narrative.featurizers import LexiconFeatures, SentimentFeatures
>>> union = make_union(LexiconFeatures(), SentimentFeatures())
>>> X = union.fit_transform(["Our forces continue to deter enemy attacks.",
...                          "Russia claimed a great victory."])
>>> X.shape
(2, 14)
>>> union.get_feature_names_out()[:2].tolist()
['lexiconfeatures__achievement', 'lexiconfeatures__resistance']
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np
import pandas as pd

from .lexicons import Lexicon, load_lexicon
from .infra.parallel import map_parts
from .schema import EVIDENCE

VADER_COLUMNS = ("vader_compound", "vader_pos", "vader_neg", "vader_neu")
KWIC_WIDTH = 60


def text_list(X) -> list[str]:
    """The texts of a 1-D sequence, a Series, or a one-column 2-D array/DataFrame (what every featurizer takes).

    >>> text_list(pd.DataFrame({"content": ["a", "b"]}))
    ['a', 'b']
    """
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"expected one text column, got {X.shape[1]} columns")
        X = X.iloc[:, 0]
    array = np.asarray(X, dtype=object)
    if array.ndim == 2:
        if array.shape[1] != 1:
            raise ValueError(f"expected one text column, got {array.shape[1]} columns")
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError("expected a 1-D sequence of texts")
    return ["" if v is None else str(v) for v in array]


def lexicon_rates(lexicon: Lexicon, texts: Sequence[str], per: float = 1000.0,
                  sides: Sequence[str] | None = None) -> tuple[list[int], np.ndarray]:
    """``(n_tokens per text, weighted hits per `per` tokens: texts × lexicon.categories)``, one pass
    per text; ``sides``: each text's speaker side, for the perspective rules (:meth:`Lexicon.count`)."""
    index = {c: j for j, c in enumerate(lexicon.categories)}
    rates = np.zeros((len(texts), len(index)), dtype=float)
    n_tokens = []
    sides = [None] * len(texts) if sides is None else sides
    for i, (text, side) in enumerate(zip(texts, sides)):
        n, totals = lexicon.count(text, side)
        n_tokens.append(n)
        if n:
            for cat, value in totals.items():
                rates[i, index[cat]] = value * per / n
    return n_tokens, rates


@lru_cache(maxsize=1)
def vader_analyzer():
    """The VADER analyzer (:class:`narrative.sentiment.Analyzer`: NLTK's, without importing NLTK), with the
    lexicon NLTK's offline data holds."""
    from .sentiment import Analyzer

    return Analyzer()


@lru_cache(maxsize=262144)
def vader_scores(text: str) -> tuple[float, float, float, float]:
    """VADER scores of one text, memoised: cross-validation scores each claim many times."""
    s = vader_analyzer().polarity_scores(text)
    return (s["compound"], s["pos"], s["neg"], s["neu"])


def _score_chunk(part: list[tuple[str, str | None]], lexicon: Lexicon, sentiment: bool):
    texts, sides = [t for t, _s in part], [s for _t, s in part]
    n_tokens, rates = lexicon_rates(lexicon, texts, sides=sides)
    # SentimentFeatures' first column (its transform is these rows), without importing scikit-learn
    vader = np.asarray([vader_scores(text)[0] for text in texts], dtype=float) if sentiment else None
    return n_tokens, rates, vader


def frame_scores(table: pd.DataFrame, *, text_column: str, lexicon: Lexicon | None = None,
                 sentiment: bool = True, keep: Sequence[str] = ("doc_id", "claim_id", "side"),
                 n_jobs: int = 1) -> pd.DataFrame:
    """Per-row frame rates: the ``keep`` columns present, ``n_tokens``, one column
    per category (hits per 1,000 words, :mod:`narrative.analyzer`) and ``vader_compound``. A ``side`` column is the
    speaker's side the perspective rules score from (:meth:`narrative.lexicons.Lexicon.count`).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["d"], "side": ["ukraine"],
    ...                   "content": ["Ukrainian forces continue to deter enemy attacks."]})
    >>> row = frame_scores(t, text_column="content", sentiment=False).iloc[0]
    >>> int(row.n_tokens), float(round(row.resistance, 1))
    (7, 142.9)
    """
    lexicon = lexicon or load_lexicon()
    texts = table[text_column].fillna("").astype(str).tolist()
    sides = table["side"].tolist() if "side" in table.columns else [None] * len(texts)
    parts = map_parts(_score_chunk, list(zip(texts, sides)), lexicon, sentiment, n_jobs=n_jobs, min_part=2000)
    out = table[[c for c in keep if c in table.columns]].reset_index(drop=True).copy()
    out["n_tokens"] = [n for p in parts for n in p[0]]
    rates = pd.DataFrame(np.vstack([p[1] for p in parts]) if parts else np.zeros((0, len(lexicon.categories))),
                         columns=list(lexicon.categories))
    out = pd.concat([out, rates], axis=1)
    if sentiment:
        out["vader_compound"] = np.concatenate([p[2] for p in parts]) if parts else []
    return out


def claim_frames(table: pd.DataFrame, *, text_column: str = "content", lexicon: Lexicon | None = None,
                 n_jobs: int = 1, scorer: str | None = None) -> pd.Series:
    """The frames each row carries, as the suite scores them: ``;``-joined categories in the
    lexicon's order (empty string = no frame), indexed like ``table``. The one place that says
    which scorer turns a claim into frame labels (sampling sheets, estimates and threads read it).

    ``scorer``: one of :data:`narrative.framescorer.SCORERS` (``lexicon``, ``classifier``: the shipped
    learned scorer at its thresholds, ``union``: either, ``combined``: per category the source the grouped CV
    chose); None is the suite's default, the one the shipped model's card
    names as measuring better in grouped cross-validation (:func:`default_scorer`). A user's own lexicon
    is always scored as a lexicon (the learned scorer was trained with the shipped one).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["d", "d"], "side": ["ukraine", "ukraine"],
    ...                   "content": ["Ukrainian forces continue to deter enemy attacks.", "The weather was mild."]})
    >>> claim_frames(t).tolist()
    ['resistance;aggression', '']
    """
    return claim_frame_table(table, text_column=text_column, lexicon=lexicon, n_jobs=n_jobs, scorer=scorer)["frames"]


def default_scorer() -> str:
    """The suite's per-claim frame scorer: ``suite_scorer`` of the shipped model's card."""
    from .infra.datafiles import FRAME_SCORER_CARD, data_path

    import json

    return json.loads(data_path(FRAME_SCORER_CARD, "models").read_text("utf-8"))["suite_scorer"]


def claim_frame_table(table: pd.DataFrame, *, text_column: str = "content", lexicon: Lexicon | None = None,
                      n_jobs: int = 1, scorer: str | None = None, hits_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per row (indexed like ``table``): ``frames`` (as :func:`claim_frames`), ``scorer`` and ``evidence``: the
    words that carried each label (``category: phrase, phrase`` for lexicon hits; the strongest features,
    named by the claim's own words, for the learned scorer), ``|``-separated.

    ``hits_table``: the keyword-in-context table of the same rows and lexicon (:func:`evidence`), when one was
    made already: the lexicon scorer then reads its hits from it instead of matching every text again (the
    same hits, so the same table; used when ``table`` has unique ``claim_id`` values)."""
    custom = lexicon is not None and lexicon is not load_lexicon()
    lexicon = lexicon or load_lexicon()
    scorer = "lexicon" if custom else (scorer or default_scorer())
    if scorer != "lexicon":  # the learned scorer (and scikit-learn) only when it is asked for
        from .framescorer import SCORERS, load_scorer

        if scorer not in SCORERS:
            raise ValueError(f"unknown frame scorer {scorer!r}; choose from {', '.join(SCORERS)}")
    cats = list(lexicon.categories)
    texts = table[text_column].fillna("").astype(str).tolist()
    sides = table["side"].tolist() if "side" in table.columns else [None] * len(texts)
    if scorer == "lexicon" and hits_table is not None and "claim_id" in table.columns and table["claim_id"].is_unique:
        says = _says_from_hits(table["claim_id"].tolist(), hits_table)
    elif scorer == "lexicon":  # category -> the phrases that hit it (the evidence table's hits of the same claims)
        says = []
        for text, hits in zip(texts, find_all(lexicon, texts, sides)):
            per: dict[str, list[str]] = {}
            for hit in hits:
                for cat in hit.categories:
                    per.setdefault(cat, []).append(text[hit.start:hit.end])
            says.append({c: ", ".join(v) for c, v in per.items()})
    else:  # the learned scorer's labels, each with its evidence (lexicon phrases, else the strongest features)
        model, _card = load_scorer()
        why = model.explain(pd.DataFrame({"text": texts, "side": sides}), scorer=scorer)[1] if texts else []
        says = [dict(part.split(": ", 1) for part in reason.split(" | ") if part) for reason in why]
    frames, evidence_ = [], []
    for per in says:
        on = [c for c in cats if c in per]
        frames.append(";".join(on))
        evidence_.append(" | ".join(f"{c}: {per[c]}" for c in on))
    return pd.DataFrame({"frames": frames, "scorer": scorer, "evidence": evidence_}, index=table.index)


def _says_from_hits(claim_ids: list, hits_table: pd.DataFrame) -> list[dict[str, str]]:
    """Per claim, category -> its hits' matched words (``, ``-joined in text order), from an :func:`evidence`
    table: one row per hit and category, in the order :meth:`Lexicon.find` gives the hits."""
    per: dict[str, dict[str, list[str]]] = {}
    for claim_id, cat, match in zip(hits_table["claim_id"].tolist(), hits_table["category"].tolist(),
                                    hits_table["match"].tolist()):
        per.setdefault(claim_id, {}).setdefault(cat, []).append(match)
    return [{c: ", ".join(v) for c, v in per.get(claim_id, {}).items()} for claim_id in claim_ids]


def find_all(lexicon: Lexicon, texts: list[str], sides: list) -> list[list]:
    """``[lexicon.find(text, side=side) ...]`` for every text (a side that is not a string: none).

    >>> [len(h) for h in find_all(load_lexicon(), ["Russia claimed a victory.", "Mild weather."], [None, None])]
    [2, 0]
    """
    return [lexicon.find(text, side=side if isinstance(side, str) else None) for text, side in zip(texts, sides)]


def evidence(table: pd.DataFrame, *, text_column: str, lexicon: Lexicon | None = None,
             width: int = KWIC_WIDTH, offset_column: str | None = None) -> pd.DataFrame:
    """A keyword-in-context table: one row per hit per category
    (:data:`narrative.schema.EVIDENCE`). ``start``/``end`` index the text in
    ``text_column``, plus ``offset_column`` when given (e.g. ``content_start``
    to make them document offsets).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["d"], "claim_id": ["d:1"],
    ...                   "content": ["Russia claimed it had captured the city."]})
    >>> evidence(t, text_column="content")[["category", "match"]].values.tolist()
    [['hedge', 'claimed'], ['achievement', 'captured']]
    """
    lexicon = lexicon or load_lexicon()
    sides = table["side"] if "side" in table.columns else [None] * len(table)
    texts = table[text_column].fillna("").astype(str).tolist()
    return _kwic(table, texts, find_all(lexicon, texts, list(sides)), width, offset_column)


def _kwic(table: pd.DataFrame, texts: list[str], hits_of: list[list], width: int, offset_column: str | None) -> pd.DataFrame:
    """The :func:`evidence` table of ``table``'s rows, their texts and each text's hits."""
    rows = []
    has_claims = "claim_id" in table.columns
    shifts = table[offset_column] if offset_column else [0] * len(table)
    for doc_id, claim_id, text, shift, hits in zip(table["doc_id"], table["claim_id"] if has_claims else [""] * len(table),
                                                   texts, shifts, hits_of):
        for hit in hits:
            left = " ".join(text[max(0, hit.start - width):hit.start].split())
            right = " ".join(text[hit.end:hit.end + width].split())
            for cat in hit.categories:
                rows.append((doc_id, claim_id, cat, hit.phrase, left, text[hit.start:hit.end], right,
                             int(hit.start + shift), int(hit.end + shift), hit.rule))
    return pd.DataFrame(rows, columns=list(EVIDENCE))


def scores_and_evidence(table: pd.DataFrame, *, text_column: str, lexicon: Lexicon | None = None,
                        sentiment: bool = True, offset_column: str | None = None,
                        width: int = KWIC_WIDTH) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(frame_scores(table, ...), evidence(table, ...))`` with the lexicon matched once per text: the rates are
    the hits' weights per category (what :meth:`Lexicon.count` adds up, in the same order), the evidence their
    context (notebook 01's workers make both). A ``side`` that is neither text nor None is scored apart.

    >>> t = pd.DataFrame({"doc_id": ["d"], "claim_id": ["d:1"], "side": ["ukraine"],
    ...                   "content": ["Ukrainian forces continue to deter enemy attacks."]})
    >>> scores, kwic = scores_and_evidence(t, text_column="content", sentiment=False)
    >>> scores.equals(frame_scores(t, text_column="content", sentiment=False)), len(kwic)
    (True, 2)
    """
    from .analyzer import lower_tokens_counted

    lexicon = lexicon or load_lexicon()
    sides = table["side"].tolist() if "side" in table.columns else [None] * len(table)
    if not all(side is None or isinstance(side, str) for side in sides):
        return (frame_scores(table, text_column=text_column, lexicon=lexicon, sentiment=sentiment),
                evidence(table, text_column=text_column, lexicon=lexicon, width=width, offset_column=offset_column))
    texts = table[text_column].fillna("").astype(str).tolist()
    hits_of = find_all(lexicon, texts, sides)
    index = {c: j for j, c in enumerate(lexicon.categories)}
    rates = np.zeros((len(texts), len(index)), dtype=float)
    n_tokens = []
    for i, (text, hits) in enumerate(zip(texts, hits_of)):
        n = lower_tokens_counted(text)[1]
        n_tokens.append(n)
        totals: dict[str, float] = {}
        for hit in hits:
            for cat in hit.categories:
                totals[cat] = totals.get(cat, 0.0) + hit.weight
        if n:
            for cat, value in totals.items():
                rates[i, index[cat]] = value * 1000.0 / n
    scores = table[[c for c in ("doc_id", "claim_id", "side") if c in table.columns]].reset_index(drop=True).copy()
    scores["n_tokens"] = n_tokens
    scores = pd.concat([scores, pd.DataFrame(rates, columns=list(lexicon.categories))], axis=1)
    if sentiment:
        scores["vader_compound"] = np.asarray([vader_scores(text)[0] for text in texts], dtype=float)
    return scores, _kwic(table, texts, hits_of, width, offset_column)
