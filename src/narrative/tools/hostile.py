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


def glued_quotation_stops(n: int) -> str:
    """``n`` short sentences glued to the next one after a stop and a quotation mark, no space and no line break
    (straight, curly and German marks in turn: '… held."Post …', '… held.”Post …', '… held.“Post …')."""
    marks = ('"', "”", "“")
    return "".join(f"Post {i} held.{marks[i % 3]}" for i in range(n)) + "Then it ended."


HOSTILE = {
    "unclosed curly, no stops": unclosed_curly_lines,
    "unclosed straight, one line": unclosed_straight_line,
    "said that chain": said_that_chain,
    "nested quotations": nested_quotations,
    "glued quotation stops": glued_quotation_stops,
}


#: the audit's sizes (issue 22): 2,000 stray marks in ~94 KB; a few thousand nesting levels in ~150 KB
AUDIT_SIZES = {"unclosed curly, no stops": 2000, "unclosed straight, one line": 2000,
               "said that chain": 5600, "nested quotations": 5000,
               "glued quotation stops": 20000}  # ~380 KB on one line: sentence splitting once grew quadratic here

_CHILD = """
import json, resource, sys
import pandas as pd
from narrative.claims import extract_claims
from narrative.tools.hostile import HOSTILE
kind, n, method = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = HOSTILE[kind](n)
import time
t0 = time.perf_counter()
c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["bench"], "text": [text]}), method=method)
lengths = c["content"].str.len()
print(json.dumps({"input_kb": round(len(text.encode()) / 1024), "claims": len(c),
                  "max_content": int(lengths.max()), "content_kb": round(int(lengths.sum()) / 1024),
                  "nesting_capped": int(c.attrs["nesting_capped"]),
                  "seconds": round(time.perf_counter() - t0, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def run_hostile(methods=None, sizes=None):
    """Per hostile input and extractor, in a fresh interpreter each (so peak RSS is that input's):
    input size, claims, longest and total content, attributions left out by the nesting bound, peak
    RSS, and the seconds the extraction took (to read against the input size: a quadratic step shows here;
    the tests assert no times). A table (pandas DataFrame)."""
    import json
    import subprocess
    import sys

    import pandas as pd

    from ..claims.registry import METHODS

    rows = []
    for kind, n in (sizes or AUDIT_SIZES).items():
        for method in methods or METHODS:
            done = subprocess.run([sys.executable, "-c", _CHILD, kind, str(n), method], capture_output=True,
                                  text=True, check=True)
            rows.append({"input": kind, "n": n, "method": method, **json.loads(done.stdout.splitlines()[-1])})
    return pd.DataFrame(rows)
