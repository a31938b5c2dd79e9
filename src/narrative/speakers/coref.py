"""Speaker coreference within one document: who "he", "the minister" and "Ejdus" are.

A document's named mentions are read once, left to right and only as far as a speaker needs
(:class:`NameIndex`): runs of capitalised words, split into titles ("South African President")
and the name ("Cyril Ramaphosa"), with a role word just before them ("analyst Filip Ejdus"),
an acronym in brackets ("Institute for the Study of War (ISW)"), a gender when the text gives one
(the actors file, "Mr"/"Ms", or the first "he"/"she"/"his"/"her" that follows in the sentence) and
a kind (person when a title, a role word, a reporting verb or such a pronoun goes with it).

:meth:`NameIndex.resolve` maps a speaker mention at an offset to the entity it names:

* a name, a surname ("Ejdus", "Mr Moore") or an acronym ("KIIS", "ISW experts") to the most recent
  entity carrying it;
* "he"/"she" to the most recent person of a compatible gender (unknown gender is compatible) that
  is the first name of its sentence and stands neither inside a quotation nor inside what a
  speaker said (the content of a claim already found); "it"/"they" to organisations;
* a definite description ("the MI6 chief", "the head of state", "the Institute") to the most recent
  entity whose titles or name hold its head word, else, for a person noun ("the expert"), to the
  most recent person who spoke.

After Hobbs-style recency with agreement filters (Lappin & Leass 1994 weigh salience the same way:
subjects first); no learned model. Linear in the document's length: each run is read once, at most
3,000 characters back from a speaker when nothing there was read, and a run's split into titles and
name is cached per actors file (the same runs recur across a corpus).

>>> text = ("MI6 chief Richard Moore spoke in Aspen. He said Russia was tired. "
...         "The MI6 chief said Kyiv could strike back. Mr Moore added more.")
>>> ix = NameIndex(text)
>>> [ix.resolve(m, text.index(m)).name for m in ("He", "The MI6 chief", "Mr Moore")]
['Richard Moore', 'Richard Moore', 'Richard Moore']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..mention_side import LOCAL_WORDS, STATE_HEADS, place_before
from ..names import ROLES, TITLES, fold, in_name
from ..segment.marks import OUTER_MARKS

#: words that make a capitalised run an organisation
ORG_WORDS = frozenset("""
institute institution ministry department office council committee agency service services center centre group party
bank university forum fund organisation organization union commission command staff administration government
agency bureau company corporation association foundation court parliament assembly army navy force forces guard
affairs
""".split())
#: organisation nouns that can stand for any organisation ("the group says")
_GENERIC_ORG = frozenset("group organisation organization body agency institution fund alliance bloc".split())
#: words before a run that make its mention an object, not a subject ("a question from Mr Zelensky")
_OBJECT_BEFORE = frozenset("of with to by from for about against on at in into including between among than like "
                           "thanked met called told urged asked".split())
_HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lord": "m", "lady": "f"}
_SKIP_FIRST = frozenset("the a an this that these those in on at for with by from of to and but or as if when while "
                        "after before since during it he she they we i his her their our its some many other most "
                        "several both all each".split())
#: a run of capitalised words (with initials, hyphens, apostrophes and lower-case particles inside)
_UP = "A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0400-\u042F"
_PARTICLES = frozenset("de van von der al bin da la le du of the for".split())
_CAP = rf"(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Col|Lt|Jr|Sr|[{_UP}])\.|[{_UP}][\w’'-]*)"  # a full stop only after an initial
# the first word of a run is _CAP written to start with its capital letter and look back from there: a
# pattern that opens with a character class lets the regex engine skip to candidate positions (the
# lookbehind-first form tried every offset: 2x slower on news and press releases, the same matches)
_FIRST_CAP = (rf"[{_UP}](?<![\w’'-].)(?:(?<=M)rs?\.|(?<=M)s\.|(?<=D)r\.|(?<=S)[tr]\.|(?<=[GS])en\.|(?<=R)ep\.|"
              rf"(?<=C)ol\.|(?<=L)t\.|(?<=J)r\.|\.|[\w’'-]*)")
_RUN = re.compile(rf"{_FIRST_CAP}(?:[ \t]+(?:(?:{'|'.join(sorted(_PARTICLES))})[ \t]+)*{_CAP})*")
_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9]{1,9})\)")
_PRONOUN_AFTER = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b|[.!?\n]")
_WORD = re.compile(r"[\w’'-]+")
_APPOSITION = re.compile(r",[ \t]+([^,.;:!?\n" + re.escape("".join(sorted(OUTER_MARKS))) + r"]{3,90}?),")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_CUE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:said|says|told|added|wrote|warned|stressed|noted|explained|insisted)\b")
_LOOKBACK = 60  # mentions searched back from a speaker
_WINDOW = 3000  # characters read back from a speaker when nothing before them was read


def first_name_gender(actors, word: str) -> str | None:
    """``m``/``f`` for a first name that the actors file's and gazetteers' persons of one gender carry
    (folded: "Olena", "Ołena"), else None; the table is built once per actors file."""
    table = getattr(actors, "_first_names", None)
    if table is None:
        seen: dict[str, set] = {}
        for actor in actors.actors:
            if actor.kind == "person" and actor.gender in ("m", "f") and " " in actor.name:
                seen.setdefault(fold(actor.name.split()[0]), set()).add(actor.gender)
        table = actors._first_names = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k) >= 3}
    return table.get(fold(word))


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


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


class NameIndex:
    """Named mentions of one document, read lazily up to the offsets asked about."""

    def __init__(self, text: str, actors=None, inside_quote=None, caches: dict | None = None) -> None:
        """``caches``: a dict that outlives the document, for one actors file (the run's
        :meth:`narrative.claims.document.Resources.cache`); else the index keeps its own."""
        self.text, self.actors, self.inside_quote = text, actors, inside_quote
        # how each run splits into titles and a name depends only on the run and the actors file,
        # and so do the one-word person aliases ("putin") a scan looks for
        caches = {} if caches is None else caches
        self._run_cache = caches.setdefault("runs", {})
        if "person_words" not in caches:
            caches["person_words"] = frozenset() if actors is None else frozenset(
                alias.lower() for alias, actor in actors.aliases.items() if actor.kind == "person" and " " not in alias)
        self._person_words = caches["person_words"]
        self.subject: list[bool] = []  # each mention: first of its sentence, outside quotations and reports
        self._last_sentence = -1
        self._sentence_memo = (-1, 0)  # (position, its sentence start) last asked about
        self.scanned = 0
        self.positions: list[int] = []  # mention starts, in text order
        self.mentions: list[Entity] = []  # the entity mentioned at each position
        self.by_key: dict[str, Entity] = {}  # most recent entity for each key (lower case)
        self.speakers: list[tuple[int, Entity]] = []
        self.contents: list[tuple[int, int]] = []  # what speakers said: names there are not antecedents
        self.content_starts: list[int] = []

    # -- reading ---------------------------------------------------------------------------------
    def _scan_to(self, end: int) -> None:
        if end <= self.scanned:
            return
        text = self.text
        # only the window before a speaker can hold its antecedent (recency, _LOOKBACK mentions):
        # text further back that no speaker needed is not read (press releases: "the President" far apart)
        begin = max(self.scanned, end - _WINDOW)
        by_key, persons = self.by_key, self._person_words
        for m in _RUN.finditer(text, begin, end):
            if m.end() > end:  # a run crossing the offset is read on a later call
                end = m.start()
                break
            run = m.group(0)
            if " " not in run and "\t" not in run:
                # most runs are one capitalised word: a sentence start, a place, nobody known. One is read
                # when it names a known entity ("Ejdus"), a person of the actors file ("Putin") or comes
                # with an acronym
                low = run.lower()
                if low not in by_key and low not in persons:
                    if low[-1] in ".s":  # "J.", "Putin's": the plain word
                        low = low.rstrip(".")
                        if low.endswith(("'s", "’s")):
                            low = low[:-2]
                        if low not in by_key and low not in persons and not text.startswith(" (", m.end()):
                            continue
                    elif not text.startswith(" (", m.end()):
                        continue
            self._add_run(m.start(), run)
        self.scanned = max(self.scanned, end)

    def _add_run(self, start: int, run: str) -> None:
        text = self.text
        end = start + len(run)
        acronym = _ACRONYM.match(text, end) if text.startswith(" (", end) or text.startswith("(", end) else None
        acronym_follows = acronym is not None
        cache = self._run_cache
        split = cache.get((run, acronym_follows), False)
        if split is False:  # the same runs recur across a corpus ("President of Ukraine Volodymyr Zelenskyy")
            split = self._split_run(run, acronym_follows)
            if len(cache) < 200_000:
                cache[(run, acronym_follows)] = split
        if split is None:
            return
        name_words, name_low, run_titles, name, full = split
        titles = set(run_titles)
        before = text[max(0, start - 40):start]
        if "." in before or "\n" in before or "!" in before or "?" in before:
            before = _SENTENCE_END.split(before)[-1]  # this sentence's words only
        prev_low = _words(before.lower())[-3:]
        if prev_low and prev_low[-1] in ROLES:  # "analyst Filip Ejdus", "MI6 chief Richard Moore"
            titles.update(w for w in prev_low if w.isalpha() or w[:1].isdigit() or w.isalnum())
        if text.startswith(",", end):
            apposition = _APPOSITION.match(text, end)
            if apposition and set(_words(apposition.group(1).lower())) & ROLES:
                # "Emine Dzheppa, First Deputy Minister of Foreign Affairs of Ukraine, said"
                titles.update(_words(apposition.group(1).lower()))
        entity = self._entity_for(name, name_low, full)
        entity.titles |= titles
        if acronym:
            entity.keys.add(acronym.group(1).lower())
            self.by_key[acronym.group(1).lower()] = entity
        if entity.kind is None:
            if set(name_low) & ORG_WORDS or acronym:
                entity.kind = "org"
            elif titles or _CUE_AFTER.match(self.text, end):
                entity.kind = "person"
        honorific = next((_HONORIFIC[w] for w in titles if w in _HONORIFIC), None) if titles else None
        if honorific and entity.gender is None:
            entity.gender, entity.kind = honorific, "person"
        if entity.gender is None and entity.kind != "org" and len(name_words) >= 2:
            p = _PRONOUN_AFTER.search(self.text, end, end + 160)
            if p and p.group(0) not in ".!?\n":
                entity.gender = "m" if p.group(1) else "f"
                entity.kind = entity.kind or "person"
            elif self.actors is not None:  # "Olena Shulyak": a first name the lists know gives the gender
                gender = first_name_gender(self.actors, name_words[0])
                if gender:
                    entity.gender, entity.kind = gender, entity.kind or "person"
        self.positions.append(start)
        self.mentions.append(entity)
        quoted = self.inside_quote is not None and self.inside_quote(start)
        k = bisect_right(self.content_starts, start) - 1
        reported = k >= 0 and start < self.contents[k][1]
        sentence = self._sentence_at(start)
        first = sentence != self._last_sentence  # the first name of its sentence: the likely subject
        # "of"/"the" after a role noun open the subject's own noun phrase ("The head of the Ministry … Sikorski")
        role_of = len(prev_low) >= 2 and "of" in prev_low and prev_low[prev_low.index("of") - 1] in ROLES
        self.subject.append(not quoted and not reported and first
                            and (role_of or not (set(prev_low[-2:]) & _OBJECT_BEFORE)))
        if not quoted:
            self._last_sentence = sentence

    def _sentence_at(self, pos: int) -> int:
        """:meth:`_sentence_start`, searching only the text since the last position asked about when
        positions come in order (as a scan reads them): the same value, without re-reading 400
        characters for every name."""
        last_pos, last_start = self._sentence_memo
        lo = max(0, pos - 400)
        if not lo <= last_pos <= pos:
            start = self._sentence_start(pos)
        else:
            text, a = self.text, max(lo, last_pos - 1)
            k = max(text.rfind(". ", a, pos), text.rfind("? ", a, pos), text.rfind("! ", a, pos), text.rfind("\n", a, pos))
            start = k + 1 if k >= 0 else max(last_start, lo)
        self._sentence_memo = (pos, start)
        return start

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (the last ". ", "? ", "! " or line break before it,
        looked for within 400 characters)."""
        text, lo = self.text, max(0, pos - 400)
        return max(text.rfind(". ", lo, pos), text.rfind("? ", lo, pos), text.rfind("! ", lo, pos),
                   text.rfind("\n", lo, pos), lo - 1) + 1

    def _split_run(self, run: str, acronym_follows: bool):
        """``(name words, their lower case, title words, the name, its lower case)`` of a capitalised
        run, or None when it names nobody (only titles, a place)."""
        words = run.split()
        low = [w.lower().rstrip(".") for w in words]
        k = 0
        while k < len(low) and low[k] in _SKIP_FIRST:  # a sentence-initial "The", "In"
            k += 1
        if k == len(low):
            return None
        words, low = self._drop_possessive(words, low)
        run_low = low[k:]
        cut = max((i for i in range(k, len(low)) if low[i] in ROLES or low[i] in ORG_WORDS), default=-1)
        last_org = max((i for i in range(k, len(low)) if low[i] in ORG_WORDS), default=-1)
        person_tail = last_org >= 0 and len(low) - last_org - 1 >= 2 and not set(low[last_org + 1:]) & _PARTICLES
        if acronym_follows or (set(run_low) & ORG_WORDS and not set(run_low) & ROLES and not person_tail):
            cut = -1  # an organisation's whole name: "Kyiv International Institute of Sociology (KIIS)"
        name_words, name_low, titles = words[k:], low[k:], set()
        if cut >= 0:  # the name is the particle-free end after the last title or organisation word
            if cut == len(low) - 1:
                return None  # only titles: "Vice President", "the Head of State" (a description, not a name)
            j = len(low)
            while j > cut + 1 and low[j - 1] not in _PARTICLES:
                j -= 1
            # "President of Ukraine Volodymyr Zelenskyy", "Secretary of State Antony Blinken": places,
            # institutions and "State" before the name belong to the title
            while j < len(low) - 1 and (low[j] in ORG_WORDS or low[j] == "state" or self._place(words[j])):
                j += 1
            if j > 0 and low[j - 1] == "of" and len(low) - j >= 3:
                j += 1  # "Minister of Foreign Affairs of Lithuania Gabrielius Landsbergis": "of Lithuania" is the title's
            if j == len(low) - 1 and (low[j] == "state" or self._place(words[j])):
                return None
            name_words, name_low, titles = words[j:], low[j:], set(low[k:j])
        if not name_words:
            return None
        return (tuple(name_words), tuple(name_low), frozenset(titles), " ".join(name_words).rstrip(".,"),
                " ".join(name_low))

    def _place(self, word: str) -> bool:
        """Whether the actors file knows ``word`` as a place or an institution ("Ukraine")."""
        actor = self.actors.aliases.get(word) if self.actors is not None else None
        return actor is not None and actor.kind != "person"

    @staticmethod
    def _drop_possessive(words: list[str], low: list[str]) -> tuple[list[str], list[str]]:
        """"Prime Minister Miloš Vučević's": the name without its possessive ending."""
        last = words[-1]
        if last.endswith(("'s", "’s")) and len(last) > 2:
            return words[:-1] + [last[:-2]], low[:-1] + [low[-1][:-2]]
        return words, low

    def _entity_for(self, name: str, name_low: list[str], full: str) -> Entity:
        """The entity a name refers to (``full``: its lower-case words joined): a known one by full
        name or surname, else a new one."""
        entity = self.by_key.get(full)
        if entity is None and len(name_low) == 1:
            entity = self.by_key.get(name_low[0])
        if entity is None:
            actor = self._actor_of(name)
            entity = Entity(name, actor=actor)
            if actor is not None:
                entity.kind = "person" if actor.kind == "person" else "org"
                entity.gender = actor.gender
        elif len(name) > len(entity.name) and name.endswith(entity.name.split()[-1]):
            entity.name = name  # "Moore" first, "Richard Moore" later
        entity.keys.update((full, name_low[-1]))
        for key in entity.keys:
            self.by_key[key] = entity
        return entity

    def _actor_of(self, name: str):
        """The actors file's entry a name ends with ("Kyiv International Institute of Sociology" is
        not Kyiv; "Olena Kovalenko" is not the actors file's Andriy Kovalenko), cached per actors file."""
        if self.actors is None:
            return None
        cache = self._run_cache
        key = ("name", name)
        if key not in cache:
            found = [m for m in self.actors.matches(name) if m[1] == len(name)]
            actor = found[-1][2] if found else None
            if actor is not None and not all(in_name(w, actor.name) for w in name[:found[-1][0]].split()):
                actor = None
            if actor is None and not found and " " in name:  # "Wołodymyr Zelnski": a spelling variant
                actor = self.actors.variant(name)
            if len(cache) < 200_000:
                cache[key] = actor
            return actor
        return cache[key]

    # -- resolving -------------------------------------------------------------------------------
    def _pronoun(self, start: int, ok) -> Entity | None:
        """The antecedent of "he"/"she": the more recent of the last compatible subject and the last
        compatible speaker (a speaker is its cue's subject even where its sentence opens with a quotation;
        the object of a cue or a name inside what was said is neither)."""
        k = bisect_left(self.positions, start) - 1
        stop = max(-1, k - _LOOKBACK)
        subject_at, subject = -1, None
        while k > stop:
            if self.subject[k] and ok(self.mentions[k]):
                subject_at, subject = self.positions[k], self.mentions[k]
                break
            k -= 1
        floor = max(subject_at, start - _WINDOW)  # linear: only the speakers of the window before
        for n, (at, entity) in enumerate(reversed(self.speakers)):
            if at >= start:
                continue
            if at <= floor or n > _LOOKBACK:
                break
            if not isinstance(entity, Entity):  # a speaker the actors file knew
                entity = Entity(entity.name, "person" if entity.kind == "person" else "org", entity.gender, actor=entity)
            if ok(entity):
                return entity
        return subject

    def _recent(self, start: int, ok, subject_only: bool = False) -> Entity | None:
        k = bisect_left(self.positions, start) - 1
        stop = max(-1, k - _LOOKBACK)
        while k > stop:
            entity = self.mentions[k]
            if (not subject_only or self.subject[k]) and ok(entity):
                return entity
            k -= 1
        return None

    def resolve(self, mention: str, start: int) -> Entity | None:
        """The entity a speaker mention at offset ``start`` refers to, or None."""
        self._scan_to(start + len(mention))
        words = _words(mention)
        if not words:
            return None
        low = [w.lower() for w in words]
        if len(low) == 1 and low[0] in ("it", "they"):
            return self._recent(start, lambda e: e.kind == "org", subject_only=True)
        if len(low) == 1 and low[0] in ("he", "she"):
            gender = "m" if low[0] == "he" else "f"
            ok = lambda e: e.kind == "person" and e.gender in (None, gender)
            return self._pronoun(start, ok) or self._recent(start, ok)
        if self.actors is not None and (low[0] in ("its", "their") or LOCAL_WORDS.intersection(low)):
            titled = self._recent(start, lambda e: low[-1] in e.titles)  # "Governor X ... the regional governor"
            local = titled or self._local(mention, low, start)
            if local is not None:
                return local
        # "The head of the ministry Radosław Sikorski": a name at the end, not a description
        named = len(words) > 1 and words[-1][:1].isupper() and low[-1] in self.by_key and low[-1] not in TITLES \
            and low[-1] not in ORG_WORDS
        if not named and (low[0] in ("the", "this") and len(low) >= 2 and (low[-1] in ORG_WORDS or "of" in low and low[low.index("of") - 1] in ROLES)
                          or words[-1].islower() and low[-1] in ROLES):
            return self._description(low, start, self._side_of(mention))
        # a name, surname or acronym of this document, head word first ("ISW experts", "Mr Moore")
        for w, lw in zip(reversed(words), reversed(low)):
            if lw.endswith(("'s", "’s")):
                continue
            if w[:1].isupper() and lw in self.by_key and lw not in TITLES and lw not in _SKIP_FIRST:
                return self.by_key[lw]
        if low[0] in ("the", "this") and len(low) >= 2:
            return self._description(low, start, self._side_of(mention))
        return None

    def _local(self, mention: str, low: list[str], start: int) -> Entity | None:
        """"the city council", "the regional governor", "its infrastructure minister": a body of the place
        (or country) the text named just before, when the mention names none itself (a new entity named
        after it, e.g. "Kharkiv city council")."""
        if low[-1] not in STATE_HEADS and low[-1] not in ORG_WORDS or self.actors.mention_side(mention) is not None:
            return None
        if any(w[:1].isupper() for w in mention.split()[1:]):
            return None  # "the Riga City Council" names its place
        countries = getattr(self.actors, "_place_sides", None)
        if countries is None:
            countries = {a: actor.side for a, actor in self.actors.aliases.items() if actor.kind == "place"}
            self.actors._place_sides = countries
        by_key = self.by_key
        found = place_before(self.text, start, countries,
                             lambda w: by_key.get(w.lower()) is not None and by_key[w.lower()].kind == "person")
        if found is None:
            return None
        place, _side = found
        rest = " ".join(mention.split()[1:]) if low[0] in ("the", "its", "their", "a", "an") else mention
        name = f"{place}'s {rest}" if low[0] in ("its", "their") else f"{place} {rest}"
        return Entity(name, "org", titles={place.lower()})

    def _side_of(self, mention: str) -> str | None:
        """The side a mention's own words give ("the Russian minister"), or None."""
        if self.actors is None:
            return None
        found = self.actors.mention_side(mention)
        return found[0] if found is not None and found[1] != "role" else None

    def _entity_side(self, entity) -> str | None:
        """An entity's side: its actor's, else what its titles or name say ("deputy minister of foreign
        affairs of Russia"), else None."""
        actor = entity.actor if isinstance(entity, Entity) else entity
        if actor is not None:
            return actor.side
        return self._side_of(" ".join(sorted(entity.titles)) + " " + entity.name)

    def _description(self, low: list[str], start: int, side: str | None = None) -> Entity | None:
        """"the MI6 chief", "the head of state", "the Institute". A description that says its side ("the
        Russian minister") refers only to an entity of no other side."""
        found = self._described(low, start, side)
        if found is not None and side is not None and self._entity_side(found) not in (None, side):
            return None
        return found

    def _described(self, low: list[str], start: int, side: str | None) -> Entity | None:
        agrees = (lambda e: True) if side is None else (lambda e: self._entity_side(e) in (None, side))
        head = low[-1]
        if "of" in low:  # "the head of state", "the director of the organisation": the noun before "of"
            head = low[low.index("of") - 1]
        if low[-2:] == ["of", "state"] or low[-2:] == ["state", "head"]:
            wanted = {"president", "king", "queen", "leader"}
        else:
            wanted = {head}
        found = self._recent(start, lambda e: (bool(e.titles & wanted)
                             or (head in ORG_WORDS and e.kind == "org" and head in e.name.lower().split())) and agrees(e))
        if found is None and head in _GENERIC_ORG:  # "the group", "the organisation": the last organisation
            found = next((e for _p, e in reversed(self.speakers) if isinstance(e, Entity) and e.kind == "org"), None)
            found = found or self._recent(start, lambda e: e.kind == "org", subject_only=True)
        if found is None and head in ROLES:
            for n, (_pos, entity) in enumerate(reversed(self.speakers)):
                if n > _LOOKBACK:
                    break
                if not agrees(entity):
                    continue
                if not isinstance(entity, Entity):  # a speaker the actors file knew
                    if entity.kind == "person":
                        return Entity(entity.name, "person", entity.gender, actor=entity)
                elif entity.kind == "person":
                    return entity
        return found

    def describe(self, mention: str, start: int) -> Entity | None:
        """A speaker described but not named ("The EU High Representative said"): a person of its
        own, a candidate for the next "he"/"she", when its head is a singular role noun."""
        words = _words(mention)
        if not words or words[-1].lower() not in ROLES:
            return None
        entity = Entity(mention, "person", titles={w.lower() for w in words})
        k = bisect_right(self.positions, start)
        self.positions.insert(k, start)
        self.mentions.insert(k, entity)
        self.subject.insert(k, True)
        return entity

    def spoke(self, entity, start: int, content: tuple[int, int] | None = None) -> None:
        """Record a claim: its source at ``start`` (an :class:`Entity`, an actors-file ``Actor`` or
        None; salience for descriptions) and its ``content`` span, whose names are what was said,
        not who might speak next. Reads nothing: a document whose speakers the actors file knows
        is never scanned."""
        if entity is not None:
            if isinstance(entity, Entity):
                entity.spoke = True
                if entity.kind is None and len(entity.name.split()) >= 2:
                    entity.kind = "person"  # "…," says Janis Sarts
            if not self.speakers or self.speakers[-1][1] is not entity:
                self.speakers.append((start, entity))
        if content is not None and content[1] > content[0]:
            a, b = content
            k = bisect_right(self.content_starts, a)
            self.contents.insert(k, content)
            self.content_starts.insert(k, a)
            for k in range(bisect_left(self.positions, a), bisect_left(self.positions, b)):
                self.subject[k] = False
