"""Shared fixtures. Paths to ../shared data skip cleanly when it is absent (never in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIMELINE_SHARED_DIR", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test when missing, except in CI where it must exist."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI always has ../shared")
        pytest.skip(f"{path} not present on this machine")
    return path


@pytest.fixture
def shared() -> Path:
    return shared_path()


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
