"""The core stands alone: no Streamlit in meridians/, and its modules import each other one way only."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import meridians

CORE = Path(meridians.__file__).parent


def _module(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


MODULES = {_module(p): _imports(p) for p in CORE.rglob("*.py")}


def test_the_core_imports_no_streamlit():
    users = sorted(m for m, names in MODULES.items() if any(n.split(".")[0] == "streamlit" for n in names))
    assert users == []


def test_the_core_modules_import_each_other_without_a_cycle():
    graph = {m: {n for n in names if n in MODULES and n != m and not m.startswith(n + ".")}
             for m, names in MODULES.items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as err:
        raise AssertionError(f"import cycle: {err.args[1]}") from None
    assert "meridians.model" in graph and graph["meridians.model"] == set()
