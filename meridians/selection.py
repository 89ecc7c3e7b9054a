"""The click: which figure a run hands the browser, so that a click on the chart costs no redraw.

The story, with a diagram, is told once in docs/architecture.md ("The click").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple


class FigureKey(NamedTuple):
    """Everything but the ring that a body chart is drawn from."""

    view: str
    shown: frozenset[str]  # the points the filters let through
    sizes: str | None  # markers sized by the trials of this condition
    courses: str  # which meridian lines are drawn
    highlight: str | None  # the one meridian brought out
    labels: bool = False  # each marker's code beside it


@dataclass(frozen=True)
class Sent:
    """What the browser's chart holds: the figure last sent to it, and the point it rings now."""

    key: FigureKey | None = None
    ring: str | None = None  # the point the figure's own spec rings
    revision: int = 0  # part of the figure: a new one makes it differ from every figure sent before
    ringed: str | None = None  # the point the browser rings, after the clicks on the chart since


def clicked(sent: Sent, code: str | None) -> Sent:
    """A click on the chart: the browser rings `code` by itself (None: the click emptied the selection)."""
    return replace(sent, ringed=code)


def to_send(sent: Sent, key: FigureKey, point: str | None) -> tuple[Sent, bool]:
    """The figure for a run that shows `key` with `point` selected, and whether the browser must draw it.

    When the browser already shows this key with this point ringed (the run after a click), the figure
    last sent is sent again unchanged, and the browser keeps what it has. When the point came from
    elsewhere (a link, the sidebar, Back), the figure rings it and takes a new revision: without it, going
    back to the point the figure last rang would send that same figure, and the browser would keep
    ringing the point clicked since. A new key is a new figure anyway, ringing the point.
    """
    if sent.key == key and sent.ringed == point:
        return sent, False
    revision = sent.revision + (sent.ringed != point)
    return Sent(key, point, revision, point), True
