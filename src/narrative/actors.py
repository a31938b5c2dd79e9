"""Who speaks for which side: an actors file (YAML) and mention resolution.

The default file ships as package data (``narrative/data/actors.yaml``, see
its header for the format). A user file has the same format and replaces it.

Examples
--------
>>> from narrative.actors import load_actors
>>> actors = load_actors()
>>> actors.resolve("Kremlin Spokesman Dmitry Peskov")
Actor(name='Dmitry Peskov', side='kremlin', kind='person', gender='m')
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
from pathlib import Path

import yaml

from .errors import InputError
from .infra.datafiles import data_path

KINDS = ("person", "institution", "place")
KIND_RANK = {"person": 0, "institution": 1, "place": 2}


@dataclass(frozen=True)
class Actor:
    name: str
    side: str
    kind: str = "person"
    gender: str | None = None


@dataclass
class Actors:
    """A resolved actors configuration."""

    actors: list[Actor]
    aliases: dict[str, Actor]
    publishers: dict[str, Actor] = field(default_factory=dict)
    sides: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        patterns, firsts = [], set()
        for alias in sorted(self.aliases, key=len, reverse=True):
            body = re.escape(alias)
            if alias.startswith("the "):
                body = "[Tt]he " + re.escape(alias[4:])
                firsts.update("Tt")
            else:
                firsts.add(alias[:1])
            patterns.append(body)
        joined = "|".join(patterns) or r"(?!x)x"
        # the lookahead on the aliases' first characters only lets the engine skip, in one step, the
        # positions where no alias can start instead of trying every alias there (2-3x faster)
        first = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])" if firsts else ""
        self._pattern = re.compile(rf"(?<![\w-]){first}(?:{joined})(?![\w-])")
        self._folded = {self._fold(a): actor for a, actor in self.aliases.items()}
        self._resolved: dict[str, Actor | None] = {}  # speaker mentions repeat: "Peskov", "the ministry"

    @staticmethod
    def _fold(alias: str) -> str:
        return alias[0].lower() + alias[1:] if alias.startswith("The ") else alias

    def matches(self, mention: str) -> list[tuple[int, int, Actor]]:
        """Every alias found in ``mention``: ``(start, end, actor)``, left to right."""
        out = []
        for m in self._pattern.finditer(mention):
            out.append((m.start(), m.end(), self._folded[self._fold(m.group(0))]))
        return out

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
        def rank(item):
            start, end, actor = item
            possessive = mention[end:end + 2] in ("'s", "’s")
            return (possessive, KIND_RANK.get(actor.kind, 3), -start)
        actor = min(found, key=rank)[2] if found else None
        if len(self._resolved) < 100_000:
            self._resolved[mention] = actor
        return actor

    def publisher(self, source: str) -> Actor | None:
        """The actor that publishes a corpus source (e.g. ``putin`` → the Kremlin's office)."""
        return self.publishers.get(source)

    def source_sides(self) -> dict[str, str]:
        """``source -> side`` for :func:`narrative.corpus.load_corpus`."""
        return {source: actor.side for source, actor in self.publishers.items()}


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
    actors, aliases = [], {}
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
    by_name = {a.name: a for a in actors}
    publisher_sides = spec.get("publisher_sides", {}) or {}
    publishers = {}
    for source, name in (spec.get("publishers") or {}).items():
        actor = by_name.get(name) or Actor(str(name), str(publisher_sides.get(name, "other")), "institution")
        publishers[str(source)] = actor
    sides = {str(k): str(v) for k, v in (spec.get("sides") or {}).items()}
    return Actors(actors, aliases, publishers, sides)


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
