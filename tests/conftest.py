"""Shared fixtures: the real atlas, and copies of the data folder to break on purpose; every test marked by its folder.

The quick loop (unit and page tests, under a minute) is `python -m pytest tests/unit tests/pages`, or
`-m "not browser and not notebook and not deploy"` over the whole tree; `-m "not slow"` runs all but the
two long tests.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

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


def pdf_facts(data: bytes) -> dict:
    """What a test reads from a PDF, with pypdf: its pages, first page's size in points, metadata and text."""
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata
    return {"pages": len(reader.pages), "size": tuple(float(v) for v in reader.pages[0].mediabox[2:]),
            "Title": meta.title, "Subject": meta.subject, "Keywords": meta.get("/Keywords"),
            "text": "".join(page.extract_text() for page in reader.pages)}


@pytest.fixture(scope="session")
def read_pdf():
    return pdf_facts
