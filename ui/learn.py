"""The Learn page's Streamlit glue: the answers given, the progress kept in the browser (never on the server),
and the progress file's export and import."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import streamlit as st

from meridians.learn.progress import Progress, ProgressError, answered, dumps, loads, merged
from meridians.learn.scoring import score
from meridians.model import Atlas
from meridians.url_state import LearnState

from . import url
from .text import escape_markdown

PROGRESS = "_learn_progress"  # session state: meridians.learn.progress.Progress, the browser's copy once read
LOADED = "_learn_loaded"  # session state: the browser's copy has been read (only then is it written back)
STORE_PROBLEM = "_learn_store_problem"  # session state: why the browser's copy could not be used
IMPORTED = "_learn_imported"  # session state: what the last import did, said once
ANSWERS = "_learn_answers"  # session state: {(mode, deck, code): the click (find) or the code chosen (name)}
HINTS = "_learn_hints"  # session state: {(mode, deck, code)} asked with the hint shown
SAVED = "_learn_saved"  # session state: the Progress last handed to the browser to keep (progress is never edited)
STORE_KEY = "learn_store"
UPLOAD_KEY = "learn_import"

_STORE = st.components.v2.component(
    "meridians_learn_store", js=(Path(__file__).parent / "learn_store.js").read_text(encoding="utf-8"))


def progress() -> Progress:
    return st.session_state.get(PROGRESS, Progress())


def _set(new: Progress) -> None:
    st.session_state[PROGRESS] = new


def answer(mode: str, deck: str, code: str):
    return st.session_state.get(ANSWERS, {}).get((mode, deck, code))


def hinted(mode: str, deck: str, code: str) -> bool:
    return (mode, deck, code) in st.session_state.get(HINTS, set())


def show_hint(mode: str, deck: str, code: str) -> None:
    st.session_state.setdefault(HINTS, set()).add((mode, deck, code))


def on_tap(atlas: Atlas, view: str, deck: str, code: str, key: str) -> None:
    """The drill chart's callback: the tap's place on the view (the tap target plotly selected), scored, and the
    point's card scheduled by it. A second tap on an answered point changes nothing."""
    points = st.session_state[key].get("selection", {}).get("points", [])
    if points and answer("find", deck, code) is None:
        click = (float(points[0]["x"]), float(points[0]["y"]))
        st.session_state.setdefault(ANSWERS, {})[("find", deck, code)] = click
        cun = score(atlas, view, code, click).cun
        _set(answered(progress(), "find", code, datetime.now(UTC), cun=cun, hinted=hinted("find", deck, code)))
        _stay(atlas, code)


def on_name(atlas: Atlas, deck: str, code: str, chosen: str) -> None:
    """A choice's button in the name-the-point mode: the first choice counts."""
    if answer("name", deck, code) is None:
        st.session_state.setdefault(ANSWERS, {})[("name", deck, code)] = chosen
        _set(answered(progress(), "name", code, datetime.now(UTC), right=chosen == code))
        _stay(atlas, code)


def _stay(atlas: Atlas, code: str) -> None:
    """The point answered stays asked, with its answer: its card is no longer due, and a link without a point asks
    the first due one."""
    url.update(atlas, LearnState, point=code)


def forget(mode: str, deck: str, code: str) -> None:
    """Ask the point again (the answer given stays in the progress)."""
    st.session_state.get(ANSWERS, {}).pop((mode, deck, code), None)
    st.session_state.get(HINTS, set()).discard((mode, deck, code))


def _on_stored(atlas: Atlas) -> None:
    """The browser's copy, handed over once per session: read and checked like a progress file."""
    stored = (st.session_state.get(STORE_KEY) or {}).get("stored")
    if stored is None or st.session_state.get(LOADED):
        return
    st.session_state[LOADED] = True
    if stored:
        try:
            _set(merged(loads(stored, atlas.points), progress()))
        except ProgressError as err:
            st.session_state[STORE_PROBLEM] = str(err)


def keep(atlas: Atlas) -> None:
    """Keep the progress in this browser: ask for its copy at the first run, write the progress back after it.
    Nothing is written before the copy is read, so a new session cannot blank what the browser holds."""
    loaded, now = bool(st.session_state.get(LOADED)), progress()
    save = None  # sent only when it changed: the whole progress at every run would be many kB
    if loaded and now.answers and st.session_state.get(SAVED) is not now:
        save = dumps(now, datetime.now(UTC))
        st.session_state[SAVED] = now
    with st.container(key="learn_store_box"):
        _STORE(key=STORE_KEY, data={"loaded": loaded, "save": save}, default={"stored": None},
               on_stored_change=lambda: _on_stored(atlas), height=0)


def store_problem() -> None:
    """Why the browser's copy could not be used, if it could not."""
    if problem := st.session_state.get(STORE_PROBLEM):
        st.warning(escape_markdown(f"The progress kept in this browser could not be read: {problem} It is replaced "
                                   "by this session's once you answer; import a progress file to bring yours back."),
                   icon=":material/error:")


def _on_import(atlas: Atlas) -> None:
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        return
    try:
        theirs = loads(upload.getvalue(), atlas.points)
    except ProgressError as err:
        st.session_state[IMPORTED] = ("error", f"{err} Your progress is unchanged.")
        return
    _set(merged(progress(), theirs))
    st.session_state.pop(STORE_PROBLEM, None)
    st.session_state[IMPORTED] = ("success", f"Imported {_answers(len(theirs.answers))}; your progress now holds "
                                             f"{_answers(len(progress().answers))}.")


def _answers(n: int) -> str:
    return f"{n} answer{'s' * (n != 1)}"


def export_and_import(atlas: Atlas) -> None:
    """The progress file: download it, and bring one back (merged with this browser's, each card as last reviewed)."""
    mine, today = progress(), datetime.now(UTC)
    st.download_button("Export my progress", data=lambda: dumps(mine, datetime.now(UTC)), mime="application/json",
                       file_name=f"learn-progress-{today:%Y-%m-%d}.json", on_click="ignore", icon=":material/download:",
                       help="A file with your cards and answers, to keep or to import on another device.")
    st.file_uploader("Import a progress file", type=["json"], key=UPLOAD_KEY, on_change=_on_import, args=(atlas,),
                     help="A file exported here. Its cards join yours; a damaged or foreign file changes nothing.")
    if result := st.session_state.pop(IMPORTED, None):
        kind, text = result
        (st.error if kind == "error" else st.success)(escape_markdown(text))
