"""Who "I" and "we" are when they speak inside a quotation: the quotation's own speaker.

In “We made this clear last week and we repeat it now,” the spokesman said, the "we" of "we repeat" is the
spokesman's, not the last person the article named; in a Polish outlet's "- I told them so - said Kaczyński"
the "I" is Kaczyński. A first-person speaker mention (:data:`FIRST_PERSON`) at an offset is resolved, in order:

1. **what a speaker said**: the innermost claim content already recorded around it (an opening cue, "X said:
   “… we …”", or a quotation paragraph continuing X's claim) is X's (:meth:`.salience.Mentions.source_around`);
2. **the attribution after its quotation**: the mention lies in quoted speech, a quotation or a dash-led line of
   speech (:func:`narrative.segment.marks.quoted_spans`; the document view gives its own), and right after its
   end comes a reporting cue with its speaker (“…,” the spokesman said; “…,” said Lavrov; "- … - he explained"):
   that speaker (:func:`attribution_after`);
3. else nobody: the caller gives ``unknown`` (not the actors file's last person, who may be of the other side).

Linear: a quotation is found by bisection over the document's quoted spans (computed once, only for a
document that has a first-person speaker), and the text read after it is bounded (:data:`TAIL`).

>>> text = "“We repeat it now,” the spokesman said."
>>> attribution_after(text, text.index("We"), quotation_ends(text))
('the spokesman', 20)
>>> text = "- I told them so - said Kaczyński."
>>> attribution_after(text, text.index("I told"), quotation_ends(text))
('Kaczyński', 24)
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..segment.marks import quoted_spans

#: speaker mentions in the first person
FIRST_PERSON = frozenset("i we".split())
#: how many characters after a quotation's end its attribution is looked for
TAIL = 120
#: reporting verbs of an attribution right after a quotation: the common speech verbs only, since a cue
#: after a closing mark is what the extractor itself attributes the quotation with (the full cue list is
#: the claims package's; this one must only find who speaks)
_VERBS = (r"(?:said|says|added|adds|told|tells|noted|notes|stressed|stresses|explained|explains|wrote|writes|"
          r"replied|replies|insisted|insists|emphasi[sz]ed|emphasi[sz]es|warned|warns|declared|declares|"
          r"continued|continues|argued|argues|commented|comments|assessed|assesses|concluded|concludes|"
          r"underlined|underlines|underscored|underscores|admitted|admits|recalled|recalls|asked|asks|"
          r"announced|announces|reported|reports|stated|states|claimed|claims|pointed out|points out)")
_NAME = r"(?:he|she|they|[Tt]he(?:[ \t]+[\w’'-]+){1,6}?|[A-Z][\w’'.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w’'.-]*){0,4})"
#: "…,” the spokesman said" / "…,” said Lavrov" after the quotation's end (``(?!…)`` keeps a name's own words)
_AFTER = re.compile(rf"[ \t]*[,.!?]?[ \t]*(?:(?P<before>{_NAME})[ \t]+(?:also[ \t]+)?{_VERBS}\b|{_VERBS}[ \t]+(?P<after>{_NAME}))")


def quotation_ends(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the text's quoted speech (quotations with their marks, dash-led lines of speech
    through their closing dash: :func:`narrative.segment.marks.quoted_spans`), for :func:`attribution_after`."""
    spans = quoted_spans(text)
    return [a for a, _b in spans], [b for _a, b in spans]


def attribution_after(text: str, pos: int, quotations: tuple[list[int], list[int]]) -> tuple[str, int] | None:
    """``(speaker mention, its offset)`` of the attribution right after the quoted speech (``quotations``: starts
    and ends, :func:`quotation_ends`) holding ``pos``, or None when ``pos`` is in none or no attribution follows."""
    starts, ends = quotations
    k = bisect_right(starts, pos) - 1
    if k < 0 or pos >= ends[k]:
        return None
    tail_at = ends[k]
    m = _AFTER.match(text, tail_at, min(len(text), tail_at + TAIL))
    if m is None:
        return None
    group = "before" if m.group("before") else "after"
    return m.group(group).rstrip("."), m.start(group)
