"""The comparison of two groups, once: the one analysis ``narrative compare`` and notebook 04 call.

Three tables from three kinds of per-group summaries that merge by addition (so a corpus can be
summarised in chunks, :mod:`narrative.pipeline.stream`, or from a run's tables, :func:`summarise`):

* ``log_odds``: the words that distinguish group ``a`` from ``b`` (weighted log-odds z with raw
  counts, :func:`narrative.compare.words.log_odds`), ``top`` the ``top_k`` each way;
* ``differences``: each frame category's rate in ``a`` and ``b`` with a cluster-bootstrap CI,
  permutation p and BH q (:func:`narrative.compare.frames.differences_from_sums`);
* ``stance``: the reporter's stance toward each group's claims (:func:`narrative.compare.stance.reporter_stance`;
  claims level only).

Every option's default is written once, in :class:`Options`: the suite's parameters of the same
name (:data:`narrative.pipeline.params.SCHEMA`) take their defaults from it, and the CLI's options
are generated from that schema, so the CLI and the notebooks cannot disagree.

Example
-------
>>> import pandas as pd
>>> claims = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"], "claim_id": ["c1", "c2", "c3", "c4"],
...     "side": ["kremlin", "kremlin", "ukraine", "ukraine"], "quote_type": ["direct"] * 4,
...     "cue_stance": ["neutral"] * 4, "hedges": [[], [], [], []],
...     "content": ["the operation achieved its goals", "the special operation goes to plan",
...                 "our forces repelled the attack", "the enemy attack was repelled"]})
>>> scores = claims[["doc_id", "claim_id", "side"]].assign(achievement=[1.0, 0.0, 0.0, 0.0], n_tokens=5)
>>> result = compare_groups(summarise(claims, scores), ["achievement"], Options(n_boot=50, n_perm=50))
>>> result.top.loc[result.top["leans"] == "a", "term"].tolist()[:2]
['operation', 'achieved']
>>> result.differences[["category", "mean_a", "mean_b"]].values.tolist()
[['achievement', 0.5, 0.0]]
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Sequence

import pandas as pd

from .errors import InputError, ParameterError

#: columns a comparison cannot group by: one group per claim or document, or list cells
UNGROUPABLE = ("doc_id", "claim_id", "hedges", "content", "content_start", "content_end", "speaker_start",
               "speaker_end", "cue_start", "cue_end")
LEVELS = ("claim", "document")


@dataclass(frozen=True)
class Options:
    """What to compare and how; the suite's parameters take these defaults (``a``/``b`` are
    ``side_a``/``side_b``). ``stopwords``: ``"english"``, ``"none"``, a file with one term per
    line, or a list of terms; ``actors``: the actors file whose person names are left out of the
    log-odds unless ``keep_names`` (None: the shipped one)."""

    by: str = "side"
    a: str = "kremlin"
    b: str = "ukraine"
    prior: str = "informative"
    alpha: float = 0.01
    stopwords: str | Sequence[str] = "english"
    keep_names: bool = False
    level: str = "claim"
    n_boot: int = 1000
    n_perm: int = 1000
    seed: int = 0
    top_k: int = 20
    actors: str | None = None

    def checked(self) -> "Options":
        """The options, or a :class:`ParameterError` naming the one that cannot work."""
        from .compare.words import PRIORS

        if self.a == self.b:
            raise ParameterError("a/b", f"the two groups are the same ({self.a!r}); compare two different groups")
        if self.by in UNGROUPABLE:
            raise ParameterError("by", f"cannot group by {self.by!r} (one group per row, or a list); use a column "
                                       "such as side, actor, speaker, cue, quote_type, outlet, date")
        if self.prior not in PRIORS:
            raise ParameterError("prior", f"must be one of {', '.join(PRIORS)}, got {self.prior!r}")
        if isinstance(self.alpha, bool) or not isinstance(self.alpha, (int, float)) or not math.isfinite(self.alpha) \
                or self.alpha <= 0:
            raise ParameterError("alpha", f"must be a finite number > 0, got {self.alpha!r}")
        if self.level not in LEVELS:
            raise ParameterError("level", f"must be one of {', '.join(LEVELS)}, got {self.level!r}")
        for name in ("n_boot", "n_perm", "top_k"):
            if getattr(self, name) < 1:
                raise ParameterError(name, f"must be >= 1, got {getattr(self, name)}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise ParameterError("seed", f"must be an integer >= 0, got {self.seed!r}")
        return self

    @classmethod
    def from_args(cls, args) -> "Options":
        """Options from parsed arguments carrying these names (the CLI's ``compare``)."""
        return cls(**{f.name: getattr(args, f.name) for f in fields(cls) if hasattr(args, f.name)})


def stopword_terms(stopwords) -> str | list[str]:
    """``"english"`` / ``"none"`` as they are, a list as it is, else the terms of the named file."""
    if not isinstance(stopwords, str) or stopwords in ("english", "none"):
        return stopwords
    from pathlib import Path

    from .infra.datafiles import list_lines, user_text

    if not Path(stopwords).is_file():
        raise InputError(stopwords, None, "--stopwords is not english, none or a readable file")
    return list_lines(user_text(stopwords, what="stopword list"))


@dataclass
class Summary:
    """What a comparison needs, per group: term counts, per-document frame sums
    (:func:`narrative.compare.frames.doc_sums`) and reporter's-stance sums (:func:`narrative.compare.stance.stance_sums`)."""

    counts: dict[str, pd.Series]
    doc_sums: pd.DataFrame
    stance_sums: pd.DataFrame | None = None


@dataclass
class Comparison:
    """The three tables (``stance`` is None at document level) and the full log-odds table."""

    log_odds: pd.DataFrame
    top: pd.DataFrame
    differences: pd.DataFrame
    stance: pd.DataFrame | None


def summarise(claims: pd.DataFrame, scores: pd.DataFrame, *, by: str = "side") -> Summary:
    """A :class:`Summary` of a claims table and its frame scores (a run's ``claims.csv`` and
    ``frame_scores.csv``), grouped by the claims' column ``by``."""
    from .compare.frames import doc_sums
    from .compare.stance import stance_sums
    from .compare.words import term_counts

    if by not in claims.columns:
        raise ParameterError("by", f"no column {by!r} in the claims")
    if by not in scores.columns:
        scores = scores.assign(**{by: scores["claim_id"].map(dict(zip(claims["claim_id"], claims[by])))})
    counts = {str(group): term_counts(part["content"]) for group, part in claims.groupby(by, sort=True)}
    categories = [c for c in scores.columns if c not in ("doc_id", "claim_id", "side", by, "n_tokens", "vader_compound")]
    return Summary(counts=counts, doc_sums=doc_sums(scores, categories, by=by), stance_sums=stance_sums(claims, by=by))


def compare_groups(summary: Summary, categories: Sequence[str], options: Options = Options(), *,
                   where: str = "the corpus") -> Comparison:
    """The comparison of ``options.a`` and ``options.b`` (see the module docstring).

    ``where`` names the input in the error when a group has no text.
    """
    from .compare.frames import differences_from_sums
    from .compare.stance import reporter_stance
    from .compare.words import log_odds, name_terms, top_terms

    options = options.checked()
    for name in (options.a, options.b):
        if name not in summary.counts:
            known = ", ".join(sorted(summary.counts)[:12])
            raise InputError(where, None, f"no text for {options.by} {name!r} (groups: {known})")
    stopwords = stopword_terms(options.stopwords)
    if options.keep_names:
        names = frozenset()
    else:
        from .speakers.actors import load_actors

        names = name_terms(load_actors(options.actors))
    table = log_odds(summary.counts[options.a], summary.counts[options.b], prior=options.prior, alpha=options.alpha,
                       stopwords=stopwords, exclude=names)
    top = top_terms(table, k=options.top_k).reset_index()
    diffs = differences_from_sums(summary.doc_sums, list(categories), by=options.by, a=options.a, b=options.b,
                                  n_boot=options.n_boot, n_perm=options.n_perm, seed=options.seed)
    stance = None
    if options.level == "claim" and summary.stance_sums is not None:
        stance = reporter_stance(summary.stance_sums, by=options.by, a=options.a, b=options.b,
                                 n_boot=options.n_boot, n_perm=options.n_perm, seed=options.seed)
    return Comparison(log_odds=table, top=top, differences=diffs, stance=stance)
