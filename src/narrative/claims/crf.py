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

Train with ``narrative train-attribution --gold ../shared/eval/polnear/train``;
the model file holds feature weights (single words, shapes), no text.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..speakers.actors import load_actors
from ..errors import InputError
from ..infra.datafiles import data_path
from ..infra.files import write_bytes
from .cues import cue_index, cue_lexicon
from .document import DocumentView, Extractor, Resources, drafts_of
from .finish import Draft, Drafts, bound_nesting
from .gold import read_gold
from ..segment.marks import OUTER_CLOSING, OUTER_OPENING, QUOTE_MARKS, SPEECH_DASHES
from .quotes import DASHES
from .speakers import PRONOUNS, left_np, right_np, subject
from .tokens import CLOSING, Toks

log = logging.getLogger(__name__)
ROLES = ("SRC", "CUE", "CON")
MODEL_NAME = "attribution.crfsuite"


def default_model_path() -> Path:
    return data_path(MODEL_NAME, "models")


@dataclass
class Span:
    role: str
    first: int  # token indices within the unit, inclusive
    last: int


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


def _doc_context(view: DocumentView, syntax: bool = False):
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


def _gold_labels(text: str, relations, toks) -> list[str]:
    role_at = [None] * (len(text) + 1)
    for r_index, rel in enumerate(relations):
        for role, spans in (("CON", rel.content), ("SRC", rel.source), ("CUE", rel.cue)):
            for a, b in spans:
                for c in range(a, min(b, len(text))):
                    role_at[c] = (role, r_index)
    labels, prev = [], None
    for start in toks.start:
        here = role_at[start]
        if here is None:
            labels.append("O")
        else:
            labels.append(("I-" if here == prev else "B-") + here[0])
        prev = here
    return labels


def train(gold_dir: str | Path, output: str | Path, *, max_iterations: int = 200, c1: float = 0.2, c2: float = 0.05,
          min_freq: int = 2, syntax: bool = True, clusters: bool = False, tune: bool = True,
          say: Callable[[str], None] = print) -> Path:
    """Train the CRF on a PolNeAR-style folder and write the model file, and beside it
    ``<model>.json`` with the settings the labeller needs.

    ``syntax``: dependency features (:mod:`.deps`). ``tune``: first train on 80% of the documents
    (seeded split) and pick, on the other 20%, the marginal threshold that maximises content F1
    (:attr:`Labeller.threshold`); the final model is then trained on all documents.
    """
    import tempfile

    resources = Resources(load_actors())
    gold = read_gold(gold_dir)
    began, n_seq, n_tok = time.perf_counter(), 0, 0
    data: dict[str, list] = {}
    contexts = resources.cache("crf contexts")  # text -> document context, reused while tuning
    for stem, (text, relations) in gold.items():
        view = DocumentView(stem, text, "", None, resources, keep_tokens=True)
        contexts[text] = ctx = _doc_context(view, syntax)
        in_quote, actor_at, rule, seqs, _rules = ctx
        data[stem] = [(unit_features(toks, in_quote, actor_at, rule, syn, clusters), _gold_labels(text, relations, toks))
                      for _a, _b, toks, syn in seqs if toks]
        n_seq += len(data[stem])
        n_tok += sum(len(x) for x, _y in data[stem])
    say(f"features for {len(gold)} documents, {n_seq:,} units, {n_tok:,} tokens in {time.perf_counter() - began:.0f} s")
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": min_freq,
              "feature.possible_transitions": True}
    output = Path(output)
    threshold, tuning = None, {}
    with tempfile.TemporaryDirectory() as scratch:  # the old model stays until the new one is whole
        if tune:
            import random

            stems = sorted(gold)
            random.Random(0).shuffle(stems)
            held = stems[:len(stems) // 5]
            began = time.perf_counter()
            fold = _fit([data[s] for s in stems[len(held):]], params, Path(scratch) / "fold.crfsuite")
            labeller = Labeller(fold, settings={"syntax": syntax, "clusters": clusters})
            extractor = CrfExtractor(resources, "attribution", labeller=labeller, contexts=contexts)
            for t in (None, 0.45, 0.4, 0.35, 0.3, 0.25):
                labeller.threshold = t
                tuning[str(t)] = _content_f1({s: gold[s] for s in held}, extractor)
            threshold = max((None, 0.45, 0.4, 0.35, 0.3, 0.25), key=lambda t: tuning[str(t)])
            say(f"tuned on {len(held)} held-out training documents in {time.perf_counter() - began:.0f} s: "
                + ", ".join(f"{k} {v:.3f}" for k, v in tuning.items()) + f" -> threshold {threshold}")
        began = time.perf_counter()
        trained = _fit(list(data.values()), params, Path(scratch) / "model.crfsuite")
        write_bytes(output, trained.read_bytes())
    settings = {"syntax": syntax, "clusters": clusters, "threshold": threshold, "source_first": "crf", "tuning_content_f1": tuning, "c1": c1, "c2": c2,
                "max_iterations": max_iterations, "min_freq": min_freq, "rule_profile": RULE_PROFILE,
                "trained_on": Path(gold_dir).name}
    write_bytes(_settings_path(output), json.dumps(settings, indent=2).encode())
    say(f"trained in {time.perf_counter() - began:.0f} s -> {output} ({output.stat().st_size / 1e6:.1f} MB)")
    return output


def _fit(docs: list, params: dict, path: Path) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for units_ in docs:
        for xseq, yseq in units_:
            trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))
    return path


def _content_f1(gold: dict, extractor: "CrfExtractor") -> float:
    from operator import attrgetter

    import pandas as pd

    from ..schema import CLAIMS
    from .gold import evaluate_attribution, predictions_from_claims

    row = attrgetter(*CLAIMS)
    rows = [row(c) for stem, (text, _r) in gold.items() for c in extractor.claims(extractor.view(stem, text, "news"))]
    claims = pd.DataFrame(rows, columns=list(CLAIMS))
    return evaluate_attribution(gold, predictions_from_claims(claims))["content_f1"]


def _settings_path(model: Path) -> Path:
    return model.with_suffix(".json")


class Labeller:
    """Tags units and decodes relations; loads the model once."""

    def __init__(self, model: str | Path | None = None, *, all_units: bool = True, settings: dict | None = None):
        """``settings``: the trainer's settings (default: read from ``<model>.json``; a model without
        that file runs without syntax and cluster features and with plain Viterbi labels, with a warning)."""
        import pycrfsuite

        self.all_units = all_units
        path = Path(model) if model else default_model_path()
        if not path.is_file():
            raise InputError(str(path), None, "no attribution model; train one with `narrative train-attribution`")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        if settings is None:
            settings_file = _settings_path(path)
            if settings_file.is_file():
                settings = json.loads(settings_file.read_text("utf-8"))
            else:
                log.warning("%s: no settings file %s beside the model: labelling without syntax or cluster "
                            "features and without its tuned threshold", path, settings_file.name)
                settings = {}
        self.syntax = settings.get("syntax", False)
        self.clusters = settings.get("clusters", False)
        #: a token the CRF labels O takes a role when that role's marginal probability exceeds this
        #: (tuned on a held-out fold of the training documents; None: plain Viterbi labels)
        self.threshold: float | None = settings.get("threshold")
        #: whose source wins when the rules found the same cue: "crf" (models since session 5: chosen on
        #: a held-out fifth of train, source accuracy 0.843 against 0.821) or "rules" (older models)
        self.source_first: str = settings.get("source_first", "rules")

    def _labels(self, feats) -> list[str]:
        labels = self.tagger.tag(feats)
        t = self.threshold
        if t is None:
            return labels
        marginal = self.tagger.marginal
        for i, label in enumerate(labels):
            if label != "O":
                continue
            best, best_p = None, t
            for role in ROLES:
                p = marginal("B-" + role, i) + marginal("I-" + role, i)
                if p > best_p:
                    best, best_p = role, p
            if best is not None:
                labels[i] = ("I-" if i and labels[i - 1].endswith(best) else "B-") + best
        return labels

    def spans(self, context) -> list[tuple[int, int, Toks, list[Span]]]:
        """``(unit start, unit end, tokens, spans)`` for each unit of a document's context (:func:`_doc_context`)."""
        in_quote, actor_at, rule, seqs, _rule_drafts = context
        words = _candidate_words()
        out = []
        for a, b, toks, syn in seqs:
            spans: list[Span] = []
            if toks and (self.all_units or any(rule[s] or in_quote[s] or w in words for s, w in zip(toks.start, toks.low))):
                labels = self._labels(unit_features(toks, in_quote, actor_at, rule, syn, self.clusters))
                for i, label in enumerate(labels):
                    if label == "O":
                        continue
                    tag, role = label.split("-", 1)
                    if tag == "I" and spans and spans[-1].role == role and spans[-1].last == i - 1:
                        spans[-1].last = i
                    else:
                        spans.append(Span(role, i, i))
            out.append((a, b, toks, spans))
        return out


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    return frozenset(cue_index()) | {":"}


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
            return _doc_context(view, self.labeller.syntax)
        if view.text not in self.contexts:
            self.contexts[view.text] = _doc_context(view, self.labeller.syntax)
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
