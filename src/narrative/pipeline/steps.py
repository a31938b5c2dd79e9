"""The notebook suite's steps, one function per notebook, so notebooks stay
three lines long and every step is testable without a kernel.

Each step reads what the previous step wrote under the run directory
(``tables/*.csv``) and writes its own tables and figures there.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import NarrativeError
from ..infra.datafiles import DEMO_CORPUS, REPORTS
from ..infra.tables import write_table

# Each step imports what it uses: a notebook's kernel then loads only its own step's
# libraries (scipy.stats, scikit-learn and NLTK cost ~3 s of imports together).

DOC_COLUMNS = ["doc_id", "source", "side", "date", "title", "n_words"]


TIMINGS = "timings.jsonl"


@contextmanager
def timed(run_dir, stage: str):
    """Append ``{"stage", "seconds"}`` to ``run_dir/timings.jsonl`` (read by ``narrative run --profile``)."""
    began = time.perf_counter()
    try:
        yield
    finally:
        with (Path(run_dir) / TIMINGS).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"stage": stage, "seconds": round(time.perf_counter() - began, 3)}) + "\n")


class StepError(NarrativeError):
    """A suite step cannot run on this input (e.g. only one side present)."""


def project_root(start: Path | None = None) -> Path | None:
    """The narrative checkout holding ``start`` (default: the current directory), found by its
    ``notebooks/01_claims.ipynb`` and ``src/narrative``; None outside one."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks" / "01_claims.ipynb").is_file() and (folder / "src" / "narrative").is_dir():
            return folder
    return None


def locate(path) -> str:
    """A default input path as the notebooks write it (``data/raw/press-releases``): as given
    when it exists from here, else from the project root (a notebook opened in ``notebooks/``)."""
    given = Path(path)
    if given.is_absolute() or given.exists():
        return str(given)
    root = project_root()
    return str(root / given) if root is not None and (root / given).exists() else str(given)


def open_run_dir(run_dir, notebook: str) -> Path:
    """The run directory a notebook writes into.

    ``narrative run`` passes its run directory. A notebook opened by hand (``run_dir = None``)
    gets a scratch run directory, ``reports/scratch`` of the checkout (git-ignored) or a temporary
    one outside a checkout, and the steps before it run there with their defaults when their
    tables are missing, so any notebook runs on its own and never writes into the repository.
    """
    if run_dir is not None:
        return Path(run_dir)
    import tempfile

    from .params import DEPENDS, NOTEBOOKS

    root = project_root()
    scratch = root / REPORTS / "scratch" if root is not None else Path(tempfile.gettempdir()) / "narrative-scratch"
    for sub in ("tables", "figures"):
        (scratch / sub).mkdir(parents=True, exist_ok=True)
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


def _tables(run_dir) -> Path:
    return Path(run_dir) / "tables"


def _write(frame: pd.DataFrame, run_dir, name: str) -> Path:
    path = _tables(run_dir) / name
    write_table(frame, path, "csv")
    return path


def read_table(run_dir, name: str) -> pd.DataFrame:
    return pd.read_csv(_tables(run_dir) / name, keep_default_na=False)


def claims_step(run_dir, *, corpus, text_column=None, actors=None, claims_method="rules", jobs=1,
                backend="local", scheduler=None) -> dict:
    """01: corpus → documents.csv, claims.csv, claims_by_side.csv, claims_by_side.png.

    Claims are extracted chunk by chunk on ``backend`` (see :mod:`narrative.pipeline.stream`);
    the output is identical on every backend and job count.
    """
    from .. import plots
    from ..actors import load_actors
    from ..corpus import Columns, load_corpus
    from .stream import run_stream

    corpus = [locate(p) for p in ([corpus] if isinstance(corpus, str) else corpus)]
    cast = load_actors(actors)
    with timed(run_dir, "corpus: load"):
        docs = load_corpus(corpus, columns=Columns(text=text_column), sides=cast.source_sides())
    from ..segment import count_words

    meta = docs.assign(n_words=docs["text"].map(count_words))[DOC_COLUMNS]
    with timed(run_dir, f"claims: extract ({claims_method}, {backend}, {jobs} jobs)"):
        run_stream(corpus, stages=("claims",), backend=backend, jobs=jobs, scheduler=scheduler,
                   columns=Columns(text=text_column), actors=actors, method=claims_method,
                   claims_out=_tables(run_dir) / "claims.csv")
    claims = read_table(run_dir, "claims.csv")
    by_side = claims.groupby(["side", "quote_type"]).size().rename("claims").reset_index()
    with timed(run_dir, "claims: write tables"):
        _write(meta, run_dir, "documents.csv")
        _write(by_side, run_dir, "claims_by_side.csv")
    fig = plots.Figure(figsize=(6, 2.8))
    ax = fig.subplots()
    pivot = by_side.pivot(index="side", columns="quote_type", values="claims").fillna(0)
    left = np.zeros(len(pivot))
    for i, qt in enumerate(pivot.columns):
        ax.barh(pivot.index, pivot[qt], left=left, color=plots.PALETTE[i % len(plots.PALETTE)], label=qt)
        left += pivot[qt].to_numpy()
    ax.set_xlabel("claims")
    ax.set_title("Claims per side, by quote type")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="quote type")
    plots.save(fig, Path(run_dir) / "figures" / "claims_by_side.png")
    return {"documents": meta, "claims": claims, "by_side": by_side, "figure": fig}


def framing_step(run_dir, *, lexicon=None, side_a="kremlin", side_b="ukraine", n_boot=1000, seed=0, jobs=1) -> dict:
    """02: claims.csv → frame_scores.csv, evidence.csv, frame_profile.csv, top_phrases.csv, frame_profile.png."""
    from .. import compare, plots
    from ..features import evidence, frame_scores
    from ..lexicons import load_lexicon

    lex = load_lexicon(lexicon)
    claims = read_table(run_dir, "claims.csv")
    with timed(run_dir, "frames: lexicon + VADER scores"):
        scores = frame_scores(claims, text_column="content", lexicon=lex, n_jobs=jobs)
    with timed(run_dir, "frames: evidence (KWIC)"):
        kwic = evidence(claims, text_column="content", lexicon=lex, offset_column="content_start")
    kwic = kwic.merge(claims[["claim_id", "side"]], on="claim_id", how="left")
    with timed(run_dir, "frames: bootstrap profile"):
        profile = compare.frame_profile(scores, lex.categories, n_boot=n_boot, seed=seed)
    top = (kwic.assign(phrase=kwic["match"].str.lower()).groupby(["category", "side", "phrase"]).size()
           .rename("hits").reset_index().sort_values(["category", "side", "hits", "phrase"], ascending=[True, True, False, True])
           .groupby(["category", "side"]).head(5))
    _write(scores, run_dir, "frame_scores.csv")
    _write(kwic, run_dir, "evidence.csv")
    _write(profile, run_dir, "frame_profile.csv")
    _write(top, run_dir, "top_phrases.csv")
    shown = profile[profile["side"].isin([side_a, side_b, "journalist"])]
    fig = plots.frame_profile(shown if len(shown) else profile,
                              title=f"Frame profile: {side_a} vs {side_b}" + (" vs journalist" if "journalist" in set(shown["side"]) else ""))
    plots.save(fig, Path(run_dir) / "figures" / "frame_profile.png")
    return {"scores": scores, "evidence": kwic, "profile": profile, "top_phrases": top, "figure": fig}


def classifier_step(run_dir, *, side_a, side_b, actors=None, max_claims=6000, n_splits=5, n_boot=1000,
                    top_k=20, seed=0, frame_labels=None, jobs=1, split="grouped") -> dict:
    """03: claims.csv → classifier_metrics.csv, top_features.csv, predictions.csv (out-of-fold),
    claim_side_probabilities.csv (quoted/reported claims and other voices), confusion/top_features.png.

    Task: which side's official voice a claim resembles, trained on the
    publishers' own (``self``) claims, evaluated by grouped CV with and
    without masking actor names.
    """
    from .. import plots
    from ..actors import load_actors
    from ..lexicons.validate import read_labels
    from ..lexicons import load_lexicon
    from ..model import build_model, evaluate, evaluate_multilabel, mask_texts, score_and_explain, top_features

    claims = read_table(run_dir, "claims.csv")
    data = claims[(claims["quote_type"] == "self") & claims["side"].isin([side_a, side_b])]
    if data["side"].nunique() < 2:
        raise StepError(f"the side classifier needs self claims of both {side_a!r} and {side_b!r}; "
                        f"found only {sorted(data['side'].unique())}")
    if len(data) > max_claims:
        data = data.sample(n=max_claims, random_state=seed).sort_index()
    texts, y, groups = data["content"].tolist(), data["side"].to_numpy(), data["doc_id"].to_numpy()
    cast = load_actors(actors)
    masked = mask_texts(texts, cast)
    dates = None
    if split == "time":
        dates = data["doc_id"].map(read_table(run_dir, "documents.csv").set_index("doc_id")["date"]).tolist()
    with timed(run_dir, "classifier: side task CV (unmasked + masked)"):
        m_plain, p_plain = evaluate(texts, y, groups, n_splits=n_splits, n_boot=min(n_boot, 500), seed=seed, label="unmasked",
                                   n_jobs=jobs, dates=dates)
        m_mask, p_mask = evaluate(masked, y, groups, n_splits=n_splits, n_boot=min(n_boot, 500), seed=seed, label="masked",
                                 n_jobs=jobs, dates=dates)
    metrics = pd.concat([m_plain, m_mask], ignore_index=True)
    model = build_model("full", seed=seed).fit(masked, y)
    top = top_features(model, k=top_k)
    predictions = data[["doc_id", "claim_id", "side"]].reset_index(drop=True).assign(
        predicted_unmasked=p_plain["full"].to_numpy(), predicted_masked=p_mask["full"].to_numpy())
    # the claims outside the training population (quoted and reported claims, other sides' voices)
    # get the masked model's side probabilities and their top reasons: "whose official voice does
    # this claim resemble?". The publishers' own claims are the training population; their honest
    # scores are the out-of-fold predictions above, not in-sample ones.
    outside = claims[~((claims["quote_type"] == "self") & claims["side"].isin([side_a, side_b]))]
    with timed(run_dir, "classifier: score and explain quoted/other claims"):
        outside_masked = mask_texts(outside["content"].astype(str).tolist(), cast)
        proba, explanations = score_and_explain(model, outside_masked, n_jobs=jobs)
    scored = outside[["doc_id", "claim_id", "side", "quote_type"]].reset_index(drop=True)
    for j, cls in enumerate(model.named_steps["clf"].classes_):
        scored[f"p_{cls}"] = proba[:, j].round(4)
    scored["explanation"] = explanations
    _write(metrics, run_dir, "classifier_metrics.csv")
    _write(top, run_dir, "top_features.csv")
    _write(predictions, run_dir, "predictions.csv")
    _write(scored, run_dir, "claim_side_probabilities.csv")
    frames_metrics = None
    if frame_labels:
        lex = load_lexicon()
        labelled = read_labels(locate(frame_labels), lex.categories)
        with timed(run_dir, "classifier: frames task CV"):
            frames_metrics, _preds = evaluate_multilabel(labelled["text"], labelled[list(lex.categories)], labelled["doc_id"],
                                                         n_splits=n_splits, n_boot=min(n_boot, 500), seed=seed,
                                                         n_jobs=jobs)
        _write(frames_metrics, run_dir, "frames_classifier_metrics.csv")
    tested = p_mask["full"].notna().to_numpy()
    plots.save(plots.confusion(y[tested], p_mask["full"][tested], title="Side classifier, names masked (out-of-fold)"),
               Path(run_dir) / "figures" / "confusion.png")
    fig = plots.top_features(top, title="What the masked side classifier relies on")
    plots.save(fig, Path(run_dir) / "figures" / "top_features.png")
    return {"metrics": metrics, "top_features": top, "predictions": predictions, "claims": scored,
            "frames_metrics": frames_metrics, "figure": fig}


def comparison_step(run_dir, *, side_a, side_b, n_boot=1000, n_perm=1000, top_k=20, seed=0) -> dict:
    """04: claims.csv + frame_scores.csv → log_odds.csv, frame_differences.csv, weekly_rates.csv and figures."""
    from .. import compare, plots

    claims = read_table(run_dir, "claims.csv")
    scores = read_table(run_dir, "frame_scores.csv")
    docs = read_table(run_dir, "documents.csv")
    categories = [c for c in scores.columns if c not in ("doc_id", "claim_id", "side", "n_tokens", "vader_compound")]
    counts_a = compare.term_counts(claims.loc[claims["side"] == side_a, "content"])
    counts_b = compare.term_counts(claims.loc[claims["side"] == side_b, "content"])
    if counts_a.empty or counts_b.empty:
        raise StepError(f"no claims for side {side_a if counts_a.empty else side_b!r}")
    with timed(run_dir, "compare: log-odds"):
        odds = compare.log_odds_dirichlet(counts_a, counts_b, prior=0.01)
    with timed(run_dir, "compare: frame differences (bootstrap + permutation)"):
        diffs = compare.frame_differences(scores, categories, a=side_a, b=side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
    weekly = compare.weekly_rates(scores[scores["side"].isin([side_a, side_b])], docs.set_index("doc_id")["date"], categories)
    _write(compare.top_terms(odds, k=top_k).reset_index(), run_dir, "log_odds_top.csv")
    _write(odds.reset_index(), run_dir, "log_odds.csv")
    _write(diffs, run_dir, "frame_differences.csv")
    _write(weekly, run_dir, "weekly_rates.csv")
    fig = plots.log_odds(odds, a=side_a, b=side_b)
    plots.save(fig, Path(run_dir) / "figures" / "log_odds.png")
    lead = diffs["category"].iloc[0]
    plots.save(plots.weekly(weekly, lead), Path(run_dir) / "figures" / "weekly.png")
    return {"log_odds": odds, "differences": diffs, "weekly": weekly, "figure": fig}


def show(fig, dpi: int = 100):
    """A figure as an inline PNG for a notebook cell (the figures are pyplot-free)."""
    import io

    from IPython.display import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return Image(data=buffer.getvalue(), format="png")
