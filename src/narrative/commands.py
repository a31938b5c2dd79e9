"""What each ``narrative`` subcommand does, given parsed arguments.

Kept apart from :mod:`narrative.cli` so the parser stays thin and each
command is a plain function that tests can call.
"""
from __future__ import annotations

import sys

import pandas as pd

from .errors import InputError
from .tables import write_table


def _documents(args):
    from .actors import load_actors
    from .corpus import Columns, input_files, load_corpus

    cast = load_actors(args.actors)
    if args.output is not None:
        target = args.output.resolve()
        if any(target == f.resolve() for f in input_files(args.inputs)):
            raise InputError(str(args.output), None, "output would overwrite an input file")
    columns = Columns(text=args.text_column, title=args.title_column, date=args.date_column, side=args.side_column)
    return load_corpus(args.inputs, columns=columns, sides=cast.source_sides()), cast


def run(args) -> int:
    from . import params as P
    from .run import profile_table, run_suite

    if args.help_params:
        print(P.describe())
        return 0
    config = P.read_config(args.config) if args.config else None
    merged = P.merge_parameters(config=config, pairs=args.parameter, corpus=args.corpus)
    result = run_suite(merged, out=args.out, run_id=args.run_id, wait=args.wait, keep=args.keep,
                       progress=not args.no_progress, notebooks=args.notebooks,
                       say=lambda m: print(m, file=sys.stderr))
    if args.profile:
        print(profile_table(result), file=sys.stderr)
    if result.error:
        print(f"narrative: notebook failed: {result.error}", file=sys.stderr)
        print(f"narrative: failed run kept at {result.path} (status failed)", file=sys.stderr)
        return 1
    print(result.path / "index.html")
    return 0


def claims(args) -> int:
    from .claims import extract_claims

    docs, cast = _documents(args)
    write_table(extract_claims(docs, cast, method=args.method), args.output, args.format)
    return 0


def _scored(args, docs, cast):
    from .claims import extract_claims
    from .features import frame_scores
    from .lexicons import load_lexicon

    lex = load_lexicon(args.lexicon)
    if args.level == "document":
        table, text_col, offset = docs.assign(claim_id=""), "text", None
        keep = ("doc_id", "side")
    else:
        table, text_col, offset = extract_claims(docs, cast), "content", "content_start"
        keep = ("doc_id", "claim_id", "side")
    return lex, table, frame_scores(table, text_column=text_col, lexicon=lex, keep=keep), (text_col, offset)


def frames(args) -> int:
    from .features import evidence

    docs, cast = _documents(args)
    lex, table, scores, (text_col, offset) = _scored(args, docs, cast)
    write_table(scores, args.output, args.format)
    if args.evidence:
        write_table(evidence(table, text_column=text_col, lexicon=lex, offset_column=offset), args.evidence, "csv")
    return 0


def compare(args) -> int:
    from . import compare as C

    docs, cast = _documents(args)
    lex, table, scores, (text_col, _offset) = _scored(args, docs, cast)
    texts = table[text_col]
    counts_a = C.term_counts(texts[table[args.by] == args.a])
    counts_b = C.term_counts(texts[table[args.by] == args.b])
    for name, counts in ((args.a, counts_a), (args.b, counts_b)):
        if counts.empty:
            raise InputError(", ".join(args.inputs), None, f"no text for {args.by} {name!r}")
    odds = C.top_terms(C.log_odds_dirichlet(counts_a, counts_b), k=args.top).reset_index()
    diffs = C.frame_differences(scores, list(lex.categories), by=args.by, a=args.a, b=args.b, seed=args.seed)
    odds.insert(0, "table", "log_odds")
    diffs.insert(0, "table", "frame_differences")
    write_table(pd.concat([odds, diffs], ignore_index=True), args.output, "csv")
    return 0


def eval_attribution(args) -> int:
    import json

    from .claims import extract_claims
    from .evaluate import evaluate_attribution, format_scores, predictions_from_claims, read_gold

    gold = read_gold(args.gold)
    if args.pred:
        claims = pd.read_json(args.pred, lines=True) if args.pred.suffix == ".jsonl" else pd.read_csv(args.pred)
    else:
        docs = pd.DataFrame({"doc_id": list(gold), "source": "news", "text": [t for t, _r in gold.values()]})
        claims = extract_claims(docs, method=args.method, model=args.model)
    scores = evaluate_attribution(gold, predictions_from_claims(claims))
    print(format_scores(scores, by_cue=40 if args.by_cue else 0))
    if args.json:
        out = {k: v for k, v in scores.items() if k != "by_cue"}
        out["by_cue"] = scores["by_cue"].to_dict(orient="records")
        args.json.write_text(json.dumps(out, indent=2))
    return 0


def bench(args) -> int:
    from .bench import report, run_bench

    print(report(run_bench(args.inputs, repeat=args.repeat, limit_docs=args.limit_docs), args.json))
    return 0


def train_attribution(args) -> int:
    from .attribution import default_model_path, train

    train(args.gold, args.output or default_model_path(), max_iterations=args.max_iterations, c1=args.c1, c2=args.c2,
          say=lambda m: print(m, file=sys.stderr))
    return 0


def validate_lexicon(args) -> int:
    from .annotate import agreement, lexicon_validation, read_labels
    from .lexicons import load_lexicon

    lexicon = load_lexicon(args.lexicon)
    first = read_labels(args.labels, lexicon.categories)
    print(f"lexicon against {len(first)} hand-labelled claims ({args.labels}):")
    print(lexicon_validation(first, lexicon).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.second:
        second = read_labels(args.second, lexicon.categories)
        table = agreement(first, second, lexicon.categories)
        print(f"\nagreement between the passes on {int(table['n'].iloc[0])} items:")
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        print(f"mean kappa {table['kappa'].mean():.3f}")
    return 0
