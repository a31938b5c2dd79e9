"""A person's gender, when the text or the lists give one: honorifics and gendered titles, a following
pronoun, first names (the actors file's and gazetteers' persons, then the census list ``first_names.tsv``).

Coreference needs it for "he"/"she": an entity of unknown gender is compatible with both, so each
rule here answers only when its evidence is plain.

>>> honorific_gender({"ms", "minister"})
'f'
>>> text = "Olena Kovalenko spoke first. Her ministry agreed."
>>> pronoun_gender_after(text, len("Olena Kovalenko")) is None  # the sentence ends before "Her"
True
>>> pronoun_gender_after("Andriy Kovalenko said his unit held.", len("Andriy Kovalenko"))
'm'
>>> honorific_gender({"the", "duchess"}), honorific_gender({"uk", "spokeswoman"}), honorific_gender({"minister"})
('f', 'f', None)
>>> table = census_first_names()
>>> table["martin"], table["liz"], "jordan" in table
('m', 'f', False)
"""
from __future__ import annotations

import re

from functools import lru_cache

from ..infra.datafiles import data_lines
from .names import fold

#: honorifics, nobility and gendered role nouns: a mention holding one is a person of that gender
_HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lord": "m", "lady": "f", "dame": "f",
              "madam": "f", "madame": "f", "mme": "f", "duchess": "f", "duke": "m", "queen": "f", "king": "m",
              "princess": "f", "prince": "m", "countess": "f", "baroness": "f", "baron": "m", "empress": "f",
              "emperor": "m", "spokeswoman": "f", "spokesman": "m", "chairwoman": "f", "chairman": "m",
              "congresswoman": "f", "congressman": "m", "businesswoman": "f", "businessman": "m"}
#: the honorific and title words of :data:`_HONORIFIC` (a description's head that is a person by itself)
GENDERED_TITLES = frozenset(_HONORIFIC)
_PRONOUN_AFTER = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b|[.!?\n]")
#: how far after a name its pronoun is looked for (characters)
PRONOUN_WINDOW = 160


def honorific_gender(titles) -> str | None:
    """``m``/``f`` from an honorific among a mention's title words ("Mr", "Ms", "Lady"), else None."""
    return next((_HONORIFIC[w] for w in titles if w in _HONORIFIC), None) if titles else None


def pronoun_gender_after(text: str, end: int) -> str | None:
    """``m``/``f`` from the first "he"/"his"/"she"/"her" after a name ending at ``end`` in its
    sentence (within :data:`PRONOUN_WINDOW` characters), else None."""
    p = _PRONOUN_AFTER.search(text, end, end + PRONOUN_WINDOW)
    if p and p.group(0) not in ".!?\n":
        return "m" if p.group(1) else "f"
    return None


def first_name_table(actors) -> dict[str, str]:
    """Folded first name -> ``m``/``f`` for the first names that the actors file's and gazetteers'
    persons of one gender carry ("Olena", "Ołena"): names of at least three letters only; then the
    census list's (:func:`census_first_names`) for names the lists do not hold ("Martin", "Liz")."""
    seen: dict[str, set] = {}
    for actor in actors.actors:
        if actor.kind == "person" and actor.gender in ("m", "f") and " " in actor.name:
            seen.setdefault(fold(actor.name.split()[0]), set()).add(actor.gender)
    table = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k) >= 3}
    for name, gender in census_first_names().items():
        table.setdefault(fold(name), gender)
    return table


@lru_cache(maxsize=1)
def census_first_names() -> dict[str, str]:
    """Lower-case first name -> ``m``/``f`` from ``narrative/data/first_names.tsv`` (1990 US Census lists,
    public domain; built by :mod:`narrative.tools.first_names`): names one gender plainly carries."""
    out = {}
    for line in data_lines("first_names.tsv")[1:]:  # after the column header
        name, gender, _percent = line.split("\t")
        out[name] = gender
    return out


def first_name_gender(table: dict[str, str], word: str) -> str | None:
    """``m``/``f`` for a first name in a :func:`first_name_table`, else None."""
    return table.get(fold(word))
