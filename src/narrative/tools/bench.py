"""``narrative bench``: words per second of each stage on one core, beside
reference baselines timed in the same run on the same text.

Stages: tokenisation, claim extraction (the default: rules, speech profile; also the attribution
profile, and the corpus joined into one document, which shows that extraction is linear in
document length), ``narrative claims`` end to end on one core (start-up, reading and writing
included), lexicon framing (count), log-odds counting, claim threads (the grouping of extracted claims:
places, days, content; reported in claims/s); with ``--crf`` also the trained labeller
(which parses).  Baselines: NLTK Punkt sentence splitting, a regex alternation of
every lexicon phrase, scikit-learn's CountVectorizer. Words are
whitespace-separated tokens of the documents' text. Peak RSS is the
process's maximum resident set size.
"""
from __future__ import annotations

import gc
import json
import re
import resource
import time
from pathlib import Path
from typing import Callable

import pandas as pd


def _timed(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` wall times; each stage starts from a collected heap (the previous
    stage's garbage is not charged to it). Garbage collection stays on while timing."""
    gc.collect()
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best


def regex_alternation(lexicon) -> re.Pattern:
    """The naive baseline: one alternation of all phrases (``*`` → ``\\w*``), longest first."""
    parts = []
    for entry in sorted(lexicon.entries, key=lambda e: -len(e.phrase)):
        words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in entry.pattern]
        parts.append(r"\W+".join(words))
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


def _end_to_end(corpus) -> Callable[[], object]:
    """``narrative claims CORPUS --jobs 1`` in a fresh interpreter, its output thrown away."""
    import subprocess
    import sys
    import tempfile

    def run():
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run([sys.executable, "-m", "narrative.cli", "claims", *map(str, corpus), "--jobs", "1",
                            "--format", "csv", "-o", str(Path(scratch) / "claims.csv")],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return run


def run_bench(corpus, *, repeat: int = 5, limit_docs: int | None = None, crf: bool = False) -> pd.DataFrame:
    from sklearn.feature_extraction.text import CountVectorizer

    from ..speakers.actors import load_actors
    from ..claims import extract_claims
    from ..claims.registry import METHODS
    from ..compare.words import term_counts
    from ..corpus import load_corpus
    from ..lexicons import load_lexicon
    from ..segment import plain_punkt, words as tokenise

    import logging

    # the nesting bound's per-document warnings would repeat on every timed pass: timing only here
    logging.getLogger("narrative.claims").setLevel(logging.ERROR)
    actors = load_actors()
    docs = load_corpus(corpus, sides=actors.source_sides())
    if limit_docs:
        docs = docs.head(limit_docs)
    texts = docs["text"].tolist()
    words = sum(len(t.split()) for t in texts)
    lex = load_lexicon()
    pattern = regex_alternation(lex)
    punkt = plain_punkt()  # NLTK's own, unmemoised: the reference
    # the same text as one document: every stage must stay linear in document length
    one = pd.DataFrame({"doc_id": ["all"], "source": ["bench"], "side": ["other"], "text": ["\n\n".join(texts)]})
    stages = {
        ("stage", "tokenisation"): lambda: [tokenise(t) for t in texts],
        ("stage", "claim extraction"): lambda: extract_claims(docs, actors),
        ("stage", "claim extraction, attribution profile"): lambda: extract_claims(docs, actors, profile="attribution"),
        ("stage", "claim extraction, one long document"): lambda: extract_claims(one, actors),
        ("stage", "lexicon framing"): lambda: [lex.count(t) for t in texts],
        ("stage", "log-odds counting"): lambda: term_counts(texts),
        ("baseline", "NLTK Punkt sentences"): lambda: [list(punkt.span_tokenize(t)) for t in texts],
        ("baseline", "regex alternation of lexicon"): lambda: [pattern.findall(t) for t in texts],
        ("baseline", "CountVectorizer"): lambda: CountVectorizer().fit_transform(texts),
    }
    if not limit_docs:  # the command reads the whole corpus
        stages[("stage", "narrative claims, end to end")] = _end_to_end(corpus if isinstance(corpus, (list, tuple)) else [corpus])
    # claim threads: the grouping after extraction (places, days, content), timed on claims made beforehand
    from ..places import Gazetteer
    from ..threads import assign

    gazetteer = Gazetteer.load()
    threaded_claims = extract_claims(docs, actors)
    stages[("stage", "claim threads, grouping")] = lambda: assign(threaded_claims, docs, gazetteer=gazetteer)
    if crf:  # the other registered extractors (the shipped one, crf, parses)
        for name in METHODS[1:]:
            label = "claim extraction, crf (parses)" if name == "crf" else f"claim extraction, {name}"
            stages[("stage", label)] = lambda name=name: extract_claims(docs, actors, method=name)
    rows = []
    for (kind, name), fn in stages.items():
        seconds = _timed(fn, 1 if "crf" in name else min(repeat, 3) if "end to end" in name else repeat)
        rows.append({"kind": kind, "name": name, "seconds": round(seconds, 3), "words_per_s": round(words / seconds)})
    rows.append(_learned_scorer_row(docs, actors, repeat))
    table = pd.DataFrame(rows)
    threads_s = table.loc[table["name"] == "claim threads, grouping", "seconds"].iloc[0]
    table.attrs["thread_claims"] = len(threaded_claims)
    table.attrs["thread_claims_per_s"] = round(len(threaded_claims) / max(threads_s, 1e-9))
    table.attrs["words"] = words
    table.attrs["documents"] = len(docs)
    table.attrs["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return table


def _learned_scorer_row(docs, actors, repeat: int) -> dict:
    """The learned frame scorer (:mod:`narrative.framescorer`) on the claims of the first 300 documents,
    in claims/s beside words/s (it scores claims, not documents; the lexicon hits are one of its features)."""
    from ..claims import extract_claims
    from ..framescorer import load_scorer

    claims = extract_claims(docs.head(300), actors)
    X = pd.DataFrame({"text": claims["content"].astype(str), "side": claims["side"]})
    scorer, _card = load_scorer()
    seconds = _timed(lambda: scorer.predict(X), repeat)
    n_words = sum(len(t.split()) for t in X["text"])
    return {"kind": "stage", "name": "learned frame scorer (claims)", "seconds": round(seconds, 3),
            "words_per_s": round(n_words / seconds), "claims_per_s": round(len(X) / seconds)}


def report(table: pd.DataFrame, json_path: Path | None = None) -> str:
    lookup = dict(zip(table["name"], table["words_per_s"]))
    ratio = lookup["lexicon framing"] / lookup["regex alternation of lexicon"]
    long_ratio = lookup["claim extraction"] / lookup["claim extraction, one long document"]
    punkt_ratio = lookup["NLTK Punkt sentences"] / lookup["claim extraction"]
    lines = [f"{table.attrs['documents']:,} documents, {table.attrs['words']:,} words, one core; "
             f"peak RSS {table.attrs['peak_rss_mb']} MB",
             table.to_string(index=False),
             f"lexicon matcher vs regex alternation: {ratio:.1f}x",
             f"claims as one long document vs as separate documents: {long_ratio:.1f}x the time (linear: near 1)",
             f"default claim extraction: {punkt_ratio:.1f}x NLTK Punkt's time on the same text"]
    if "thread_claims_per_s" in table.attrs:
        lines.append(f"claim threads, grouping: {table.attrs['thread_claims_per_s']:,} claims/s "
                     f"({table.attrs['thread_claims']:,} claims; target >= 50,000)")
    if json_path:
        payload = {"words": table.attrs["words"], "documents": table.attrs["documents"],
                   "peak_rss_mb": table.attrs["peak_rss_mb"], "matcher_vs_regex": ratio, "long_document_ratio": long_ratio,
                   "claims_vs_punkt": punkt_ratio, "thread_claims_per_s": table.attrs.get("thread_claims_per_s"),
                   "rows": table.to_dict(orient="records")}
        from ..infra.files import write_text

        write_text(json_path, json.dumps(payload, indent=2))
    return "\n".join(lines)
