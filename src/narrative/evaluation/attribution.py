"""Evaluate attribution extraction against brat standoff gold (the PolNeAR layout).

Gold: ``DIR/text/<stem>.txt`` and ``DIR/attributions/<stem>_<annotator>.ann``;
the first annotator file per text in sorted order is used. A predicted claim
matches a gold relation when the token-level F1 of their content spans is
at least 0.5; matching is one-to-one, greedy by that F1. Reported:

* content precision / recall / F1 over matched pairs;
* cue: within matched pairs, the share whose cue spans overlap; and overall
  precision / recall / F1 of predicted cues against gold cues (any character
  overlap, one-to-one);
* source accuracy: matched pairs whose predicted speaker span overlaps the
  gold Source span (pairs whose gold relation has a source).

Self claims (no cue) are not attributions and are left out of predictions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..segment import TOKEN_RE

Spans = list[tuple[int, int]]
BRAT_ID = re.compile(r"^[TERAMN#]\d+\t")


@dataclass
class Relation:
    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Relation]:
    """Attribution relations of one .ann file."""
    spans, events = {}, []
    from ..infra.datafiles import user_text

    for number, line in enumerate(user_text(path, what="gold annotation file").splitlines(), start=1):
        if not line.strip() or not BRAT_ID.match(line):
            continue  # blank, or the rest of a span text that held a newline
        parts = line.split("\t")
        try:
            if parts[0].startswith("T"):
                kind, _, where = parts[1].partition(" ")
                spans[parts[0]] = (kind, _spans(where))
            elif parts[0].startswith("E"):
                events.append(dict(arg.split(":") for arg in parts[1].split()))
        except (ValueError, IndexError):
            raise InputError(str(path), number, "malformed brat standoff line", "line") from None
    relations = []
    for event in events:
        get = lambda role: spans.get(event.get(role, ""), (None, []))[1]
        if get("Content"):
            relations.append(Relation(get("Content"), get("Cue"), get("Source")))
    return relations


def gold_files(folder) -> list:
    """The files a gold folder holds (outputs must not land on them); none for a folder that is not there."""
    folder = Path(folder)
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []


def read_gold(folder: str | Path) -> dict[str, tuple[str, list[Relation]]]:
    """``stem -> (text, relations)`` for a PolNeAR-style folder."""
    folder = Path(folder)
    texts, anns = folder / "text", folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise InputError(str(folder), None, "gold folder needs text/ and attributions/ subfolders")
    by_stem: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        by_stem.setdefault(stem, ann)
    from ..infra.datafiles import user_text

    out = {}
    for txt in sorted(texts.glob("*.txt")):
        if txt.stem in by_stem:
            out[txt.stem] = (user_text(txt, what="gold text"), read_ann(by_stem[txt.stem]))
    if not out:
        raise InputError(str(folder), None, "no text with annotations found")
    return out


def _token_set(text: str, spans: Spans) -> set[int]:
    return {m.start() for a, b in spans for m in TOKEN_RE.finditer(text, a, b)}


def _overlap(x: Spans, y: Spans) -> bool:
    return any(a < d and c < b for a, b in x for c, d in y)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(text: str, gold: list[Relation], pred: list[Relation], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching of predicted to gold contents by token F1 ≥ threshold."""
    gold_t = [_token_set(text, g.content) for g in gold]
    pred_t = [_token_set(text, p.content) for p in pred]
    pairs = []
    for i, pt in enumerate(pred_t):
        for j, gt in enumerate(gold_t):
            inter = len(pt & gt)
            if inter:
                f1 = 2 * inter / (len(pt) + len(gt))
                if f1 >= threshold:
                    pairs.append((f1, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g, out = set(), set(), []
    for f1, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j)
            out.append((i, j, f1))
    return out


def _cue_key(text: str, spans: Spans) -> str:
    return " ".join(text[a:b] for a, b in spans).lower().strip() or "(none)"


def evaluate_attribution(gold: dict[str, tuple[str, list[Relation]]], predictions: dict[str, list[Relation]]) -> dict:
    """Scores as a dict (see module docstring), plus per-cue rows under ``by_cue``."""
    n_gold = n_pred = matched = cue_in_pairs = src_ok = src_total = 0
    cue_tp = cue_pred = cue_gold = 0
    per_cue = defaultdict(lambda: [0, 0])  # cue -> [gold, matched]
    for stem, (text, relations) in gold.items():
        pred = predictions.get(stem, [])
        n_gold += len(relations)
        n_pred += len(pred)
        pairs = match(text, relations, pred)
        matched += len(pairs)
        hit = {j for _i, j, _f in pairs}
        for j, g in enumerate(relations):
            per_cue[_cue_key(text, g.cue)][0] += 1
            per_cue[_cue_key(text, g.cue)][1] += j in hit
        for i, j, _f in pairs:
            cue_in_pairs += _overlap(pred[i].cue, relations[j].cue)
            if relations[j].source:
                src_total += 1
                src_ok += _overlap(pred[i].source, relations[j].source)
        gold_cues = [g.cue for g in relations if g.cue]
        pred_cues = [p.cue for p in pred if p.cue]
        used = set()
        for pc in pred_cues:
            for k, gc in enumerate(gold_cues):
                if k not in used and _overlap(pc, gc):
                    used.add(k)
                    cue_tp += 1
                    break
        cue_pred += len(pred_cues)
        cue_gold += len(gold_cues)
    cp, cr, cf = _prf(matched, n_pred, n_gold)
    qp, qr, qf = _prf(cue_tp, cue_pred, cue_gold)
    by_cue = pd.DataFrame([(c, g, m, m / g) for c, (g, m) in per_cue.items()], columns=["cue", "gold", "matched", "recall"])
    by_cue = by_cue.sort_values(["gold", "cue"], ascending=[False, True]).reset_index(drop=True)
    return {"documents": len(gold), "gold": n_gold, "predicted": n_pred, "matched": matched,
            "content_precision": cp, "content_recall": cr, "content_f1": cf,
            "cue_precision": qp, "cue_recall": qr, "cue_f1": qf,
            "cue_agreement_in_pairs": cue_in_pairs / matched if matched else 0.0,
            "source_accuracy": src_ok / src_total if src_total else 0.0, "by_cue": by_cue}


def predictions_from_claims(claims: pd.DataFrame) -> dict[str, list[Relation]]:
    """Turn a claims table (doc_id = gold stem) into predicted relations, self claims left out.

    Rows with the same cue (offsets) are the pieces of one discontinuous content ("“…,” she
    said. “…”") and make one relation with several content spans, as the gold has them."""
    out: dict[str, list[Relation]] = defaultdict(list)
    by_cue: dict[tuple, Relation] = {}
    for r in claims[claims["quote_type"] != "self"].itertuples():
        content = (int(r.content_start), int(r.content_end))
        key = (r.doc_id, int(r.cue_start), int(r.cue_end))
        if r.cue_start >= 0 and key in by_cue:
            by_cue[key].content.append(content)
            continue
        cue = [(int(r.cue_start), int(r.cue_end))] if r.cue_start >= 0 else []
        src = [(int(r.speaker_start), int(r.speaker_end))] if r.speaker_start >= 0 else []
        relation = Relation([content], cue, src)
        if cue:
            by_cue[key] = relation
        out[r.doc_id].append(relation)
    return out


def format_scores(scores: dict, by_cue: int = 0) -> str:
    lines = [f"documents {scores['documents']}, gold relations {scores['gold']}, predicted {scores['predicted']}, "
             f"matched {scores['matched']}",
             f"{'':<22}{'precision':>10}{'recall':>10}{'F1':>10}",
             f"{'content (tokF1>=0.5)':<22}{scores['content_precision']:>10.3f}{scores['content_recall']:>10.3f}{scores['content_f1']:>10.3f}",
             f"{'cue (overlap)':<22}{scores['cue_precision']:>10.3f}{scores['cue_recall']:>10.3f}{scores['cue_f1']:>10.3f}",
             f"cue agreement within matched pairs: {scores['cue_agreement_in_pairs']:.3f}",
             f"source accuracy on matched pairs:   {scores['source_accuracy']:.3f}"]
    if by_cue:
        lines.append("")
        lines.append(scores["by_cue"].head(by_cue).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return "\n".join(lines)
