"""What every page shares: the atlas, the safety notes, and the error page."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from meridians import DATA_DIR, DataError, load_atlas
from meridians.draw.body_images import ICON, STATIC_URL
from meridians.model import Atlas, Safety
from meridians.safety import NOT_ADVICE

from . import url
from .text import escape_markdown


@st.cache_resource(show_spinner=False)
def _load(data_dir: str) -> Atlas | DataError:
    try:
        return load_atlas(Path(data_dir))
    except DataError as err:  # shown as a page, not a traceback
        return err


def atlas() -> Atlas:
    """The checked atlas, parsed once per process; stops the page with the problems if the data is bad.

    MERIDIAN_DATA names another data folder (used by the tests of broken data).
    """
    loaded = _load(os.environ.get("MERIDIAN_DATA", str(DATA_DIR)))
    if isinstance(loaded, DataError):
        st.error("The chart's data files have problems, so the chart cannot be shown. Each line names the file, the place in it and the reason:")
        st.code("\n".join(str(p) for p in loaded.problems), language=None)
        st.stop()
    return loaded


def red_flags(safety: Safety) -> None:
    """Each group of signs as one Markdown block, then where each sign comes from (data/safety.yaml)."""
    cited: dict[str, int] = {}
    for group in safety.red_flags:
        lines = [f"**{escape_markdown(group.heading)}**"]
        for flag in group.flags:
            marks = ",".join(str(cited.setdefault(s, len(cited) + 1)) for s in flag.sources)
            lines.append(f"- {escape_markdown(flag.text)} :small[:gray[({marks})]]")
        st.markdown("\n".join(lines))
    st.caption("  \n".join(f"({n}) " + escape_markdown(safety.sources[s].citation) for s, n in cited.items()))


# When data/safety.yaml cannot be read, the frame still says where to go.
RED_FLAGS_UNREAD = ("The list of warning signs could not be read. With back pain and numbness between the legs, new "
                    "bladder or bowel trouble or weak legs, call your local emergency number (999 in the UK, 112 in "
                    "Europe, 911 in North America).")

DOCTOR_NOW = "doctor_now"  # the key of the warning signs' box (session state: whether it is open)
PAGE_CSS = (Path(__file__).parent / "page.css").read_text(encoding="utf-8")
PAGE_MOVES_JS = (Path(__file__).parent / "page_moves.js").read_text(encoding="utf-8")


def page_frame(title: str, anchor: str | None = None) -> None:
    """Title, the not-medical-advice line and the red flags, the same on every page."""
    # The icon from static serving: as a media file it was fetched again after every click.
    st.set_page_config(page_title=f"{title} · Meridian Chart Explorer", page_icon="/" + STATIC_URL + ICON, layout="wide")
    st.html(f"<style>{PAGE_CSS}</style>")
    with st.container(key="page_scripts"):  # hidden by ui/page.css: a script takes no room on the page
        st.html(f"<script>{PAGE_MOVES_JS}</script>", unsafe_allow_javascript=True)  # Back, and the menu on a phone
    st.title(title, anchor=anchor)
    st.caption(NOT_ADVICE)
    with st.sidebar:
        doctor_now()


@st.fragment
def doctor_now() -> None:
    """The warning signs, one click away on every page. Written only when opened, and then in a fragment: every
    page's first load drew them, closed, and opening them leaves the rest of the page (a running timer) alone."""
    box = st.expander("When to see a doctor now", icon=":material/emergency:", key=DOCTOR_NOW, on_change="rerun")
    with box:
        if box.open:
            loaded = _load(os.environ.get("MERIDIAN_DATA", str(DATA_DIR)))
            if isinstance(loaded, Atlas):  # bad data: atlas() shows the problems on the page
                red_flags(loaded.safety)
            else:
                st.markdown(escape_markdown(RED_FLAGS_UNREAD))


def notices(items: tuple[str, ...]) -> None:
    """What a link asked for that the page could not use, said briefly; the page goes on."""
    for notice in items:
        st.info(escape_markdown(notice), icon=":material/link_off:")


SCRIPTS = "".join((Path(__file__).parent / name).read_text(encoding="utf-8")
                  for name in ("tap_hover.js", "card_follows.js", "click_guide.js"))


def stateful_page(title: str, cls, anchor: str | None = None):
    """A page whose screen lives in the URL: its frame, the atlas, and the state the link asks for
    (what the link held that could not be used gets a notice)."""
    page_frame(title, anchor)
    data = atlas()
    state, found = url.read(data, cls)
    notices(found)
    return data, state


# plotly lays a page-wide "drag cover" over everything at each mousedown on a chart, to keep the cursor
# during a drag. These charts cannot be dragged, and laying the cover made the browser lay out and re-layer
# the whole page at every click, before the click reached the server (docs/architecture.md, "The click").
NO_DRAG_COVER = ".dragcover { display: none !important; }"


# The card's heading is an h3 under the page's h1: a heading for the part of the page that holds the chart
# and the card, there for screen readers (and Lighthouse's heading-order audit), keeps the outline whole.
SCREEN_READERS_ONLY = (".meridian-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; "
                       "overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }")
OUTLINE = '<h2 class="meridian-sr-only">The body chart and the point card</h2>'


def fix_chart_clicks() -> None:
    """A tap on a chart marker selects that marker (tap_hover.js), a click shows both sides and the guide
    (click_guide.js), a chosen point's card comes into sight (card_follows.js), and a click lays no drag cover
    over the page; and the page's outline has its second level. Our own scripts and style, no data in them."""
    st.html(f"<style>{NO_DRAG_COVER}{SCREEN_READERS_ONLY}</style>{OUTLINE}<script>{SCRIPTS}</script>",
            unsafe_allow_javascript=True)
