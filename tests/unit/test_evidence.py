"""The evidence layer: results over time, and the chart mode that shows how much trial evidence a point has."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meridians.draw.chart import MARKER_SIZE, chart
from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.draw.evidence import RESULT_SYMBOLS, rows, timeline
from meridians.model import Effect
from meridians.query import trial_counts


def test_the_2015_review_shows_short_term_benefit_and_no_lasting_one(atlas):
    effects = sorted(atlas.studies["furlan2015"].effects, key=lambda e: e.weeks)
    assert [e.result for e in effects] == ["benefit", "no_difference"]
    assert effects[0].weeks <= 26 < effects[-1].weeks


def test_a_short_term_result_is_drawn_as_its_span_not_at_its_far_end(atlas):
    """The review's "short term" is any time up to 6 months: drawn at week 26 it looked like a lasting result."""
    fig = timeline([atlas.studies["furlan2015"]])
    row = next(t for t in fig.data if t.y and t.y[0] == "Furlan 2015 vs inactive controls")
    assert row.x[0] < 26 <= row.x[1]
    assert row.error_x.visible
    assert row.x[0] - row.error_x.arrayminus[0] == 1 and row.x[0] + row.error_x.array[0] == 26
    assert "Between week 1 and week 26" in row.text[0]


def test_every_result_that_is_only_short_term_stays_out_of_the_long_term_zone(atlas):
    for s in atlas.studies.values():
        for e in s.effects:
            if "short term" in e.note.lower():
                assert e.plotted_at < 26, (s.id, e)


def test_large_acupuncture_trials_found_real_needling_close_to_sham(atlas):
    for sid in ("haake2007", "cherkin2009", "brinkhaus2006"):
        sham = [e for e in atlas.studies[sid].effects
                if any(w in e.against for w in ("sham", "simulated", "minimal"))]
        assert sham and all(e.result == "no_difference" for e in sham), sid


def test_the_sham_controlled_acupressure_trials_found_real_points_better(atlas):
    """The library's own acupressure trials against sham: the summaries must not say the opposite."""
    for sid in ("ghanbari2022", "yeh2013"):
        sham = [e for e in atlas.studies[sid].effects if "sham" in e.against]
        assert sham and all(e.result == "benefit" for e in sham), sid


def test_timeline_has_a_row_per_study_and_comparison(atlas):
    timed = [s for s in atlas.studies.values() if s.effects]
    table = rows(timed)
    assert len(table) == sum(len({e.against for e in s.effects}) for s in timed)
    assert [r[1].year for r in table] == sorted(r[1].year for r in table)
    fig = timeline(timed)
    plotted = [t for t in fig.data if t.x and t.x[0] is not None]
    assert len(plotted) == len(table)
    furlan = next(t for t in plotted if t.y[0] == "Furlan 2015 vs inactive controls")
    assert furlan.x[0] < 26 and furlan.x[1] == 52
    assert list(furlan.marker.symbol) == [RESULT_SYMBOLS["benefit"], RESULT_SYMBOLS["no_difference"]]
    assert set(furlan.marker.color) == {CERTAINTY_COLOURS["low"].hex}


def test_a_comparison_graded_on_its_own_keeps_its_grade(atlas):
    fig = timeline([atlas.studies["li2021"]])
    pt = next(t for t in fig.data if t.y and t.y[0] == "Li 2021 vs physical therapy")
    assert pt.marker.color[0] == CERTAINTY_COLOURS["moderate"].hex


def test_evidence_mode_sizes_markers_by_trial_use(atlas):
    counts = trial_counts(atlas, "low_back_pain")
    assert counts["BL23"] >= 1 and "BL52" not in counts
    assert counts["EX-HN3"] == 1, "only Ghanbari 2022 used Yintang; Murphy 2019's list is only of common points"
    assert "HT7" not in counts
    fig = chart(atlas, "posterior", "x.png", sizes=counts)
    size = {c[0]: s for t in fig.data if t.mode == "markers" and t.customdata and t.name != "Selected"
            for c, s in zip(t.customdata, t.marker.size if isinstance(t.marker.size, tuple) else [t.marker.size] * len(t.x), strict=True)}
    assert size["BL23"] > MARKER_SIZE > size["BL52"]


@given(start=st.floats(min_value=0.1, max_value=260), length=st.floats(min_value=0.1, max_value=260))
def test_a_span_is_drawn_inside_itself(start, length):
    effect = Effect(weeks=start + length, result="benefit", against="x", note="y", from_weeks=start)
    assert start < effect.plotted_at < start + length
    assert Effect(weeks=start, result="benefit", against="x", note="y").plotted_at == start
