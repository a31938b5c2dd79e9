"""A bare institution's country from the article: "the defence ministry" after "Russia's defence ministry".

News names a body once with its country and then bare: "Ukraine's military claims …; …, the military added",
"The UK remains a supporter of Kyiv. The government announced …". A speaker mention that names nobody by itself
(:func:`.mention_side.unresolvable`) and whose head is a state body or official (the actors file's ``side_rule``
heads: ministry, military, army, authorities, government, officials, spokesman, staff …) takes, in order
(CODEBOOK.md §1, S3: nominal mentions take the side of what they refer to, resolved from the article):

1. **the same head named with a country before it** (:meth:`CountryContext.same_head`): the nearest earlier
   mention of that head with a country's modifier, possessive or "of"-phrase ("Russia's defence ministry",
   "the Ukrainian military", "the Ministry of Foreign Affairs of Ukraine", "US officials");
2. for "it" and "its …" (the country as a speaker: "Ukraine has an interest in responding. It demands …"), and
   for a head that stands for a whole state (:data:`STATE_WIDE`: "the government", "the authorities"), **a
   country antecedent** (:meth:`CountryContext.country_before`): the nearest country named in the same paragraph
   before, not as the object of a preposition ("support for Ukraine"), not after "that" (a reported clause's
   subject) and not inside a quotation.

Country words: Russia's and Ukraine's are the actors file's side-rule modifiers; every other state's
(``other``) come from ``narrative/data/nationalities.tsv``. The codebook's rule that a modifier alone is no side
still holds: a head the side rule excludes ("a Ukrainian expert", "sources") is never given a country here.
Linear: the text is read for its "country + head" phrases only before a bare speaker that asks, each part once.

>>> from narrative.speakers.actors import load_actors
>>> text = ("Russia's defence ministry said the town fell. Kyiv denied it. "
...         "Russian forces advanced, the defence ministry said on Monday.")
>>> ctx = CountryContext(text, load_actors().side_rule)
>>> ctx.same_head("the defence ministry", text.rindex("the defence"))
('kremlin', "Russia's defence ministry")
>>> text = "Meanwhile, Ukraine has an interest in responding. It demands security."
>>> CountryContext(text, load_actors().side_rule).country_before(text.index("It demands"))
('ukraine', 'Ukraine')
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..infra.datafiles import data_lines
from .mention_side import BODY_WORDS

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[\w’'-]+")  # "U.S." is one word; "Ukraine.The" is two
#: words between a country and its head ("Russia's [defence] ministry", "the Ukrainian [armed] forces")
_GAP = 2
#: how far back (characters) and over how many country phrases the same head is looked for: an article's
#: length, so a corpus concatenated into one text stays linear
HEAD_WINDOW = 8000
HEAD_LOOKBACK = 200
#: how far back a country antecedent of "it"/"its" is looked for (characters, within the paragraph)
COUNTRY_WINDOW = 400
#: words before a country that make it an object or the subject of a reported clause ("demands that Russia be
#: seen …"), not the subject "it" refers to
_OBJECT_BEFORE = frozenset("of with to by from for about against on at in into including between among than like "
                           "toward towards over under across through that whether if and or nor both".split())
#: how many sentences back a country antecedent of "it" may stand (its own and the two before)
IT_SENTENCES = 3
#: "it" of an impersonal passive ("It was reported", "it is said"), not a speaker
_IMPERSONAL = re.compile(r"[ \t]+(?:also[ \t]+)?(?:was|is|were|has[ \t]+been|had[ \t]+been|will[ \t]+be|would[ \t]+be)\b")
#: bare heads that stand for a whole state, whose country may be the paragraph's subject ("The UK remains a
#: supporter of Kyiv. The government announced …")
STATE_WIDE = frozenset("government authorities administration leadership regime".split())
#: country nouns of the two belligerents (the side rule's modifiers also hold adjectives)
_BELLIGERENT_NOUNS = {"Russia": "kremlin", "Moscow": "kremlin", "Kremlin": "kremlin", "Ukraine": "ukraine",
                      "Kyiv": "ukraine", "Kiev": "ukraine"}


@lru_cache(maxsize=1)
def third_countries() -> dict[str, tuple[str, bool]]:
    """Country word as written -> ``(side, is a name)``, from ``nationalities.tsv`` (third states and bodies:
    ``other``); a name ("Britain", "Washington") can stand for the state as "it", an adjective cannot."""
    out = {}
    for line in data_lines("nationalities.tsv")[1:]:
        _code, side, names, *adjectives = line.split("\t")
        for words, is_name in ((names, True), (adjectives[0] if adjectives else "", False)):
            for w in filter(None, words.split("|")):
                out[w] = (side, is_name)
    return out


def _head_key(word: str) -> str:
    """A head word's key: lower case, singular ("officials" and "official" are one head)."""
    w = word.lower().rstrip(".")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


class CountryContext:
    """The "country + head" phrases and country names of one document, read once."""

    def __init__(self, text: str, rule: dict) -> None:
        self.text, self.rule = text, rule
        heads = rule.get("heads", frozenset()) - rule.get("exclude", frozenset())
        self.heads = {_head_key(h) for h in heads}
        self.countries = {w: side for w, (side, _name) in third_countries().items()}
        self.names = {w for w, (_side, name) in third_countries().items() if name} | set(_BELLIGERENT_NOUNS)
        for side, words in rule.get("modifiers", {}).items():
            for w in words:
                self.countries.setdefault(w[:1].upper() + w[1:], side)
        self._phrases: list[tuple[int, str, str | None, str]] = []  # (start, head key, side, phrase), text order
        self._starts: list[int] = []
        self._read_pos = 0  # the phrases starting before it are read

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

    def _read_to(self, end: int) -> None:
        """Read the "country + head" phrases starting before ``end`` (only the :data:`HEAD_WINDOW` before it
        that no earlier call read: each character is read about once)."""
        if end <= self._read_pos:
            return
        text, phrases, covered = self.text, [], set()
        lo = max(self._read_pos, end - HEAD_WINDOW)
        words = list(_WORD.finditer(text, max(0, lo - 80), min(len(text), end + 80)))
        for i, m in enumerate(words):
            if not m.group(0)[:1].isupper():
                continue  # a country word is capitalised
            found = self._country_at(words, i)
            if found is None:
                continue
            side, n = found
            if i >= 2 and words[i - 1].group(0) in ("and", "or") and (self._country_at(words, i - 2)
                                                                   or i >= 3 and self._country_at(words, i - 3)):
                side = None  # "US and Russian officials": both countries, neither side
            last = None  # the noun phrase's last head: "Russia's defence ministry" is a ministry
            ends = words[i + n - 1].group(0)
            stop = ends.endswith(".") and ends not in self.countries  # "… of Kyiv. The government": a sentence end
            for j in range(i + n, min(len(words), i + n + _GAP + 2) if not stop else i + n):
                word = words[j].group(0)
                if text[words[j - 1].end():words[j].start()].strip():
                    break  # punctuation came between ("Moscow, officials")
                if _head_key(word) in self.heads:
                    last = j
                elif last is not None or j >= i + n + _GAP or word in ("and", "or"):
                    break  # the phrase ended; a coordination is read from its second country
                elif word[:1].isupper() and word not in self.countries and word.lower() not in BODY_WORDS:
                    break  # a name between ("Russia's Interfax news agency") is that body's own
            if last is not None:
                covered.add(last)
                phrases.append((m.start(), _head_key(words[last].group(0)), side, text[m.start():words[last].end()]))
            # "the Ministry of Foreign Affairs of Ukraine": a head before "of … <country>"
            for back in range(i - 1, max(-1, i - 6), -1):
                w = words[back].group(0)
                if _head_key(w) in self.heads and words[back + 1].group(0).lower() == "of":
                    phrases.append((words[back].start(), _head_key(w), side, text[words[back].start():m.end()]))
                    break
        # a head named with a capitalised word that is no country ("State Department officials") is another body:
        # it stops the search for an earlier country ("… two department officials told CNN")
        for j in range(1, len(words)):
            key = _head_key(words[j].group(0))
            prev = words[j - 1].group(0)
            if (key in self.heads and j not in covered and prev[:1].isupper() and prev not in self.countries
                    and prev.lower() not in ("the", "a", "an") and prev.lower() not in BODY_WORDS
                    and not text[words[j - 1].end():words[j].start()].strip()):
                phrases.append((words[j - 1].start(), key, None, text[words[j - 1].start():words[j].end()]))
        phrases = sorted((p for p in phrases if lo <= p[0] < end), key=lambda p: p[0])
        self._phrases.extend(phrases)
        self._starts.extend(p[0] for p in phrases)
        self._read_pos = end

    # -- asking ----------------------------------------------------------------------------------
    def same_head(self, mention: str, start: int) -> tuple[str, str] | None:
        """``(side, the earlier phrase)`` for a bare mention at ``start``: the nearest earlier mention of its
        head word with a country (within :data:`HEAD_WINDOW` characters and :data:`HEAD_LOOKBACK` phrases), or None."""
        words = _WORD.findall(mention)
        if not words or _head_key(words[-1]) not in self.heads:
            return None
        self._read_to(start)
        head = _head_key(words[-1])
        k = bisect_left(self._starts, start) - 1
        stop = max(-1, k - HEAD_LOOKBACK)
        while k > stop and self._phrases[k][0] >= start - HEAD_WINDOW:  # bounded: linear in the document
            _at, key, side, phrase = self._phrases[k]
            if key == head:
                return (side, phrase) if side is not None else None
            k -= 1
        return None

    def country_before(self, start: int, possessive: bool = False, inside_quote=None) -> tuple[str, str] | None:
        """``(side, country word)`` of the nearest country named before ``start`` in its paragraph (within
        :data:`COUNTRY_WINDOW` and :data:`IT_SENTENCES` sentences; for "its", ``possessive``, its own sentence),
        not as a preposition's object, a coordination's part nor inside a quotation; a possessive
        ("Ukraine's ability") counts only for "its"."""
        text = self.text
        lo = max(0, start - COUNTRY_WINDOW)
        paragraph = text.rfind("\n\n", lo, start)
        lo = paragraph + 2 if paragraph >= 0 else lo
        back = start
        for _ in range(1 if possessive else IT_SENTENCES):  # "its …": a country of its own sentence only
            back = max(text.rfind(". ", lo, back), text.rfind("? ", lo, back), text.rfind("! ", lo, back))
            if back < 0:
                break
        lo = max(lo, back + 1)
        words = list(_WORD.finditer(text, lo, start))
        for i in range(len(words) - 1, -1, -1):
            found = self._country_at(words, i)
            if found is None or words[i].group(0).lower() == "it":
                continue
            word = " ".join(m.group(0) for m in words[i:i + found[1]])  # "United States": both words
            noun = word.removesuffix("'s").removesuffix("’s")
            if noun not in self.names:
                continue  # an adjective ("Russian", "Israeli") is no antecedent of "it"
            if noun != word and not possessive:
                continue
            before = words[i - 1].group(0).lower() if i else ""
            if before in _OBJECT_BEFORE or (inside_quote is not None and inside_quote(words[i].start())):
                continue
            return found[0], noun
        return None


def context_side(context: CountryContext, actors, speaker: str, start: int, inside_quote=None) -> tuple[str, str, str] | None:
    """``(actor, side, "context")`` for a speaker mention nobody resolved: "it" and "its …" to a country
    antecedent, a bare head to its country named earlier (the module docstring), else None.

    >>> from narrative.speakers.actors import load_actors
    >>> actors = load_actors()
    >>> text = "Ukraine's military claims gains. Of those troops, they keep attacking, the military added."
    >>> context_side(CountryContext(text, actors.side_rule), actors, "the military", text.index("the military"))
    ("Ukraine's military", 'ukraine', 'context')
    >>> text = "A Ukrainian expert spoke. The expert said more."
    >>> context_side(CountryContext(text, actors.side_rule), actors, "The expert", text.index("The expert")) is None
    True
    """
    from .mention_side import unresolvable

    words = speaker.split()
    low = [w.lower() for w in words]
    if not words:
        return None
    if low == ["it"] and _IMPERSONAL.match(context.text, start + len(speaker)):
        return None  # "It was also reported that …": nobody speaks
    if low == ["it"] or low[0] in ("its", "their") and len(low) > 1:
        found = context.country_before(start, possessive=low[0] != "it", inside_quote=inside_quote)
        if found is None:
            return None
        side, country = found
        actor = actors.resolve(country)
        name = actor.name if actor is not None and actor.side == side else country
        return (name if low == ["it"] else f"{name}'s {' '.join(words[1:])}"), side, "context"
    if not unresolvable(speaker):
        return None
    found = context.same_head(speaker, start)
    if found is not None:
        return found[1], found[0], "context"
    if low[-1] in STATE_WIDE:
        country = context.country_before(start, inside_quote=inside_quote)
        if country is not None:
            return f"{country[1]} ({' '.join(words)})", country[0], "context"
    return None
