"""A learned frame scorer: one logistic regression per codebook category over a claim, its lexicon
evidence, perspective and negation.

Features (:class:`ClaimFeatures`, scikit-learn's transformer contract; ``X`` is a DataFrame with
``text`` and ``side`` columns, or a sequence of texts):

* hashed TF-IDF of word 1–2-grams (words as :mod:`narrative.analyzer` defines them; sublinear tf,
  rows L2-normalised). Terms are hashed (murmurhash3 into :data:`N_FEATURES` columns), so a fitted
  scorer holds **numbers only, no vocabulary**: a model trained on research-only text ships as weights;
* the lexicon's evidence (:meth:`narrative.lexicons.Lexicon.find` with the speaker's side): per category
  whether it hit and log(1 + weighted hits), per perspective rule the hits it decided;
* perspective and negation: the speaker's side, own-side and adversary markers, negators and denial verbs.

Every positive label keeps the words that carried it (:meth:`FrameScorer.explain`): the claim's own
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
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils import murmurhash3_32
from sklearn.utils.validation import check_is_fitted

from .analyzer import Analyzer
from .lexicons import RULES, load_lexicon
from .lexicons.perspective import default_perspective, is_adversary, is_own
from .segment import lower_words

N_FEATURES = 2 ** 18
#: the per-claim scorers the suite can use (:func:`claim_labels`)
SCORERS = ("lexicon", "classifier", "union")
#: the shipped model (weights and idf only) and its card
MODEL_FILE, CARD_FILE = "frames-scorer.npz", "frames-scorer.json"
_SIDES = ("kremlin", "ukraine", "other")


def _frame(X) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise ValueError("X needs a 'text' column (and a 'side' column for perspective)")
        side = X["side"] if "side" in X.columns else pd.Series([None] * len(X), index=X.index)
        return pd.DataFrame({"text": X["text"].fillna("").astype(str).to_numpy(), "side": side.to_numpy()})
    texts = ["" if v is None else str(v) for v in np.asarray(X, dtype=object).ravel()]
    return pd.DataFrame({"text": texts, "side": [None] * len(texts)})


def term_index(term: str, n_features: int = N_FEATURES) -> int:
    """The column a term hashes to."""
    return murmurhash3_32(term, positive=True) % n_features


class ClaimFeatures(TransformerMixin, BaseEstimator):
    """Hashed word n-grams ⊕ lexicon evidence ⊕ perspective and negation (see the module docstring).

    Parameters
    ----------
    n_features : int, default=N_FEATURES
        Hash columns of the n-grams.
    lexicon_weight : float, default=0.5
        Scale of the lexicon and perspective block beside the L2-normalised n-grams.

    Attributes
    ----------
    idf_ : ndarray of shape (n_features,)
    categories_ : list of str
    """

    def __init__(self, *, n_features: int = N_FEATURES, lexicon_weight: float = 0.5):
        self.n_features = n_features
        self.lexicon_weight = lexicon_weight

    def _counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        analyse, rows, cols, vals = Analyzer((1, 2)), [], [], []
        for r, text in enumerate(texts):
            counts: dict[int, int] = {}
            for term in analyse(text):
                j = term_index(term, self.n_features)
                counts[j] = counts.get(j, 0) + 1
            rows += [r] * len(counts); cols += list(counts); vals += list(counts.values())
        return sparse.csr_matrix((np.asarray(vals, dtype=float), (rows, cols)), shape=(len(texts), self.n_features))

    def fit(self, X, y=None):
        data = _frame(X)
        counts = self._counts(data["text"].tolist())
        df = np.bincount(counts.indices, minlength=self.n_features)
        self.idf_ = np.log((1 + counts.shape[0]) / (1 + df)) + 1
        self.categories_ = list(load_lexicon().categories)
        return self

    def _lexicon_block(self, data: pd.DataFrame) -> np.ndarray:
        lex, view = load_lexicon(), default_perspective()
        cats, n_c = self.categories_, len(self.categories_)
        out = np.zeros((len(data), 2 * n_c + len(RULES) + len(_SIDES) + 4))
        for r, (text, side) in enumerate(zip(data["text"], data["side"])):
            side = side if isinstance(side, str) else None
            for hit in lex.find(text, side=side):
                for cat in hit.categories:
                    j = cats.index(cat)
                    out[r, j] = 1.0
                    out[r, n_c + j] += hit.weight
                out[r, 2 * n_c + RULES.index(hit.rule)] += 1
            if side in _SIDES:
                out[r, 2 * n_c + len(RULES) + _SIDES.index(side)] = 1.0
            base = 2 * n_c + len(RULES) + len(_SIDES)
            for w in lower_words(text):
                marker = view.markers.get(w)
                if marker is not None:
                    out[r, base] += is_own(marker, side)
                    out[r, base + 1] += is_adversary(marker, side)
                out[r, base + 2] += w in view.negators or w.endswith(("n't", "n’t"))
                out[r, base + 3] += w in view.denials
        out[:, n_c:2 * n_c] = np.log1p(out[:, n_c:2 * n_c])
        out[:, 2 * n_c:2 * n_c + len(RULES)] = np.log1p(out[:, 2 * n_c:2 * n_c + len(RULES)])
        out[:, -4:] = np.log1p(out[:, -4:])
        return out

    def transform(self, X) -> sparse.csr_matrix:
        check_is_fitted(self, "idf_")
        data = _frame(X)
        counts = self._counts(data["text"].tolist())
        counts.data = 1 + np.log(counts.data)
        tfidf = sparse.csr_matrix(counts.multiply(self.idf_.reshape(1, -1)))
        norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
        tfidf = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ tfidf
        block = sparse.csr_matrix(self._lexicon_block(data) * self.lexicon_weight)
        return sparse.hstack([tfidf, block], format="csr")

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        check_is_fitted(self, "idf_")
        cats = self.categories_
        names = [f"hash:{j}" for j in range(self.n_features)] + [f"lexicon {c}" for c in cats]
        names += [f"lexicon {c} hits" for c in cats] + [f"rule {r}" for r in RULES] + [f"side {s}" for s in _SIDES]
        names += ["own-side markers", "adversary markers", "negators", "denial verbs"]
        return np.asarray(names, dtype=object)


class FrameScorer(BaseEstimator):
    """One logistic regression per category (class-balanced) over :class:`ClaimFeatures`.

    Parameters
    ----------
    C : float, default=1.0
    lexicon_weight : float, default=0.5
    threshold : float, default=0.5
        A label is positive when its probability reaches this.
    """

    def __init__(self, *, C: float = 1.0, lexicon_weight: float = 0.5, threshold: float = 0.5):
        self.C = C
        self.lexicon_weight = lexicon_weight
        self.threshold = threshold

    def fit(self, X, Y: pd.DataFrame):
        self.features_ = ClaimFeatures(lexicon_weight=self.lexicon_weight).fit(X)
        M = self.features_.transform(X)
        self.categories_ = list(Y.columns)
        used = np.unique(M.indices)  # the columns any training claim has: the rest keep weight 0
        M_used = M[:, used]
        coef, intercept = np.zeros((len(self.categories_), M.shape[1])), []
        for j, cat in enumerate(self.categories_):
            y = Y[cat].to_numpy().astype(int)
            if y.min() == y.max():  # one class only: a constant
                intercept.append(20.0 if y[0] else -20.0)
                continue
            model = LogisticRegression(C=self.C, solver="liblinear", max_iter=1000, class_weight="balanced",
                                       random_state=0).fit(M_used, y)
            coef[j, used] = model.coef_[0]
            intercept.append(float(model.intercept_[0]))
        self.coef_ = sparse.csr_matrix(coef)
        self.coef_.eliminate_zeros()
        self.intercept_ = np.asarray(intercept)
        return self

    def decision_function(self, X, M=None) -> np.ndarray:
        check_is_fitted(self, "coef_")
        M = self.features_.transform(X) if M is None else M
        return np.asarray((M @ self.coef_.T).todense()) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each category (rows × :attr:`categories_`)."""
        return 1 / (1 + np.exp(-self.decision_function(X)))

    def predict(self, X) -> pd.DataFrame:
        return pd.DataFrame((self.predict_proba(X) >= self.threshold).astype(int), columns=self.categories_)

    def explain(self, X, k: int = 3) -> tuple[pd.DataFrame, list[str]]:
        """``(0/1 labels, evidence)``: per claim, for each positive category, the ``k`` features that pushed it
        most, named by the claim's own words (``aggression: invaded +0.61, lexicon aggression +0.40``)."""
        data = _frame(X)
        M = self.features_.transform(data)
        scores = self.decision_function(data, M)
        labels = (1 / (1 + np.exp(-scores)) >= self.threshold).astype(int)
        names = self.features_.get_feature_names_out()
        n_hash, analyse = self.features_.n_features, Analyzer((1, 2))
        out = []
        for r, text in enumerate(data["text"]):
            positive = np.flatnonzero(labels[r])
            if not len(positive):
                out.append("")
                continue
            terms = {term_index(t, n_hash): t for t in reversed(analyse(text))}
            row = M.getrow(r)
            parts = []
            for j in positive:
                contrib = row.multiply(self.coef_.getrow(j)).tocsr()
                order = np.argsort(-contrib.data)[:k]
                words = [f"{terms.get(c, names[c]) if c < n_hash else names[c]} {contrib.data[o]:+.2f}"
                         for o, c in ((o, contrib.indices[o]) for o in order) if contrib.data[o] > 0]
                parts.append(f"{self.categories_[j]}: {', '.join(words)}")
            out.append(" | ".join(parts))
        return pd.DataFrame(labels, columns=self.categories_), out

    # -- weights on disk: numbers only --------------------------------------
    def save(self, path: str | Path, card: dict) -> Path:
        """Write the weights (``.npz``: coefficients, intercepts, idf; no text) and ``card`` (JSON, beside it)."""
        check_is_fitted(self, "coef_")
        path = Path(path)
        seen = np.flatnonzero(self.features_.idf_ != self.features_.idf_.max())
        np.savez_compressed(path, coef_data=self.coef_.data, coef_indices=self.coef_.indices, coef_indptr=self.coef_.indptr,
                            coef_shape=np.asarray(self.coef_.shape), intercept=self.intercept_, idf_index=seen,
                            idf_value=self.features_.idf_[seen], idf_default=self.features_.idf_.max())
        settings = {"C": self.C, "lexicon_weight": self.lexicon_weight, "threshold": self.threshold,
                    "n_features": self.features_.n_features, "categories": self.categories_,
                    "lexicon_categories": self.features_.categories_}
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
    scorer = FrameScorer(C=s["C"], lexicon_weight=s["lexicon_weight"], threshold=s["threshold"])
    features = ClaimFeatures(n_features=s["n_features"], lexicon_weight=s["lexicon_weight"])
    features.idf_ = np.full(s["n_features"], float(blob["idf_default"]))
    features.idf_[blob["idf_index"]] = blob["idf_value"]
    features.categories_ = list(s["lexicon_categories"])
    scorer.features_, scorer.categories_ = features, list(s["categories"])
    scorer.coef_ = sparse.csr_matrix((blob["coef_data"], blob["coef_indices"], blob["coef_indptr"]),
                                     shape=tuple(blob["coef_shape"]))
    scorer.intercept_ = blob["intercept"]
    return scorer, card
