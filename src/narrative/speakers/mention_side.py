"""The side a speaker mention's own words give, when no actor is named: the codebook's noun-phrase rule.

A description nobody in the actors file or the gazetteer names can still carry a side (CODEBOOK.md §1):

* **nationality** — a side's modifier and an official head noun: "Russian officials", "the Ukrainian side",
  "Ukraine's defence ministry", "Moscow-installed authorities";
* **place** — a Ukrainian or Russian place (the gazetteer of :mod:`narrative.places`, from GeoNames) with a
  local government or service head: "a Kharkiv official", "the Sumy regional police", "Belgorod governor".
  Places under occupation since 2014 (Crimea, Sevastopol, the Donetsk and Luhansk regions) are contested and
  give no side (:func:`narrative.places.place_sides`);
* **role** — a head the codebook puts on no state's side ("a Ukrainian military expert", "Russian independent
  journalists", "analysts"): ``other``, whatever the modifier (a modifier alone is not a side).

Everything else is left to the caller: a name the lists do not know is ``other``, and a mention that names
nobody (:func:`unresolvable`: a pronoun, a bare title such as "the spokesman", a fragment such as "Last") is
``unknown`` unless coreference finds who it is.

>>> from narrative.speakers.actors import load_actors
>>> rule = load_actors().side_rule
>>> [mention_side(m, rule) for m in ("Russian officials", "a Kharkiv official", "the Sumy regional police",
...  "a Ukrainian military expert", "Belarusian officials")]
[('kremlin', 'nationality'), ('ukraine', 'place'), ('ukraine', 'place'), ('other', 'role'), None]
>>> [unresolvable(m) for m in ("he", "the spokesman", "Last", "officials", "Filip Ejdus", "analysts", "the General Staff")]
[True, True, True, True, False, False, True]
"""
from __future__ import annotations

import re

from ..places import place_sides
from .names import TITLES

_WORD = re.compile(r"[\w’'-]+")

#: words that never name a speaker on their own: pronouns, determiners, quantifiers, time words
FUNCTION_WORDS = frozenset("""
i we you he she it they me us him her them this that these those the a an some other others another any each every
both all many most several few one two three such last next earlier later first also then now today yesterday
tomorrow week month year weekend night morning evening monday tuesday wednesday thursday friday saturday sunday
however meanwhile there here who which what whom whose his its their our my your said
on in at by for with from to of after before during since until as according
""".split())
#: heads that name an official or body of some state without saying which: unresolved, they are ``unknown``
STATE_HEADS = frozenset("""
official officials spokesman spokeswoman spokesperson spokespeople minister ministers ministry government authorities
authority president presidency leader leaders governor governors mayor commander commanders military army command
staff office administration ambassador embassy envoy diplomat diplomats delegation negotiators source sources
secretary chief head prosecutor prosecutors police kremlin side statement agency service council
general generals brigade battalion regiment unit forces troops
""".split())


#: the capitalised words of a state body's generic name ("the General Staff", "the Defence Ministry", "the Air
#: Force"): no name of their own, so such a mention names no state until its country is known
BODY_WORDS = frozenset("""
general staff defence defense foreign affairs interior armed forces force air navy naval national guard security
service services emergency emergencies presidential prosecutor prosecutor's general's intelligence directorate main
state ministry military command operational joint border cabinet council ministers health energy justice
infrastructure finance economy economic digital transformation culture information policy strategic communications
center centre office
""".split())


#: body words that only modify a head ("the Ministry of Foreign [Affairs]" ends with a head; "the Security" does not)
_BODY_MODIFIERS = frozenset("national main state joint operational strategic presidential economic".split())


def _words(mention: str) -> list[str]:
    return _WORD.findall(mention.lower().replace("’", "'"))


def mention_side(mention: str, rule: dict) -> tuple[str, str] | None:
    """``(side, rule name)`` by the noun-phrase rule (``rule``: the actors file's ``side_rule``), or None.

    ``rule name`` is ``nationality``, ``place`` or ``role`` (see the module docstring)."""
    if not rule:
        return None
    words = _words(mention)
    found = set(words)
    if found & rule["exclude"]:
        return "other", "role"
    if not found & rule["heads"]:
        return None
    posted = bool(found & POSTED_HEADS)
    # "a diplomat stationed in Kyiv", "the Russian ambassador in Kyiv": the place after "in" is a posting
    modifying = {w for i, w in enumerate(words) if not (posted and i and words[i - 1] == "in")} if posted else found
    sides = {side for side, modifiers in rule["modifiers"].items() if modifying & modifiers}
    if len(sides) == 1:
        return sides.pop(), "nationality"
    if sides:
        # "Moscow-installed officials in southern Ukraine": the words before "in" say whose, the place where
        return located_side(mention, rule)  # "Russian and Ukrainian officials": two sides at once, None
    known = place_sides()
    raw = _WORD.findall(mention.replace("’", "'"))
    found_sides = set()
    for i, w in enumerate(words):  # one- and two-word place names ("Kryvyi Rih"), as written
        if posted and i and words[i - 1] == "in":
            continue  # "a diplomat stationed in Kyiv": a posting, not a nationality
        for n in (1, 2):
            hit = known.get(" ".join(words[i:i + n]).removesuffix("'s"))
            after = raw[i + n] if i + n < len(raw) else ""
            # a capitalised word after it that is no title makes it a person's name ("Volodymyr Petrenko")
            if hit is not None and not (after[:1].isupper() and after.lower() not in rule["heads"]
                                        and after.lower() not in TITLES):
                found_sides.add(None if hit[1] else hit[0])
    if len(found_sides) == 1 and None not in found_sides:
        return found_sides.pop(), "place"
    return None


def located_side(mention: str, rule: dict) -> tuple[str, str] | None:
    """The nationality side of a mention's words before "in" ("Moscow-installed officials in southern Ukraine",
    "Russian-backed separatists in eastern Ukraine": ``kremlin``; the place after "in" is where they are, not
    whose side), or None.

    >>> from narrative.speakers.actors import load_actors
    >>> rule = load_actors().side_rule
    >>> located_side("Moscow-installed officials in southern Ukraine", rule), located_side("officials in Kyiv", rule)
    (('kremlin', 'nationality'), None)
    """
    words = _words(mention)
    if "in" not in words[1:]:
        return None
    found = mention_side(" ".join(words[:words.index("in", 1)]), rule)
    return found if found is not None and found[1] == "nationality" else None


#: heads whose place after "in" is where they are posted, not whose side they are ("a diplomat stationed in Kyiv")
POSTED_HEADS = frozenset("diplomat diplomats ambassador ambassadors envoy envoys correspondent correspondents "
                          "journalist journalists reporter reporters embassy embassies consulate mission".split())


def _function_word(word: str) -> bool:
    """A word of :data:`FUNCTION_WORDS`; an all-capitals word is an abbreviation, not one ("US officials")."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper())


def body_phrase(mention: str) -> str:
    """A mention of a body without the words before it that name nothing: a sentence adverb, a time word, an
    article ("Later the U.S. Treasury", "The U.S. Treasury" and "the U.S. Treasury" are one body).

    >>> [body_phrase(m) for m in ("Later the U.S. Treasury", "The U.S. Treasury", "US officials", "the")]
    ['U.S. Treasury', 'U.S. Treasury', 'US officials', 'the']
    """
    for found in _WORD.finditer(mention):
        if not _function_word(found.group()):
            return mention[found.start():]
    return mention


def unresolvable(mention: str) -> bool:
    """Whether a speaker mention names nobody by itself: a pronoun, a fragment of function words ("Last",
    "This"), or a bare official head with no name, modifier or place ("the spokesman", "officials",
    "the ministry"). Such a speaker's side is ``unknown`` unless coreference resolves it."""
    raw = _WORD.findall(mention)
    if not raw:
        return True
    content = [w for w in raw if not _function_word(w)]
    if not content:
        return True
    if any(w[:1].isupper() for w in content if w.lower() not in STATE_HEADS and w.lower() not in BODY_WORDS):
        return False  # a name, a place or a capitalised body: someone, whether or not the lists know them
    last = content[-1].lower()
    low = [w.lower() for w in raw]
    if "of" in low[1:]:
        of = low.index("of", 1)
        after = [w for w in low[of + 1:] if w not in _ARTICLES][:1]
        if low[of - 1] in STATE_HEADS and after and after[0] in STATE_OF_NOUNS:
            return True  # "the commander of the brigade", "the head of the region": an official of some state
    # "its infrastructure minister", "senior officials", "the Air Force"
    return last in STATE_HEADS or (last in BODY_WORDS and content[-1][:1].isupper() and last not in _BODY_MODIFIERS)


#: words that make a description a local government's or a country's body whose place the text gave before
#: ("the city council", "the regional governor", "its infrastructure minister")
LOCAL_WORDS = frozenset("city regional region's oblast local municipal district town village".split())
#: words that make "X of the <word>" an official of some state, not of a firm or a bank ("the head of the region",
#: "the commander of the battalion"; not "the president of the company")
STATE_OF_NOUNS = STATE_HEADS | LOCAL_WORDS | frozenset("""
region regions oblasts province territory territories districts community country state republic municipality guard
guards""".split())
_ARTICLES = frozenset("the a an".split())
_CAPITALISED = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u017F][\w’'-]*(?:[ \t]+[A-Z\u00C0-\u00DE\u0100-\u017F][\w’'-]*)?")
#: how far back a local description looks for its place (characters)
PLACE_WINDOW = 500


#: capitalised adjectives that name no place ("… Western weaponry, which its officials say …")
_COMPASS_ADJECTIVES = frozenset("western eastern northern southern".split())


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n:"


def place_before(text: str, start: int, countries: dict[str, str], skip=lambda word: False) -> tuple[str, str] | None:
    """``(place, side)`` of the nearest Ukrainian or Russian place written before ``start`` (within
    :data:`PLACE_WINDOW` characters and the paragraph), for a description whose place the text gave
    earlier ("Kharkiv came under fire. The city council said …"). ``countries`` maps more place names
    (the actors file's: "Ukraine", "Moscow") to sides; ``skip(word)`` tells capitalised words to pass over
    (known persons). A capitalised word that is neither (another country, a foreign city) stops the search.

    >>> text = "Shelling hit Kharkiv overnight. The city council said ..."
    >>> place_before(text, text.index("The city"), {})
    ('Kharkiv', 'ukraine')
    >>> text = "Kharkiv sent aid to Riga. The city council said ..."
    >>> place_before(text, text.index("The city"), {}) is None
    True
    """
    lo = max(0, start - PLACE_WINDOW)
    paragraph = text.rfind("\n\n", lo, start)
    lo = paragraph + 2 if paragraph >= 0 else lo
    known = place_sides()
    for m in reversed(list(_CAPITALISED.finditer(text, lo, start))):
        phrase = m.group(0)
        for candidate in (phrase, phrase.split()[-1], phrase.split()[0]):
            key = candidate.removesuffix("'s").removesuffix("’s")
            side = countries.get(key)
            hit = known.get(key.lower())
            if side:
                return key, side
            if hit is not None:
                return (key, hit[0]) if not hit[1] else None  # an occupied region's place: no side
        first = phrase.split()[0]
        low = first.lower()
        if (low in FUNCTION_WORDS or low in TITLES or low in STATE_HEADS or low in _COMPASS_ADJECTIVES
                or skip(phrase) or skip(first) or _sentence_initial(text, m.start())):
            continue
        return None
    return None
