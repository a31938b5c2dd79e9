"""Developer tool: choose the suite's frame scorer by grouped cross-validation, train and ship the learned one,
and check it once on the locked part.

    python -m narrative.tools.frames_scorer train    # CV on the tuning part, fit on it, write models/frames-scorer.*
    python -m narrative.tools.frames_scorer locked   # once, at the end: the locked part, added to the card

Reads the labelled sets from ``data/annotations`` and ``../shared/eval`` (:mod:`narrative.evaluation.frames`); writes only
``src/narrative/models/frames-scorer.npz`` (weights and idf: numbers, no text) and ``frames-scorer.json`` (the card).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import sklearn

from ..evaluation.frames import (REFERENCE_SETS, SETTINGS, TRAIN_SETS, all_rows, cross_validate, fit_scorer, load_sets,
                                 locked_check)
from ..framescorer import CARD_FILE, MODEL_FILE, SCORERS
from ..lexicons import load_lexicon

#: the reference set that decides the suite's scorer: the second coder, whose style the unseen gold is closest to
PRIMARY = "warnews-coder2"


def _records(table) -> list[dict]:
    return json.loads(table.round(4).to_json(orient="records"))


def _macro(table) -> dict:
    m = table[table["class"] == "macro"]
    return {f"{r.set}/{r.scorer}": [round(r.f1, 4), round(r.f1_low, 4), round(r.f1_high, 4)] for r in m.itertuples()}


#: how much a category's F1 against PRIMARY must beat the lexicon's in the CV for its label to come from the classifier
#: (or the union) instead: small categories are noisy, and the lexicon's phrases are the plainer evidence
MARGIN = 0.02


def per_category_sources(cv, categories) -> dict[str, str]:
    """Per category the source (``lexicon``, ``classifier`` or ``union``) with the best out-of-fold F1 against
    :data:`PRIMARY` in the grouped CV, the lexicon unless another beats it by more than :data:`MARGIN`."""
    f1 = cv[(cv["set"] == PRIMARY) & (cv["class"] != "macro")].pivot(index="class", columns="scorer", values="f1")
    out = {}
    for cat in categories:
        other = max(("classifier", "union"), key=lambda s: f1.loc[cat, s])
        out[cat] = other if f1.loc[cat, other] > f1.loc[cat, "lexicon"] + MARGIN else "lexicon"
    return out


def chosen_macro(cv, sources: dict[str, str]) -> dict[str, float]:
    """Per set, the macro-F1 of the per-category choice from the same CV's per-category F1 (optimistic: the choice
    was made on these folds)."""
    rows = cv[cv["class"] != "macro"]
    return {name: round(float(sum(float(part[(part["class"] == c) & (part["scorer"] == src)]["f1"].iloc[0])
                                  for c, src in sources.items()) / len(sources)), 4)
            for name, part in rows.groupby("set")}


def suite_choice(cv, sources: dict[str, str]) -> tuple[str, str]:
    """``(scorer, why)``: ``combined`` (the per-category choice) when it takes any category from the classifier and
    choosing sources that way also beats the lexicon by more than :data:`MARGIN` when the choice is made inside each
    fold (the nested figure: the per-category choice alone is made on the same folds it is scored on; a smaller gain
    is within the CV's noise: a paired article bootstrap of the difference spans about ±0.01), else the lexicon."""
    macro = cv[(cv["class"] == "macro") & (cv["set"] == PRIMARY)].set_index("scorer")["f1"]
    moved = sorted(c for c, s in sources.items() if s != "lexicon")
    if not moved:
        return "lexicon", (f"no category's out-of-fold F1 against {PRIMARY} beat the lexicon's by more than {MARGIN} in "
                           f"grouped 5-fold CV on the tuning part (macro-F1 lexicon {macro['lexicon']:.4f})")
    if macro["combined"] <= macro["lexicon"] + MARGIN:
        return "lexicon", (f"in grouped 5-fold CV on the tuning part against {PRIMARY}, {', '.join(moved)} measured "
                           f"better from the {', '.join(sorted({sources[c] for c in moved}))} on the same folds "
                           f"(macro-F1 of that choice {chosen_macro(cv, sources)[PRIMARY]:.4f}, optimistic), but sources "
                           f"chosen by an inner CV inside each fold (nested, honest) reach {macro['combined']:.4f}, "
                           f"not more than {MARGIN} above the lexicon's {macro['lexicon']:.4f} (classifier {macro['classifier']:.4f}, "
                           f"union {macro['union']:.4f}): the lexicon, the plainer evidence and 4x faster")
    return "combined", (f"per category the best source in grouped 5-fold CV on the tuning part against {PRIMARY} (the "
                        f"reference closest to the unseen gold): {', '.join(f'{c} from the {sources[c]}' for c in moved)}, "
                        f"every other category from the lexicon (its F1 was not beaten by more than {MARGIN}); macro-F1 "
                        f"of this choice {chosen_macro(cv, sources)[PRIMARY]:.4f} (optimistic: chosen on these folds) vs "
                        f"lexicon {macro['lexicon']:.4f}, classifier {macro['classifier']:.4f}, union {macro['union']:.4f}, "
                        f"and {macro['combined']:.4f} for sources chosen by an inner CV inside each fold (nested, honest)")


def earlier_looks(card_path: Path) -> list[dict]:
    """The locked-part looks of the models this card replaces (each scored once, never tuned on): kept, so that a
    retrain never hides that the locked part was seen."""
    if not card_path.exists():
        return []
    old = json.loads(card_path.read_text("utf-8"))
    looks = list(old.get("locked_earlier", []))
    if "locked" in old:
        looks.append({"training_sha256": old.get("training_sha256"), "macro_f1": old["locked"]["macro_f1"]})
    return looks


def train(root: Path, out: Path, say=print) -> dict:
    tuning = load_sets(root, part="tuning")
    say(f"grouped 5-fold CV on the tuning part of {', '.join(tuning)} (trained on {', '.join(TRAIN_SETS)}) ...")
    cv = cross_validate(tuning, n_boot=1000, train_sets=TRAIN_SETS, **SETTINGS)
    macro = cv[cv["class"] == "macro"].pivot(index="set", columns="scorer", values="f1")
    cats = list(load_lexicon().categories)
    sources = per_category_sources(cv, cats)
    suite, why = suite_choice(cv, sources)
    say(macro.round(3).to_string())
    say(f"per-category sources {sources}; their macro-F1 per set {chosen_macro(cv, sources)}")
    say(f"-> the suite uses {suite!r}")
    data = all_rows(tuning, TRAIN_SETS)
    scorer = fit_scorer(data, cats, **SETTINGS)
    inner_sources = dict(zip(scorer.categories_, scorer.sources_))
    scorer.sources_ = [sources[c] for c in scorer.categories_]  # the shipped combination: the CV's per-category choice
    digest = hashlib.sha256("\n".join(f"{t}\t{s}\t{';'.join(c for c in cats if r[c])}" for t, s, (_i, r) in
                                      zip(data["text"], data["side"], data[cats].iterrows())).encode()).hexdigest()
    card = {
        "what": "narrative's learned frame scorer: one class-weighted logistic regression per codebook category over "
                "hashed word 1-2-grams, the lexicon's hits and rules, the speaker's side, side markers, negators and "
                "denials; per category a probability threshold and a source (lexicon, classifier, either, both) chosen "
                "by an inner grouped CV on the training rows",
        "trained_on": {name: {"claims": int(len(tuning[name])), "articles": int(tuning[name]["group"].nunique())}
                       for name in TRAIN_SETS if name in tuning},
        "trained_on_note": "every labelled row except the locked parts, i.e. the tuning part only "
                           "(data/annotations/README.md): war-news claims with the second coder's codebook labels, the "
                           "blind coder A's belligerent-rich war-news claims, coder C's further war-news claims and "
                           "coder D's round-three claims (data/annotations/warnews-dev-sides-belligerent-coderA.tsv, "
                           "warnews-dev-frames-extra-coderC.tsv, warnews-dev-round3-train-coderD.tsv: rows of tuning "
                           "articles only; a candidate sheet's item is the sentence its crude cut sits in), "
                           "press-release claims coded by the codebook. The "
                           "project's first pass is scored, not trained on (training on it measured lower against "
                           "coder 2). War-news texts are research-only: the model keeps hashed-feature weights and idf "
                           "(numbers), no vocabulary or text; press-release texts are CC BY 4.0",
        "reference_sets": list(REFERENCE_SETS),
        "training_sha256": digest, "sklearn": sklearn.__version__,
        "cv": {"folds": "5, grouped by article (an article's rows in one fold across sets); thresholds and sources "
                        "chosen by a 4-fold inner CV on the training folds only",
               "macro_f1": _macro(cv), "per_category": _records(cv[cv["class"] != "macro"])},
        "sources": dict(zip(scorer.categories_, scorer.sources_)),
        "sources_note": f"each category's source in the shipped 'combined' scorer: the best in the grouped CV against "
                        f"{PRIMARY} unless within {MARGIN} of the lexicon (the inner CV of the final fit chose "
                        f"{inner_sources})",
        "chosen_macro_f1": chosen_macro(cv, sources),
        "thresholds": dict(zip(scorer.categories_, [round(float(t), 2) for t in scorer.thresholds_])),
        "suite_scorer": suite,
        "suite_scorer_why": why,
    }
    card["locked_earlier"] = earlier_looks(out / CARD_FILE)
    scorer.save(out / MODEL_FILE, card)
    say(f"wrote {out / MODEL_FILE} and {out / CARD_FILE}")
    return card


def locked(root: Path, out: Path, say=print) -> dict:
    card_path = out / CARD_FILE
    card = json.loads(card_path.read_text("utf-8"))
    if "locked" in card:
        raise SystemExit("the locked part was already scored once (see the card); it is not scored again")
    table = locked_check(load_sets(root, part="tuning"), load_sets(root, part="locked"), n_boot=1000, **SETTINGS)
    # (trained exactly as the shipped scorer: the tuning part of TRAIN_SETS)
    say(table[table["class"] == "macro"].pivot(index="set", columns="scorer", values="f1").round(3).to_string())
    card["locked"] = {"macro_f1": _macro(table), "per_category": _records(table[table["class"] != "macro"])}
    card_path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return card


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m narrative.tools.frames_scorer", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("train", "locked"))
    parser.add_argument("--root", type=Path, default=Path("."), help="the project root (data/annotations, ../shared)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models")
    args = parser.parse_args(argv)
    (train if args.what == "train" else locked)(args.root, args.out, say=lambda m: print(m, file=sys.stderr))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
