"""Data out: the export contract, and the study library for reference managers."""

from __future__ import annotations

import csv
import io
import json

from meridians.__main__ import main
from meridians.export import citations as cite
from meridians.export.points import to_csv, to_json


def test_json_export_carries_every_point_and_position(atlas, capsys):
    assert main(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {p["code"] for p in data["points"]} == set(atlas.points)
    bl23 = next(p for p in data["points"] if p["code"] == "BL23")
    assert bl23["meridian"] == "BL" and bl23["pinyin"] == "Shènshū" and "pain_gate" in bl23["mechanisms"]
    assert "cherkin2009" in bl23["studies"]
    assert {(p["view"], p["side"]) for p in bl23["positions"]} == {
        ("posterior", "left"), ("posterior", "right"), ("lower_back", "left"), ("lower_back", "right")}
    for p in bl23["positions"]:
        assert [p["image_width"], p["image_height"]] == list(atlas.views[p["view"]].size)
    assert next(p for p in data["points"] if p["code"] == "LI4")["pregnancy_caution"] is True
    assert set(data["views"]) == set(atlas.views)


def test_csv_export_has_one_row_per_drawn_position(atlas):
    rows = list(csv.DictReader(io.StringIO(to_csv(atlas))))
    assert len(rows) == len(atlas.positions)
    gv4 = [r for r in rows if r["code"] == "GV4"]
    assert [(r["view"], r["side"]) for r in gv4] == [("posterior", "midline"), ("lower_back", "midline")]
    assert all(float(r["x"]) == atlas.views[r["view"]].midline_x for r in gv4)


def test_json_and_csv_agree(atlas):
    data = json.loads(to_json(atlas))
    assert sum(len(p["positions"]) for p in data["points"]) == len(list(csv.DictReader(io.StringIO(to_csv(atlas)))))


def test_bibtex_holds_the_seed_references(atlas):
    seed = [s for s in atlas.studies.values() if s.seed_reference]
    assert sorted(s.seed_reference for s in seed) == [1, 2, 3, 4]
    text = cite.bibtex(atlas.studies.values(), atlas.conditions)
    for s in seed:
        assert f"{{{s.id}," in text
    assert "doi = {10.1136/bmj.38744.672616.AE}" in text
    assert text.count("@") == len(atlas.studies)


def test_ris_has_one_record_per_study(atlas):
    text = cite.ris(atlas.studies.values(), atlas.conditions)
    assert text.count("ER  - ") == len(atlas.studies)
    assert "DO  - 10.1002/14651858.CD001929.pub3" in text


def test_study_csv(atlas):
    rows = list(csv.DictReader(io.StringIO(cite.table(atlas.studies.values(), atlas.conditions))))
    assert len(rows) == len(atlas.studies)
    assert next(r for r in rows if r["id"] == "cherkin2009")["points"] == "BL23;BL40;KI3;GV3"
