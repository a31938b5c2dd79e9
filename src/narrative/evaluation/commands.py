"""The evaluation subcommands: ``eval-attribution``, ``eval-quotes`` and ``validate-sides``.

:func:`add_parsers` adds them to the ``narrative`` parser (each names its function here as its
``handler``); each function takes the parsed arguments, prints the scores and returns the exit code.
"""
from __future__ import annotations

from pathlib import Path


def offsets_gold(parser, columns: str) -> None:
    """``--gold FILE`` (file names, offsets and labels: ``columns``) and ``--texts DIR``, the folder the
    names are read from (the annotations hold no text)."""
    parser.add_argument("--gold", type=Path, required=True, help=columns)
    parser.add_argument("--texts", type=Path, required=True, help="folder holding the files the gold names")


def add_parsers(sub) -> None:
    """Add the evaluation subcommands to ``sub`` (the ``narrative`` parser's subparsers)."""
    from ..cliargs import add_parameters

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
    offsets_gold(eq, "TSV: file, quote_start, quote_end, speaker")
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
    offsets_gold(vs, "TSV: file, speaker_start, speaker_end, content_start, content_end, side")
    vs.add_argument("--second", type=Path, help="a second labelling of some of the same claims, for Cohen's kappa")
    add_parameters(vs, "claims_method")
    vs.add_argument("--actors", type=Path, help="actors YAML (default: the shipped one)")
    vs.add_argument("--errors", action="store_true", help="also list the claims whose side is wrong")
    for parser, name in ((ev, "eval_attribution"), (eq, "eval_quotes"), (vs, "validate_sides")):
        parser.set_defaults(handler=f"{__name__}:{name}")


def eval_attribution(args) -> int:
    import json

    import pandas as pd

    from ..claims import extract_claims
    from ..infra.files import check_outputs, write_text
    from .attribution import evaluate_attribution, format_scores, gold_files, predictions_from_claims, read_gold

    check_outputs({"--json": args.json}, reads=gold_files(args.gold) + [p for p in (args.pred, args.model) if p])
    gold = read_gold(args.gold)
    if args.pred:
        claims = pd.read_json(args.pred, lines=True) if args.pred.suffix == ".jsonl" else pd.read_csv(args.pred)
    else:
        docs = pd.DataFrame({"doc_id": list(gold), "source": "news", "text": [t for t, _r in gold.values()]})
        claims = extract_claims(docs, method=args.method, model=args.model, profile=args.profile)
    scores = evaluate_attribution(gold, predictions_from_claims(claims))
    print(format_scores(scores, by_cue=40 if args.by_cue else 0))
    if args.json:
        out = {k: v for k, v in scores.items() if k != "by_cue"}
        out["by_cue"] = scores["by_cue"].to_dict(orient="records")
        write_text(args.json, json.dumps(out, indent=2))
    return 0


def eval_quotes(args) -> int:
    import json

    import pandas as pd

    from ..claims import extract_claims
    from ..infra.files import check_outputs, write_text
    from .attribution import gold_files
    from .quotes import evaluate_quotes, format_quote_scores, read_quote_gold

    check_outputs({"--json": args.json}, reads=[args.gold] + gold_files(args.texts))
    gold = read_quote_gold(args.gold, args.texts)
    docs = pd.DataFrame({"doc_id": list(gold), "source": "news", "text": [t for t, _q in gold.values()]})
    claims = extract_claims(docs, method=args.method, profile=args.profile)
    scores = evaluate_quotes(gold, claims, threshold=args.threshold)
    print(format_quote_scores(scores))
    if args.errors:
        for name in ("misses", "extra", "wrong_speaker"):
            for row in scores[name]:
                print(name, *row, sep="\t")
    if args.json:
        write_text(args.json, json.dumps(scores, indent=2, ensure_ascii=False))
    return 0


def validate_sides(args) -> int:
    import pandas as pd
    from sklearn.metrics import cohen_kappa_score

    from ..speakers.actors import load_actors
    from ..claims import extract_claims
    from .sides import format_side_scores, match_sides, read_side_gold, side_scores

    texts, gold = read_side_gold(args.gold, args.texts)
    docs = pd.DataFrame({"doc_id": list(texts), "source": "news", "text": list(texts.values())})
    claims = extract_claims(docs, load_actors(args.actors), method=args.method)
    matched = match_sides(gold, claims)
    print(format_side_scores(side_scores(matched)))
    if args.second:
        _texts, second = read_side_gold(args.second, args.texts)
        keys = ["doc_id", "speaker_start", "speaker_end", "content_start", "content_end"]
        both = gold.merge(second, on=keys, suffixes=("", "_2"))
        if len(both):
            kappa = cohen_kappa_score(both["side"], both["side_2"])
            print(f"\nsecond labelling: {len(both)} claims in both, agreement "
                  f"{(both['side'] == both['side_2']).mean():.3f}, Cohen's kappa {kappa:.3f}")
    if args.errors:
        wrong = matched[matched["side"] != matched["predicted"]]
        print()
        print(wrong[["doc_id", "speaker_start", "speaker_end", "side", "predicted", "actor"]].to_string(index=False))
    return 0
