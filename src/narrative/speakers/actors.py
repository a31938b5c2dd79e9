"""Who speaks for which side: an actors file (YAML) and mention resolution.

The default file ships as package data (``narrative/data/actors.yaml``, see
its header for the format). A user file has the same format and replaces it.

Examples
--------
>>> from narrative.speakers.actors import load_actors
>>> actors = load_actors()
>>> actors.resolve("Kremlin Spokesman Dmitry Peskov")
Actor(name='Dmitry Peskov', side='kremlin', kind='person', gender='m', source='')
>>> actors.resolve("President Donald Trump's special envoy Steve Witkoff").name
'Steve Witkoff'
>>> actors.resolve("the Ukrainian military").side
'ukraine'
>>> actors.resolve("a senior official") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from ..errors import InputError
from ..infra.datafiles import data_path
from .mention_side import located_side, mention_side
from .names import TITLES, deletions, fold, in_name
from .names import spellings as names_spellings

KINDS = ("person", "institution", "place")
KIND_RANK = {"person": 0, "institution": 1, "place": 2}


@dataclass(frozen=True)
class Actor:
    name: str
    side: str
    kind: str = "person"
    gender: str | None = None
    source: str = ""  # "" for the actors file itself, else the gazetteer the actor came from


@dataclass
class Actors:
    """A resolved actors configuration."""

    actors: list[Actor]
    aliases: dict[str, Actor]
    publishers: dict[str, Actor] = field(default_factory=dict)
    sides: dict[str, str] = field(default_factory=dict)
    #: the noun-phrase side rule (``side_rule`` in the YAML): side -> modifiers, and heads, exclude
    side_rule: dict = field(default_factory=dict)
    #: spelling variants of persons' names (a gazetteer's generated Polish/German/French forms) -> actor:
    #: matched by folding (:meth:`variant`), never as aliases
    spellings: dict[str, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        patterns, firsts = [], set()
        for alias in self.aliases:
            if alias.startswith("the "):
                patterns.append("\0" + alias[4:])  # "\0": "[Tt]he " in the pattern
                firsts.update("Tt")
            else:
                patterns.append(alias)
                firsts.add(alias[:1])
        # one trie of the aliases (shared prefixes written once, longer continuations tried first): the
        # engine reads each position once instead of trying every alias there
        joined = _trie_pattern(patterns) or r"(?!x)x"
        # the lookahead on the aliases' first characters only lets the engine skip, in one step, the
        # positions where no alias can start (2-3x faster)
        first = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])" if firsts else ""
        self._pattern = re.compile(rf"(?<![\w-]){first}(?:{joined})(?![\w-])")
        self._folded = {self._fold(a): actor for a, actor in self.aliases.items()}
        self._resolved: dict[str, Actor | None] = {}  # speaker mentions repeat: "Peskov", "the ministry"
        # spelling-variant keys of persons' names ("Zełenski", "Riabkow"): full names, and surnames
        # that only one person carries
        self._variants: dict[str, Actor] = {}
        surnames: dict[str, set] = {}
        for alias, actor in [*self.aliases.items(), *self.spellings.items()]:
            if actor.kind != "person" or not alias[:1].isupper():
                continue
            key = fold(alias)
            if " " in key:
                self._variants.setdefault(key, actor)
            if len(key.split()[-1]) >= 5:
                surnames.setdefault(key.split()[-1], set()).add(actor)
        for key, owners in surnames.items():
            curated = {a for a in owners if not a.source}  # the actors file's own people first
            if len(curated) == 1 or (not curated and len(owners) == 1):
                self._variants.setdefault(key, next(iter(curated or owners)))
        # surnames one letter off (machine translation: "Zelanski", "Zelnski", "Synahubow"): each folded
        # surname of six letters or more under itself and its one-letter deletions (symmetric deletion)
        self._near: dict[str, set] = {}
        for key, owners in surnames.items():
            if len(key) >= 6:
                for k in (key, *deletions(key)):
                    self._near.setdefault(k, set()).update(owners)

    @staticmethod
    def _fold(alias: str) -> str:
        return alias[0].lower() + alias[1:] if alias.startswith("The ") else alias

    def matches(self, mention: str) -> list[tuple[int, int, Actor]]:
        """Every alias found in ``mention``: ``(start, end, actor)``, left to right. A one-word
        alias right after a capitalised word that is neither a title nor part of the actor's name
        is another person ("Mykola Kuleba" is not the foreign minister Dmytro Kuleba)."""
        out = []
        for m in self._pattern.finditer(mention):
            actor = self._folded[self._fold(m.group(0))]
            if actor.kind == "place" and _names_more(mention, m.end()):
                continue  # "Kyiv International Institute of Sociology", "Russia Dmitry Krutoi": part of a name
            if actor.kind == "person" and " " not in m.group(0):
                before = mention[:m.start()].split()
                prev = before[-1] if before else ""
                if prev[:1].isupper() and prev.lower().rstrip(".") not in TITLES and not in_name(prev, actor.name) \
                        and not prev.endswith(("'s", "’s")):
                    continue
            out.append((m.start(), m.end(), actor))
        return out

    def variant(self, name: str) -> Actor | None:
        """The person a spelling variant names ("Zełenski", "Riabkow", "Siergiej Ławrow"), by
        :func:`narrative.speakers.names.fold`: the full name, else a surname only one person has."""
        key = fold(name)
        if not key:
            return None
        words = key.split()
        found = self._variants.get(key) or (self._variants.get(words[-1]) if len(words) == 1 else None)
        if found is None and len(words) > 2:  # "Mer Lviv Andriy Sadowy": a first name and a surname at the end
            found = self._variants.get(" ".join(words[-2:]))
            name, key = " ".join(name.split()[-2:]), " ".join(words[-2:])
        return found or self._near_variant(name, key)

    def _near_variant(self, name: str, key: str) -> Actor | None:
        """The one person whose surname is a letter off the name's last word (same first letter, six letters
        or more) and, for a full name, whose first name agrees ("Wołodymyr Zelanski" is Zelenskyy; "Mykola
        Zelanski" is nobody)."""
        words = key.split()
        last = words[-1]
        if len(last) < 6:
            return None
        owners = set(self._near.get(last, ()))
        for k in deletions(last):
            owners |= self._near.get(k, set())
        owners = {a for a in owners if fold(a.name).split()[-1][:1] == last[:1]
                  and not _other_gender(last, fold(a.name).split()[-1])}
        if len(words) > 1:
            first = name.split()[0]
            owners = {a for a in owners if in_name(first, a.name)}
        return next(iter(owners)) if len(owners) == 1 else None

    def resolve(self, mention: str) -> Actor | None:
        """The actor a speaker mention names, or None.

        Persons beat institutions beat places; among equals the rightmost
        match wins (the head of an English noun phrase), except a possessive
        ("Trump's envoy Witkoff" names Witkoff).
        """
        try:
            return self._resolved[mention]
        except KeyError:
            pass
        found = self.matches(mention)
        if not found:  # a spelling the aliases do not list: the trailing capitalised words, folded
            words = mention.split()
            k = len(words)
            while k > 0 and words[k - 1][:1].isupper():
                k -= 1
            while k < len(words) and words[k].lower().rstrip(".") in TITLES:  # "President Zełenski"
                k += 1
            name = " ".join(words[k:])
            actor = self.variant(name) if name else None
            if len(self._resolved) < 100_000:
                self._resolved[mention] = actor
            return actor

        def rank(item):
            start, end, actor = item
            possessive = mention[end:end + 2] in ("'s", "’s")
            return (possessive, KIND_RANK.get(actor.kind, 3), -start)
        # "a diplomat stationed in Kyiv", "Russia's ambassador to the US": where they are posted, not whose side
        posted = [item for item in found if item[2].kind != "person" and _posting(mention, item[0])
                  or item[2].kind == "place" and self._located(mention, item[0])]
        kept = [item for item in found if item not in posted]
        start, end, actor = min(kept or found, key=rank)
        if not kept:
            actor = None
        elif actor.kind == "place" and (_modifies(mention, end, self.side_rule) or _complement(mention, start)):
            # "Ukraine's health minister" speaks for Ukraine, "Russia's Interfax news agency" does not: a place
            # before the head noun (or after it, "the National Olympic Committee of Ukraine") gives its side only
            # by the noun-phrase rule
            rule = self.mention_side(mention)
            if rule is None or rule[0] != actor.side:
                actor = None
        if len(self._resolved) < 100_000:
            self._resolved[mention] = actor
        return actor

    @cached_property
    def side_adjectives(self) -> frozenset[str]:
        """The sides' adjectives among the side rule's modifiers, lower case ("russian", "ukrainian",
        "moscow-installed"): no possessive, no head ("rada") and no actor's alias ("Kyiv", "Russia"), so a word
        that modifies a head and names nobody ("the Russian organisers").

        >>> sorted(load_actors().side_adjectives & {"russian", "ukrainian", "russia", "kyiv", "ukraine's"})
        ['russian', 'ukrainian']
        """
        rule = self.side_rule
        words = {w for modifiers in rule.get("modifiers", {}).values() for w in modifiers}
        return frozenset(w for w in words if not w.endswith("'s") and w not in rule.get("heads", ())
                         and w not in self.aliases and w[:1].upper() + w[1:] not in self.aliases)

    def _located(self, mention: str, start: int) -> bool:
        """Whether a place alias at ``start`` is where a described speaker is, after "in" (``located_side``:
        "Moscow-installed officials in southern Ukraine" speak for Moscow, not for Ukraine)."""
        cut = mention.lower().find(" in ")
        return 0 < cut < start and located_side(mention, self.side_rule) is not None

    def names_body(self, mention: str) -> bool:
        """Does ``mention`` name a body or officials of the state or institution it resolves to, not the
        state itself? Its best alias (no person's) modifies a head noun after it or follows "of" ("the U.S.
        Treasury", "Ukraine's defence ministry", "the Ministry of Defence of Ukraine", "US officials"): the
        speaker is that body, the actor's side its side.

        >>> actors = load_actors()
        >>> [actors.names_body(m) for m in ("the U.S. Treasury", "Ukraine's defence ministry", "Ukraine", "the Kremlin")]
        [True, True, False, False]
        """
        found = [item for item in self.matches(mention) if not _posting(mention, item[0])]
        if not found or any(a.kind == "person" for _s, _e, a in found):
            return False
        start, end, _actor = max(found, key=lambda item: item[1])
        return _modifies(mention, end, self.side_rule) or _complement(mention, start)

    def description_side(self, mention: str) -> str | None:
        """The side a speaker description names by the noun-phrase rule: a side's modifier and an
        official head noun, and no excluded word ("Russian officials", "the Ukrainian defence
        ministry", "Moscow-installed authorities" have sides; "a Ukrainian military expert",
        "Russian independent journalists" do not). None when the rule does not apply.

        >>> a = load_actors()
        >>> [a.description_side(m) for m in ("Russian officials", "the ukrainian General Staff",
        ...  "Moscow-installed authorities", "a Ukrainian military expert", "Belarusian officials")]
        ['kremlin', 'ukraine', 'kremlin', None, None]
        """
        found = self.mention_side(mention)
        return found[0] if found is not None and found[1] != "role" else None

    def mention_side(self, mention: str) -> tuple[str, str] | None:
        """``(side, rule)`` by :func:`narrative.speakers.mention_side.mention_side`: ``nationality`` ("Russian
        officials"), ``place`` ("a Kharkiv official") or ``role`` ("a Ukrainian military expert" is
        ``other``), or None.

        >>> a = load_actors()
        >>> a.mention_side("the Sumy regional police"), a.mention_side("Russian independent journalists")
        (('ukraine', 'place'), ('other', 'role'))
        """
        return mention_side(mention, self.side_rule)

    def publisher(self, source: str) -> Actor | None:
        """The actor that publishes a corpus source (e.g. ``putin`` → the Kremlin's office)."""
        return self.publishers.get(source)

    def source_sides(self) -> dict[str, str]:
        """``source -> side`` for :func:`narrative.corpus.load_corpus`."""
        return {source: actor.side for source, actor in self.publishers.items()}


def _trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, longest first at each branch, as a trie
    ("Putin|Peskov" -> "P(?:utin|eskov)"); a leading NUL stands for "[Tt]he ".

    >>> re.fullmatch(_trie_pattern(["Kyiv", "Kyiv Post", "Kremlin"]), "Kyiv Post") is not None
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = [("[Tt]he " if ch == "\0" else re.escape(ch)) + emit(child)
                    for ch, child in sorted((k, v) for k, v in node.items() if k != "")]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:  # the word may end here: the longer continuations first (greedy), then nothing
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


_NEXT_WORD = re.compile(r"[ \t]+([\w’'.-]+)")


def _names_more(mention: str, end: int) -> bool:
    """Whether a capitalised word that is no title follows a place alias ending at ``end``: the place is
    then part of another name (an institution's, or a person's after "Ambassador of Belarus to Russia")."""
    m = _NEXT_WORD.match(mention, end)
    if m is None or not m.group(1)[:1].isupper():
        return False
    word = m.group(1).lower().rstrip(".")
    return word not in TITLES and word not in ("'s", "’s")


def _other_gender(surname: str, owner: str) -> bool:
    """Whether two folded surnames are one Slavic surname's female and male forms ("antonova" and "antonov"):
    a letter apart, but two people.

    >>> _other_gender("antonova", "antonov"), _other_gender("zakharov", "zakharova"), _other_gender("zelanski", "zelenskyy")
    (True, True, False)
    """
    return surname == owner + "a" or owner == surname + "a"


def _posting(mention: str, start: int) -> bool:
    """Whether an alias at ``start`` follows "in" or "to" after a head that is posted somewhere ("a diplomat
    stationed in Kyiv", "a Western correspondent in Moscow", "Russia's ambassador to the US", "the Russian
    embassy in Washington")."""
    from .mention_side import POSTED_HEADS

    before = re.findall(r"[\w’'-]+", mention[:start].lower())
    while before and before[-1] == "the":
        before.pop()
    return bool(before) and before[-1] in ("in", "to") and not POSTED_HEADS.isdisjoint(before)


def _complement(mention: str, start: int) -> bool:
    """Whether an alias at ``start`` is the complement of a head noun before it ("the Ministry of Defence of
    Ukraine", "the National Olympic Committee of Ukraine")."""
    before = mention[:start].split()
    return len(before) >= 2 and before[-1].lower() == "of"


def _modifies(mention: str, end: int, rule: dict) -> bool:
    """Whether an alias ending at ``end`` modifies a head noun after it ("Ukraine's health minister",
    "Russia's Interfax news agency"): a head, role or excluded word of the side rule, or a capitalised
    word, follows, and not after "and"/"or" ("Ukraine and the West")."""
    from .names import ROLES

    words = re.findall(r"[\w’'-]+", mention[end:])
    if not words or words[0].lower() in ("and", "or", "nor"):
        return False
    nouns = rule.get("heads", frozenset()) | rule.get("exclude", frozenset()) | ROLES if rule else ROLES
    return any(w.lower() in nouns or (w[:1].isupper() and w.lower() not in TITLES) for w in words)


def default_actors_path():
    return data_path("actors.yaml")


def load_actors(path: str | Path | None = None) -> Actors:
    """Read an actors YAML file (the shipped default when ``path`` is None)."""
    where = str(path) if path is not None else "narrative/data/actors.yaml"
    try:
        text = Path(path).read_text("utf-8") if path is not None else default_actors_path().read_text("utf-8")
        spec = yaml.safe_load(text) or {}
    except FileNotFoundError:
        raise InputError(where, None, "no such actors file") from None
    except UnicodeDecodeError:
        raise InputError(where, None, "actors file is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(where, None if line is None else line + 1, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("actors"), list):
        raise InputError(where, None, "an actors file needs a top-level 'actors:' list")
    actors, aliases, spellings = [], {}, {}
    for number, item in enumerate(spec["actors"], start=1):
        if not isinstance(item, dict) or not item.get("name") or not item.get("side"):
            raise InputError(where, number, "each actor needs 'name' and 'side'")
        kind = item.get("kind", "person")
        if kind not in KINDS:
            raise InputError(where, number, f"kind {kind!r} is not one of {', '.join(KINDS)}")
        actor = Actor(str(item["name"]), str(item["side"]), kind, item.get("gender"))
        actors.append(actor)
        for alias in [actor.name, *item.get("aliases", [])]:
            aliases[str(alias)] = actor
        if kind == "person":
            for spelling in names_spellings(actor.name).values():
                spellings.setdefault(spelling, actor)  # "Maria Sacharowa", "Wolodymyr Selenskyj"
    for gazetteer in spec.get("gazetteers") or []:
        _add_gazetteer(gazetteer, path, actors, aliases, spellings)
    by_name = {a.name: a for a in actors}
    publisher_sides = spec.get("publisher_sides", {}) or {}
    publishers = {}
    for source, name in (spec.get("publishers") or {}).items():
        actor = by_name.get(name) or Actor(str(name), str(publisher_sides.get(name, "other")), "institution")
        publishers[str(source)] = actor
    sides = {str(k): str(v) for k, v in (spec.get("sides") or {}).items()}
    rule = spec.get("side_rule") or {}
    side_rule = {}
    if rule:
        if not isinstance(rule.get("modifiers"), dict) or not rule.get("heads"):
            raise InputError(where, None, "side_rule needs 'modifiers' (side -> words) and 'heads'")
        side_rule = {"modifiers": {str(s): frozenset(str(w).lower().replace("’", "'") for w in ws)
                                   for s, ws in rule["modifiers"].items()},
                     "heads": frozenset(str(w).lower() for w in rule["heads"]),
                     "exclude": frozenset(str(w).lower() for w in rule.get("exclude") or [])}
    return Actors(actors, aliases, publishers, sides, side_rule, spellings)


GAZETTEER_COLUMNS = ("name", "wikidata", "side", "gender", "positions", "start", "end")
#: the columns :mod:`narrative.tools.gazetteer` writes since 2026-12: also generated spellings and provenance
GAZETTEER_COLUMNS_FULL = GAZETTEER_COLUMNS + ("variants", "source", "licence")


def _add_gazetteer(name: str, actors_path, actors: list, aliases: dict, spellings: dict) -> None:
    """Add the persons of a gazetteer CSV (:mod:`narrative.tools.gazetteer`; a package data file name,
    or a path relative to the actors file) that the actors file does not already name."""
    import csv

    source = Path(str(name))
    if not source.is_absolute():
        beside = Path(actors_path).parent / source if actors_path is not None else None
        source = beside if beside is not None and beside.is_file() else data_path(str(name))
    if not source.is_file():
        raise InputError(str(name), None, "no such gazetteer (a CSV next to the actors file or shipped with narrative)")
    known = {fold(a) for a in aliases}
    lines = [line for line in source.read_text("utf-8").splitlines() if not line.startswith("#")]
    reader = csv.DictReader(lines)
    if tuple(reader.fieldnames or ()) not in (GAZETTEER_COLUMNS, GAZETTEER_COLUMNS_FULL):
        raise InputError(str(source), 1, f"a gazetteer's columns are {', '.join(GAZETTEER_COLUMNS)} "
                                         f"(optionally then {', '.join(GAZETTEER_COLUMNS_FULL[len(GAZETTEER_COLUMNS):])})")
    for number, row in enumerate(reader, start=2):
        if not row["name"] or not row["side"]:
            raise InputError(str(source), number, "each row needs a name and a side")
        if fold(row["name"]) in known:
            continue
        actor = Actor(row["name"], row["side"], "person", row["gender"] or None, source.name)
        actors.append(actor)
        aliases.setdefault(row["name"], actor)
        parts = row["name"].split()
        if len(parts) > 1 and len(parts[-1]) >= 5:
            aliases.setdefault(parts[-1], actor)  # the surname; one shared by two people stays with the first
        for variant in filter(None, (v.strip() for v in (row.get("variants") or "").split(";"))):
            spellings.setdefault(variant, actor)  # matched by folding, not as aliases (the pattern stays small)


AUDIT_COLUMNS = ("actor", "side", "claims", "documents", "mentions", "example_claim_id")
#: mentions listed per actor, most frequent first (the rest are counted)
MENTIONS_SHOWN = 8


def audit(claims):
    """Who speaks for which side in an extraction: one row per (actor, side) of the attributed
    claims (``self`` claims are the documents' own voice and left out), most claims first.
    ``mentions`` lists the speaker mentions that resolved to the actor, most frequent first (at most
    :data:`MENTIONS_SHOWN`, then how many more).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["d", "d", "e"], "claim_id": ["d:0", "d:1", "e:0"],
    ...                   "actor": ["Dmitry Peskov"] * 3, "side": ["kremlin"] * 3,
    ...                   "speaker": ["Peskov", "He", "Peskov"], "quote_type": ["direct", "indirect", "mixed"]})
    >>> row = audit(c).iloc[0]
    >>> row["actor"], row["side"], int(row["claims"]), int(row["documents"]), row["mentions"]
    ('Dmitry Peskov', 'kremlin', 3, 2, 'Peskov (2); He (1)')
    """
    import pandas as pd

    said = claims[claims["quote_type"] != "self"]
    rows = []
    for (actor, side), part in said.groupby(["actor", "side"], sort=False):
        ranked = sorted(part["speaker"].value_counts().items(), key=lambda kv: (-kv[1], kv[0]))
        mentions = "; ".join(f"{m} ({n})" for m, n in ranked[:MENTIONS_SHOWN])
        if len(ranked) > MENTIONS_SHOWN:
            mentions += f"; … (+{len(ranked) - MENTIONS_SHOWN} more)"
        rows.append((actor, side, len(part), part["doc_id"].nunique(), mentions, part["claim_id"].iloc[0]))
    out = pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))
    return out.sort_values(["claims", "actor"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
