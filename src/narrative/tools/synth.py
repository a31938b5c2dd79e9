"""Synthetic corpora for scale tests, built from the demo corpus's own sentences.

Each synthetic document strings together sentences drawn at random (with a
fixed seed) from the demo press releases of one side, until it reaches about
``words_per_doc`` words, so vocabulary, sentence shapes, quote marks and
claim density are those of real text while the corpus can be any size.
Written as JSON lines with ``doc_id, source, side, date, title, text``.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Callable

import numpy as np

from ..infra.datafiles import DEMO_CORPUS


def sentence_pool(corpus) -> dict[str, list[str]]:
    """side -> sentences of the demo corpus."""
    from ..speakers.actors import load_actors
    from ..corpus import load_corpus
    from ..segment import split_sentences

    docs = load_corpus(corpus, sides=load_actors().source_sides())
    pool: dict[str, list[str]] = {}
    for side, text in zip(docs["side"], docs["text"]):
        pool.setdefault(side, []).extend(text[a:b] for a, b in split_sentences(text))
    return pool


def write_synthetic(output: str | Path, *, docs: int, corpus=DEMO_CORPUS, words_per_doc: int = 50,
                    seed: int = 0, progress: Callable[[int], None] | None = None) -> dict:
    """Write ``docs`` synthetic documents; return counts (documents, words, bytes)."""
    rng = np.random.default_rng(seed)
    pool = sentence_pool(corpus)
    sides = sorted(pool)
    lengths = {s: np.array([len(x.split()) for x in pool[s]]) for s in sides}
    start = dt.date(2022, 1, 3)
    from ..infra.files import AtomicFile

    output = Path(output)
    words = 0
    with AtomicFile(output, newline=None) as handle:
        for i in range(docs):
            side = sides[i % len(sides)]
            picks, n = [], 0
            while n < words_per_doc:
                j = int(rng.integers(len(pool[side])))
                picks.append(pool[side][j])
                n += int(lengths[side][j])
            words += n
            record = {"doc_id": f"synth-{i:08d}", "source": f"synthetic-{side}", "side": side,
                      "date": (start + dt.timedelta(days=i % 180)).isoformat(), "title": f"synthetic {i}",
                      "text": " ".join(picks)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            if progress and (i + 1) % 100_000 == 0:
                progress(i + 1)
    size = output.stat().st_size if output.is_file() else 0
    return {"documents": docs, "words": words, "bytes": size}
