"""The suite's export thread warms nbconvert up first and runs at the lowest priority: exports yield to notebooks."""
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from narrative.pipeline.run import warm_export


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority is Linux's")
def test_warm_export_lowers_only_its_own_thread_and_loads_nbconvert():
    before = os.getpriority(os.PRIO_PROCESS, 0)
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(warm_export).result()
        niceness = thread.submit(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id())).result()
    assert niceness == 19
    assert os.getpriority(os.PRIO_PROCESS, 0) == before  # the scheduler's own thread (and its workers) unchanged
    assert "nbconvert.exporters.html" in sys.modules
