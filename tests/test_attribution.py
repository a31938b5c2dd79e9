import pandas as pd
import pytest

from narrative.claims.crfmodel import Labeller, default_model_path
from narrative.claims.crftrain import train
from narrative.claims import extract_claims
from narrative.cli import main
from narrative.evaluation.attribution import evaluate_attribution, predictions_from_claims, read_gold

# Composed for narrative: three short articles with brat attributions (offsets checked below).
DOCS = {
    "a": ("Peskov said the city had fallen. Kyiv denied it.",
          [("Peskov", "said", "the city had fallen")]),
    "b": ("“We hold our positions,” the Ukrainian military said. Shelling continued.",
          [("the Ukrainian military", "said", "We hold our positions")]),
    "c": ("According to Kovalenko, the statements were meant for a Western audience.",
          [("Kovalenko", "According to", "the statements were meant for a Western audience")]),
}


def write_gold(folder, docs=DOCS):
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for stem, (text, rels) in docs.items():
        (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        lines, t = [], 0
        for k, (src, cue, con) in enumerate(rels, start=1):
            ids = []
            for role, piece in (("Source", src), ("Cue", cue), ("Content", con)):
                t += 1
                start = text.index(piece)
                lines.append(f"T{t}\t{role} {start} {start + len(piece)}\t{piece}")
                ids.append(f"T{t}")
            lines.append(f"E{k}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
        (folder / "attributions" / f"{stem}_x.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_train_writes_a_model_that_fits_its_training_data(tmp_path):
    gold_dir = write_gold(tmp_path / "gold")
    model = train(gold_dir, tmp_path / "m.crfsuite", max_iterations=60, min_freq=1, say=lambda m: None)
    assert model.stat().st_size > 1000
    gold = read_gold(gold_dir)
    docs = pd.DataFrame({"doc_id": list(gold), "source": "news", "text": [t for t, _ in gold.values()]})
    claims = extract_claims(docs, method="crf", model=model)
    scores = evaluate_attribution(gold, predictions_from_claims(claims))
    assert scores["content_recall"] == 1.0 and scores["source_accuracy"] == 1.0


def test_missing_model_is_a_clear_error(tmp_path):
    from narrative.errors import InputError

    with pytest.raises(InputError, match="train-attribution"):
        Labeller(tmp_path / "none.crfsuite")


needs_model = pytest.mark.skipif(not default_model_path().is_file(), reason="no shipped attribution model")


@needs_model
def test_shipped_model_on_example_article(example_text):
    c = extract_claims(pd.DataFrame({"doc_id": ["ex"], "source": ["cnn"], "text": [example_text]}), method="crf")
    got = {(r.actor, r.side) for r in c.itertuples() if r.quote_type != "self"}
    assert {("Andriy Kovalenko", "ukraine"), ("Dmitry Peskov", "kremlin"), ("Vladimir Putin", "kremlin"),
            ("Ukrainian military", "ukraine")} <= got
    for r in c.itertuples():
        assert example_text[r.content_start:r.content_end] == r.content


# the offset property over every extractor: tests/test_claims_view.py


@needs_model
def test_a_model_without_its_settings_file_warns(tmp_path, caplog):
    import logging
    import shutil

    model = tmp_path / "bare.crfsuite"
    shutil.copy(default_model_path(), model)  # the weights without <model>.json beside them
    with caplog.at_level(logging.WARNING, logger="narrative.claims"):
        labeller = Labeller(model)
    assert "no settings file bare.json" in caplog.text
    assert (labeller.syntax, labeller.clusters, labeller.threshold) == (False, False, None)
    assert not any("settings" in r.getMessage() for r in caplog.records if "attribution.crfsuite" in r.getMessage())


def test_cli_train_and_eval(tmp_path, capsys):
    gold_dir = write_gold(tmp_path / "gold")
    model = tmp_path / "cli.crfsuite"
    assert main(["train-attribution", "--gold", str(gold_dir), "-o", str(model), "--max-iterations", "20"]) == 0
    assert main(["eval-attribution", "--gold", str(gold_dir), "--method", "crf", "--model", str(model)]) == 0
    assert "content (tokF1>=0.5)" in capsys.readouterr().out


SIGNED = ("Readers sent us their views on the election.\n"
          "“He has never listened to us. Nobody in my town trusts him.”\n― Ana Ruiz\n"
          "“We need jobs, not walls,”― Carlos Mendes, a teacher\n"
          "The debate — which ran long — ended late.")


@pytest.mark.parametrize("method", ["rules", "crf"])
def test_a_signature_dash_attributes_the_quotation_it_signs(method):
    if method == "crf" and not default_model_path().is_file():
        pytest.skip("no shipped attribution model")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["n"], "text": [SIGNED]}), method=method,
                       profile="attribution")
    signed = c[c["cue"] == "―"]
    assert list(zip(signed["speaker"], signed["content"])) == [
        ("Ana Ruiz", "He has never listened to us. Nobody in my town trusts him."),
        ("Carlos Mendes", "We need jobs, not walls")]
    assert not (c["cue"] == "—").any()  # dashes around an aside sign nothing


def test_a_cue_without_content_takes_the_longer_side_of_its_unit():
    from narrative.claims.crf import Relation, _rest_of_unit
    from narrative.claims.crfmodel import Span
    from narrative.claims.tokens import Toks

    text = "Secret Service protocol called for a trauma center, a source said."
    toks = Toks(text, 0, len(text))
    cue = toks.text.index("said")
    rel = Relation(0, toks, Span("CUE", cue, cue), src=[Span("SRC", cue - 2, cue - 1)])
    (a, b), = _rest_of_unit(toks, rel)
    assert text[a:b] == "Secret Service protocol called for a trauma center"
    text = "Palmieri said during a rally in Michigan that Clinton will speak on Friday."
    toks = Toks(text, 0, len(text))
    rel = Relation(0, toks, Span("CUE", 1, 1), src=[Span("SRC", 0, 0)])
    (a, b), = _rest_of_unit(toks, rel)
    assert text[a:b] == "that Clinton will speak on Friday"
    rel = Relation(0, toks, Span("CUE", 4, 4))  # "rally": no cue word, no content
    assert _rest_of_unit(toks, rel) == []
