"""Places named in a text: settlements and regions of Ukraine and Russia, in their spelling variants.

The gazetteer ``narrative/data/places.tsv`` (built by :mod:`narrative.tools.places` from GeoNames,
CC BY 4.0, plus curated front-line towns, spellings and oblasts) maps every spelling to one place.
Matching is a token index (first token → the spellings that start with it, longest first), over the
project's tokens (:func:`narrative.segment.words`), so a claim costs one dictionary look-up per
capitalised token. Rules against false places (words in ``thread_words.csv``):

- a spelling matches capitalised only ("Lyman", never "lyman");
- no place after a title ("Mr Lyman") or before a speech verb ("Kyiv said", "Moscow denies");
- a one-word place beside another capitalised word is part of a name ("Oleksiy Danilov", "Kyiv
  Independent"), unless that word is a stop word ("In Bakhmut") or a side's adjective ("Russian-held");
- a capital whose name stands for its government (``metonym`` 1: Kyiv, Moscow) is a place only after
  a locative preposition ("strikes on Kyiv", "talks in Moscow").

Examples
--------
>>> g = Gazetteer.load()
>>> [(m.place.name, m.text) for m in g.find("Russia said it took Pokrowsk and Chasiv Yar near Bakhmut.")]
[('Pokrovsk', 'Pokrowsk'), ('Chasiv Yar', 'Chasiv Yar'), ('Bakhmut', 'Bakhmut')]
>>> [m.place.name for m in g.find("Kyiv said the strikes on Kiev and the Donetsk region went on.")]
['Kyiv', 'Donetsk Oblast']

The side a place gives a speaker ("a Kharkiv official": ``ukraine``) is its country's, from
``narrative/data/countries.tsv`` (GeoNames countries and their side); a place in a region that file lists as
contested (Ukraine's under occupation since 2014) gives none by itself (:func:`place_sides`):

>>> sides = place_sides()
>>> sides["kharkiv"], sides["belgorod"], sides["donetsk"], sides["poland"]
(('ukraine', False), ('kremlin', False), ('ukraine', True), ('other', False))
"""
from __future__ import annotations

import csv
import io
import re
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
#: columns of ``countries.tsv`` (see :mod:`narrative.tools.places`)
COUNTRY_COLUMNS = ("country", "name", "side", "population", "contested", "geonameid", "source", "licence")
#: the words after a region's base spelling in its variants ("Kharkiv region", "Volyn Oblast")
REGION_SUFFIXES = ("region", "Region", "oblast", "Oblast", "province", "Province")


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


_CAPITAL = re.compile(r"(?<![\w'’-])[A-ZÀ-ÞĀ-ſ]\w*(?:[-'’]\w+)*")
_POSSESSIVE = ("'s", "’s")


@lru_cache(maxsize=65536)
def _at_word(token: str) -> re.Pattern:
    return re.compile(r"(?<![\w'’-])" + re.escape(token) + r"(?![\w])")
_SPACE = re.compile(r"\s*")


def _match_rest(text: str, at: int, tokens: tuple[str, ...]) -> int | None:
    """The end of ``tokens[1:]`` matched token by token from ``at`` (the last may carry a possessive)."""
    for j, want in enumerate(tokens[1:], start=2):
        at = _SPACE.match(text, at).end()
        m = TOKEN_RE.match(text, at)
        if m is None:
            return None
        got = m.group()
        if got != want and not (j == len(tokens) and _strip_possessive(got) == want):
            return None
        at = m.end()
    return at


def _token_before(text: str, at: int) -> str:
    found = TOKEN_RE.findall(text[max(0, at - 40):at])
    return found[-1] if found else ""


def _token_after(text: str, at: int) -> str:
    m = TOKEN_RE.search(text, at, at + 40)
    return m.group() if m else ""


def _strip_possessive(token: str) -> str:
    for tail in ("'s", "’s"):
        if token.endswith(tail):
            return token[:-2]
    return token


def _name_word(token: str) -> bool:
    """A capitalised word that is not a stop word, a side's adjective ("Russian-held") or a region word."""
    if not token or not token[0].isupper() or not token.isalpha() and "-" not in token:
        return False
    low = token.lower()
    return not (low in _stop_words() or low.split("-")[0] in thread_words("adjective"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from .analyzer import english_stopwords

    return english_stopwords()


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
        self._spellings: dict[str, tuple[str, ...]] = {}
        self._variants: list[tuple[str, Place]] = []  # (variants as written, place), for the index
        for row in rows:
            place = Place(row["place_id"], row["name"], row["level"], row["country"], row["admin1"],
                          int(row["population"] or 0), row["metonym"] in ("1", 1, True))
            self.places[place.place_id] = place
            self._spellings[place.place_id] = tuple(filter(None, row["variants"].split("|")))
            self._variants.append((row["variants"], place))
        self._first: dict[str, list[tuple[tuple[str, ...], Place]]] | None = None
        self._titles = frozenset(thread_words("title"))
        self._speaks = frozenset(thread_words("speaks"))
        self._locative = frozenset(thread_words("locative"))

    @property
    def _index(self) -> dict[str, list[tuple[tuple[str, ...], Place]]]:
        """First token -> ``(tokens, place)`` of every spelling starting with it, longest first; built on the
        first :meth:`find` (claim extraction reads only the places and their spellings: :func:`place_sides`)."""
        if self._first is None:
            index: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
            for variants, place in self._variants:
                for spelling in variants.split("|"):
                    tokens = tuple(TOKEN_RE.findall(spelling))
                    if tokens:
                        index.setdefault(tokens[0], []).append((tokens, place))
            for entries in index.values():
                entries.sort(key=lambda e: -len(e[0]))
            self._first = index
        return self._first

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """The gazetteer in ``path`` (a places.tsv), default the shipped one (read once)."""
        return _load(str(path) if path else None)

    def spellings(self, place_id: str) -> tuple[str, ...]:
        """The spellings of one place, as written in the gazetteer."""
        return self._spellings.get(place_id, ())

    def find(self, text: str) -> list[Mention]:
        """The places named in ``text``, in order (regions as "<name> region|oblast", Crimea, Donbas)."""
        out: list[Mention] = []
        if not text:
            return out
        index, pos = self._index, 0
        # only a capitalised word can start a spelling: one C-level scan, then a set look-up per word
        for token in [t for t in _CAPITAL.findall(text) if t in index or t[-2:] in _POSSESSIVE and t[:-2] in index]:
            if not token[0].isupper():
                continue
            entries = index.get(token) or index.get(token[:-2])
            m = _at_word(token).search(text, pos)
            if m is None:
                continue
            a = m.start()
            second = None  # the word after the first, read once: most multi-word spellings fail on it
            for tokens, place in entries:
                if len(tokens) > 1:
                    if second is None:
                        second = _token_after(text, a + len(tokens[0]))
                    if tokens[1] != second and (len(tokens) > 2 or _strip_possessive(second) != tokens[1]):
                        continue
                b = _match_rest(text, a + len(tokens[0]), tokens)
                if b is not None:
                    break
            else:
                continue
            width = len(tokens)
            prev, nxt = _token_before(text, a), _token_after(text, b)
            last = text[a:b].rsplit(None, 1)[-1]
            possessive = last != _strip_possessive(last)
            before = prev.lower().rstrip(".")
            # a capitalised word right before or after a one-word place makes it part of a name
            # ("Oleksiy Danilov", "Vladimir Putin", "Kyiv Independent"), unless it is a stop word
            # ("In Bakhmut") or a side's adjective ("Russian-held Melitopol")
            named = width == 1 and (_name_word(prev) or _name_word(nxt))
            person = before in self._titles or named
            speaker = nxt.lower() in self._speaks
            government = place.metonym and (before not in self._locative or possessive)
            if not (person or speaker or government):
                out.append(Mention(place, a, b, text[a:b]))
            pos = b
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
    return Gazetteer(_tsv_rows(Path(path) if path else data_path("places.tsv")))


@dataclass(frozen=True)
class Country:
    """One row of ``countries.tsv``: ``contested`` are its admin1 regions whose places give no side alone."""
    country: str
    name: str
    side: str
    contested: frozenset[str]


def _tsv_rows(file: Path) -> list[dict]:
    lines = [ln for ln in file.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO code → :class:`Country`, from the shipped ``countries.tsv`` (GeoNames, CC BY 4.0).

    >>> countries()["UA"].side, sorted(countries()["UA"].contested)
    ('ukraine', ['Crimea', 'Donetsk', 'Luhansk', 'Sevastopol'])
    """
    rows = _tsv_rows(data_path("countries.tsv"))
    return {r["country"]: Country(r["country"], r["name"], r["side"], frozenset(filter(None, r["contested"].split("|"))))
            for r in rows}


@lru_cache(maxsize=1)
def place_sides() -> dict[str, tuple[str, bool]]:
    """``lower-case name -> (side, contested)`` for a speaker's place ("a Kharkiv official", "Poland's
    minister"): the countries' names, then every spelling of the gazetteer's places, most populous first (a
    spelling two places share takes the larger one's side), then the base of a region's spellings ("Volyn" of
    "Volyn Oblast"). ``contested``: the place lies in a region its country lists as contested."""
    table = countries()
    out: dict[str, tuple[str, bool]] = {c.name.lower(): (c.side, False) for c in table.values()}
    gazetteer = Gazetteer.load()
    ranked = sorted(gazetteer.places.values(), key=lambda p: (p.level != "region" or p.population > 0,
                                                              -p.population, p.place_id))
    bases = []
    for place in ranked:
        country = table.get(place.country)
        if country is None:
            continue
        value = (country.side, place.admin1 in country.contested)
        for spelling in gazetteer.spellings(place.place_id):
            out.setdefault(spelling.lower(), value)
            base, _, suffix = spelling.rpartition(" ")
            if place.level == "region" and suffix in REGION_SUFFIXES:
                bases.append((base.lower(), value))
    for base, value in bases:
        out.setdefault(base, value)
    return out
