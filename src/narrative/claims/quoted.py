"""Cues inside quoted speech: the quoted speaker's own words, not new attributions (issue 24, item 4).

Inside a quotation or a dash-led line of speech (the document view's ``quoted``: :mod:`.quotes`), a cue and its
source are what the quoted speaker says ("“We made this clear and we repeat it,” he said": one claim, the
spokesman's; "- We said it and we say it again - the minister said": the minister's). Only a named third party's
speech stays an attribution ("“As Putin said, the West lies,” Lavrov told reporters"), nested in the outer one by
the rules, its content ending with the quoted speech that holds it. I/we there are the quotation's speaker
(:mod:`narrative.speakers.first_person`).

>>> from narrative.claims.document import DocumentView, Resources
>>> from narrative.claims.rules import RulesExtractor
>>> text = "“We made this clear and we repeat it now,” the spokesman said."
>>> ex = RulesExtractor(Resources())
>>> [(c.speaker, c.cue) for c in ex.claims(ex.view("d", text, "news"))]
[('the spokesman', 'said')]
"""
from __future__ import annotations

from ..segment.marks import LINE_DASHES, OUTER_CLOSING, OUTER_OPENING
from ..speakers.actors import Actors
from .quotes import Quotes
from .records import Candidate
from .speakers import PRONOUNS, is_name
from .tokens import Toks

#: sources inside a quotation that are no third party named by the quoted speaker
_QUOTED_SELF = frozenset(PRONOUNS) | frozenset("some others many people everyone everybody nobody someone anyone critics".split())
#: what a clipped content may hold and still say nothing (spaces, punctuation, quotation marks, dashes)
_CLIPPED_EDGES = " \t\n,.;:!?-–—―\"“”«»„'’"
#: what opens quoted speech right before a capital that is then no evidence of a name
_OPENERS = OUTER_OPENING | LINE_DASHES
#: sources that, inside a dash-led line of speech, are the line's own speaker ("- We said it and we say it again")
_FIRST_PERSON = frozenset("i we me us my our".split())


def quoted_cue(cand: Candidate, toks: Toks, quoted: Quotes, actors: Actors, text: str | None = None) -> bool:
    """A cue and its source inside quoted speech (``quoted``: the view's quotations and dash-led lines of speech;
    "“We made this clear and we repeat it,” he said"; "“Some say otherwise,” he conceded"; "- We said it and we
    say it again - the minister said"): the quoted speaker's own words, not a new attribution; a named third
    party's speech stays one ("“As Putin said, the West lies,” Lavrov told reporters"; :func:`clip_quoted`).
    In a dash-led line (``text`` given; no quotation mark marks it) only a first-person source is the line's own
    speaker: a dash also opens list items of narration ("- Officials said the strikes hit the port", "- We will
    hold the line, he said"), whose cues stay attributions."""
    inside = quoted.inside
    cue_at = toks.start[cand.cue_first]
    if not (inside(cue_at) and inside(toks.start[cand.source_first])):
        return False
    first, last = cand.source_first, cand.source_last
    source = toks.low[first:last + 1]
    if text is not None and _dash_line(text, quoted, cue_at):
        return not _FIRST_PERSON.isdisjoint(source)
    named = any(is_name(w) and lw not in _QUOTED_SELF for w, lw in zip(toks.text[first:last + 1], source))
    if named and first == last and (first == 0 or toks.low[first - 1] in _OPENERS) \
            and actors.resolve(toks.text[first]) is None:
        # "“History reminds investors that …”", "- Things can go fast, he warned": a capital after an opening mark
        # or dash is no evidence of a name
        return True
    return not named


#: the last character of a quoted span that is a mark, not a word (:func:`clip_quoted`)
_CLOSERS = OUTER_CLOSING | LINE_DASHES


def _dash_line(text: str, quoted: Quotes, at: int) -> bool:
    """Whether the quoted speech holding offset ``at`` is a dash-led line (it opens with a dash, not a mark)."""
    spans = quoted.overlapping(at, at + 1)
    return bool(spans) and text[spans[0][0]] in LINE_DASHES


def clip_quoted(cand: Candidate, toks: Toks, text: str, quoted: Quotes) -> Candidate | None:
    """A candidate whose cue lies in quoted speech (a named third party's speech, "- Putin told me he wants
    peace - Nowicki added"): its content, when it starts in that quoted speech, ends with it; None when nothing is
    left ("“…, which France condemns in the strongest terms,” the organizers said": no claim of France's)."""
    cue_at = toks.start[cand.cue_first]
    inside = quoted.overlapping(cue_at, cue_at + 1)
    if inside and inside[0][0] < cue_at and inside[0][0] <= cand.content_start < inside[0][1]:
        q1 = inside[0][1]
        # a quotation's span ends with its closing mark, an attributed dash line's with its dash; a dash line
        # that runs to the end of its line ends with its last word
        cand.content_end = min(cand.content_end, q1 - 1 if text[q1 - 1] in _CLOSERS else q1)
        if not text[cand.content_start:cand.content_end].strip(_CLIPPED_EDGES):
            return None
    return cand

