"""A trained sequence labeller for attribution spans (source, cue, content).

Rules alone find the clear cases; a conditional random field (Lafferty et al.
2001; python-crfsuite) learns span boundaries from PolNeAR (Newell et al.
2018). Each sentence unit (see :func:`narrative.claims.quotes.units`) is a sequence
of tokens labelled ``B-``/``I-`` × ``SRC``/``CUE``/``CON`` or ``O``. Token
features are lean: the word, its shape and suffix, neighbours, quote state,
the cue lexicon, actor mentions, and the rule extractor's own roles (so the
CRF corrects the rules rather than starting from nothing).

Decoding: each predicted cue anchors a relation; sources and contents of the
unit join the nearest cue; a content in a unit without a cue continues the
previous unit's last relation (multi-sentence quotes). A discontinuous
content is reported from its first to its last token.

The parts: :mod:`.crffeatures` (what the CRF sees of each token, read off the document view),
:mod:`.crfmodel` (the model, its settings, tagging), :mod:`.crftrain` (training); this module
decodes the tags into drafts. Train with ``narrative train-attribution --gold
../shared/eval/polnear/train``; the model file holds feature weights (single words, shapes), no text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..segment.marks import OUTER_CLOSING, OUTER_OPENING, QUOTE_MARKS, SPEECH_DASHES
from .crffeatures import doc_context
from .crfmodel import Labeller, Span
from .cues import cue_index, cue_lexicon
from .document import DocumentView, Extractor, Resources
from .finish import Draft, Drafts
from .quotes import DASHES
from .speakers import left_np, right_np, subject
from .tokens import CLOSING, Toks


@dataclass
class Relation:
    """One cue the CRF labelled and the spans that join it: ``unit`` (index) and its tokens, the
    cue span, source and content spans in the unit, contents of the following cue-less units
    (``more``: ``(tokens, span)``), the last unit it reaches and, once decoded, its content pieces."""

    unit: int
    toks: Toks
    cue: Span
    src: list[Span] = field(default_factory=list)
    con: list[Span] = field(default_factory=list)
    more: list[tuple[Toks, Span]] = field(default_factory=list)
    last_unit: int = -1
    pieces: list[tuple[int, int]] = field(default_factory=list)


def relations(units_spans, anchored: frozenset[int] | set[int] = frozenset()) -> list[Relation]:
    """Group a document's spans into relations: each cue anchors one; see module docstring.
    A unit in ``anchored`` has an attribution of its own, so its contents continue nothing."""
    found: list[Relation] = []
    for u, (_a, _b, toks, spans) in enumerate(units_spans):
        if u in anchored:
            continue
        cues = [s for s in spans if s.role == "CUE"]
        here = []
        for cue in cues:
            rel = Relation(u, toks, cue)
            here.append(rel)
        for s in spans:
            if s.role == "CUE":
                continue
            if here:
                nearest = min(here, key=lambda r: min(abs(r.cue.first - s.last), abs(s.first - r.cue.last)))
                (nearest.src if s.role == "SRC" else nearest.con).append(s)
            elif s.role == "CON" and found and found[-1].last_unit == u - 1:
                found[-1].more.append((toks, s))
                found[-1].last_unit = u
        for rel in here:
            rel.last_unit = u
        found.extend(here)
    return found


#: what may separate two content spans that are one piece
_BETWEEN_PIECES = " \t\n,.;:!?-" + "".join(sorted(QUOTE_MARKS | SPEECH_DASHES))


def _merge_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A relation's content spans in order, joined where only spaces, punctuation or quotation marks
    separate them; what stays apart is a discontinuous content ("“…,” she said. “…”")."""
    out: list[list[int]] = []
    for a, b in sorted(pieces):
        if out and (a <= out[-1][1] or not text[out[-1][1]:a].strip(_BETWEEN_PIECES)):
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


#: tokens after a content-less cue and its source searched for "that" ("said during a rally … that …")
THAT_WINDOW = 10
_EDGE = frozenset({",", ";", ":", ".", "-", "(", ")"}) | OUTER_OPENING | OUTER_CLOSING | SPEECH_DASHES


def _rest_of_unit(toks: Toks, rel: Relation, min_words: int = 3) -> list[tuple[int, int]]:
    """The content of a cue the CRF labelled without one: the longer side of the unit beyond the
    cue and its source ("…, a source said." / "Palmieri said Clinton will …"), trimmed of commas,
    "that" and quotation marks; none when it is shorter than ``min_words`` words.

    On PolNeAR dev 103 of the CRF's 182 content-less cues are gold cues (session 6); dropping them
    cost cue and content recall alike."""
    cue = rel.cue
    index = cue_index()
    if not any(w in index for w in rel.toks.low[cue.first:cue.last + 1]):
        return []  # an unknown cue word without a content is mostly a stray label
    lo = min([cue.first] + [s.first for s in rel.src])
    hi = max([cue.last] + [s.last for s in rel.src])
    low = toks.low

    def trimmed(i: int, j: int) -> tuple[int, int]:
        while i <= j and low[i] in _EDGE:
            i += 1
        while j >= i and (low[j] in _EDGE or low[j] in CLOSING):
            j -= 1
        return i, j

    right = hi + 1
    that = next((k for k in range(right, min(right + THAT_WINDOW, len(low))) if low[k] == "that"), None)
    if that is not None:  # "said during a rally in Michigan that …": the complement starts at "that"
        right = that
    sides = [trimmed(0, lo - 1), trimmed(right, len(toks) - 1)]
    i, j = max(sides, key=lambda r: sum(low[k][:1].isalnum() for k in range(r[0], r[1] + 1)))
    if sum(low[k][:1].isalnum() for k in range(i, j + 1)) < min_words:
        return []
    return [(toks.start[i], toks.end[j])]


def _punctuation_drafts(rule_drafts, per_unit) -> dict[int, list[Draft]]:
    """The rules' colon and dash attributions ("Podolyak: “…”", "“…” ― Sonya Herridge") in units
    where the CRF labelled no cue, by unit: PolNeAR train has almost no signature dashes, so the
    CRF never learnt them (it read them as the previous speaker's quote paragraphs), and the rules
    find these forms by their punctuation alone. A quotation that continues one is reported with it."""
    from bisect import bisect_right

    starts = [a for a, _b, _t, _s in per_unit]
    out: dict[int, list[Draft]] = {}
    last = None
    for d in rule_drafts.items:
        if not d.continues:
            last = d
        if last is None or not (last.cue_text == ":" or last.cue_text in DASHES):
            continue
        u = bisect_right(starts, last.cue[0]) - 1
        if u >= 0 and not any(sp.role == "CUE" for sp in per_unit[u][3]):
            out.setdefault(u, []).extend(
                Draft(u, [piece], speaker=last.speaker, cue=last.cue, cue_text=last.cue_text, stance=last.stance,
                      quote_type="direct" if d.continues else None) for piece in d.pieces)
    return out


class CrfExtractor(Extractor):
    """The trained labeller on a :class:`.document.DocumentView` (see the module docstring).

    The CRF labels in the PolNeAR sense; ``profile="speech"`` keeps the relations whose cue holds a
    speech-act word of the cue lexicon, or is a colon. ``model``: the model file (default the shipped
    one); ``labeller``: a loaded one instead; ``contexts``: a cache of document contexts by text
    (while tuning, the same documents are labelled with several thresholds)."""

    name = "crf"
    keep_tokens = True

    def __init__(self, resources: Resources, profile: str = "speech", *, model: str | Path | None = None,
                 labeller: Labeller | None = None, contexts: dict | None = None) -> None:
        super().__init__(resources, profile)
        self.labeller = labeller if labeller is not None else Labeller(model)
        self.contexts = contexts

    def _context(self, view: DocumentView):
        if self.contexts is None:
            return doc_context(view, self.labeller.syntax)
        if view.text not in self.contexts:
            self.contexts[view.text] = doc_context(view, self.labeller.syntax)
        return self.contexts[view.text]

    def drafts(self, view: DocumentView) -> Drafts:
        labeller, profile = self.labeller, self.profile
        context = self._context(view)
        per_unit, rule_drafts = labeller.spans(context), context[4]
        rule_speaker = {d.cue: d.speaker for d in rule_drafts.items if not d.continues}
        signed = _punctuation_drafts(rule_drafts, per_unit)
        rels = relations(per_unit, signed.keys())
        # PolNeAR's source spans: the CRF's own are closer (train fold 0.843 vs 0.821); speakers of news
        # quotes: the rules' noun phrases resolve to names better (war-news dev 0.81 vs 0.76)
        crf_first = labeller.source_first == "crf" and profile == "attribution"
        if profile == "speech":
            speech = cue_index("speech")
            rels = [r for r in rels
                    if any(w in speech or w == ":" for w in r.toks.low[r.cue.first:r.cue.last + 1])]
        lexicon = cue_lexicon()
        text = view.text
        for rel in rels:
            toks = rel.toks
            pieces = [(toks.start[s.first], toks.end[s.last]) for s in rel.con]
            pieces += [(t.start[s.first], t.end[s.last]) for t, s in rel.more]
            rel.pieces = _merge_pieces(text, pieces) if pieces else _rest_of_unit(toks, rel)
        covered = {u for rel in rels if rel.pieces for u in range(rel.unit, rel.last_unit + 1)}
        covered |= signed.keys()
        by_unit: dict[int, list[Relation]] = {}
        for rel in rels:
            by_unit.setdefault(rel.unit, []).append(rel)
        out: list[Draft] = []
        for u in range(len(per_unit)):
            out.extend(signed.get(u, ()))
            toks = per_unit[u][2]
            for rel in by_unit.get(u, []):
                if not rel.pieces:
                    continue
                cue = rel.cue
                ca, cb = toks.start[cue.first], toks.end[cue.last]
                if (ca, cb) in rule_speaker and not (crf_first and rel.src):
                    speaker = rule_speaker[(ca, cb)]  # the rules found this cue: take their source
                elif rel.src:
                    src = min(rel.src, key=lambda s: abs(s.first - cue.first))
                    speaker = (toks.start[src.first], toks.end[src.last])
                else:  # the CRF saw no source: fall back on the rules' noun-phrase search around the cue
                    np_range = (left_np(toks, cue.first - 1, 0) or right_np(toks, cue.last + 1, len(toks))
                                or subject(toks, 0, cue.first))
                    speaker = (toks.start[np_range[0]], toks.end[np_range[1]]) if np_range else (-1, -1)
                stance = lexicon.get(tuple(toks.low[cue.first:cue.last + 1]),
                                     lexicon.get((toks.low[cue.last],), ("neutral", "")))[0]
                # a discontinuous content: one row per piece, all with the same cue and source
                out.append(Draft(u, rel.pieces, speaker=speaker, cue=(ca, cb), cue_text=text[ca:cb], stance=stance))
        return Drafts(out, covered)
