"""The learned frame scorer's features: a claim's hashed word (and character) n-grams, its lexicon evidence,
perspective and negation (scikit-learn's transformer contract; see :mod:`narrative.framescorer`).

* hashed TF-IDF of word 1–2-grams (words as :mod:`narrative.analyzer` defines them) and, when
  ``char_weight`` > 0, of character 3–5-grams inside words (sublinear tf, each block L2-normalised).
  Terms are hashed (murmurhash3 into :data:`N_FEATURES` columns per block), so a fitted model holds
  **numbers only, no vocabulary**;
* the lexicon's evidence (:meth:`narrative.lexicons.Lexicon.find` with the speaker's side): per category
  whether it hit and log(1 + weighted hits), per perspective rule the hits it decided;
* perspective and negation: the speaker's side, own-side and adversary markers, negators and denial verbs.

>>> features = ClaimFeatures().fit(["Talks resumed."])
>>> M = features.transform(["Talks resumed."])
>>> bool(M[0, term_index("talks")] > 0), int(features.lexicon_hits(M)[0, features.categories_.index("diplomacy")])
(True, 1)
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils import murmurhash3_32
from sklearn.utils.validation import check_is_fitted

from .analyzer import Analyzer
from .lexicons import RULES, load_lexicon
from .lexicons.perspective import default_perspective, is_adversary, is_own
from .segment import lower_words

N_FEATURES = 2 ** 18
#: hash columns of the lexicon-phrase block (which phrase hit which category by which rule)
N_PHRASES = 2 ** 14
def _sides() -> tuple[str, ...]:
    """The speaker sides one-hot encoded: the perspective's belligerents (``perspective.csv``), then ``other``."""
    return tuple(sorted(default_perspective().belligerents)) + ("other",)
_CHARS = (3, 5)




def as_claims(X) -> pd.DataFrame:
    """``X`` (a DataFrame with ``text`` and optional ``side``, or a sequence of texts) as ``text``, ``side`` columns."""
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


def char_grams(text: str) -> list[str]:
    """Character 3–5-grams inside each word padded with spaces (scikit-learn's ``char_wb``), prefixed ``#``
    so that they hash apart from words.

    >>> char_grams("War")[:4]
    ['# wa', '#war', '#ar ', '# war']
    """
    out = []
    for w in lower_words(text):
        if not (w[:1].isalnum() or w[:1] == "_"):
            continue
        padded = f" {w} "
        for n in range(_CHARS[0], _CHARS[1] + 1):
            out += ["#" + padded[i:i + n] for i in range(len(padded) - n + 1)]
    return out


class ClaimFeatures(TransformerMixin, BaseEstimator):
    """Hashed word n-grams ⊕ character n-grams ⊕ lexicon evidence ⊕ perspective and negation (see the
    module docstring).

    Parameters
    ----------
    n_features : int, default=N_FEATURES
        Hash columns per n-gram block.
    lexicon_weight : float, default=0.5
        Scale of the lexicon and perspective block beside the L2-normalised n-grams.
    char_weight : float, default=0.0
        Scale of the L2-normalised character 3–5-gram block (0: no such block).
    phrase_weight : float, default=0.0
        Scale of the L2-normalised block of lexicon phrases (each hit as ``category:phrase:rule``, hashed into
        :data:`N_PHRASES` columns; 0: no such block), so that a model can learn which phrases a coder trusts.
    lexicon : str or None, default=None
        The frames lexicon file whose hits are features (None: the shipped one).

    Attributes
    ----------
    idf_ : ndarray of shape (n_features,) or (2 * n_features,) with character n-grams
    categories_ : list of str
    """

    def __init__(self, *, n_features: int = N_FEATURES, lexicon_weight: float = 0.5, char_weight: float = 0.0,
                 phrase_weight: float = 0.0, lexicon: str | None = None):
        self.n_features = n_features
        self.lexicon_weight = lexicon_weight
        self.char_weight = char_weight
        self.phrase_weight = phrase_weight
        self.lexicon = lexicon

    @property
    def n_hashed(self) -> int:
        return self.n_features * (2 if self.char_weight > 0 else 1) + (N_PHRASES if self.phrase_weight > 0 else 0)

    def _counts(self, texts: Sequence[str], phrases: Sequence[list[str]] | None = None) -> sparse.csr_matrix:
        analyse, rows, cols, vals = Analyzer((1, 2)), [], [], []
        n, chars = self.n_features, self.char_weight > 0
        base = n * (2 if chars else 1)
        for r, text in enumerate(texts):
            counts: dict[int, int] = {}
            for term in analyse(text):
                j = term_index(term, n)
                counts[j] = counts.get(j, 0) + 1
            for term in (char_grams(text) if chars else ()):
                j = n + term_index(term, n)
                counts[j] = counts.get(j, 0) + 1
            for term in (phrases[r] if phrases is not None else ()):
                j = base + term_index(term, N_PHRASES)
                counts[j] = counts.get(j, 0) + 1
            rows += [r] * len(counts); cols += list(counts); vals += list(counts.values())
        return sparse.csr_matrix((np.asarray(vals, dtype=float), (rows, cols)), shape=(len(texts), self.n_hashed))

    def raw(self, X) -> tuple[sparse.csr_matrix, np.ndarray]:
        """``(hashed term counts, lexicon block)``: what does not depend on fitting (computed once per text)."""
        data = as_claims(X)
        phrases = [] if self.phrase_weight > 0 else None
        block = self._lexicon_block(data, phrases)
        return self._counts(data["text"].tolist(), phrases), block

    def phrase_terms(self, text: str, side: str | None) -> list[str]:
        """The lexicon-phrase block's terms of one claim: ``category:phrase:rule`` per hit and category.

        >>> ClaimFeatures(phrase_weight=1.0).phrase_terms("Talks resumed.", None)
        ['diplomacy:talks:lexicon']
        """
        lex = load_lexicon(self.lexicon)
        return [f"{cat}:{hit.phrase.lower()}:{hit.rule}" for hit in lex.find(text, side=side) for cat in hit.categories]

    def fit(self, X, y=None):
        return self.fit_raw(self.raw(X))

    def fit_raw(self, raw: tuple[sparse.csr_matrix, np.ndarray]):
        counts = raw[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        self.idf_ = np.log((1 + counts.shape[0]) / (1 + df)) + 1
        self.categories_ = list(load_lexicon(self.lexicon).categories)
        return self

    def _lexicon_block(self, data: pd.DataFrame, phrases: list | None = None) -> np.ndarray:
        lex, view, sides = load_lexicon(self.lexicon), default_perspective(), _sides()
        cats = list(lex.categories)
        n_c = len(cats)
        out = np.zeros((len(data), 2 * n_c + len(RULES) + len(sides) + 4))
        for r, (text, side) in enumerate(zip(data["text"], data["side"])):
            side = side if isinstance(side, str) else None
            terms = []
            for hit in lex.find(text, side=side):
                for cat in hit.categories:
                    terms.append(f"{cat}:{hit.phrase.lower()}:{hit.rule}")
                    j = cats.index(cat)
                    out[r, j] = 1.0
                    out[r, n_c + j] += hit.weight
                out[r, 2 * n_c + RULES.index(hit.rule)] += 1
            if phrases is not None:
                phrases.append(terms)
            if side in sides:
                out[r, 2 * n_c + len(RULES) + sides.index(side)] = 1.0
            base = 2 * n_c + len(RULES) + len(sides)
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
        return self.transform_raw(self.raw(X))

    def transform_raw(self, raw: tuple[sparse.csr_matrix, np.ndarray]) -> sparse.csr_matrix:
        check_is_fitted(self, "idf_")
        counts, block = raw
        counts = counts.copy()
        counts.data = 1 + np.log(counts.data)
        tfidf = sparse.csr_matrix(counts.multiply(self.idf_.reshape(1, -1)))
        n = self.n_features
        parts = [self._normalised(tfidf[:, :n])]
        if self.char_weight > 0:
            parts.append(self._normalised(tfidf[:, n:2 * n]) * self.char_weight)
        if self.phrase_weight > 0:
            parts.append(self._normalised(tfidf[:, self.n_hashed - N_PHRASES:self.n_hashed]) * self.phrase_weight)
        parts.append(sparse.csr_matrix(block * self.lexicon_weight))
        return sparse.hstack(parts, format="csr")

    @staticmethod
    def _normalised(M: sparse.csr_matrix) -> sparse.csr_matrix:
        norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
        return sparse.csr_matrix(sparse.diags(1 / np.where(norms > 0, norms, 1)) @ M)

    def lexicon_hits(self, M: sparse.csr_matrix) -> np.ndarray:
        """The lexicon's 0/1 hit per category (:attr:`categories_`) read back from a transformed matrix."""
        n_c = len(self.categories_)
        return (M[:, self.n_hashed:self.n_hashed + n_c].toarray() > 0).astype(int)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        check_is_fitted(self, "idf_")
        cats = self.categories_
        names = [f"hash:{j}" for j in range(self.n_features)]
        names += [f"chars:{j}" for j in range(self.n_features)] if self.char_weight > 0 else []
        names += [f"phrase:{j}" for j in range(N_PHRASES)] if self.phrase_weight > 0 else []
        names += [f"lexicon {c}" for c in cats]
        names += [f"lexicon {c} hits" for c in cats] + [f"rule {r}" for r in RULES] + [f"side {s}" for s in _sides()]
        names += ["own-side markers", "adversary markers", "negators", "denial verbs"]
        return np.asarray(names, dtype=object)
