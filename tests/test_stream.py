"""Streaming and backends: the same stage functions, identical outputs on every backend."""
import pandas as pd
import pytest

from narrative.cli import main
from narrative.compare.frames import differences_from_sums, doc_sums, frame_differences
from narrative.corpus import check_text_file, load_corpus
from narrative.errors import InputError
from narrative.corpus import iter_chunks
from narrative.pipeline.stream import run_stream

from support import demo_slice


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
    assert main(["compare", str(corpus), "--a", "kremlin", "--b", "ukraine", "-o", str(out), "--jobs", "1",
                 "--n-boot", "2000", "--n-perm", "2000", "--top", "30"]) == 0
    odds = pd.read_csv(out)
    frames = pd.read_csv(tmp_path / "cmp.frames.csv")
    assert {"term", "count_a", "count_b", "delta", "var", "z", "leans"} <= set(odds.columns)
    # the very numbers of the Python API on the same corpus and seed
    from narrative.compare.words import log_odds_dirichlet, top_terms
    from narrative.lexicons import load_lexicon

    result = run_stream([corpus], stages=("frames", "counts"), jobs=1, sentiment=False)
    expected = differences_from_sums(result.merged_doc_sums(), list(load_lexicon().categories), a="kremlin",
                                     b="ukraine", n_boot=2000, n_perm=2000, seed=0)
    pd.testing.assert_frame_equal(frames, pd.read_csv(pd.io.common.StringIO(expected.to_csv(index=False, float_format="%.6g"))))
    from narrative.speakers.actors import load_actors
    from narrative.compare.stance import reporter_stance
    from narrative.compare.words import log_odds, name_terms, stopword_set

    top = top_terms(log_odds(result.counts["kremlin"], result.counts["ukraine"],
                             exclude=name_terms(load_actors())), k=30).reset_index()
    assert odds["term"].tolist() == top["term"].tolist()
    assert odds["z"].to_numpy() == pytest.approx(top["z"].to_numpy(), rel=1e-5)  # CSV keeps 6 significant digits
    assert not set(odds["term"]) & (stopword_set("english") | {"vladimir", "putin", "zelenskyy"})
    # the uniform prior without filters is the plain Monroe et al. computation
    plain = top_terms(log_odds_dirichlet(result.counts["kremlin"], result.counts["ukraine"]), k=30).reset_index()
    assert top_terms(log_odds(result.counts["kremlin"], result.counts["ukraine"], prior="uniform", stopwords="none"),
                     k=30).reset_index()["term"].tolist() == plain["term"].tolist()
    stance = pd.read_csv(tmp_path / "cmp.stance.csv")
    streamed = run_stream([corpus], stages=("stance",), jobs=1, sentiment=False)
    again = reporter_stance(streamed.merged_stance_sums(), a="kremlin", b="ukraine")
    assert stance["group"].tolist() == again["group"].tolist() == ["kremlin", "other", "ukraine", "kremlin − ukraine"]
    assert stance["distanced"].tolist() == again["distanced"].tolist()
    assert stance["share"].to_numpy() == pytest.approx(again["share"].to_numpy(), rel=1e-5)


def test_cli_compare_by_any_column(corpus, tmp_path):
    out = tmp_path / "by.csv"
    assert main(["compare", str(corpus), "--by", "outlet", "--a", "putin", "--b", "zelenskyy", "-o", str(out),
                 "--jobs", "1", "--n-boot", "200", "--n-perm", "200"]) == 0
    frames = pd.read_csv(tmp_path / "by.frames.csv")
    assert set(frames["n_docs_a"]) and (frames["with_a"] <= frames["n_a"]).all()
    stance = pd.read_csv(tmp_path / "by.stance.csv")
    assert stance["group"].tolist()[-1] == "putin − zelenskyy"
    assert main(["compare", str(corpus), "--by", "no_such_column", "--jobs", "1"]) == 2
    words = tmp_path / "stop.txt"
    words.write_text("# my list\nukraine\nrussia\n", encoding="utf-8")
    own = tmp_path / "own.csv"
    assert main(["compare", str(corpus), "--stopwords", str(words), "-o", str(own), "--jobs", "1",
                 "--n-boot", "50", "--n-perm", "50"]) == 0
    terms = set(pd.read_csv(own)["term"])
    assert not terms & {"ukraine", "russia"} and terms & {"the", "and", "of"}  # only the file's terms left out
    assert main(["compare", str(corpus), "--stopwords", str(tmp_path / "none.txt"), "--jobs", "1"]) == 2


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
    from narrative.tools.synth import write_synthetic

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    stats = write_synthetic(a, docs=50, corpus=[corpus], words_per_doc=40, seed=3)
    write_synthetic(b, docs=50, corpus=[corpus], words_per_doc=40, seed=3)
    assert a.read_bytes() == b.read_bytes() and stats["documents"] == 50 and stats["words"] >= 2000
    result = run_stream([a], stages=("claims", "counts"), jobs=1, chunk_docs=16)
    assert result.documents == 50 and {"kremlin", "ukraine"} <= set(result.counts)
    assert "journalist" not in result.counts  # the documents' own side speaks in their unattributed sentences


def test_repeated_ids_are_made_unique_as_when_loading_whole(tmp_path):
    """Workers parse raw chunks; ids repeated within and across chunks still get the reader's -n suffixes."""
    import json

    from narrative.claims import extract_claims
    from narrative.infra.tables import flatten_lists

    texts = ["Peskov said the talks were over.", "Kyiv said the front held.", "Zelensky said: “We hold.”",
             "The ministry claimed the village was taken.", "Nothing was said.", "Putin said it was a success."]
    ids = ["a", "b", "a", "a", "c", "b"]  # chunks of 2: [a b] [a a] [c b]
    path = tmp_path / "dup.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "source": "wire"}) + "\n" for i, t in zip(ids, texts)))
    expected = flatten_lists(extract_claims(load_corpus(path)))
    assert load_corpus(path)["doc_id"].tolist() == ["a", "b", "a-2", "a-3", "c", "b-2"]
    for jobs in (1, 2):
        out = tmp_path / f"claims-{jobs}.csv"
        result = run_stream([path], stages=("claims",), claims_out=out, chunk_docs=2, jobs=jobs)
        got = pd.read_csv(out, keep_default_na=False, dtype=str)
        assert result.documents == 6
        assert got["claim_id"].tolist() == expected["claim_id"].tolist()
        assert got["doc_id"].tolist() == expected["doc_id"].tolist()


def test_a_malformed_line_fails_with_its_number_from_a_worker(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Fine."}\n\n{"text": "Also fine."}\n{"text": oops}\n')
    with pytest.raises(InputError, match=r"bad.jsonl, line 4: malformed JSON"):
        run_stream([path], stages=("claims",), chunk_docs=2, jobs=2)


def test_chunk_counts_sum_like_chained_adds():
    from narrative.compare.words import term_counts
    from narrative.pipeline.stream import _summed

    parts = [term_counts(["the war", "Kyiv held"]), term_counts(["the ministry said", "É é"]), term_counts(["war"])]
    chained = parts[0].add(parts[1], fill_value=0).astype("int64").add(parts[2], fill_value=0).astype("int64")
    pd.testing.assert_series_equal(_summed(parts), chained, check_names=False)
    assert _summed(parts)["war"] == 2 and _summed(parts[:1]) is parts[0]


def test_ids_repeated_within_a_chunk_do_not_redo_it(tmp_path, monkeypatch):
    """Within-chunk repeats are renamed where the chunk is parsed; only ids seen in an earlier chunk cost a redo."""
    import json

    import narrative.pipeline.stream as S

    calls = []
    real = S.process_raw
    monkeypatch.setattr(S, "process_raw", lambda raw, doc_ids=None, **kw: calls.append(doc_ids) or real(raw, doc_ids, **kw))
    path = tmp_path / "dup.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": "Kyiv said the front held."}) + "\n" for i in "aab"))
    result = run_stream([path], stages=("claims",), chunk_docs=3, jobs=1)
    assert result.documents == 3 and calls == [None]


def test_kill_9_of_a_streaming_command_leaves_no_worker(tmp_path):
    """``narrative claims --jobs 2`` killed with SIGKILL while its workers are busy: none survives."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    from support import DEMO

    out = tmp_path / "claims.csv"
    proc = subprocess.Popen([sys.executable, "-m", "narrative.cli", "claims", str(DEMO), "--jobs", "2",
                             "--chunk-docs", "50", "-o", str(out)], stderr=subprocess.DEVNULL, start_new_session=True)
    family, deadline = [], time.time() + 60
    while time.time() < deadline and len(family) < 2:
        family = [p for p in psutil.Process(proc.pid).children(recursive=True)
                  if "resource_tracker" not in " ".join(p.cmdline())]
        time.sleep(0.1)
    assert len(family) >= 2, "the workers never started"
    time.sleep(1.0)  # let them work on chunks
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.time() + 10
    while time.time() < deadline and any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in family):
        time.sleep(0.1)
    alive = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    for p in alive:
        p.kill()
    assert alive == []
    assert not out.exists()  # the output is only ever renamed into place when complete


def test_words_false_skips_the_count_and_keeps_the_claims(corpus, tmp_path):
    counted, claims1, _s1 = run(corpus, tmp_path, "counted", jobs=1)
    uncounted, claims2, _s2 = run(corpus, tmp_path, "uncounted", jobs=1, words=False)
    assert counted.words > 0 and uncounted.words == 0
    assert claims1 == claims2 and counted.claims == uncounted.claims and counted.documents == uncounted.documents
