"""A point's card as plain data: what a notebook reads, the same facts the app's card shows."""

from __future__ import annotations

import json

from meridians.card import card_data


def test_the_card_is_plain_json_ready_data(atlas):
    for code in atlas.points:
        assert json.loads(json.dumps(card_data(atlas, code), ensure_ascii=False)) == card_data(atlas, code)


def test_the_card_holds_the_points_fields_positions_and_studies(atlas):
    card = card_data(atlas, "BL23")
    point = atlas.points["BL23"]
    assert (card["code"], card["pinyin"], card["how_to_press"], card["cautions"]) == (
        "BL23", point.pinyin, point.how_to_press, point.cautions)
    assert card["meridian"]["id"] == "BL" and card["pregnancy"] is None
    assert {(p["view"], p["side"]) for p in card["positions"]} == {
        (p.view, p.side) for p in atlas.positions_of("BL23")}
    [back] = [r for r in card["research"] if r["condition"]["id"] == "low_back_pain"]
    cherkin = next(s for s in back["studies"] if s["id"] == "cherkin2009")
    assert cherkin["short"] == "Cherkin DC 2009"
    assert cherkin["certainty"] == "Certainty not graded" and cherkin["follow_up"].startswith("52 weeks")
    assert [m["id"] for m in card["mechanisms"]] == list(point.mechanisms)


def test_a_pregnancy_point_carries_its_caution_and_source(atlas):
    card = card_data(atlas, "LI4")
    assert card["pregnancy"] == {"note": atlas.points["LI4"].pregnancy.note, "source": atlas.points["LI4"].pregnancy.source}


def test_every_card_says_where_the_point_stands_on_pregnancy_pressure_and_location(atlas):
    listed, unlisted = card_data(atlas, "SP6"), card_data(atlas, "BL23")
    assert listed["pregnancy"] and listed["pregnancy_line"] is None
    assert unlisted["pregnancy"] is None
    assert unlisted["pregnancy_line"] == "Pregnancy: not on the traditional lists of points to avoid that we cite."
    for card in (listed, unlisted):
        assert "Firmer is not better" in card["pressure_limit"] and "numb" in card["pressure_limit"]
        assert "broken, inflamed or bruised skin" in card["every_point"]
    assert unlisted["location_status"] == {"kind": "who", "line": "Location: WHO 2008, as written."}
    assert card_data(atlas, "EX-B2")["location_status"]["line"].startswith("Location: an extra point")
    assert "alternative" in card_data(atlas, "PC8")["location_status"]["line"]
