"""Writing result tables: one place that decides how lists and floats are stored.

List cells (a claim's ``hedges``) are ``;``-joined in CSV and kept as JSON
arrays in JSON lines; floats keep 6 significant digits; rows end in ``\\n``.
Files are written by :mod:`narrative.infra.files` (whole, to a temporary name,
then renamed; devices written through), so a reader never sees half a table.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from .files import write_text


def flatten_lists(frame: pd.DataFrame, sep: str = ";") -> pd.DataFrame:
    """A copy with every list cell joined by ``sep``.

    >>> flatten_lists(pd.DataFrame({"hedges": [["alleged", "if true"], []]}))["hedges"].tolist()
    ['alleged;if true', '']
    """
    out = frame.copy()
    for col in out.columns:  # only object columns can hold lists (an empty date column cannot)
        if out[col].dtype == object and any(isinstance(v, list) for v in out[col]):
            out[col] = out[col].map(lambda v: sep.join(v) if isinstance(v, list) else v)
    return out


def list_cell(value, sep: str = ";") -> list[str]:
    """A list cell as written by :func:`flatten_lists` (or kept as a list in memory) back as a list.

    >>> list_cell("alleged;if true"), list_cell(""), list_cell(["if true"])
    (['alleged', 'if true'], [], ['if true'])
    """
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if not isinstance(value, str):
        return []
    return [v for v in value.split(sep) if v]


#: how a float cell is written in CSV (empty when missing)
FLOAT_FORMAT = "%.6g"


def formatted_floats(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with each NumPy float column as text, ``FLOAT_FORMAT`` per cell and missing cells empty: what
    ``to_csv(float_format=FLOAT_FORMAT)`` writes, formatted by one list comprehension per column instead of
    pandas' per-cell formatter (half the time of writing a table of scores).

    >>> formatted_floats(pd.DataFrame({"x": [0.5, float("nan"), 1 / 3], "n": [1, 2, 3]}))["x"].tolist()
    ['0.5', '', '0.333333']
    """
    out = frame.copy()
    for j in range(out.shape[1]):  # by position: a table may repeat a column name
        values = out.iloc[:, j]
        if isinstance(values.dtype, np.dtype) and values.dtype.kind == "f":
            out.isetitem(j, pd.array(["" if v != v else FLOAT_FORMAT % v for v in values.tolist()], dtype=object))
    return out


#: a CSV cell is quoted when it holds one of these (``csv.QUOTE_MINIMAL`` with ``lineterminator="\\n"``)
_CSV_SPECIAL = re.compile('[,"\n]')


def _csv_cells(values: list) -> list[str] | None:
    """A text column's cells as CSV writes them (``None``/NaN empty, lists ``;``-joined, quoted when needed),
    or ``None`` when a cell is of another type."""
    cells = []
    for v in values:
        if type(v) is str:
            cells.append(v)
        elif type(v) is list:
            cells.append(";".join(v))
        elif v is None or (type(v) is float and v != v):
            cells.append("")
        else:
            return None
    if _CSV_SPECIAL.search("\0".join(cells)) is None:  # most columns (ids, sides, cues): nothing to quote
        return cells
    search = _CSV_SPECIAL.search
    return ['"' + c.replace('"', '""') + '"' if search(c) else c for c in cells]


def pandas_csv(frame: pd.DataFrame, header: bool = True) -> str:
    """The CSV every table is written as, by pandas' ``csv`` writer: lists ``;``-joined, floats as
    :data:`FLOAT_FORMAT`, rows ending in ``\\n``. :func:`csv_text` writes the same bytes faster.

    >>> pandas_csv(pd.DataFrame({"id": ["a"], "x": [1 / 3], "h": [["x", "y"]]}))
    'id,x,h\\na,0.333333,x;y\\n'
    """
    return formatted_floats(flatten_lists(frame)).to_csv(index=False, header=header, lineterminator="\n",
                                                          float_format=FLOAT_FORMAT)


def csv_text(frame: pd.DataFrame, header: bool = True) -> str:
    """:func:`pandas_csv` of ``frame`` (without the header when ``header=False``), byte for byte, written
    by joining cells instead of pandas' ``csv`` writer when every column is integer, boolean, float (formatted
    by :func:`formatted_floats` first, as pandas is given them) or text: ~1.3-2x faster on the suite's tables
    (claims, frame scores, evidence). Other tables go through pandas.

    >>> frame = pd.DataFrame({"id": ["a", "b"], "n": [1, 2], "text": ['a "b", c', None], "h": [["x", "y"], []],
    ...                       "x": [0.5, float("nan")], "ok": [True, False]})
    >>> csv_text(frame) == pandas_csv(frame)
    True
    >>> print(csv_text(frame, header=False), end="")
    a,1,"a ""b"", c",x;y,0.5,True
    b,2,,,,False
    """
    frame = formatted_floats(frame) if len(frame) else frame  # float cells as the text pandas would write
    columns = []
    for j in range(frame.shape[1] if len(frame) else 0):
        values = frame.iloc[:, j]
        kind = values.dtype.kind if isinstance(values.dtype, np.dtype) else None
        if kind in ("i", "u", "b"):
            columns.append(list(map(str, values.tolist())))
        elif kind == "O" or isinstance(values.dtype, pd.StringDtype):
            cells = _csv_cells(values.tolist())
            if cells is None:
                break
            columns.append(cells)
        else:
            break
    if len(columns) < 2 or len(columns) != frame.shape[1]:  # one column writes an empty cell as "": pandas
        return pandas_csv(frame, header=header)
    names = _csv_cells([str(c) for c in frame.columns])
    lines = [",".join(names)] if header else []
    lines.extend(map(",".join, zip(*columns)))
    return "\n".join(lines) + "\n"


def table_text(frame: pd.DataFrame, fmt: str = "csv") -> str:
    """The table as CSV (:func:`csv_text`: :func:`pandas_csv`'s bytes) or JSON-lines text."""
    if fmt == "csv":
        return csv_text(frame)
    if fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, force_ascii=False)
        return text if not text or text.endswith("\n") else text + "\n"
    raise ValueError(f"unknown table format {fmt!r}")


def write_table(frame: pd.DataFrame, output: str | Path | None, fmt: str = "csv") -> None:
    """Write to ``output`` (see :mod:`narrative.infra.files`), or to stdout when None."""
    text = table_text(frame, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    write_text(output, text)
