"""Context blockers: a lexicon phrase whose frame depends on the word right before or after it.

Rows of ``context.csv`` (columns ``phrase,category,where,words,window,effect,note``):

* ``phrase``: a phrase as written in the lexicon file (``deal``, ``successfully``);
* ``category``: the category the rule takes away (``*``: every category of the phrase);
* ``where``: ``before`` or ``after`` the phrase; ``window``: how many tokens on that side are read (default 1; an
  opening quotation mark after the phrase is read over and takes no slot: ``intercepted an enemy «plan»``);
* ``words``: ``|``-separated tokens (``repel*`` matches a prefix, as in the lexicon);
* ``effect``: ``drop`` (the category is dropped when one of the words is there) or ``only`` (it is kept only
  when one of them is there).

A dropped hit still takes its words (like a ``block`` phrase), so no shorter phrase inside it fires.

>>> rules = default_context()
>>> rule = rules["deal"][0]
>>> rule.applies(["they", "must", "deal", "with", "it"], 2, 1)
True
>>> rule.applies(["a", "gas", "deal", "was", "signed"], 2, 1)
False
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from ..infra.datafiles import data_path
from ..segment.marks import OUTER_MARKS, OUTER_OPENING

WHERE = ("before", "after")
EFFECTS = ("drop", "only")
#: tokens a context window never reads across: the end of a clause, or an outer quotation mark of any convention
#: (:mod:`narrative.segment.marks`; an opening mark after the phrase is read over instead, see :meth:`ContextRule.applies`)
_STOP = frozenset({".", ";", ":", "!", "?"}) | OUTER_MARKS


@dataclass(frozen=True)
class ContextRule:
    """One context blocker (see the module docstring)."""

    phrase: str
    category: str
    where: str
    words: frozenset
    prefixes: tuple[str, ...]
    window: int = 1
    effect: str = "drop"

    def applies(self, words: list[str], i: int, n: int) -> bool:
        """Whether one of the rule's words is in its window beside ``words[i:i+n]``."""
        # a token is one of the rule's words, or starts with one of its prefixes (tested in each loop: they run for
        # every hit of a phrase with a rule)
        listed, prefixes = self.words, self.prefixes
        if self.where == "before":
            for k in range(i - 1, max(-1, i - 1 - self.window), -1):
                w = words[k]
                if w in _STOP:
                    return False
                if w in listed or prefixes and w.startswith(prefixes):
                    return True
            return False
        # after: a quoted object is read ('intercepted a “plan ...”', « », „ “: v2.8), and the opening mark it
        # skips takes no slot of the window, so ``window`` counts words only
        k, end, left = i + n, len(words), self.window
        while k < end and left:
            w = words[k]
            k += 1
            if w in OUTER_OPENING:
                continue
            if w in _STOP:
                return False
            if w in listed or prefixes and w.startswith(prefixes):
                return True
            left -= 1
        return False

    def keeps(self, words: list[str], i: int, n: int) -> bool:
        """Whether the category survives this rule."""
        found = self.applies(words, i, n)
        return not found if self.effect == "drop" else found


def read_context(text: str, where_name: str = "context.csv") -> dict[str, list[ContextRule]]:
    """Context rules keyed by lower-cased phrase, from the CSV ``text``."""
    rules: dict[str, list[ContextRule]] = {}
    for row_number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        phrase = (row.get("phrase") or "").strip().lower()
        where, effect = (row.get("where") or "").strip(), (row.get("effect") or "drop").strip() or "drop"
        if not phrase or where not in WHERE or effect not in EFFECTS:
            raise InputError(where_name, row_number, f"a context rule needs a phrase, where in {WHERE}, effect in {EFFECTS}")
        tokens = [w.strip().lower() for w in (row.get("words") or "").split("|") if w.strip()]
        if not tokens:
            raise InputError(where_name, row_number, "a context rule needs words")
        window = int((row.get("window") or "1").strip() or 1)
        rules.setdefault(phrase, []).append(ContextRule(
            phrase, (row.get("category") or "*").strip() or "*", where,
            frozenset(w for w in tokens if not w.endswith("*")), tuple(w[:-1] for w in tokens if w.endswith("*")),
            window, effect))
    return rules


@lru_cache(maxsize=1)
def default_context() -> dict[str, list[ContextRule]]:
    """The shipped ``context.csv``."""
    return read_context(data_path("context.csv", "lexicons").read_text("utf-8"))


def apply_context(rules: list[ContextRule], words: list[str], i: int, n: int, cats: tuple[str, ...]) -> tuple[str, ...]:
    """``cats`` without the categories a rule takes away from the hit ``words[i:i+n]``."""
    for rule in rules:
        if rule.applies(words, i, n) == (rule.effect == "drop"):  # :meth:`ContextRule.keeps` is false (inlined)
            cats = () if rule.category == "*" else tuple(c for c in cats if c != rule.category)
    return cats
