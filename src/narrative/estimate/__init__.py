"""Comparisons that carry their measurement error: a coded sample corrects the estimates.

``sample`` → a coder (``../shared/docs/CODEBOOK.md``) → ``validate`` / ``estimate``:

- :func:`draw_sample` draws a coding sheet (:data:`SHEET`) from a claims table, with each row's
  inclusion probability; :func:`sheet_html` is the same sample to read, the codebook beside it;
- :func:`read_sheet` reads a coded sheet back, checked against the codebook;
- :func:`join` matches it to its claims table (the tool's labels: the extracted side,
  :func:`narrative.features.claim_frames`, :func:`narrative.compare.distanced`);
- :func:`accuracy` is the tool's accuracy on the coded rows; :func:`estimates` the naive and the
  prediction-powered estimates (:mod:`.ppi`) of side shares, frame prevalence and distancing.
"""
from .quantities import ESTIMATES, MIN_CODED, estimate_table, estimates, join, naive_intervals
from .sheet import GOLD, SHEET, SIDES, Population, SheetError, draw_sample, read_claims, read_sheet, tool_labels
from .validate import ACCURACY, accuracy, format_accuracy
from .view import sheet_html

__all__ = ["ESTIMATES", "MIN_CODED", "estimate_table", "estimates", "join", "naive_intervals", "GOLD", "SHEET", "SIDES", "Population",
           "SheetError", "draw_sample", "read_claims", "read_sheet", "tool_labels", "ACCURACY", "accuracy",
           "format_accuracy", "sheet_html"]
