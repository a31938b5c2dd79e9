"""Notebook 03's analyses: the side classifier and the frames classifier.

The side task asks which side's official voice a claim resembles. It is trained on the
publishers' own (``self``) claims and evaluated by grouped cross-validation (by document), with
actor names masked and unmasked, beside three baselines (lexicon rates alone, VADER alone, the
majority class). The frames task learns the frame categories from hand-labelled claims.
"""
from __future__ import annotations

import pandas as pd

from .runfiles import StepError, figure, read_table, timed, write
from .scratch import locate


def side_task(run_dir, claims: pd.DataFrame, *, side_a, side_b, actors=None, lexicon=None, max_claims=6000,
              n_splits=5, n_boot=1000, top_k=20, seed=0, jobs=1, split="grouped") -> dict:
    """Cross-validated side classifier → ``classifier_metrics.csv`` (macro-F1 with 95% CIs over
    documents, per model and setting), ``predictions.csv`` (out-of-fold), ``top_features.csv``,
    and the confusion matrix and top-feature figures. Returns the tables, the masked model fitted
    on all training claims, and the figures."""
    from .. import plots
    from ..speakers.actors import load_actors
    from ..model import build_model, cv_folds, evaluate, mask_texts, top_features

    data = claims[(claims["quote_type"] == "self") & claims["side"].isin([side_a, side_b])]
    if data["side"].nunique() < 2:
        raise StepError(f"the side classifier needs self claims of both {side_a!r} and {side_b!r}; "
                        f"found only {sorted(data['side'].unique())}")
    if len(data) > max_claims:
        data = data.sample(n=max_claims, random_state=seed).sort_index()
    texts, y, groups = data["content"].tolist(), data["side"].to_numpy(), data["doc_id"].to_numpy()
    masked = mask_texts(texts, load_actors(actors))
    dates = None
    if split == "time":
        dates = data["doc_id"].map(read_table(run_dir, "documents.csv").set_index("doc_id")["date"]).tolist()
    settings = dict(n_splits=n_splits, n_boot=n_boot, seed=seed, n_jobs=jobs,
                    dates=dates, lexicon=lexicon)
    with timed(run_dir, "classifier: side task CV (unmasked + masked)"):
        settings["folds"] = cv_folds(y, groups, n_splits=n_splits, seed=seed, dates=dates)  # the same for both settings
        try:
            m_plain, p_plain = evaluate(texts, y, groups, label="unmasked", **settings)
            m_mask, p_mask = evaluate(masked, y, groups, label="masked", **settings)
        except ValueError as exc:  # TF-IDF on claims without a word two of them share: nothing to learn
            if "no terms remain" not in str(exc) and "empty vocabulary" not in str(exc):
                raise
            raise StepError(f"the side classifier finds no word shared by two of the {len(texts)} claims "
                            f"to learn from") from None
    metrics = pd.concat([m_plain, m_mask], ignore_index=True)
    model = build_model("full", seed=seed, lexicon=lexicon).fit(masked, y)
    top = top_features(model, k=top_k)
    predictions = data[["doc_id", "claim_id", "side"]].reset_index(drop=True).assign(
        predicted_unmasked=p_plain["full"].to_numpy(), predicted_masked=p_mask["full"].to_numpy())
    write(metrics, run_dir, "classifier_metrics.csv")
    write(top, run_dir, "top_features.csv")
    write(predictions, run_dir, "predictions.csv")
    tested = p_mask["full"].notna().to_numpy()
    confusion = figure(plots.confusion(y[tested], p_mask["full"][tested],
                                       title="Side classifier, names masked (out-of-fold)"), run_dir, "confusion.png")
    features = figure(plots.top_features(top, title="What the masked side classifier relies on"), run_dir,
                      "top_features.png")
    return {"metrics": metrics, "predictions": predictions, "top_features": top, "model": model,
            "confusion": confusion, "figure": features}


def score_other_claims(run_dir, claims: pd.DataFrame, model, *, side_a, side_b, actors=None, jobs=1) -> pd.DataFrame:
    """The claims outside the training population (quoted and reported claims, other voices) with
    the masked model's side probabilities and the features that pushed it most →
    ``claim_side_probabilities.csv``. The publishers' own claims are the training population:
    their honest scores are the out-of-fold predictions, not in-sample ones."""
    from ..speakers.actors import load_actors
    from ..model import mask_texts, score_and_explain

    outside = claims[~((claims["quote_type"] == "self") & claims["side"].isin([side_a, side_b]))]
    with timed(run_dir, "classifier: score and explain quoted/other claims"):
        outside_masked = mask_texts(outside["content"].astype(str).tolist(), load_actors(actors))
        proba, explanations = score_and_explain(model, outside_masked, n_jobs=jobs)
    scored = outside[["doc_id", "claim_id", "side", "quote_type"]].reset_index(drop=True)
    for j, cls in enumerate(model.named_steps["clf"].classes_):
        scored[f"p_{cls}"] = proba[:, j].round(4)
    scored["explanation"] = explanations
    write(scored, run_dir, "claim_side_probabilities.csv")
    return scored


def frames_task(run_dir, frame_labels, *, lexicon=None, n_splits=5, n_boot=1000, seed=0, jobs=1) -> pd.DataFrame | None:
    """Multi-label frame categories learned from hand-labelled claims (grouped CV by document,
    macro-F1 over categories with a 95% CI) → ``frames_classifier_metrics.csv``, whose ``trained_on``
    column says which labels (file, claims, part) it learned; None without labels.

    The default labels are the 400 press-release claims coded by the codebook
    (``data/annotations/press-frames-codebook.csv``); a labels file with a ``part`` column
    (``data/annotations/README.md``) is used for its ``tuning`` rows only, so the locked part stays unseen."""
    from pathlib import Path

    from ..lexicons import load_lexicon
    from ..evaluation.frame_labels import read_labels
    from ..model import evaluate_multilabel

    if not frame_labels:
        return None
    lex = load_lexicon(lexicon)
    labelled = read_labels(locate(frame_labels), lex.categories)
    part = "all rows"
    if "part" in labelled.columns:
        labelled, part = labelled[labelled["part"] == "tuning"].reset_index(drop=True), "tuning part"
    with timed(run_dir, "classifier: frames task CV"):
        metrics, _preds = evaluate_multilabel(labelled["text"], labelled[list(lex.categories)], labelled["doc_id"],
                                              n_splits=n_splits, n_boot=n_boot, seed=seed,
                                              n_jobs=jobs,
                                              lexicon=lexicon)
    metrics["trained_on"] = f"{Path(str(frame_labels)).name}: {len(labelled)} claims ({part})"
    write(metrics, run_dir, "frames_classifier_metrics.csv")
    return metrics


def classifier_step(run_dir, *, side_a, side_b, actors=None, lexicon=None, max_claims=6000, n_splits=5, n_boot=1000,
                    top_k=20, seed=0, frame_labels=None, jobs=1, split="grouped") -> dict:
    """Notebook 03 in one call: claims.csv → classifier_metrics, predictions, top_features,
    claim_side_probabilities, frames_classifier_metrics and figures."""
    claims = read_table(run_dir, "claims.csv")
    side = side_task(run_dir, claims, side_a=side_a, side_b=side_b, actors=actors, lexicon=lexicon,
                     max_claims=max_claims, n_splits=n_splits, n_boot=n_boot, top_k=top_k, seed=seed, jobs=jobs,
                     split=split)
    scored = score_other_claims(run_dir, claims, side["model"], side_a=side_a, side_b=side_b, actors=actors, jobs=jobs)
    frames = frames_task(run_dir, frame_labels, lexicon=lexicon, n_splits=n_splits, n_boot=n_boot, seed=seed, jobs=jobs)
    return {**side, "claims": scored, "frames_metrics": frames}
