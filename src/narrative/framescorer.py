"""A learned frame scorer: one logistic regression per codebook category over a claim, its lexicon
evidence, perspective and negation, combined per category with the lexicon as grouped CV chooses.

Features: :class:`narrative.framefeatures.ClaimFeatures` (hashed word n-grams, the lexicon's hits and rules, the
speaker's side, side markers, negators and denials; numbers only, so a model trained on research-only text ships).

:class:`FrameScorer` fits one class-weighted logistic regression per category. With ``select=True`` its
``fit`` also runs an inner cross-validation grouped by article on the training rows and chooses, per
category, a probability threshold and a **source** (:data:`SOURCES`: the lexicon alone, the classifier
alone, either, or both) by F1 on the out-of-fold predictions; nothing of a test fold is seen when the
scorer is itself cross-validated. Every positive label keeps the words that carried it
(:meth:`FrameScorer.explain`): the lexicon's phrase where the lexicon decided, else the claim's own
n-grams and lexicon features with the largest contributions.

>>> import pandas as pd
>>> X = pd.DataFrame({"text": ["Our forces repelled the attack.", "Talks resumed in Geneva.",
...                            "The enemy shelled the city.", "The weather was mild."] * 3,
...                   "side": ["ukraine"] * 12})
>>> Y = pd.DataFrame({"resistance": [1, 0, 0, 0] * 3, "diplomacy": [0, 1, 0, 0] * 3})
>>> scorer = FrameScorer().fit(X, Y)
>>> scorer.predict(pd.DataFrame({"text": ["Talks resumed."], "side": ["ukraine"]})).iloc[0].to_dict()
{'resistance': 0, 'diplomacy': 1}
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.utils.validation import check_is_fitted

from .analyzer import Analyzer
from .infra.datafiles import FRAME_SCORER_CARD, FRAME_SCORER_MODEL
from .framefeatures import N_FEATURES, N_PHRASES, ClaimFeatures, as_claims, char_grams, term_index
from .lexicons import load_lexicon

__all__ = ["CARD_FILE", "MODEL_FILE", "N_FEATURES", "SCORERS", "SOURCES", "ClaimFeatures", "FrameScorer", "combine",
           "load_scorer", "term_index"]
#: the per-claim scorers the suite can use (:func:`narrative.features.claim_frames`): the lexicon, the
#: classifier at its thresholds, their union, and the per-category combination ``fit`` chose
SCORERS = ("lexicon", "classifier", "union", "combined")
#: how a category's label is made from the lexicon's hit (L) and the classifier's (C)
SOURCES = ("lexicon", "classifier", "union", "both")
#: the probability thresholds an inner CV chooses from
THRESHOLDS = tuple(np.round(np.arange(0.15, 0.86, 0.05), 2))
#: the shipped model (weights and idf only) and its card (named once, in :mod:`narrative.infra.datafiles`)
MODEL_FILE, CARD_FILE = FRAME_SCORER_MODEL, FRAME_SCORER_CARD


def combine(lexicon: np.ndarray, classifier: np.ndarray, sources: Sequence[str]) -> np.ndarray:
    """0/1 labels per category from the lexicon's and the classifier's 0/1 matrices, each column by its source.

    >>> combine(np.array([[1, 0, 1]]), np.array([[0, 1, 1]]), ["lexicon", "union", "both"]).tolist()
    [[1, 1, 1]]
    """
    out = np.empty_like(classifier)
    for j, source in enumerate(sources):
        lex, clf = lexicon[:, j], classifier[:, j]
        out[:, j] = {"lexicon": lex, "classifier": clf, "union": np.maximum(lex, clf), "both": np.minimum(lex, clf)}[source]
    return out


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = float(((y == 1) & (p == 1)).sum())
    denom = 2 * tp + float(((y == 0) & (p == 1)).sum()) + float(((y == 1) & (p == 0)).sum())
    return 2 * tp / denom if denom else 0.0


def _rows(raw, index):
    return raw[0][index], raw[1][index]


class FrameScorer(BaseEstimator):
    """One logistic regression per category (class-balanced) over :class:`ClaimFeatures`, combined per category
    with the lexicon.

    Parameters
    ----------
    C : float, default=1.0
    lexicon_weight : float, default=0.5
    char_weight : float, default=0.0
        Scale of the character 3–5-gram block (0: words and lexicon features only).
    phrase_weight : float, default=0.0
        Scale of the block of lexicon phrases that hit (which phrase, category and rule; 0: no such block).
    threshold : float, default=0.5
        A classifier label is positive when its probability reaches this (``select=False``).
    select : bool, default=False
        Choose each category's threshold (from :data:`THRESHOLDS`) and source (from :data:`SOURCES`) by F1 on
        the out-of-fold predictions of an inner cross-validation grouped by ``groups`` (``fit``'s argument),
        scored on the ``reference`` rows.
    inner_splits : int, default=4
    lexicon : str or None, default=None
        The frames lexicon file (None: the shipped one; a shipped model always uses the shipped one).
    margin : float, default=0.0
        With ``select``, a source other than the lexicon is chosen only when its inner-CV F1 beats the
        lexicon's by more than this (the lexicon's phrases are the plainer evidence; small categories are noisy).

    Attributes
    ----------
    categories_ : list of str
    thresholds_ : ndarray of shape (n_categories,)
        The classifier's threshold per category (the ``classifier`` and ``union`` scorers).
    source_thresholds_ : ndarray of shape (n_categories, len(SOURCES))
        Per category the classifier's threshold for each source of the combination (with ``select``: each
        chosen for that source's F1, so "either" reads a stricter classifier than the classifier alone).
    sources_ : list of str, one of :data:`SOURCES` per category
    """

    def __init__(self, *, C: float = 1.0, lexicon_weight: float = 0.5, char_weight: float = 0.0,
                 phrase_weight: float = 0.0, threshold: float = 0.5, select: bool = False, inner_splits: int = 4,
                 margin: float = 0.0, lexicon: str | None = None):
        self.C = C
        self.lexicon_weight = lexicon_weight
        self.char_weight = char_weight
        self.phrase_weight = phrase_weight
        self.threshold = threshold
        self.select = select
        self.inner_splits = inner_splits
        self.margin = margin
        self.lexicon = lexicon

    def _features(self) -> ClaimFeatures:
        return ClaimFeatures(lexicon_weight=self.lexicon_weight, char_weight=self.char_weight,
                             phrase_weight=self.phrase_weight, lexicon=self.lexicon)

    def _fit_raw(self, raw, y: np.ndarray):
        features = self._features().fit_raw(raw)
        M = features.transform_raw(raw)
        used = np.unique(M.indices)  # the columns any training claim has: the rest keep weight 0
        M_used = M[:, used]
        coef, intercept = np.zeros((y.shape[1], M.shape[1])), []
        for j in range(y.shape[1]):
            if y[:, j].min() == y[:, j].max():  # one class only: a constant
                intercept.append(20.0 if y[0, j] else -20.0)
                continue
            model = LogisticRegression(C=self.C, solver="liblinear", max_iter=1000, class_weight="balanced",
                                       random_state=0).fit(M_used, y[:, j])
            coef[j, used] = model.coef_[0]
            intercept.append(float(model.intercept_[0]))
        coef = sparse.csr_matrix(coef)
        coef.eliminate_zeros()
        return features, coef, np.asarray(intercept)

    def fit(self, X, Y: pd.DataFrame, groups: Sequence | None = None, reference: Sequence[bool] | None = None):
        data, Y = as_claims(X), pd.DataFrame(Y)
        self.categories_ = list(Y.columns)
        y = Y.to_numpy().astype(int)
        raw = self._features().raw(data)
        self.features_, self.coef_, self.intercept_ = self._fit_raw(raw, y)
        self.thresholds_ = np.full(len(self.categories_), float(self.threshold))
        self.source_thresholds_ = np.full((len(self.categories_), len(SOURCES)), float(self.threshold))
        self.sources_ = ["classifier"] * len(self.categories_)
        if self.select:
            self._choose(raw, y, np.arange(len(data)) if groups is None else np.asarray(groups),
                         np.ones(len(data), bool) if reference is None else np.asarray(reference, dtype=bool))
        return self

    def _choose(self, raw, y: np.ndarray, groups: np.ndarray, reference: np.ndarray) -> None:
        proba = np.zeros(y.shape)
        n_splits = min(self.inner_splits, len(np.unique(groups)))
        for train, test in GroupKFold(n_splits=n_splits).split(y, groups=groups):
            features, coef, intercept = self._fit_raw(_rows(raw, train), y[train])
            M = features.transform_raw(_rows(raw, test))
            proba[test] = 1 / (1 + np.exp(-(np.asarray((M @ coef.T).todense()) + intercept)))
        lex = self._lexicon_labels(raw[1])
        y, proba, lex = y[reference], proba[reference], lex[reference]
        for j in range(y.shape[1]):
            # per source the best threshold by F1 (ties go to the one nearest 0.5): the classifier alone, and the
            # classifier as it is combined with the lexicon ("either" wants a stricter classifier than "alone")
            best, scores = {}, []
            for source in SOURCES:
                f1 = lambda t: _f1(y[:, j], combine(lex[:, j:j + 1], (proba[:, j:j + 1] >= t).astype(int), [source])[:, 0])
                best[source] = max(THRESHOLDS, key=lambda t: (f1(t), -abs(t - 0.5)))
                scores.append(f1(best[source]))
            self.thresholds_[j] = best["classifier"]
            self.source_thresholds_[j] = [best[source] for source in SOURCES]
            best_other = 1 + int(np.argmax(scores[1:]))
            self.sources_[j] = SOURCES[best_other] if scores[best_other] > scores[0] + self.margin else SOURCES[0]

    def _lexicon_labels(self, block: np.ndarray) -> np.ndarray:
        cats = self.features_.categories_
        return np.column_stack([(block[:, cats.index(c)] > 0).astype(int) if c in cats else np.zeros(len(block), int)
                                for c in self.categories_]) if len(block) else np.zeros((0, len(self.categories_)), int)

    def decision_function(self, X, M=None) -> np.ndarray:
        check_is_fitted(self, "coef_")
        M = self.features_.transform(X) if M is None else M
        return np.asarray((M @ self.coef_.T).todense()) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each category (rows × :attr:`categories_`)."""
        return 1 / (1 + np.exp(-self.decision_function(X)))

    def predict_all(self, X) -> dict[str, np.ndarray]:
        """0/1 labels (rows × :attr:`categories_`) of every scorer of :data:`SCORERS`."""
        check_is_fitted(self, "coef_")
        raw = self.features_.raw(X)
        return self._predict_raw(raw, self.features_.transform_raw(raw))

    def _predict_raw(self, raw, M) -> dict[str, np.ndarray]:
        lex = self._lexicon_labels(raw[1])
        proba = 1 / (1 + np.exp(-self.decision_function(None, M)))
        clf = (proba >= self.thresholds_).astype(int)
        # the combination reads the classifier at each category's threshold for its source (``_choose``)
        at_source = (proba >= self.combined_thresholds()).astype(int)
        return {"lexicon": lex, "classifier": clf, "union": np.maximum(lex, clf),
                "combined": combine(lex, at_source, self.sources_)}

    def combined_thresholds(self) -> np.ndarray:
        """Per category the classifier's threshold inside the combination: the one chosen for its source
        (:attr:`source_thresholds_`), the classifier's own where the source is the lexicon alone."""
        check_is_fitted(self, "coef_")
        by_source = getattr(self, "source_thresholds_", None)
        if by_source is None:
            return self.thresholds_
        return np.asarray([self.thresholds_[j] if src == "lexicon" else by_source[j, SOURCES.index(src)]
                           for j, src in enumerate(self.sources_)])

    def predict(self, X) -> pd.DataFrame:
        """The per-category combination (:attr:`sources_`; without ``select``, the classifier at ``threshold``)."""
        return pd.DataFrame(self.predict_all(X)["combined"], columns=self.categories_)

    def explain(self, X, k: int = 3, scorer: str = "combined") -> tuple[pd.DataFrame, list[str]]:
        """``(0/1 labels of scorer, evidence)``: per claim, for each positive category, the lexicon's phrases where
        the lexicon hit it, else the ``k`` features that pushed it most, named by the claim's own words
        (``aggression: invaded +0.61, lexicon aggression +0.40``)."""
        data = as_claims(X)
        raw = self.features_.raw(data)
        M = self.features_.transform_raw(raw)
        labels = self._predict_raw(raw, M)[scorer]
        scores = self.decision_function(None, M)
        names = self.features_.get_feature_names_out()
        n, n_hashed, analyse = self.features_.n_features, self.features_.n_hashed, Analyzer((1, 2))
        lex = load_lexicon(self.lexicon)
        out = []
        for r, (text, side) in enumerate(zip(data["text"], data["side"])):
            positive = np.flatnonzero(labels[r])
            if not len(positive):
                out.append("")
                continue
            phrases: dict[str, list[str]] = {}
            for hit in lex.find(text, side=side if isinstance(side, str) else None):
                for cat in hit.categories:
                    phrases.setdefault(cat, []).append(text[hit.start:hit.end])
            terms, row, parts = None, None, []
            for j in positive:
                cat = self.categories_[j]
                if cat in phrases:
                    parts.append(f"{cat}: {', '.join(phrases[cat])}")
                    continue
                if terms is None:  # the claim's own n-grams by column, for the features that pushed it
                    terms = {term_index(t, n): t for t in reversed(analyse(text))}
                    if self.features_.char_weight > 0:
                        terms.update({n + term_index(t, n): t.lstrip("#") for t in reversed(char_grams(text))})
                    if self.features_.phrase_weight > 0:
                        side_ = side if isinstance(side, str) else None
                        terms.update({n_hashed - N_PHRASES + term_index(t, N_PHRASES): f"lexicon {t}"
                                      for t in self.features_.phrase_terms(text, side_)})
                    row = M.getrow(r)
                contrib = row.multiply(self.coef_.getrow(j)).tocsr()
                order = np.argsort(-contrib.data)[:k]
                words = [f"{terms.get(c, names[c]) if c < n_hashed else names[c]} {contrib.data[o]:+.2f}"
                         for o, c in ((o, contrib.indices[o]) for o in order) if contrib.data[o] > 0]
                parts.append(f"{cat}: {', '.join(words) or f'intercept {scores[r, j]:+.2f}'}")
            out.append(" | ".join(parts))
        return pd.DataFrame(labels, columns=self.categories_), out

    # -- weights on disk: numbers only --------------------------------------
    def save(self, path: str | Path, card: dict) -> Path:
        """Write the weights (``.npz``: coefficients, intercepts, idf; no text) and ``card`` (JSON, beside it)."""
        check_is_fitted(self, "coef_")
        if self.lexicon is not None:
            raise ValueError("only a scorer on the shipped lexicon is saved (its features are that lexicon's hits)")
        path = Path(path)
        seen = np.flatnonzero(self.features_.idf_ != self.features_.idf_.max())
        np.savez_compressed(path, coef_data=self.coef_.data, coef_indices=self.coef_.indices, coef_indptr=self.coef_.indptr,
                            coef_shape=np.asarray(self.coef_.shape), intercept=self.intercept_, idf_index=seen,
                            idf_value=self.features_.idf_[seen], idf_default=self.features_.idf_.max())
        settings = {"C": self.C, "lexicon_weight": self.lexicon_weight, "char_weight": self.char_weight,
                    "phrase_weight": self.phrase_weight,
                    "threshold": self.threshold, "select": self.select, "inner_splits": self.inner_splits, "margin": self.margin,
                    "n_features": self.features_.n_features, "categories": self.categories_,
                    "lexicon_categories": self.features_.categories_,
                    "thresholds": [float(t) for t in self.thresholds_], "sources": list(self.sources_),
                    "source_thresholds": [[float(t) for t in row] for row in self.source_thresholds_]}
        path.with_name(CARD_FILE if path.name == MODEL_FILE else path.stem + ".json").write_text(
            json.dumps({**card, "settings": settings}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return path


def load_scorer(path: str | Path | None = None) -> tuple[FrameScorer, dict]:
    """``(scorer, card)`` of a saved scorer (None: the shipped one in ``narrative/models``)."""
    from .infra.datafiles import data_path

    path = Path(path) if path is not None else data_path(MODEL_FILE, "models")
    card = json.loads(path.with_name(CARD_FILE if path.name == MODEL_FILE else path.stem + ".json").read_text("utf-8"))
    s = card["settings"]
    blob = np.load(path)
    scorer = FrameScorer(C=s["C"], lexicon_weight=s["lexicon_weight"], char_weight=s.get("char_weight", 0.0),
                         phrase_weight=s.get("phrase_weight", 0.0),
                         threshold=s["threshold"], select=s.get("select", False), inner_splits=s.get("inner_splits", 4),
                         margin=s.get("margin", 0.0))
    features = ClaimFeatures(n_features=s["n_features"], lexicon_weight=s["lexicon_weight"],
                             char_weight=s.get("char_weight", 0.0), phrase_weight=s.get("phrase_weight", 0.0))
    features.idf_ = np.full(features.n_hashed, float(blob["idf_default"]))
    features.idf_[blob["idf_index"]] = blob["idf_value"]
    features.categories_ = list(s["lexicon_categories"])
    scorer.features_, scorer.categories_ = features, list(s["categories"])
    scorer.coef_ = sparse.csr_matrix((blob["coef_data"], blob["coef_indices"], blob["coef_indptr"]),
                                     shape=tuple(blob["coef_shape"]))
    scorer.intercept_ = blob["intercept"]
    scorer.thresholds_ = np.asarray(s.get("thresholds", [s["threshold"]] * len(scorer.categories_)), dtype=float)
    scorer.sources_ = list(s.get("sources", ["classifier"] * len(scorer.categories_)))
    if "source_thresholds" in s:
        scorer.source_thresholds_ = np.asarray(s["source_thresholds"], dtype=float)
    return scorer, card
