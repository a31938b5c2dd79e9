"""Speaker noun phrases around a cue, their resolution to actors, and a document's own voice.

The source is the noun phrase left of the cue (skipping adverbs, time phrases
and an appositive between commas), or right of it in inversions ("said
Peskov") and after "according to"; pronouns resolve to the most recent
compatible named speaker (:class:`Resolver`).
"""
from __future__ import annotations

from ..actors import Actor, Actors
from ..names import TITLES
from ..mention_side import unresolvable
from ..schema import OTHER_SIDE, UNKNOWN_SIDE
from ..segment.marks import OUTER_MARKS
from .coref import NameIndex
from .cues import head_words, words
from .tokens import Toks

JOURNALIST = "journalist"
AUTHOR = "(author)"
PRONOUNS = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "it": None}
POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})


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
        while k >= stop and low[k] != "," and low[k] not in OUTER_MARKS:
            k -= 1
        if k >= stop + 1 and low[k] == ",":
            inner = (k + 1, j - 1)
            j = k - 1
            if 1 <= inner[1] - inner[0] <= 3 and all(is_name(text[t]) for t in range(inner[0], inner[1] + 1)) \
                    and not is_name(text[j]) and low[j] in heads:
                return inner  # "Moldova's prime minister, Natalia Gavrilita, said": the name, not the title
            span = range(inner[0], inner[1] + 1)
            if 1 <= inner[1] - inner[0] <= 5 and sum(is_name(text[t]) and low[t] not in TITLES for t in span) >= 2 \
                    and all(is_name(text[t]) or low[t] == "." for t in span) and is_name(text[j]):
                # "The commander of the 47th Brigade, Maj. Ivan Petrenko, said": a titled name in apposition
                return inner
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
    if i > j or (i == j and (low[i] in ("the", "a", "an") or low[i] in FUNCTION_WORDS)):
        return None
    if not (is_name(text[j]) or low[j] in heads):
        return None
    # a sentence-initial capitalised function word is not a name
    if i == stop and low[i] in ("the", "a", "an") and i == j:
        return None
    if i - 2 >= stop and low[i - 1] in ("in", "of", "for", "at") and low[i - 2] in heads:
        # "Moscow-installed authorities in Kherson", "the governor of Kharkiv": the head is before the place
        outer = left_np(toks, i - 2, stop)
        if outer is not None and outer[1] == i - 2:
            return (outer[0], j)
    return (i, j)


def right_np(toks: Toks, i: int, end: int) -> tuple[int, int] | None:
    """Speaker NP right of the cue (inversion: 'said Peskov', 'according to X')."""
    low, text = toks.low, toks.text
    speaker_words = words().speaker_words
    if i < end and low[i] in POSSESSIVES:  # "emphasised their willingness": an object, not a speaker
        return None
    if i < end and low[i] in PRONOUNS:
        # "“…,” said he." inverts; "I must say it exceeded …", "say it again" have an object
        if low[i] in ("he", "she") and (i + 1 >= end or not low[i + 1][:1].isalnum()):
            return (i, i)
        return None
    j = i
    while j < end and (is_name(text[j]) or low[j] in speaker_words or low[j] in ("’s", "'s")):
        j += 1
    while j > i and low[j - 1] in ("the", "a", "an", "of", "and"):  # "acknowledged the intensity"
        j -= 1
    if j == i:
        return None
    return (i, j - 1)


_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i")
#: capitalised at a sentence start, never a speaker ("As noted, ...", "Despite the sanctions, the IMF ...")
FUNCTION_WORDS = frozenset("as if when while but and so yet after before since although though because despite in on "
                           "at for with from during by amid meanwhile however also still".split())


def clause_subject(toks: Toks, stop: int) -> tuple[int, int] | None:
    """The noun phrase that opens the unit, when it is a speaker-like one ("The government", "Mr
    Ramaphosa and others"): the subject a later coordinated verb shares."""
    low, text = toks.low, toks.text
    speaker_words, heads = words().speaker_words, head_words()
    if not stop or low[0] in FUNCTION_WORDS or low[0].endswith("ing"):
        return None
    j = 0
    while j < stop and (is_name(text[j]) or low[j] in speaker_words or low[j] in ("’s", "'s")):
        j += 1
    j -= 1
    while j >= 0 and low[j] in ("and", "of", "the", "a", "an"):
        j -= 1
    if j < 0 or not (is_name(text[j]) or low[j] in heads) or (j == 0 and low[0] in ("the", "a", "an")):
        return None
    return (0, j)
_MONTHS = frozenset("january february march april may june july august september october november december".split())


def nearest_subject(toks: Toks, j: int, inside_quote=None) -> tuple[int, int] | None:
    """The nearest name or pronoun noun phrase ending at or before token ``j`` (outside quotations):
    the subject a coordinated verb shares ("Ramaphosa acknowledged the toll but insisted ...",
    "Zelensky, who sought a clarification and insisted ...")."""
    low, text = toks.low, toks.text
    k = j
    while k >= 0:
        if inside_quote is None or not inside_quote(toks.start[k]):
            if low[k] in PRONOUNS and low[k] not in ("it", "i"):
                return (k, k)
            adjective = (low[k].endswith(_DEMONYM_ENDINGS) and k + 1 < len(low)
                         and low[k + 1].isalpha() and text[k + 1].islower())  # "the Russian economy"
            if is_name(text[k]) and low[k] not in ("the", "a", "an") and not adjective and low[k] not in _MONTHS \
                    and low[k] not in words().weekdays \
                    and (k > 0 or not low[k].endswith("ing")):
                i = k
                while i > 0 and (is_name(text[i - 1]) or low[i - 1] in ("’s", "'s")):
                    i -= 1
                relative = low[k + 1:k + 3] == [",", "who"]  # "Zelensky, who sought ... and insisted"
                p = i - 1
                if p >= 0 and low[p] in ("the", "a", "an"):  # "…, the IMF upgraded …": look before the article
                    p -= 1
                after_verb = p >= 0 and text[p].isalpha() and text[p].islower() and low[p] not in (
                    "and", "but", "then")  # "Xi praised Putin and called him ...": an object
                if relative or not after_verb:
                    return (i, k)
                k = i
        k -= 1
    return None


def subject(toks: Toks, start: int, stop: int, inside_quote=None) -> tuple[int, int] | None:
    """The first name or pronoun noun phrase in tokens start..stop-1 (the clause subject), skipping
    tokens inside a quotation when ``inside_quote`` (an offset predicate) is given."""
    low, text = toks.low, toks.text
    i = start
    while i < stop and not ((is_name(text[i]) or low[i] in PRONOUNS)
                            and not (inside_quote is not None and inside_quote(toks.start[i]))):
        i += 1
    if i >= stop:
        return None
    j = i
    while j + 1 < stop and (is_name(text[j + 1]) or low[j + 1] in ("’s", "'s")):
        j += 1
    return (i, j)


class Resolver:
    """Resolves the speaker mentions of one document, in text order.

    Names go through the actors file first; other names, surnames, acronyms, pronouns and
    descriptions ("the minister") through the document's :class:`.coref.NameIndex` when the text
    is given, else pronouns to the most recent compatible speaker the actors file knows.

    >>> from narrative.actors import load_actors
    >>> r = Resolver(load_actors())
    >>> r.resolve("Kremlin spokesman Dmitry Peskov").name, r.resolve("He").name
    ('Dmitry Peskov', 'Dmitry Peskov')
    >>> text = "Analyst Filip Ejdus spoke. He said it was spin. Ejdus added more."
    >>> r = Resolver(load_actors(), text)
    >>> [r.actor_and_side(m, text.index(m)) for m in ("Analyst Filip Ejdus", "He", "Ejdus")]
    [('Filip Ejdus', 'other'), ('Filip Ejdus', 'other'), ('Filip Ejdus', 'other')]
    """

    __slots__ = ("actors", "last", "index", "publisher", "vouched")

    def __init__(self, actors: Actors, text: str | None = None, inside_quote=None,
                 publisher: Actor | None = None, caches: dict | None = None) -> None:
        self.actors = actors
        self.last: dict[str, Actor] = {}  # gender/kind -> most recent resolved speaker
        self.index = NameIndex(text, actors, inside_quote, caches) if text is not None else None
        #: who "I"/"we" are in a publisher's own document (a Kremlin transcript's "I said" is the
        #: president, not the last person he mentioned)
        self.publisher = publisher
        #: gazetteer office holders of the side opposed to the publisher that this document names with
        #: their side (:meth:`namesake`)
        self.vouched: set[Actor] = set()

    def resolve(self, speaker: str) -> Actor | None:
        """The actors-file entry a mention names (pronouns: the most recent compatible one)."""
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

    def said(self, a: int, b: int) -> None:
        """Record more content of the last claim (a quotation that continues it)."""
        if self.index is not None:
            self.index.spoke(None, a, (a, b))

    def actor_and_side(self, speaker: str, start: int = -1,
                       content: tuple[int, int] | None = None) -> tuple[str, str]:
        """The resolved actor's name and side (:meth:`decide` without how the side was decided)."""
        return self.decide(speaker, start, content)[:2]

    def decide(self, speaker: str, start: int = -1,
               content: tuple[int, int] | None = None) -> tuple[str, str, str]:
        """``(actor, side, side_source)`` of a speaker mention; ``start`` is the mention's offset and
        ``content`` the claim's span (both needed for coreference). ``side_source`` is one of
        :data:`narrative.schema.SIDE_SOURCES`; a mention that names nobody and that coreference cannot
        resolve ("he" with no antecedent, "officials", "Last") gets side ``unknown``, not ``other``.

        >>> from narrative.actors import load_actors
        >>> text = "Kremlin spokesman Dmitry Peskov spoke. He said so. Officials said more. Analysts agreed."
        >>> r = Resolver(load_actors(), text)
        >>> [r.decide(m, text.index(m))[1:] for m in ("Kremlin spokesman Dmitry Peskov", "He", "Officials", "Analysts")]
        [('kremlin', 'actors'), ('kremlin', 'coreference'), ('unknown', 'unknown'), ('other', 'role')]
        """
        index = self.index
        known = self.resolve(speaker)
        low = speaker.lower()
        anaphor = low in ("he", "she", "it", "they")
        if low in ("i", "we") and self.publisher is not None:
            return self.publisher.name, self.publisher.side, "publisher"
        if index is None or start < 0 or (low in PRONOUNS and not anaphor):  # "I", "we": the actors file's last
            return self._named(known, speaker, low in PRONOUNS)
        if known is not None and not anaphor:
            index.spoke(known, start, content)
            if self.namesake(known, speaker):
                return speaker, OTHER_SIDE, "unlisted"
            return known.name, known.side, _list_source(known)
        entity = index.resolve(speaker, start)
        if entity is None:
            if known is None:  # "The EU High Representative said. He recalled ...": a described speaker
                index.spoke(None if anaphor else index.describe(speaker, start), start, content)
            return self._named(known, speaker, anaphor)  # "it"/"they" with no organisation: the actors file's
        index.spoke(entity, start, content)
        named = not anaphor and not unresolvable(speaker)  # the mention names the entity itself ("Ejdus")
        if entity.actor is not None:
            if isinstance(entity.actor, Actor) and self.namesake(entity.actor, speaker):
                return entity.name, OTHER_SIDE, "unlisted" if named else "coreference"
            return entity.actor.name, entity.actor.side, _list_source(entity.actor) if named else "coreference"
        # a person or body the actors file does not know: the side its mention, its titles or its own
        # name ("Ukrainian Ministry of Foreign Affairs") describes
        for k, description in enumerate((speaker, " ".join(sorted(entity.titles)), entity.name)):
            found = self.actors.mention_side(description)
            if found and found[1] != "role":
                return entity.name, found[0], found[1] if k == 0 or named else "coreference"
        return entity.name, OTHER_SIDE, "unlisted" if named else "coreference"

    def _named(self, actor: Actor | None, speaker: str, anaphor: bool = False) -> tuple[str, str, str]:
        """The actors file's entry (a pronoun's: resolved by recency), else the mention's own words."""
        if actor is not None and self.namesake(actor, speaker):
            return (actor.name if anaphor else speaker), OTHER_SIDE, "coreference" if anaphor else "unlisted"
        if actor is not None:
            return actor.name, actor.side, "coreference" if anaphor else _list_source(actor)
        found = self.actors.mention_side(speaker)
        if found is not None and found[1] != "role":
            return speaker, found[0], found[1]
        if unresolvable(speaker):
            return speaker, UNKNOWN_SIDE, "unknown"
        return speaker, OTHER_SIDE, "role" if found is not None else "unlisted"


    def namesake(self, actor: Actor, speaker: str) -> bool:
        """Is ``actor`` a gazetteer office holder of the side opposed to the document's publisher, named
        here with no sign of that side? Then the mention is a namesake, not the official.

        A gazetteer person is matched by name alone, and the folding that lets "Andrei" meet "Andriy"
        and "Alexander" meet "Oleksandr" (one name in Russian and Ukrainian romanisation) also makes a
        Russian bank head "Andrei Kostin" Ukraine's prosecutor general. A belligerent's publisher (a
        Kremlin or presidential transcript) speaks with its own side and third parties; when it quotes
        the other side it says so ("Ukraine's Prosecutor General Andriy Kostin"). So in a publisher's
        document such a match counts only after a mention of the person whose own words give the
        official's side (the noun-phrase rule); the actors file's own entries (Zelenskyy, Peskov) and
        documents without a publisher (news) are not affected.

        >>> from narrative.actors import load_actors
        >>> actors = load_actors()
        >>> r = Resolver(actors, publisher=actors.publisher("putin"))
        >>> kostin = actors.resolve("Andrei Kostin")
        >>> kostin.side, r.namesake(kostin, "Andrei Kostin"), r.namesake(kostin, "Ukraine's Prosecutor General Kostin")
        ('ukraine', True, False)
        >>> r.namesake(kostin, "Kostin"), Resolver(actors).namesake(kostin, "Andrei Kostin")
        (False, False)
        """
        own = self.publisher.side if self.publisher is not None else OTHER_SIDE
        if not actor.source or own in (OTHER_SIDE, UNKNOWN_SIDE) or actor.side in (own, OTHER_SIDE, UNKNOWN_SIDE):
            return False
        if actor in self.vouched:
            return False
        found = self.actors.mention_side(speaker)
        if found is not None and found[0] == actor.side:
            self.vouched.add(actor)
            return False
        return True


def _list_source(actor: Actor) -> str:
    """``actors`` for the actors file's own entries, ``gazetteer`` for a gazetteer's."""
    return "gazetteer" if actor.source else "actors"


def own_voice(source: str, side: str | None, actors: Actors) -> tuple[str, str]:
    """Who speaks in a document's unattributed sentences: its publisher (actors file), else the
    source with the document's own side when the corpus gives one, else the journalist."""
    publisher = actors.publisher(source)
    if publisher:
        return publisher.name, publisher.side
    if side and side != OTHER_SIDE:
        return source, side
    return AUTHOR, JOURNALIST
