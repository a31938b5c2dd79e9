"""The shipped syntactic layer loads offline and parses news English sensibly."""
from __future__ import annotations

import pytest

from narrative.syntax.parse import load_parser, model_meta, model_path


def test_shipped_parser_metadata_names_its_training_and_licence():
    meta = model_meta()
    assert meta["licence"] == "CC BY-SA 4.0" and "EWT" in meta["attribution"]
    assert meta["seed"] == 0 and meta["epochs"] == 15
    assert meta["scores"]["test"]["las"] > 0.75 and meta["scores"]["test"]["upos"] > 0.92
    assert (model_path() / "LICENSE.md").is_file()


def test_parser_finds_the_speaker_and_the_speech_verb():
    """Composed sentences: the subject of "said" names the speaker, its clausal complement is the
    content; lemmas and parts of speech are there. (The model is small: LAS 0.79 on EWT test; it
    does make errors, e.g. it can attach both parts of a name to the verb.)"""
    spacy = pytest.importorskip("spacy")
    assert spacy.__version__.startswith("3.8")
    nlp = load_parser()
    doc = nlp("Kremlin spokesman Dmitry Peskov said the troops had captured the town.")
    said = [t for t in doc if t.text == "said"][0]
    assert said.dep_ == "ROOT" and said.lemma_ == "say" and said.pos_ == "VERB"
    assert "Peskov" in [t.text for t in said.children if t.dep_ == "nsubj"]
    captured = [t for t in doc if t.text == "captured"][0]
    assert captured.head.i == said.i and captured.dep_ == "ccomp" and captured.lemma_ == "capture"
    doc = nlp("The Ukrainian military said its forces continue to deter enemy attacks.")
    said = [t for t in doc if t.text == "said"][0]
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["military"]
    assert [t.text for t in said.children if t.dep_ == "ccomp"] == ["continue"]


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, b"just a line of prose, not CoNLL-U\n"])
def test_train_parser_on_a_binary_or_prose_treebank_is_one_line_and_leaves_nothing(tmp_path, capsys, content):
    """The bug: a UnicodeDecodeError traceback, and OUT/corpus/ left behind."""
    from narrative.cli import main

    treebank = tmp_path / "tb"
    treebank.mkdir()
    for split in ("train", "dev", "test"):
        (treebank / f"en_ewt-ud-{split}.conllu").write_bytes(content)
    out = tmp_path / "tpout"
    assert main(["train-parser", "--treebank", str(treebank), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"narrative: {treebank / 'en_ewt-ud-train.conllu'}: ")
    assert not out.exists()
