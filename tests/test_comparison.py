"""One analysis for every caller: ``narrative compare`` and notebook 04 give the same tables for
the same options (narrative.comparison), and each option that cannot work is one line, exit 2."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from narrative.cli import build_parser, main
from narrative.comparison import Options
from narrative.pipeline import params as P
from narrative.pipeline import steps

from support import demo_slice


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return demo_slice(tmp_path_factory.mktemp("demo") / "corpus", n=15)


def _cli(corpus, out, *extra):
    assert main(["compare", str(corpus), "-o", str(out), "--jobs", "1", *extra]) == 0
    stem = out.with_suffix("")
    return [pd.read_csv(p, keep_default_na=False) for p in (out, stem.with_name(stem.name + ".frames.csv"),
                                                             stem.with_name(stem.name + ".stance.csv"))]


def _suite(run_dir, corpus, **options):
    steps.claims_step(run_dir, corpus=[str(corpus)], jobs=1)
    steps.framing_step(run_dir, jobs=1, n_boot=20)
    steps.comparison_step(run_dir, side_a="kremlin", side_b="ukraine", **options)
    return [steps.read_table(run_dir, name) for name in ("log_odds_top.csv", "frame_differences.csv",
                                                         "reporter_stance.csv")]


def _same(cli_tables, suite_tables):
    for cli, suite in zip(cli_tables, suite_tables):
        assert list(cli.columns) == list(suite.columns)
        # the suite reads per-claim rates back from frame_scores.csv, written to 6 significant digits
        # (infra.tables.FLOAT_FORMAT): a bound near zero, a difference of rates of order 1-10, carries that
        # rounding as an absolute error of about 1e-6, so the absolute tolerance is 1e-5 beside the relative one
        pd.testing.assert_frame_equal(cli, suite, check_dtype=False, rtol=1e-5, atol=1e-5)


def test_cli_and_suite_comparison_tables_are_equal_for_equal_options(corpus, tmp_path):
    (tmp_path / "run" / "tables").mkdir(parents=True)
    (tmp_path / "run" / "figures").mkdir()
    options = {"n_boot": 200, "n_perm": 200, "seed": 3, "top_k": 15, "prior": "uniform", "alpha": 0.05,
               "keep_names": True}
    cli = _cli(corpus, tmp_path / "cmp.csv", "--n-boot", "200", "--n-perm", "200", "--seed", "3", "--top", "15",
               "--prior", "uniform", "--alpha", "0.05", "--keep-names")
    suite = _suite(tmp_path / "run", corpus, **options)
    assert len(cli[0]) == 30 and len(cli[1]) > 5 and cli[2]["group"].tolist()[-1] == "kremlin − ukraine"
    _same(cli, suite)


def test_the_suite_honours_the_runs_actors_file(corpus, tmp_path):
    """steps.log_odds used to load the shipped actors file whatever the run's `actors` said: a
    person the run's file adds, named like the top kremlin-leaning word, takes that word out."""
    import yaml

    from narrative.infra.datafiles import data_path

    run = tmp_path / "run"
    (run / "tables").mkdir(parents=True)
    (run / "figures").mkdir()
    shipped = _suite(run, corpus, n_boot=20, n_perm=20)[0]
    word = shipped.loc[shipped["leans"] == "a", "term"].iloc[0]
    spec = yaml.safe_load(data_path("actors.yaml").read_text("utf-8"))
    spec["gazetteers"] = []
    spec["actors"].append({"name": f"{word.title()} Testperson", "side": "other", "kind": "person"})
    own = tmp_path / "actors.yaml"
    own.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    claims, scores = steps.read_table(run, "claims.csv"), steps.read_table(run, "frame_scores.csv")
    result = steps.compare_sides(run, claims, scores, side_a="kremlin", side_b="ukraine", actors=str(own),
                                 n_boot=20, n_perm=20)
    assert word not in set(result.top["term"]) and word not in result.log_odds.index
    kept = steps.compare_sides(run, claims, scores, side_a="kremlin", side_b="ukraine", actors=str(own),
                               keep_names=True, n_boot=20, n_perm=20)
    assert word in kept.log_odds.index, "keep_names keeps the run's actors' names"


def test_cli_defaults_are_the_suites_parameters():
    args = build_parser().parse_args(["compare", "x.csv"])
    for field, name in (("a", "side_a"), ("b", "side_b"), ("top_k", "top_k"), ("n_boot", "n_boot"),
                        ("n_perm", "n_perm"), ("seed", "seed"), ("prior", "prior"), ("alpha", "alpha"),
                        ("stopwords", "stopwords"), ("keep_names", "keep_names")):
        assert getattr(args, field) == P.BY_NAME[name].default == getattr(Options(), field), field
    claims = build_parser().parse_args(["claims", "x.csv"])
    assert (claims.method, claims.profile) == (P.BY_NAME["claims_method"].default, P.BY_NAME["claims_profile"].default)


def test_profile_of_the_claims_commands_is_a_deprecated_alias(capsys):
    args = build_parser().parse_args(["claims", "x.csv", "--profile", "attribution"])
    assert args.profile == "attribution"
    assert "--profile is deprecated here; use --claims-profile" in capsys.readouterr().err
    assert build_parser().parse_args(["claims", "x.csv", "--claims-profile", "attribution"]).profile == "attribution"
    assert build_parser().parse_args(["run", "--profile"]).profile is True  # run's timing flag keeps its name


@pytest.mark.parametrize("extra, says", [
    (["--by", "doc_id"], "cannot group by 'doc_id'"),
    (["--by", "hedges"], "cannot group by 'hedges'"),
    (["--seed", "-1"], "--seed: must be at least 0"),
    (["--prior", "uniform", "--alpha", "0"], "--alpha: must be a finite number > 0"),
    (["--alpha", "nan"], "--alpha: must be a finite number > 0"),
    (["--alpha", "inf"], "--alpha: must be a finite number > 0"),
])
def test_unusable_compare_options_are_one_line_and_exit_2(corpus, tmp_path, capsys, extra, says):
    with pytest.raises(SystemExit) as raised:  # argparse's own errors exit 2 too
        code = main(["compare", str(corpus), "--jobs", "1", "-o", str(tmp_path / "c.csv"), *extra])
        raise SystemExit(code)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert not list(tmp_path.iterdir()), "nothing is written"


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00binary", "caf\xe9\n".encode("latin-1")])
def test_a_binary_or_latin1_stopword_file_is_one_line(corpus, tmp_path, capsys, content):
    words = tmp_path / "stop.txt"
    words.write_bytes(content)
    assert main(["compare", str(corpus), "--jobs", "1", "--stopwords", str(words), "-o", str(tmp_path / "c.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"narrative: {words}: stopword list is not UTF-8 text (binary or Latin-1?): " \
                  f"byte {next(i for i, b in enumerate(content) if b > 127)}"
    assert not (tmp_path / "c.csv").exists()


def test_options_check_refuses_what_cannot_work():
    for bad in ({"alpha": math.nan}, {"alpha": 0}, {"seed": -1}, {"by": "claim_id"}, {"a": "x", "b": "x"}):
        with pytest.raises(Exception) as raised:
            Options(**bad).checked()
        assert type(raised.value).__name__ == "ParameterError"


def test_the_suites_comparison_parameters_are_checked_before_the_run(tmp_path):
    words = tmp_path / "stop.txt"
    words.write_text("war\npeace\n", encoding="utf-8")
    base = P.defaults()
    assert P.validate({**base, "stopwords": "none"}, base=tmp_path)["stopwords"] == "none"
    assert P.validate({**base, "stopwords": "stop.txt"}, base=tmp_path)["stopwords"] == str(words.resolve())
    for bad in ({"stopwords": "missing.txt"}, {"alpha": math.nan}, {"alpha": 0}, {"alpha": -1.0},
                {"prior": "flat"}, {"keep_names": "yes"}):
        with pytest.raises(Exception) as raised:
            P.validate({**base, **bad}, base=tmp_path)
        assert type(raised.value).__name__ == "ParameterError", bad
