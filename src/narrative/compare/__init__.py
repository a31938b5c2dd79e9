"""Comparing two groups, by what is compared (the one analysis of two groups that ``narrative
compare`` and notebook 04 run is :func:`narrative.comparison.compare_groups`):

* :mod:`.words`: the words that distinguish them (weighted log-odds, stopwords, prior);
* :mod:`.frames`: frame-rate differences and profiles (cluster bootstrap, permutations, BH q);
* :mod:`.series`: frame rates week by week;
* :mod:`.stance`: the reporter's distancing (:func:`~.stance.distanced`, per claim) and its share
  per group; the claims of side ``unknown`` every comparison of sides leaves out.

The names below are the package's documented entry points (README's Python example, the shared
per-claim distancing): ``from narrative.compare import frame_differences, distanced, unknown_share``.
"""
from __future__ import annotations

from .frames import frame_differences
from .stance import distanced, unknown_share

__all__ = ["distanced", "frame_differences", "unknown_share"]
