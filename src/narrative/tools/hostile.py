"""Composed hostile texts (no real text): what scraped or malicious input does to the extractors.

Each composer takes a size ``n`` (marks, levels) and returns one document's text. Used by the
bound tests (``tests/test_claims_bounds.py``: output bounded) and by ``narrative bench --hostile``
(peak memory and output size per extractor, each input in a fresh process).

>>> HOSTILE["said that chain"](2)
'Person0 Smith said that Person1 Smith said that the war is over.'
>>> HOSTILE["nested quotations"](2)
'Peskov said: “Official 0 said ‘Official 1 said peace.’”'
"""
from __future__ import annotations


def unclosed_curly_lines(n: int) -> str:
    """``n`` lines, each with a quotation mark that never closes and no full stop (a scraped feed)."""
    return "\n".join(f"Officials said “the line holds near village {i}" for i in range(n))


def unclosed_straight_line(n: int) -> str:
    """``n`` straight quotation marks that never close, on one line without stops."""
    return " ".join(f'officials said "the line holds near village {i}' for i in range(n))


def said_that_chain(n: int) -> str:
    """"A said that B said that …" ``n`` levels deep, one sentence."""
    return " ".join(f"Person{i} Smith said that" for i in range(n)) + " the war is over."


def nested_quotations(n: int) -> str:
    """Quotations nested ``n`` levels deep (“ and ‘ alternating), each level a speech act."""
    marks = ("“", "‘")
    closing = {"“": "”", "‘": "’"}
    opened = "".join(f"{marks[i % 2]}Official {i} said " for i in range(n))
    closed = "".join(closing[marks[i % 2]] for i in reversed(range(n)))
    return "Peskov said: " + opened.rstrip() + " peace." + closed


HOSTILE = {
    "unclosed curly, no stops": unclosed_curly_lines,
    "unclosed straight, one line": unclosed_straight_line,
    "said that chain": said_that_chain,
    "nested quotations": nested_quotations,
}
