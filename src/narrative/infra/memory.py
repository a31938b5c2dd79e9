"""Peak memory of this process and its children together (what a machine must hold).

``ru_maxrss`` gives this process's peak and only the *largest* child's; a pool of workers needs
their sum. :class:`PeakRSS` samples the resident set of the process tree in a background thread.

>>> with PeakRSS(interval=0.05) as peak:
...     block = bytearray(50 * 2 ** 20)
>>> peak.total_mb >= 50 and peak.main_mb >= 50
True
"""
from __future__ import annotations

import threading


class PeakRSS:
    """Peak resident memory (MB) of this process (``main_mb``) and of it plus all its descendants
    at the same moment (``total_mb``), sampled every ``interval`` seconds while in the ``with`` block."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.main_mb = self.total_mb = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sample(self) -> None:
        import psutil

        me = psutil.Process()
        main = me.memory_info().rss
        total = main
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        self.main_mb = max(self.main_mb, main / 2 ** 20)
        self.total_mb = max(self.total_mb, total / 2 ** 20)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> "PeakRSS":
        self.sample()
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()
