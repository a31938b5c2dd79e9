"""What a cue's content is: a clause, an infinitive, or only a noun object or a circumstance.

The rule extractor (:mod:`.rules`) asks these questions of the tokens after a cue: whether a speech-act
verb takes only a noun phrase ("announced the death of ten generals": no claim said), whether what
follows is only a circumstance ("from the podium"), whether a directive's content is an infinitive
("urged colleagues to avoid …"), and whether a source at the end follows its content ("…, Lukashenko
said in an interview.").

>>> infinitive("urged foreign colleagues to avoid the term".split(), 1, 7)
True
>>> no_content("from the podium .".split(), 0, 4), no_content("on monday that it held".split(), 0, 5)
(True, False)
"""
from __future__ import annotations

from functools import lru_cache

from ..segment.marks import OUTER_OPENING
from .cues import words

#: verbs of saying whose bare object is what was said ("said the talks had stalled"), and denials,
#: whose object stands for the claim denied ("Kyiv denied the claim", CODEBOOK G3)
_SAY = frozenset("say said says saying tell told tells telling add added adds adding write wrote writes "
                 "state stated states deny denied denies denying reject rejected rejects rejecting "
                 "rule rules ruled does do did".split())  # "does not rule out new talks": the object is the claim
_DETERMINERS = frozenset("the a an their his her its our my your other this these those new".split())
#: the forms of "to be" (a passive's auxiliary: "was condemned by the UN")
BE_FORMS = frozenset("be is are was were been being".split())
#: words that show a clause (a finite verb) in what follows the cue
FINITE = (BE_FORMS - {"being"}) | frozenset(
    "has have had will would could can should must may might did does do "
    "'s ’s isn't aren't wasn't weren't won't can't don't doesn't didn't".split())


def noun_object(low: list[str], k: int, cue_low: str) -> bool:
    """Whether a speech-act verb other than "say"/"tell" takes only a noun phrase here: its object
    starts with a determiner and no finite verb follows within twelve words (no clause, no claim)."""
    if cue_low in _SAY or k >= len(low) or low[k] not in _DETERMINERS:
        return False
    if cue_low in INFINITIVE_CUES and infinitive(low, k, len(low)):
        return False  # "urging the press not to use the word …": the infinitive is what was asked
    window = low[k:k + NOUN_OBJECT_WINDOW]
    if cue_low.startswith(_CHARACTERISING) and "as" in window:
        return False  # "described the move as a provocation", "condemned the vote as illegal": a characterisation
    if cue_low in CALL_FORMS and characterises(low, k, len(low)):
        return False  # "called the strike a war crime": what it is called is the claim
    if any(w == "of" and i + 1 < len(window) and window[i + 1].endswith("ing") for i, w in enumerate(window)):
        return False  # "accused the US of ignoring Russia's demands": the gerund is the claim
    return FINITE.isdisjoint(window)


#: cues whose object with "as" is a characterisation, a claim ("condemned the decision as illegal")
_CHARACTERISING = ("describ", "characteri", "brand", "label", "condemn", "denounc", "dismiss", "slam", "criticis",
                   "criticiz", "hail", "decr", "portray", "present", "blast", "lambast")
#: words after a cue in which a finite verb shows a clause ("announced the death of ten generals": none)
NOUN_OBJECT_WINDOW = 12
#: hearer words skipped after "told" before a circumstance ("told the media on 26 April")
HEARER_WINDOW = 4
#: a source after a comma at the end needs at least this many tokens before it ("…, Lukashenko said in …")
TRAILING_SOURCE_MIN_START = 4


#: pronouns that open a content clause right after a weak cue ("reported he was", "noted they had")
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
#: the directive speech acts: their content is an infinitive ("urged colleagues to avoid …", "demands to
#: unblock …", "asks Germany to provide …"; Searle's directives, PARC's speech-act cues)
DIRECTIVES = frozenset(f"{stem}{end}" for stem in ("ask", "urg", "call", "demand", "request", "appeal", "implor",
                                                   "encourag", "instruct", "advis", "beg", "press", "invit")
                       for end in ("", "e", "s", "es", "ed", "d", "ing", "ged", "ging", "gs"))
#: the commissive speech acts whose content is an infinitive ("vowed to respond", "threatened to cut supplies";
#: Searle's commissives), and every cue whose infinitive is its content
COMMISSIVES = frozenset(f"{stem}{end}" for stem in ("vow", "pledge", "promise", "threaten", "swear", "swore")
                        for end in ("", "s", "d", "ed", "ing"))
INFINITIVE_CUES = DIRECTIVES | COMMISSIVES
#: tokens after a directive cue in which its infinitive's "to" is looked for
INFINITIVE_WINDOW = 8
_NOT_VERB_AFTER_TO = frozenset("the a an this that these those his her its their our my your all some any every each "
                               "reporters journalists".split())


def infinitive(low: list[str], k: int, n_toks: int) -> bool:
    """Whether an infinitive ("to" and a word that is no determiner) starts within
    :data:`INFINITIVE_WINDOW` tokens from ``k``, before any punctuation."""
    for m in range(k, min(n_toks - 1, k + INFINITIVE_WINDOW)):
        w = low[m]
        if w == "to":
            nxt = low[m + 1]
            return nxt.isalpha() and nxt not in _NOT_VERB_AFTER_TO or nxt == "not"
        if not w[:1].isalnum():
            return False
    return False


def no_content(low: list[str], k: int, n_toks: int) -> bool:
    """Whether what follows a cue is only a circumstance ("from the podium", "on Monday."): a preposition or a
    time word first, and no clause (no finite verb, "that", colon or quotation) in the rest of the unit."""
    if k >= n_toks or low[k] not in CIRCUMSTANCE:
        return False
    rest = set(low[k:])
    return not (rest & FINITE or rest & ({"that", ":", ","} | OUTER_OPENING))


CIRCUMSTANCE = frozenset({"in", "on", "at", "during", "after", "before", "while", "via", "through", "from",
                          "with", "to", "late", "earlier", "later", "today", "yesterday", "tonight", "monday",
                          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "overnight", "last",
                          "this", "("})  # "(": a bracketed aside, "said on Thursday (February 9)."


def trailing_source(low: list[str], s0: int, c1: int, n_toks: int) -> bool:
    """"Internal reasons have grown, Lukashenko said in an interview on Monday.": a source after a
    comma, and after the cue only circumstances (no "that", no colon, no quotation, no clause)."""
    k = c1 + 1
    if low[c1] in ("told", "tells", "informed") and k < n_toks and low[k] not in CIRCUMSTANCE:
        # "…, the envoy told the media on 3 May.": skip the hearer ("the media", "reporters", "AFP")
        stop = min(n_toks, k + HEARER_WINDOW)
        while k < stop and low[k] not in CIRCUMSTANCE and low[k] not in (",", "that", ".", ":"):
            k += 1
    if s0 < TRAILING_SOURCE_MIN_START or low[s0 - 1] != "," or k >= n_toks or low[k] not in CIRCUMSTANCE:
        return False
    rest = low[c1 + 1:]
    return not (({"that", ":", "whether", "how", "why", "what"} | OUTER_OPENING) & set(rest))


#: tokens after a describing cue's first object word in which "as" opens the characterisation
DESCRIBED_AS_WINDOW = 8
#: the nouns of an attitude a weak cue expresses with a clause ("expressed concern that …")
ATTITUDES = frozenset("concern concerns hope hopes confidence regret doubt doubts belief conviction fear fears "
                      "satisfaction disappointment frustration outrage optimism skepticism scepticism alarm "
                      "certainty".split())
#: question words that open a clause after "about"/"over" ("concern about how …")
WH_WORDS = frozenset("how what whether why who when where".split())


#: forms of "call" that characterise an object ("called the strike a war crime", "calling them “hysteria”")
CALL_FORMS = frozenset({"call", "calls", "called", "calling"})
#: object words of a characterisation that a predicate follows at once ("called it absurd")
_CALLED_PRONOUNS = frozenset({"it", "them", "him", "her", "this", "that", "these", "those"})
#: words that open a noun phrase object ("called the move …", "called Russia's claims …")
_OBJECT_OPENERS = frozenset({"the", "this", "these", "those", "his", "her", "its", "their", "our", "such"})
#: words after "called" + object that make it a call of another kind ("called him back", "called them to talks"),
#: with the day words of ``claim_words.yaml``'s ``weekdays`` (:func:`_not_predicate`: "called the minister on Monday")
_NOT_PREDICATE = frozenset("""to for on in at with from by about after before back up off out over into and or but
tomorrow last this next again""".split())


@lru_cache(maxsize=1)
def _not_predicate() -> frozenset[str]:
    """:data:`_NOT_PREDICATE` and the day words of the time words (read once, on first use): "called the minister on
    Monday", "called them yesterday"; not the months or "night" ("called the night raid a war crime" is a claim)."""
    return _NOT_PREDICATE | {w for w in words().weekdays if w.endswith("day")}


#: endings of an adjective predicate that ends the clause ("called the sanctions illegal", "… unacceptable")
_PREDICATE_ENDINGS = ("al", "ous", "ible", "able", "ive", "ic", "ful", "less", "ant", "ent", "ary", "ory", "ish")
#: the longest object (tokens) between "called" and its characterisation
CALLED_OBJECT_MAX = 5
#: words after "a"/"an" that make a time or a count, not a characterisation ("called him a day later",
#: "called the office a second time", "a dozen times", "called it a day")
_COUNT_WORDS = frozenset("""day week month year night morning evening hour minute moment while second third fourth
fifth dozen few couple number time times""".split())
#: determiners among the object words: "called this a victory", but "called that number again"
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _count_after(low: list[str], m: int, n: int) -> bool:
    """Whether "a"/"an" at ``m`` opens a time or a count (:data:`_COUNT_WORDS`), not what the object is called."""
    return m + 1 < n and low[m + 1] in _COUNT_WORDS


def characterises(low: list[str], k: int, n: int, opening=frozenset()) -> bool:
    """Whether the words from ``k`` (right after a form of "call") are an object and what it is called: a
    speech act whose content is the characterisation ("Zelensky called the strike a war crime", "called it
    absurd", "calling them “hysteria”"), not a phone call, a summons or a name ("called him back", "called a
    meeting", "a group called Wagner"). ``opening`` holds the opening quotation marks.

    >>> [characterises(s.split(), 0, len(s.split())) for s in ("the strike a war crime .", "it absurd .",
    ...  "the sanctions illegal .", "him back .", "a meeting .", "the minister on friday .", "Wagner .",
    ...  "this a victory .", "that illegal .", "the office a second time .", "it a day .", "that number again .")]
    [True, True, True, False, False, False, False, True, True, False, False, False]
    """
    if k >= n:
        return False
    if low[k] in _CALLED_PRONOUNS:
        nxt = low[k + 1] if k + 1 < n else ""
        if nxt in ("a", "an"):
            return not _count_after(low, k + 1, n)  # "called it a provocation", not "called it a day"
        if nxt == "quits":
            return False  # "called it quits"
        if low[k] in _DEMONSTRATIVES and nxt.isalpha() and nxt not in ("the",) and not (
                nxt.endswith(_PREDICATE_ENDINGS) and (k + 2 >= n or not low[k + 2].isalpha())):
            pass  # "called that number again", "called these reports lies": a determiner, the object goes on
        else:
            return bool(nxt) and (nxt == "the" or nxt in opening
                                  or nxt.isalpha() and nxt not in _not_predicate() and nxt not in _CALLED_PRONOUNS)
    elif low[k] not in _OBJECT_OPENERS and not low[k].endswith(("'s", "’s")):
        return False
    for m in range(k + 1, min(n, k + 1 + CALLED_OBJECT_MAX)):
        w = low[m]
        if w in ("a", "an") and not _count_after(low, m, n) or w in opening:
            return True  # "called the strike a war crime", "called the reports “hysteria”"
        if w in _not_predicate() or not w.isalpha():
            # "called the sanctions illegal.": an adjective closing the clause
            return m >= k + 2 and low[m - 1].endswith(_PREDICATE_ENDINGS) and not w.isalpha() and m - 1 > k + 1
    return False
