"""Shared fixtures: the real atlas, and copies of the data folder to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from meridians import DATA_DIR, load_atlas

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def atlas():
    return load_atlas()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
