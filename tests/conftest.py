"""Shared fixtures: the real atlas, and copies of the data folder to break on purpose; every test marked by its folder.

The quick loop (unit and page tests, under a minute) is `python -m pytest tests/unit tests/pages`, or
`-m "not browser and not notebook and not deploy"` over the whole tree; `-m "not slow"` runs all but the
two long tests.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from meridians import DATA_DIR, load_atlas

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
FOLDER_MARKS = ("browser", "notebook", "deploy")  # tests/<folder> -> the marker of the same name
# A minute or more each: twenty browsers for a minute, and installing requirements.txt afresh.
SLOW = ("browser/test_many_users_browser.py", "deploy/test_clean_install.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.relative_to(TESTS)
        if path.parts[0] in FOLDER_MARKS:
            item.add_marker(path.parts[0])
        if path.as_posix() in SLOW:
            item.add_marker("slow")


@pytest.fixture(scope="session")
def atlas():
    return load_atlas()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _pdf_string(raw: bytes) -> str:
    """A PDF literal string as Pillow writes it: UTF-16 with a byte-order mark, or plain bytes."""
    raw = re.sub(rb"\\(.)", rb"\1", raw, flags=re.S)
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def pdf_facts(data: bytes) -> dict:
    """What a test reads from a PDF that Pillow wrote: its page count, page size in points and Info strings."""
    assert data.startswith(b"%PDF-"), data[:20]
    info = {key.decode(): _pdf_string(value) for key, value in re.findall(rb"/(Title|Subject|Keywords|Author)\s*\((.*?)(?<!\\)\)", data, re.S)}
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return {"pages": len(re.findall(rb"/Type\s*/Page\b(?!s)", data)), "size": (float(box[1]), float(box[2])), **info}


@pytest.fixture(scope="session")
def read_pdf():
    return pdf_facts
