"""The progress file: it round-trips, a tampered, damaged or foreign file is refused with a clear message, two
devices' progress merge, and the progress charts count what was answered."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card

from meridians.draw.progress import accuracy_figure, meridian_figure
from meridians.learn.progress import (
    FORMAT,
    Progress,
    ProgressError,
    _check,
    answered,
    by_day,
    by_meridian,
    dumps,
    loads,
    merged,
)

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


@pytest.fixture
def progress():
    p = answered(Progress(), "find", "LI4", NOW, cun=0.3)
    p = answered(p, "find", "BL23", NOW + timedelta(minutes=1), cun=2.0)
    p = answered(p, "name", "LI4", NOW + timedelta(days=1), right=False)
    return answered(p, "find", "LI11", NOW + timedelta(days=1, minutes=1), cun=0.9, hinted=True)


def test_export_and_import_round_trip(atlas, progress):
    text = dumps(progress, NOW)
    assert json.loads(text)["format"] == FORMAT
    assert loads(text, atlas.points) == progress
    assert loads(text.encode("utf-8"), atlas.points) == progress  # as the file uploader hands it over


def test_an_empty_progress_round_trips(atlas):
    assert loads(dumps(Progress(), NOW), atlas.points) == Progress()


def _edited(text: str, edit) -> str:
    data = json.loads(text)
    edit(data)
    return json.dumps(data)


def test_a_tampered_file_is_refused(atlas, progress):
    def better(data):
        data["answers"][1]["right"] = True  # BL23 was 2 cun off

    with pytest.raises(ProgressError, match="changed after it was saved"):
        loads(_edited(dumps(progress, NOW), better), atlas.points)


def _resealed(data):
    data["check"] = _check({"cards": data["cards"], "answers": data["answers"]})


@pytest.mark.parametrize("edit,where", [
    (lambda d: d["cards"]["find"]["LI4"].update(state=7), "cards/find/LI4/state"),
    (lambda d: d["cards"]["find"]["LI4"].update(due="tomorrow"), "cards/find/LI4/due"),
    (lambda d: d["answers"][0].update(mode="guess"), "answers/0/mode"),
    (lambda d: d["cards"]["find"].update({"<script>": {}}), "cards/find"),
    (lambda d: d.update(extra=1), "the file"),
])
def test_a_damaged_file_says_where(atlas, progress, edit, where):
    def damage(data):
        edit(data)
        _resealed(data)

    with pytest.raises(ProgressError, match="damaged") as err:
        loads(_edited(dumps(progress, NOW), damage), atlas.points)
    assert where in str(err.value)


@pytest.mark.parametrize("text", [
    b"\x89PNG\r\n\x1a\n not json", "[1, 2, 3]", '{"deck": "Anki", "notes": []}',
    '{"format": "someone-elses/progress", "version": 1}', "",
])
def test_a_foreign_file_is_refused(atlas, text):
    with pytest.raises(ProgressError, match="not a progress file"):
        loads(text, atlas.points)


def test_a_newer_version_is_refused_by_name(atlas):
    with pytest.raises(ProgressError, match="version 2, made by a newer explorer"):
        loads(json.dumps({"format": FORMAT, "version": 2}), atlas.points)


def test_a_file_naming_unknown_points_is_refused(atlas, progress):
    def rename(data):
        data["answers"][0]["code"] = "LI99"
        _resealed(data)

    with pytest.raises(ProgressError, match="does not have: LI99"):
        loads(_edited(dumps(progress, NOW), rename), atlas.points)


def test_a_huge_file_is_refused_before_it_is_read(atlas):
    with pytest.raises(ProgressError, match="far smaller"):
        loads("{" + " " * 3_000_000 + "}", atlas.points)


def test_merging_two_devices_keeps_each_card_as_last_reviewed_and_every_answer_once(progress):
    later = answered(Progress(), "find", "LI4", NOW + timedelta(days=3), cun=5.0)
    both = merged(progress, later)
    assert Card.from_dict(both.cards["find"]["LI4"]).last_review == NOW + timedelta(days=3)
    assert set(both.cards["find"]) == {"LI4", "BL23", "LI11"}
    assert len(both.answers) == len(progress.answers) + 1
    assert merged(both, progress) == both  # importing the same file again changes nothing
    assert [a.at for a in both.answers] == sorted(a.at for a in both.answers)


def test_the_hint_makes_a_right_answer_hard_at_best():
    plain = answered(Progress(), "find", "LI4", NOW, cun=0.2)
    hinted = answered(Progress(), "find", "LI4", NOW, cun=0.2, hinted=True)
    due = [Card.from_dict(p.cards["find"]["LI4"]).due for p in (plain, hinted)]
    assert due[1] < due[0]
    assert hinted.answers[0].right and hinted.answers[0].hint


def test_progress_by_meridian_counts_the_last_answer_of_each_point(atlas, progress):
    rows = {r.meridian: r for r in by_meridian(atlas, progress, "find")}
    assert set(rows) == {"LI", "BL"}
    assert (rows["LI"].answered, rows["LI"].right) == (2, 1)  # LI4 within 0.5 cun; LI11 0.9 cun off
    assert (rows["BL"].answered, rows["BL"].right) == (1, 0)
    assert rows["LI"].points == 20
    fig = meridian_figure(atlas, tuple(rows.values()))
    assert [t["x"] for t in fig["data"]] == [[1, 0], [1, 1], [18, rows["BL"].points - 1]]


def test_accuracy_by_day(progress):
    days = by_day(progress)
    assert days == ((date(2026, 12, 7), 2, 1), (date(2026, 12, 8), 2, 0))
    assert accuracy_figure(days)["data"][0]["y"] == [50, 0]
