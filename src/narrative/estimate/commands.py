"""What ``narrative sample``, ``validate`` and ``estimate`` do, given parsed arguments
(:mod:`narrative.commands` hands them over)."""
from __future__ import annotations

import sys

from ..infra.tables import write_table


def _sheet_inputs(args):
    """The claims table, the lexicon's categories and the coded sheet of ``validate``/``estimate``."""
    from . import read_claims, read_sheet
    from ..lexicons import load_lexicon

    lexicon = load_lexicon(args.lexicon)
    claims = read_claims(args.claims)
    sheet = read_sheet(args.validation, lexicon.categories)
    return claims, lexicon, sheet


def sample(args) -> int:
    from . import Population, draw_sample, read_claims, sheet_html
    from ..infra.files import check_outputs, write_text
    from ..lexicons import load_lexicon

    page = args.html or args.output.with_suffix(".html")
    reads = [args.claims] + ([args.lexicon] if args.lexicon else [])
    texts = None
    if args.corpus:
        from ..corpus import input_files, load_corpus

        reads += input_files(args.corpus)
    check_outputs({"-o": args.output, "--html": page}, reads=reads)
    claims = read_claims(args.claims)
    if args.corpus:
        docs = load_corpus(args.corpus)
        texts = dict(zip(docs["doc_id"].astype(str), docs["text"]))
    population = Population(tuple(args.quote_type or ()), args.min_words, args.max_words)
    sheet = draw_sample(claims, args.n, seed=args.seed, strata=args.strata, population=population, texts=texts,
                        lexicon=load_lexicon(args.lexicon))
    write_table(sheet, args.output, "csv")
    write_text(page, sheet_html(sheet, title=f"coding sheet: {len(sheet)} claims of {args.claims}"))
    print(f"wrote {args.output} ({len(sheet):,} claims to code; fill gold_is_claim, gold_side, gold_frames, "
          f"gold_distanced by the codebook) and {page}", file=sys.stderr)
    return 0


def validate(args) -> int:
    from . import accuracy, format_accuracy, join
    from ..infra.files import check_outputs

    check_outputs({"-o": args.output}, reads=[args.claims, args.validation] + ([args.lexicon] if args.lexicon else []))
    claims, lexicon, sheet = _sheet_inputs(args)
    joined = join(claims, sheet, path=str(args.validation), lexicon=lexicon)
    table = accuracy(joined, lexicon.categories)
    print(f"the tool on {int(joined.design.coded.sum()):,} coded claims of {args.validation} "
          "(95% Wilson intervals; empty columns are not coded and not counted):")
    print(format_accuracy(table))
    if args.output:
        write_table(table, args.output, "csv")
    return 0


def estimate(args) -> int:
    from . import estimates
    from ..infra.files import check_outputs

    check_outputs({"-o": args.output}, reads=[args.claims, args.validation] + ([args.lexicon] if args.lexicon else []))
    claims, lexicon, sheet = _sheet_inputs(args)
    table = estimates(claims, sheet, a=args.a, b=args.b, categories=list(lexicon.categories), lexicon=lexicon,
                      min_coded=args.min_coded, path=str(args.validation))
    write_table(table.round(6), args.output, "csv")
    return 0
