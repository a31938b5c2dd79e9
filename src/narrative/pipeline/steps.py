"""The analyses the notebooks show, as functions: each cell of a notebook calls one of them.

Every function reads its inputs as arguments or from the run directory's ``tables/``, writes its
own tables (``tables/*.csv``) and figures (``figures/*.png``) there, and returns what the notebook
shows. ``claims_step`` … ``comparison_step`` run a whole notebook's analysis in one call (used
by tests and to prepare a scratch run); their keyword parameters are exactly the notebook's
parameters (:data:`narrative.pipeline.params.SCHEMA`; a test ties the three together).

Each function imports what it uses: a notebook's kernel then loads only its own libraries
(scipy.stats, scikit-learn and NLTK cost ~3 s of imports together).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .classify import classifier_step, frames_task, score_other_claims, side_task
from .runfiles import StepError, figure, read_table, timed, write
from ..infra.datafiles import DEMO_CORPUS
from .params import DEPENDS, NOTEBOOKS
from .scratch import locate, scratch_dir

__all__ = [
    "StepError", "open_run_dir", "read_table", "show",
    "load_documents", "extract", "claims_by_side", "claims_step",                     # 01
    "score_frames", "frame_profile", "frame_evidence", "framing_step",                # 02
    "side_task", "score_other_claims", "frames_task", "classifier_step",              # 03
    "frame_differences", "log_odds", "reporter_stance", "weekly", "comparison_step",                     # 04
]

DOC_COLUMNS = ["doc_id", "source", "side", "date", "title", "n_words"]
#: frame-score columns that are not categories
SCORE_META = ("doc_id", "claim_id", "side", "n_tokens", "vader_compound")


def open_run_dir(run_dir, notebook: str) -> Path:
    """The run directory a notebook writes into (every notebook's first call).

    ``narrative run`` passes its run directory. A notebook opened by hand (``run_dir = None``)
    gets a scratch run directory (:func:`narrative.pipeline.scratch.scratch_dir`), and the
    notebooks before it run there with their defaults when their tables are missing, so any
    notebook runs on its own and never writes into the repository.
    """
    if run_dir is not None:
        return Path(run_dir)
    scratch = scratch_dir()
    print(f"run_dir: {scratch} (scratch run directory: the notebook was opened outside `narrative run`)")
    needed = {"01_claims.ipynb": "claims.csv", "02_lexicon_framing.ipynb": "frame_scores.csv"}
    for earlier in [nb for nb in NOTEBOOKS if nb in DEPENDS.get(notebook, ())]:
        if not (scratch / "tables" / needed[earlier]).is_file():
            print(f"running {earlier} first with its defaults (its tables are missing)")
            if earlier == "01_claims.ipynb":
                claims_step(scratch, corpus=[locate(DEMO_CORPUS)], jobs=2)
            else:
                framing_step(scratch, jobs=2)
    return scratch


# -- 01 claims ----------------------------------------------------------------------------------
def load_documents(run_dir, *, corpus, text_column=None, actors=None) -> pd.DataFrame:
    """The corpus's documents with their word counts → ``documents.csv`` (columns :data:`DOC_COLUMNS`)."""
    from ..actors import load_actors
    from ..corpus import Columns, load_corpus
    from ..segment import count_words

    with timed(run_dir, "corpus: load"):
        docs = load_corpus([locate(p) for p in _paths(corpus)], columns=Columns(text=text_column),
                           sides=load_actors(actors).source_sides())
    meta = docs.assign(n_words=docs["text"].map(count_words))[DOC_COLUMNS]
    write(meta, run_dir, "documents.csv")
    return meta


def _paths(corpus) -> list:
    return [corpus] if isinstance(corpus, (str, Path)) else list(corpus)


def extract(run_dir, *, corpus, text_column=None, actors=None, claims_method="rules", claims_profile="speech",
            keep_duplicates=False, jobs=1, backend="local", scheduler=None) -> pd.DataFrame:
    """Claims (speaker, cue, content, side) → ``claims.csv``, extracted chunk by chunk on ``backend``
    (:mod:`narrative.pipeline.stream`): the same output on every backend and job count."""
    from ..corpus import Columns
    from .stream import duplicate_ids, run_stream

    paths = [locate(p) for p in _paths(corpus)]
    drop = frozenset() if keep_duplicates else duplicate_ids(paths, Columns(text=text_column))
    with timed(run_dir, f"claims: extract ({claims_method}, {claims_profile}, {backend}, {jobs} jobs, "
                        f"{len(drop)} duplicate documents left out)"):
        run_stream(paths, stages=("claims",), backend=backend, jobs=jobs,
                   scheduler=scheduler, columns=Columns(text=text_column), actors=actors, method=claims_method,
                   profile=claims_profile, drop_ids=drop, claims_out=Path(run_dir) / "tables" / "claims.csv")
    return read_table(run_dir, "claims.csv")


def claims_by_side(run_dir, claims: pd.DataFrame) -> tuple[pd.DataFrame, object]:
    """Claims per side and quote type → ``claims_by_side.csv`` and its bar chart."""
    from .. import compare, plots

    by_side = claims.groupby(["side", "quote_type"]).size().rename("claims").reset_index()
    write(by_side, run_dir, "claims_by_side.csv")
    unknown, said = compare.unknown_share(claims)  # speakers nobody could resolve: left out of every comparison
    print(f"side unknown: {unknown:,} of {said:,} attributed claims ({unknown / max(1, said):.1%}); "
          "comparisons of sides leave them out")
    return by_side, figure(plots.claims_by_side(by_side), run_dir, "claims_by_side.png")


def claims_step(run_dir, *, corpus, text_column=None, actors=None, claims_method="rules", claims_profile="speech",
                keep_duplicates=False, jobs=1, backend="local", scheduler=None) -> dict:
    """Notebook 01 in one call: corpus → documents.csv, claims.csv, claims_by_side.csv and figure."""
    meta = load_documents(run_dir, corpus=corpus, text_column=text_column, actors=actors)
    claims = extract(run_dir, corpus=corpus, text_column=text_column, actors=actors, claims_method=claims_method,
                     claims_profile=claims_profile, keep_duplicates=keep_duplicates, jobs=jobs, backend=backend, scheduler=scheduler)
    by_side, fig = claims_by_side(run_dir, claims)
    return {"documents": meta, "claims": claims, "by_side": by_side, "figure": fig}


# -- 02 framing -----------------------------------------------------------------------------------
def score_frames(run_dir, claims: pd.DataFrame, lexicon, *, jobs=1) -> pd.DataFrame:
    """Hits per 1,000 tokens of every category, and VADER, for each claim → ``frame_scores.csv``."""
    from ..features import frame_scores

    with timed(run_dir, "frames: lexicon + VADER scores"):
        scores = frame_scores(claims, text_column="content", lexicon=lexicon, n_jobs=jobs)
    write(scores, run_dir, "frame_scores.csv")
    return scores


def frame_evidence(run_dir, claims: pd.DataFrame, lexicon, *, per_side: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every lexicon hit in context (offsets into the source text) → ``evidence.csv``, and the
    ``per_side`` most frequent phrases of each category and side → ``top_phrases.csv``."""
    from ..features import evidence

    with timed(run_dir, "frames: evidence (KWIC)"):
        kwic = evidence(claims, text_column="content", lexicon=lexicon, offset_column="content_start")
    kwic = kwic.merge(claims[["claim_id", "side"]], on="claim_id", how="left")
    top = (kwic.assign(phrase=kwic["match"].str.lower()).groupby(["category", "side", "phrase"]).size()
           .rename("hits").reset_index().sort_values(["category", "side", "hits", "phrase"], ascending=[True, True, False, True])
           .groupby(["category", "side"]).head(per_side))
    write(kwic, run_dir, "evidence.csv")
    write(top, run_dir, "top_phrases.csv")
    return kwic, top


def frame_profile(run_dir, scores: pd.DataFrame, lexicon, *, side_a, side_b, n_boot=1000, seed=0):
    """Mean rate per side and category with 95% cluster-bootstrap CIs → ``frame_profile.csv`` and figure."""
    from .. import compare, plots

    with timed(run_dir, "frames: bootstrap profile"):
        profile = compare.frame_profile(scores, lexicon.categories, n_boot=n_boot, seed=seed)
    write(profile, run_dir, "frame_profile.csv")
    shown = profile[profile["side"].isin([side_a, side_b, "journalist"])]
    title = f"Frame profile: {side_a} vs {side_b}" + (" vs journalist" if "journalist" in set(shown["side"]) else "")
    fig = plots.frame_profile(shown if len(shown) else profile, title=title)
    return profile, figure(fig, run_dir, "frame_profile.png")


def framing_step(run_dir, *, lexicon=None, side_a="kremlin", side_b="ukraine", n_boot=1000, seed=0, jobs=1) -> dict:
    """Notebook 02 in one call: claims.csv → frame_scores, evidence, top_phrases, frame_profile and figure."""
    from ..lexicons import load_lexicon

    lex = load_lexicon(lexicon)
    claims = read_table(run_dir, "claims.csv")
    scores = score_frames(run_dir, claims, lex, jobs=jobs)
    kwic, top = frame_evidence(run_dir, claims, lex)
    profile, fig = frame_profile(run_dir, scores, lex, side_a=side_a, side_b=side_b, n_boot=n_boot, seed=seed)
    return {"scores": scores, "evidence": kwic, "profile": profile, "top_phrases": top, "figure": fig}


# -- 03 classifier: see :mod:`.classify` ---------------------------------------------------------


# -- 04 comparison --------------------------------------------------------------------------------
def categories_of(scores: pd.DataFrame) -> list[str]:
    """The frame categories of a scores table (its columns other than :data:`SCORE_META`)."""
    return [c for c in scores.columns if c not in SCORE_META]


def log_odds(run_dir, claims: pd.DataFrame, *, side_a, side_b, top_k=20):
    """Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008; each word's pooled
    count) of every word but English stopwords and actors' names between the sides' claims →
    ``log_odds.csv``, ``log_odds_top.csv`` and figure."""
    from .. import compare, plots

    counts_a = compare.term_counts(claims.loc[claims["side"] == side_a, "content"])
    counts_b = compare.term_counts(claims.loc[claims["side"] == side_b, "content"])
    if counts_a.empty or counts_b.empty:
        raise StepError(f"no claims for side {side_a if counts_a.empty else side_b!r}")
    with timed(run_dir, "compare: log-odds"):
        # English stopwords and the actors file's person names left out, the pooled counts as prior:
        # with neither, "i", "you", "vladimir" led the comparison of the demo corpus
        from ..actors import load_actors

        odds = compare.log_odds(counts_a, counts_b, exclude=compare.name_terms(load_actors()))
    write(compare.top_terms(odds, k=top_k).reset_index(), run_dir, "log_odds_top.csv")
    write(odds.reset_index(), run_dir, "log_odds.csv")
    return odds, figure(plots.log_odds(odds, a=side_a, b=side_b), run_dir, "log_odds.png")


def frame_differences(run_dir, scores: pd.DataFrame, *, side_a, side_b, n_boot=1000, n_perm=1000, seed=0):
    """Mean rate of ``side_a`` minus ``side_b`` per category, with a cluster-bootstrap CI, a
    permutation p-value and BH q over categories → ``frame_differences.csv``."""
    from .. import compare

    with timed(run_dir, "compare: frame differences (bootstrap + permutation)"):
        diffs = compare.frame_differences(scores, categories_of(scores), a=side_a, b=side_b, n_boot=n_boot,
                                          n_perm=n_perm, seed=seed)
    write(diffs, run_dir, "frame_differences.csv")
    return diffs


def reporter_stance(run_dir, claims: pd.DataFrame, *, side_a, side_b, n_boot=1000, n_perm=1000, seed=0):
    """The share of each side's attributed claims the reporter distances (a distancing cue or a
    journalist hedge), with article-bootstrap CIs and the difference ``side_a − side_b`` →
    ``reporter_stance.csv``, and per outlet → ``reporter_stance_by_outlet.csv``
    (:func:`narrative.compare.reporter_stance`)."""
    from .. import compare

    with timed(run_dir, "compare: reporter's stance"):
        stance = compare.reporter_stance(compare.stance_sums(claims), a=side_a, b=side_b, n_boot=n_boot,
                                         n_perm=n_perm, seed=seed)
        # and per outlet (the documents' source), when the corpus has several
        from .stream import group_column

        outlets = group_column(claims, read_table(run_dir, "documents.csv"), "outlet")
        by_outlet = compare.reporter_stance(compare.stance_sums(outlets, by="outlet"), by="outlet", n_boot=n_boot,
                                            seed=seed)
    write(stance, run_dir, "reporter_stance.csv")
    write(by_outlet, run_dir, "reporter_stance_by_outlet.csv")
    return stance


def weekly(run_dir, scores: pd.DataFrame, category: str, *, side_a, side_b):
    """Weekly mean rates per side with normal 95% CIs → ``weekly_rates.csv``, and the figure of ``category``."""
    from .. import compare, plots

    docs = read_table(run_dir, "documents.csv")
    rates = compare.weekly_rates(scores[scores["side"].isin([side_a, side_b])], docs.set_index("doc_id")["date"],
                                 categories_of(scores))
    write(rates, run_dir, "weekly_rates.csv")
    return rates, figure(plots.weekly(rates, category), run_dir, "weekly.png")


def comparison_step(run_dir, *, side_a, side_b, n_boot=1000, n_perm=1000, top_k=20, seed=0) -> dict:
    """Notebook 04 in one call: claims.csv + frame_scores.csv → log-odds, frame differences, weekly rates."""
    claims = read_table(run_dir, "claims.csv")
    scores = read_table(run_dir, "frame_scores.csv")
    odds, fig = log_odds(run_dir, claims, side_a=side_a, side_b=side_b, top_k=top_k)
    diffs = frame_differences(run_dir, scores, side_a=side_a, side_b=side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
    stance = reporter_stance(run_dir, claims, side_a=side_a, side_b=side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
    rates, _weekly_fig = weekly(run_dir, scores, diffs["category"].iloc[0], side_a=side_a, side_b=side_b)
    return {"log_odds": odds, "differences": diffs, "stance": stance, "weekly": rates, "figure": fig}


def show(fig, dpi: int = 100):
    """A figure as an inline PNG for a notebook cell (the figures are pyplot-free)."""
    import io

    from IPython.display import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return Image(data=buffer.getvalue(), format="png")
