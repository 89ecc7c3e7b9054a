"""JSON Schemas of the data files: the shape of each file, checked before anything is built."""

from __future__ import annotations

from meridians.draw.shapes import SYMBOLS


def _pattern(regex: str, says: str) -> dict:
    """A string pattern with the words used when a value does not fit it."""
    return {"type": "string", "pattern": regex, "x-says": says}


_text = {"type": "string", "minLength": 1}
_id = _pattern("^[a-z][a-z0-9_]*$", "an id in lower case letters, digits and _ (e.g. hsieh2006)")
_sourced = {"type": "array", "items": _id, "minItems": 1, "uniqueItems": True}  # ids of sources in safety.yaml
_xy = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
_ref = {"type": "object", "required": ["from", "to"], "additionalProperties": False,
        "properties": {"from": _text, "to": _text, "cun": {"type": "number", "exclusiveMinimum": 0}}}

BODY = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "closeups": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z][a-z_]*$"},
            "additionalProperties": {
                "type": "object",
                "required": ["title", "of", "box", "scale"],
                "additionalProperties": False,
                "properties": {
                    "title": _text,
                    "of": _text,
                    "box": {"type": "array", "items": {"type": "number", "minimum": 0}, "minItems": 4, "maxItems": 4},
                    "scale": {"type": "number", "minimum": 1, "maximum": 8},
                },
            },
        },
        "figures": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["outline"],
                "additionalProperties": False,
                "properties": {
                    "mirror": {"type": "boolean"},
                    "outline": {"type": "array", "items": _xy, "minItems": 3},
                    "overlays": {"type": "array", "items": {"type": "array", "items": _xy, "minItems": 3}},
                },
            },
        },
        "views": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[a-z][a-z_]*$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "title": _text,
                    "closeup": {"type": "boolean"},
                    "lateral_x": {"enum": [-1, 1]},
                    "anterior_x": {"enum": [-1, 1]},
                    "figure": _text,
                    "size": {"type": "array", "items": {"type": "integer", "minimum": 100}, "minItems": 2, "maxItems": 2},
                    "midline_x": {"type": "number"},
                    "side": {"enum": ["left", "right"]},
                    "vertebrae": {"type": "array", "items": {"type": "array", "prefixItems": [_text, {"type": "number"}, {"type": "number"}], "minItems": 3, "maxItems": 3}},
                    "landmarks": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "required": ["at", "text"],
                            "additionalProperties": False,
                            "properties": {"at": _xy, "part": _text, "text": _text, "midline": {"type": "boolean"}},
                        },
                    },
                    "parts": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "required": ["scale"],
                            "additionalProperties": False,
                            "properties": {
                                "scale": {**_ref, "required": ["from", "to", "cun"]},
                                "axis": _ref,
                            },
                        },
                    },
                    "cues": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["kind"],
                            "additionalProperties": False,
                            "properties": {
                                "kind": {"enum": ["spine", "line", "dot", "ring"]},
                                "points": {"type": "array", "items": _xy, "minItems": 2},
                                "at": _xy,
                                "mirror": {"type": "boolean"},
                            },
                        },
                    },
                },
            },
        },
    },
}

_site = {
    "type": "object",
    "required": ["views", "at"],
    "additionalProperties": False,
    "properties": {
        "views": {"type": "array", "items": _text, "minItems": 1, "uniqueItems": True},
        "at": _text,
        "toward": _text,
        "cun": {"type": "number", "minimum": -40, "maximum": 40},
        "fraction": {"type": "number", "minimum": 0, "maximum": 1},
        "lateral": {"type": "number", "minimum": -20, "maximum": 20},
        "anterior": {"type": "number", "minimum": -20, "maximum": 20},
        "label": _text,
    },
    "dependentRequired": {"fraction": ["toward"]},
    "not": {"required": ["fraction", "cun"]},
}

MERIDIANS = {
    "type": "object",
    "required": ["meridians", "regions"],
    "additionalProperties": False,
    "properties": {
        "meridians": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "pinyin", "colour", "symbol", "dash"],
                "additionalProperties": False,
                "properties": {
                    "id": _pattern("^[A-Z]{2}$", "a two-letter meridian code (e.g. BL)"),
                    "name": _text,
                    "pinyin": _text,
                    "colour": _pattern("^#[0-9A-Fa-f]{6}$", "a colour like #0072B2"),
                    "symbol": {"enum": list(SYMBOLS)},  # plotly's, each with an outline for crowded views
                    "dash": {"enum": ["solid", "dot", "dash", "longdash", "dashdot", "longdashdot"]},
                    "kind": {"enum": ["meridian", "extra"]},
                    "count": {"type": "integer", "minimum": 1, "maximum": 99},
                    "course": _text,
                    "breaks": {"type": "array", "items": _text, "uniqueItems": True},
                },
            },
        },
        "regions": {
            "type": "array",
            "items": {"type": "object", "required": ["id", "name"], "additionalProperties": False,
                      "properties": {"id": _id, "name": _text, "note": _text}},
        },
    },
}

# How settled a location is (docs/architecture.md); a note is required where the status needs a reason.
_location_status = {
    "type": "object",
    "required": ["kind"],
    "additionalProperties": False,
    "properties": {"kind": {"enum": ["who", "who_note", "our_reading", "extra"]}, "note": _text},
    "if": {"properties": {"kind": {"enum": ["who_note", "our_reading"]}}},
    "then": {"required": ["kind", "note"]},
}

POINTS = {
    "type": "object",
    "required": ["points"],
    "additionalProperties": False,
    "properties": {
        "points": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["code", "pinyin", "hanzi", "english", "meridian", "region", "location", "how_to_find",
                             "how_to_press", "cautions", "traditional_use", "bilateral", "mechanisms", "sites",
                             "location_status"],
                "additionalProperties": False,
                "properties": {
                    "code": _pattern("^([A-Z]{2}[1-9][0-9]?|EX-(HN|B|UE|LE|CA)[1-9][0-9]?)$", "a WHO point code (e.g. BL23 or EX-B2)"),
                    "pinyin": _text,
                    "hanzi": _text,
                    "hanzi_simplified": _text,
                    "english": _text,
                    "english_note": _text,
                    "meridian": _text,
                    "region": _text,
                    "location": _text,
                    "how_to_find": _text,
                    "how_to_press": _text,
                    "cautions": _text,
                    "traditional_use": _text,
                    "bilateral": {"type": "boolean"},
                    "sides_together": {"const": True},
                    "mechanisms": {"type": "array", "items": _text, "minItems": 1, "uniqueItems": True},
                    "pregnancy": {"type": "object", "required": ["note", "sources"], "additionalProperties": False,
                                  "properties": {"note": _text, "sources": _sourced}},
                    "location_status": _location_status,
                    "sites": {"type": "array", "items": _site, "minItems": 1},
                },
            },
        },
    },
}

_certainty = {"enum": ["high", "moderate", "low", "very_low", "not_graded"]}

MECHANISMS = {
    "type": "object",
    "required": ["mechanisms"],
    "additionalProperties": False,
    "properties": {
        "mechanisms": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "kind", "summary", "verdict", "certainty", "studies_for", "studies_against"],
                "additionalProperties": False,
                "properties": {
                    "id": _id, "name": _text, "summary": _text, "verdict": _text, "certainty": _certainty,
                    "kind": {"enum": ["physiological_hypothesis", "nonspecific_effect", "traditional_belief"]},
                    "studies_for": {"type": "array", "items": _id}, "studies_against": {"type": "array", "items": _id},
                },
            },
        }
    },
}

STUDIES = {
    "type": "object",
    "required": ["studies"],
    "additionalProperties": False,
    "properties": {
        "studies": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "authors", "year", "title", "journal", "design", "population", "intervention",
                             "comparison", "outcome", "effect", "follow_up", "certainty", "certainty_note", "claim",
                             "summary"],
                "additionalProperties": False,
                "properties": {
                    "id": _id, "authors": _text, "title": _text, "journal": _text,
                    "year": {"type": "integer", "minimum": 1900, "maximum": 2100},
                    "volume": _text, "issue": _text, "pages": _text,
                    "doi": _pattern(r"^10\.\d{4,9}/\S+$", "a DOI: 10., a registrant number, / and a suffix (e.g. 10.1136/bmj.332.7543.680)"),
                    "pmid": _pattern("^[1-9][0-9]{0,8}$", "a PubMed id: digits only (e.g. 16488895)"),
                    "pmcid": _pattern("^PMC[1-9][0-9]{0,8}$", "a PubMed Central id: PMC and digits (e.g. PMC1410852)"),
                    "cochrane_id": _pattern("^CD[0-9]{6}$", "a Cochrane review id: CD and six digits (e.g. CD001929)"),
                    "design": {"enum": ["systematic_review", "narrative_review", "rct", "mechanism_study", "guideline",
                                        "commentary"]},
                    "population": _text, "intervention": _text, "comparison": _text, "outcome": _text,
                    "effect": _text, "follow_up": _text, "certainty": _certainty, "certainty_note": _text,
                    "n": {"type": "integer", "minimum": 1},
                    "sample_unit": {"enum": ["people", "animals", "nerve_cells"]},
                    "claim": {"enum": ["trial", "mechanism", "safety", "method", "comment", "guideline"]},
                    "condition": _id,
                    "n_trials": {"type": "integer", "minimum": 1},
                    "points_are": {"enum": ["protocol", "part_of_protocol", "named_only", "reviewed"]},
                    "dose": _text,
                    "routine_note": _text,
                    "mechanisms": {"type": "array", "items": _id, "uniqueItems": True},
                    "points": {"type": "array", "items": _text, "uniqueItems": True},
                    "points_note": _text,
                    "effects": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["weeks", "result", "against", "note"],
                            "additionalProperties": False,
                            "properties": {
                                "weeks": {"type": "number", "exclusiveMinimum": 0, "maximum": 520},
                                "result": {"enum": ["benefit", "small", "no_difference"]},
                                "against": _text, "note": _text, "certainty": _certainty,
                                "from_weeks": {"type": "number", "exclusiveMinimum": 0, "maximum": 520},
                            },
                        },
                    },
                    "seed_reference": {"type": "integer", "minimum": 1, "maximum": 4},
                    "summary": _text,
                },
                "dependentRequired": {"points_are": ["points"], "sample_unit": ["n"]},
            },
        }
    },
}

CONDITIONS = {
    "type": "object",
    "required": ["conditions"],
    "additionalProperties": False,
    "properties": {
        "conditions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "words", "traditional"],
                "additionalProperties": False,
                "properties": {
                    "id": _id, "name": _text,
                    "words": {"type": "array", "minItems": 1, "items": _text, "uniqueItems": True},
                    "notes": {"type": "object", "additionalProperties": _text},
                    "traditional": {"type": "array", "items": _text, "uniqueItems": True},
                    "studied": {"type": "array", "items": _text, "uniqueItems": True},
                    "verdict": _text, "verdict_from": _id,
                    "finding": {"enum": ["benefit", "small", "no_difference", "unclear"]},
                },
                "dependentRequired": {"verdict": ["verdict_from", "finding"], "verdict_from": ["verdict"],
                                      "finding": ["verdict"]},
            },
        }
    },
}

SAFETY = {
    "type": "object",
    "required": ["sources", "red_flags"],
    "additionalProperties": False,
    "properties": {
        "sources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "title", "seen"],
                "additionalProperties": False,
                "properties": {
                    "id": _id, "title": _text, "seen": _text,
                    "url": _pattern(r"^https://\S+$", "an https:// address"),
                    "doi": STUDIES["properties"]["studies"]["items"]["properties"]["doi"],
                    "pmid": STUDIES["properties"]["studies"]["items"]["properties"]["pmid"],
                    "pmcid": STUDIES["properties"]["studies"]["items"]["properties"]["pmcid"],
                    "names": {"type": "array", "items": _text, "minItems": 1, "uniqueItems": True},
                },
                "anyOf": [{"required": ["url"]}, {"required": ["doi"]}, {"required": ["pmid"]}],
            },
        },
        "red_flags": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "heading", "flags"],
                "additionalProperties": False,
                "properties": {
                    "id": _id, "heading": _text,
                    "flags": {"type": "array", "minItems": 1, "items": {
                        "type": "object", "required": ["text", "sources"], "additionalProperties": False,
                        "properties": {"text": _text, "sources": _sourced}}},
                },
            },
        },
    },
}

# Each entry: a file, or a folder of files that are read together (sorted by name).
FILES = {
    "body/*.yaml": BODY, "meridians.yaml": MERIDIANS, "points/*.yaml": POINTS,
    "mechanisms.yaml": MECHANISMS, "studies.yaml": STUDIES, "conditions.yaml": CONDITIONS, "safety.yaml": SAFETY,
}
