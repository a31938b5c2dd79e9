"""The ``narrative`` command: parse arguments, call one function, map errors to exit codes.

Exit codes: 0 success; 1 a notebook or step failed (a run is kept with
status ``failed``); 2 bad input, parameters or an output that cannot be
written (one line naming the file, row and problem; nothing is written);
3 the output directory is locked by another run (also after ``--wait``
times out); 130/143 interrupted by SIGINT/SIGTERM (a file being written is
removed, the old one kept); 141 the reader of standard output went away
(``| head``): stopped quietly, as Unix tools stop on SIGPIPE.
"""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Sequence

from .errors import (InputError, Interrupted, LockedError, NarrativeError, NotebookError, OutputClosed, OutputError,
                     ParameterError, RunExistsError)
from .claims.registry import METHODS
from .infra.datafiles import DEMO_CORPUS, REPORTS

EXIT_FAILED, EXIT_INPUT, EXIT_LOCKED = 1, 2, 3
#: what a shell reports for a tool killed by SIGPIPE (128 + 13): ``yes | head -1`` gives it too
EXIT_PIPE = 128 + signal.SIGPIPE.value


def _terminate(signum, _frame):
    """SIGTERM as an exception, so every output being written is aborted (its temporary file
    removed, the old file kept) before the command exits 143."""
    raise Interrupted(signal.Signals(signum).name)


def _reader_gone() -> int:
    """The reader of our standard output went away: stop quietly (no message, no flush error at exit)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_PIPE


def exit_code(error: NarrativeError) -> int:
    if isinstance(error, LockedError):
        return EXIT_LOCKED
    if isinstance(error, (InputError, ParameterError, RunExistsError, OutputError)):
        return EXIT_INPUT
    return EXIT_FAILED


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("narrative")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _number(text: str, kind: type, least: float, what: str):
    """``kind(text)`` if it is at least ``least``, else an argparse error naming the rule."""
    try:
        value = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be at least {least:g}, got {text}")
    return value


def _positive(text: str) -> int:
    """An integer >= 1 (argparse type)."""
    return _number(text, int, 1, "an integer")


#: how long ``narrative run --wait`` queues by default (seconds)
DEFAULT_WAIT = 6 * 3600.0


def _seconds(text: str) -> float | bool:
    """Seconds to wait (argparse type): a number >= 0; 0 means no limit (True)."""
    value = _number(text, float, 0, "seconds")
    return True if value == 0 else value


def _seed(text: str) -> int:
    """A random seed (argparse type): an integer >= 0."""
    return _number(text, int, 0, "an integer")


def _finite_positive(text: str) -> float:
    """A finite number > 0 (argparse type): ``nan``, ``inf``, 0 and negatives are refused."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number > 0, got {text}")
    return value


class _DeprecatedAlias(argparse.Action):
    """Stores the value; says once on stderr when the deprecated spelling was used."""

    def __init__(self, *args, deprecated: str = "", instead: str = "", **kwargs):
        self.deprecated, self.instead = deprecated, instead
        super().__init__(*args, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string == self.deprecated:
            print(f"narrative: {self.deprecated} is deprecated here; use {self.instead}", file=sys.stderr)
        setattr(namespace, self.dest, values)


#: suite parameters whose CLI spelling differs (documented aliases: short flags that read better);
#: the first flag is the one shown in help, the attribute is the second element
CLI_NAMES = {
    "side_a": (("--a", "--side-a"), "a"),
    "side_b": (("--b", "--side-b"), "b"),
    "top_k": (("--top", "--top-k"), "top_k"),
    "claims_method": (("--method", "--claims-method"), "method"),
    # --profile is run's timing flag; for the claims commands it is a deprecated alias of --claims-profile
    "claims_profile": (("--claims-profile", "--profile"), "profile"),
}


def add_parameters(parser: argparse.ArgumentParser, *names: str, **defaults) -> None:
    """Add the suite parameters ``names`` (:data:`narrative.pipeline.params.SCHEMA`) as options:
    the same names (``--n-boot`` for ``n_boot``, or the alias in :data:`CLI_NAMES`), help,
    choices, bounds and defaults as ``narrative run -p``; ``defaults`` overrides a default
    where a command needs another (e.g. ``claims_profile="attribution"`` for PolNeAR)."""
    from .pipeline.params import BY_NAME

    for name in names:
        p = BY_NAME[name]
        flags, dest = CLI_NAMES.get(name, (("--" + name.replace("_", "-"),), name))
        default = defaults.get(name, p.default)
        shown = "" if default is None or default is False else f" (default: {default})"
        kwargs: dict = {"dest": dest, "default": default, "help": p.help.replace("%", "%%") + shown}
        if p.type == "bool":
            kwargs["action"] = "store_true"
        elif p.choices:
            kwargs["choices"] = p.choices
        elif p.type == "int":
            least = 0 if p.minimum is None else p.minimum
            kwargs["type"] = lambda text, least=least: _number(text, int, least, "an integer")
        elif p.type == "float":
            kwargs["type"] = _finite_positive
        elif p.type == "path":
            kwargs["type"] = Path
        if name == "scheduler":
            kwargs.update(type=_scheduler, metavar="ADDRESS")
        if name == "claims_profile":
            kwargs.update(action=_DeprecatedAlias, deprecated="--profile", instead="--claims-profile",
                          help=kwargs["help"] + "; --profile: deprecated alias")
        parser.add_argument(*flags, **kwargs)


def _scheduler(text: str) -> str | None:
    """A Dask scheduler address (argparse type): ``none`` (the default: start a LocalCluster) or
    ``[protocol://]host:port``."""
    import re

    if text.strip().lower() == "none":
        return None
    if not re.match(r"^([a-z]+://)?[^\s:/]+:\d+/?$", text.strip()):
        raise argparse.ArgumentTypeError(f"expected an address such as tcp://host:8786, or none; got {text!r}")
    return text.strip()


def _corpus_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="csv, jsonl, parquet or .txt files, or directories of them")
    parser.add_argument("--text-column", help="column holding the text (default: text, body or content)")
    parser.add_argument("--title-column", help="column holding the title (default: title or headline)")
    parser.add_argument("--date-column", help="column holding the date (default: date, published)")
    parser.add_argument("--side-column", help="column holding the side (default: side; else from the actors file's publishers)")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    add_parameters(parser, "actors", "jobs", "backend", "scheduler")
    parser.add_argument("--chunk-docs", type=_positive, help="documents per chunk (memory per worker; default 2000, "
                        "5000 with --backend dask)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="narrative", description="Compare how claims are framed: "
                                     "who claims what, with which framing, and how the sides differ.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the notebook suite into a report directory",
                         description="Execute notebooks 01-04 with papermill into OUT/RUN_ID and write index.html.",
                         epilog="Example: narrative run --corpus data/raw/press-releases --out reports --run-id demo")
    run.add_argument("--corpus", nargs="+", metavar="PATH", help="corpus files or directories (default: the demo corpus)")
    run.add_argument("--config", type=Path, help="YAML file of parameters")
    run.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                     help="set a parameter (VALUE is parsed as YAML); repeatable")
    run.add_argument("--out", type=Path, default=Path(REPORTS), help=f"directory holding runs (default: {REPORTS})")
    run.add_argument("--run-id", help="name of this run (default: UTC timestamp)")
    run.add_argument("--notebooks", type=Path, help="directory of the suite (default: ./notebooks)")
    run.add_argument("--wait", nargs="?", type=_seconds, const=DEFAULT_WAIT, default=False, metavar="SECONDS",
                     help="queue behind a run that holds the lock instead of exiting 3; give up (exit 3) after "
                          f"SECONDS (default {DEFAULT_WAIT:g}: 6 hours; 0 = wait forever)")
    run.add_argument("--keep", type=_positive, metavar="N", help="after the run, keep the N newest successful and the N newest failed runs (only folders narrative made are deleted)")
    run.add_argument("--parallel", type=_positive, metavar="N",
                     help="notebooks executed at once when their inputs are ready (default 2; 1 = one after another)")
    run.add_argument("--no-progress", action="store_true", help="no per-cell progress bars")
    run.add_argument("--profile", action="store_true", help="print seconds per notebook and per stage at the end")
    run.add_argument("--help-params", action="store_true", help="list the parameters and exit")

    claims = sub.add_parser("claims", help="extract claims (speaker, cue, content, side)",
                            epilog="Example: narrative claims article.txt -o claims.csv")
    _corpus_args(claims)
    claims.add_argument("--format", choices=("jsonl", "csv", "parquet"),
                        help="output format (default: from -o's extension .csv, .jsonl or .parquet; jsonl on stdout)")
    add_parameters(claims, "claims_method", "claims_profile")

    frames = sub.add_parser("frames", help="frame rates per claim or document",
                            epilog="Example: narrative frames data/raw/press-releases --level document -o frames.csv")
    _corpus_args(frames)
    add_parameters(frames, "keep_duplicates")
    frames.add_argument("--level", choices=("claim", "document"), default="claim")
    frames.add_argument("--lexicon", type=Path, help="lexicon CSV (category,phrase,weight,note)")
    frames.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    frames.add_argument("--evidence", type=Path, help="also write the keyword-in-context table here (CSV)")

    comp = sub.add_parser("compare", help="log-odds, frame differences and the reporter's stance between two groups",
                          description="Three tables: the words that distinguish group a from group b (weighted "
                                      "log-odds with raw counts), each frame's rate in a and b with a cluster-bootstrap "
                                      "CI, permutation p and BH q (with the raw counts of claims and claims with a hit), "
                                      "and the reporter's stance: the share of each group's attributed claims reported "
                                      "with a distancing cue or a journalist hedge, with article-bootstrap CIs.",
                          epilog="Examples: narrative compare data/raw/press-releases --by side --a kremlin --b ukraine -o cmp.csv\n"
                                 "  narrative compare news/ --by outlet --a GB --b US")
    _corpus_args(comp)
    comp.add_argument("--by", default="side",
                      help="grouping column: a claims column (side, actor, speaker, cue, quote_type, ...) or a "
                           "documents column (outlet = source, date, title); default: side")
    comp.add_argument("--level", choices=("claim", "document"), default="claim",
                      help="compare claims' contents (default) or whole documents")
    comp.add_argument("--lexicon", type=Path, help="lexicon CSV (default: the shipped one)")
    comp.add_argument("--format", choices=("csv",), default="csv", help="output format (csv)")
    # the suite's parameters of notebook 04, same names and defaults (--a/--b/--top: aliases of side_a/side_b/top_k)
    add_parameters(comp, "keep_duplicates", "side_a", "side_b", "stopwords", "prior", "alpha", "keep_names", "top_k",
                   "n_boot", "n_perm", "seed")
    act = sub.add_parser("actors", help="who was resolved to which side in a corpus, with counts (to audit sides)",
                         description="One row per resolved actor and side: claims, documents, the mentions that "
                                     "resolved to it (most frequent first) and an example claim id. Unknown named "
                                     "speakers keep their name with side other.",
                         epilog="Example: narrative actors news/ --top 50 -o actors.csv")
    _corpus_args(act)
    act.add_argument("--top", type=_positive, help="only the N actors with most claims")
    act.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    add_parameters(act, "claims_method", "claims_profile")

    thr = sub.add_parser("threads", help="claims about one event (a place, a few days) grouped across documents, "
                         "both sides side by side",
                         description="One row per claim in a thread: the place (a settlement or region of Ukraine or "
                                     "Russia, in any common spelling), the thread's first and last day, the claim's "
                                     "side, speaker, content, frames and the reporter's distancing, its act (capture, "
                                     "hold, deny, strike, casualty) and the thread's plain relation between --a and "
                                     "--b (capture vs hold, strike vs casualties). Undated documents keep their "
                                     "threads to themselves.",
                         epilog="Example: narrative threads ../shared/eval/warnews-dev/articles -o threads.csv")
    _corpus_args(thr)
    thr.add_argument("--keep-duplicates", action="store_true",
                     help="keep every copy of a duplicated document (default: each group once; see `duplicates`)")
    thr.add_argument("--days", type=int, default=2,
                     help="a claim joins a place's thread up to this many days after its first day (default 2)")
    thr.add_argument("--similarity", type=float, default=0.2,
                     help="word-set cosine with a placed claim of the same document that lets a claim naming no "
                          "place join its thread (default 0.2)")
    thr.add_argument("--min-claims", type=_positive, default=2, help="claims a thread needs (default 2)")
    thr.add_argument("--a", default="kremlin", help="first compared side (default: kremlin)")
    thr.add_argument("--b", default="ukraine", help="second compared side (default: ukraine)")
    thr.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    thr.add_argument("--method", choices=METHODS, default=METHODS[0])

    dup = sub.add_parser("duplicates", help="exact and near-duplicate documents (word-shingle MinHash/LSH)",
                         description="One row per document: doc_id, duplicate_of (empty for a kept document: the "
                                     "earliest of its group by date, else the first read) and similarity (estimated "
                                     "Jaccard of word 5-shingles with the kept document).",
                         epilog="Example: narrative duplicates news/ --format csv -o duplicates.csv")
    dup.add_argument("inputs", nargs="+", metavar="INPUT", help="csv, jsonl, parquet or .txt files, or directories of them")
    dup.add_argument("--text-column", help="column holding the text (default: text, body or content)")
    dup.add_argument("--date-column", help="column holding the date (default: date, published)")
    dup.add_argument("--threshold", type=float, default=0.8, help="similarity that makes a duplicate (default 0.8)")
    dup.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    dup.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")

    ev = sub.add_parser("eval-attribution", help="score claim extraction against brat/PolNeAR gold",
                        epilog="Example: narrative eval-attribution --gold ../shared/eval/polnear/dev --by-cue")
    ev.add_argument("--gold", type=Path, required=True, help="folder with text/ and attributions/")
    ev.add_argument("--pred", type=Path, help="claims file (csv/jsonl from `narrative claims`, doc_id = text stem); "
                    "default: run the extractor")
    ev.add_argument("--by-cue", action="store_true", help="also print recall per gold cue")
    add_parameters(ev, "claims_method", "claims_profile", claims_profile="attribution")  # PolNeAR counts beliefs too
    eq = sub.add_parser("eval-quotes", help="score claim extraction against news-quote gold (quote F1, speaker accuracy)",
                        description="Gender Gap Tracker measure: a gold quote is found when one predicted claim covers "
                                    "more than --threshold of its characters (one-to-one); speaker accuracy counts "
                                    "matched quotes whose resolved actor names the gold speaker.",
                        epilog="Example: narrative eval-quotes --gold data/annotations/warnews-dev-quotes.tsv "
                               "--texts ../shared/eval/warnews-dev/articles")
    eq.add_argument("--gold", type=Path, required=True, help="TSV: file, quote_start, quote_end, speaker")
    eq.add_argument("--texts", type=Path, required=True, help="folder holding the files the gold names")
    add_parameters(eq, "claims_method", "claims_profile")
    eq.add_argument("--threshold", type=float, default=0.3, help="share of a gold quote's characters to cover (default 0.3)")
    eq.add_argument("--errors", action="store_true", help="also list misses, extra claims and wrong speakers (offsets)")
    eq.add_argument("--json", type=Path, help="also write the scores as JSON here")
    ev.add_argument("--model", type=Path, help="CRF model file (default: the shipped one)")
    ev.add_argument("--json", type=Path, help="also write the scores as JSON here")
    vs = sub.add_parser("validate-sides", help="side accuracy of extracted claims against hand labels, and kappa",
                        description="Each hand-labelled claim (file, speaker and content offsets, side) is matched to "
                                    "the extracted claim covering most of its content; accuracy counts unmatched ones "
                                    "as wrong. With --second, Cohen's kappa between the two labellings.",
                        epilog="Example: narrative validate-sides --gold data/annotations/warnews-dev-sides.tsv "
                               "--texts ../shared/eval/warnews-dev/articles "
                               "--second data/annotations/warnews-dev-sides-pass2.tsv")
    vs.add_argument("--gold", type=Path, required=True, help="TSV: file, speaker_start, speaker_end, content_start, "
                                                             "content_end, side")
    vs.add_argument("--texts", type=Path, required=True, help="folder holding the files the gold names")
    vs.add_argument("--second", type=Path, help="a second labelling of some of the same claims, for Cohen's kappa")
    add_parameters(vs, "claims_method")
    vs.add_argument("--actors", type=Path, help="actors YAML (default: the shipped one)")
    vs.add_argument("--errors", action="store_true", help="also list the claims whose side is wrong")
    vl = sub.add_parser("validate-lexicon", help="lexicon precision/recall against hand labels, and kappa between passes",
                        epilog="Examples: narrative validate-lexicon --labels data/annotations/frames_labels.csv "
                               "--second data/annotations/frames_labels_pass2.csv\n"
                               "  narrative validate-lexicon --labels data/annotations/warnews-dev-frames.tsv "
                               "--texts ../shared/eval/warnews-dev/articles "
                               "--second data/annotations/warnews-dev-frames-pass2.tsv")
    vl.add_argument("--labels", type=Path, required=True,
                    help="labels CSV (item, text, labels; a side column is used for perspective) or a .tsv of "
                         "file, start, end, side, labels (offsets into --texts)")
    vl.add_argument("--texts", type=Path, help="folder holding the files a .tsv labels file names")
    vl.add_argument("--second", type=Path, help="a second labelling of some items, for Cohen's kappa")
    vl.add_argument("--lexicon", type=Path, help="lexicon CSV (default: the shipped one)")
    vl.add_argument("--part", choices=("tuning", "locked", "all"), default="all",
                    help="the part of the split by article to score (data/annotations/README.md; default all)")

    ef = sub.add_parser("eval-frames", help="the lexicon, a trained frames classifier and their union on hand labels",
                        description="Grouped cross-validation by article: the classifier (TF-IDF + lexicon rates, one "
                                    "logistic regression per category) is trained on four fifths of the articles and "
                                    "scored on the rest; the lexicon, which needs no training, is scored on every row.",
                        epilog="Example: narrative eval-frames --labels data/annotations/warnews-dev-frames.tsv "
                               "--texts ../shared/eval/warnews-dev/articles --extra data/annotations/frames_labels.csv")
    ef.add_argument("--labels", type=Path, required=True, help="a .tsv of file, start, end, side, labels")
    ef.add_argument("--texts", type=Path, required=True, help="folder holding the files the labels name")
    ef.add_argument("--extra", type=Path,
                    help="a labels CSV (item, text, labels) added to every training fold for the categories whose "
                         "definitions it shares (resistance, adversity, aggression, casualties, diplomacy, disinformation)")
    ef.add_argument("--lexicon", type=Path, help="lexicon CSV (default: the shipped one)")
    ef.add_argument("--json", type=Path, help="also write the table as JSON here")
    ef.add_argument("--part", choices=("tuning", "locked", "all"), default="all",
                    help="the part of the split by article to score (data/annotations/README.md; default all)")

    tr = sub.add_parser("train-attribution", help="train the CRF attribution labeller on brat/PolNeAR gold",
                        epilog="Example: narrative train-attribution --gold ../shared/eval/polnear/train")
    tr.add_argument("--gold", type=Path, required=True, help="folder with text/ and attributions/ (use train, never dev)")
    tr.add_argument("-o", "--output", type=Path, help="model file, with its settings beside it as .json (default: "
                    "build/attribution.crfsuite; never the shipped model, which eval-attribution --model can be "
                    "compared with). Same gold, same options: the same bytes")
    tr.add_argument("--max-iterations", type=int, default=200)
    tr.add_argument("--c1", type=float, default=0.2, help="L1 penalty")
    tr.add_argument("--c2", type=float, default=0.05,
                    help="L2 penalty (c1 0.2, c2 0.05, 200 iterations: the best of nine settings on a held-out "
                         "fifth of train)")
    tr.add_argument("--no-syntax", action="store_true",
                    help="leave out the dependency features (no parsing: faster, measured less accurate)")
    tr.add_argument("--clusters", action="store_true",
                    help="add Brown-cluster features (measured: no gain on PolNeAR dev, so off by default)")
    tr.add_argument("--no-tune", action="store_true",
                    help="skip tuning the decoding threshold on a held-out 20%% of the training documents")

    tp = sub.add_parser("train-parser", help="train the syntactic layer (spaCy tagger, lemmatizer, parser) on UD English-EWT",
                        description="Seeded and recorded: converts the treebank, trains on train, keeps the best model "
                                    "on dev, scores it once on test, and writes the model with meta-narrative.json "
                                    "(settings, checksums, scores, licence).",
                        epilog="Example: narrative train-parser --treebank ../shared/treebanks/UD_English-EWT -o build/parser")
    tp.add_argument("--treebank", type=Path, required=True, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    tp.add_argument("-o", "--output", type=Path, default=Path("build/parser"),
                    help="working folder; the model is OUTPUT/training/model-best (default: build/parser)")
    tp.add_argument("--seed", type=_seed, default=0)
    tp.add_argument("--epochs", type=_positive, default=15,
                    help="passes over train (default 15: the shipped model's setting)")
    tp.add_argument("--patience", type=_positive, default=3000,
                    help="stop after this many steps without a better dev score (default 3000)")
    tp.add_argument("--width", type=_positive, default=96, help="tok2vec width (default 96)")
    tp.add_argument("--depth", type=_positive, default=4, help="tok2vec depth (default 4)")

    sy = sub.add_parser("synth", help="write a synthetic corpus of any size from the demo corpus's sentences",
                        epilog="Example: narrative synth --docs 1000000 -o /tmp/synth-1m.jsonl")
    sy.add_argument("--docs", type=int, required=True, help="number of documents")
    sy.add_argument("--words-per-doc", type=int, default=50)
    sy.add_argument("--corpus", nargs="+", default=[DEMO_CORPUS], help="where the sentences come from")
    sy.add_argument("--seed", type=_seed, default=0)
    sy.add_argument("-o", "--output", type=Path, required=True, help="JSON lines file to write")

    scale = sub.add_parser("scale-run", help="stream a corpus through claims -> frames -> log-odds and report "
                           "words/s and peak memory", epilog="Example: narrative scale-run /tmp/synth-1m.jsonl --jobs 2")
    _corpus_args(scale)
    add_parameters(scale, "keep_duplicates")  # as compare: each group of copies once, so the duplicate pass is measured
    scale.add_argument("--json", type=Path, help="also write the measurements as JSON here")

    bench = sub.add_parser("bench", help="words/s of each stage beside reference baselines (one core)",
                           epilog="Example: narrative bench data/raw/press-releases --json bench.json")
    bench.add_argument("inputs", nargs="*", default=[DEMO_CORPUS], metavar="INPUT",
                       help=f"corpus to time (default: {DEMO_CORPUS})")
    bench.add_argument("--repeat", type=int, default=5, help="best of N timings (default 5; this VM varies ±20%% run to run)")
    bench.add_argument("--limit-docs", type=int, help="only the first N documents")
    bench.add_argument("--crf", action="store_true", help="also time the trained labeller (it parses: slow)")
    bench.add_argument("--json", type=Path, help="also write the results as JSON here")

    # -- a coded sample corrects the estimates: sample -> a coder -> validate / estimate ----------
    smp = sub.add_parser("sample", help="a random sample of a claims table as a coding sheet (CSV + HTML view)",
                         description="Draws N claims (stratified by a claims column if asked: equal shares per "
                                     "value) with each row's inclusion probability, the claim's sentence with speaker, "
                                     "cue and content marked, the tool's speaker, side, frames and distancing, and "
                                     "empty columns to fill by the codebook: gold_is_claim (1/0), gold_side "
                                     "(kremlin/ukraine/other), gold_frames (;-joined), gold_distanced (1/0). Also "
                                     "writes an HTML page of the sample with the codebook's definitions beside it.",
                         epilog="Example: narrative sample reports/latest/tables/claims.csv -n 300 --strata side "
                                "-o sheet.csv")
    smp.add_argument("claims", type=Path, metavar="CLAIMS", help="claims table (csv/jsonl from `narrative claims` or a "
                                                                "run's tables/claims.csv)")
    smp.add_argument("-n", type=_positive, required=True, help="claims to sample")
    smp.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    smp.add_argument("--strata", metavar="COLUMN", help="stratify by this claims column (e.g. side)")
    smp.add_argument("--quote-type", action="append", choices=("direct", "indirect", "mixed", "self"),
                     help="draw only claims of this quote type (repeatable; default all)")
    smp.add_argument("--min-words", type=_positive, help="draw only claims of at least this many words")
    smp.add_argument("--max-words", type=_positive, help="draw only claims of at most this many words")
    smp.add_argument("--corpus", nargs="+", metavar="PATH", help="the corpus, to cut each claim's sentence from its "
                                                                 "document (default: the spans alone)")
    smp.add_argument("--lexicon", type=Path, help="lexicon CSV for the tool's frames (default: the shipped one)")
    smp.add_argument("-o", "--output", type=Path, required=True, help="the sheet (CSV)")
    smp.add_argument("--html", type=Path, help="the HTML view (default: the sheet's name with .html)")
    val = sub.add_parser("validate", help="the tool's accuracy on a coded sheet (claims, sides, frames, distancing)",
                         description="Claim precision, side accuracy and confusion, per-frame and distancing "
                                     "precision/recall on the coded rows, with 95% Wilson intervals. A column left "
                                     "empty is a dimension not coded: skipped, not counted as wrong.",
                         epilog="Example: narrative validate claims.csv --validation sheet.csv")
    val.add_argument("claims", type=Path, metavar="CLAIMS", help="the claims table the sheet was drawn from")
    val.add_argument("--validation", type=Path, required=True, metavar="SHEET", help="the coded sheet (CSV)")
    val.add_argument("--lexicon", type=Path, help="lexicon CSV (default: the shipped one)")
    val.add_argument("-o", "--output", type=Path, help="also write the table here (CSV)")
    est = sub.add_parser("estimate", help="side shares, frame prevalence and distancing corrected by a coded sheet",
                         description="One row per quantity (share:<side>, prevalence:<frame>:<side>, "
                                     "difference:<frame>, distanced:<side>, distanced:difference): naive (the tool's "
                                     "labels alone) and the prediction-powered estimate (PPI++, weighted by the "
                                     "sheet's strata) with its 95% interval, which stays valid however wrong the "
                                     "tool's labels are. Quantities whose gold column was not coded are left out.",
                         epilog="Example: narrative estimate claims.csv --validation sheet.csv --a kremlin --b ukraine "
                                "-o estimates.csv")
    est.add_argument("claims", type=Path, metavar="CLAIMS", help="the claims table the sheet was drawn from")
    est.add_argument("--validation", type=Path, required=True, metavar="SHEET", help="the coded sheet (CSV)")
    est.add_argument("--a", default="kremlin", help="first side (default: kremlin)")
    est.add_argument("--b", default="ukraine", help="second side (default: ukraine)")
    est.add_argument("--lexicon", type=Path, help="lexicon CSV (default: the shipped one)")
    est.add_argument("--min-coded", type=_positive, default=10,
                     help="fewest coded claims a quantity's denominator may have (default 10)")
    est.add_argument("-o", "--output", type=Path, help="output CSV (default: standard output)")
    bench.add_argument("--hostile", action="store_true",
                       help="instead: peak memory and output size of claim extraction (every extractor) on composed "
                            "hostile texts (stray quotation marks, thousands of nesting levels), each in a fresh process")
    bench.add_argument("--suite", action="store_true",
                       help="instead: the notebook suite's wall time against the bare papermill floor (the same notebooks "
                            "doing nothing), alternating, median of --repeat runs (default 3 here), and their ratio")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "a", None) is not None and args.a == getattr(args, "b", None):
        parser.error(f"--a and --b are the same group ({args.a!r}); compare two different groups")
    import threading

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        from . import commands
        code = getattr(commands, args.command.replace("-", "_"))(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except (OutputClosed, BrokenPipeError):
        return _reader_gone()
    except NotebookError as exc:
        print(f"narrative: notebook failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except Interrupted as exc:
        print(f"narrative: {exc}", file=sys.stderr)
        return 128 + getattr(signal.Signals, exc.signal, signal.SIGTERM).value
    except NarrativeError as exc:
        print(f"narrative: {exc}", file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:
        print("narrative: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # an unreadable input, a full disk: one line, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"narrative: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
