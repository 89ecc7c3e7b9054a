"""What a person has on each page, carried between pages: Streamlit's menu opens a page with an empty link.

The URL stays the one source of a screen: a page opened with an empty link from another page shows what the
person had there (and their routine, which every page shares) by writing it into the link; a page reached by a
link that does not give the routine keeps the routine too. A page opened
with an empty link from itself (Back to the first screen, or everything cleared) stays empty.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

SHARED = ("routine",)  # fields that are one thing on every page that has them


@dataclass(frozen=True)
class Carried:
    """The last state seen on each page, by its state's class name; the shared fields; the last page."""

    pages: tuple[tuple[str, Any], ...] = ()
    shared: tuple[tuple[str, Any], ...] = ()
    last: str | None = None


def remember(carried: Carried, state: Any) -> Carried:
    name = type(state).__name__
    names = {f.name for f in fields(state)}
    shared = {**dict(carried.shared), **{f: getattr(state, f) for f in SHARED if f in names}}
    pages = {**dict(carried.pages), name: state}
    return Carried(tuple(pages.items()), tuple(shared.items()), name)


def with_shared(carried: Carried, state: Any, given: set[str]) -> Any:
    """A page reached by a link from another page (the Meridians page's points, a trial's routine) keeps the
    shared fields that its link does not give (`given`: the fields the link has)."""
    if carried.last in (None, type(state).__name__):
        return state
    names = {f.name for f in fields(state)}
    return replace(state, **{f: v for f, v in carried.shared if f in names and f not in given})


def last_shown(carried: Carried, cls: type) -> Any | None:
    """The state the page last showed in this session, or None before its first run."""
    return dict(carried.pages).get(cls.__name__)


def restored(carried: Carried, cls: type) -> Any | None:
    """The state to show on a page that opened with an empty link, or None to show it empty."""
    if carried.last in (None, cls.__name__):
        return None
    names = {f.name for f in fields(cls)}
    state = replace(dict(carried.pages).get(cls.__name__, cls()),
                    **{f: v for f, v in carried.shared if f in names})
    return None if state == cls() else state
