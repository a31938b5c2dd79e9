"""Worker pools, in one place: every process pool narrative starts comes from here, so every
worker dies with its parent (:mod:`narrative.infra.processes`).

* :func:`process_pool`: a ``concurrent.futures`` pool (the suite's notebooks, streamed chunks);
* :func:`joblib_map`: joblib/loky workers (cross-validation fits, frame scoring);
* :func:`map_parts`: a list split into contiguous parts over :func:`joblib_map`. The featurizers
  and models work text by text, so splitting never changes a result; it only decides how many
  processes share the work.

>>> map_parts(len, list(range(10)), n_jobs=1)
[10]
>>> map_parts(sum, list(range(10)), n_jobs=2, min_part=5)
[10, 35]
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

from .processes import die_with_parent, joblib_workers


def process_pool(workers: int, *, spawn: bool = False):
    """A ``ProcessPoolExecutor`` whose workers die with this process. ``spawn``: fresh
    interpreters instead of forks (needed where the parent holds threads or kernels)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn") if spawn else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent)


def joblib_map(fn: Callable, calls: Iterable[tuple], *, n_jobs: int | None, sklearn: bool = False) -> list:
    """``[fn(*args) for args in calls]`` on joblib workers that exit if this process dies;
    ``sklearn=True`` uses scikit-learn's ``Parallel``, which carries its configuration to the workers."""
    if sklearn:
        from sklearn.utils.parallel import Parallel, delayed
    else:
        from joblib import Parallel, delayed
    with joblib_workers():
        return Parallel(n_jobs=n_jobs)(delayed(fn)(*args) for args in calls)


def map_parts(fn: Callable, items: Sequence, *args, n_jobs: int | None = 1, min_part: int = 1000) -> list:
    """``[fn(part, *args) for part in parts]``: at most ``n_jobs`` contiguous parts of at least
    ``min_part`` items (one part, run in this process, when there is too little work)."""
    n_parts = max(1, min(n_jobs or 1, len(items) // min_part or 1))
    bounds = np.linspace(0, len(items), n_parts + 1).astype(int)
    parts = [items[a:b] for a, b in zip(bounds, bounds[1:])]
    if n_parts == 1:
        return [fn(parts[0], *args)]
    return joblib_map(fn, ((part, *args) for part in parts), n_jobs=n_parts)
