"""The report's index.html names each side's longest claims (longest_claims.csv), the corpus text escaped."""
import pandas as pd

from narrative.pipeline.report import render
from narrative.prevalence import longest_claims


def _run(tmp_path, content):
    tables = tmp_path / "tables"
    tables.mkdir()
    claims = pd.DataFrame({"doc_id": ["a", "b", "c"], "claim_id": ["a:1", "b:1", "c:1"], "side": ["x", "x", "y"],
                           "actor": ["<b>Envoy</b>", "Minister", "Spokesman"],
                           "content": [content, "Talks resumed.", "The city was shelled again overnight."],
                           "n_tokens": [400, 3, 7], "hedge": [2.5, 0.0, 0.0]})
    claims.drop(columns=["n_tokens", "hedge"]).to_csv(tables / "claims.csv", index=False)
    longest_claims(claims, ["hedge"], k=1).to_csv(tables / "longest_claims.csv", index=False)
    return render(tmp_path, {"parameters": {"side_a": "x", "side_b": "y"}})


def test_the_longest_claims_are_named_with_their_speaker_and_opening_words(tmp_path):
    long_text = "We <script>alert(1)</script> declare jointly that " + "the parties agree " * 60
    html = _run(tmp_path, long_text)
    assert "The longest claims" in html and "a:1" in html and "c:1" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Envoy&lt;/b&gt;" in html
    assert "99.3" in html  # 400 of the side's 403 words
    assert long_text[:400] not in html  # an opening, not the whole claim


def test_no_longest_claims_table_no_section(tmp_path):
    (tmp_path / "tables").mkdir()
    assert "The longest claims" not in render(tmp_path, {"parameters": {}})


def test_the_report_names_the_frame_scorer_why_and_its_training_labels(tmp_path):
    from narrative.features import claim_frame_table, default_scorer

    tables = tmp_path / "tables"
    tables.mkdir()
    claims = pd.DataFrame({"doc_id": ["a"], "claim_id": ["a:1"], "side": ["ukraine"],
                           "content": ["Our units repelled six assaults near the river."]})
    claims[["doc_id", "claim_id", "side"]].join(claim_frame_table(claims)).to_csv(tables / "claim_frames.csv", index=False)
    html = render(tmp_path, {"parameters": {}})
    assert f"scorer <b>{default_scorer()}</b>" in html
    if default_scorer() != "lexicon":
        assert "warnews-coder2 (220 claims" in html and "tuning parts only" in html
