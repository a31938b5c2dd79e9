"""Turns in a transcript: who speaks a document's unattributed sentences after "Name: …".

A Kremlin or presidential transcript gives the floor with a turn marker at the start of a
paragraph or sentence: a person's name or a role word ("Question", "Journalist", "Moderator",
"Remark", "Reply") and a colon ("Alexander Lukashenko: I think …", "Question: Mr President, …").
Every unit from a marker up to the next one is that speaker's; the finishing step
(:func:`.finish.finish`) makes those units the speaker's self claims instead of the publisher's.

A marker is one of:

* a role word (:data:`ROLES`) alone;
* a name the actors file knows ("Peskov", "Vladimir Putin");
* capitalised words holding a name (two or more in a row), optionally with a title that may hold
  "of"/"the" ("President of the Republic of Tajikistan Emomali Rahmon"), and optionally an
  interpreter's note before the colon ("Sauli Niinistö (retranslated):").

What is not a marker: a colon inside an ordinary sentence ("The goal is clear: peace." — lower-case
words before it), a header with a comma or a number ("In Ukraine, on March 12, at 9:"), a
name followed by a quotation ("Podolyak: “…”" — a direct quote the extractors attribute), an editorial
note ("Editor's Note: …", "Author’s note: …": the words before the colon end with a note word,
:data:`NOTE_WORDS`), and a headline: a unit with no final stop ("Mayor Roe: The bridge will open in May" on
a line of its own) or whose words after the colon are all capitals ("KYIV: LEADERS MEET").

>>> from narrative.speakers.actors import load_actors
>>> text = "The talks began. Alexander Lukashenko: We agree. It is fine. Question: Why? The goal is clear: peace."
>>> from narrative.claims.quotes import units
>>> us = units(text, [])
>>> [(text[a:b].strip(), t and text[t.start:t.end]) for (a, b), t in zip(us, turns(text, us, load_actors()))]
... # doctest: +NORMALIZE_WHITESPACE
[('The talks began.', None), ('Alexander Lukashenko: We agree.', 'Alexander Lukashenko'),
 ('It is fine.', 'Alexander Lukashenko'), ('Question: Why?', 'Question'),
 ('The goal is clear: peace.', 'Question')]
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..speakers.actors import Actors
from ..speakers.runs import NAME_PARTICLES

#: role words that give the floor to someone the codebook puts on no side (a journalist, a moderator)
ROLES = frozenset({"question", "questions", "journalist", "moderator", "remark", "reply", "answer", "response",
                   "interviewer", "correspondent", "host", "presenter", "anchor"})

#: words a title may hold between capitalised words ("President of the Republic of Tajikistan ...")
_LINKERS = NAME_PARTICLES | frozenset({"of", "the", "and", "for"})
#: first words that open an ordinary sentence or an address, not a speaker's name
_NOT_FIRST = frozenset({"the", "a", "an", "in", "on", "at", "this", "that", "these", "today", "dear", "note",
                        "source", "photo", "video", "read", "see", "update", "updated", "watch", "tags", "topics"})

#: last words before a colon that make it an editorial note, not a speaker ("Editor's Note:", "Translator’s notes:")
NOTE_WORDS = frozenset({"note", "notes", "update", "updates", "correction", "clarification", "disclaimer"})
#: what ends a unit that is a sentence (a headline has none of these at its end): stops and closing marks
_FINAL = frozenset(".!?…)\"'”»’")
# the words before the colon: letters, apostrophes, hyphens and dots only (no comma, digit or quote)
# (an interpreter's note may follow the name: "Sauli Niinistö (retranslated):")
_MARKER = re.compile(r"\s*([A-Z][\w'’.\-]*(?:[ \u00a0][\w'’.\-]+){0,13})[ \u00a0]?(?:\([a-z ]{3,30}\))?"
                     r"[ \u00a0]?:[ \u00a0]+(?=\S)")
_QUOTES = "\"'“”„«»‘’‹›"
#: an all-capitals marker of more words than this is a headline ("VLADIMIR PUTIN:" is a speaker)
HEADLINE_WORDS = 3
#: characters after the colon read for an all-capitals headline, and the letters they hold at least
HEADLINE_PREFIX, HEADLINE_LETTERS = 200, 8


class Turn(NamedTuple):
    """A turn marker's speaker span (offsets into the text) and whether it is a role word."""

    start: int
    end: int
    role: bool


def marker(text: str, a: int, b: int, actors: Actors) -> Turn | None:
    """The turn marker at the start of ``text[a:b]``, or ``None``.

    >>> from narrative.speakers.actors import load_actors
    >>> t = "President of Russia Vladimir Putin: Good afternoon."
    >>> marker(t, 0, len(t), load_actors())
    Turn(start=0, end=34, role=False)
    >>> [marker(s, 0, len(s), load_actors()) for s in ("The goal is clear: peace.", "Podolyak: “No.”")]
    [None, None]
    """
    if text.find(":", a, b) < 0:  # most units: no colon, so no marker (the pattern's backtracking costs ~4 µs a unit)
        return None
    m = _MARKER.match(text, a, b)
    if m is None or text[m.end()] in _QUOTES:
        return None
    who = m.group(1)
    words = who.replace("\u00a0", " ").split(" ")
    if words[-1].lower().rstrip(".") in NOTE_WORDS:
        return None  # "Editor's Note: The author is a senior fellow …": the editor's words, no speaker's turn
    tail = text[a:b].rstrip()
    if tail[-1:] not in _FINAL:
        return None  # "Mayor Roe: The bridge will open in May" on a line of its own: a headline
    rest = text[m.end():min(b, m.end() + HEADLINE_PREFIX)]
    if rest == rest.upper() and sum(c.isalpha() for c in rest) >= HEADLINE_LETTERS:
        return None  # "KYIV: LEADERS SET TO MEET AS SIRENS RING OUT": an all-capitals headline
    if words[0].lower() in ROLES and len(words) == 1:
        return Turn(m.start(1), m.end(1), True)
    if words[0].lower() in _NOT_FIRST:
        return None
    if len(words) > HEADLINE_WORDS and who == who.upper():
        return None  # "JOHN DOE SCORCHED FOR MISLEADING ON JET USE: …": an all-capitals headline, no speaker
    if len(words) == 1:
        return Turn(m.start(1), m.end(1), False) if actors.resolve(who) is not None else None
    if not all(w[:1].isupper() or w in _LINKERS for w in words):
        return None
    run = longest = 0  # the longest run of capitalised words: a name has two or more
    for w in words:
        run = 0 if w in _LINKERS else run + 1
        longest = max(longest, run)
    if longest >= 2 or actors.resolve(who) is not None:
        return Turn(m.start(1), m.end(1), False)
    return None


def turns(text: str, units: list[tuple[int, int]], actors: Actors) -> list[Turn | None]:
    """The turn in effect at each unit: its own marker, else the last marker before it (``None``
    before the first marker)."""
    out: list[Turn | None] = []
    current: Turn | None = None
    for a, b in units:
        found = marker(text, a, b, actors)
        if found is not None:
            current = found
        out.append(current)
    return out


#: where a sentence after a stop may open a turn marker ("… Thank you. Vladimir Putin: …")
_AFTER_STOP = re.compile(r"[.!?…][ \u00a0]+(?=[A-Z][^:\n]{0,120}:)")


def without_crossing(text: str, quotations: list[tuple[int, int]], actors: Actors) -> list[tuple[int, int]]:
    """The quotations but those between straight double quotes that hold a turn marker after a sentence stop:
    straight marks toggle, so one stray mark pairs the next ones across a transcript's turns ('… people
    call"the long mud … Vladimir Putin: … bridges?"'), and a quotation read across turns would merge the turns into
    one unit and one speaker. Curly marks pair by direction: a letter quoting "To the council: …" keeps its span.

    >>> from narrative.segment.marks import quote_spans
    >>> from narrative.speakers.actors import load_actors
    >>> t = 'Anna Petrova: They call"it mud. Thanks. Vladimir Putin: Fine." He said "Fine. Go." “Yes. Ann Roe: no.”'
    >>> [t[a:b] for a, b in without_crossing(t, quote_spans(t), load_actors())]
    ['"Fine. Go."', '“Yes. Ann Roe: no.”']
    """
    out = []
    for q0, q1 in quotations:
        if text[q0] == '"' and text.find(":", q0, q1) >= 0 and any(_marker_sentence(text, m.end(), q1, actors)
                                                for m in _AFTER_STOP.finditer(text, q0, q1)):
            continue
        out.append((q0, q1))
    return out


#: the end of a sentence (a stop and the closing marks after it)
_SENTENCE_END = re.compile(r"[.!?…][\"'”»’)]*")


def _marker_sentence(text: str, a: int, end: int, actors: Actors) -> bool:
    """Whether the sentence from ``a`` (read up to ``end``) opens with a turn marker; only that sentence is read."""
    colon = text.find(":", a, end)
    if colon < 0:
        return False
    stop = _SENTENCE_END.search(text, colon + 1, end)
    return marker(text, a, stop.end() if stop else end, actors) is not None
