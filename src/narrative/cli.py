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
from .schema import QUOTE_TYPES
from .cliargs import add_parameters, corpus_args, number, positive
from .infra.datafiles import REPORTS

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


#: how long ``narrative run --wait`` queues by default (seconds)
DEFAULT_WAIT = 6 * 3600.0


def _seconds(text: str) -> float | bool:
    """Seconds to wait (argparse type): a number >= 0; 0 means no limit (True)."""
    value = number(text, float, 0, "seconds")
    return True if value == 0 else value


def handler(args):
    """The function that runs ``args.command``: the one a subparser named (``set_defaults(handler=
    "module:function")``, as the evaluation and tool commands do), else the one :mod:`narrative.commands` names."""
    from importlib import import_module

    module, _, name = (getattr(args, "handler", None) or "narrative.commands:").partition(":")
    return getattr(import_module(module), name or args.command.replace("-", "_"))


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
    run.add_argument("--keep", type=positive, metavar="N", help="after the run, keep the N newest successful and the N newest failed runs (only folders narrative made are deleted)")
    run.add_argument("--parallel", type=positive, metavar="N",
                     help="notebooks executed at once when their inputs are ready (default 2; 1 = one after another)")
    run.add_argument("--no-progress", action="store_true", help="no per-cell progress bars")
    run.add_argument("--profile", action="store_true", help="print seconds per notebook and per stage at the end")
    run.add_argument("--help-params", action="store_true", help="list the parameters and exit")

    claims = sub.add_parser("claims", help="extract claims (speaker, cue, content, side)",
                            epilog="Example: narrative claims article.txt -o claims.csv")
    corpus_args(claims)
    claims.add_argument("--format", choices=("jsonl", "csv", "parquet"),
                        help="output format (default: from -o's extension .csv, .jsonl or .parquet; jsonl on stdout)")
    add_parameters(claims, "claims_method", "claims_profile")

    frames = sub.add_parser("frames", help="frame rates per claim or document",
                            epilog="Example: narrative frames data/raw/press-releases --level document -o frames.csv")
    corpus_args(frames)
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
    corpus_args(comp)
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
    corpus_args(act)
    act.add_argument("--top", type=positive, help="only the N actors with most claims")
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
    corpus_args(thr)
    thr.add_argument("--keep-duplicates", action="store_true",
                     help="keep every copy of a duplicated document (default: each group once; see `duplicates`)")
    thr.add_argument("--days", type=int, default=2,
                     help="a claim joins a place's thread up to this many days after its first day (default 2)")
    thr.add_argument("--similarity", type=float, default=0.2,
                     help="word-set cosine with a placed claim of the same document that lets a claim naming no "
                          "place join its thread (default 0.2)")
    thr.add_argument("--min-claims", type=positive, default=2, help="claims a thread needs (default 2)")
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

    from .evaluation.commands import add_parsers as evaluation_parsers

    evaluation_parsers(sub)

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

    ef = sub.add_parser("eval-frames", help="the lexicon, the learned frame scorer, their union and per-category "
                                            "combination on hand labels (grouped CV)",
                        description="Grouped cross-validation by article, the same that chose the suite's frame scorer "
                                    "(narrative.evaluation.frames): the classifier is trained on four fifths of the "
                                    "articles, its thresholds and per-category sources chosen inside them, and scored "
                                    "on the rest; the lexicon, which needs no training, is scored on every row.",
                        epilog="Example: narrative eval-frames --labels data/annotations/warnews-dev-frames.tsv "
                               "--texts ../shared/eval/warnews-dev/articles --extra data/annotations/press-frames-codebook.csv")
    ef.add_argument("--labels", type=Path, required=True, help="a .tsv of file, start, end, side, labels (or a labels CSV)")
    ef.add_argument("--texts", type=Path, help="folder holding the files the labels name (for a .tsv)")
    ef.add_argument("--extra", type=Path,
                    help="more labels (a labels CSV of item, text, labels, or a .tsv like --labels) in the training "
                         "folds and scored alike, split into the same article folds")
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

    from .tools.commands import add_parsers as tool_parsers

    tool_parsers(sub)

    scale = sub.add_parser("scale-run", help="stream a corpus through claims -> frames -> log-odds and report "
                           "words/s and peak memory", epilog="Example: narrative scale-run /tmp/synth-1m.jsonl --jobs 2")
    corpus_args(scale)
    add_parameters(scale, "keep_duplicates")  # as compare: each group of copies once, so the duplicate pass is measured
    scale.add_argument("--json", type=Path, help="also write the measurements as JSON here")

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
    smp.add_argument("-n", type=positive, required=True, help="claims to sample")
    smp.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    smp.add_argument("--strata", metavar="COLUMN", help="stratify by this claims column (e.g. side)")
    smp.add_argument("--quote-type", action="append", choices=QUOTE_TYPES,
                     help="draw only claims of this quote type (repeatable; default all)")
    smp.add_argument("--min-words", type=positive, help="draw only claims of at least this many words")
    smp.add_argument("--max-words", type=positive, help="draw only claims of at most this many words")
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
    est.add_argument("--min-coded", type=positive, default=10,
                     help="fewest coded claims a quantity's denominator may have (default 10)")
    est.add_argument("-o", "--output", type=Path, help="output CSV (default: standard output)")
    for command, name in ((smp, "sample"), (val, "validate"), (est, "estimate")):
        command.set_defaults(handler=f"narrative.estimate.commands:{name}")
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
        code = handler(args)(args)
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
