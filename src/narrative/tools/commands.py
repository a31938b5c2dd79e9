"""The developer subcommands: ``train-parser``, ``synth`` and ``bench``.

:func:`add_parsers` adds them to the ``narrative`` parser (each names its function here as its
``handler``); each function takes the parsed arguments and returns the exit code.
"""
from __future__ import annotations

import sys
from pathlib import Path


def add_parsers(sub) -> None:
    """Add the developer subcommands to ``sub`` (the ``narrative`` parser's subparsers)."""
    from ..cliargs import positive, seed
    from ..infra.datafiles import DEMO_CORPUS

    tp = sub.add_parser("train-parser", help="train the syntactic layer (spaCy tagger, lemmatizer, parser) on UD English-EWT",
                        description="Seeded and recorded: converts the treebank, trains on train, keeps the best model "
                                    "on dev, scores it once on test, and writes the model with meta-narrative.json "
                                    "(settings, checksums, scores, licence).",
                        epilog="Example: narrative train-parser --treebank ../shared/treebanks/UD_English-EWT -o build/parser")
    tp.add_argument("--treebank", type=Path, required=True, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    tp.add_argument("-o", "--output", type=Path, default=Path("build/parser"),
                    help="working folder; the model is OUTPUT/training/model-best (default: build/parser)")
    tp.add_argument("--seed", type=seed, default=0)
    tp.add_argument("--epochs", type=positive, default=15,
                    help="passes over train (default 15: the shipped model's setting)")
    tp.add_argument("--patience", type=positive, default=3000,
                    help="stop after this many steps without a better dev score (default 3000)")
    tp.add_argument("--width", type=positive, default=96, help="tok2vec width (default 96)")
    tp.add_argument("--depth", type=positive, default=4, help="tok2vec depth (default 4)")

    sy = sub.add_parser("synth", help="write a synthetic corpus of any size from the demo corpus's sentences",
                        epilog="Example: narrative synth --docs 1000000 -o /tmp/synth-1m.jsonl")
    sy.add_argument("--docs", type=int, required=True, help="number of documents")
    sy.add_argument("--words-per-doc", type=int, default=50)
    sy.add_argument("--corpus", nargs="+", default=[DEMO_CORPUS], help="where the sentences come from")
    sy.add_argument("--seed", type=seed, default=0)
    sy.add_argument("-o", "--output", type=Path, required=True, help="JSON lines file to write")

    bench = sub.add_parser("bench", help="words/s of each stage beside reference baselines (one core)",
                           epilog="Example: narrative bench data/raw/press-releases --json bench.json")
    bench.add_argument("inputs", nargs="*", default=[DEMO_CORPUS], metavar="INPUT",
                       help=f"corpus to time (default: {DEMO_CORPUS})")
    bench.add_argument("--repeat", type=int, default=5, help="best of N timings (default 5; this VM varies ±20%% run to run)")
    bench.add_argument("--limit-docs", type=int, help="only the first N documents")
    bench.add_argument("--crf", action="store_true", help="also time the trained labeller (it parses: slow)")
    bench.add_argument("--json", type=Path, help="also write the results as JSON here")
    bench.add_argument("--hostile", action="store_true",
                       help="instead: peak memory and output size of claim extraction (every extractor) on composed "
                            "hostile texts (stray quotation marks, thousands of nesting levels), each in a fresh process")
    bench.add_argument("--suite", action="store_true",
                       help="instead: the notebook suite's wall time against the bare papermill floor (the same notebooks "
                            "doing nothing), alternating, median of --repeat runs (default 3 here), and their ratio")
    for parser, name in ((tp, "train_parser"), (sy, "synth"), (bench, "bench")):
        parser.set_defaults(handler=f"{__name__}:{name}")


def train_parser(args) -> int:
    from ..syntax.train import train_parser as train

    train(args.treebank, args.output, seed=args.seed, epochs=args.epochs, patience=args.patience, width=args.width,
          depth=args.depth, say=lambda m: print(m, file=sys.stderr))
    return 0


def synth(args) -> int:
    from ..corpus import input_files
    from ..infra.files import check_outputs
    from .synth import write_synthetic

    check_outputs({"-o": args.output}, reads=input_files(args.corpus))
    stats = write_synthetic(args.output, docs=args.docs, corpus=args.corpus, words_per_doc=args.words_per_doc,
                            seed=args.seed, progress=lambda n: print(f"{n:,} documents", file=sys.stderr))
    print(f"wrote {stats['documents']:,} documents, {stats['words']:,} words, {stats['bytes'] / 1e6:.0f} MB to {args.output}")
    return 0


def bench(args) -> int:
    from .bench import report, run_bench
    from ..corpus import input_files
    from ..infra.files import check_outputs

    check_outputs({"--json": args.json}, reads=input_files(args.inputs))
    if args.hostile:
        from .hostile import run_hostile

        table = run_hostile()
        if args.json:
            from ..infra.files import write_text

            write_text(args.json, table.to_json(orient="records", indent=2))
        print(table.to_string(index=False))
        return 0
    if args.suite:
        import json

        from ..infra.datafiles import DEMO_CORPUS
        from ..infra.files import write_text
        from . import floor

        corpus = {} if args.inputs == [DEMO_CORPUS] else {"corpus": [str(p) for p in args.inputs]}
        repeat = 3 if args.repeat == 5 else args.repeat  # --repeat's default is the stage benchmark's
        result = floor.suite_bench(corpus, repeat=repeat, say=lambda m: print(m, file=sys.stderr))
        if args.json:
            write_text(args.json, json.dumps(result, indent=2))
        print(floor.report(result))
        return 0
    print(report(run_bench(args.inputs, repeat=args.repeat, limit_docs=args.limit_docs, crf=args.crf), args.json))
    return 0
