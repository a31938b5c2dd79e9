"""Speakers from the parse: the subject of a cue verb in the shipped parser's analysis of its clause.

The rules (:mod:`.speakers`) read a speaker phrase from capitalised runs and word lists, and cut some wrong
("the founder of a small bank wrote" → "bank", "Commission President Ilse van der Berg said" → "Berg", "Later on
Friday, X posted …, writing" → "Friday", "Two engineers told inspectors the …" → "inspectors", with the engineers
as the content). Here a window around the cue (:func:`window`: back to the last stop or quotation mark, at most
:data:`WINDOW` tokens) is parsed (:func:`narrative.syntax.parse.load_parser`, trained on UD English-EWT) and the
cue verb's ``nsubj`` taken (a coordinated verb's: the first verb's; an -ing participle's: its clause's) with the
words of its noun phrase (:data:`KEEP`: compounds, flat names, titles, adjectives, determiners, possessors,
``of`` phrases, conjuncts), cut at a comma or bracket (an apposition, an age); a person's "at"/"in" phrase and a
day are left out; a common noun's apposition that is a name is the name ("Ukraine's ambassador, Ivan Petrenko,
said": Ivan Petrenko), as the rules have it.

The parse is *confident* (:func:`subject`) when the cue token is a verb, its subject is a noun, a proper noun or a
speaker pronoun, the phrase holds no quotation mark, and it is on the same side of every quotation as the cue.
Then (:func:`revise`): where it overlaps the rules' phrase the two are joined (each cuts what the other keeps);
elsewhere it replaces the rules' phrase only when that looks wrong by its words (:func:`suspect`), when the
rules took a hearer for an inverted speaker ("X told Y the …": the content moves after the hearer), or when the
cue is a participle. Which rule speakers are looked at is the ``mode`` (:data:`MODES`):

* ``rules`` (the default extractor's): none, and nothing is parsed;
* ``suspect``: only those :func:`suspect` finds (a few windows: the parser runs rarely, but spaCy's import and
  the model's load still cost about a second a process);
* ``parse`` (the ``rules-parse`` extractor): every verb cue's, about 5-7 times slower than the rules (PolNeAR
  dev: 5.4 s against 1.2 s, the model's load included; the README names the command).

A pronoun subject ("he told reporters") is resolved as today, by the document's resolver.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..segment.marks import OUTER_MARKS
from ..speakers.resolver import PRONOUNS
from ..speakers.runs import NAME_PARTICLES
from .cues import content_start, words
from .finish import MAX_NESTING
from .records import Candidate
from .speakers import FUNCTION_WORDS, OPENING_WORDS, is_name
from .tokens import Toks

#: which rule speakers the parse replaces (see the module docstring); the first is the default
MODES = ("rules", "suspect", "parse")
DEFAULT_MODE = MODES[0]
#: the dependents of a subject that stay in its phrase
KEEP = frozenset({"compound", "flat", "flat:name", "flat:foreign", "amod", "det", "nmod:poss", "nmod", "nmod:desc",
                  "case", "nummod", "cc", "conj", "fixed", "goeswith", "det:poss", "punct"})
#: tokens that end a subject phrase (an apposition, an age, a place after a comma: "Matt Borges, chairman of …")
_BREAKS = frozenset({",", "(", ")", "—", "–", ";", ":"})
#: parts of speech a subject's head may have
_HEADS = frozenset({"NOUN", "PROPN", "PRON"})


@lru_cache(maxsize=1)
def _times() -> frozenset[str]:
    """The time nouns an "of"/"on" phrase of the subject is left out with: ``claim_words.yaml``'s ``weekdays``
    (days, months, "today", "morning" …) and "may" (left out there for Theresa May; here only an ``nmod``)."""
    return words().weekdays | {"may"}

#: the prepositions of a name's "of" phrase kept in it ("the Prime Minister of Italy")
_NAME_PREPS = frozenset({"of", "'s", "’s"})
#: how far around a cue the parsed window reaches, in tokens (before, after): a clause, not a merged quotation
WINDOW = (40, 20)
#: tokens that end the window: sentence stops and quotation marks
_WINDOW_STOPS = frozenset(".!?;") | OUTER_MARKS
#: words right before a rule speaker that make it an object, not a subject ("told reporters", "of a bank")
_BEFORE_OBJECT = frozenset("of to by with for from at in on into about against told than".split())


#: the shipped pipeline's components the subject needs no output of (the morphologizer sets ``pos_``)
_OFF = ("tagger", "trainable_lemmatizer")


def parse(text: str):
    """The spaCy doc of one unit's text: the shipped pipeline, loaded once per process and shared
    (:func:`narrative.syntax.parse.load_parser`), with :data:`_OFF` switched off for the call."""
    from ..syntax.parse import load_parser

    nlp = load_parser()
    return nlp(text, disable=[name for name in _OFF if name in nlp.pipe_names])


def suspect(toks: Toks, cand: Candidate) -> bool:
    """Whether a rule speaker looks wrong by its words: a sentence opener, time word or function word alone
    ("Last", "However"), a phrase right after a lower-case word that takes an object ("told reporters", "of a
    bank", "met the minister"), or a name cut before a capitalised word that goes on to the cue ("Seth G" + "reen").

    >>> t = Toks("Last week, senior officials warned that …", 0, 42)
    >>> suspect(t, Candidate(5, 5, "neutral", 0, 0, 0, 0, "warned"))
    True
    >>> suspect(t, Candidate(5, 5, "neutral", 3, 4, 0, 0, "warned"))
    False
    """
    s0, s1, c0 = cand.source_first, cand.source_last, cand.cue_first
    low, text = toks.low, toks.text
    if s1 >= c0 or low[s1] in PRONOUNS:  # an inversion ("said Peskov"), "according to X", a pronoun: the rules'
        return False
    if s0 == s1 and (low[s0] in OPENING_WORDS or low[s0] in FUNCTION_WORDS or low[s0] in words().weekdays):
        return True
    common = not is_name(text[s1])  # a phrase headed by a common noun ("reporters", "bank"), not a name
    k = s0 - 1
    while k >= 0 and k >= s0 - 3 and text[k].isalpha() and text[k].islower() and low[k] not in _BEFORE_OBJECT:
        k -= 1  # "the founder of a small bank": past the determiner and adjectives
    if k >= 0 and low[k] in _BEFORE_OBJECT and (common or s0 == s1) or s0 >= 1 and low[s0 - 1] in NAME_PARTICLES:
        return True
    if common and s0 >= 1 and text[s0 - 1].isalpha() and text[s0 - 1].islower() \
            and low[s0 - 1] not in ("and", "or", "the") and s1 + 1 < c0:
        return True  # "Shmyhal, however, told reporters …": a lower-case verb before, more words before the cue
    return s1 + 1 < c0 and is_name(text[s1 + 1]) and toks.start[s1 + 1] == toks.end[s1]  # a name cut inside a word


def subject(doc, cue_start: int, offset: int, inside=None) -> tuple[int, int] | None:
    """``(start, end)`` document offsets of the subject phrase of the cue verb at document offset
    ``cue_start`` in ``doc`` (the parse of the unit starting at ``offset``), when the parse is confident;
    ``inside``: a quotation predicate on offsets (the phrase must be on the cue's side of every quotation)."""
    starts = [t.idx for t in doc]
    k = bisect_left(starts, cue_start - offset)
    if k >= len(doc) or starts[k] != cue_start - offset:
        return None
    verb = doc[k]
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and (verb.dep_ == "conj" or participle(verb)):
        # "… acknowledged the toll but insisted": the first verb's subject; "X sounded off on Y, saying …": the
        # subject of the clause the participle depends on
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in _HEADS:
        return None
    if subj.pos_ == "PRON" and subj.lower_ not in PRONOUNS:
        return None  # "this", "which", "who": no speaker phrase
    head = subj
    if subj.pos_ == "NOUN":  # "Ukraine's ambassador, Ivan Petrenko, said": the name in apposition
        head = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
    tokens = sorted(_phrase(head))
    at = tokens.index(head)
    lo = next((k + 1 for k in range(at - 1, -1, -1) if tokens[k].text in _BREAKS or tokens[k].i + 1 != tokens[k + 1].i), 0)
    hi = next((k for k in range(at + 1, len(tokens)) if tokens[k].text in _BREAKS or tokens[k].i != tokens[k - 1].i + 1),
              len(tokens))
    tokens = tokens[lo:hi]  # the unbroken run of the phrase around its head
    while tokens and tokens[0].i > 0 and _name_part(doc[tokens[0].i - 1]):
        tokens.insert(0, doc[tokens[0].i - 1])  # "Ursula von der Leyen": a name the parse broke at its particle
    while tokens and tokens[-1].i + 1 < verb.i and (
            _name_part(doc[tokens[-1].i + 1]) and (tokens[-1].lower_ in NAME_PARTICLES or tokens[-1].pos_ == "PROPN"
                                                    or doc[tokens[-1].i + 1].lower_ in NAME_PARTICLES)
            or tokens[-1].lower_ in NAME_PARTICLES and doc[tokens[-1].i + 1].text[:1].isupper()):
        # and on to the cue ("Ilse van der Berg said"; after a particle whatever the parse made of the name's
        # last word: "Marco della Rovere said", "Rovere" parsed an adverb)
        tokens.append(doc[tokens[-1].i + 1])
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "case")):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens:
        return None
    a, b = tokens[0].idx + offset, tokens[-1].idx + len(tokens[-1]) + offset
    if any(t.text in OUTER_MARKS for t in tokens):
        return None
    if inside is not None and (inside(a) != inside(cue_start) or inside(b - 1) != inside(cue_start)):
        return None
    return a, b


def _name_part(token) -> bool:
    """Whether a token just before a subject phrase is part of its name: a particle, or a capitalised proper
    noun or adjective that is no time or place phrase of the verb ("In Kyiv Zelensky said": not Kyiv)."""
    if token.lower_ in NAME_PARTICLES:
        return True
    return (token.pos_ in ("PROPN", "ADJ") and token.text[:1].isupper() and token.dep_ not in _ADVERBIAL
            and not any(c.dep_ == "case" for c in token.children))


_ADVERBIAL = frozenset({"obl", "obl:tmod", "obl:unmarked", "obl:npmod", "nmod:tmod", "advmod", "vocative"})


def window(toks: Toks, c: int) -> tuple[int, int]:
    """The tokens parsed for the cue at token ``c``: back to the last stop or quotation mark before it and on to
    the next after it, within :data:`WINDOW` tokens (so the parse costs the same in a long merged unit)."""
    before, after = WINDOW
    low = toks.low
    w0 = c
    while w0 > 0 and c - w0 < before and low[w0 - 1] not in _WINDOW_STOPS:
        w0 -= 1
    w1 = c
    while w1 + 1 < len(low) and w1 - c < after and low[w1 + 1] not in _WINDOW_STOPS:
        w1 += 1
    return w0, w1


def participle(verb) -> bool:
    """Whether a cue verb is an -ing participle depending on a clause ("…, saying"): its subject is that clause's."""
    return verb.dep_ == "advcl" and verb.lower_.endswith("ing") and not any(c.dep_ == "mark" for c in verb.children)


def _controls(doc, at: int) -> bool:
    """Whether the cue at ``at`` in ``doc`` is a participle whose subject the parse takes from its clause: the
    rules guess that subject from the words (the first name of the clause, the nearest one), the parse reads it."""
    k = bisect_left([t.idx for t in doc], at)
    return k < len(doc) and doc[k].idx == at and participle(doc[k])


def _whole_name(toks: Toks, i: int, j: int) -> bool:
    """Whether tokens i..j are a name of two or more capitalised words ("Igor Girkin", "Jeb Bush")."""
    return j > i and all(is_name(w) for w in toks.text[i:j + 1])


def hearer_end(doc, cue_start: int, offset: int) -> int | None:
    """The document offset where the hearer right after the cue verb at ``cue_start`` ends (its ``iobj`` or a
    noun ``obj`` followed by a clause: "told inspectors the reactor was safe" → after "inspectors"), else None."""
    k = bisect_left([t.idx for t in doc], cue_start - offset)
    if k >= len(doc) or doc[k].idx != cue_start - offset:
        return None
    for child in doc[k].children:
        if child.i > k and child.dep_ in ("iobj", "obj") and child.pos_ in _HEADS:
            return child.right_edge.idx + len(child.right_edge) + offset
    return None


#: how many earlier contents of its unit a candidate's content must lie in to be left unparsed (:func:`_buried`)
BURIED = 2 * MAX_NESTING


def _buried(found: list[Candidate], n: int) -> bool:
    """Whether the content of ``found[n]`` lies inside the contents of :data:`BURIED` earlier candidates of its
    unit (looking back at most twice that many): far past the nesting bound (:data:`.finish.MAX_NESTING`, which
    leaves such a claim out), so parsing its speaker is wasted (a 4,000-level "said that" chain parsed 4,000 windows
    for 4 claims). The margin over the bound allows for contents the later steps shorten."""
    cand, deep = found[n], 0
    for other in found[max(0, n - 2 * BURIED):n][::-1]:
        if other.content_start <= cand.content_start and cand.content_end <= other.content_end:
            deep += 1
            if deep >= BURIED:
                return True
    return False


def _enclosing_end(found: list[Candidate], cand: Candidate, start: int, end: int) -> int:
    """Where a content moved after the cue (at ``start``, at most the unit's ``end``) ends: no later than the
    content of another candidate it lies in ("X told Y the reactor was safe, the agency reported": the
    agency's content ends before its trailing aside, and so does X's)."""
    for other in found:
        if other is not cand and other.content_start <= start < other.content_end:
            end = min(end, other.content_end)
    return end


def _phrase(head) -> list:
    """The tokens of ``head``'s phrase: it and, recursively, its :data:`KEEP` dependents (contiguous from the
    head outward: a dependent beyond a left-out one is left out too)."""
    out = [head]
    for child in head.children:
        if child.dep_ not in KEEP:
            continue
        if child.dep_ == "nmod" and (child.lower_ in _times() or head.pos_ == "PROPN" and not any(
                c.dep_ == "case" and c.lower_ in _NAME_PREPS for c in child.children)):
            continue  # "X on Monday said", "said Jon Smith at the institute": a day, a workplace are no part of him
        out.extend(_phrase(child))
    return out


def revise(found: list[Candidate], toks: Toks, text: str, a: int, b: int, mode: str, inside=None,
           cache: dict | None = None) -> None:
    """Replace the source of each candidate in ``found`` (a unit ``text[a:b]`` with tokens ``toks``) by the
    parse's subject of its cue where ``mode`` says so (:data:`MODES`) and the parse is confident. The unit is
    parsed in a window around each cue that needs it (:func:`window`), each window once (``cache``)."""
    if mode == "rules":
        return
    moved: list[Candidate] = []
    for n, cand in enumerate(found):
        if cand.cue_first != cand.cue_last and toks.low[cand.cue_first] in ("according",):
            continue
        if _buried(found, n):
            continue  # the nesting bound leaves it out whatever its speaker: no parse ("A said that B said that …")
        doubtful = suspect(toks, cand)
        if mode == "suspect" and not doubtful:
            continue
        w0, w1 = window(toks, cand.cue_first)
        key = (toks.start[w0], toks.end[w1])
        doc = cache.get(key) if cache is not None else None
        if doc is None:
            doc = parse(text[key[0]:key[1]])
            if cache is not None:
                cache[key] = doc
        a = key[0]
        span = subject(doc, toks.start[cand.cue_first], a, inside)
        if span is None:
            continue
        s0 = bisect_right(toks.start, span[0]) - 1
        s1 = bisect_left(toks.end, span[1])
        if s0 < 0 or s1 >= len(toks) or s0 > s1 or s0 <= cand.cue_first <= s1:
            continue
        if s0 <= cand.source_last and cand.source_first <= s1:
            # the two readings overlap: together they cut neither ("Trump supporters" / "Trump";
            # "Robby" / "campaign manager Robby Mook")
            s0, s1 = min(s0, cand.source_first), max(s1, cand.source_last)
            if "and" in toks.low[s0:s1 + 1] and _whole_name(toks, cand.source_first, cand.source_last):
                continue  # "a former officer and critic Igor Girkin": the rules' whole name, not a coordination
        elif cand.source_first > cand.cue_last and s1 < cand.cue_first \
                and cand.content_start <= toks.start[s0] < cand.content_end:
            # "Two engineers at the plant told inspectors the reactor was safe": the rules took the hearer
            # for an inverted speaker and the subject for the content; the content follows the cue
            k = cand.cue_last + 1
            end = hearer_end(doc, toks.start[cand.cue_first], a)
            if end is not None:  # past the hearer ("told inspectors the reactor …")
                k = bisect_left(toks.end, end) + 1
            k = content_start(toks.low, k, len(toks), toks.low[cand.cue_first])
            if k >= len(toks):
                continue
            cand.content_start, cand.content_end = toks.start[k], b
            moved.append(cand)  # its end once every speaker is revised (:func:`_enclosing_end`)
        elif not doubtful and not _controls(doc, toks.start[cand.cue_first] - a):
            continue  # elsewhere, and the rules' phrase looks sound: the parse is likelier wrong
        while s0 < s1 and not toks.text[s0][:1].isalnum():
            s0 += 1
        cand.source_first, cand.source_last = s0, s1
        if cand.content_start < toks.start[s0] < cand.content_end:
            # "…, the coast guard reported" where the rules had "guard": the content ends before the joined phrase
            cand.content_end = toks.start[s0]
    for cand in moved:
        cand.content_end = _enclosing_end(found, cand, cand.content_start, cand.content_end)
