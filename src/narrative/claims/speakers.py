"""Speaker noun phrases around a cue, their resolution to actors, and a document's own voice.

The source is the noun phrase left of the cue (skipping adverbs, time phrases
and an appositive between commas), or right of it in inversions ("said
Peskov") and after "according to"; pronouns resolve to the most recent
compatible named speaker (:class:`Resolver`).
"""
from __future__ import annotations

from ..actors import Actor, Actors
from ..schema import OTHER_SIDE
from .cues import head_words, words
from .tokens import Toks

JOURNALIST = "journalist"
AUTHOR = "(author)"
PRONOUNS = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "it": None}


def is_name(word: str) -> bool:
    """A capitalised word (a name, or a sentence-initial word)."""
    return word[:1].isupper() and word[:1].isalpha()


def skip_time_left(low: list[str], j: int) -> int:
    """Skip adverbs and time phrases ('on Monday', 'last week') leftwards; return the new j."""
    w = words()
    while j >= 0:
        t = low[j]
        if t in w.skip_left:
            j -= 1
        elif t in w.weekdays and j >= 1 and low[j - 1] in w.time_preps:
            j -= 2
        elif t in w.weekdays and j >= 2 and low[j - 2] in w.time_preps:
            j -= 3
        else:
            break
    return j


def left_np(toks: Toks, j: int, stop: int) -> tuple[int, int] | None:
    """Token range [i0, i1] of the speaker noun phrase ending at or before j."""
    low, text = toks.low, toks.text
    speaker_words, heads = words().speaker_words, head_words()
    j = skip_time_left(low, j)
    if j < stop:
        return None
    if low[j] == ",":  # appositive: "Kovalenko, head of ..., warned"
        k = j - 1
        while k >= stop and low[k] not in (",", "“", '"', "”"):
            k -= 1
        if k >= stop + 1 and low[k] == ",":
            j = k - 1
        else:
            return None
    if low[j] in PRONOUNS:
        return (j, j)
    i = j
    while i >= stop:
        w = low[i]
        if is_name(text[i]) or w in speaker_words or w.endswith(("’s", "'s")) or w in ("-", "."):
            i -= 1
            continue
        break
    i += 1
    while i <= j and low[i] in ("of", "and", "-", ".", "'s", "’s"):
        i += 1
    if i > j:
        return None
    if not (is_name(text[j]) or low[j] in heads):
        return None
    # a sentence-initial capitalised function word is not a name
    if i == stop and low[i] in ("the", "a", "an") and i == j:
        return None
    return (i, j)


def right_np(toks: Toks, i: int, end: int) -> tuple[int, int] | None:
    """Speaker NP right of the cue (inversion: 'said Peskov', 'according to X')."""
    low, text = toks.low, toks.text
    speaker_words = words().speaker_words
    j = i
    while j < end and (is_name(text[j]) or low[j] in speaker_words or low[j] in ("’s", "'s")
                       or low[j] in PRONOUNS and j == i):
        j += 1
    if j == i:
        return None
    return (i, j - 1)


def subject(toks: Toks, start: int, stop: int) -> tuple[int, int] | None:
    """The first name or pronoun noun phrase in tokens start..stop-1 (the clause subject)."""
    low, text = toks.low, toks.text
    i = start
    while i < stop and not (is_name(text[i]) or low[i] in PRONOUNS):
        i += 1
    if i >= stop:
        return None
    j = i
    while j + 1 < stop and (is_name(text[j + 1]) or low[j + 1] in ("’s", "'s")):
        j += 1
    return (i, j)


class Resolver:
    """Resolves speaker mentions of one document: names through the actors file, pronouns to
    the most recent compatible named speaker seen so far.

    >>> from narrative.actors import load_actors
    >>> r = Resolver(load_actors())
    >>> r.resolve("Kremlin spokesman Dmitry Peskov").name, r.resolve("He").name
    ('Dmitry Peskov', 'Dmitry Peskov')
    """

    __slots__ = ("actors", "last")

    def __init__(self, actors: Actors) -> None:
        self.actors = actors
        self.last: dict[str, Actor] = {}  # gender/kind -> most recent resolved speaker

    def resolve(self, speaker: str) -> Actor | None:
        low = speaker.lower()
        last = self.last
        if low in PRONOUNS:
            gender = PRONOUNS[low]
            if low in ("he", "she"):
                return last.get(gender) or last.get("person")
            if low in ("they", "it"):
                return last.get("institution") or last.get("person")
            return last.get("person")
        actor = self.actors.resolve(speaker)
        if actor is not None:
            if actor.kind == "person":
                last["person"] = actor
                if actor.gender:
                    last[actor.gender] = actor
            else:
                last["institution"] = actor
        return actor

    def actor_and_side(self, speaker: str) -> tuple[str, str]:
        """The resolved actor's name and side, or the mention itself with side ``other``."""
        actor = self.resolve(speaker)
        return (actor.name, actor.side) if actor else (speaker, OTHER_SIDE)


def own_voice(source: str, side: str | None, actors: Actors) -> tuple[str, str]:
    """Who speaks in a document's unattributed sentences: its publisher (actors file), else the
    source with the document's own side when the corpus gives one, else the journalist."""
    publisher = actors.publisher(source)
    if publisher:
        return publisher.name, publisher.side
    if side and side != OTHER_SIDE:
        return source, side
    return AUTHOR, JOURNALIST
