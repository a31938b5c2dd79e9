"""Worker processes that never outlive the process that started them.

Every pool narrative starts (the suite's notebook workers, the streaming
workers, the cross-validation and frame-scoring workers) calls
:func:`die_with_parent` first: on Linux the kernel sends the worker SIGKILL
when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so a ``kill -9`` of
``narrative run`` leaves no worker behind. A Jupyter kernel polls its parent
(ipykernel's ``ParentPollerUnix``, via ``JPY_PARENT_PID``) and exits within a
second of its worker. :func:`kill_tree` ends a process and all its
descendants (used on SIGTERM/SIGINT).
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent exits; exit now if the
    parent is already gone. Returns False where the platform has no such call (then the pools'
    own broken-pipe handling is what ends idle workers)."""
    if not sys.platform.startswith("linux"):
        return False
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent or parent == 1:  # the parent died before the call took effect
        os._exit(1)
    return True


def alive(pid: int) -> bool:
    """Whether a process with this pid exists (zombies count as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        import psutil

        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except Exception:  # psutil missing or the process just ended
        return True


def kill_tree(pid: int, sig: int = signal.SIGKILL) -> int:
    """Send ``sig`` to ``pid``'s descendants and then to ``pid``; return how many were signalled."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = root.children(recursive=True) + [root]
    except psutil.NoSuchProcess:
        return 0
    n = 0
    for proc in procs:
        try:
            proc.send_signal(sig)
            n += 1
        except psutil.NoSuchProcess:
            pass
    return n


def watch_parent(interval: float = 0.5) -> None:
    """Exit this process (a pool worker) as soon as its parent has gone, checked every
    ``interval`` seconds on a daemon thread. For pools that start workers from helper threads
    (joblib's loky), where the kernel's parent-death signal, tied to the starting thread,
    would fire too early; loky's workers otherwise outlive a killed parent."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(interval)

    threading.Thread(target=watch, name="narrative-watch-parent", daemon=True).start()


def joblib_workers():
    """A joblib configuration (context manager) whose loky workers exit when their parent dies.

    >>> from joblib import Parallel, delayed
    >>> with joblib_workers():
    ...     Parallel(n_jobs=2)(delayed(abs)(x) for x in (-1, -2))
    [1, 2]
    """
    from joblib import parallel_config

    return parallel_config(backend="loky", initializer=watch_parent)
