"""``narrative train-parser``: train the syntactic layer on UD English-EWT, seeded and recorded.

Steps: the CoNLL-U files become spaCy ``DocBin`` files (spaCy's own converter, 10 sentences a
document); a config is generated from spaCy's efficiency recipe for ``tagger, morphologizer,
trainable_lemmatizer, parser`` (CNN tok2vec, no vectors: nothing is downloaded) with the seed and
epochs given; spaCy trains on train and keeps the best model on dev; the model is scored once on
test; ``meta-narrative.json`` beside it records the seed, settings, data checksums, scores,
size, seconds, versions and the licence (CC BY-SA 4.0, as the treebank's).

Example::

    narrative train-parser --treebank ../shared/treebanks/UD_English-EWT -o build/parser

The shipped model (``narrative/models/parser``) came from exactly that command (seed 0, 15 epochs,
patience 3000, tok2vec width 96 and depth 4): 28 minutes on one core of a 2-core VM.
"""
from __future__ import annotations

import hashlib
import json
import platform
import time
from pathlib import Path
from typing import Callable

PIPELINE = ("tagger", "morphologizer", "trainable_lemmatizer", "parser")
SPLITS = ("train", "dev", "test")
ATTRIBUTION = ("Trained by narrative on UD English-EWT (Silveira et al. 2014, 'A Gold Standard Dependency Corpus "
               "for English', LREC; the Universal Dependencies EWT contributors), CC BY-SA 4.0. "
               "This model is a derived work under the same licence.")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def treebank_files(folder: Path) -> dict[str, Path]:
    """``split -> en_ewt-ud-<split>.conllu`` of a UD_English-EWT folder."""
    from ..errors import InputError

    out = {}
    for split in SPLITS:
        path = Path(folder) / f"en_ewt-ud-{split}.conllu"
        if not path.is_file():
            raise InputError(str(path), None, "missing: a UD_English-EWT folder holds en_ewt-ud-{train,dev,test}.conllu")
        out[split] = path
    return out


def convert(conllu: Path, target: Path, n_sents: int = 10) -> Path:
    """A CoNLL-U file as a spaCy DocBin (spaCy's converter; ``n_sents`` sentences a document)."""
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    from ..errors import InputError
    from ..infra.datafiles import user_text

    text = user_text(conllu, what="CoNLL-U treebank file")
    try:
        docs = list(conllu_to_docs(text, n_sents=n_sents, merge_subtokens=True, no_print=True))
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(str(conllu), None, f"not a CoNLL-U treebank: {type(exc).__name__}: {exc}"[:300]) from None
    if not docs:
        raise InputError(str(conllu), None, "no sentences: not a CoNLL-U treebank")
    DocBin(docs=docs, store_user_data=False).to_disk(target)
    return target


def _rmdir_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def make_config(*, seed: int, epochs: int, patience: int, eval_frequency: int, width: int, depth: int,
                train: Path, dev: Path):
    """spaCy's efficiency config for :data:`PIPELINE`, with narrative's settings filled in."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="en", pipeline=list(PIPELINE), optimize="efficiency", gpu=False, pretraining=False,
                         silent=True)
    config["paths"]["train"] = str(train)
    config["paths"]["dev"] = str(dev)
    config["system"]["seed"] = seed
    config["training"]["seed"] = seed
    config["training"]["max_epochs"] = epochs
    config["training"]["max_steps"] = 0
    config["training"]["patience"] = patience
    config["training"]["eval_frequency"] = eval_frequency
    tok2vec = config["components"]["tok2vec"]["model"]
    tok2vec["encode"]["width"] = width
    tok2vec["encode"]["depth"] = depth
    tok2vec["embed"]["width"] = width
    for name in PIPELINE:  # listeners must match the tok2vec width
        model = config["components"][name]["model"]
        listener = model.get("tok2vec") if "tok2vec" in model else None
        if listener is not None and "width" in listener:
            listener["width"] = width
    # the morphologizer learns UPOS and features, the tagger XPOS; lemmas from edit trees
    config["components"]["trainable_lemmatizer"]["backoff"] = "orth"
    return config


def score(nlp, docbin: Path) -> dict[str, float]:
    """UPOS, XPOS, lemma accuracy and UAS/LAS of ``nlp`` on a DocBin (spaCy's scorer)."""
    from spacy.tokens import DocBin
    from spacy.training import Example

    gold = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    began = time.perf_counter()
    scores = nlp.evaluate(examples)
    seconds = time.perf_counter() - began
    tokens = sum(len(doc) for doc in gold)
    return {"upos": round(scores.get("pos_acc") or 0.0, 4), "xpos": round(scores.get("tag_acc") or 0.0, 4),
            "lemma": round(scores.get("lemma_acc") or 0.0, 4), "uas": round(scores.get("dep_uas") or 0.0, 4),
            "las": round(scores.get("dep_las") or 0.0, 4), "tokens": tokens,
            "tokens_per_s": round(tokens / seconds) if seconds else None}


def train_parser(treebank: Path, output: Path, *, seed: int = 0, epochs: int = 15, patience: int = 3000,
                 eval_frequency: int = 500, width: int = 96, depth: int = 4,
                 say: Callable[[str], None] = print) -> Path:
    """Train, keep the best model on dev, score it on test, write ``output/model`` and its metadata."""
    import spacy
    from spacy.cli.train import train as spacy_train

    import shutil

    files = treebank_files(treebank)
    output = Path(output)
    corpus = output / "corpus"
    made = [p for p in (output, corpus) if not p.exists()]  # removed again if the treebank is unusable
    corpus.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    try:
        binaries = {split: convert(path, corpus / f"{split}.spacy") for split, path in files.items()}
    except BaseException:
        for split in SPLITS:
            (corpus / f"{split}.spacy").unlink(missing_ok=True)
        for folder in reversed(made):
            shutil.rmtree(folder, ignore_errors=True) if folder == corpus else _rmdir_if_empty(folder)
        raise
    say(f"converted {', '.join(files)} in {time.perf_counter() - began:.0f} s")
    config = make_config(seed=seed, epochs=epochs, patience=patience, eval_frequency=eval_frequency, width=width,
                         depth=depth, train=binaries["train"], dev=binaries["dev"])
    config_path = output / "config.cfg"
    config.to_disk(config_path)
    began = time.perf_counter()
    spacy_train(config_path, output / "training", use_gpu=-1)
    seconds = time.perf_counter() - began
    best = output / "training" / "model-best"
    nlp = spacy.load(best)
    scores = {split: score(nlp, binaries[split]) for split in ("dev", "test")}
    size = sum(p.stat().st_size for p in best.rglob("*") if p.is_file())
    meta = {
        "pipeline": list(PIPELINE), "seed": seed, "epochs": epochs, "patience": patience,
        "eval_frequency": eval_frequency, "tok2vec": {"width": width, "depth": depth, "vectors": None},
        "treebank": {split: {"file": path.name, "sha256": _sha256(path)} for split, path in files.items()},
        "scores": scores, "train_seconds": round(seconds), "model_bytes": size,
        "versions": {"spacy": spacy.__version__, "python": platform.python_version()},
        "licence": "CC BY-SA 4.0", "attribution": ATTRIBUTION,
    }
    (best / "meta-narrative.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    say(f"trained in {seconds / 60:.0f} min; dev {scores['dev']}; test {scores['test']}; {size / 1e6:.1f} MB -> {best}")
    return best
