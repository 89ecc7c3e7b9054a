"""Random and adversarial links through every page: nothing breaks, and what is not used is said."""

from __future__ import annotations

import re

import pytest
from apptest import opened
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = ("explorer.py", "app_pages/0_Meridians.py", "app_pages/1_Mechanisms.py", "app_pages/2_Research.py", "app_pages/3_About.py",
         "app_pages/4_Routine.py", "app_pages/5_Learn.py")
KEYS = ("view", "point", "mechanism", "meridian", "channel", "region", "evidence", "q", "size", "courses", "design",
        "certainty", "claim", "condition", "routine", "step", "minutes", "deck", "mode", "labels")
NASTY = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "BL23\x00", "bl-23",
    "' OR 1=1 --", "![x](http://example.com/x.png)", ":red[boom]", "$$x$$", "𝔅𝔏23", "腎兪", "", " ", "A" * 5000,
    "%3Cscript%3E", "../../etc/passwd", "posterior", "BL23", "relaxation", "BL", "BL23,GV3", "BL23,,<b>x</b>",
    "1", "2", "99", "-1", "3", "trial", "lbp_trial", "evidence", "low_back_pain", "postoperative_nausea",
    "routine", "trial-cherkin2009", "trial-<b>x</b>", "region-lower_back", "name", "find", "True",
)
UNESCAPED_TAG = re.compile(r"(?<!\\)<(script|img)", re.IGNORECASE)
values = st.sampled_from(NASTY) | st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
queries = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), st.lists(values, min_size=1, max_size=4),
                          max_size=5)


@pytest.mark.parametrize("page_file", PAGES)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=queries)
def test_any_link_renders_and_says_what_it_ignored(page_file, params):
    at = opened(page_file, **params)
    assert not at.exception, at.exception
    assert at.title, "the page drew nothing"
    for notice in at.info:
        assert len(notice.value) < 300  # short, and hostile values are cut
    for element in list(at.markdown) + list(at.info) + list(at.caption):
        raw = str(element.value)
        assert not UNESCAPED_TAG.search(raw), f"link text reached Markdown unescaped: {raw[:80]}"
    for block in at.get("html"):  # the card's text, drawn as HTML; only our own scripts may carry tags of code
        if not block.proto.unsafe_allow_javascript:
            assert not UNESCAPED_TAG.search(block.proto.body), f"link text reached HTML unescaped: {block.proto.body[:80]}"


def test_every_kind_of_nasty_value_is_noticed_on_the_explorer():
    at = opened("explorer.py", point=["<script>alert(1)</script>"], view=[":red[boom]"],
                mechanism=["![x](http://example.com/x.png)"])
    assert not at.exception
    assert len(at.info) == 3
    joined = " ".join(n.value for n in at.info)
    assert "\\<script\\>" in joined and "\\!\\[x\\]" in joined and "\\:red\\[boom\\]" in joined
