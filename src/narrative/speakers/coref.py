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
  is the first name of its sentence and stands neither in quoted speech (a quotation or a dash-led line of
  speech: the document view's, ``inside_quote``) nor inside what a speaker said (the content of a claim
  already found); "it"/"they" to organisations;
* a definite description ("the MI6 chief", "the head of state", "the Institute") to the most recent
  entity whose titles or name hold its head word, else, for a person noun ("the expert"), to the
  most recent person who spoke.

After Hobbs-style recency with agreement filters (Lappin & Leass 1994 weigh salience the same way:
subjects first); no learned model. Linear in the document's length: each run is read once, at most
3,000 characters back from a speaker when nothing there was read, and a run's split into titles and
name is cached per actors file (the same runs recur across a corpus).

The parts: :mod:`.runs` (a run's titles, name and acronym), :mod:`.gender`, :mod:`.salience` (the
mentions, subjects and speakers searched back by recency) and :mod:`.descriptions` ("the minister",
"the city council"); this module reads the text and dispatches a mention to them.

>>> text = ("MI6 chief Richard Moore spoke in Aspen. He said Russia was tired. "
...         "The MI6 chief said Kyiv could strike back. Mr Moore added more.")
>>> ix = NameIndex(text)
>>> [ix.resolve(m, text.index(m)).name for m in ("He", "The MI6 chief", "Mr Moore")]
['Richard Moore', 'Richard Moore', 'Richard Moore']
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..places import place_sides as gazetteer_places
from ..segment import glued_starts
from .descriptions import description, local, place_sides, side_of
from .institutions import third_countries
from .gender import (GENDERED_TITLES, first_name_gender, first_name_table, honorific_gender,
                     pronoun_gender_after)
from .mention_side import LOCAL_WORDS
from .names import ROLES, TITLES, in_name
from .runs import (ORG_WORDS, RUN, SENTENCE_END, SKIP_FIRST, acronym_after, split_run, titles_around, words,
                   words_before)
from .salience import WINDOW, Entity, Mentions

#: words before a run that make its mention an object, not a subject ("a question from Mr Zelensky")
_OBJECT_BEFORE = frozenset("of with to by from for about against on at in into including between among than like "
                           "thanked met called told urged asked".split())
_CUE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:said|says|told|added|wrote|warned|stressed|noted|explained|insisted)\b")
_CACHE_LIMIT = 200_000  # entries of the per-actors-file run cache
#: sentences of quoted speech passed over back to the narrator's sentence before a pronoun
_QUOTED_SENTENCES = 4
#: plural heads of a described group of speakers, the "they" of the next claim ("officials", "the organisers")
GROUP_HEADS = frozenset({w + "s" for w in ROLES} | {"organisers", "organizers", "authorities"})


def _adjective(word: str, actors) -> bool:
    """Whether a capitalised word is a nationality adjective ("French", "Ukrainian"), no name of its own: a third
    country's (``nationalities.tsv``) or a side's (the actors file's :attr:`~.actors.Actors.side_adjectives`)."""
    found = third_countries().get(word)
    return found is not None and not found[1] or actors is not None and word.lower() in actors.side_adjectives


#: last words of a name that make it a place ("Donetsk Oblast", "New York City")
_PLACE_WORDS = frozenset("oblast region city county province republic krai district island islands sea river "
                         "street square bay valley mountains".split())


def _plain_name(name: str) -> bool:
    """Two to four words, each a capital and lower-case letters ("Tomasz Wierzbicki"; not "CLICK HERE", "Topics of
    Interest Estonia's PM").

    >>> _plain_name("Tomasz Wierzbicki"), _plain_name("CLICK HERE NOW"), _plain_name("Topics of Interest")
    (True, False, False)
    """
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts)


class NameIndex:
    """Named mentions of one document, read lazily up to the offsets asked about."""

    def __init__(self, text: str, actors=None, inside_quote=None, caches: dict | None = None) -> None:
        """``caches``: a dict that outlives the document, for one actors file (the run's
        :meth:`narrative.claims.document.Resources.cache`); else the index keeps its own."""
        self.text, self.actors, self.inside_quote = text, actors, inside_quote
        # how each run splits into titles and a name depends only on the run and the actors file,
        # and so do the one-word person aliases ("putin") a scan looks for
        caches = {} if caches is None else caches
        self._caches = caches
        self._run_cache = caches.setdefault("runs", {})
        if "person_words" not in caches:
            caches["person_words"] = frozenset() if actors is None else frozenset(
                alias.lower() for alias, actor in actors.aliases.items() if actor.kind == "person" and " " not in alias)
        self._person_words = caches["person_words"]
        self.memory = Mentions()
        self._last_sentence = -1
        self._objected = -1  # the sentence of the last name read, when that name was an object
        self._sentence_memo = (-1, 0)  # (position, its sentence start) last asked about
        self._glued: list[int] | None = None  # where sentences glued to the one before start (_glued_before)
        self.scanned = 0
        self.by_key: dict[str, Entity] = {}  # most recent entity for each key (lower case)

    # -- reading ---------------------------------------------------------------------------------
    def _scan_to(self, end: int) -> None:
        if end <= self.scanned:
            return
        text = self.text
        # only the window before a speaker can hold its antecedent (recency, LOOKBACK mentions):
        # text further back that no speaker needed is not read (press releases: "the President" far apart)
        begin = max(self.scanned, end - WINDOW)
        by_key, persons = self.by_key, self._person_words
        for m in RUN.finditer(text, begin, end):
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
        acronym = acronym_after(text, end)
        acronym_follows = acronym is not None
        cache = self._run_cache
        split = cache.get((run, acronym_follows), False)
        if split is False:  # the same runs recur across a corpus ("President of Ukraine Volodymyr Zelenskyy")
            split = split_run(run, acronym_follows, self._place)
            if len(cache) < _CACHE_LIMIT:
                cache[(run, acronym_follows)] = split
        if split is None:
            return
        name_words, name_low, run_titles, name, full = split
        prev_low = words_before(text, start)
        titles = set(run_titles) | titles_around(text, end, prev_low, start)
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
        honorific = honorific_gender(titles) or honorific_gender(name_low[-1:])  # "Mr Moore", "The Duchess"
        if honorific and entity.gender is None:
            entity.gender, entity.kind = honorific, "person"
        if entity.gender is None and entity.kind != "org" and len(name_words) >= 2:
            # a first name the lists know ("Olena Shulyak", "Martin Harris") before the first pronoun after the
            # name, which may be the sentence's subject's ("… of Martin Harris, the UK ambassador, she thanked")
            gender = self._first_name_gender(name_words[0]) if self.actors is not None else None
            if gender is None:
                gender = pronoun_gender_after(text, end)
            if gender:
                entity.gender, entity.kind = gender, entity.kind or "person"
        quoted = self.inside_quote is not None and self.inside_quote(start)
        reported = self.memory.reported(start)
        sentence = self._sentence_at(start)
        # the first name of its sentence that is no object is the likely subject ("After a call with Emmanuel
        # Macron, Olaf Scholz left"; a capitalised preposition opening the run: "In Warsaw, …")
        first = sentence != self._last_sentence
        # "of"/"the" after a role noun open the subject's own noun phrase ("The head of the Ministry … Sikorski")
        role_of = len(prev_low) >= 2 and "of" in prev_low and prev_low[prev_low.index("of") - 1] in ROLES \
            and not (len(name_low) == 1 and self._place(name))  # not "the Prime Minister of Italy"
        lead = run.split(None, 1)[0].lower()
        # the words before it in its own clause ("In Warsaw, Olaf Scholz met …": not "in")
        clause_low = prev_low
        if "," in text[max(0, start - 40):start]:
            clause = SENTENCE_END.split(text[max(0, start - 40):start])[-1]
            clause_low = words(clause.rsplit(",", 1)[-1].lower())[-3:]
        objected = not role_of and (bool(set(clause_low[-2:]) & _OBJECT_BEFORE)
                                    or lead in _OBJECT_BEFORE and lead != name_low[0]
                                    # "in the Donetsk and Luhansk regions": coordinated with an object
                                    or clause_low[-1:] in (["and"], ["or"]) and self._objected == sentence)
        self._objected = sentence if objected else -1
        self.memory.add(start, entity, not quoted and not reported and first and not objected,
                        not quoted and not reported)
        if not quoted and not objected:
            self._last_sentence = sentence

    def _first_name_gender(self, word: str) -> str | None:
        """:func:`.gender.first_name_gender`, memoised per actors file (folding a name is the dear part)."""
        memo = self._caches.get("first_name_gender")
        if memo is None:
            memo = self._caches["first_name_gender"] = {}
            self._caches["first_names"] = first_name_table(self.actors)
        if word not in memo:
            memo[word] = first_name_gender(self._caches["first_names"], word)
        return memo[word]

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
            start = max(k + 1 if k >= 0 else max(last_start, lo), self._glued_before(a, pos))
        self._sentence_memo = (pos, start)
        return start

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (the last ". ", "? ", "! " or line break before it, or a stop
        glued to the next sentence, :func:`narrative.segment.glued_starts`, looked for within 400 characters)."""
        text, lo = self.text, max(0, pos - 400)
        return max(text.rfind(". ", lo, pos) + 1, text.rfind("? ", lo, pos) + 1, text.rfind("! ", lo, pos) + 1,
                   text.rfind("\n", lo, pos) + 1, lo, self._glued_before(lo, pos))

    def _glued_before(self, lo: int, pos: int) -> int:
        """The last start of a sentence glued to the one before it ("… of the summit.Irish Premier Ann Roe
        said": machine-translated outlets drop the space) in ``[lo, pos]``, else -1. The document's glued stops are
        found once."""
        if self._glued is None:
            self._glued = glued_starts(self.text)
        k = bisect_right(self._glued, pos) - 1
        return self._glued[k] if k >= 0 and self._glued[k] >= lo else -1

    def _place(self, word: str) -> bool:
        """Whether the actors file knows ``word`` as a place or an institution ("Ukraine")."""
        actor = self.actors.aliases.get(word) if self.actors is not None else None
        return actor is not None and actor.kind != "person"

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
            if len(cache) < _CACHE_LIMIT:
                cache[key] = actor
            return actor
        return cache[key]

    # -- resolving -------------------------------------------------------------------------------
    def resolve(self, mention: str, start: int) -> Entity | None:
        """The entity a speaker mention at offset ``start`` refers to, or None. A name in quoted speech
        (``inside_quote``: the document view's quotations and dash-led lines of speech, "- … Putin's propaganda …
        - he said") is no subject, so no antecedent of the narrator's "he"."""
        self._scan_to(start + len(mention))
        memory = self.memory
        words_ = words(mention)
        if not words_:
            return None
        low = [w.lower() for w in words_]
        if len(low) == 1 and low[0] in ("it", "they"):
            return memory.recent(start, lambda e: e.kind == "org", subject_only=True)
        if len(low) == 1 and low[0] in ("he", "she"):
            gender = "m" if low[0] == "he" else "f"
            ok = lambda e: e.kind == "person" and e.gender in (None, gender)
            # else the last compatible mention outside quotations and what speakers said: a name a speaker
            # mentioned is what was said, not who speaks next ("… China's leader Xi was watching,” he replied")
            found = memory.pronoun(start, ok) or memory.recent(start, ok, free_only=True)
            if found is None:
                # else a plain name that nothing marks as a person or organisation, the subject of the narrator's
                # sentence before ("Tomasz Wierzbicki visited the front. He said …"): a person the lists do not know
                near = [e for e in memory.subjects_between(self._narrator_sentence_before(start), start)
                        if e.kind is None and e.gender is None and _plain_name(e.name) and not self._known_place(e.name)]
                found = near[-1] if near else None
            return found
        if self.actors is not None and (low[0] in ("its", "their") or LOCAL_WORDS.intersection(low)):
            titled = memory.recent(start, lambda e: low[-1] in e.titles)  # "Governor X ... the regional governor"
            local_ = titled or self._local(mention, low, start)
            if local_ is not None:
                return local_
        # "The head of the ministry Radosław Sikorski": a name at the end, not a description
        named = len(words_) > 1 and words_[-1][:1].isupper() and low[-1] in self.by_key and low[-1] not in TITLES \
            and low[-1] not in ORG_WORDS
        if not named and (low[0] in ("the", "this") and len(low) >= 2 and (low[-1] in ORG_WORDS or "of" in low and low[low.index("of") - 1] in ROLES)
                          or words_[-1].islower() and low[-1] in ROLES):
            return description(self.actors, memory, low, start, side_of(self.actors, mention))
        # a name, surname or acronym of this document, head word first ("ISW experts", "Mr Moore")
        for n, (w, lw) in enumerate(zip(reversed(words_), reversed(low))):
            if lw.endswith(("'s", "’s")) or n and _adjective(w, self.actors):
                continue  # "The French organisers": a nationality adjective modifies the head, it names nobody
            if w[:1].isupper() and lw in self.by_key and lw not in TITLES and lw not in SKIP_FIRST:
                return self.by_key[lw]
        if low[0] in ("the", "this") and len(low) >= 2:
            return description(self.actors, memory, low, start, side_of(self.actors, mention))
        return None

    def _narrator_sentence_before(self, pos: int) -> int:
        """Where the sentence before the one holding ``pos`` starts, passing over up to
        :data:`_QUOTED_SENTENCES` sentences of quoted speech (an interview's questions and answers)."""
        text, start = self.text, self._sentence_start(pos)
        for _ in range(_QUOTED_SENTENCES + 1):
            j = start - 1
            while j > 0 and text[j].isspace():
                j -= 1
            if j <= 0:
                return 0
            start = self._sentence_start(j)
            while start < j and text[start].isspace():
                start += 1
            if self.inside_quote is None or not self.inside_quote(start + 1):
                break
        return start

    def _known_place(self, name: str) -> bool:
        """Whether a name is a place of the place gazetteer (:mod:`narrative.places`: "Chasiv Yar") or ends with
        a place word ("Donetsk Oblast")."""
        low = name.lower()
        return low in gazetteer_places() or low.split()[-1] in _PLACE_WORDS

    def _local(self, mention: str, low: list[str], start: int) -> Entity | None:
        countries = self._caches.get("place_sides")
        if countries is None:
            countries = self._caches["place_sides"] = place_sides(self.actors)
        by_key = self.by_key
        return local(self.text, self.actors, countries,
                     lambda w: by_key.get(w.lower()) is not None and by_key[w.lower()].kind == "person",
                     mention, low, start)

    def describe(self, mention: str, start: int) -> Entity | None:
        """A speaker described but not named ("The EU High Representative said"): a person of its
        own, a candidate for the next "he"/"she", when its head is a singular role noun; a group of its own, the
        next "they", when its head is a plural one ("The French organisers said … they added")."""
        words_ = words(mention)
        if words_ and words_[-1].lower() in GROUP_HEADS:
            entity = Entity(mention, "org", titles={w.lower() for w in words_})
            self.memory.insert(start, entity)
            return entity
        if not words_ or words_[-1].lower() not in ROLES and words_[-1].lower() not in GENDERED_TITLES:
            return None
        entity = Entity(mention, "person", titles={w.lower() for w in words_})
        entity.gender = honorific_gender(entity.titles)  # "The Duchess": the next "she"
        self.memory.insert(start, entity)
        return entity

    def spoke(self, entity, start: int, content: tuple[int, int] | None = None) -> None:
        """Record a claim: its source at ``start`` (an :class:`Entity`, an actors-file ``Actor`` or
        None; salience for descriptions) and its ``content`` span, whose names are what was said,
        not who might speak next. Reads nothing: a document whose speakers the actors file knows
        is never scanned."""
        if isinstance(entity, Entity):
            entity.spoke = True
            if entity.kind is None and len(entity.name.split()) >= 2:
                entity.kind = "person"  # "…," says Janis Sarts
        self.memory.spoke(entity, start, content, self.inside_quote is not None and self.inside_quote(start))
