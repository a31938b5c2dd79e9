"""Shared fixtures (plain helpers and paths: tests/support.py)."""
from __future__ import annotations

import pytest

from support import EXAMPLE


@pytest.fixture
def example_text() -> str:
    if not EXAMPLE.is_file():
        pytest.skip("../shared/docs/example-article-pokrovsk.txt is absent (shared material is only beside the project checkout)")
    return EXAMPLE.read_text(encoding="utf-8")
