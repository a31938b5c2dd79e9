"""Split a list into contiguous parts and map a function over them in worker processes.

The featurizers and models work text by text, so splitting never changes a result; it only
decides how many processes share the work.

>>> map_parts(len, list(range(10)), n_jobs=1)
[10]
>>> map_parts(sum, list(range(10)), n_jobs=2, min_part=5)
[10, 35]
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np


def map_parts(fn: Callable, items: Sequence, *args, n_jobs: int | None = 1, min_part: int = 1000) -> list:
    """``[fn(part, *args) for part in parts]``: at most ``n_jobs`` contiguous parts of at least
    ``min_part`` items (one part, run in this process, when there is too little work)."""
    n_parts = max(1, min(n_jobs or 1, len(items) // min_part or 1))
    bounds = np.linspace(0, len(items), n_parts + 1).astype(int)
    parts = [items[a:b] for a, b in zip(bounds, bounds[1:])]
    if n_parts == 1:
        return [fn(parts[0], *args)]
    from joblib import Parallel, delayed

    from .processes import joblib_workers

    with joblib_workers():  # workers exit if this process dies
        return Parallel(n_jobs=n_parts)(delayed(fn)(part, *args) for part in parts)
