"""Definite descriptions and local bodies: who "the MI6 chief", "the group" and "the city council" are.

A description refers back by its head word (:func:`described`): to the most recent entity whose
titles hold it ("the MI6 chief" → the Richard Moore introduced as "MI6 chief Richard Moore"), whose
organisation name holds it ("the Institute"), to the last organisation for a generic one ("the
group"), else, for a person noun ("the expert"), to the most recent person who spoke, and for a document
noun ("the statement") to the most recent speaker. A description
that says its side ("the Russian minister") refers only to an entity of no other side. "The city
council", "its infrastructure minister" are a body of the place named just before (:func:`local`).

>>> from narrative.speakers.salience import Entity, Mentions
>>> m = Mentions()
>>> m.add(0, Entity("Richard Moore", "person", "m", titles={"mi6", "chief"}), subject=True)
>>> described(None, m, ["the", "mi6", "chief"], 50, None).name
'Richard Moore'
"""
from __future__ import annotations

from ..schema import OTHER_SIDE
from .institutions import third_countries
from .mention_side import STATE_HEADS, place_before
from .names import ROLES
from .runs import ORG_WORDS
from .salience import Entity, Mentions

#: organisation nouns that can stand for any organisation ("the group says")
GENERIC_ORG = frozenset("group organisation organization body agency institution fund alliance bloc".split())


#: what a speaker issues that can stand for them ("the statement said", "the communique added")
DOCUMENT_NOUNS = frozenset("statement communique communiqué release letter message document decree".split())

#: determiners of a description that introduces someone new, never the last speaker ("a politician wrote", "her
#: lawyer said": not the person named before; the title given to a person still names them)
NEW_REFERENT = frozenset("a an his her their its our my your".split())
#: titles a single person holds, which a description names that person by ("the US Secretary of State")
PERSON_TITLES = frozenset("president secretary minister adviser advisor chancellor premier spokesman spokeswoman "
                          "spokesperson ambassador envoy governor mayor commander chief leader".split())


def side_of(actors, mention: str) -> str | None:
    """The side a mention's own words give ("the Russian minister"; a third state's, "the British minister",
    ``other``: it refers to no Russian or Ukrainian entity), or None.

    >>> from narrative.speakers.actors import load_actors
    >>> actors = load_actors()
    >>> side_of(actors, "the Russian minister"), side_of(actors, "the British minister"), side_of(actors, "the minister")
    ('kremlin', 'other', None)
    """
    if actors is None:
        return None
    found = actors.mention_side(mention)
    if found is not None:
        return found[0] if found[1] != "role" else None
    words = mention.replace("’", "'").split()
    if actors.side_rule and words and words[-1].lower() in actors.side_rule["heads"]:
        third = third_countries()
        if any(w in third or w.removesuffix("'s") in third for w in words[:-1]):
            return OTHER_SIDE
    return None


def entity_side(actors, entity) -> str | None:
    """An entity's side: its actor's, else what its titles or name say ("deputy minister of foreign
    affairs of Russia"), else None."""
    actor = entity.actor if isinstance(entity, Entity) else entity
    if actor is not None:
        return actor.side
    return side_of(actors, " ".join(sorted(entity.titles)) + " " + entity.name)


def description(actors, mentions: Mentions, low: list[str], start: int, side: str | None = None) -> Entity | None:
    """:func:`described`, refused when the entity found is of another side than the description's."""
    found = described(actors, mentions, low, start, side)
    if found is not None and side is not None and entity_side(actors, found) not in (None, side):
        return None
    return found


def head_noun(low: list[str]) -> str:
    """The head noun of a description's lower-case words: the last word, or the noun before "of" ("the head of
    state", "the director of the organisation", "the US secretary of state").

    >>> head_noun("the us secretary of state".split()), head_noun("the regional governor".split())
    ('secretary', 'governor')
    """
    return low[low.index("of") - 1] if "of" in low else low[-1]


def described(actors, mentions: Mentions, low: list[str], start: int, side: str | None) -> Entity | None:
    """The entity a description's lower-case words ``low`` at ``start`` refer to, or None."""
    agrees = (lambda e: True) if side is None else (lambda e: entity_side(actors, e) in (None, side))
    head = head_noun(low)
    if low[-2:] == ["of", "state"] and head in ("head", "chief") or low[-2:] == ["state", "head"]:
        # "the head of state" is the president (not "the Secretary of State")
        wanted = {"president", "king", "queen", "leader"}
    else:
        wanted = {head}
    found = mentions.recent(start, lambda e: (not e.titles.isdisjoint(wanted)
                            or (head in ORG_WORDS and e.kind == "org" and head in e.name.lower().split())) and agrees(e))
    if found is None and head in GENERIC_ORG:  # "the group", "the organisation": the last organisation
        found = next((e for _p, e in reversed(mentions.speakers) if isinstance(e, Entity) and e.kind == "org"), None)
        found = found or mentions.recent(start, lambda e: e.kind == "org", subject_only=True)
    if found is None and head in ROLES and low[0] not in NEW_REFERENT:
        return mentions.last_speaker(lambda e: agrees(e) and e.kind == "person" and not _other_office(e, head))
    if found is None and head in DOCUMENT_NOUNS:  # "the statement said": whoever spoke last issued it
        return mentions.last_speaker(agrees)
    return found


def _other_office(entity, head: str) -> bool:
    """Does ``entity`` hold a person's office other than the title ``head``? "The mayor said …. The president
    said …": the president is not the mayor who spoke last (an actors-file entry carries no titles)."""
    titles = getattr(entity, "titles", None)
    return bool(titles) and head in PERSON_TITLES and head not in titles and not titles.isdisjoint(PERSON_TITLES)


def local(text: str, actors, place_sides: dict, is_person, mention: str, low: list[str], start: int) -> Entity | None:
    """"the city council", "the regional governor", "its infrastructure minister": a body of the place
    (or country) the text named just before, when the mention names none itself (a new entity named
    after it, e.g. "Kharkiv city council"). ``place_sides``: the actors file's place aliases and their
    sides (:func:`place_sides`); ``is_person(word)``: whether a word names a person of the document."""
    if low[-1] not in STATE_HEADS and low[-1] not in ORG_WORDS or actors.mention_side(mention) is not None:
        return None
    if any(w[:1].isupper() for w in mention.split()[1:]):
        return None  # "the Riga City Council" names its place
    found = place_before(text, start, place_sides, is_person)
    if found is None:
        return None
    place, _side = found
    rest = " ".join(mention.split()[1:]) if low[0] in ("the", "its", "their", "a", "an") else mention
    name = f"{place}'s {rest}" if low[0] in ("its", "their") else f"{place} {rest}"
    return Entity(name, "org", titles={place.lower()})


def place_sides(actors) -> dict[str, str]:
    """The actors file's place aliases and the side of each."""
    return {a: actor.side for a, actor in actors.aliases.items() if actor.kind == "place"}
