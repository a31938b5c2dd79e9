"""Training the attribution labeller on PolNeAR-style gold (``narrative train-attribution``).

Each unit's tokens get the features of :mod:`.crffeatures` and the gold's ``B-``/``I-`` role labels;
with ``tune``, a model trained on 80% of the documents picks the marginal threshold that maximises
content F1 on the other 20% (:mod:`narrative.evaluation.attribution` scores it); the final model is
trained on all documents and written with its settings beside it. Deterministic: sorted documents,
a seeded split, single-threaded L-BFGS.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from ..speakers.actors import load_actors
from ..evaluation.attribution import read_gold
from ..infra.files import write_bytes
from .crf import CrfExtractor
from .crffeatures import RULE_PROFILE, doc_context, unit_features
from .crfmodel import Labeller, settings_path
from .document import DocumentView, Resources


def _gold_labels(text: str, relations, toks) -> list[str]:
    role_at = [None] * (len(text) + 1)
    for r_index, rel in enumerate(relations):
        for role, spans in (("CON", rel.content), ("SRC", rel.source), ("CUE", rel.cue)):
            for a, b in spans:
                for c in range(a, min(b, len(text))):
                    role_at[c] = (role, r_index)
    labels, prev = [], None
    for start in toks.start:
        here = role_at[start]
        if here is None:
            labels.append("O")
        else:
            labels.append(("I-" if here == prev else "B-") + here[0])
        prev = here
    return labels


def train(gold_dir: str | Path, output: str | Path, *, max_iterations: int = 200, c1: float = 0.2, c2: float = 0.05,
          min_freq: int = 2, syntax: bool = True, clusters: bool = False, tune: bool = True,
          say: Callable[[str], None] = print) -> Path:
    """Train the CRF on a PolNeAR-style folder and write the model file, and beside it
    ``<model>.json`` with the settings the labeller needs.

    ``syntax``: dependency features (:mod:`.deps`). ``tune``: first train on 80% of the documents
    (seeded split) and pick, on the other 20%, the marginal threshold that maximises content F1
    (:attr:`Labeller.threshold`); the final model is then trained on all documents.
    """
    import tempfile

    resources = Resources(load_actors())
    gold = read_gold(gold_dir)
    began, n_seq, n_tok = time.perf_counter(), 0, 0
    data: dict[str, list] = {}
    contexts = resources.cache("crf contexts")  # text -> document context, reused while tuning
    for stem, (text, relations) in gold.items():
        view = DocumentView(stem, text, "", None, resources, keep_tokens=True)
        contexts[text] = ctx = doc_context(view, syntax)
        in_quote, actor_at, rule, seqs, _rules = ctx
        data[stem] = [(unit_features(toks, in_quote, actor_at, rule, syn, clusters), _gold_labels(text, relations, toks))
                      for _a, _b, toks, syn in seqs if toks]
        n_seq += len(data[stem])
        n_tok += sum(len(x) for x, _y in data[stem])
    say(f"features for {len(gold)} documents, {n_seq:,} units, {n_tok:,} tokens in {time.perf_counter() - began:.0f} s")
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": min_freq,
              "feature.possible_transitions": True}
    output = Path(output)
    threshold, tuning = None, {}
    with tempfile.TemporaryDirectory() as scratch:  # the old model stays until the new one is whole
        if tune:
            import random

            stems = sorted(gold)
            random.Random(0).shuffle(stems)
            held = stems[:len(stems) // 5]
            began = time.perf_counter()
            fold = _fit([data[s] for s in stems[len(held):]], params, Path(scratch) / "fold.crfsuite")
            labeller = Labeller(fold, settings={"syntax": syntax, "clusters": clusters})
            extractor = CrfExtractor(resources, "attribution", labeller=labeller, contexts=contexts)
            for t in (None, 0.45, 0.4, 0.35, 0.3, 0.25):
                labeller.threshold = t
                tuning[str(t)] = _content_f1({s: gold[s] for s in held}, extractor)
            threshold = max((None, 0.45, 0.4, 0.35, 0.3, 0.25), key=lambda t: tuning[str(t)])
            say(f"tuned on {len(held)} held-out training documents in {time.perf_counter() - began:.0f} s: "
                + ", ".join(f"{k} {v:.3f}" for k, v in tuning.items()) + f" -> threshold {threshold}")
        began = time.perf_counter()
        trained = _fit(list(data.values()), params, Path(scratch) / "model.crfsuite")
        write_bytes(output, trained.read_bytes())
    settings = {"syntax": syntax, "clusters": clusters, "threshold": threshold, "source_first": "crf", "tuning_content_f1": tuning, "c1": c1, "c2": c2,
                "max_iterations": max_iterations, "min_freq": min_freq, "rule_profile": RULE_PROFILE,
                "trained_on": Path(gold_dir).name}
    write_bytes(settings_path(output), json.dumps(settings, indent=2).encode())
    say(f"trained in {time.perf_counter() - began:.0f} s -> {output} ({output.stat().st_size / 1e6:.1f} MB)")
    return output


def _fit(docs: list, params: dict, path: Path) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for units_ in docs:
        for xseq, yseq in units_:
            trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))
    return path


def _content_f1(gold: dict, extractor: "CrfExtractor") -> float:
    from operator import attrgetter

    import pandas as pd

    from ..schema import CLAIMS
    from ..evaluation.attribution import evaluate_attribution, predictions_from_claims

    row = attrgetter(*CLAIMS)
    rows = [row(c) for stem, (text, _r) in gold.items() for c in extractor.claims(extractor.view(stem, text, "news"))]
    claims = pd.DataFrame(rows, columns=list(CLAIMS))
    return evaluate_attribution(gold, predictions_from_claims(claims))["content_f1"]
