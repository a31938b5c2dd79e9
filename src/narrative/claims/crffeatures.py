"""The attribution labeller's token features (:mod:`.crf`): what the CRF sees of each token.

A document's context (:func:`doc_context`) is read off its :class:`.document.DocumentView`: which
characters lie in a quotation, in a known actor's mention, and in the rules' speaker, cue or content
(the rules' drafts through :func:`.document.drafts_of`, in the PolNeAR sense, so the CRF corrects
the rules rather than starting from nothing), and each unit's tokens with, optionally, its
dependency features (:mod:`.deps`). :func:`unit_features` turns one unit's tokens into crfsuite
feature strings: the word, its shape and suffix, neighbours, quote state, the cue lexicon, actor
mentions, the rule roles, Brown clusters when asked.
"""
from __future__ import annotations

from functools import lru_cache

from ..infra.datafiles import data_path
from .cues import cue_index
from .document import DocumentView, drafts_of
from .finish import bound_nesting
from .speakers import PRONOUNS


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "d"
    if not tok[0].isalnum():
        return "p"
    if tok.isupper() and len(tok) > 1:
        return "X"
    if tok[0].isupper():
        return "Xx"
    return "x"


def _rule_roles(drafts) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """``(speaker, cue, content)`` spans of the rules' claims, in order (a quotation that continues a
    claim has that claim's speaker and cue)."""
    out, last = [], ((-1, -1), (-1, -1))
    for d in drafts.items:
        if not d.continues:
            last = (d.speaker, d.cue)
        for piece in d.pieces:
            out.append((last[0], last[1], piece))
    return out


def doc_context(view: DocumentView, syntax: bool = False):
    """Per-document lookups: quote membership, actor mentions, rule roles, units and tokens (with
    each unit's dependency features when ``syntax``; else None), and the rules' drafts."""
    text = view.text
    in_quote = bytearray(len(text) + 1)
    for a, b in view.quotes.spans:
        in_quote[a:b] = b"\x01" * (b - a)
    actor_at = bytearray(len(text) + 1)
    for a, b, _actor in view.mentions():
        actor_at[a:b] = b"\x01" * (b - a)
    rule = bytearray(len(text) + 1)  # 0 none, 1 source, 2 cue, 3 content
    rule_drafts = bound_nesting(drafts_of(view, "rules", RULE_PROFILE), view.units)
    for (sa, sb), (ca, cb), (a, b) in _rule_roles(rule_drafts):
        rule[a:b] = b"\x03" * (b - a)
        rule[sa:sb] = b"\x01" * (sb - sa)
        rule[ca:cb] = b"\x02" * (cb - ca)
    seqs = [(a, b, view.tokens(u), None) for u, (a, b) in enumerate(view.units)]
    if syntax:
        from .deps import needs_parse, parse, unit_syntax

        todo = [k for k, (_a, _b, toks, _s) in enumerate(seqs) if toks and needs_parse(toks.low)]
        for k, doc in zip(todo, parse([text[seqs[k][0]:seqs[k][1]] for k in todo])):
            a, b, toks, _s = seqs[k]
            seqs[k] = (a, b, toks, unit_syntax(doc, toks, a))
    return in_quote, actor_at, rule, seqs, rule_drafts


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, str]:
    """Lower-case word -> its Brown cluster's bit path (60,000 most frequent words; package data
    ``word_clusters.tsv.gz``, from spaCy's ``en_lexeme_cluster`` in spacy-lookups-data 1.0.5, MIT)."""
    import gzip

    out = {}
    with gzip.open(data_path("word_clusters.tsv.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            word, cluster = line.rstrip("\n").split("\t")
            out[word] = bin(int(cluster))[3:]  # the leading 1 marks the root
    return out


def _cluster_features(path: str | None, tag: str) -> list[str]:
    if path is None:
        return [tag + "c=?"]
    return [f"{tag}c{k}={path[:k]}" for k in (4, 8, 12) if len(path) >= k] or [tag + "c=" + path]


RULE_NAMES = ("-", "S", "C", "T")
#: the rules run in the PolNeAR sense to give the CRF its rule features
RULE_PROFILE = "attribution"


def unit_features(toks, in_quote, actor_at, rule, syn=None, clusters: bool = False) -> list[list[str]]:
    """crfsuite feature strings for each token of one unit (``syn``: its dependency features, :mod:`.deps`;
    ``clusters``: Brown-cluster prefixes of the token and its neighbours)."""
    index = cue_index()
    lows = toks.low
    paths = [word_clusters().get(w) for w in lows] if clusters else None
    n = len(toks)
    cue_pos = [i for i, w in enumerate(lows) if w in index]
    roles = [RULE_NAMES[rule[s]] for s in toks.start]
    out = []
    for i, (start, word) in enumerate(zip(toks.start, toks.text)):
        w = lows[i]
        f = ["b", "w=" + w, "s=" + _shape(word), "x3=" + w[-3:], "r=" + roles[i],
             "q=%d" % in_quote[start], "a=%d" % actor_at[start]]
        if w in index:
            f.append("cue")
        if w in PRONOUNS:
            f.append("pron")
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                f.append("w%+d=%s" % (k, lows[j]))
                f.append("r%+d=%s" % (k, roles[j]))
            else:
                f.append("w%+d=<>" % k)
        if cue_pos:
            d = min(cue_pos, key=lambda c: abs(c - i)) - i
            f.append("dc=%s" % (d if -3 <= d <= 3 else ("<" if d < 0 else ">")))
            f.append("cb=%d" % any(c < i for c in cue_pos))
            f.append("ca=%d" % any(c > i for c in cue_pos))
        else:
            f.append("nocue")
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        if syn is not None:
            f.extend(syn[i])
        if paths is not None:
            f.extend(_cluster_features(paths[i], ""))
            if i > 0:
                f.extend(_cluster_features(paths[i - 1], "-1"))
            if i + 1 < n:
                f.extend(_cluster_features(paths[i + 1], "+1"))
        out.append(f)
    return out


@lru_cache(maxsize=1)
def candidate_words() -> frozenset[str]:
    """The words that make a unit worth labelling when the labeller skips the others (cues and the colon)."""
    return frozenset(cue_index()) | {":"}
