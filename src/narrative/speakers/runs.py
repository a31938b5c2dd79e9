"""Name runs: capitalised words read as a title and a name, with the acronym that may follow.

A run is a sequence of capitalised words with initials, hyphens, apostrophes and lower-case
particles inside ("President of Ukraine Volodymyr Zelenskyy", "Institute for the Study of War").
:func:`split_run` cuts it into title words and the name; :func:`titles_around` adds the role words
just before it ("analyst Filip Ejdus") and a titled apposition after it; :data:`ACRONYM` reads the
abbreviation in brackets after an organisation's name.

>>> split_run("President of Ukraine Volodymyr Zelenskyy", False, lambda w: w == "Ukraine")[3]
'Volodymyr Zelenskyy'
>>> sorted(split_run("South African President Cyril Ramaphosa", False, lambda w: False)[2])
['african', 'president', 'south']
>>> split_run("Vice President", False, lambda w: False) is None
True
"""
from __future__ import annotations

import re

from ..segment.marks import OUTER_MARKS
from .mention_side import POSTED_HEADS
from .names import ROLES

#: words that make a capitalised run an organisation
ORG_WORDS = frozenset("""
institute institution ministry department office council committee agency service services center centre group party
bank university forum fund organisation organization union commission command staff administration government
agency bureau company corporation association foundation court parliament assembly army navy force forces guard
affairs
""".split())
#: sentence-initial words and determiners a run may start with that belong to no name ("The", "In")
SKIP_FIRST = frozenset("the a an this that these those in on at for with by from of to and but or as if when while "
                       "after before since during it he she they we i his her their our its some many other most "
                       "several both all each".split()) | frozenset(
    # time words before a name ("On Thursday Wang said", "In April she said"); not "may" (Theresa May)
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december".split())
#: upper-case letters a run's words start with (Latin, Latin-1, Latin Extended-A, Cyrillic)
_UP = "A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0400-\u042F"
#: lower-case particles inside a person's name ("Ursula von der Leyen", "Abu Bakr al-Baghdadi")
NAME_PARTICLES = frozenset("von der van den de del della di da du dos la le al el bin ibn".split())
#: lower-case words a name may hold inside: a person's particles and an organisation's linkers ("Institute for the
#: Study of War")
PARTICLES = NAME_PARTICLES | frozenset("of the for".split())
_CAP = rf"(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Col|Lt|Jr|Sr|[{_UP}])\.(?:[{_UP}]\.)*|[{_UP}][\w’'-]*)"  # a full stop only
# after an initial, or after each letter of a dotted abbreviation ("the U.K. Ministry of Defence": one run)
# the first word of a run is _CAP written to start with its capital letter and look back from there: a
# pattern that opens with a character class lets the regex engine skip to candidate positions (the
# lookbehind-first form tried every offset: 2x slower on news and press releases, the same matches)
_FIRST_CAP = (rf"[{_UP}](?<![\w’'-].)(?:(?<=M)rs?\.|(?<=M)s\.|(?<=D)r\.|(?<=S)[tr]\.|(?<=[GS])en\.|(?<=R)ep\.|"
              rf"(?<=C)ol\.|(?<=L)t\.|(?<=J)r\.|\.(?:[{_UP}]\.)*|[\w’'-]*)")
#: a run of capitalised words
RUN = re.compile(rf"{_FIRST_CAP}(?:[ \t]+(?:(?:{'|'.join(sorted(PARTICLES))})[ \t]+)*{_CAP})*")
#: an abbreviation in brackets right after a run: "Kyiv International Institute of Sociology (KIIS)"
ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9]{1,9})\)")
_WORD = re.compile(r"[\w’'-]+")
_APPOSITION = re.compile(r",[ \t]+([^,.;:!?\n" + re.escape("".join(sorted(OUTER_MARKS))) + r"]{3,90}?),")
#: a sentence end (or a line break)
SENTENCE_END = re.compile(r"[.!?]\s|\n")


def words(s: str) -> list[str]:
    """The words of ``s`` (letters, digits, apostrophes and hyphens)."""
    return _WORD.findall(s)


def acronym_after(text: str, end: int) -> re.Match | None:
    """The bracketed acronym right after a run ending at ``end``, or None."""
    return ACRONYM.match(text, end) if text.startswith(" (", end) or text.startswith("(", end) else None


def words_before(text: str, start: int) -> list[str]:
    """The last three lower-case words before ``start`` in its sentence (within 40 characters)."""
    before = text[max(0, start - 40):start]
    if "." in before or "\n" in before or "!" in before or "?" in before:
        before = SENTENCE_END.split(before)[-1]  # this sentence's words only
    return words(before.lower())[-3:]


def titles_around(text: str, end: int, prev_low: list[str], start: int = -1) -> set[str]:
    """Title words a run gets from its context: a role word just before it ("analyst Filip Ejdus",
    "MI6 chief Richard Moore"; ``prev_low`` from :func:`words_before`), a title phrase in apposition
    before it that opens the sentence (:func:`title_before_name`; ``start``: the run's start) and an
    apposition after it that holds a role ("Olena Koval, First Deputy Minister of Foreign Affairs of
    Ukraine, said")."""
    titles: set[str] = set()
    if prev_low and prev_low[-1] in ROLES:
        titles.update(w for w in prev_low if w.isalpha() or w[:1].isdigit() or w.isalnum())
    elif start > 0:
        titles.update(title_before_name(text, start))
    if text.startswith(",", end):
        apposition = _APPOSITION.match(text, end)
        if apposition and set(words(apposition.group(1).lower())) & ROLES:
            titles.update(words(apposition.group(1).lower()))
    return titles


#: the longest title phrase in apposition before a name (characters, words) and the words its role may follow
TITLE_BEFORE_CHARS, TITLE_BEFORE_WORDS, TITLE_ROLE_WITHIN = 90, 10, 4
#: a rank or honorific abbreviation between the apposition's comma and the name ("…, Maj. Ivan Petrenko")
_RANK = re.compile(r"[A-Z][a-z]{1,4}\.[ \t]+$")
#: what opens a sentence-initial title phrase: the text's start, a sentence end, a line break or a quotation
_PHRASE_OPENS = re.compile(r"(?:[.!?;:][ \t]+|\n[ \t]*|[" + re.escape("".join(sorted(OUTER_MARKS))) + r"][ \t]*)")


def title_before_name(text: str, start: int) -> list[str]:
    """The title words of a phrase in apposition that opens its sentence right before a name ("Ukraine's
    ambassador to Germany, Ivan Petrenko, said …"; "The commander of Ukraine's 47th Brigade, Maj. Ivan
    Petrenko, said …"), a role among its first words and no verb form before it; a posting's place is left
    out ("… ambassador to Germany": where the ambassador serves, not whose). Else an empty list.

    >>> t = "Ukraine's ambassador to Germany, Ivan Petrenko, said so."
    >>> title_before_name(t, t.index("Ivan"))
    ["ukraine's", 'ambassador']
    >>> t = "After meeting the minister, Ivan Petrenko said so."
    >>> title_before_name(t, t.index("Ivan"))
    []
    """
    before = text[max(0, start - TITLE_BEFORE_CHARS):start]
    rank = _RANK.search(before)
    if rank is not None:
        before = before[:rank.start()]
    stripped = before.rstrip(" \t")
    if not stripped.endswith(","):
        return []
    phrase = stripped[:-1]
    opens = list(_PHRASE_OPENS.finditer(phrase))
    if opens:
        phrase = phrase[opens[-1].end():]
    elif start - TITLE_BEFORE_CHARS > 0:
        return []  # the phrase may go on before the window: not a sentence-initial title
    if "," in phrase:
        return []
    found = words(phrase.lower())
    role = next((i for i, w in enumerate(found[:TITLE_ROLE_WITHIN]) if w in ROLES), None)
    if not found or role is None or len(found) > TITLE_BEFORE_WORDS or any(
            w.endswith(("ing", "ed")) for w in found[:role]):
        return []  # "After meeting the minister, …", "Asked about the governor, …": no title of the name
    if not POSTED_HEADS.isdisjoint(found):  # "ambassador to Germany": the posting's place is no side
        cut = next((i for i, w in enumerate(found) if i > role and w in ("to", "in")), len(found))
        found = found[:cut]
    return [w for w in found if w.isalnum() or w.endswith(("'s", "’s")) or w[:1].isdigit()]


def drop_possessive(words: list[str], low: list[str]) -> tuple[list[str], list[str]]:
    """"Prime Minister Miloš Vučević's": the name without its possessive ending."""
    last = words[-1]
    if last.endswith(("'s", "’s")) and len(last) > 2:
        return words[:-1] + [last[:-2]], low[:-1] + [low[-1][:-2]]
    return words, low


def split_run(run: str, acronym_follows: bool, is_place):
    """``(name words, their lower case, title words, the name, its lower case)`` of a capitalised
    run, or None when it names nobody (only titles, a place). ``is_place(word)`` says whether a word
    is a place or an institution ("Ukraine"), which belongs to a title before the name."""
    words = run.split()
    low = [w.lower().rstrip(".") for w in words]
    k = 0
    while k < len(low) and low[k] in SKIP_FIRST:  # a sentence-initial "The", "In"
        k += 1
    if k == len(low):
        return None
    words, low = drop_possessive(words, low)
    run_low = low[k:]
    cut = max((i for i in range(k, len(low)) if low[i] in ROLES or low[i] in ORG_WORDS), default=-1)
    last_org = max((i for i in range(k, len(low)) if low[i] in ORG_WORDS), default=-1)
    person_tail = last_org >= 0 and len(low) - last_org - 1 >= 2 and not set(low[last_org + 1:]) & PARTICLES
    if acronym_follows or (set(run_low) & ORG_WORDS and not set(run_low) & ROLES and not person_tail):
        cut = -1  # an organisation's whole name: "Kyiv International Institute of Sociology (KIIS)"
    name_words, name_low, titles = words[k:], low[k:], set()
    if cut >= 0:  # the name is the particle-free end after the last title or organisation word
        if cut == len(low) - 1:
            return None  # only titles: "Vice President", "the Head of State" (a description, not a name)
        j = len(low)
        while j > cut + 1 and low[j - 1] not in PARTICLES:
            j -= 1
        # "President of Ukraine Volodymyr Zelenskyy", "Secretary of State Antony Blinken": places,
        # institutions and "State" before the name belong to the title
        while j < len(low) - 1 and (low[j] in ORG_WORDS or low[j] == "state" or is_place(words[j])):
            j += 1
        if j > 0 and low[j - 1] == "of" and len(low) - j >= 3:
            j += 1  # "Minister of Foreign Affairs of Lithuania Jonas Petraitis": "of Lithuania" is the title's
        if j == len(low) - 1 and (low[j] == "state" or is_place(words[j])):
            return None
        name_words, name_low, titles = words[j:], low[j:], set(low[k:j])
    if not name_words:
        return None
    return (tuple(name_words), tuple(name_low), frozenset(titles), " ".join(name_words).rstrip(".,"),
            " ".join(name_low))
