"""Places named in a text: settlements and regions of Ukraine and Russia, in their spelling variants.

The gazetteer ``narrative/data/places.tsv`` (built by :mod:`narrative.tools.places` from GeoNames,
CC BY 4.0, plus curated front-line towns, spellings and oblasts) maps every spelling to one place.
Matching is a token index (first token → the spellings that start with it, longest first), over the
project's tokens (:func:`narrative.segment.words`), so a claim costs one dictionary look-up per
capitalised token. Rules against false places (words in ``thread_words.csv``):

- a spelling matches capitalised only ("Lyman", never "lyman");
- no place after a title ("Mr Lyman") or before a speech verb ("Kyiv said", "Moscow denies");
- a capital whose name stands for its government (``metonym`` 1: Kyiv, Moscow) is a place only after
  a locative preposition ("strikes on Kyiv", "talks in Moscow").

Examples
--------
>>> g = Gazetteer.load()
>>> [(m.place.name, m.text) for m in g.find("Russia said it took Pokrowsk and Chasiv Yar near Bakhmut.")]
[('Pokrovsk', 'Pokrowsk'), ('Chasiv Yar', 'Chasiv Yar'), ('Bakhmut', 'Bakhmut')]
>>> [m.place.name for m in g.find("Kyiv said the strikes on Kiev and the Donetsk region went on.")]
['Kyiv', 'Donetsk Oblast']
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .infra.datafiles import data_path, data_text
from .segment import TOKEN_RE

#: columns of ``places.tsv`` (see :mod:`narrative.tools.places`)
PLACE_COLUMNS = ("place_id", "name", "level", "country", "admin1", "population", "metonym", "variants", "source",
                 "licence")
LEVELS = ("settlement", "region")


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    level: str
    country: str
    admin1: str
    population: int
    metonym: bool


class Mention(NamedTuple):
    """One place named in a text; ``start``/``end`` index that text."""
    place: Place
    start: int
    end: int
    text: str


def _strip_possessive(token: str) -> str:
    for tail in ("'s", "’s"):
        if token.endswith(tail):
            return token[:-2]
    return token


def thread_words(kind: str) -> tuple[str, ...]:
    """The phrases of one kind in ``thread_words.csv`` (title, speaks, locative, capture, hold, ...)."""
    return _thread_words().get(kind, ())


@lru_cache(maxsize=1)
def _thread_words() -> dict[str, tuple[str, ...]]:
    text = "\n".join(ln for ln in data_text("thread_words.csv").splitlines() if ln and not ln.startswith("#"))
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        out.setdefault(row["kind"], []).append(row["phrase"])
    return {k: tuple(v) for k, v in out.items()}


class Gazetteer:
    """Spellings → places, with a first-token index. ``Gazetteer.load()`` reads the shipped file."""

    def __init__(self, rows):
        self.places: dict[str, Place] = {}
        index: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
        for row in rows:
            place = Place(row["place_id"], row["name"], row["level"], row["country"], row["admin1"],
                          int(row["population"] or 0), row["metonym"] in ("1", 1, True))
            self.places[place.place_id] = place
            for spelling in row["variants"].split("|"):
                tokens = tuple(TOKEN_RE.findall(spelling))
                if tokens:
                    index.setdefault(tokens[0], []).append((tokens, place))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = index
        self._titles = frozenset(thread_words("title"))
        self._speaks = frozenset(thread_words("speaks"))
        self._locative = frozenset(thread_words("locative"))

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """The gazetteer in ``path`` (a places.tsv), default the shipped one (read once)."""
        return _load(str(path) if path else None)

    def find(self, text: str) -> list[Mention]:
        """The places named in ``text``, in order (regions as "<name> region|oblast", Crimea, Donbas)."""
        if not text:
            return []
        spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
        out: list[Mention] = []
        index, n, k = self._index, len(spans), 0
        while k < n:
            token = spans[k][2]
            if not token[0].isupper():
                k += 1
                continue
            entries = index.get(token) or index.get(_strip_possessive(token))
            hit = None
            for tokens, place in entries or ():
                width = len(tokens)
                if k + width > n:
                    continue
                if width == 1 or all(spans[k + j][2] == tokens[j] or j == width - 1
                                     and _strip_possessive(spans[k + j][2]) == tokens[j] for j in range(1, width)):
                    hit = (width, place)
                    break
            if hit is None:
                k += 1
                continue
            width, place = hit
            before = spans[k - 1][2].lower().rstrip(".") if k else ""
            after = spans[k + width][2].lower() if k + width < n else ""
            possessive = spans[k + width - 1][2] != _strip_possessive(spans[k + width - 1][2])
            person = before in self._titles
            speaker = after in self._speaks
            government = place.metonym and (before not in self._locative or possessive)
            if not (person or speaker or government):
                a, b = spans[k][0], spans[k + width - 1][1]
                out.append(Mention(place, a, b, text[a:b]))
            k += width
        return out

    def anchor(self, text: str) -> Mention | None:
        """The place a text is about: its first settlement, else its first region, else None.

        >>> Gazetteer.load().anchor("Fighting in the Donetsk region near Avdiivka").place.name
        'Avdiyivka'
        """
        found = self.find(text)
        for mention in found:
            if mention.place.level == "settlement":
                return mention
        return found[0] if found else None


@lru_cache(maxsize=4)
def _load(path: str | None) -> Gazetteer:
    file = Path(path) if path else data_path("places.tsv")
    lines = [ln for ln in file.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return Gazetteer(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
