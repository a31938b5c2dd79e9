"""Dependency features for the attribution labeller (:mod:`.crf`), from the shipped parser.

Lean on purpose (measured: every head word and POS tag added nothing, POS alone hurt): for each
token, how it hangs from the nearest cue candidate above it in the parse, i.e. the dependency label
of the path's last edge into the cue ("ccomp": inside the reported content, "nsubj": the source's
side, "obj", "advcl" ...) and the path's length; whether the token is a cue candidate with a
subject or a clausal complement; and whether it opens or closes such a dependent's subtree (a
content's or a source's boundary).

Only units holding a cue candidate or a quotation mark are parsed; the others get ``nosyn``.
Tokens are aligned by character offsets, so the parser's tokenisation may differ from ours.

>>> from narrative.claims.tokens import Toks
>>> text = "Peskov said that the troops had captured the city."
>>> feats = unit_syntax(parse([text])[0], Toks(text, 0, len(text)), 0)
>>> feats[0], feats[4]
(['anc=nsubj', 'ancd=1', 'ledge=nsubj', 'redge=nsubj'], ['anc=ccomp', 'ancd=2'])
"""
from __future__ import annotations

from bisect import bisect_right

from ..segment.marks import OUTER_MARKS
from .cues import cue_index

#: dependents of a cue that carry its source or content
_ARGS = frozenset({"nsubj", "nsubj:pass", "ccomp", "xcomp", "parataxis", "obj", "obl", "advcl", "csubj"})
_MAX_STEPS = 8


#: the shipped pipeline's components the parse features need no output of
_OFF = ("tagger", "morphologizer", "trainable_lemmatizer")


def parse(texts: list[str], batch_size: int = 64) -> list:
    """spaCy docs for ``texts`` (tagger, morphologizer and lemmatizer switched off: the parser needs none), from
    the shipped pipeline loaded once per process (:func:`narrative.syntax.parse.load_parser`)."""
    from ..syntax.parse import load_parser

    nlp = load_parser()
    return list(nlp.pipe(texts, batch_size=batch_size, disable=[name for name in _OFF if name in nlp.pipe_names]))


def needs_parse(lows: list[str]) -> bool:
    """Whether a unit holds a cue candidate or a quotation mark (the only units parsed)."""
    index = cue_index()
    return any(w in index or w in OUTER_MARKS or w == ":" for w in lows)


def unit_syntax(doc, toks, offset: int) -> list[list[str]]:
    """Feature strings for each of ``toks`` from ``doc``, the parse of the unit starting at ``offset``."""
    index = cue_index()
    n = len(doc)
    starts = [t.idx for t in doc]  # ours map to the parser's token covering their first character

    is_cue = [t.lower_ in index for t in doc]
    edges: dict[int, list[str]] = {}
    cue_feats: dict[int, list[str]] = {}
    for t in doc:
        if is_cue[t.i]:
            deps = {c.dep_ for c in t.children}
            cue_feats[t.i] = ["cue_subj"] * bool(deps & {"nsubj", "nsubj:pass"}) + \
                             ["cue_comp"] * bool(deps & {"ccomp", "parataxis", "xcomp"})
            for c in t.children:
                if c.dep_ in _ARGS:
                    edges.setdefault(c.left_edge.i, []).append("ledge=" + c.dep_)
                    edges.setdefault(c.right_edge.i, []).append("redge=" + c.dep_)
    out = []
    for start in toks.start:
        k = bisect_right(starts, start - offset) - 1
        if k < 0 or k >= n:
            out.append(["nosyn"])
            continue
        t = doc[k]
        f = []
        node, steps, last_dep = t, 0, None
        while steps < _MAX_STEPS and node.head.i != node.i:
            last_dep, node = node.dep_, node.head
            steps += 1
            if is_cue[node.i]:
                f.append("anc=" + last_dep.split(":")[0] if last_dep in _ARGS else "anc=other")
                f.append("ancd=%s" % (steps if steps < 3 else "3+"))
                break
        else:
            f.append("anc=none")
        f.extend(cue_feats.get(k, ()))
        f.extend(edges.get(k, ()))
        out.append(f)
    return out
