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
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..actors import Actors, load_actors
from ..errors import InputError
from ..infra.datafiles import data_path
from ..infra.files import write_bytes
from ..schema import OTHER_SIDE
from .cues import cue_index, cue_lexicon, unit_hedges, with_next
from .gold import read_gold
from .quotes import DASHES, Quotes, quote_spans, units
from .records import Claim
from .rules import iter_claims
from .speakers import PRONOUNS, Resolver, left_np, own_voice, right_np, subject
from .tokens import CLOSING, Toks

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


def _doc_context(text: str, actors: Actors, syntax: bool = False):
    """Per-document lookups: quote membership, actor mentions, rule roles, units and tokens (with
    each unit's dependency features when ``syntax``; else None)."""
    quotes = quote_spans(text)
    in_quote = bytearray(len(text) + 1)
    for a, b in quotes:
        in_quote[a:b] = b"\x01" * (b - a)
    actor_at = bytearray(len(text) + 1)
    for a, b, _actor in actors.matches(text):
        actor_at[a:b] = b"\x01" * (b - a)
    rule = bytearray(len(text) + 1)  # 0 none, 1 source, 2 cue, 3 content
    rule_claims = [c for c in iter_claims("d", text, "", actors, profile=RULE_PROFILE) if c.quote_type != "self"]
    for c in rule_claims:
        rule[c.content_start:c.content_end] = b"\x03" * (c.content_end - c.content_start)
        rule[c.speaker_start:c.speaker_end] = b"\x01" * (c.speaker_end - c.speaker_start)
        rule[c.cue_start:c.cue_end] = b"\x02" * (c.cue_end - c.cue_start)
    seqs = [(a, b, Toks(text, a, b), None) for a, b in units(text)]
    if syntax:
        from .deps import needs_parse, parse, unit_syntax

        todo = [k for k, (_a, _b, toks, _s) in enumerate(seqs) if toks and needs_parse(toks.low)]
        for k, doc in zip(todo, parse([text[seqs[k][0]:seqs[k][1]] for k in todo])):
            a, b, toks, _s = seqs[k]
            seqs[k] = (a, b, toks, unit_syntax(doc, toks, a))
    return in_quote, actor_at, rule, seqs, rule_claims


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

    actors = load_actors()
    gold = read_gold(gold_dir)
    began, n_seq, n_tok = time.perf_counter(), 0, 0
    data: dict[str, list] = {}
    contexts: dict[str, tuple] = {}
    for stem, (text, relations) in gold.items():
        contexts[text] = ctx = _doc_context(text, actors, syntax)
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
            labeller = Labeller(fold)
            labeller.syntax, labeller.clusters, labeller.cache = syntax, clusters, contexts
            for t in (None, 0.45, 0.4, 0.35, 0.3, 0.25):
                labeller.threshold = t
                tuning[str(t)] = _content_f1({s: gold[s] for s in held}, actors, labeller)
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


def _content_f1(gold: dict, actors: Actors, labeller: "Labeller") -> float:
    from operator import attrgetter

    import pandas as pd

    from ..schema import CLAIMS
    from .gold import evaluate_attribution, predictions_from_claims

    row = attrgetter(*CLAIMS)
    rows = [row(c) for stem, (text, _r) in gold.items() for c in iter_claims_crf(stem, text, "news", actors, labeller)]
    claims = pd.DataFrame(rows, columns=list(CLAIMS))
    return evaluate_attribution(gold, predictions_from_claims(claims))["content_f1"]


def _settings_path(model: Path) -> Path:
    return model.with_suffix(".json")


class Labeller:
    """Tags units and decodes relations; loads the model once."""

    def __init__(self, model: str | Path | None = None, *, all_units: bool = True):
        import pycrfsuite

        self.all_units = all_units
        path = Path(model) if model else default_model_path()
        if not path.is_file():
            raise InputError(str(path), None, "no attribution model; train one with `narrative train-attribution`")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        settings_file = _settings_path(path)
        settings = json.loads(settings_file.read_text("utf-8")) if settings_file.is_file() else {}
        self.syntax = settings.get("syntax", False)
        self.clusters = settings.get("clusters", False)
        #: a token the CRF labels O takes a role when that role's marginal probability exceeds this
        #: (tuned on a held-out fold of the training documents; None: plain Viterbi labels)
        self.threshold: float | None = settings.get("threshold")
        self.cache: dict | None = None  # text -> document context, while tuning
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

    def spans(self, text: str, actors: Actors) -> tuple[list[tuple[int, int, list, list[Span]]], list]:
        """``(unit start, unit end, tokens, spans)`` for each unit, and the rule extractor's claims."""
        if self.cache is not None:
            if text not in self.cache:
                self.cache[text] = _doc_context(text, actors, self.syntax)
            in_quote, actor_at, rule, seqs, rule_claims = self.cache[text]
        else:
            in_quote, actor_at, rule, seqs, rule_claims = _doc_context(text, actors, self.syntax)
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
        return out, rule_claims


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    return frozenset(cue_index()) | {":"}


def relations(units_spans, anchored: frozenset[int] | set[int] = frozenset()) -> list[dict]:
    """Group a document's spans into relations: each cue anchors one; see module docstring.
    A unit in ``anchored`` has an attribution of its own, so its contents continue nothing."""
    found: list[dict] = []
    for u, (_a, _b, toks, spans) in enumerate(units_spans):
        if u in anchored:
            continue
        cues = [s for s in spans if s.role == "CUE"]
        here = []
        for cue in cues:
            rel = {"unit": u, "toks": toks, "cue": cue, "src": [], "con": []}
            here.append(rel)
        for s in spans:
            if s.role == "CUE":
                continue
            if here:
                nearest = min(here, key=lambda r: min(abs(r["cue"].first - s.last), abs(s.first - r["cue"].last)))
                nearest["src" if s.role == "SRC" else "con"].append(s)
            elif s.role == "CON" and found and found[-1]["last_unit"] == u - 1:
                found[-1].setdefault("more", []).append((toks, s))
                found[-1]["last_unit"] = u
        for rel in here:
            rel["last_unit"] = u
        found.extend(here)
    return found


def _merge_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A relation's content spans in order, joined where only spaces, punctuation or quotation marks
    separate them; what stays apart is a discontinuous content ("“…,” she said. “…”")."""
    out: list[list[int]] = []
    for a, b in sorted(pieces):
        if out and (a <= out[-1][1] or not text[out[-1][1]:a].strip(" \t\n,.;:!?\"'“”‘’«»—–-")):
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


_EDGE = frozenset({",", ";", ":", "“", "”", '"', ".", "—", "–", "-", "(", ")"})


def _rest_of_unit(toks: Toks, rel: dict, min_words: int = 3) -> list[tuple[int, int]]:
    """The content of a cue the CRF labelled without one: the longer side of the unit beyond the
    cue and its source ("…, a source said." / "Palmieri said Clinton will …"), trimmed of commas,
    "that" and quotation marks; none when it is shorter than ``min_words`` words.

    On PolNeAR dev 103 of the CRF's 182 content-less cues are gold cues (session 6); dropping them
    cost cue and content recall alike."""
    cue = rel["cue"]
    index = cue_index()
    if not any(w in index for w in rel["toks"].low[cue.first:cue.last + 1]):
        return []  # an unknown cue word without a content is mostly a stray label
    lo = min([cue.first] + [s.first for s in rel["src"]])
    hi = max([cue.last] + [s.last for s in rel["src"]])
    low = toks.low

    def trimmed(i: int, j: int) -> tuple[int, int]:
        while i <= j and low[i] in _EDGE:
            i += 1
        while j >= i and (low[j] in _EDGE or low[j] in CLOSING):
            j -= 1
        return i, j

    right = hi + 1
    that = next((k for k in range(right, min(right + 10, len(low))) if low[k] == "that"), None)
    if that is not None:  # "said during a rally in Michigan that …": the complement starts at "that"
        right = that
    sides = [trimmed(0, lo - 1), trimmed(right, len(toks) - 1)]
    i, j = max(sides, key=lambda r: sum(low[k][:1].isalnum() for k in range(r[0], r[1] + 1)))
    if sum(low[k][:1].isalnum() for k in range(i, j + 1)) < min_words:
        return []
    return [(toks.start[i], toks.end[j])]


def _punctuation_claims(rule_claims: list[Claim], per_unit) -> dict[int, list[Claim]]:
    """The rules' colon and dash attributions ("Podolyak: “…”", "“…” ― Sonya Herridge") in units
    where the CRF labelled no cue, by unit: PolNeAR train has almost no signature dashes, so the
    CRF never learnt them (it read them as the previous speaker's quote paragraphs), and the rules
    find these forms by their punctuation alone."""
    from bisect import bisect_right

    starts = [a for a, _b, _t, _s in per_unit]
    out: dict[int, list[Claim]] = {}
    for c in rule_claims:
        if c.cue == ":" or c.cue in DASHES:
            u = bisect_right(starts, c.cue_start) - 1
            if u >= 0 and not any(sp.role == "CUE" for sp in per_unit[u][3]):
                out.setdefault(u, []).append(c)
    return out


def iter_claims_crf(doc_id: str, text: str, source: str, actors: Actors, labeller: Labeller, side: str | None = None,
                    profile: str = "attribution"):
    """Claims of one document from the CRF (same record type and rules for self claims as the rules).

    The CRF labels in the PolNeAR sense; ``profile="speech"`` keeps the relations whose cue holds a
    speech-act word of the cue lexicon, or is a colon."""
    own_actor, own_side = own_voice(source, side, actors)
    quotes = Quotes(quote_spans(text))
    per_unit, rule_claims = labeller.spans(text, actors)
    rule_speaker = {(c.cue_start, c.cue_end): (c.speaker_start, c.speaker_end) for c in rule_claims}
    signed = _punctuation_claims(rule_claims, per_unit)
    rels = relations(per_unit, signed.keys())
    # PolNeAR's source spans: the CRF's own are closer (train fold 0.843 vs 0.821); speakers of news
    # quotes: the rules' noun phrases resolve to names better (war-news dev 0.81 vs 0.76)
    crf_first = labeller.source_first == "crf" and profile == "attribution"
    if profile == "speech":
        speech = cue_index("speech")
        rels = [r for r in rels if any(w in speech or w == ":" for w in r["toks"].low[r["cue"].first:r["cue"].last + 1])]
    hedges_in = unit_hedges(text, [(a, b) for a, b, _t, _s in per_unit])
    lexicon = cue_lexicon()
    by_unit: dict[int, list[dict]] = {}
    for rel in rels:
        by_unit.setdefault(rel["unit"], []).append(rel)
    for rel in rels:
        toks = rel["toks"]
        pieces = [(toks.start[s.first], toks.end[s.last]) for s in rel["con"]]
        pieces += [(t.start[s.first], t.end[s.last]) for t, s in rel.get("more", [])]
        rel["pieces"] = _merge_pieces(text, pieces) if pieces else _rest_of_unit(toks, rel)
    covered = {u for rel in rels if rel["pieces"] for u in range(rel["unit"], rel["last_unit"] + 1)}
    resolver = Resolver(actors, text, quotes.inside, actors.publisher(source))
    number = 0
    for u, (ua, ub, toks, _spans) in enumerate(per_unit):
        hedges = with_next(hedges_in, u)
        for claim in signed.get(u, ()):
            yield replace(claim, doc_id=doc_id, claim_id=f"{doc_id}:{number}", parent_claim_id="", hedges=hedges)
            number += 1
        for rel in by_unit.get(u, []):
            pieces = rel["pieces"]
            if not pieces:
                continue
            a, b = pieces[0][0], pieces[-1][1]
            cue = rel["cue"]
            ca, cb = toks.start[cue.first], toks.end[cue.last]
            if (ca, cb) in rule_speaker and not (crf_first and rel["src"]):
                sa, sb = rule_speaker[(ca, cb)]  # the rules found this cue: take their source
            elif rel["src"]:
                src = min(rel["src"], key=lambda s: abs(s.first - cue.first))
                sa, sb = toks.start[src.first], toks.end[src.last]
            else:  # the CRF saw no source: fall back on the rules' noun-phrase search around the cue
                np_range = (left_np(toks, cue.first - 1, 0) or right_np(toks, cue.last + 1, len(toks))
                            or subject(toks, 0, cue.first))
                sa, sb = (toks.start[np_range[0]], toks.end[np_range[1]]) if np_range else (-1, -1)
            speaker = text[sa:sb] if sa >= 0 else ""
            actor, actor_side = resolver.actor_and_side(speaker, sa, (a, b)) if speaker else (speaker, OTHER_SIDE)
            stance = lexicon.get(tuple(toks.low[cue.first:cue.last + 1]),
                                 lexicon.get((toks.low[cue.last],), ("neutral", "")))[0]
            for a, b in pieces:  # a discontinuous content: one row per piece, all with the same cue and source
                yield Claim(doc_id, f"{doc_id}:{number}", "", speaker, sa, sb, actor, actor_side,
                            text[ca:cb], ca, cb, stance, text[a:b], a, b, quotes.quote_type(a, b), hedges)
                number += 1
        if u not in covered and u not in signed:
            lead = len(text[ua:ub]) - len(text[ua:ub].lstrip())
            yield Claim(doc_id, f"{doc_id}:{number}", "", "", -1, -1, own_actor, own_side, "", -1, -1, "neutral",
                        text[ua:ub].strip(), ua + lead, ua + len(text[ua:ub].rstrip()), "self", hedges)
            number += 1
