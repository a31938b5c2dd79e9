"""The entities of one document and their salience: who was mentioned where, as a subject, who spoke.

:class:`Mentions` keeps, in text order, every mention read so far (its offset, its entity, whether
it is a likely subject: the first name of its sentence, outside quotations and outside what a speaker
said), the speakers of the claims found so far and the spans they said. Antecedents are searched back
by recency with agreement filters, subjects first (Lappin & Leass 1994 weigh salience the same way),
at most :data:`LOOKBACK` mentions and :data:`WINDOW` characters back: linear in the document.

>>> m = Mentions()
>>> moore = Entity("Richard Moore", "person", "m")
>>> m.add(0, moore, subject=True)
>>> m.pronoun(40, lambda e: e.kind == "person" and e.gender in (None, "m")).name
'Richard Moore'
>>> m.pronoun(40, lambda e: e.gender == "f") is None
True
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

#: mentions searched back from a speaker
LOOKBACK = 60
#: characters read back from a speaker when nothing before them was read
WINDOW = 3000
#: how far into what a speaker said a nested speaker is taken as nested (characters)
NESTED_REACH = 200


@dataclass(eq=False)
class Entity:
    """One named person or organisation of a document."""

    name: str
    kind: str | None = None  # "person", "org" or None (not known: a place, a name without evidence)
    gender: str | None = None
    titles: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # surname, acronym, last word
    actor: object = None  # the actors file's entry, when it names one
    spoke: bool = False


def as_entity(speaker) -> Entity:
    """A speaker as an :class:`Entity` (an actors-file ``Actor`` gets a fresh one)."""
    if isinstance(speaker, Entity):
        return speaker
    return Entity(speaker.name, "person" if speaker.kind == "person" else "org", speaker.gender, actor=speaker)


class Mentions:
    """The mentions, speakers and said spans of one document, in text order."""

    def __init__(self) -> None:
        self.positions: list[int] = []  # mention starts, in text order
        self.mentions: list[Entity] = []  # the entity mentioned at each position
        self.subject: list[bool] = []  # each mention: first of its sentence, outside quotations and reports
        self.free: list[bool] = []  # each mention: outside quotations and outside what a speaker said
        self.speakers: list[tuple[int, object]] = []  # (offset, Entity or actors-file Actor) of each claim's source
        self.nested: list[bool] = []  # each speaker: it stands inside what an earlier speaker said
        self.contents: list[tuple[int, int]] = []  # what speakers said: names there are not antecedents
        self.content_starts: list[int] = []
        self.content_sources: list[object] = []  # who said each content (None: not known)
        self.last_source = None  # the source of the last claim recorded (what a continuing quotation inherits)

    def add(self, start: int, entity: Entity, subject: bool, free: bool = True) -> None:
        """Record a mention read in text order (``free``: outside quotations and what was said)."""
        self.positions.append(start)
        self.mentions.append(entity)
        self.subject.append(subject)
        self.free.append(free or subject)

    def insert(self, start: int, entity: Entity) -> None:
        """Record a subject mention out of order (a described speaker: "The EU High Representative said")."""
        k = bisect_right(self.positions, start)
        self.positions.insert(k, start)
        self.mentions.insert(k, entity)
        self.subject.insert(k, True)
        self.free.insert(k, True)

    def reported(self, start: int) -> bool:
        """Whether ``start`` lies inside what a speaker said."""
        k = bisect_right(self.content_starts, start) - 1
        return k >= 0 and start < self.contents[k][1]

    def nested_at(self, start: int) -> bool:
        """Whether ``start`` lies inside what a speaker said, within :data:`NESTED_REACH` characters of its start
        (the clause right after the cue; a long, loosely cut content does not swallow later speakers)."""
        k = bisect_right(self.content_starts, start) - 1
        return k >= 0 and start < self.contents[k][1] and start - self.contents[k][0] <= NESTED_REACH

    def spoke(self, entity, start: int, content: tuple[int, int] | None, quoted: bool = False) -> None:
        """Record a claim's source at ``start`` and its ``content`` span (names there stop being subjects).
        A source inside what an earlier speaker said ("Ushakov said Biden requested …") or in quoted speech
        (``quoted``: "“Putin announced red lines …,” the diplomat said") is recorded as nested: it is what was
        said, not the next "he" nor "the diplomat"."""
        self.last_source = entity
        if entity is not None:
            nested = quoted or self.reported(start) and self.nested_at(start)
            if self.speakers and self.speakers[-1][1] is entity and self.speakers[-1][0] < start:
                self.speakers[-1], self.nested[-1] = (start, entity), nested  # the same speaker again: where last
            elif not self.speakers or self.speakers[-1][1] is not entity:
                self.speakers.append((start, entity))
                self.nested.append(nested)
        self.said(content, entity)

    def said(self, content: tuple[int, int] | None, source=None) -> None:
        """Record a span as what ``source`` (or someone not known) said: the names in it stop being
        subjects (recorded once; a later call with the source fills it in)."""
        if content is not None and content[1] > content[0]:
            a, b = content
            k = bisect_right(self.content_starts, a)
            if k and self.contents[k - 1] == content:
                if source is not None:
                    self.content_sources[k - 1] = source
                return
            self.contents.insert(k, content)
            self.content_starts.insert(k, a)
            self.content_sources.insert(k, source)
            for k in range(bisect_left(self.positions, a), bisect_left(self.positions, b)):
                self.subject[k] = self.free[k] = False

    def source_around(self, pos: int):
        """Who said the innermost recorded content holding ``pos`` (the latest starting one that reaches
        past it, within :data:`LOOKBACK` contents), or None: the speaker of the quotation a first person is in.

        >>> m = Mentions()
        >>> m.spoke(Entity("Oleg Nikolenko", "person", "m"), 0, (10, 90))
        >>> m.source_around(40).name, m.source_around(95)
        ('Oleg Nikolenko', None)
        """
        k = bisect_right(self.content_starts, pos) - 1
        stop = max(-1, k - LOOKBACK)
        while k > stop:
            a, b = self.contents[k]
            if a <= pos < b and self.content_sources[k] is not None:
                return self.content_sources[k]
            k -= 1
        return None

    def subjects_between(self, a: int, b: int) -> list[Entity]:
        """The entities mentioned as subjects at offsets in ``[a, b)`` (at most :data:`LOOKBACK`, the latest)."""
        k0, k1 = bisect_left(self.positions, a), bisect_left(self.positions, b)
        k0 = max(k0, k1 - LOOKBACK)
        return [self.mentions[k] for k in range(k0, k1) if self.subject[k]]

    def recent(self, start: int, ok, subject_only: bool = False, free_only: bool = False) -> Entity | None:
        """The most recent mentioned entity before ``start`` that ``ok`` accepts (a subject, or a mention
        outside quotations and what was said, if asked)."""
        k = bisect_left(self.positions, start) - 1
        stop = max(-1, k - LOOKBACK)
        flags = self.subject if subject_only else self.free if free_only else None
        while k > stop:
            entity = self.mentions[k]
            if (flags is None or flags[k]) and ok(entity):
                return entity
            k -= 1
        return None

    def pronoun(self, start: int, ok) -> Entity | None:
        """The antecedent of "he"/"she": the more recent of the last compatible subject and the last
        compatible speaker (a speaker is its cue's subject even where its sentence opens with a quotation;
        the object of a cue, a name inside what was said and a speaker nested in another's words are none).

        >>> m = Mentions()
        >>> m.add(0, Entity("Yury Ushakov", "person", "m"), subject=True)
        >>> m.spoke(m.mentions[0], 0, (15, 80))
        >>> m.add(20, Entity("Joe Biden", "person", "m"), subject=False)
        >>> m.spoke(m.mentions[1], 20, (40, 80))
        >>> m.pronoun(90, lambda e: e.gender == "m").name
        'Yury Ushakov'
        """
        k = bisect_left(self.positions, start) - 1
        stop = max(-1, k - LOOKBACK)
        subject_at, subject = -1, None
        while k > stop:
            if self.subject[k] and ok(self.mentions[k]):
                subject_at, subject = self.positions[k], self.mentions[k]
                break
            k -= 1
        floor = max(subject_at, start - WINDOW)  # linear: only the speakers of the window before
        nested = self.nested
        last = len(nested) - 1
        for n, (at, entity) in enumerate(reversed(self.speakers)):
            if at >= start or nested[last - n]:  # a nested source is not the next "he" (what was said)
                continue
            if at <= floor or n > LOOKBACK:
                break
            entity = as_entity(entity)
            if ok(entity):
                return entity
        return subject

    def last_speaker(self, ok) -> Entity | None:
        """The most recent speaker (within :data:`LOOKBACK` speakers) that ``ok`` accepts, as an entity; not a
        nested one (a source inside what another said)."""
        last = len(self.nested) - 1
        for n, (_pos, entity) in enumerate(reversed(self.speakers)):
            if n > LOOKBACK:
                break
            if not self.nested[last - n] and ok(entity):
                return as_entity(entity)
        return None
