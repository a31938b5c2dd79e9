"""Object-only speech acts: a cue verb whose noun-phrase object is what was said (quote type ``act``).

"The ministry condemned the strike", "Kyiv welcomed the decision", "X called for talks", "put forward a plan",
"expressed concern", "demanded the withdrawal", "vowed retaliation", "reaffirmed its commitment": the speaker
takes a position on the object, and the object is the claim's content (CODEBOOK: a claim is what a speaker says or
stands for). They are not quotations (news-quote gold has none), so they get their own quote type; their speaker
and side are resolved like every claim's.

Not acts: a directive's hearer ("urged him": not a verb here), thanks ("thanked the partners", "expressed
gratitude"), a circumstance only ("condemned on Tuesday"), a pronoun ("condemned it"), other senses ("called him",
"put forward troops", "welcomed the delegation": received), an infinitive or a clause after the cue ("vowed to
respond", "promised that …": the rules' indirect claims), an accusation ("accused Russia of …": indirect).

>>> act_object("the ministry condemned the strike .".split(), 2, 3)
3
>>> act_object("kyiv welcomed the delegation .".split(), 1, 2), act_object("he called him .".split(), 1, 2)
(None, None)
>>> act_object("lavrov called for talks .".split(), 1, 2)
3
"""
from __future__ import annotations

from ..segment.marks import OUTER_OPENING
from .contents import ATTITUDES, DIRECTIVES, FINITE, infinitive
from .cues import head_words

_STEMS = ("condemn", "denounc", "deplor", "welcom", "reaffirm", "reiterat", "criticis", "criticiz", "slam", "hail",
          "prais", "assail", "blam", "demand", "promis", "vow", "pledg", "propos", "call", "express", "voic", "put",
          # announcements and emphasis of a noun phrase ("announced a new aid package", "stressed the importance of …")
          "announc", "stress", "emphasis", "emphasiz", "underscor")
_ENDS = ("", "e", "s", "es", "ed", "d", "ing", "med", "ming")
#: the verbs whose object is the content (all their forms; the cue lexicon decides which are cues)
ACT_VERBS = frozenset(s + e for s in _STEMS for e in _ENDS)
#: accusations: their object is a claim reported as the speaker's charge, typed ``indirect`` like "accused Russia
#: of …" ("Moscow blamed the delays on Kyiv's officials")
ACCUSATIONS = frozenset(v for v in ACT_VERBS if v.startswith("blam"))
#: verbs whose content follows "for" ("called for talks"); "called him" is another sense
_FOR_VERBS = frozenset(v for v in ACT_VERBS if v.startswith("call"))
#: verbs whose object must be an attitude ("expressed concern", "voiced support"; not "expressed gratitude")
_ATTITUDE_VERBS = frozenset(v for v in ACT_VERBS if v.startswith(("express", "voic")))
ATTITUDE_OBJECTS = ATTITUDES | frozenset(
    "support solidarity condolences sympathy readiness willingness interest opposition dismay indignation protest "
    "displeasure surprise bewilderment commitment disagreement objection objections rejection condemnation "
    "approval backing unease anger".split())
#: verbs whose object must be a proposal ("put forward a plan"; "put forward troops" is another sense)
_PROPOSAL_VERBS = frozenset(v for v in ACT_VERBS if v.startswith("put"))
PROPOSAL_OBJECTS = frozenset(
    "plan plans proposal proposals initiative initiatives idea ideas demand demands condition conditions formula "
    "terms resolution draft points point framework roadmap offer offers version suggestion suggestions "
    "request requests bill amendment amendments candidacy candidate candidates".split())
#: verbs whose person object is another sense ("welcomed the delegation": received; "hailed a taxi")
_PERSON_NOT_CONTENT = frozenset(v for v in ACT_VERBS if v.startswith(("welcom", "hail")))
#: objects that are not what was said: pronouns, thanks, and words that open a circumstance or an infinitive
_NOT_OBJECT = frozenset("it him her them us me you this that these those itself himself herself themselves "
                        "to on in at during after before while via through from with by as over about against "
                        "late earlier later today yesterday tonight overnight last again also , . ; : ! ? ( ) "
                        "gratitude thanks appreciation".split())
#: what ends the head of an object ("the withdrawal of troops", "concern over …", "a plan for …")
_HEAD_END = frozenset("of for to on in at over about with from by against between and , . ; : ! ? that which "
                      "who whose".split())
#: tokens of an object read for its head, and for a clause right after it ("vowed Russia would pay")
OBJECT_HEAD_WINDOW = 5


def act_verb(cue_low: str) -> bool:
    """Whether a cue's first word is a verb whose object may be its content (:data:`ACT_VERBS`)."""
    return cue_low in ACT_VERBS


def act_only(cue_low: str) -> bool:
    """Whether a cue is a cue only as an act ("put forward": no clause follows it in news)."""
    return cue_low in _PROPOSAL_VERBS


def act_object(low: list[str], c1: int, k: int, name: bool = False) -> int | None:
    """The first token of the object that is the content of the act cue ending at token ``c1``, with ``k``
    the first token after the cue's skipped circumstances ("condemned in a statement on Monday the …");
    None when no noun phrase object is what was said (see the module docstring). ``name``: the token at
    ``k`` is a capitalised name (a person "welcomed" is received, not a claim)."""
    verb = _verb(low, c1)
    if verb is None or k >= len(low) or any(t in ("that", ":") for t in low[c1 + 1:k]):
        return None  # "condemned in a statement that …": a clause
    if verb in _FOR_VERBS:
        if low[k] != "for" or k + 1 >= len(low):
            return None
        k += 1
    if low[k] in OUTER_OPENING and k + 1 < len(low):
        k += 1  # "called for “relevant countries” to …": the quoted words are the object (the quotation types it)
    if low[k] in _NOT_OBJECT or not low[k][:1].isalnum():
        return None
    window = low[k:k + OBJECT_HEAD_WINDOW]
    head = len(window)
    for i, t in enumerate(window):
        if t in _HEAD_END:
            head = i
            break
    if head == 0 or not FINITE.isdisjoint(window[:head + 1]) or window[head:head + 1] == ["that"]:
        return None  # "vowed Russia would pay", "promised the aid will …": a clause, not an object ("concern that …" too)
    words = window[:head]
    if verb in _ATTITUDE_VERBS and ATTITUDE_OBJECTS.isdisjoint(words):
        return None
    if verb in _PROPOSAL_VERBS and PROPOSAL_OBJECTS.isdisjoint(words):
        return None
    if verb in _PERSON_NOT_CONTENT and (name or not (head_words() | _PEOPLE).isdisjoint(words[-1:])):
        return None
    return k


def _verb(low: list[str], c1: int) -> str | None:
    """The act verb of the cue ending at ``c1`` ("put forward" ends at "forward")."""
    if low[c1] in ACT_VERBS:
        return low[c1]
    if low[c1] == "forward" and c1 >= 1 and low[c1 - 1] in _PROPOSAL_VERBS:
        return low[c1 - 1]
    return None


#: person heads "welcome" takes in its sense of receiving a visitor
_PEOPLE = frozenset("delegation delegations guests guest visitors visitor participants colleagues counterpart "
                    "counterparts partners leaders troops soldiers refugees children families".split())


#: hearers a directive addresses ("urged him", "asked them"): not what was said
_HEARERS = frozenset("him her them us me you".split())


def hearer_only(low: list[str], cue_low: str, k: int) -> bool:
    """Whether a directive cue's only object is its hearer: a pronoun, then no infinitive, clause or colon
    in the rest of the unit ("Zelensky urged him." says nothing; "urged him to leave" does).

    >>> hearer_only("he urged him .".split(), "urged", 2), hearer_only("he urged him to go .".split(), "urged", 2)
    (True, False)
    """
    n = len(low)
    if cue_low not in DIRECTIVES or k >= n or low[k] not in _HEARERS:
        return False
    rest = set(low[k + 1:])
    return not infinitive(low, k + 1, n) and not (rest & FINITE or rest & {"that", ":", "for", "whether"})


#: words after a comma that end an act's object: a new clause ("condemned the strike, but …"; a participle cue after
#: the comma ends it too, by :func:`.asides.share_participle_sources`)
_OBJECT_ENDS_AFTER_COMMA = frozenset("and but while as after when because although though whereas".split())


def object_end(low: list[str], k: int) -> int:
    """The token after an act's object that starts at ``k``: the unit's end, a colon or semicolon, or a comma
    before a new clause.

    >>> object_end("condemned the tariffs , but they hurt farmers .".split(), 1)
    3
    """
    n = len(low)
    for m in range(k, n - 1):
        if low[m] in (":", ";"):
            return m  # "… call for peace: In March, Lukoil called for …": what follows is another sentence's
        if low[m] == "," and low[m + 1] in _OBJECT_ENDS_AFTER_COMMA and low[m + 2:m + 3] != ["well"]:
            return m  # not "…, as well as …"
    return n
