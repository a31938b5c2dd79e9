"""Quotation marks and the dashes of direct speech: the one definition every rule reads.

Conventions (opening → closing):

========================  =========================  ==========================
convention                outer (a quotation)        inner (a quote in a quote)
========================  =========================  ==========================
English, curly            “ → ”                      ‘ → ’
typewriter                " → "                      ' → '
French, Russian, Swiss    « → »                      ‹ → ›
German, Czech             „ → “                      ‚ → ‘
Polish, Hungarian         „ → ”                      ‚ → ’
========================  =========================  ==========================

Only the **outer** marks are paired into quotations (:func:`quote_spans`): the inner closing
marks ’ and ' are also apostrophes ("Russia’s", "soldiers'"), so pairing them would cut words,
and ‹ › ‘ ‚ only appear inside an outer quotation in news. A quotation that never closes ends at
its paragraph (a blank line) with no span, so one stray mark cannot swallow the rest of a document.

:data:`SPEECH_DASHES` are the dashes that sign a quotation ("“…” ― Sonya Herridge") or open a
line of direct speech.

>>> sorted(OUTER_OPENING), sorted(OUTER_CLOSING)
(['"', '«', '“', '„'], ['"', '»', '“', '”'])
>>> quote_spans('He said "no" and “yes” and «oui» and „ja“.')
[(8, 12), (17, 22), (27, 32), (37, 41)]
>>> quote_spans('“An open mark\\n\\nends at its paragraph” here.')
[]
"""
from __future__ import annotations

import re

#: outer quotation marks: opening mark -> the closing marks that end it
OUTER_PAIRS: dict[str, frozenset[str]] = {
    "“": frozenset("”\""),  # curly, also closed by a straight mark (mixed typing)
    '"': frozenset("\"”"),  # straight marks toggle
    "«": frozenset("»"),
    "„": frozenset("“”"),
}
#: inner quotation marks (a quote inside a quotation): opening -> closing; not paired (see above)
INNER_PAIRS: dict[str, frozenset[str]] = {
    "‘": frozenset("’"),
    "'": frozenset("'"),
    "‹": frozenset("›"),
    "‚": frozenset("‘’"),
}
OUTER_OPENING = frozenset(OUTER_PAIRS)
OUTER_CLOSING = frozenset().union(*OUTER_PAIRS.values())
INNER_OPENING = frozenset(INNER_PAIRS)
INNER_CLOSING = frozenset().union(*INNER_PAIRS.values())
#: the outer marks, opening or closing
OUTER_MARKS = OUTER_OPENING | OUTER_CLOSING
#: every quotation mark of every convention
QUOTE_MARKS = OUTER_OPENING | OUTER_CLOSING | INNER_OPENING | INNER_CLOSING
#: dashes of direct speech: a signature ("“…” ― Sonya Herridge") or a line of speech
SPEECH_DASHES = frozenset("―—–")
#: the outer marks as one character class (regex)
OUTER_CLASS = "[" + re.escape("".join(sorted(OUTER_MARKS))) + "]"

#: an outer mark, or a paragraph break (a blank line), where an open quotation ends unpaired
_MARK_OR_PARAGRAPH = re.compile(OUTER_CLASS + r"|\n[ \t\r\f\v]*\n")
#: openings that replace an unclosed one: a new curly or angled mark before a close means the
#: first was never closed (a straight mark cannot tell an opening from a closing)
_REOPENING = OUTER_OPENING - {'"'}


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of each quotation (marks included) in ``text[start:end]``.

    Curly quotes, guillemets and low-high quotes pair by direction; straight double quotes
    toggle. An opening mark that is never closed yields no span: a new opening mark of another
    kind replaces it, and a paragraph break (a blank line) ends it, so an unclosed quotation ends
    at its paragraph (callers treat it as ending with its sentence). Linear in the text; never raises.

    >>> quote_spans('“One “two” three')
    [(5, 10)]
    """
    end = len(text) if end is None else end
    spans, open_at, opener, want = [], None, "", frozenset()
    for m in _MARK_OR_PARAGRAPH.finditer(text, start, end):
        i, ch = m.start(), m.group(0)
        if len(ch) > 1:  # a paragraph break
            open_at = None
        elif open_at is None:
            if ch in OUTER_PAIRS:
                open_at, opener, want = i, ch, OUTER_PAIRS[ch]
        elif ch in want:
            spans.append((open_at, i + 1))
            open_at = None
        elif ch in _REOPENING and opener != '"':
            open_at, opener, want = i, ch, OUTER_PAIRS[ch]  # a new opening before a close: the old one was unbalanced
    return spans
