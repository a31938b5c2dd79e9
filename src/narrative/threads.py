"""Claim threads: the claims about one event, as each side tells it.

An event is anchored by a place (:mod:`narrative.places`), a window of days and the claims' content:

1. **Place.** A claim's place is the first settlement (else region) named in its content, else in its
   sentence (the claim's span widened to the sentence around it).
2. **Days.** Claims of one place are taken in date order; a claim joins the place's open thread when
   its day is at most ``days`` after the thread's first day, else it opens a new one. Dates come from
   the documents' ``date``, else from a date at the start of the ``doc_id`` (``20220125T090000Z_…``
   names). A document without a date keeps its threads to itself, and so do claims anchored by a
   broad place (a region, Crimea, Donbas, or a capital: Kyiv, Moscow), which news names as a topic or a
   government more often than as where something happened.
3. **Content.** A claim that names no place, in its content or sentence, joins the thread of the most
   similar of the placed claims near it in its document (:data:`NEARBY` claims either side) when the
   cosine of their word sets (the project's tokens, stop words left out) is at least ``similarity``;
   a talks report beside a battle report joins none.

A thread needs ``min_claims`` claims (default 2). The reporter's own sentences (side ``journalist``)
are not claims of a side and join no thread. Grouping is linear in the claims (one sort, one pass).

In each thread, the **relation** between sides ``a`` and ``b`` is named where it is plain: ``capture
vs hold`` when one side's claim reports a capture and the other's a holding or a denial, ``strike vs
casualties`` when one side reports a strike and the other casualties (acts: ``thread_words.csv``
and the frames of :func:`narrative.features.claim_frames`). Each claim keeps its frames and the
reporter's distancing (:func:`narrative.compare.distanced`).

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["d1", "d2"], "date": ["2025-12-01", "2025-12-02"], "text": ["", ""]})
>>> claims = pd.DataFrame({
...     "doc_id": ["d1", "d2"], "claim_id": ["d1:0", "d2:0"], "speaker": ["the ministry", "the army"],
...     "side": ["kremlin", "ukraine"], "quote_type": ["indirect", "indirect"],
...     "cue_stance": ["distancing", "neutral"], "hedges": [[], []],
...     "content": ["its troops had captured Pokrovsk", "its forces continue to deter enemy attacks in Pokrowsk"],
...     "content_start": [0, 0], "content_end": [0, 0]})
>>> t = threads(claims, docs)
>>> t[["thread_id", "place", "side", "act", "relation", "distanced"]].values.tolist()
[['t00001', 'Pokrovsk', 'kremlin', 'capture', 'capture vs hold', True], ['t00001', 'Pokrovsk', 'ukraine', 'hold', 'capture vs hold', False]]
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .analyzer import words as words_of
from .places import Gazetteer, thread_words
from .schema import THREADS
from .segment import words

#: the reporter's side (its own sentences are not a side's claims)
REPORTER = "journalist"
ACTS = ("capture", "hold", "deny", "strike", "casualty")
#: (act of one side, acts of the other) → relation name
RELATIONS = (("capture", ("hold", "deny"), "capture vs hold"), ("strike", ("casualty",), "strike vs casualties"))
#: the frames that also mark an act (lexicon categories of ``narrative.lexicons``)
FRAME_ACTS = {"resistance": "hold", "casualties": "casualty"}
#: how many claims before and after a claim naming no place are looked at for a similar placed one
NEARBY = 5
_LEADING_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]*\s|\n")
_EPOCH = pd.Timestamp("1970-01-01", tz="UTC")


def document_days(documents: pd.DataFrame) -> pd.Series:
    """Day number (days since 1970-01-01, UTC) of each document, indexed by ``doc_id``; NaN when undated.

    >>> d = pd.DataFrame({"doc_id": ["20220125T090000Z_GB_en_7d", "b", "c"], "date": ["", "2022-02-01", ""]})
    >>> document_days(d).tolist()[:2], bool(np.isnan(document_days(d).iloc[2]))
    ([19017.0, 19024.0], True)
    """
    ids = documents["doc_id"].astype(str).reset_index(drop=True)
    dates = documents["date"] if "date" in documents.columns else pd.Series([""] * len(documents))
    text = dates.fillna("").astype(str).reset_index(drop=True)
    lead = ids.str.extract(_LEADING_DATE)
    named = lead[0].notna() & lead[1].astype(float).between(1, 12) & lead[2].astype(float).between(1, 31)
    text = text.where(text != "", (lead[0] + "-" + lead[1] + "-" + lead[2]).where(named, ""))
    when = pd.to_datetime(text.where(text != "", None), utc=True, errors="coerce", format="mixed")
    days = ((when - _EPOCH).dt.days).astype("float64")
    return pd.Series(days.to_numpy(), index=ids.to_numpy(), name="day")


def _sentence(text: str, start: int, end: int) -> str:
    """The claim's span widened to the sentence(s) around it."""
    if not text:
        return ""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    m = _SENTENCE_END.search(text, max(end - 1, 0))
    return text[a + 1:m.end() if m else len(text)]


def _bag(text: str, stop: frozenset) -> set:
    """The claim's distinct words (:func:`narrative.analyzer.words`), stop words out."""
    return set(words_of(text)) - stop


def _acts(tokens: list[str]) -> set[str]:
    found = set()
    joined = " " + " ".join(tokens) + " "
    for act in ACTS:
        if any(f" {phrase} " in joined for phrase in thread_words(act)):
            found.add(act)
    return found


def assign(claims: pd.DataFrame, documents: pd.DataFrame, *, days: int = 2, similarity: float = 0.2,
           min_claims: int = 2, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """The grouping alone: one row per threaded claim with ``thread_id, place_id, place, day, anchor``
    (``anchor``: where the place came from: ``content``, ``sentence`` or ``similar``), indexed like
    ``claims``. :func:`threads` adds the rest."""
    from .analyzer import english_stopwords

    gaz = gazetteer or Gazetteer.load()
    day_of = document_days(documents)
    texts = dict(zip(documents["doc_id"].astype(str), documents["text"])) if "text" in documents.columns else {}
    keep = claims["side"].astype(str) != REPORTER
    rows = claims[keep]
    doc_ids = rows["doc_id"].astype(str).to_numpy()
    places: list[str | None] = []
    anchors: list[str] = []
    contents = rows["content"].fillna("").astype(str).tolist()
    own = (rows["quote_type"] == "self").tolist() if "quote_type" in rows.columns else [False] * len(rows)
    for doc, content, a, b, whole in zip(doc_ids, contents, rows["content_start"].tolist(),
                                         rows["content_end"].tolist(), own):
        m = gaz.anchor(content)
        where = "content"
        if m is None and not whole:  # a document's own sentence is its whole content
            m = gaz.anchor(_sentence(texts.get(doc, ""), int(a), int(b)))
            where = "sentence"
        places.append(m.place.place_id if m else None)
        anchors.append(where if m else "")
    # claims without a place: the most similar of the nearby placed claims of the same document
    stop = english_stopwords()
    bags: dict[int, set] = {}
    n = len(places)
    with_place = {doc_ids[i] for i in range(n) if places[i] is not None}
    for i in range(n):
        if places[i] is not None or doc_ids[i] not in with_place:
            continue
        near = [j for j in range(max(0, i - NEARBY), min(n, i + NEARBY + 1))
                if places[j] is not None and anchors[j] != "similar" and doc_ids[j] == doc_ids[i]]
        if not near:
            continue
        mine = bags[i] = bags.get(i) or _bag(contents[i], stop)
        best, score = None, similarity
        for j in near:
            other = bags[j] = bags.get(j) or _bag(contents[j], stop)
            if mine and other:
                s = len(mine & other) / math.sqrt(len(mine) * len(other))
                if s >= score:
                    best, score = j, s
        if best is not None:
            places[i], anchors[i] = places[best], "similar"
    # one sort by (place, dated?, day or document, position), one pass
    day_map = dict(zip(day_of.index, day_of.to_numpy()))
    day = np.array([day_map.get(d, np.nan) for d in doc_ids], dtype="float64")
    # an undated claim, or one anchored by a broad place, groups within its document only
    local = [math.isnan(day[i]) or places[i] is not None and _broad(gaz.places[places[i]]) for i in range(len(rows))]
    order = sorted((i for i in range(len(rows)) if places[i] is not None),
                   key=lambda i: (places[i], local[i], doc_ids[i] if local[i] else "",
                                  0 if math.isnan(day[i]) else day[i], i))
    group = np.full(len(rows), -1)
    groups: list[list[int]] = []
    open_key, open_start = None, None
    for i in order:
        key = (places[i], doc_ids[i]) if local[i] else (places[i], None)
        if key != open_key or (key[1] is None and day[i] - open_start > days):
            groups.append([])
            open_key, open_start = key, day[i]
        groups[-1].append(i)
        group[i] = len(groups) - 1
    kept = [g for g in groups if len(g) >= min_claims]
    kept.sort(key=lambda g: (min(day[i] for i in g) if not math.isnan(day[g[0]]) else math.inf,
                             gaz.places[places[g[0]]].name, doc_ids[g[0]], g[0]))
    out_index, tids = [], []
    for n, g in enumerate(kept, start=1):
        for i in sorted(g, key=lambda i: (0 if math.isnan(day[i]) else day[i], i)):
            out_index.append(i)
            tids.append(f"t{n:05d}")
    pick = np.array(out_index, dtype=int)
    return pd.DataFrame({"thread_id": tids, "place_id": [places[i] for i in pick],
                         "place": [gaz.places[places[i]].name for i in pick], "day": day[pick] if len(pick) else [],
                         "anchor": [anchors[i] for i in pick]}, index=rows.index[pick])


def _broad(place) -> bool:
    """A region (an oblast, Crimea, Donbas) or a capital: named as a topic or a government more often than
    as where an event happened, so it anchors a thread within one document only."""
    return place.level == "region" or place.metonym


def _date(day: float) -> str:
    return "" if math.isnan(day) else (_EPOCH + pd.Timedelta(days=day)).strftime("%Y-%m-%d")


def threads(claims: pd.DataFrame, documents: pd.DataFrame, *, a: str = "kremlin", b: str = "ukraine",
            days: int = 2, similarity: float = 0.2, min_claims: int = 2,
            gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Claims grouped into threads (:data:`narrative.schema.THREADS`), one row per threaded claim, threads
    in order of their first day, claims in date and document order. ``a``/``b``: the compared sides
    (``two_sided``: the thread has claims of both; ``relation``: the plain relation between them)."""
    from .compare import distanced
    from .features import claim_frames

    g = assign(claims, documents, days=days, similarity=similarity, min_claims=min_claims, gazetteer=gazetteer)
    rows = claims.loc[g.index]
    frames = claim_frames(rows) if len(rows) else pd.Series([], dtype=object)
    table = pd.DataFrame({
        "thread_id": g["thread_id"], "place": g["place"], "place_id": g["place_id"],
        "claim_id": rows["claim_id"], "doc_id": rows["doc_id"], "date": [_date(d) for d in g["day"]],
        "side": rows["side"].astype(str), "speaker": rows["speaker"], "content": rows["content"],
        "content_start": rows["content_start"], "content_end": rows["content_end"], "frames": frames,
        "distanced": distanced(rows) if len(rows) else pd.Series([], dtype=bool),
        "anchor": g["anchor"]}, index=g.index)
    acts = []
    for content, fr in zip(table["content"].fillna("").astype(str), table["frames"]):
        found = _acts(words(content.lower()))
        found |= {FRAME_ACTS[f] for f in str(fr).split(";") if f in FRAME_ACTS}
        acts.append(";".join(x for x in ACTS if x in found))
    table["act"] = acts
    span = table.groupby("thread_id", sort=False)["date"].agg(["min", "max"])
    table["start_date"] = table["thread_id"].map(span["min"])
    table["end_date"] = table["thread_id"].map(span["max"])
    sides = table.groupby("thread_id", sort=False)["side"].agg(set)
    table["two_sided"] = table["thread_id"].map(sides.map(lambda s: a in s and b in s)).astype(bool)
    table["relation"] = table["thread_id"].map(_relations(table, a, b)).fillna("")
    return table.reset_index(drop=True)[list(THREADS)]


def _relations(table: pd.DataFrame, a: str, b: str) -> pd.Series:
    """Per thread: the plain relations between side a's and side b's acts (``;``-joined)."""
    acts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for tid, side, act in zip(table["thread_id"], table["side"], table["act"]):
        if side in (a, b) and act:
            acts[(tid, side)].update(act.split(";"))
    out = {}
    for tid in dict.fromkeys(table["thread_id"]):
        one, other = acts.get((tid, a), set()), acts.get((tid, b), set())
        found = [name for act, against, name in RELATIONS
                 if act in one and other & set(against) or act in other and one & set(against)]
        out[tid] = ";".join(found)
    return pd.Series(out, dtype=object)


def two_sided_counts(table: pd.DataFrame, claims: pd.DataFrame, *, a: str = "kremlin",
                     b: str = "ukraine") -> pd.DataFrame:
    """Per side a and b: its claims, how many belong to a thread, and to a two-sided thread.

    >>> t = pd.DataFrame({"claim_id": ["1", "2"], "side": ["kremlin", "ukraine"], "two_sided": [True, True]})
    >>> c = pd.DataFrame({"claim_id": ["1", "2", "3"], "side": ["kremlin", "ukraine", "ukraine"]})
    >>> two_sided_counts(t, c).values.tolist()
    [['kremlin', 1, 1, 1, 1.0], ['ukraine', 2, 1, 1, 0.5]]
    """
    rows = []
    for side in (a, b):
        mine = table[table["side"] == side]
        n = int((claims["side"] == side).sum())
        two = int(mine["two_sided"].sum())
        rows.append([side, n, len(mine), two, two / n if n else float("nan")])
    return pd.DataFrame(rows, columns=["side", "claims", "in_thread", "in_two_sided", "share_two_sided"])


def side_by_side(table: pd.DataFrame, *, a: str = "kremlin", b: str = "ukraine") -> pd.DataFrame:
    """The two-sided threads, largest first, one row per thread: ``thread_id, place, start_date, end_date,
    relation, claims_a, claims_b, a, b``; ``a``/``b`` hold one line per claim of that side:
    ``speaker: content [frames] (distanced)``.

    >>> t = pd.DataFrame({"thread_id": ["t1", "t1"], "place": ["Pokrovsk"] * 2, "start_date": ["2025-12-01"] * 2,
    ...                   "end_date": ["2025-12-01"] * 2, "relation": ["capture vs hold"] * 2, "two_sided": [True] * 2,
    ...                   "side": ["kremlin", "ukraine"], "speaker": ["Peskov", "the army"],
    ...                   "content": ["troops took the town", "we hold the town"], "frames": ["achievement", ""],
    ...                   "distanced": [True, False]})
    >>> side_by_side(t)[["a", "b"]].values.tolist()
    [['Peskov: troops took the town [achievement] (distanced)', 'the army: we hold the town']]
    """
    columns = ["thread_id", "place", "start_date", "end_date", "relation", "claims_a", "claims_b", "a", "b"]
    two = table[table["two_sided"].astype(bool)]
    if two.empty:
        return pd.DataFrame(columns=columns)

    def line(r) -> str:
        frames = f" [{r.frames.replace(';', ', ')}]" if isinstance(r.frames, str) and r.frames else ""
        who = r.speaker if isinstance(r.speaker, str) and r.speaker else "(own voice)"
        return f"{who}: {r.content}{frames}{' (distanced)' if bool(r.distanced) else ''}"

    rows = []
    for tid, part in two.groupby("thread_id", sort=False):
        first = part.iloc[0]
        mine = {s: [line(r) for r in part[part["side"] == s].itertuples()] for s in (a, b)}
        rows.append([tid, first["place"], first["start_date"], first["end_date"], first["relation"],
                     len(mine[a]), len(mine[b]), "\n".join(mine[a]), "\n".join(mine[b])])
    out = pd.DataFrame(rows, columns=columns)
    out["_n"] = out["claims_a"] + out["claims_b"]
    return out.sort_values(["_n", "thread_id"], ascending=[False, True], kind="stable").drop(columns="_n") \
        .reset_index(drop=True)
