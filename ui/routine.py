"""The routine's widgets, shared by the explorer and the Routine page. The routine lives in the URL."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from pathlib import Path

import streamlit as st

from meridians.model import Atlas
from meridians.routine import MAX_POINTS, added, moved, removed
from meridians.url_state import RoutineState, to_params

from . import url
from .nav import ROUTINE
from .text import escape_markdown

TIMER_JS = (Path(__file__).parent / "press_timer.js").read_text(encoding="utf-8")


def _edit(atlas: Atlas, cls, edit) -> None:
    """Apply `edit` to the routine in the URL as it is now (a callback runs before the next run reads it)."""
    state, _ = url.read(atlas, cls)
    url.write(replace(state, routine=edit(state.routine)), atlas)


def card_button(atlas: Atlas, cls, routine: tuple[str, ...], code: str) -> None:
    """Add the card's point to the routine, or take it out. The whole page reruns, so that the sidebar's
    list shows the change too (the card sits in a fragment, whose own widgets rerun only the fragment)."""
    if code in routine:
        label, icon, edit = f"Remove {code} from my routine", ":material/playlist_remove:", lambda r: removed(r, code)
    else:
        label, icon, edit = f"Add {code} to my routine", ":material/playlist_add:", lambda r: added(r, code)
    full = code not in routine and len(routine) >= MAX_POINTS
    if st.button(label, icon=icon, key="routine_toggle", disabled=full, help=f"A routine holds up to {MAX_POINTS} points."):
        _edit(atlas, cls, edit)
        st.rerun()


def editor(atlas: Atlas, cls, routine: tuple[str, ...]) -> None:
    """The routine in order, each point with Up, Down and Remove."""
    for i, code in enumerate(routine, 1):
        name, up, down, out = st.columns([5, 1, 1, 1.4], vertical_alignment="center")
        point = atlas.points[code]
        name.markdown(escape_markdown(f"{i}. {code} · {point.pinyin} · {point.english}"))
        up.button("Up", key=f"routine_up_{code}", type="tertiary", disabled=i == 1, help=f"Press {code} earlier",
                  on_click=_edit, args=(atlas, cls, lambda r, c=code: moved(r, c, -1)))
        down.button("Down", key=f"routine_down_{code}", type="tertiary", disabled=i == len(routine),
                    help=f"Press {code} later", on_click=_edit, args=(atlas, cls, lambda r, c=code: moved(r, c, 1)))
        out.button("Remove", key=f"routine_remove_{code}", type="tertiary", help=f"Take {code} out",
                   on_click=_edit, args=(atlas, cls, lambda r, c=code: removed(r, c)))


def page_link(atlas: Atlas, routine: tuple[str, ...], label: str, step: int = 0) -> None:
    """A link to the Routine page with this routine (links between pages carry only what they are given)."""
    st.page_link(ROUTINE, label=escape_markdown(label), icon=":material/self_improvement:",
                 query_params=to_params(RoutineState(routine=routine, step=step), atlas))


TIMER_CSS = (Path(__file__).parent / "press_timer.css").read_text(encoding="utf-8")


def timer(seconds: int, sides: tuple[str, ...], key: str, onward: bool = False, autostart: bool = False) -> None:
    """A countdown in the browser: `seconds` on each of `sides` in turn, with Start/Pause and Reset, a tone and
    a vibration at each change and at the end; `onward` goes on to the next point by itself at the end
    (the page's button of key "next_point"), and `autostart` starts the count at once (the step it opened)."""
    st.html(
        f"<style>{TIMER_CSS}</style>"
        f'<div class="press-timer" id="press-timer-{html.escape(key)}" data-seconds="{int(seconds)}" '
        f'data-sides="{html.escape(json.dumps(list(sides)))}" data-onward="{int(onward)}" '
        f'data-autostart="{int(autostart)}" role="timer" aria-live="polite">'
        '<div class="press-timer-side"></div><div class="press-timer-clock"></div>'
        '<button class="press-timer-start" type="button">Start</button> '
        '<button class="press-timer-reset" type="button">Reset</button></div>'
        f"<script>{TIMER_JS}</script>",
        unsafe_allow_javascript=True,
    )
