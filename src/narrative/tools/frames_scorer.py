"""Developer tool: choose the suite's frame scorer by grouped cross-validation, train and ship the learned one,
and check it once on the locked part.

    python -m narrative.tools.frames_scorer train    # CV on the tuning part, fit on it, write models/frames-scorer.*
    python -m narrative.tools.frames_scorer locked   # once, at the end: the locked part, added to the card

Reads the labelled sets from ``data/annotations`` and ``../shared/eval`` (:mod:`narrative.framecv`); writes only
``src/narrative/models/frames-scorer.npz`` (weights and idf: numbers, no text) and ``frames-scorer.json`` (the card).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import sklearn

from ..framecv import TRAIN_SETS, training_rows, cross_validate, load_sets, locked_check
from ..framescorer import CARD_FILE, MODEL_FILE, SCORERS, FrameScorer
from ..lexicons import load_lexicon

#: the classifier's settings, the best of a small grid (C 1/4/16 × lexicon weight 0.25/1, and C 1 × 0.5) in the same
#: grouped CV: its CV figure is therefore slightly optimistic
SETTINGS = {"C": 1.0, "lexicon_weight": 0.5}


def _records(table) -> list[dict]:
    return json.loads(table.round(4).to_json(orient="records"))


def _macro(table) -> dict:
    m = table[table["class"] == "macro"]
    return {f"{r.set}/{r.scorer}": [round(r.f1, 4), round(r.f1_low, 4), round(r.f1_high, 4)] for r in m.itertuples()}


def train(root: Path, out: Path, say=print) -> dict:
    tuning = load_sets(root, part="tuning")
    say("grouped 5-fold CV on the tuning part ...")
    cv = cross_validate(tuning, n_boot=1000, **SETTINGS)
    macro = cv[cv["class"] == "macro"].pivot(index="set", columns="scorer", values="f1")
    mean = macro.mean(axis=0)
    suite = str(mean.idxmax())
    say(macro.round(3).to_string())
    say(f"mean macro-F1 over the three sets: {mean.round(3).to_dict()} -> the suite uses {suite!r}")
    cats = list(load_lexicon().categories)
    data = training_rows(tuning, {n: np.arange(len(t)) for n, t in tuning.items()})
    scorer = FrameScorer(**SETTINGS).fit(data[["text", "side"]], data[cats])
    digest = hashlib.sha256("\n".join(f"{t}\t{s}\t{';'.join(c for c in cats if r[c])}" for t, s, (_i, r) in
                                      zip(data["text"], data["side"], data[cats].iterrows())).encode()).hexdigest()
    card = {
        "what": "narrative's learned frame scorer: one logistic regression per codebook category over hashed word "
                "1-2-grams, the lexicon's hits and rules, the speaker's side, side markers, negators and denials",
        "trained_on": {name: {"claims": int(len(tuning[name])), "articles": int(tuning[name]["group"].nunique())}
                       for name in TRAIN_SETS},
        "trained_on_note": "the tuning part only (data/annotations/README.md): war-news claims with the first pass's "
                           "and the second coder's codebook labels, press-release claims coded by the codebook. "
                           "War-news texts are research-only: the model keeps hashed-feature weights and idf "
                           "(numbers), no vocabulary or text; press-release texts are CC BY 4.0",
        "training_sha256": digest, "sklearn": sklearn.__version__,
        "cv": {"folds": "5, grouped by article (war-news spans of both coders in the same fold)",
               "macro_f1": _macro(cv), "mean_macro_f1": {k: round(float(v), 4) for k, v in mean.items()},
               "per_category": _records(cv[cv["class"] != "macro"])},
        "suite_scorer": suite,
        "suite_scorer_why": f"highest mean macro-F1 over the three labelled sets in grouped CV on the tuning part "
                            f"({', '.join(f'{k} {v:.3f}' for k, v in mean.items())})",
    }
    scorer.save(out / MODEL_FILE, card)
    say(f"wrote {out / MODEL_FILE} and {out / CARD_FILE}")
    return card


def locked(root: Path, out: Path, say=print) -> dict:
    card_path = out / CARD_FILE
    card = json.loads(card_path.read_text("utf-8"))
    if "locked" in card:
        raise SystemExit("the locked part was already scored once (see the card); it is not scored again")
    table = locked_check(load_sets(root, part="tuning"), load_sets(root, part="locked"), n_boot=1000, **SETTINGS)
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
