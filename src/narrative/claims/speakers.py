"""Speaker noun phrases around a cue: the token span of who speaks.

The source is the noun phrase left of the cue (skipping adverbs, time phrases
and an appositive between commas), or right of it in inversions ("said
Peskov") and after "according to". What the phrase refers to is
:class:`narrative.speakers.resolver.Resolver`'s job.
"""
from __future__ import annotations

from ..segment.marks import LINE_DASHES, OUTER_CLOSING, OUTER_MARKS
from ..speakers.mention_side import POSTED_HEADS
from ..speakers.names import TITLES
from ..speakers.resolver import PRONOUNS
from .cues import head_words, words
from .tokens import Toks

POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})


def is_name(word: str) -> bool:
    """A capitalised word (a name, or a sentence-initial word)."""
    return word[:1].isupper() and word[:1].isalpha()


def skip_time_left(low: list[str], j: int) -> int:
    """Skip adverbs and time phrases ('on Monday', 'last week') leftwards; return the new j."""
    w = words()
    while j >= 0:
        t = low[j]
        if t in w.skip_left:
            j -= 1
        elif t in w.weekdays and j >= 1 and low[j - 1] in w.time_preps:
            j -= 2
        elif t in w.weekdays and j >= 2 and low[j - 2] in w.time_preps:
            j -= 3
        elif t.isdigit() and (k := _date_start(low, j)) < j:
            j = k - 2 if k >= 1 and low[k - 1] in w.time_preps else k - 1  # "on August 26, 2022", "in March 2022"
        else:
            break
    return j


def _date_start(low: list[str], j: int) -> int:
    """The first token of a date that ends with the number at ``j`` ("August 26, 2022", "26 August 2022",
    "March 2022"), or ``j`` when no month stands in it."""
    k, month = j, False
    while k >= 1 and j - k < 4 and (low[k - 1].isdigit() or low[k - 1] in _MONTHS
                                    or low[k - 1] == "," and k >= 2 and low[k - 2].isdigit()):
        k -= 1
        month = month or low[k] in _MONTHS
    return k if month else j


def left_np(toks: Toks, j: int, stop: int) -> tuple[int, int] | None:
    """Token range [i0, i1] of the speaker noun phrase ending at or before j."""
    low, text = toks.low, toks.text
    speaker_words, heads = words().speaker_words, head_words()
    j = skip_time_left(low, j)
    if j < stop:
        return None
    if low[j] == ",":  # appositive: "Kovalenko, head of ..., warned"
        k = j - 1
        while k >= stop and low[k] != "," and low[k] not in OUTER_MARKS:
            k -= 1
        if k >= stop + 1 and low[k] == ",":
            inner = (k + 1, j - 1)
            j = k - 1
            if 1 <= inner[1] - inner[0] <= 3 and all(is_name(text[t]) for t in range(inner[0], inner[1] + 1)) \
                    and not is_name(text[j]) and low[j] in heads:
                return inner  # "Latvia's prime minister, Anna Berzina, said": the name, not the title
            span = range(inner[0], inner[1] + 1)
            if 1 <= inner[1] - inner[0] <= 5 and sum(is_name(text[t]) and low[t] not in TITLES for t in span) >= 2 \
                    and all(is_name(text[t]) or low[t] == "." for t in span) and is_name(text[j]):
                # "The commander of the 47th Brigade, Maj. Ivan Petrenko, said": a titled name in apposition
                return inner
            if 1 <= inner[1] - inner[0] <= 2 and all(is_name(text[t]) and low[t] not in TITLES for t in span) \
                    and low[j].isalpha() and not is_name(text[j]) and low[j] not in FUNCTION_WORDS \
                    and not low[j].endswith("ly") and low[j] not in words().skip_left:
                # "the ruler's influential son, Muhoozi Kainerugaba, has said": a name after any describing noun
                return inner
        else:
            return None
    if low[j] in PRONOUNS:
        return (j, j)
    i = j
    while i >= stop:
        w = low[i]
        if is_name(text[i]) or w in speaker_words or w.endswith(("’s", "'s")) or w in ("-", "."):
            i -= 1
            continue
        break
    i += 1
    while i <= j and (low[i] in ("of", "and", "-", ".", "'s", "’s") or low[i] in FUNCTION_WORDS
                      or i < j and (low[i] in _MONTHS or low[i] in words().weekdays)):
        i += 1  # "As Interfax reported", "On Thursday Wang said": a function or time word opens no name
    if j - 2 >= stop and low[j] in _OF_COMPLEMENTS and low[j - 1] == "of" and low[j - 2] in heads:
        # "the head of state noted", "the chief of staff said": a head with its "of" complement
        outer = left_np(toks, j - 2, stop)
        if outer is not None and outer[1] == j - 2:
            return (outer[0], j)
    if j - 3 >= stop and not (is_name(text[j]) or low[j] in heads) and low[j - 1] in ("a", "an", "the") \
            and low[j - 2] == "of" and low[j - 3] in heads:
        # "the founder of a bank wrote": the head before "of", not the bank
        outer = left_np(toks, j - 3, stop)
        if outer is not None and outer[1] == j - 3:
            return (outer[0], j)
    if not (is_name(text[j]) or low[j] in heads):
        # "the head of Russian diplomacy said", "the chief of military intelligence warned": a head with an "of"
        # complement that names its office, not a person or body itself
        of = _of_complement(low, text, j, stop)
        outer = left_np(toks, of - 1, stop) if of is not None else None
        return (outer[0], j) if outer is not None and outer[1] == of - 1 else None
    if i > j or (i == j and (low[i] in ("the", "a", "an") or low[i] in FUNCTION_WORDS)):
        return None
    if stop < i - 1 and low[i - 2] == "," and _noun_modifier(low[i - 1]) and not is_name(text[j]):
        i -= 1  # "…, event organizers say.": a noun modifier between the comma and the head
    # a sentence-initial capitalised function word is not a name
    if i == stop and low[i] in ("the", "a", "an") and i == j:
        return None
    p = i - 1
    if p > stop and (low[p] in _COMPASS or low[p] in _PLACE_STATES):  # "in eastern Ukraine", "in occupied Kherson"
        p -= 1
    if p - 1 >= stop and (low[p] in ("in", "of", "for", "at") or low[p] == "to" and low[p - 1] in POSTED_HEADS
                                and "and" not in low[i:j]):
        h = p - 1  # ("Russia's ambassador to the US": the ambassador, posted to the US)
        if h - 1 >= stop and low[h] not in heads and low[h].endswith("ed") and low[h - 1] in heads:
            h -= 1  # "a diplomat stationed in Kyiv", "officials based in Donetsk": a participle after the head
        if low[h] in heads:
            # "Moscow-installed authorities in Kherson", "the governor of Kharkiv": the head is before the place
            outer = left_np(toks, h, stop)
            if outer is not None and outer[1] == h:
                return (outer[0], j)
    medium = _medium_before(low, i, stop)
    if medium is not None:
        # "Mirela Vostok in a talk with Radio Nord said": the hearer of an interview is no speaker, its subject is
        outer = left_np(toks, medium - 1, stop)
        if outer is not None:
            return outer
    if i > stop and low[i - 1] in _OBJECT_PREPS and "and" in low[i:j]:
        # "the ambassador to Russia and former adviser Michael McFaul said": the first conjunct is the
        # preposition's object, the speaker the second
        i = max(k for k in range(i, j) if low[k] == "and") + 1
    return (i, j)


#: nouns of an occasion of speech whose "with"/"to" object is the hearer ("in a conversation with Radio Nord")
_MEDIUM_NOUNS = frozenset("interview interviews conversation call meeting talk talks briefing remarks comments "
                          "statement letter message broadcast programme program podcast".split())


def _medium_before(low: list[str], i: int, stop: int) -> int | None:
    """The token of "in"/"during"/"on" that opens an occasion of speech whose hearer is the noun phrase at ``i``
    ("… in a conversation with Radio Nord said", "… during a call to a local paper said"), else None."""
    if i - 3 < stop or low[i - 1] not in ("with", "to"):
        return None
    for k in range(i - 2, max(stop, i - 6) - 1, -1):
        if low[k] in ("in", "during", "on") and k + 1 < i - 1 and not _MEDIUM_NOUNS.isdisjoint(low[k + 1:i - 1]):
            return k if k > stop else None
        if not low[k].isalpha():
            return None
    return None


def right_np(toks: Toks, i: int, end: int) -> tuple[int, int] | None:
    """Speaker NP right of the cue (inversion: 'said Peskov', 'according to X')."""
    low, text = toks.low, toks.text
    speaker_words = words().speaker_words
    if i < end and low[i] in POSSESSIVES:  # "emphasised their willingness": an object, not a speaker
        return None
    if i < end and low[i] in PRONOUNS:
        # "“…,” said he." inverts; "I must say it exceeded …", "say it again" have an object
        if low[i] in ("he", "she") and (i + 1 >= end or not low[i + 1][:1].isalnum()):
            return (i, i)
        return None
    j = i
    while j < end and (is_name(text[j]) or low[j] in speaker_words or low[j] in ("’s", "'s")
                       or low[j][-2:] in ("’s", "'s") and low[j][:-2] in speaker_words  # "minister’s office"
                       or low[j] == "." and j > i and len(text[j - 1]) == 1 and text[j - 1].isupper()
                       and j + 1 < end and (len(text[j + 1]) == 1 and text[j + 1].isupper()
                                            or j >= i + 3 and low[j - 2] == ".")  # "U.S. authorities"
                       or low[j] == "." and j > i and low[j - 1] in _TITLE_ABBREVIATIONS and j + 1 < end
                       and is_name(text[j + 1])):  # "says Dr. Ivan Petrenko"
        j += 1
    while j > i and low[j - 1] in ("the", "a", "an", "of", "and"):  # "acknowledged the intensity"
        j -= 1
    if j == i:
        return None
    return (i, j - 1)


#: words that never end nor stand in an "of" complement before a cue (a relative opens a clause of its own)
_NOT_COMPLEMENT_ENDS = frozenset({"who", "which", "that", "whom", "whose"})
#: endings of adjectives, which end no "of" complement ("… of responsible states that …": "states" is no verb)
_ADJECTIVE_ENDINGS = ("ible", "able", "ive", "ous", "ful")
#: the most words of an "of" complement after a head ("the chief of the Polish border guard service")
OF_COMPLEMENT_MAX = 4


def _of_complement(low: list[str], text: list[str], j: int, stop: int) -> int | None:
    """The index of the "of" opening a complement that ends at ``j`` after a head word ("head of British
    diplomacy", "chief of the general staff"), else None: at most :data:`OF_COMPLEMENT_MAX` words, names or
    lower-case content words, "the" right after "of"."""
    if low[j] in _NOT_COMPLEMENT_ENDS or not is_name(text[j]) and low[j].endswith(_ADJECTIVE_ENDINGS):
        return None  # "the residents of the town who …", "a coalition of responsible states": no noun ends it
    heads = head_words()
    k = j
    while k > stop and j - k < OF_COMPLEMENT_MAX and low[k] != "of" and (is_name(text[k]) or low[k].isalpha() and low[k] not in
                                                       FUNCTION_WORDS):
        k -= 1
    if k < j and low[k] in ("the", "a", "an") and k > stop:
        k -= 1
    if _NOT_COMPLEMENT_ENDS.intersection(low[k + 1:j + 1]):
        return None  # "the residents of the town who fled", "the leader of the party that won": a relative clause
    if k < j and k - 1 >= stop and low[k] == "of" and low[k - 1] in heads and not is_name(text[k - 1]):
        return k
    return None


#: abbreviated titles a full stop may follow inside a name ("Dr. Ivan Petrenko", "Gen. Valerii Zaluzhnyi")
_TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen lt col maj sgt capt adm brig sen rep gov st".split())
#: the complements of "head of …" titles that are no head words themselves ("the head of state")
_OF_COMPLEMENTS = frozenset({"state", "government", "staff", "mission", "delegation", "state's"})
_COMPASS = frozenset("eastern western northern southern central north-eastern north-western south-eastern "
                     "south-western northeastern northwestern southeastern southwestern".split())
#: prepositions whose object a speaker phrase cannot start with
_OBJECT_PREPS = frozenset("to of with from against by for about toward towards".split())
#: words that describe a place's state between "in" and its name ("authorities in occupied Kherson")
_PLACE_STATES = frozenset("occupied russian-occupied russia-occupied annexed liberated besieged frontline front-line "
                          "war-torn embattled".split())
#: the longest source phrase read after a cue by :func:`phrase_np`, in tokens
PHRASE_NP_MAX = 15
_PHRASE_STOP = frozenset({",", ".", ";", ":", "!", "?", "-", "–", "—"}) | OUTER_MARKS  # "- according to X -"


def phrase_np(toks: Toks, i: int, end: int, max_len: int = PHRASE_NP_MAX,
              final: bool = False) -> tuple[int, int] | None:
    """A source phrase after a cue up to the next comma, stop or quotation mark, when the word
    lists do not cover it: "according to an investigation by the outlet Important Stories, …",
    "“…,” tweeted the exiled dissident Mikhail Khodorkovsky, “…”". It must start with a
    determiner or a name, end with a name or a head word, and stop within ``max_len`` tokens
    (else None: a clause, not a source). ``final``: a determiner's phrase of at most
    :data:`FINAL_NP_MAX` tokens that ends the unit may end with any noun ("“…,” said the dictator.")."""
    low, text = toks.low, toks.text
    if final and i + 2 < end and low[i] == "one" and low[i + 1] == "of":
        i += 2  # "- said one of the army's spokesmen Jan Kowal."
    if i >= end or not (low[i] in ("the", "a", "an") or is_name(text[i])):
        return None
    j = i
    while j < end and low[j] not in _PHRASE_STOP:
        if j - i >= max_len or low[j] in _FINITE_STOP:
            return None
        j += 1
    j -= 1
    if final and low[i] in ("the", "a", "an") and 0 < j - i < FINAL_NP_MAX and low[j].isalpha() \
            and (j + 1 >= end or low[j + 1] in (".", "!", "?")):
        return (i, j)
    if j <= i or not (is_name(text[j]) or low[j] in head_words()):
        return None
    return (i, j)


#: the longest lower-case source phrase :func:`phrase_np` takes at a unit's end ("said the dictator.")
FINAL_NP_MAX = 4


#: words that show a clause inside what :func:`phrase_np` reads: no source phrase holds one
_FINITE_STOP = frozenset("is are was were has have had will would could can should must may might did does do "
                         "said says that".split())


def participle_subject(toks: Toks, stop: int, inside_quote=None) -> tuple[int, int] | None:
    """The subject of the clause a participle after a comma belongs to ("In this respect, the embassy
    sent a note …, condemning …"): the first name of tokens 0..stop-1 outside quotations
    that is not a capitalised function word, adverb or time word ("In", "Later", "On Monday"), with the
    speaker words before it and "of" + a name
    after it ("the Embassy of Ukraine")."""
    low, text = toks.low, toks.text
    w = words()
    speaker_words, opening = w.speaker_words, FUNCTION_WORDS | w.skip_left | w.weekdays | _MONTHS | OPENING_WORDS
    i = 0
    while i < stop and not (((is_name(text[i]) and low[i] not in opening) or low[i] in PRONOUNS)
                            and not (inside_quote is not None and inside_quote(toks.start[i]))):
        i += 1
    if i >= stop:
        return None
    j = i
    while j + 1 < stop and (is_name(text[j + 1]) or low[j + 1] in ("’s", "'s")
                            or low[j + 1] == "of" and j + 2 < stop and is_name(text[j + 2])):
        j += 1
    while i > 0 and low[i - 1] in speaker_words and low[i - 1] not in ("and", "of") and not is_name(text[i - 1]):
        i -= 1
    return (i, j)


#: capitalised words that open a sentence and are never a speaker by themselves ("Next, the minister spoke …",
#: "Likewise, while …, encouraged", "Things can go fast, he warned"): conjunctions, determiners, discourse
#: adverbs (a hand-picked part of :func:`narrative.analyzer.english_stopwords`, without its nouns and names such
#: as "may", "bill", "un", "us") and a few opening nouns
OPENING_WORDS = frozenset("""
a about above after afterwards again against all also although always among an and another any anyhow anyway as at
because before beforehand besides both but by each either else elsewhere even ever every few for from further hence
here however if in indeed instead into last latter likewise many meanwhile moreover much neither nevertheless next no
none nonetheless nor not now of often on once only or other otherwise perhaps rather several since so some somehow
sometimes still such than that the then thence there thereafter therefore these this those though thus to together
too under until upon very when whenever where whereas whether which while why with within without yet similarly
additionally finally firstly secondly thirdly lastly overall notably importantly separately regardless consequently
accordingly furthermore things today yesterday tomorrow earlier later recently previously currently initially
eventually ultimately
""".split())


def opener(word: str) -> bool:
    """A capitalised sentence opener that names nobody by itself ("Next", "Likewise", "But"; not "UN", "May").

    >>> [opener(w) for w in ("Next", "Likewise", "Things", "UN", "May", "Peskov", "next")]
    [True, True, True, False, False, False, False]
    """
    return word[:1].isupper() and word[1:].islower() and word.lower() in OPENING_WORDS


#: openers that begin a speaker phrase ("The Kremlin")
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those"})


def possessive(word: str) -> bool:
    """A possessive ("Russia's", "Putin’s"): the determiner of a noun after it, not a speaker by itself."""
    return len(word) > 2 and word.endswith(("'s", "’s"))


def past_possessive(toks: Toks, k: int, stop: int) -> int | None:
    """The last token of the noun phrase a possessive at token ``k`` opens, before token ``stop`` ("the Kremlin’s
    top foreign policy adviser Yury Ushakov told …" → "Ushakov"), when it ends with a name or a head word; else None
    ("Putin’s assumptions have …", "Russia's military failures": the possessor names no speaker). The phrase is
    read over at most :data:`POSSESSED_MAX` words; a name ends it at the next lower-case word."""
    low, text, heads = toks.low, toks.text, head_words()
    last, named = None, False
    for j in range(k + 1, min(stop, k + 1 + POSSESSED_MAX)):
        w = low[j]
        if is_name(text[j]) and not possessive(text[j]):
            last, named = j, True
        elif named or not w.isalpha() or w in _FINITE_STOP or w in FUNCTION_WORDS:
            break
        else:
            last = j if w in heads else None
    return last


#: the longest noun phrase after a possessive that :func:`past_possessive` reads, in tokens
POSSESSED_MAX = 8


_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i")
#: capitalised at a sentence start, never a speaker ("As noted, ...", "Despite the sanctions, the IMF ...")
FUNCTION_WORDS = frozenset("as if when while but and so yet after before since although though because despite in on "
                           "at for with from during by amid meanwhile however also still".split())


def clause_subject(toks: Toks, stop: int) -> tuple[int, int] | None:
    """The noun phrase that opens the unit, when it is a speaker-like one ("The government", "Mr
    Ramaphosa and others"): the subject a later coordinated verb shares."""
    low, text = toks.low, toks.text
    speaker_words, heads = words().speaker_words, head_words()
    if not stop or low[0] in FUNCTION_WORDS or _gerund(low[0]):
        return None
    first = 2 if stop > 2 and opener(text[0]) and low[1] == "," else 0  # "Next, the general spoke … and said"
    j = first
    while j < stop and (is_name(text[j]) or low[j] in speaker_words or low[j] in ("’s", "'s")):
        j += 1
    j -= 1
    while j >= 0 and low[j] in ("and", "of", "the", "a", "an"):
        j -= 1
    if j < first or not (is_name(text[j]) or low[j] in heads) or (j == first and (low[j] in ("the", "a", "an")
                                                                                   or opener(text[j]))):
        return None  # "Next spoke … and said": "Next" is no subject
    return (first, j)
def _gerund(word: str) -> bool:
    """An -ing word that opens a unit as a gerund or participle ("Speaking about …"), not a name ("Beijing")."""
    return word.endswith("ing") and word not in _ING_NAMES


#: names ending in -ing that open sentences as subjects
_ING_NAMES = frozenset("beijing nanjing kunming wyoming king sterling pershing viking boeing".split())


def _noun_modifier(word: str) -> bool:
    """A lower-case word that may modify a speaker head ("event" organizers, "opposition" lawmakers)."""
    return word.isalpha() and word.islower() and not word.endswith("ly") and word not in FUNCTION_WORDS \
        and word not in words().skip_left and word not in PRONOUNS and word not in _NOT_MODIFIERS


_NOT_MODIFIERS = frozenset("and or which who whom that what this these those it its their his her not nor "
                           "then there here than".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())


def nearest_subject(toks: Toks, j: int, inside_quote=None) -> tuple[int, int] | None:
    """The nearest name or pronoun noun phrase ending at or before token ``j`` (outside quotations):
    the subject a coordinated verb shares ("Ramaphosa acknowledged the toll but insisted ...",
    "Zelensky, who asked for details and insisted ...")."""
    low, text = toks.low, toks.text
    k = j
    while k >= 0:
        if inside_quote is None or not inside_quote(toks.start[k]):
            if low[k] in PRONOUNS and low[k] not in ("it", "i"):
                return (k, k)
            adjective = (len(low[k]) > 2 and low[k].endswith(_DEMONYM_ENDINGS) and k + 1 < len(low)
                         and low[k + 1].isalpha() and text[k + 1].islower())  # "the Russian economy" (not "Mr Xi said")
            if is_name(text[k]) and low[k] not in ("the", "a", "an") and not adjective and low[k] not in _MONTHS \
                    and low[k] not in words().weekdays \
                    and (k > 0 or not _gerund(low[k])):
                i = k
                while i > 0 and (is_name(text[i - 1]) or low[i - 1] in ("’s", "'s")):
                    i -= 1
                relative = low[k + 1:k + 3] == [",", "who"]  # "Zelensky, who sought ... and insisted"
                p = i - 1
                if p >= 0 and low[p] in ("the", "a", "an"):  # "…, the IMF upgraded …": look before the article
                    p -= 1
                after_verb = p >= 0 and text[p].isalpha() and text[p].islower() and low[p] not in (
                    "and", "but", "then")  # "Xi praised Putin and called him ...": an object
                # "- … - said Bondar and added …", "“…,” said Bondar and added …": an inverted cue's subject
                inverted = after_verb and p >= 1 and (low[p - 1] in LINE_DASHES or low[p - 1] in OUTER_CLOSING
                                                      or low[p - 1] == "," and p >= 2 and low[p - 2] in OUTER_CLOSING)
                if relative or not after_verb or inverted:
                    return (i, k)
                k = i
        k -= 1
    return None


def subject(toks: Toks, start: int, stop: int, inside_quote=None) -> tuple[int, int] | None:
    """The first name or pronoun noun phrase in tokens start..stop-1 (the clause subject), skipping
    tokens inside a quotation when ``inside_quote`` (an offset predicate) is given."""
    low, text = toks.low, toks.text
    i = start
    while i < stop and not ((is_name(text[i]) and not (opener(text[i]) and low[i] not in _DETERMINERS)
                             or low[i] in PRONOUNS)
                            and not (inside_quote is not None and inside_quote(toks.start[i]))):
        i += 1  # "Things can go fast, he warned, saying", "But Peskov …": an opener is no subject's first word
    if i >= stop:
        return None
    j = i
    while j + 1 < stop and (is_name(text[j + 1]) or low[j + 1] in ("’s", "'s")):
        j += 1
    heads = head_words()
    if low[i] not in PRONOUNS:  # "Russian officials have deplored …, saying": the head after the name, also past
        speaker_words = words().speaker_words  # its modifiers ("The Russian foreign ministry reacted …, saying")
        k = j + 1
        while k < stop and low[k] in speaker_words and low[k] not in ("and", "of"):
            if low[k] in heads:
                j = k
            k += 1
    return (i, j)
