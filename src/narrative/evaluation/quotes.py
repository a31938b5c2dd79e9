"""Score extracted claims against news-quote gold, in the Gender Gap Tracker's way.

Gold is a tab-separated file with the columns ``file, quote_start, quote_end, speaker``: character
offsets of each quotation's content in ``TEXTS/<file>`` and the speaker's name as the article
gives it in full (see ``data/annotations/QUOTES.md``). Texts are read from their folder at run time;
the gold file holds only names, offsets and labels.

The measure follows the Gender Gap Tracker's evaluation (Asr et al. 2021, PLoS ONE 16(1):
e0245533; ``NLP/evaluation/src/eval/evaluate_quotes.py`` in sfu-discourse-lab/GenderGapTracker):
gold quotes are taken in order and each is matched to the remaining predicted claim covering the
largest share of its characters, if that share exceeds ``threshold`` (0.3); matching is one-to-one.
Quote precision, recall and F1 follow; **speaker accuracy** is the share of matched quotes whose
predicted ``actor`` names the gold speaker: equal after dropping case, punctuation, honorifics
("Mr", "Dr") and a leading "the", or one's words contained in the other's ("Moore" in "Richard
Moore", "Cyril Ramaphosa" in "South African President Cyril Ramaphosa"). The Tracker compares
speaker spans; narrative resolves speakers to names, so the name is what is checked here (an
unresolved "he" is wrong).

Self claims (no cue) and object-only speech acts (``act``: "the ministry condemned the strike"; the gold holds
quotations and reported speech only) are not quotes and are left out of the predictions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import InputError
from .labels import offset_rows

GOLD_COLUMNS = ("file", "quote_start", "quote_end", "speaker")
#: quote types that are no quotes (see the module docstring)
NOT_QUOTES = ("self", "act")
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "the"})
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    speaker: str


def read_quote_gold(path: str | Path, texts: str | Path) -> dict[str, tuple[str, list[GoldQuote]]]:
    """``file stem -> (text, gold quotes)``; every offset is checked against its text.

    Raises :class:`narrative.errors.InputError` naming the file and row of a bad line.
    """
    out: dict[str, tuple[str, list[GoldQuote]]] = {}
    for n, name, text, (a, b, speaker) in offset_rows(path, texts, GOLD_COLUMNS):
        quotes = out.setdefault(Path(name).stem, (text, []))[1]
        if not (a.isdigit() and b.isdigit() and int(a) < int(b) <= len(text)):
            raise InputError(str(path), n, f"offsets {a}-{b} do not lie in {name} ({len(text)} characters)")
        quotes.append(GoldQuote(int(a), int(b), speaker))
    return out


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(name.lower()) if w not in HONORIFICS)


def same_speaker(predicted: str, gold: str) -> bool:
    """Whether a predicted actor names the gold speaker (see the module docstring).

    >>> same_speaker("Mr Moore", "Richard Moore"), same_speaker("He", "Richard Moore")
    (True, False)
    """
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g:
        return False
    return set(p) <= set(g) or set(g) <= set(p)


def evaluate_quotes(gold: dict[str, tuple[str, list[GoldQuote]]], claims: pd.DataFrame,
                    threshold: float = 0.3) -> dict:
    """Quote precision/recall/F1 and speaker accuracy; ``misses`` and ``extra`` list the unmatched
    gold quotes and predictions as ``(doc_id, start, end, speaker or actor)``."""
    attributed = claims[~claims["quote_type"].isin(NOT_QUOTES) & claims["doc_id"].isin(list(gold))]
    pred: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc_id, a, b, actor in zip(attributed["doc_id"], attributed["content_start"], attributed["content_end"],
                                   attributed["actor"]):
        pred[doc_id].append((int(a), int(b), str(actor)))
    tp = n_gold = n_pred = speaker_ok = 0
    misses, extra, wrong = [], [], []
    for stem, (_text, quotes) in gold.items():
        remaining = list(pred.get(stem, []))
        n_gold += len(quotes)
        n_pred += len(remaining)
        for q in quotes:
            best, best_score = None, threshold
            for k, (a, b, _actor) in enumerate(remaining):
                score = max(0, min(b, q.end) - max(a, q.start)) / (q.end - q.start)
                if score > best_score:
                    best, best_score = k, score
            if best is None:
                misses.append((stem, q.start, q.end, q.speaker))
                continue
            tp += 1
            a, b, actor = remaining.pop(best)
            if same_speaker(actor, q.speaker):
                speaker_ok += 1
            else:
                wrong.append((stem, q.start, q.end, q.speaker, actor))
        extra.extend((stem, a, b, actor) for a, b, actor in remaining)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"documents": len(gold), "gold": n_gold, "predicted": n_pred, "matched": tp,
            "quote_precision": p, "quote_recall": r, "quote_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_accuracy": speaker_ok / tp if tp else 0.0,
            "misses": misses, "extra": extra, "wrong_speaker": wrong}


def format_quote_scores(scores: dict) -> str:
    return "\n".join([
        f"documents {scores['documents']}, gold quotes {scores['gold']}, predicted {scores['predicted']}, "
        f"matched {scores['matched']}",
        f"quote precision {scores['quote_precision']:.3f}  recall {scores['quote_recall']:.3f}  "
        f"F1 {scores['quote_f1']:.3f}",
        f"speaker accuracy on matched quotes: {scores['speaker_accuracy']:.3f}",
    ])
