"""Coding sheets: a random sample of a claims table for hand coding, and reading a coded one back.

A sheet (:data:`SHEET`) has one row per sampled claim: what a coder needs (the claim's sentence
with ``[S …]`` speaker, ``[C …]`` cue and ``[Q …]`` content marked, the tool's speaker, side,
frames and distancing) and four empty columns to fill by ``../shared/docs/CODEBOOK.md``:

- ``gold_is_claim``: 1 if the row is a claim (someone asserts something), 0 if not;
- ``gold_side``: ``kremlin``, ``ukraine`` or ``other`` (codebook §1);
- ``gold_frames``: ``;``-joined categories (codebook §2–3), empty = no frame;
- ``gold_distanced``: 1 if the reporter distances itself from the claim (codebook H1), else 0.

A column left empty everywhere is a dimension not coded. ``stratum`` (``all`` or
``side=kremlin``) and ``inclusion_probability`` (``n_h / N_h``) record the design;
``population`` the rows it was drawn from (:class:`Population`), so an estimate uses the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputError

#: a coding sheet's columns, in order
SHEET = ("claim_id", "doc_id", "population", "stratum", "inclusion_probability", "sentence", "speaker", "actor",
         "cue", "quote_type", "side", "frames", "distanced",
         "gold_is_claim", "gold_side", "gold_frames", "gold_distanced")
#: the columns a coder fills
GOLD = ("gold_is_claim", "gold_side", "gold_frames", "gold_distanced")
#: the codebook's sides (§1)
SIDES = ("kremlin", "ukraine", "other")
#: the claims columns the estimates read
NEEDED = ("doc_id", "claim_id", "side", "quote_type", "cue_stance", "hedges", "content")


@dataclass
class SheetError(InputError):
    """A coding sheet that cannot be used: names the sheet, its line (the CSV's line number) and the problem.

    >>> print(SheetError("sheet.csv", 7, "gold_side 'russia' is not a codebook side"))
    sheet.csv, line 7: gold_side 'russia' is not a codebook side
    """

    unit: str = "line"


@dataclass(frozen=True)
class Population:
    """Which claims a sheet was drawn from: all, or those of some quote types and content lengths.

    >>> p = Population.parse("quote_type=self; words=6-60")
    >>> p, str(Population())
    (Population(quote_types=('self',), min_words=6, max_words=60), 'all')
    """

    quote_types: tuple[str, ...] = ()
    min_words: int | None = None
    max_words: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.quote_types:
            parts.append("quote_type=" + ",".join(self.quote_types))
        if self.min_words is not None or self.max_words is not None:
            parts.append(f"words={self.min_words or 0}-{'' if self.max_words is None else self.max_words}")
        return "; ".join(parts) or "all"

    @classmethod
    def parse(cls, text: str) -> "Population":
        text = str(text).strip()
        if text in ("", "all"):
            return cls()
        quote_types, lo, hi = (), None, None
        for part in (p.strip() for p in text.split(";")):
            key, _, value = part.partition("=")
            if key == "quote_type":
                quote_types = tuple(v for v in value.split(",") if v)
            elif key == "words":
                a, _, b = value.partition("-")
                try:
                    lo, hi = int(a) if a else None, int(b) if b else None
                except ValueError:
                    raise ValueError(f"population {text!r}: words must be MIN-MAX") from None
            else:
                raise ValueError(f"population {text!r}: unknown part {part!r} (quote_type=..., words=MIN-MAX)")
        return cls(quote_types, lo, hi)

    def select(self, claims: pd.DataFrame) -> pd.DataFrame:
        """The claims of this population (index kept)."""
        keep = pd.Series(True, index=claims.index)
        if self.quote_types:
            keep &= claims["quote_type"].isin(self.quote_types)
        if self.min_words is not None or self.max_words is not None:
            n = pd.Series([len(text.split()) for text in claims["content"].astype(str)], index=claims.index)
            keep &= n.between(self.min_words or 0, self.max_words if self.max_words is not None else np.inf)
        return claims[keep]


def read_claims(path: str | Path) -> pd.DataFrame:
    """A claims table (CSV or JSON lines, as ``narrative claims`` or a run's ``tables/claims.csv`` writes)."""
    path = Path(path)
    try:
        if path.suffix in (".jsonl", ".json"):
            claims = pd.read_json(path, lines=True, dtype=False)
            for col in claims.columns:
                if claims[col].dtype == object:
                    claims[col] = claims[col].map(lambda v: ";".join(v) if isinstance(v, list) else v)
        else:
            claims = pd.read_csv(path, keep_default_na=False, dtype={"claim_id": str, "doc_id": str})
    except FileNotFoundError:
        raise InputError(str(path), None, "no such claims file") from None
    except (UnicodeDecodeError, ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(str(path), None, f"not a claims table ({type(exc).__name__})") from None
    missing = [c for c in NEEDED if c not in claims.columns]
    if missing:
        raise InputError(str(path), None, f"not a claims table: no column {', '.join(missing)}")
    dup = claims["claim_id"].duplicated()
    if dup.any():
        raise InputError(str(path), int(np.flatnonzero(dup.to_numpy())[0]) + 2,
                         f"claim id {claims['claim_id'][dup].iloc[0]!r} appears twice")
    return claims.fillna("")


def tool_labels(claims: pd.DataFrame, *, lexicon=None) -> pd.DataFrame:
    """The tool's labels of each claim, indexed like ``claims``: ``side`` (as extracted), ``frames``
    (:func:`narrative.features.claim_frames`, the suite's scorer) and ``distanced``
    (:func:`narrative.compare.distanced`), ``attributed`` (``quote_type`` not ``self``). A ``frames``
    column already in ``claims`` (a run's ``claim_frames.csv``, scored by the same function) is used as it is."""
    from ..compare import distanced

    if "frames" in claims.columns:
        frames = claims["frames"].fillna("").astype(str)
    else:  # imported only here: the features module loads scikit-learn (~1-2 s in a fresh kernel)
        from ..features import claim_frames

        frames = claim_frames(claims, text_column="content", lexicon=lexicon)
    return pd.DataFrame({"side": claims["side"].astype(str),
                         "frames": frames,
                         "distanced": distanced(claims).astype(int),
                         "attributed": (claims["quote_type"] != "self").astype(int)}, index=claims.index)


def _allocate(sizes: pd.Series, n: int) -> dict:
    """``n`` rows over strata: equal shares, capped by each stratum's size, the rest passed on."""
    left, alloc = n, {k: 0 for k in sizes.index}
    open_ = sorted(sizes.index, key=str)
    while left > 0 and open_:
        share, extra = divmod(left, len(open_))
        for i, k in enumerate(list(open_)):
            take = min(share + (i < extra), int(sizes[k]) - alloc[k])
            alloc[k] += take
            left -= take
        open_ = [k for k in open_ if alloc[k] < sizes[k]]
    return alloc


def _offset(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def sentence_pieces(claim, text: str | None = None) -> list[tuple[str, str]]:
    """The claim's sentence as (kind, text) pieces, kind ``S`` speaker, ``C`` cue, ``Q`` content or
    ``""`` plain: cut from the document ``text`` between the spans when given, else the spans alone.

    >>> c = {"speaker": "Peskov", "speaker_start": 0, "speaker_end": 6, "cue": "said", "cue_start": 7,
    ...      "cue_end": 11, "content": "talks stalled", "content_start": 17, "content_end": 30}
    >>> sentence_pieces(c, "Peskov said that talks stalled.")
    [('S', 'Peskov'), ('', ' '), ('C', 'said'), ('', ' that '), ('Q', 'talks stalled')]
    """
    spans = []
    for kind, name in (("S", "speaker"), ("C", "cue"), ("Q", "content")):
        start, end = _offset(claim.get(f"{name}_start")), _offset(claim.get(f"{name}_end"))
        if str(claim.get(name, "")) and start >= 0:
            spans.append((start, end, kind, str(claim[name])))
    spans.sort()
    pieces, at = [], None
    for start, end, kind, value in spans:
        if at is not None and start > at:
            pieces.append(("", text[at:start] if text is not None else " … "))
        pieces.append((kind, text[start:end] if text is not None else value))
        at = max(end, at or 0)
    return pieces


def mark(pieces: list[tuple[str, str]]) -> str:
    """The pieces as one line with ``[S …]``, ``[C …]``, ``[Q …]`` marks (content of a self claim stays plain)."""
    kinds = {k for k, _ in pieces if k}
    if kinds == {"Q"}:
        return "".join(v for _, v in pieces)
    return "".join(f"[{k} {v}]" if k else v for k, v in pieces)


def draw_sample(claims: pd.DataFrame, n: int, *, seed: int = 0, strata: str | None = None,
                population: Population = Population(), texts: dict | None = None, lexicon=None) -> pd.DataFrame:
    """A seeded random sample of ``n`` claims of ``population`` as a coding sheet (:data:`SHEET`).

    With ``strata`` (a claims column, e.g. ``side``) the rows are split equally over its values
    (a stratum smaller than its share gives all its rows, the rest go to the others), so small
    sides are coded often enough; each row's ``inclusion_probability`` is ``n_h / N_h``.
    ``texts``: document text by doc_id, to cut each claim's sentence from.
    """
    pool = population.select(claims)
    if strata is not None and strata not in pool.columns:
        raise InputError(strata, None, f"--strata: the claims have no column {strata!r}")
    keys = pool[strata].astype(str) if strata else pd.Series("all", index=pool.index)
    sizes = keys.value_counts()
    alloc = _allocate(sizes, min(n, len(pool))) if strata else {"all": min(n, len(pool))}
    rng = np.random.default_rng(seed)
    picked = []
    for key in sorted(alloc, key=str):
        rows = np.flatnonzero((keys == key).to_numpy())
        picked.extend(pool.index[rng.choice(rows, size=alloc[key], replace=False)])
    sample = claims.loc[picked].copy()
    key_of = keys.loc[picked]
    labels = tool_labels(sample, lexicon=lexicon)
    prob = key_of.map(lambda k: alloc[k] / sizes[k])
    sheet = pd.DataFrame({
        "claim_id": sample["claim_id"], "doc_id": sample["doc_id"], "population": str(population),
        "stratum": key_of.map(lambda k: k if k == "all" else f"{strata}={k}"),
        "inclusion_probability": prob.round(8),
        "sentence": [mark(sentence_pieces(c, (texts or {}).get(c["doc_id"]))) for c in sample.to_dict("records")],
        "speaker": sample.get("speaker", ""), "actor": sample.get("actor", ""), "cue": sample.get("cue", ""),
        "quote_type": sample["quote_type"], "side": labels["side"], "frames": labels["frames"],
        "distanced": labels["distanced"], **{g: "" for g in GOLD}})
    order = np.random.default_rng(seed + 1).permutation(len(sheet))  # shuffled: coders do not see the strata in blocks
    return sheet.iloc[order].reset_index(drop=True)[list(SHEET)]


def read_sheet(path: str | Path, categories) -> pd.DataFrame:
    """A coded sheet, checked: every gold value inside the codebook, no claim twice. Errors name the
    sheet's line (:class:`SheetError`). Gold columns come back as float (NaN = not coded) for
    ``gold_is_claim``/``gold_distanced``, text for ``gold_side``, a ``;``-joined string for
    ``gold_frames`` (``None`` = not coded: the row has no gold cell filled, or the sheet codes no frames)."""
    path = Path(path)
    try:
        sheet = pd.read_csv(path, keep_default_na=False, dtype=str)
    except FileNotFoundError:
        raise SheetError(str(path), None, "no such sheet") from None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SheetError(str(path), None, f"not a CSV sheet ({type(exc).__name__})") from None
    if "claim_id" not in sheet.columns:
        raise SheetError(str(path), None, "no claim_id column")
    if not any(g in sheet.columns for g in GOLD):
        raise SheetError(str(path), None, f"no gold column ({', '.join(GOLD)})")
    for g in GOLD:
        if g not in sheet.columns:
            sheet[g] = ""
    for col, default in (("stratum", "all"), ("population", "all"), ("inclusion_probability", "")):
        if col not in sheet.columns:
            sheet[col] = default
    cats = set(categories)
    seen: dict[str, int] = {}
    for i, row in enumerate(sheet.itertuples(index=False), start=2):
        cid = row.claim_id.strip()
        if not cid:
            raise SheetError(str(path), i, "empty claim_id")
        if cid in seen:
            raise SheetError(str(path), i, f"claim {cid!r} is coded twice (also line {seen[cid]})")
        seen[cid] = i
        for col in ("gold_is_claim", "gold_distanced"):
            if getattr(row, col).strip() not in ("", "0", "1"):
                raise SheetError(str(path), i, f"{col} must be 1, 0 or empty, got {getattr(row, col)!r}")
        if row.gold_side.strip() not in ("",) + SIDES:
            raise SheetError(str(path), i, f"gold_side {row.gold_side!r} is not a codebook side ({', '.join(SIDES)})")
        bad = sorted({f.strip() for f in row.gold_frames.split(";") if f.strip()} - cats)
        if bad:
            raise SheetError(str(path), i, f"gold_frames {', '.join(bad)} not in the codebook ({', '.join(categories)})")
        if row.inclusion_probability.strip():
            try:
                p = float(row.inclusion_probability)
            except ValueError:
                p = -1.0
            if not 0 < p <= 1:
                raise SheetError(str(path), i, f"inclusion_probability must be in (0, 1], got {row.inclusion_probability!r}")
    pops = sheet["population"].str.strip().replace("", "all").unique()
    if len(pops) > 1:
        raise SheetError(str(path), None, f"rows from different populations: {', '.join(pops)}")
    try:
        Population.parse(pops[0])
    except ValueError as exc:
        raise SheetError(str(path), 2, str(exc)) from None
    out = sheet.copy()
    out["claim_id"] = out["claim_id"].str.strip()
    out["stratum"] = out["stratum"].str.strip().replace("", "all")
    for col in ("gold_is_claim", "gold_distanced"):
        out[col] = pd.to_numeric(out[col].str.strip().replace("", np.nan))
    out["gold_side"] = out["gold_side"].str.strip()
    # a row is coded when any of its gold cells is filled; there an empty gold_frames means "no frame",
    # unless gold_frames is empty on every row of the sheet (frames not coded at all)
    touched = (sheet[list(GOLD)].apply(lambda c: c.str.strip() != "")).any(axis=1)
    frames_coded = (out["gold_frames"].str.strip() != "").any()
    out["gold_frames"] = [";".join(f.strip() for f in v.split(";") if f.strip()) if frames_coded and t else None
                          for v, t in zip(out["gold_frames"], touched)]
    return out
