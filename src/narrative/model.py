"""Classifiers over claims: pipelines, leakage-free evaluation, explanations.

The full model is TF-IDF word 1–2-grams ⊕ lexicon rates ⊕ VADER scores →
logistic regression. Baselines evaluated in the same folds: majority class,
VADER-only and lexicon-only. Folds are grouped by document so no document's
sentences sit on both sides of a split.

Examples
--------
>>> texts = ["We continue to deter enemy attacks.", "Our heroes hold the line.",
...          "The special military operation is going to plan.", "The operation achieved its goals."] * 5
>>> labels = ["ukraine", "ukraine", "kremlin", "kremlin"] * 5
>>> model = build_model("lexicon").fit(texts, labels)
>>> model.predict(["Our forces deter attacks."]).tolist()
['ukraine']
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Sequence

import joblib
import numpy as np
import pandas as pd
import sklearn
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from . import stats
from .analyzer import build_analyzer
from .speakers.actors import Actors
from .featurizers import LexiconFeatures, SentimentFeatures, TextRows, text_rows
from .tfidf import counted_tfidf
from .infra.datafiles import data_lines
from .infra.parallel import joblib_map, map_parts

MODEL_KINDS = ("full", "lexicon", "vader", "majority")
MASK_TOKEN = ""  # names are deleted: a placeholder word would itself reveal the side by its frequency


def build_model(kind: str = "full", *, char_ngrams: bool = False, C: float = 1.0, seed: int = 0,
                multilabel: bool = False, lexicon=None) -> Pipeline:
    """A fresh, unfitted pipeline of one of :data:`MODEL_KINDS`.

    ``lexicon``: the frames lexicon of the lexicon features (a path or a loaded ``Lexicon``;
    None: the shipped one).

    ``multilabel=True`` wraps the classifier one-vs-rest for a 0/1 label matrix
    (the frames task); the majority baseline then predicts each label's mode.
    """
    if kind == "majority":
        return Pipeline([("clf", DummyClassifier(strategy="most_frequent"))])
    if kind not in MODEL_KINDS:
        raise ValueError(f"unknown model kind {kind!r}; choose from {', '.join(MODEL_KINDS)}")
    features = feature_union(words=kind == "full", chars=kind == "full" and char_ngrams,
                             lexicon=kind in ("full", "lexicon"), vader=kind in ("full", "vader"), lexicon_file=lexicon)
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("clf", OneVsRestClassifier(clf) if multilabel else clf)])


def feature_union(*, words: bool = True, chars: bool = False, lexicon: bool = True, vader: bool = False,
                  lexicon_file=None) -> FeatureUnion:
    """The classifiers' features: TF-IDF word 1–2-grams (words as :mod:`narrative.analyzer` defines them), character 3–5-grams, scaled lexicon rates
    (``lexicon_file``: see :func:`build_model`) and VADER scores, each when asked for."""
    parts = []
    if words:
        parts.append(("tfidf", TfidfVectorizer(analyzer=build_analyzer((1, 2)), min_df=2, sublinear_tf=True)))
    if chars:
        parts.append(("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True)))
    if lexicon:
        parts.append(("lexicon", Pipeline([("rates", LexiconFeatures(lexicon=lexicon_file)), ("scale", StandardScaler())])))
    if vader:
        parts.append(("vader", SentimentFeatures()))
    return FeatureUnion(parts)


def mask_terms() -> list[str]:
    """Side-revealing boilerplate shipped in ``narrative/data/mask_terms.txt``."""
    return data_lines("mask_terms.txt")


def mask_texts(texts: Sequence[str], actors: Actors, extra: Sequence[str] | None = None) -> list[str]:
    """Delete actor aliases and side-revealing boilerplate, then fold repeated spaces.

    >>> from narrative.speakers.actors import load_actors
    >>> mask_texts(["President of Ukraine Volodymyr Zelenskyy met Putin in Kyiv."], load_actors())
    ['met in .']
    """
    terms = list(mask_terms() if extra is None else extra)
    boiler = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?!\w)",
                        re.IGNORECASE) if terms else None
    out = []
    for text in texts:
        if boiler is not None:
            text = boiler.sub(MASK_TOKEN, text)
        pieces, last = [], 0
        for start, end, _actor in actors.matches(text):
            pieces.append(text[last:start])
            pieces.append(MASK_TOKEN)
            last = end
        pieces.append(text[last:])
        out.append(" ".join("".join(pieces).split()))
    return out


def time_folds(dates: Sequence, groups: Sequence[str], n_splits: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """Forward-chaining folds: documents sorted by date are cut into ``n_splits + 1``
    blocks; fold k trains on blocks 0..k and tests on block k+1, so a model never
    sees the future. A document never straddles blocks.

    >>> folds = time_folds(["2022-01-01", "2022-01-01", "2022-02-01", "2022-03-01"], ["a", "a", "b", "c"], 2)
    >>> [(tr.tolist(), te.tolist()) for tr, te in folds]
    [([0, 1], [2]), ([0, 1, 2], [3])]
    """
    frame = pd.DataFrame({"date": pd.to_datetime(pd.Series(list(dates)), utc=True, errors="coerce", format="mixed"),
                          "group": list(groups)})
    first = frame.groupby("group")["date"].min().sort_values(kind="mergesort")
    blocks = np.array_split(first.index.to_numpy(), n_splits + 1)
    block_of = {g: b for b, members in enumerate(blocks) for g in members}
    index = frame["group"].map(block_of).to_numpy()
    return [(np.flatnonzero(index <= k), np.flatnonzero(index == k + 1)) for k in range(n_splits)]


def _precomputed(kinds: Sequence[str], texts: list[str], lexicon, n_jobs) -> dict[str, TextRows]:
    """The per-text feature blocks the kinds' pipelines use (pipeline parameter → rows), each computed once."""
    out = {}
    if "full" in kinds:
        out["features__tfidf"] = counted_tfidf(texts)
    if any(kind in ("full", "lexicon") for kind in kinds):
        out["features__lexicon__rates"] = text_rows(texts, LexiconFeatures(lexicon=lexicon), n_jobs=n_jobs)
    if any(kind in ("full", "vader") for kind in kinds):
        out["features__vader"] = text_rows(texts, SentimentFeatures(), n_jobs=n_jobs)
    return out


def _fit_predict(kind: str, texts: list[str], labels: np.ndarray, train, test, seed: int, multilabel: bool, lexicon,
                 rows: dict[str, TextRows] | None = None):
    model = build_model(kind, seed=seed, multilabel=multilabel, lexicon=lexicon)
    if rows:
        steps = model.get_params()
        model.set_params(**{name: block for name, block in rows.items() if name in steps})
    model.fit([texts[i] for i in train], labels[train])
    return model.predict([texts[i] for i in test])


def _out_of_fold(kinds: Sequence[str], texts: list[str], labels: np.ndarray, folds, seed: int, n_jobs,
                 multilabel: bool = False, lexicon=None) -> dict[str, np.ndarray]:
    """Out-of-fold predictions of every model kind; rows no fold tests stay None (0 for multi-label).

    All (kind, fold) fits go to the workers as one batch, in the order of ``kinds``
    (:data:`MODEL_KINDS` lists the costliest first), instead of one ``cross_val_predict``
    per kind: with 5 folds on 2 workers every kind ended with one worker idle. Same fits,
    same predictions. The lexicon rates and VADER scores of each text are computed once, before
    the fits (:func:`text_rows`), not once per fold and kind.
    """
    rows = _precomputed(kinds, texts, lexicon, n_jobs)
    tasks = [(kind, train, test) for kind in kinds for train, test in folds]
    outs = joblib_map(_fit_predict, ((kind, texts, labels, train, test, seed, multilabel, lexicon, rows)
                                     for kind, train, test in tasks),
                      n_jobs=n_jobs, sklearn=True)
    preds = {kind: (np.zeros_like(labels) if multilabel else np.full(len(labels), None, dtype=object)) for kind in kinds}
    for (kind, _train, test), out in zip(tasks, outs):
        preds[kind][test] = out
    return preds


def cv_folds(y: Sequence[str], groups: Sequence[str], *, n_splits: int = 5, seed: int = 0,
             dates: Sequence | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """The ``(train, test)`` folds :func:`evaluate` uses: stratified by ``y`` and grouped, or with ``dates``
    forward-chaining (:func:`time_folds`). They depend on the labels and groups, not on the texts, so
    the masked and unmasked side tasks share them.

    >>> [test.tolist() for _train, test in cv_folds(["a", "b", "a", "b"], ["d1", "d1", "d2", "d2"], n_splits=2)]
    [[2, 3], [0, 1]]
    """
    y, groups = np.asarray(y), np.asarray(groups)
    if dates is None:
        return list(StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(y, y, groups))
    return time_folds(dates, groups, n_splits)


def evaluate(texts: Sequence[str], y: Sequence[str], groups: Sequence[str], *, kinds: Sequence[str] = MODEL_KINDS,
             n_splits: int = 5, n_boot: int = 500, seed: int = 0, label: str = "",
             n_jobs: int | None = None, dates: Sequence | None = None, lexicon=None,
             folds: list | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Grouped cross-validation of each model kind on the same folds (``lexicon``: see :func:`build_model`;
    ``folds``: :func:`cv_folds` of the same labels, groups and settings, when made already).

    With ``dates`` the folds are time-ordered (:func:`time_folds`) and metrics
    cover the rows that some fold tested. Returns ``(metrics, predictions)``:
    metrics has one row per kind and class (class ``macro`` for macro-F1) with
    precision, recall, f1 and a 95% bootstrap CI of macro-F1 over groups;
    predictions holds each row's out-of-fold prediction per kind.
    """
    texts, y, groups = list(texts), np.asarray(y), np.asarray(groups)
    if folds is None:
        folds = cv_folds(y, groups, n_splits=n_splits, seed=seed, dates=dates)
    rows, preds = [], pd.DataFrame({"group": groups, "label": y})
    tested = np.zeros(len(y), dtype=bool)
    tested[np.concatenate([test for _train, test in folds])] = True
    out_of_fold = _out_of_fold(kinds, texts, y, folds, seed, n_jobs, lexicon=lexicon)
    for kind in kinds:
        pred_all = out_of_fold[kind]
        preds[kind] = pred_all
        pred, y_t, g_t = np.asarray(pred_all[tested], dtype=object).astype(str), y[tested], groups[tested]
        low, high = stats.macro_f1_interval(y_t, pred, g_t, n_boot, seed)
        rows.append({"setting": label, "model": kind, "class": "macro",
                     "f1": f1_score(y_t, pred, average="macro", zero_division=0), "ci_low": low, "ci_high": high})
        for cls in np.unique(y_t):
            tp = float(((pred == cls) & (y_t == cls)).sum())
            rows.append({"setting": label, "model": kind, "class": str(cls),
                         "precision": tp / max((pred == cls).sum(), 1), "recall": tp / max((y_t == cls).sum(), 1),
                         "f1": f1_score(y_t == cls, pred == cls, zero_division=0)})
    return pd.DataFrame(rows), preds


def evaluate_multilabel(texts: Sequence[str], Y: pd.DataFrame, groups: Sequence[str], *,
                        kinds: Sequence[str] = MODEL_KINDS, n_splits: int = 5, n_boot: int = 500,
                        seed: int = 0, n_jobs: int | None = None, lexicon=None) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """Grouped cross-validation of multi-label models (one column of ``Y`` per category).

    Returns ``(metrics, predictions)``: per kind, one row per category
    (precision, recall, f1, support) and a ``macro`` row with a 95% bootstrap
    CI over groups; predictions maps kind -> 0/1 matrix of out-of-fold predictions.
    """
    from sklearn.metrics import precision_recall_fscore_support

    texts, groups, labels = list(texts), np.asarray(groups), Y.to_numpy().astype(int)
    folds = list(GroupKFold(n_splits=n_splits).split(texts, labels, groups))
    g, weights = _group_weights(groups, n_boot, seed)
    rows, preds = [], _out_of_fold(kinds, texts, labels, folds, seed, n_jobs, multilabel=True, lexicon=lexicon)
    for kind in kinds:
        pred = preds[kind]
        p, r, f, support = precision_recall_fscore_support(labels, pred, average=None, zero_division=0)
        for j, cat in enumerate(Y.columns):
            rows.append({"model": kind, "class": cat, "precision": p[j], "recall": r[j], "f1": f[j], "support": int(support[j])})
        low, high = stats.multilabel_macro_f1_interval(labels, pred, g, weights)
        rows.append({"model": kind, "class": "macro", "f1": f1_score(labels, pred, average="macro", zero_division=0),
                     "ci_low": low, "ci_high": high, "support": int(labels.sum())})
    return pd.DataFrame(rows), preds


def _group_weights(groups: np.ndarray, n_boot: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's group index and ``n_boot`` bootstrap weight vectors over the groups (documents or
    articles resampled with replacement), for :func:`narrative.stats.multilabel_macro_f1_interval`."""
    _uniq, g = np.unique(groups, return_inverse=True)
    return g, np.vstack(list(stats.bootstrap_weights(np.random.default_rng(seed), int(g.max()) + 1, n_boot)))


def top_features(model: Pipeline, k: int = 15) -> pd.DataFrame:
    """The k largest positive and negative weights of a fitted binary model:
    columns feature, weight, class (the class the weight pushes towards)."""
    clf = model.named_steps["clf"]
    names = model.named_steps["features"].get_feature_names_out()
    coef = clf.coef_[0]
    order = np.argsort(coef)
    # a positive weight pushes towards classes_[1], a negative one towards classes_[0] (a feature is
    # never listed for the class it pushes away from, however large k is)
    rows = [(names[i], float(coef[i]), str(clf.classes_[1])) for i in order[::-1][:k] if coef[i] > 0]
    rows += [(names[i], float(coef[i]), str(clf.classes_[0])) for i in order[:k] if coef[i] < 0]
    return pd.DataFrame(rows, columns=["feature", "weight", "class"])


def explain(model: Pipeline, texts: Sequence[str] | None = None, k: int = 3, *, X=None) -> list[str]:
    """Per text, the k features that pushed a binary model's prediction most (``name:+0.42``).

    Contributions are feature value × weight, computed on the sparse matrix so
    that explaining every claim of a corpus stays cheap.
    """
    from scipy import sparse

    features, clf = model.named_steps["features"], model.named_steps["clf"]
    coef, names = clf.coef_[0], model.named_steps["features"].get_feature_names_out()
    X = sparse.csr_matrix(features.transform(list(texts)) if X is None else X)
    contrib = sparse.csr_matrix(X.multiply(coef.reshape(1, -1)))
    totals = np.asarray(contrib.sum(axis=1)).ravel() + clf.intercept_[0]
    out = []
    for i in range(contrib.shape[0]):
        lo, hi = contrib.indptr[i], contrib.indptr[i + 1]
        values, cols = contrib.data[lo:hi], contrib.indices[lo:hi]
        sign = 1 if totals[i] > 0 else -1
        best = np.argsort(-sign * values)[:k]
        out.append("; ".join(f"{str(names[cols[j]]).split('__')[-1]}:{values[j]:+.2f}" for j in best
                             if sign * values[j] > 0))
    return out


def _score_part(texts: list[str], model: Pipeline, k: int) -> tuple[np.ndarray, list[str]]:
    X = model.named_steps["features"].transform(texts)
    return model.named_steps["clf"].predict_proba(X), explain(model, X=X, k=k)


def score_and_explain(model: Pipeline, texts: Sequence[str], *, k: int = 3,
                      n_jobs: int = 1) -> tuple[np.ndarray, list[str]]:
    """``(class probabilities, explanations)`` of a fitted binary model for many texts,
    split over ``n_jobs`` processes (the featurizers are per-text, so the result does not
    depend on ``n_jobs``).

    >>> import numpy as np
    >>> m = build_model("lexicon").fit(["troops attacked", "we negotiate peace"] * 5, ["a", "b"] * 5)
    >>> proba, why = score_and_explain(m, ["they attacked again"])
    >>> proba.round(2).tolist(), why
    ([[0.81, 0.19]], ['diplomacy:-1.06; aggression:-0.35'])
    """
    texts = list(texts)
    if not texts:
        return np.zeros((0, len(model.named_steps["clf"].classes_))), []
    parts = map_parts(_score_part, texts, model, k, n_jobs=n_jobs, min_part=1000)
    return np.vstack([p for p, _ in parts]), [w for _, why in parts for w in why]


def data_hash(texts: Sequence[str], y: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text, label in zip(texts, y):
        digest.update(f"{label}\t{text}\n".encode("utf-8"))
    return digest.hexdigest()


def save_model(model: Pipeline, path: str | Path, *, texts: Sequence[str], y: Sequence[str], params: dict) -> Path:
    """Save a fitted model with its training parameters and data hash."""
    path = Path(path)
    meta = {"params": params, "data_sha256": data_hash(texts, y), "n_train": len(texts),
            "sklearn": sklearn.__version__}
    joblib.dump({"model": model, "meta": meta}, path)
    path.with_suffix(path.suffix + ".json").write_text(json.dumps(meta, indent=2, sort_keys=True))
    return path


def load_model(path: str | Path) -> tuple[Pipeline, dict]:
    """Load ``(model, meta)`` written by :func:`save_model`."""
    blob = joblib.load(Path(path))
    return blob["model"], blob["meta"]
