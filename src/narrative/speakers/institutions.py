"""A bare institution's country from the article: "the defence ministry" after "Russia's defence ministry".

News names a body once with its country and then bare: "Ukraine's military claims …; …, the military added",
"The UK remains a supporter of Kyiv. The government announced …". A speaker mention that names nobody by itself
(:func:`.mention_side.unresolvable`) and whose head is a state body or official (the actors file's ``side_rule``
heads: ministry, military, army, authorities, government, officials, spokesman, staff …) takes, in order
(CODEBOOK.md §1, S3: nominal mentions take the side of what they refer to, resolved from the article):

1. **the same head named with a country before it** (:meth:`CountryContext.same_head`): the nearest earlier
   mention of that head with a country's modifier, possessive or "of"-phrase ("Russia's defence ministry",
   "the Ukrainian military", "the Ministry of Foreign Affairs of Ukraine", "US officials");
2. for "it" and "its …" (the country as a speaker: "Ukraine has an interest in responding. It demands …"),
   **a country antecedent** (:meth:`CountryContext.country_before`): the nearest country named in the same
   paragraph before, not as the object of a preposition ("support for Ukraine") nor inside a quotation.

Country words: Russia's and Ukraine's are the actors file's side-rule modifiers; every other state's
(``other``) come from ``narrative/data/nationalities.tsv``. The codebook's rule that a modifier alone is no side
still holds: a head the side rule excludes ("a Ukrainian expert", "sources") is never given a country here.
Linear: the text is read once per document for its "country + head" phrases, when a bare speaker first asks.

>>> from narrative.speakers.actors import load_actors
>>> text = ("Russia's defence ministry said the town fell. Kyiv denied it. "
...         "Russian forces advanced, the defence ministry said on Monday.")
>>> ctx = CountryContext(text, load_actors().side_rule)
>>> ctx.same_head("the defence ministry", text.rindex("the defence"))
('kremlin', "Russia's defence ministry")
>>> text = "At the same time, Ukraine has an interest in responding. It demands security."
>>> CountryContext(text, load_actors().side_rule).country_before(text.index("It demands"))
('ukraine', 'Ukraine')
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..infra.datafiles import data_lines

_WORD = re.compile(r"[\w’'.-]+")
#: words between a country and its head ("Russia's [defence] ministry", "the Ukrainian [armed] forces")
_GAP = 2
#: how far back a country antecedent of "it"/"its" is looked for (characters, within the paragraph)
COUNTRY_WINDOW = 400
#: words before a country that make it an object, not the subject "it" refers to
_OBJECT_BEFORE = frozenset("of with to by from for about against on at in into including between among than like "
                           "toward towards over under across through".split())
#: country nouns of the two belligerents (the side rule's modifiers also hold adjectives)
_BELLIGERENT_NOUNS = {"Russia": "kremlin", "Moscow": "kremlin", "Kremlin": "kremlin", "Ukraine": "ukraine",
                      "Kyiv": "ukraine", "Kiev": "ukraine"}


@lru_cache(maxsize=1)
def third_countries() -> dict[str, str]:
    """Country word as written -> side, from ``nationalities.tsv`` (third states and bodies: ``other``)."""
    out = {}
    for line in data_lines("nationalities.tsv")[1:]:
        _code, side, words = line.split("\t")
        for w in words.split("|"):
            out[w] = side
    return out


def _head_key(word: str) -> str:
    """A head word's key: lower case, singular ("officials" and "official" are one head)."""
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


class CountryContext:
    """The "country + head" phrases and country names of one document, read once."""

    def __init__(self, text: str, rule: dict) -> None:
        self.text, self.rule = text, rule
        heads = rule.get("heads", frozenset()) - rule.get("exclude", frozenset())
        self.heads = {_head_key(h) for h in heads}
        self.countries = dict(third_countries())
        for side, words in rule.get("modifiers", {}).items():
            for w in words:
                self.countries.setdefault(w[:1].upper() + w[1:], side)
        self._phrases: list[tuple[int, str, str, str]] | None = None  # (start, head key, side, phrase)
        self._starts: list[int] = []

    # -- reading ---------------------------------------------------------------------------------
    def _country_at(self, words: list[re.Match], i: int) -> tuple[str, int] | None:
        """``(side, number of words)`` of the country word(s) starting at word ``i`` ("United States": 2)."""
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            phrase = " ".join(m.group(0) for m in words[i:i + n])
            for key in (phrase, phrase.removesuffix("'s").removesuffix("’s").rstrip(".")):
                side = self.countries.get(key)
                if side is not None and key[:1].isupper():
                    return side, n
        return None

    def _read(self) -> None:
        text, phrases = self.text, []
        words = list(_WORD.finditer(text))
        for i, m in enumerate(words):
            found = self._country_at(words, i)
            if found is None:
                continue
            side, n = found
            for j in range(i + n, min(len(words), i + n + _GAP + 1)):  # "Russia's defence ministry"
                if _head_key(words[j].group(0)) in self.heads:
                    phrases.append((m.start(), _head_key(words[j].group(0)), side, text[m.start():words[j].end()]))
                    break
                if words[j].group(0)[:1].isupper() and j > i + n:  # another name begins
                    break
            # "the Ministry of Foreign Affairs of Ukraine": a head before "of … <country>"
            for back in range(i - 1, max(-1, i - 6), -1):
                w = words[back].group(0)
                if _head_key(w) in self.heads and words[back + 1].group(0).lower() == "of":
                    phrases.append((words[back].start(), _head_key(w), side, text[words[back].start():m.end()]))
                    break
        phrases.sort()
        self._phrases, self._starts = phrases, [p[0] for p in phrases]

    # -- asking ----------------------------------------------------------------------------------
    def same_head(self, mention: str, start: int) -> tuple[str, str] | None:
        """``(side, the earlier phrase)`` for a bare mention at ``start``: the nearest earlier mention of its
        head word with a country, or None."""
        words = _WORD.findall(mention)
        if not words or _head_key(words[-1]) not in self.heads:
            return None
        if self._phrases is None:
            self._read()
        head = _head_key(words[-1])
        k = bisect_left(self._starts, start) - 1
        while k >= 0:
            _at, key, side, phrase = self._phrases[k]
            if key == head:
                return side, phrase
            k -= 1
        return None

    def country_before(self, start: int, possessive: bool = False, inside_quote=None) -> tuple[str, str] | None:
        """``(side, country word)`` of the nearest country named before ``start`` in its paragraph (within
        :data:`COUNTRY_WINDOW`), not as a preposition's object nor inside a quotation; a possessive
        ("Ukraine's ability") counts only for "its" (``possessive``)."""
        text = self.text
        lo = max(0, start - COUNTRY_WINDOW)
        paragraph = text.rfind("\n\n", lo, start)
        lo = paragraph + 2 if paragraph >= 0 else lo
        words = list(_WORD.finditer(text, lo, start))
        for i in range(len(words) - 1, -1, -1):
            found = self._country_at(words, i)
            if found is None or words[i].group(0).lower() == "it":
                continue
            word = words[i].group(0)
            noun = word.removesuffix("'s").removesuffix("’s")
            if noun not in _BELLIGERENT_NOUNS and noun not in third_countries():
                continue  # an adjective ("Russian") is no antecedent of "it"
            if noun != word and not possessive:
                continue
            before = words[i - 1].group(0).lower() if i else ""
            if before in _OBJECT_BEFORE or (inside_quote is not None and inside_quote(words[i].start())):
                continue
            return found[0], noun
        return None
