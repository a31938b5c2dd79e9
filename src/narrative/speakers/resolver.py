"""A speaker mention to its actor, side and how the side was decided; a document's own voice.

:class:`Resolver` reads the speaker mentions of one document in text order: names through the
actors file first, other names, surnames, acronyms, pronouns and descriptions through the
document's :class:`.coref.NameIndex`. :func:`own_voice` says who speaks in a document's
unattributed sentences.
"""
from __future__ import annotations

from ..schema import OTHER_SIDE, UNKNOWN_SIDE
from .actors import Actor, Actors
from .coref import NameIndex
from .descriptions import PERSON_TITLES, entity_side, head_noun
from .first_person import FIRST_PERSON, attribution_after, quotation_ends
from .institutions import CountryContext, context_side
from .mention_side import body_phrase, unresolvable
from .runs import ORG_WORDS

JOURNALIST = "journalist"
AUTHOR = "(author)"
#: personal pronouns a speaker slot can hold, with the gender they agree with (None: any)
PRONOUNS = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "it": None}
#: object and possessive pronouns a source can be ("according to him", "in his opinion"), resolved as their
#: subject form
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "his": "he", "their": "they"}  # "In his opinion"
#: head words of a body speaker besides the organisation words ("the military added … it also said")
BODY_HEADS = ORG_WORDS | {"military", "kremlin", "embassy", "mission", "headquarters", "cabinet", "presidency"}
#: how far (characters) a body that spoke last stays the referent of the next speaker "it"
IT_BODY_WINDOW = 1500


class Resolver:
    """Resolves the speaker mentions of one document, in text order.

    Names go through the actors file first; other names, surnames, acronyms, pronouns and
    descriptions ("the minister") through the document's :class:`.coref.NameIndex` when the text
    is given, else pronouns to the most recent compatible speaker the actors file knows.

    >>> from narrative.speakers.actors import load_actors
    >>> r = Resolver(load_actors())
    >>> r.resolve("Kremlin spokesman Dmitry Peskov").name, r.resolve("He").name
    ('Dmitry Peskov', 'Dmitry Peskov')
    >>> text = "Analyst Filip Ejdus spoke. He said it was spin. Ejdus added more."
    >>> r = Resolver(load_actors(), text)
    >>> [r.actor_and_side(m, text.index(m)) for m in ("Analyst Filip Ejdus", "He", "Ejdus")]
    [('Filip Ejdus', 'other'), ('Filip Ejdus', 'other'), ('Filip Ejdus', 'other')]
    """

    __slots__ = ("actors", "last", "index", "publisher", "vouched", "_quotations", "_context", "_body")

    def __init__(self, actors: Actors, text: str | None = None, inside_quote=None,
                 publisher: Actor | None = None, caches: dict | None = None, *,
                 quoted: list[tuple[int, int]] | None = None) -> None:
        """``inside_quote``: whether an offset lies in quoted speech; ``quoted``: the document's quoted speech
        (its quotations and dash-led lines of speech, disjoint and in order: the document view's), else found
        here when a first person needs them (:func:`.first_person.quotation_ends`)."""
        self.actors = actors
        self.last: dict[str, Actor] = {}  # gender/kind -> most recent resolved speaker
        self.index = NameIndex(text, actors, inside_quote, caches) if text is not None else None
        #: who "I"/"we" are in a publisher's own document (a Kremlin transcript's "I said" is the
        #: president, not the last person he mentioned)
        self.publisher = publisher
        #: gazetteer office holders of the side opposed to the publisher that this document names with
        #: their side (:meth:`namesake`)
        self.vouched: set[Actor] = set()
        # the document's quoted speech (starts, ends), given or found once a first person needs it
        self._quotations = None if quoted is None else ([a for a, _b in quoted], [b for _a, b in quoted])
        self._context = None  # the document's country phrases (.institutions), once a bare speaker needs them
        self._body: tuple[int, str, str] | None = None  # (start, actor, side) of the last speaker if it is a body

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
            self.index.memory.said((a, b), self.index.memory.last_source)  # the continued claim's source

    def actor_and_side(self, speaker: str, start: int = -1,
                       content: tuple[int, int] | None = None) -> tuple[str, str]:
        """The resolved actor's name and side (:meth:`decide` without how the side was decided)."""
        return self.decide(speaker, start, content)[:2]

    def decide(self, speaker: str, start: int = -1,
               content: tuple[int, int] | None = None) -> tuple[str, str, str]:
        """:meth:`_decide`; a bare institution or "it" that it leaves ``unknown`` takes its country from the
        article (:mod:`.institutions`, ``side_source`` ``context``): "the defence ministry" after "Russia's
        defence ministry", "It demands …" after "Ukraine has an interest …"."""
        low = speaker.lower()
        body = self._body
        if low == "it" and body is not None and 0 <= start - body[0] <= IT_BODY_WINDOW:
            # "… the military added. “…,” it also said.": the body that spoke last, not an organisation named
            # since in what was said or around it
            return body[1], body[2], "coreference"
        found = self._decide(speaker, start, content)
        if found[1] == UNKNOWN_SIDE and start >= 0 and self.index is not None and low not in FIRST_PERSON:
            if self._context is None:
                self._context = CountryContext(self.index.text, self.actors.side_rule)
            found = context_side(self._context, self.actors, speaker, start, self.index.inside_quote) or found
        if low != "it" and start >= 0:
            words_ = low.split()
            self._body = (start, found[0], found[1]) if words_ and low not in PRONOUNS and head_noun(words_) in BODY_HEADS \
                else None
        return found

    def _decide(self, speaker: str, start: int = -1,
                content: tuple[int, int] | None = None) -> tuple[str, str, str]:
        """``(actor, side, side_source)`` of a speaker mention; ``start`` is the mention's offset and
        ``content`` the claim's span (both needed for coreference). ``side_source`` is one of
        :data:`narrative.schema.SIDE_SOURCES`; a mention that names nobody and that coreference cannot
        resolve ("he" with no antecedent, "officials", "Last") gets side ``unknown``, not ``other``.

        >>> from narrative.speakers.actors import load_actors
        >>> text = "Kremlin spokesman Dmitry Peskov spoke. He said so. Officials said more. Analysts agreed."
        >>> r = Resolver(load_actors(), text)
        >>> [r.decide(m, text.index(m))[1:] for m in ("Kremlin spokesman Dmitry Peskov", "He", "Officials", "Analysts")]
        [('kremlin', 'actors'), ('kremlin', 'coreference'), ('unknown', 'unknown'), ('other', 'role')]
        """
        speaker = OBJECT_PRONOUNS.get(speaker.lower(), speaker)  # "According to him, …": as "he"
        index = self.index
        known = self.resolve(speaker)
        low = speaker.lower()
        anaphor = low in ("he", "she", "it", "they")
        if low in ("i", "we") and self.publisher is not None:
            return self.publisher.name, self.publisher.side, "publisher"
        if low in FIRST_PERSON and index is not None and start >= 0:  # the quotation's own speaker, else nobody
            return self._first_person(speaker, start)
        if index is None or start < 0 or (low in PRONOUNS and not anaphor):  # "I", "we": the actors file's last
            return self._named(known, speaker, low in PRONOUNS)
        if known is not None and not anaphor and known.kind != "person":
            titled = self._titled_person(speaker, start)
            if titled is not None:  # "the US Secretary of State said": the secretary named before, not the state
                index.spoke(titled, start, content)
                actor = titled.actor if isinstance(titled.actor, Actor) else None
                return (actor.name, actor.side, "coreference") if actor is not None else (
                    titled.name, known.side, "coreference")
        if known is not None and not anaphor:
            index.spoke(known, start, content)
            if self.namesake(known, speaker):
                return speaker, OTHER_SIDE, "unlisted"
            if known.kind != "person" and self.actors.names_body(speaker):  # "the U.S. Treasury": that body
                return body_phrase(speaker), known.side, _list_source(known)
            return known.name, known.side, _list_source(known)
        entity = index.resolve(speaker, start)
        if entity is None:
            if known is None:  # "The EU envoy said. He added ...": a described speaker
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
        if anaphor and unresolvable(entity.name):  # "officials said … they added": a description nobody resolved
            return entity.name, UNKNOWN_SIDE, "unknown"
        return entity.name, OTHER_SIDE, "unlisted" if named else "coreference"

    def _titled_person(self, speaker: str, start: int):
        """The person a definite description headed by a person's title names ("the US Secretary of State", "the
        Kremlin adviser") when the document named a person with that title before; else None (then the state or
        body the description holds speaks, as before). Only a title the person was given counts: "the US defense
        official" is no named official."""
        words_ = speaker.split()
        low = [w.lower().strip(".,") for w in words_]
        if len(low) < 3 or low[0] != "the":
            return None
        head = head_noun(low)
        if head not in PERSON_TITLES:
            return None
        entity = self.index.resolve(speaker, start)
        return entity if entity is not None and entity.kind == "person" and head in entity.titles else None

    def _first_person(self, speaker: str, start: int) -> tuple[str, str, str]:
        """"I"/"we" inside a quotation: who said the content around it, else the attribution after the
        quotation (:mod:`.first_person`), else ``unknown``."""
        memory = self.index.memory
        source = memory.source_around(start)
        if source is not None:
            side = entity_side(self.actors, source)
            return source.name, side or OTHER_SIDE, "coreference"
        if self._quotations is None:
            self._quotations = quotation_ends(self.index.text)
        found = attribution_after(self.index.text, start, self._quotations)
        if found is not None and found[0].lower() not in FIRST_PERSON:
            actor, side, _source = self.decide(found[0], found[1])
            if side != UNKNOWN_SIDE:
                return actor, side, "coreference"
        return speaker, UNKNOWN_SIDE, "unknown"

    def _named(self, actor: Actor | None, speaker: str, anaphor: bool = False) -> tuple[str, str, str]:
        """The actors file's entry (a pronoun's: resolved by recency), else the mention's own words."""
        if actor is not None and self.namesake(actor, speaker):
            return (actor.name if anaphor else speaker), OTHER_SIDE, "coreference" if anaphor else "unlisted"
        if actor is not None:
            return actor.name, actor.side, "coreference" if anaphor else _list_source(actor)
        found = self.actors.mention_side(speaker)
        if found is not None:  # a side by nationality or place; or a role no state's side ("the former minister")
            return speaker, found[0], found[1]
        if unresolvable(speaker):
            return speaker, UNKNOWN_SIDE, "unknown"
        return speaker, OTHER_SIDE, "unlisted"

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

        >>> from narrative.speakers.actors import load_actors
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
