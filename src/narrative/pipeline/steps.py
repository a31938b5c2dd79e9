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
from .estimates import measurement
from .runfiles import StepError, figure, read_table, timed, write
from ..infra.datafiles import DEMO_CORPUS
from .params import DEPENDS, NOTEBOOKS
from .scratch import locate, scratch_dir

__all__ = [
    "StepError", "open_run_dir", "read_table", "show",
    "load_documents", "extract", "claims_by_side", "claims_step",                     # 01
    "score_frames", "frame_profile", "frame_evidence", "framing_step", "claim_labels", "frame_prevalence",  # 02
    "prevalence_differences",
    "side_task", "score_other_claims", "frames_task", "classifier_step",              # 03
    "compare_sides", "log_odds_figure", "weekly", "comparison_step",                  # 04
    "claim_threads", "measurement",                                                   # 04
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
    from ..speakers.actors import load_actors
    from ..corpus import Columns, load_corpus
    from ..analyzer import count_words

    with timed(run_dir, "corpus: load"):
        docs = load_corpus([locate(p) for p in _paths(corpus)], columns=Columns(text=text_column),
                           sides=load_actors(actors).source_sides())
    meta = docs.assign(n_words=docs["text"].map(count_words))[DOC_COLUMNS]
    write(meta, run_dir, "documents.csv")
    return meta


def _paths(corpus) -> list:
    return [corpus] if isinstance(corpus, (str, Path)) else list(corpus)


#: documents per chunk of notebook 01's local workers: chunks of a few hundred documents keep both workers busy
#: to the end on a corpus of one or two files (the demo's two files as two chunks: 6.1 and 7.1 CPU-s)
SUITE_CHUNK_DOCS = 250


def extract(run_dir, *, corpus, text_column=None, actors=None, claims_method="rules", claims_profile="speech",
            keep_duplicates=False, jobs=1, backend="local", scheduler=None, lexicon=None) -> pd.DataFrame:
    """Claims (speaker, cue, content, side) → ``claims.csv``, extracted chunk by chunk on ``backend``
    (:mod:`narrative.pipeline.stream`): the same output on every backend and job count.

    The same workers score each chunk's claims with ``lexicon`` (lexicon rates and VADER, as
    :func:`score_frames` does, and the hits in context, as :func:`frame_evidence` finds them) while the
    corpus is in their hands and no other notebook runs; both go to the run's exchange
    (:func:`narrative.pipeline.runfiles.scores_exchange`), where notebook 02 takes them instead of
    scoring and matching 61k claims again beside notebook 03."""
    from ..corpus import Columns
    from ..lexicons import load_lexicon
    from .runfiles import scores_exchange
    from .duplicates import duplicate_ids
    from .stream import run_stream

    paths = [locate(p) for p in _paths(corpus)]
    lex = load_lexicon(lexicon)
    exchange = scores_exchange(run_dir, lex)
    exchange.parent.mkdir(parents=True, exist_ok=True)
    with timed(run_dir, "claims: duplicate documents (exact and near, MinHash)"):  # a stage of its own in --profile
        drop = frozenset() if keep_duplicates else duplicate_ids(paths, Columns(text=text_column),
                                                                 jobs=jobs if backend == "local" else 1,
                                                                 chunk_docs=SUITE_CHUNK_DOCS)
    with timed(run_dir, f"claims: extract ({claims_method}, {claims_profile}, {backend}, {jobs} jobs, "
                        f"{len(drop)} duplicate documents left out) and frame scores"):
        run_stream(paths, stages=("claims", "scores", "evidence"), backend=backend, jobs=jobs,
                   scheduler=scheduler, columns=Columns(text=text_column), actors=actors, method=claims_method,
                   profile=claims_profile, drop_ids=drop, claims_out=Path(run_dir) / "tables" / "claims.csv",
                   lexicon=lexicon, scores_out=exchange, evidence_out=scores_exchange(run_dir, lex, "evidence"),
                   scores_fmt="parquet", chunk_docs=SUITE_CHUNK_DOCS if backend == "local" else None, words=False)
    return read_table(run_dir, "claims.csv")


def claims_by_side(run_dir, claims: pd.DataFrame) -> tuple[pd.DataFrame, object]:
    """Claims per side and quote type → ``claims_by_side.csv`` and its bar chart."""
    from .. import plots
    from ..compare.stance import unknown_share

    by_side = claims.groupby(["side", "quote_type"]).size().rename("claims").reset_index()
    write(by_side, run_dir, "claims_by_side.csv")
    unknown, said = unknown_share(claims)  # speakers nobody could resolve: left out of every comparison
    print(f"side unknown: {unknown:,} of {said:,} attributed claims ({unknown / max(1, said):.1%}); "
          "comparisons of sides leave them out")
    return by_side, figure(plots.claims_by_side(by_side), run_dir, "claims_by_side.png")


def claims_step(run_dir, *, corpus, text_column=None, actors=None, claims_method="rules", claims_profile="speech",
                keep_duplicates=False, jobs=1, backend="local", scheduler=None, lexicon=None) -> dict:
    """Notebook 01 in one call: corpus → documents.csv, claims.csv, claims_by_side.csv and figure (and the
    claims' frame scores for notebook 02, see :func:`extract`)."""
    meta = load_documents(run_dir, corpus=corpus, text_column=text_column, actors=actors)
    claims = extract(run_dir, corpus=corpus, text_column=text_column, actors=actors, claims_method=claims_method,
                     claims_profile=claims_profile, keep_duplicates=keep_duplicates, jobs=jobs, backend=backend,
                     scheduler=scheduler, lexicon=lexicon)
    by_side, fig = claims_by_side(run_dir, claims)
    return {"documents": meta, "claims": claims, "by_side": by_side, "figure": fig}


# -- 02 framing -----------------------------------------------------------------------------------
def score_frames(run_dir, claims: pd.DataFrame, lexicon, *, jobs=1) -> pd.DataFrame:
    """Hits per 1,000 tokens of every category, and VADER, for each claim → ``frame_scores.csv``: the scores
    notebook 01's workers computed for these claims and this lexicon (:func:`extract`), else computed here."""
    from ..features import frame_scores
    from .runfiles import read_exchanged_scores

    with timed(run_dir, "frames: lexicon + VADER scores of 01's workers (read)"):
        scores = read_exchanged_scores(run_dir, lexicon, claims)
    if scores is None:  # a notebook run by hand on claims of its own, another lexicon
        with timed(run_dir, "frames: lexicon + VADER scores"):
            scores = frame_scores(claims, text_column="content", lexicon=lexicon, n_jobs=jobs)
    write(scores, run_dir, "frame_scores.csv")
    return scores


def frame_evidence(run_dir, claims: pd.DataFrame, lexicon, *, per_side: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every lexicon hit in context (offsets into the source text) → ``evidence.csv``, and the
    ``per_side`` most frequent phrases of each category and side → ``top_phrases.csv``."""
    from ..features import evidence
    from .runfiles import read_exchanged_evidence

    with timed(run_dir, "frames: evidence (KWIC) of 01's workers (read)"):
        kwic = read_exchanged_evidence(run_dir, lexicon, claims)
    if kwic is None:  # a notebook run by hand on claims of its own, another lexicon
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
    from .. import plots
    from ..compare.frames import frame_profile as profile_of

    with timed(run_dir, "frames: bootstrap profile"):
        profile = profile_of(scores, lexicon.categories, n_boot=n_boot, seed=seed)
    write(profile, run_dir, "frame_profile.csv")
    shown = profile[profile["side"].isin([side_a, side_b, "journalist"])]
    title = f"Frame profile: {side_a} vs {side_b}" + (" vs journalist" if "journalist" in set(shown["side"]) else "")
    fig = plots.frame_profile(shown if len(shown) else profile, title=title)
    return profile, figure(fig, run_dir, "frame_profile.png")


def claim_labels(run_dir, claims: pd.DataFrame, lexicon, *, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each claim's frame labels as the suite scores them (:func:`narrative.features.claim_frame_table`: the
    scorer that measured better, and the words that carried each label) → ``claim_frames.csv``. ``evidence``:
    :func:`frame_evidence`'s table of the same claims and lexicon; the lexicon scorer reads its hits from it
    instead of matching every claim again (the same table)."""
    from ..features import claim_frame_table

    with timed(run_dir, "frames: per-claim labels"):
        table = claim_frame_table(claims, text_column="content", lexicon=lexicon, hits_table=evidence)
    out = claims[["doc_id", "claim_id", "side"]].reset_index(drop=True).join(table.reset_index(drop=True))
    write(out, run_dir, "claim_frames.csv")
    return out


def frame_prevalence(run_dir, scores: pd.DataFrame, labels: pd.DataFrame, lexicon, *, n_boot=1000, seed=0, k=5):
    """The share of each side's claims carrying each frame with 95% cluster-bootstrap CIs → ``frame_prevalence.csv``,
    and each side's longest claims with their share of the side's words and hits → ``longest_claims.csv``."""
    from .. import prevalence

    with timed(run_dir, "frames: prevalence"):
        shares = prevalence.prevalence_profile(scores, lexicon.categories, labels=labels["frames"], n_boot=n_boot, seed=seed)
        longest = prevalence.longest_claims(scores, lexicon.categories, k=k)
    write(shares, run_dir, "frame_prevalence.csv")
    write(longest, run_dir, "longest_claims.csv")
    return shares, longest


def framing_step(run_dir, *, lexicon=None, side_a="kremlin", side_b="ukraine", n_boot=1000, seed=0, jobs=1) -> dict:
    """Notebook 02 in one call: claims.csv → frame_scores, evidence, top_phrases, frame_profile and figure,
    claim_frames, frame_prevalence and longest_claims."""
    from ..lexicons import load_lexicon

    lex = load_lexicon(lexicon)
    claims = read_table(run_dir, "claims.csv")
    scores = score_frames(run_dir, claims, lex, jobs=jobs)
    kwic, top = frame_evidence(run_dir, claims, lex)
    profile, fig = frame_profile(run_dir, scores, lex, side_a=side_a, side_b=side_b, n_boot=n_boot, seed=seed)
    labels = claim_labels(run_dir, claims, lex, evidence=kwic)
    shares, longest = frame_prevalence(run_dir, scores, labels, lex, n_boot=n_boot, seed=seed)
    return {"scores": scores, "evidence": kwic, "profile": profile, "top_phrases": top, "figure": fig,
            "labels": labels, "prevalence": shares, "longest": longest}


# -- 03 classifier: see :mod:`.classify` ---------------------------------------------------------


# -- 04 comparison --------------------------------------------------------------------------------
def categories_of(scores: pd.DataFrame) -> list[str]:
    """The frame categories of a scores table (its columns other than :data:`SCORE_META`)."""
    return [c for c in scores.columns if c not in SCORE_META]


def prevalence_differences(run_dir, scores: pd.DataFrame, *, side_a, side_b, n_boot=1000, n_perm=1000, seed=0):
    """The share of ``side_a``'s claims carrying each frame minus ``side_b``'s (the suite's per-claim labels,
    ``claim_frames.csv``), with the rate's CIs and tests → ``prevalence_differences.csv``."""
    from .. import prevalence

    labels = read_table(run_dir, "claim_frames.csv").drop_duplicates("claim_id").set_index("claim_id")["frames"]
    labels = scores["claim_id"].map(labels).fillna("")
    with timed(run_dir, "compare: prevalence differences (bootstrap + permutation)"):
        diffs = prevalence.prevalence_differences(scores, categories_of(scores), labels=labels, a=side_a,
                                                  b=side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
    write(diffs, run_dir, "prevalence_differences.csv")
    return diffs


def compare_sides(run_dir, claims: pd.DataFrame, scores: pd.DataFrame, *, side_a, side_b, prior="informative",
                  alpha=0.01, stopwords="english", keep_names=False, actors=None, n_boot=1000, n_perm=1000, top_k=20,
                  seed=0):
    """The comparison of the two sides, by the one analysis ``narrative compare`` runs too
    (:func:`narrative.comparison.compare_groups`, the same options and defaults): weighted log-odds
    (English stopwords and the actors file's person names left out unless ``stopwords="none"``,
    ``keep_names``) → ``log_odds.csv``, ``log_odds_top.csv``; frame differences (cluster-bootstrap
    CI, permutation p, BH q) → ``frame_differences.csv``; the reporter's stance → ``reporter_stance.csv``,
    and per outlet → ``reporter_stance_by_outlet.csv``. Returns the
    :class:`narrative.comparison.Comparison`."""
    from ..compare.stance import reporter_stance, stance_sums
    from ..comparison import Options, compare_groups, summarise

    missing = [side for side in (side_a, side_b) if side not in set(scores["side"])]
    if missing:  # one side, one document, no claims: the report says so instead of failing
        raise StepError(f"no claims of side {missing[0]!r} to compare with {side_b if missing[0] == side_a else side_a!r}")
    options = Options(a=side_a, b=side_b, prior=prior, alpha=alpha, stopwords=stopwords, keep_names=keep_names,
                      actors=actors, n_boot=n_boot, n_perm=n_perm, top_k=top_k, seed=seed)
    with timed(run_dir, "compare: log-odds, frame differences (bootstrap + permutation), reporter's stance"):
        result = compare_groups(summarise(claims, scores), categories_of(scores), options, where="claims.csv")
    with timed(run_dir, "compare: reporter's stance by outlet"):
        from .stream import group_column

        outlets = group_column(claims, read_table(run_dir, "documents.csv"), "outlet")
        by_outlet = reporter_stance(stance_sums(outlets, by="outlet"), by="outlet", n_boot=n_boot, seed=seed)
    write(result.top, run_dir, "log_odds_top.csv")
    write(result.log_odds.reset_index(), run_dir, "log_odds.csv")
    write(result.differences, run_dir, "frame_differences.csv")
    write(result.stance, run_dir, "reporter_stance.csv")
    write(by_outlet, run_dir, "reporter_stance_by_outlet.csv")
    return result


def log_odds_figure(run_dir, odds: pd.DataFrame, *, side_a, side_b):
    """The log-odds table as a figure → ``figures/log_odds.png``."""
    from .. import plots

    return figure(plots.log_odds(odds, a=side_a, b=side_b), run_dir, "log_odds.png")


def weekly(run_dir, scores: pd.DataFrame, category: str, *, side_a, side_b):
    """Weekly mean rates per side with normal 95% CIs → ``weekly_rates.csv``, and the figure of ``category``."""
    from .. import plots
    from ..compare.series import weekly_rates

    docs = read_table(run_dir, "documents.csv")
    rates = weekly_rates(scores[scores["side"].isin([side_a, side_b])], docs.set_index("doc_id")["date"],
                         categories_of(scores))
    write(rates, run_dir, "weekly_rates.csv")
    return rates, figure(plots.weekly(rates, category), run_dir, "weekly.png")


def comparison_step(run_dir, *, side_a, side_b, actors=None, prior="informative", alpha=0.01, stopwords="english",
                    keep_names=False, n_boot=1000, n_perm=1000, top_k=20, seed=0, lexicon=None,
                    validation=None) -> dict:
    """Notebook 04 in one call: claims.csv + frame_scores.csv → log-odds, frame differences, stance, weekly rates,
    and with a coded sheet (``validation``) the corrected estimates (:func:`measurement`)."""
    claims = read_table(run_dir, "claims.csv")
    scores = read_table(run_dir, "frame_scores.csv")
    result = compare_sides(run_dir, claims, scores, side_a=side_a, side_b=side_b, prior=prior, alpha=alpha,
                           stopwords=stopwords, keep_names=keep_names, actors=actors, n_boot=n_boot, n_perm=n_perm,
                           top_k=top_k, seed=seed)
    prevalence_differences(run_dir, scores, side_a=side_a, side_b=side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
    fig = log_odds_figure(run_dir, result.log_odds, side_a=side_a, side_b=side_b)
    rates, _weekly_fig = weekly(run_dir, scores, result.differences["category"].iloc[0], side_a=side_a, side_b=side_b)
    measured = measurement(run_dir, claims, validation=validation, side_a=side_a, side_b=side_b, lexicon=lexicon)
    return {"log_odds": result.log_odds, "differences": result.differences, "stance": result.stance, "weekly": rates,
            "figure": fig, "measurement": measured}


# -- 04 claim threads ------------------------------------------------------------------------------
def claim_threads(run_dir, claims: pd.DataFrame, *, side_a, side_b) -> dict:
    """Claims about one event, both sides side by side (:mod:`narrative.threads`) → ``threads.csv``
    (one row per threaded claim), ``threads_side_by_side.csv`` (the two-sided threads, largest first)
    and ``threads_sides.csv`` (per side: claims, in a thread, in a two-sided thread). The run keeps
    no document text, so a claim's place comes from its content (and similar nearby claims), not its
    sentence as in ``narrative threads``."""
    from ..threads import side_by_side, threads, two_sided_counts

    docs = read_table(run_dir, "documents.csv")
    with timed(run_dir, "threads: group"):
        table = threads(claims, docs.assign(text=""), a=side_a, b=side_b)
    pairs = side_by_side(table, a=side_a, b=side_b)
    counts = two_sided_counts(table, claims, a=side_a, b=side_b)
    write(table, run_dir, "threads.csv")
    write(pairs, run_dir, "threads_side_by_side.csv")
    write(counts, run_dir, "threads_sides.csv")
    return {"threads": table, "side_by_side": pairs, "sides": counts}


def show(fig, dpi: int | None = None):
    """A figure as an inline PNG for a notebook cell (the figures are pyplot-free): the PNG a step saved in
    ``figures/`` when there is one and no ``dpi`` is asked for (one rendering per figure), else rendered at
    ``dpi`` (default 100)."""
    import io

    from IPython.display import Image

    from .runfiles import SAVED_PNG

    saved = getattr(fig, SAVED_PNG, None)
    if saved is not None and dpi is None:
        return Image(data=saved, format="png")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi or 100, bbox_inches="tight")
    return Image(data=buffer.getvalue(), format="png")
