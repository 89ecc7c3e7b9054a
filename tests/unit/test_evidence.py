"""The evidence layer: results over time, and the chart mode that shows how much trial evidence a point has."""

from __future__ import annotations

from meridians.draw.chart import MARKER_SIZE, chart
from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.draw.evidence import RESULT_SYMBOLS, rows, timeline
from meridians.query import trial_counts


def test_the_2015_review_shows_short_term_benefit_and_no_lasting_one(atlas):
    effects = sorted(atlas.studies["furlan2015"].effects, key=lambda e: e.weeks)
    assert [e.result for e in effects] == ["benefit", "no_difference"]
    assert effects[0].weeks <= 26 < effects[-1].weeks


def test_sham_comparisons_show_no_difference(atlas):
    for sid in ("haake2007", "cherkin2009"):
        sham = [e for e in atlas.studies[sid].effects if "sham" in e.against or "simulated" in e.against]
        assert sham and all(e.result == "no_difference" for e in sham)


def test_timeline_has_a_row_per_study_and_comparison(atlas):
    timed = [s for s in atlas.studies.values() if s.effects]
    table = rows(timed)
    assert len(table) == sum(len({e.against for e in s.effects}) for s in timed)
    assert [r[1].year for r in table] == sorted(r[1].year for r in table)
    fig = timeline(timed)
    plotted = [t for t in fig.data if t.x and t.x[0] is not None]
    assert len(plotted) == len(table)
    furlan = next(t for t in plotted if t.y[0] == "Furlan 2015 vs inactive controls")
    assert list(furlan.x) == [26, 52]
    assert list(furlan.marker.symbol) == [RESULT_SYMBOLS["benefit"], RESULT_SYMBOLS["no_difference"]]
    assert set(furlan.marker.color) == {CERTAINTY_COLOURS["low"].hex}


def test_a_comparison_graded_on_its_own_keeps_its_grade(atlas):
    fig = timeline([atlas.studies["li2021"]])
    pt = next(t for t in fig.data if t.y and t.y[0] == "Li 2021 vs physical therapy")
    assert pt.marker.color[0] == CERTAINTY_COLOURS["moderate"].hex


def test_evidence_mode_sizes_markers_by_trial_use(atlas):
    counts = trial_counts(atlas)
    assert counts["BL23"] >= 1 and "BL52" not in counts
    fig = chart(atlas, "posterior", "x.png", sizes=counts)
    size = {c[0]: s for t in fig.data if t.mode == "markers" and t.customdata and t.name != "Selected"
            for c, s in zip(t.customdata, t.marker.size if isinstance(t.marker.size, tuple) else [t.marker.size] * len(t.x), strict=True)}
    assert size["BL23"] > MARKER_SIZE > size["BL52"]
