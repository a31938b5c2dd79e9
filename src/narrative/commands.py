"""What each corpus and suite subcommand of ``narrative`` does, given parsed arguments.

Kept apart from :mod:`narrative.cli` so the parser stays thin and each command is a plain
function that tests can call. The others live beside what they run: the evaluation commands in
:mod:`narrative.evaluation.commands`, the coded-sample ones (``sample``, ``validate``,
``estimate``) in :mod:`narrative.estimate.commands`, the developer ones in
:mod:`narrative.tools.commands` (each subparser names its ``handler``).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .errors import InputError
from .infra.tables import write_table


def _reads(args) -> list:
    """The files a corpus command reads: the corpus, the actors file, the lexicon."""
    from .corpus import input_files

    extra = [getattr(args, name, None) for name in ("actors", "lexicon")]
    return input_files(args.inputs) + [p for p in extra if p is not None]


def _progress_bar():
    """A documents progress bar on an interactive terminal (none in logs, e.g. under cron)."""
    if not sys.stderr.isatty():
        return None, None
    from tqdm.auto import tqdm

    bar = tqdm(desc="documents", unit=" docs", leave=False, file=sys.stderr)

    def update(result):
        bar.update(result.documents - bar.n)
        bar.set_postfix_str(f"{result.words:,} words, {result.claims:,} claims", refresh=False)

    return update, bar


def _stream(args, stages, *, progress=None, by: str = "side", words: bool | None = None, **outputs):
    """Run the streaming pipeline with the corpus, column and backend options every corpus command shares.
    ``words``: count the documents' words (default: when a progress callback or bar shows them)."""
    from .corpus import Columns
    from .infra.files import check_outputs
    from .pipeline.stream import run_stream

    check_outputs({_OPTION.get(k, k): v for k, v in outputs.items() if k.endswith("_out")}, reads=_reads(args))
    bar = None
    if progress is None:
        progress, bar = _progress_bar()
    columns = Columns(text=args.text_column, title=args.title_column, date=args.date_column, side=args.side_column)
    drop = frozenset()
    if getattr(args, "keep_duplicates", True) is False:  # statistics count each group of copies once
        from .pipeline.duplicates import duplicate_ids

        drop = duplicate_ids(args.inputs, columns)
        if drop:
            print(f"narrative: left out {len(drop):,} duplicate documents (--keep-duplicates keeps them)",
                  file=sys.stderr)
    try:
        return run_stream(args.inputs, stages=stages, backend=args.backend, jobs=args.jobs, scheduler=args.scheduler,
                          chunk_docs=args.chunk_docs, columns=columns,
                          actors=str(args.actors) if args.actors else None,
                          lexicon=str(getattr(args, "lexicon", None)) if getattr(args, "lexicon", None) else None,
                          level=getattr(args, "level", "claim"), profile=getattr(args, "profile", "speech"),
                          progress=progress, drop_ids=drop, by=by,
                          words=progress is not None if words is None else words, **outputs)
    finally:
        if bar is not None:
            bar.close()


#: the option that names each output of the streaming pipeline (for error messages)
_OPTION = {"claims_out": "-o", "scores_out": "-o", "evidence_out": "--evidence"}


def run(args) -> int:
    from .pipeline import params as P
    from .pipeline.run import profile_table, run_suite

    if args.help_params:
        print(P.describe())
        return 0
    config = P.read_config(args.config) if args.config else None
    merged = P.merge_parameters(config=config, pairs=args.parameter, corpus=args.corpus)
    result = run_suite(merged, out=args.out, run_id=args.run_id, wait=args.wait, keep=args.keep,
                       progress=not args.no_progress and sys.stderr.isatty(), notebooks=args.notebooks,
                       parallel=args.parallel,
                       say=lambda m: print(m, file=sys.stderr))
    if args.profile:
        print(profile_table(result), file=sys.stderr)
    for warning in result.warnings:  # what the run changed from what was asked (also in the manifest)
        print(f"narrative: warning: {warning['step']}: {warning['warning']}", file=sys.stderr)
    for notebook, reason in result.not_computed.items():  # the corpus cannot support these analyses
        print(f"narrative: not computed: {notebook}: {reason}", file=sys.stderr)
    if result.error:
        print(f"narrative: notebook failed: {result.error}", file=sys.stderr)
        log = f"; traceback in {result.path / 'logs' / Path(result.error.notebook).with_suffix('.log').name}" \
            if result.error.notebook.endswith(".ipynb") else ""
        print(f"narrative: failed run kept at {result.path} (status failed{log})", file=sys.stderr)
        return 1
    print(result.path / "index.html")
    return 0


#: output formats by file extension (``-o claims.csv`` writes CSV, as pandas users expect)
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet"}


def output_format(output, given: str | None, default: str) -> str:
    """``--format`` when given, else the format ``-o``'s extension names, else ``default``.

    >>> output_format(Path("claims.csv"), None, "jsonl"), output_format(None, None, "jsonl")
    ('csv', 'jsonl')
    """
    if given:
        return given
    if output is not None and output.suffix.lower() in FORMATS:
        return FORMATS[output.suffix.lower()]
    return default


def claims(args) -> int:
    fmt = output_format(args.output, args.format, "jsonl")
    result = _stream(args, ("claims",), method=args.method, claims_out=args.output, fmt=fmt, stdout="claims")
    print(f"{result.documents:,} documents, {result.claims:,} claims; {result.boilerplate:,} boilerplate lines or "
          f"sentences left out (narrative/data/boilerplate.txt)", file=sys.stderr)
    return 0


def frames(args) -> int:
    stages = ("frames", "evidence") if args.evidence else ("frames",)
    _stream(args, stages, scores_out=args.output, fmt=args.format, stdout="scores", evidence_out=args.evidence)
    return 0


def compare(args) -> int:
    """``narrative compare``: stream the corpus into per-group summaries, then the one analysis
    (:func:`narrative.comparison.compare_groups`) that notebook 04 runs too."""
    from .comparison import Options, Summary, compare_groups, stopword_terms
    from .infra.files import check_outputs
    from .lexicons import load_lexicon

    options = Options.from_args(args).checked()
    stopword_terms(options.stopwords)  # a bad --stopwords file is said before the corpus is read
    frames_path = stance_path = None
    if args.output is not None:
        from .infra.files import companions

        frames_path, stance_path = companions(args.output, ["frames", "stance"])  # a device is refused
        check_outputs({"-o": args.output, "its frame table": frames_path, "its stance table": stance_path},
                      reads=_reads(args))
    stages = ("frames", "counts", "stance") if args.level == "claim" else ("frames", "counts")
    result = _stream(args, stages, sentiment=False, by=args.by)
    summary = Summary(counts=result.counts, doc_sums=result.merged_doc_sums(),
                      stance_sums=result.merged_stance_sums() if args.level == "claim" else None)
    comparison = compare_groups(summary, list(load_lexicon(args.lexicon).categories), options,
                                where=", ".join(args.inputs))
    tables = [comparison.top, comparison.differences] + ([comparison.stance] if comparison.stance is not None else [])
    if args.output is None:
        for k, t in enumerate(tables):
            if k:
                sys.stdout.write("\n")
            write_table(t, None, "csv")
    else:
        for t, path in zip(tables, (args.output, frames_path, stance_path)):
            write_table(t, path, "csv")
        print(f"wrote {args.output} (log-odds, top {options.top_k} each way), {frames_path} (frame differences)"
              + (f" and {stance_path} (reporter's stance)" if len(tables) == 3 else ""), file=sys.stderr)
    return 0


#: where ``narrative train-attribution`` writes without ``-o`` (never the shipped model in the package)
TRAINED_MODEL = "build/attribution.crfsuite"


def train_attribution(args) -> int:
    from .claims.crfmodel import default_model_path
    from .claims.crftrain import train
    from .evaluation.attribution import gold_files
    from .infra.files import check_outputs

    shipped = default_model_path()
    output = args.output or Path(TRAINED_MODEL)
    if Path(output).resolve() in (shipped.resolve(), shipped.with_suffix(".json").resolve()):
        from .errors import OutputError

        raise OutputError(str(output), "is the shipped model: train into another file, score it with "
                                       "eval-attribution --model, and copy it into the package deliberately")
    check_outputs({"-o": output}, reads=gold_files(args.gold) + [shipped])
    train(args.gold, output, max_iterations=args.max_iterations, c1=args.c1, c2=args.c2,
          syntax=not args.no_syntax, clusters=args.clusters, tune=not args.no_tune, say=lambda m: print(m, file=sys.stderr))
    return 0


def _first_line(path) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.readline()
    except OSError:
        return ""


def _frame_labels(path, texts, categories):
    """A frame labels file: a .tsv of offsets (file, start, end, side, labels; texts from ``texts``) or a CSV/TSV with text."""
    from .evaluation.frame_labels import read_labels, read_offset_labels

    if path.suffix == ".tsv" and "\ttext\t" not in _first_line(path):  # file + offsets + labels: text from --texts
        if texts is None:
            raise InputError(str(path), None, "an offsets labels file (.tsv) needs --texts DIR")
        return read_offset_labels(path, texts, categories)
    return read_labels(path, categories)


def validate_lexicon(args) -> int:
    from .evaluation.frame_labels import agreement, lexicon_validation, select_part
    from .lexicons import load_lexicon

    lexicon = load_lexicon(args.lexicon)

    def read(path):
        return _frame_labels(path, args.texts, lexicon.categories)

    first = select_part(read(args.labels), args.part)
    print(f"lexicon against {len(first)} hand-labelled claims ({args.labels}, part: {args.part}):")
    table = lexicon_validation(first, lexicon)
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(f"macro-F1 {table['f1'].mean():.3f}")
    if args.second:
        second = select_part(read(args.second), args.part)
        table = agreement(first, second, lexicon.categories)
        print(f"\nagreement between the passes on {int(table['n'].iloc[0])} items:")
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        print(f"mean kappa {table['kappa'].mean():.3f}")
    return 0


def eval_frames(args) -> int:
    """The frame scorers (lexicon, classifier, union, per-category combination) by the grouped cross-validation
    of :func:`narrative.evaluation.frames.cross_validate` (the one that chose the suite's scorer) on the given labels."""
    import json

    from .evaluation.frame_labels import select_part
    from .evaluation.frames import cross_validate, labelled_set
    from .infra.files import check_outputs, write_text
    from .lexicons import load_lexicon

    check_outputs({"--json": args.json}, reads=[p for p in (args.labels, args.extra, args.lexicon) if p])
    cats = list(load_lexicon(args.lexicon).categories)

    def read(path):
        return _frame_labels(path, args.texts, cats)

    sets = {"labels": labelled_set(select_part(read(args.labels), args.part))}
    if args.extra:
        sets["extra"] = labelled_set(select_part(read(args.extra), args.part))
    table = cross_validate(sets, lexicon=args.lexicon)
    mine = table[table["set"] == "labels"]
    wide = mine.pivot(index="class", columns="scorer", values="f1").reindex(cats + ["macro"])
    labels = sets["labels"]
    print(f"F1 per category on {len(labels)} claims from {labels['group'].nunique()} articles (5 folds grouped by "
          f"article; the classifier trained on the other folds{' of both files' if args.extra else ''}, its thresholds "
          f"and per-category sources chosen inside them):")
    print(wide.to_string(float_format=lambda v: f"{v:.3f}"))
    for r in table[table["class"] == "macro"].itertuples():
        print(f"macro-F1 {r.scorer} ({r.set}): {r.f1:.3f} [95% CI {r.f1_low:.3f}, {r.f1_high:.3f}] (bootstrap over articles)")
    if args.json:
        write_text(args.json, json.dumps(table.to_dict(orient="records"), indent=2))
    return 0


def scale_run(args) -> int:
    """claims -> frames -> log-odds over a streamed corpus; prints words/s and peak RSS of all processes."""
    import json
    import resource
    import time

    from .compare.words import log_odds_dirichlet
    from .infra.files import check_outputs, write_text

    check_outputs({"-o": args.output, "--json": args.json}, reads=_reads(args))
    began = time.perf_counter()
    last = [0.0]

    def progress(result):
        now = time.perf_counter()
        if now - last[0] > 10:
            last[0] = now
            print(f"  {result.documents:,} documents, {result.words:,} words, {result.words / (now - began):,.0f} words/s",
                  file=sys.stderr)

    from .infra.memory import PeakRSS

    with PeakRSS() as peak:  # this process and its workers together (the duplicate pass included)
        result = _stream(args, ("claims", "frames", "counts"), claims_out=args.output, progress=progress)
        sides = sorted(result.counts)
        odds = log_odds_dirichlet(result.counts[sides[0]], result.counts[sides[-1]]) if len(sides) > 1 else None
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    self_rss = usage.ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stats = {"documents": result.documents, "words": result.words, "claims": result.claims, "seconds": round(seconds, 1),
             "words_per_s": round(result.words / seconds), "jobs": args.jobs, "backend": args.backend,
             "vocabulary": int(len(odds)) if odds is not None else None,
             "peak_rss_mb_main": round(self_rss), "peak_rss_mb_largest_worker": round(child_rss),
             "peak_rss_mb_all_processes": round(peak.total_mb),
             "duplicates_left_out": not getattr(args, "keep_duplicates", True),
             "cpu_seconds_main": round(usage.ru_utime + usage.ru_stime, 1)}  # reading, merging, the Dask client/scheduler
    print(json.dumps(stats, indent=2))
    if args.json:
        write_text(args.json, json.dumps(stats, indent=2))
    return 0


def duplicates(args) -> int:
    from .corpus import Columns, input_files, iter_chunks
    from .dedup import find_duplicates
    from .infra.files import check_outputs

    if not 0 < args.threshold <= 1:
        raise InputError("--threshold", None, f"must be in (0, 1], got {args.threshold}")
    check_outputs({"-o": args.output}, reads=input_files(args.inputs))
    chunks = iter_chunks(args.inputs, columns=Columns(text=args.text_column, date=args.date_column))
    table = find_duplicates(chunks, threshold=args.threshold)
    write_table(table, args.output, args.format)
    dupes = int((table["duplicate_of"] != "").sum())
    groups = table.loc[table["duplicate_of"] != "", "duplicate_of"].nunique()
    print(f"{len(table):,} documents: {dupes:,} duplicates in {groups:,} groups", file=sys.stderr)
    return 0


def actors(args) -> int:
    import tempfile
    from pathlib import Path

    from .speakers.actors import audit
    from .infra.files import check_outputs

    check_outputs({"-o": args.output}, reads=_reads(args))
    with tempfile.TemporaryDirectory() as scratch:  # the claims stream through a file, not memory
        claims_file = Path(scratch) / "claims.csv"
        _stream(args, ("claims",), method=args.method, claims_out=claims_file, fmt="csv")
        claims = pd.read_csv(claims_file, keep_default_na=False,
                             usecols=["doc_id", "claim_id", "actor", "side", "speaker", "quote_type"])
    table = audit(claims)
    if args.top:
        table = table.head(args.top)
    write_table(table, args.output, args.format)
    by_side = table.groupby("side")["claims"].sum().sort_values(ascending=False)
    print("claims by side: " + ", ".join(f"{side} {n:,}" for side, n in by_side.items()), file=sys.stderr)
    from .compare.stance import unknown_share

    unknown, said = unknown_share(claims)
    print(f"side unknown (speaker not resolved): {unknown:,} of {said:,} attributed claims "
          f"({unknown / max(1, said):.1%})", file=sys.stderr)
    return 0


def threads(args) -> int:
    import tempfile

    from .corpus import Columns, iter_chunks
    from .infra.files import check_outputs
    from .threads import threads as group, two_sided_counts

    if args.days < 0:
        raise InputError("--days", None, f"must be at least 0, got {args.days}")
    if not 0 < args.similarity <= 1:
        raise InputError("--similarity", None, f"must be in (0, 1], got {args.similarity}")
    check_outputs({"-o": args.output}, reads=_reads(args))
    with tempfile.TemporaryDirectory() as scratch:  # the claims stream through a file, not memory
        claims_file = Path(scratch) / "claims.jsonl"
        _stream(args, ("claims",), method=args.method, claims_out=claims_file, fmt="jsonl")
        claims = pd.read_json(claims_file, lines=True, dtype={"doc_id": str, "claim_id": str}) \
            if claims_file.stat().st_size else pd.DataFrame(columns=["doc_id", "claim_id", "side", "content"])
    columns = Columns(text=args.text_column, title=args.title_column, date=args.date_column, side=args.side_column)
    keep = set(claims["doc_id"])
    docs = pd.concat([c.loc[c["doc_id"].isin(keep), ["doc_id", "date", "text"]]
                      for c in iter_chunks(args.inputs, columns=columns)], ignore_index=True)
    table = group(claims, docs, a=args.a, b=args.b, days=args.days, similarity=args.similarity,
                  min_claims=args.min_claims)
    write_table(table, args.output, args.format)
    counts = two_sided_counts(table, claims, a=args.a, b=args.b)
    two = table.loc[table["two_sided"], "thread_id"].nunique()
    print(f"{table['thread_id'].nunique():,} threads ({two:,} with claims of {args.a} and {args.b}); "
          + ", ".join(f"{r.side}: {r.in_two_sided:,} of {r.claims:,} claims in a two-sided thread"
                      for r in counts.itertuples()), file=sys.stderr)
    return 0
