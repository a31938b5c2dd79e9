"""Streaming and backends: the same stage functions, identical outputs on every backend."""
import pandas as pd
import pytest

from narrative.cli import main
from narrative.compare import doc_sums, frame_differences, differences_from_sums
from narrative.corpus import check_text_file, load_corpus
from narrative.errors import InputError
from narrative.stream import iter_chunks, run_stream

from conftest import demo_slice


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return demo_slice(tmp_path_factory.mktemp("stream") / "corpus", n=40)


def run(corpus, tmp_path, tag, **kw):
    claims, scores = tmp_path / f"claims-{tag}.csv", tmp_path / f"scores-{tag}.csv"
    result = run_stream([corpus], claims_out=claims, scores_out=scores, chunk_docs=7, **kw)
    return result, claims.read_bytes(), scores.read_bytes()


def test_chunks_cover_the_corpus_once(corpus):
    whole = load_corpus(corpus, sides={"putin": "kremlin", "zelenskyy": "ukraine"})
    chunks = list(iter_chunks([corpus], chunk_docs=7, sides={"putin": "kremlin", "zelenskyy": "ukraine"}))
    assert max(len(c) for c in chunks) == 7
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)


def test_local_jobs_and_dask_are_identical(corpus, tmp_path):
    one, claims1, scores1 = run(corpus, tmp_path, "1", jobs=1)
    two, claims2, scores2 = run(corpus, tmp_path, "2", jobs=2)
    dask, claims3, scores3 = run(corpus, tmp_path, "dask", backend="dask", jobs=2)
    assert claims1 == claims2 == claims3 and scores1 == scores2 == scores3
    assert one.documents == two.documents == dask.documents == 80
    for side in one.counts:
        pd.testing.assert_series_equal(one.counts[side], dask.counts[side])
    assert len(claims1) > 10_000


def test_merged_sums_give_the_in_memory_differences(corpus, tmp_path):
    result, _c, scores_bytes = run(corpus, tmp_path, "sums", jobs=1)
    scores = pd.read_csv(tmp_path / "scores-sums.csv", keep_default_na=False)
    cats = ["achievement", "resistance", "aggression", "hedge"]
    direct = frame_differences(scores, cats, a="kremlin", b="ukraine", n_boot=200, n_perm=200)
    merged = differences_from_sums(result.merged_doc_sums(), cats, a="kremlin", b="ukraine", n_boot=200, n_perm=200)
    pd.testing.assert_frame_equal(direct, merged)


def test_cli_compare_writes_both_tables(corpus, tmp_path):
    out = tmp_path / "cmp.csv"
    assert main(["compare", str(corpus), "--a", "kremlin", "--b", "ukraine", "-o", str(out), "--jobs", "1"]) == 0
    odds = pd.read_csv(out)
    frames = pd.read_csv(tmp_path / "cmp.frames.csv")
    assert {"term", "count_a", "count_b", "delta", "var", "z", "leans"} <= set(odds.columns)
    assert set(frames["category"]) >= {"achievement", "aggression"} and frames["q"].between(0, 1).all()


def test_cli_frames_with_evidence(corpus, tmp_path):
    out, kwic = tmp_path / "frames.csv", tmp_path / "kwic.csv"
    assert main(["frames", str(corpus), "-o", str(out), "--evidence", str(kwic), "--jobs", "2"]) == 0
    frames = pd.read_csv(out)
    assert list(frames.columns[:4]) == ["doc_id", "claim_id", "side", "n_tokens"]
    assert "vader_compound" in frames.columns and len(pd.read_csv(kwic)) > 100


def test_utf8_check_finds_the_line_across_blocks(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(("café line\n" * 5000).encode("utf-8") + b"bad \xff byte\n" + b"ok\n" * 10)
    with pytest.raises(InputError, match="line 5001: not valid UTF-8"):
        check_text_file(path, block=4096)


def test_synth_is_reproducible_and_streams(tmp_path, corpus):
    from narrative.synth import write_synthetic

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    stats = write_synthetic(a, docs=50, corpus=[corpus], words_per_doc=40, seed=3)
    write_synthetic(b, docs=50, corpus=[corpus], words_per_doc=40, seed=3)
    assert a.read_bytes() == b.read_bytes() and stats["documents"] == 50 and stats["words"] >= 2000
    result = run_stream([a], stages=("claims", "counts"), jobs=1, chunk_docs=16)
    assert result.documents == 50 and {"kremlin", "ukraine"} <= set(result.counts)
    assert "journalist" not in result.counts  # the documents' own side speaks in their unattributed sentences
