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

A line of direct speech opened by a dash (an interview answer, a Polish outlet's "- We will hold - he said") is
quoted speech without quotation marks: :func:`speech_lines` finds each, up to the dash that closes it before its
attribution, else to the end of its line; :func:`quoted_spans` joins them with the quotations.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

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
#: the outer closing marks as one string (sorted), for ``str.strip`` and character classes
CLOSING_MARKS = "".join(sorted(OUTER_CLOSING))
#: the outer marks, opening or closing
OUTER_MARKS = OUTER_OPENING | OUTER_CLOSING
#: every quotation mark of every convention
QUOTE_MARKS = OUTER_OPENING | OUTER_CLOSING | INNER_OPENING | INNER_CLOSING
#: dashes of direct speech: a signature ("“…” ― Sonya Herridge") or a line of speech
SPEECH_DASHES = frozenset("―—–")
#: dashes that open a line of direct speech: the speech dashes and a hyphen ("- We will hold - he said")
LINE_DASHES = SPEECH_DASHES | {"-"}
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


_DASH_CLASS = "[" + re.escape("".join(sorted(LINE_DASHES))) + "]"
#: a dash and the space after it: where a line of speech may open (at the start of a line, or after a sentence's
#: stop on the same line before a capital: "… he said. - We will win - he added.", "… speech.- Anyway, …"; not
#: "at 5 a.m. - the worst hour")
_DASH_SPACE = re.compile(_DASH_CLASS + r"[ \t]+(?=\S)")
#: the next turn of speech on the same line: a stop, a dash, a letter that must be a capital of any script ("… used
#: for? - This is the potential …", "- Dlaczego? - Żeby …"; :func:`_next_turn`)
_NEXT_TURN = re.compile(r"[.!?][ \t]*" + _DASH_CLASS + r"[ \t]+(?=[^\W\d_])")
#: longest line of speech that no attribution closes (characters): a document on one line is not one quotation
MAX_SPEECH_LINE = 3000
#: a spaced dash inside a line (where a line of speech may close: "… - he said")
_INNER_DASH = re.compile(r"[ \t]" + _DASH_CLASS + r"[ \t]")
#: what ends the attribution after a closing dash ("- … - he said, adding …"), or an attribution line's words
_CLAUSE_END = re.compile(r"[.!?,;:\n]")
#: at most this many words between a closing dash and the end of its clause: an attribution ("- … - said the head
#: of the Commission at the Munich Security Conference."), not more speech after a dash inside the line (the
#: document view also asks for a cue word there: :func:`narrative.claims.quotes.attribution_clause`)
ATTRIBUTION_WORDS = 16
#: at most this many words when the clause after the dash opens with a capital ("- … - Zelensky told reporters."):
#: a longer one is the next turn of speech ("… used for? - Europe and the United States condemned …")
NAMED_ATTRIBUTION_WORDS = 5
#: longest signature line ("― Sonya Herridge, a teacher") after a quotation: joined to the quotation it signs
#: (:func:`narrative.claims.quotes.units`), and not a line of speech
MAX_SIGNATURE = 80
#: how far after a dash its clause is read (characters; keeps a line read in linear time)
_CLAUSE_REACH = 160


def _clause(text: str, a: int, end: int) -> list[str] | None:
    """The words from ``a`` to the end of their clause (before ``end``), or None when the clause runs past
    :data:`_CLAUSE_REACH` characters or holds another spaced dash (more speech: "- … - and it may - …")."""
    reach = min(end, a + _CLAUSE_REACH)
    stop = _CLAUSE_END.search(text, a, reach)
    if stop is None and end > reach:
        return None
    b = stop.start() if stop else end
    if _INNER_DASH.search(text, a, b):
        return None
    return text[a:b].split()


def attribution_length(words: list[str]) -> bool:
    """The default test of the clause after a dash, and the length part of every such test: short enough to be an
    attribution (:data:`ATTRIBUTION_WORDS`, :data:`NAMED_ATTRIBUTION_WORDS` when it opens with a capital: "- … -
    Zelensky said").

    >>> attribution_length("he said".split()), attribution_length("Europe and the United States condemned it".split())
    (True, False)
    """
    return 0 < len(words) <= (NAMED_ATTRIBUTION_WORDS if words[0][:1].isupper() else ATTRIBUTION_WORDS)


def _next_turn(text: str, start: int, end: int) -> re.Match | None:
    """The first :data:`_NEXT_TURN` in ``text[start:end]`` whose letter is a capital (each character read once)."""
    turn = _NEXT_TURN.search(text, start, end)
    while turn is not None and not text[turn.end()].isupper():
        turn = _NEXT_TURN.search(text, turn.end(), end)
    return turn


def speech_lines(text: str, quotations: list[tuple[int, int]] | None = None,
                 attribution: Callable[[list[str]], bool] | None = None) -> list[tuple[int, int]]:
    """``(dash, end)`` offsets of each line of direct speech opened by a dash, in text order and disjoint.

    A line (or a sentence after a stop on the same line) that opens with a dash and a space is a speaker's words:
    an interview's question or answer ("– Are the talks over?"), a Polish outlet's "- We will hold - he said". It
    ends after the first dash inside it that an attribution follows, else where the next turn opens on its line
    ("- Why? - Because …"), else at the end of its line (at most :data:`MAX_SPEECH_LINE` characters). An
    attribution: the words from the dash to the end of their clause, which ``attribution`` accepts (the document
    view's test: a short clause holding a cue word); by default a clause of at most :data:`ATTRIBUTION_WORDS` words
    (:data:`NAMED_ATTRIBUTION_WORDS` when it opens with a capital). Not speech: a dash that signs the quotation
    before it ("“…”\\n― Ana Ruiz"), a dash inside a quotation (``quotations``: the text's :func:`quote_spans`, when
    known already), and a line that opens in lower case with an attribution (an attribution set on its own line:
    "- wrote the council's head."). Linear in the text; never raises.

    >>> t = "Intro.\\n- We will hold - he said. - We will win - he added.\\n– Are the talks over?\\n– No, not yet."
    >>> [t[a:b] for a, b in speech_lines(t)]
    ['- We will hold -', '- We will win -', '– Are the talks over?', '– No, not yet.']
    >>> t = "- If it comes - and it may - we fight back, and that is all."
    >>> [t[a:b] for a, b in speech_lines(t, attribution=lambda w: "said" in w)]
    ['- If it comes - and it may - we fight back, and that is all.']
    >>> speech_lines("“We stay.”\\n― Ana Ruiz\\n- said the head of the council."), speech_lines("a - b")
    ([], [])
    """
    attribution = attribution_length if attribution is None else attribution
    quotes = _Spans(quote_spans(text) if quotations is None else quotations)
    out: list[tuple[int, int]] = []
    for m in _DASH_SPACE.finditer(text):
        d = i = m.start()
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if not (i == 0 or text[i - 1] == "\n" or text[i - 1] in ".!?" and text[m.end()].isupper()):
            continue
        if out and d < out[-1][1] or quotes.inside(d):
            continue
        line_end = text.find("\n", d, d + MAX_SPEECH_LINE)
        line_end = min(len(text), d + MAX_SPEECH_LINE) if line_end < 0 else line_end
        turn = _next_turn(text, m.end(), line_end)  # "… used for? - This is …": the next turn opens there
        line_end = turn.start() + 1 if turn else line_end
        if line_end - d <= MAX_SIGNATURE and text[max(0, d - 8):d].rstrip()[-1:] in OUTER_CLOSING:
            continue  # a signature after a quotation ("“…”\n― Ana Ruiz, a teacher")
        if text[m.end()].islower():
            words = _clause(text, m.end(), line_end)
            if words is not None and attribution(words):
                continue  # "- wrote the head of the council.": an attribution on a line of its own
        end = line_end
        for inner in _INNER_DASH.finditer(text, m.end(), line_end):
            words = _clause(text, inner.end(), line_end)
            if words is not None and attribution(words):
                end = inner.start() + 2  # through the closing dash
                break
        while end > d and text[end - 1] in " \t\r":
            end -= 1
        out.append((d, end))
    return out


def quoted_spans(text: str, quotations: list[tuple[int, int]] | None = None,
                 attribution: Callable[[list[str]], bool] | None = None) -> list[tuple[int, int]]:
    """The text's quoted speech: its quotations (:func:`quote_spans`, or ``quotations``) and its lines of speech
    (:func:`speech_lines`, with ``attribution``), joined where they overlap; disjoint, in text order.

    >>> t = '- As I said, "we hold" - he said. "Yes," she said.'
    >>> [t[a:b] for a, b in quoted_spans(t)]
    ['- As I said, "we hold" -', '"Yes,"']
    """
    quotations = quote_spans(text) if quotations is None else quotations
    return joined(quotations, speech_lines(text, quotations, attribution))


def joined(*spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lists of spans as one list of disjoint spans in text order, overlapping ones joined.

    >>> joined([(0, 5), (10, 12)], [(3, 8), (20, 21)])
    [(0, 8), (10, 12), (20, 21)]
    """
    out: list[list[int]] = []
    for a, b in sorted(span for part in spans for span in part):
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def closed(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of speech (:func:`speech_lines`) that close with a dash before their attribution ("- … - he
    said"), not those that run to the end of their line (an interview's turn, a list's item).

    >>> t = "- We hold - he said.\\n– Are the talks over?"
    >>> [t[a:b] for a, b in closed(t, speech_lines(t))]
    ['- We hold -']
    """
    return [(a, b) for a, b in lines if b - a > 1 and text[b - 1] in LINE_DASHES]


class _Spans:
    """Disjoint spans in text order and whether an offset lies strictly inside one (bisection)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _b in spans]
        self.ends = [b for _a, b in spans]

    def inside(self, x: int) -> bool:
        k = bisect_left(self.starts, x) - 1
        return k >= 0 and x < self.ends[k]
