"""Plain helpers the tests share: paths of the repository's and ../shared's real text, a slice of the demo
corpus, and one composed news paragraph. (Fixtures live in conftest.py.)"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "raw" / "press-releases"
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "docs" / "example-article-pokrovsk.txt"
POLNEAR = SHARED / "eval" / "polnear"

csv.field_size_limit(sys.maxsize)


def demo_slice(target: Path, n: int = 12) -> Path:
    """Copy the first n releases of each demo file into target (same file names, so sides resolve)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("putin.csv", "zelenskyy.csv"):
        with (DEMO / name).open(encoding="utf-8", newline="") as src, (target / name).open("w", encoding="utf-8", newline="") as dst:
            reader = csv.reader(src)
            writer = csv.writer(dst)
            for i, row in enumerate(reader):
                if i > n:
                    break
                writer.writerow(row)
    return target


#: Composed for narrative (not copied from any article): a news paragraph in the
#: style of war reporting, exercising quotes, pronouns, institutions and hedges.
NEWS = (
    "Russia claimed on Tuesday that its forces had taken the town of Kupiansk, which would be a "
    "significant gain for Moscow if true. Kremlin spokesman Dmitry Peskov said the troops had shown "
    "\u201cexceptional courage.\u201d The Ukrainian military said its units \u201ccontinue to hold their "
    "positions\u201d despite heavy shelling. Andriy Kovalenko, who heads the Counter-Disinformation Center, "
    "said the claim was false. He said Moscow wanted \u201cheadlines for a Western audience.\u201d "
    "The report could not be independently verified."
)

# Composed for narrative: one article, two gold attributions in brat standoff.
BRAT_TEXT = "Peskov said the city had fallen. Kyiv denied it, according to officials."
BRAT_ANN = "\n".join([
    "T1\tSource 0 6\tPeskov", "T2\tCue 7 11\tsaid", "T3\tContent 12 31\tthe city had fallen",
    "T4\tAttribution 7 11\tsaid", "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tSource 62 71\tofficials", "T6\tCue 49 61\taccording to", "T7\tContent 33 47\tKyiv denied it",
    "T8\tAttribution 49 61\taccording to", "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
])


def resampled_estimates(tool, gold, categories, census, sheets, *, claim_coded=False, dims=None):
    """Corrected estimates over many coded sheets against the truth of a census: per quantity of
    :func:`narrative.estimate.quantities.quantities`, ``(truth, naive, coverage of the PPI++ intervals,
    mean PPI++ width, mean coded-only width)``. ``census`` and ``sheets`` are :class:`narrative.estimate.ppi.Design`
    objects (every row coded; one row per sheet of coded rows)."""
    import numpy as np

    from narrative.estimate.quantities import Joined, _row, quantities

    dims = dims or {"side": True, "frames": True, "distanced": False}
    everyone = Joined(tool, gold, census, claim_coded, dims)
    batch = Joined(tool, gold, sheets, claim_coded, dims)
    truth = {q: _row(q, p, everyone, lam=0.0, min_coded=0, path="-")["estimate"]
             for q, p in quantities(everyone, "kremlin", "ukraine", categories)}
    out = {}
    for q, parts in quantities(batch, "kremlin", "ukraine", categories):
        tuned = _row(q, parts, batch, lam=None, min_coded=0, path="-")
        alone = _row(q, parts, batch, lam=0.0, min_coded=0, path="-")
        t = truth[q]
        out[q] = (t, tuned["naive"], float(np.mean((tuned["lo"] <= t) & (t <= tuned["hi"]))),
                  float(np.mean(tuned["hi"] - tuned["lo"])), float(np.mean(alone["hi"] - alone["lo"])))
    return out


def demo_sentences(n_docs: int, limit: int, repeat: int) -> tuple[list[str], list[str]]:
    """``(sentences, their doc_ids)``: the demo's first ``n_docs`` documents cut at ". " (sentences of four or
    more words), the first ``limit``, then the first ``repeat`` again (repeated texts, as the demo's boilerplate
    sentences are)."""
    from narrative.corpus import load_corpus

    docs = load_corpus(DEMO).head(n_docs)
    out, groups = [], []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        for s in text.split(". "):
            if len(s.split()) > 3:
                out.append(s.strip())
                groups.append(doc_id)
    out, groups = out[:limit], groups[:limit]
    return out + out[:repeat], groups + groups[:repeat]


def imported_by(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has imported after running ``code`` (a heavy import a
    code path promises to leave out)."""
    import subprocess

    probe = code + f"\nimport sys\nprint(','.join(m for m in {modules!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def lexicon_counts(text: str, side: str | None = None) -> dict[str, float]:
    """The shipped lexicon's category totals for ``text`` said by ``side`` (``Lexicon.count``'s second value)."""
    from narrative.lexicons import load_lexicon

    return load_lexicon().count(text, side)[1]


def lexicon_categories(text: str, side: str) -> set[str]:
    """The frame categories the shipped lexicon gives ``text`` said by ``side`` (the recall tests' one reading)."""
    return {c for c, v in lexicon_counts(text, side).items() if v > 0}


def attributed_claims(text: str):
    """The claims of one composed news text that are not its publisher's own voice, numbered from 0."""
    import pandas as pd

    from narrative.claims import extract_claims

    docs = pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]})
    claims = extract_claims(docs)
    return claims[claims["side_source"] != "publisher"].reset_index(drop=True)


def attributed_claim(text: str, cue: str):
    """The first attributed claim of ``text`` whose cue is ``cue``."""
    claims = attributed_claims(text)
    return claims[claims["cue"] == cue].iloc[0]
