"""A student's progress: each point's review card per mode, and every answer given; as the versioned JSON that
the browser keeps and the progress file holds, checked before anything is changed (docs/learn.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import jsonschema
from fsrs import Card, Rating

from meridians.learn.schedule import GOOD_CUN, rating, review
from meridians.model import Atlas

FORMAT = "meridian-chart-explorer/learn-progress"
VERSION = 1
MODES = {"find": "Find the point", "name": "Name the point"}
MAX_ANSWERS = 5000  # the newest kept: years of daily drills, well inside a browser's storage
MAX_BYTES = 2_000_000  # a progress file larger than this is not one of ours

_ISO = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)$"
_CODE = {"type": "string", "pattern": r"^[A-Z]{2,3}(-[A-Z]{1,3})?\d{1,3}$"}
_CARD = {
    "type": "object",
    "required": ["card_id", "state", "step", "stability", "difficulty", "due", "last_review"],
    "additionalProperties": False,
    "properties": {
        "card_id": {"type": "integer", "minimum": 0},
        "state": {"enum": [1, 2, 3]},  # FSRS: learning, review, relearning
        "step": {"type": ["integer", "null"], "minimum": 0, "maximum": 10},
        "stability": {"type": ["number", "null"], "minimum": 0, "maximum": 1e6},
        "difficulty": {"type": ["number", "null"], "minimum": 0, "maximum": 11},
        "due": {"type": "string", "pattern": _ISO},
        "last_review": {"type": ["string", "null"], "pattern": _ISO},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["format", "version", "saved", "cards", "answers", "check"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "saved": {"type": "string", "pattern": _ISO},
        "cards": {"type": "object", "additionalProperties": False, "properties": {
            m: {"type": "object", "propertyNames": _CODE, "additionalProperties": _CARD, "maxProperties": 2000}
            for m in MODES}},
        "answers": {"type": "array", "maxItems": MAX_ANSWERS, "items": {
            "type": "object", "required": ["mode", "code", "at", "right"], "additionalProperties": False,
            "properties": {"mode": {"enum": list(MODES)}, "code": _CODE, "at": {"type": "string", "pattern": _ISO},
                           "right": {"type": "boolean"}, "hint": {"const": True}, "cun": {"type": "number", "minimum": 0, "maximum": 1000}}}},
        "check": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    },
}


class ProgressError(ValueError):
    """A progress file or the browser's copy that cannot be used: the message says why, for the student."""


@dataclass(frozen=True)
class Answer:
    mode: str  # find | name
    code: str
    at: str  # ISO time, UTC
    right: bool  # find: within GOOD_CUN; name: the right choice
    cun: float | None = None  # find: the error
    hint: bool | None = None  # the hint was shown (True, or left out)


@dataclass(frozen=True)
class Progress:
    cards: Mapping[str, Mapping[str, dict]] = field(default_factory=dict)  # mode -> code -> FSRS card dict
    answers: tuple[Answer, ...] = ()

    def cards_of(self, mode: str) -> Mapping[str, dict]:
        return self.cards.get(mode, {})


def answered(progress: Progress, mode: str, code: str, now: datetime, *, cun: float | None = None,
             right: bool | None = None, hinted: bool = False) -> Progress:
    """The progress after an answer: a find answer by its error in cun (with the hint shown, Hard at best: the
    landmark was given), a name answer right or wrong."""
    if mode == "find":
        grade, right = rating(cun), cun <= GOOD_CUN
        if hinted:
            grade = min(grade, Rating.Hard)
    else:
        grade = Rating.Good if right else Rating.Again
    cards = {**progress.cards, mode: review(progress.cards_of(mode), code, grade, now)}
    answer = Answer(mode, code, _iso(now), bool(right), None if cun is None else round(cun, 2), hinted or None)
    return Progress(cards, (*progress.answers, answer)[-MAX_ANSWERS:])


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


def _body(progress: Progress) -> dict:
    answers = [{k: v for k, v in a.__dict__.items() if v is not None} for a in progress.answers]
    return {"cards": {m: dict(c) for m, c in progress.cards.items() if c}, "answers": answers}


def _check(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def dumps(progress: Progress, now: datetime) -> str:
    """The progress as the file's JSON, with its check (a digest of the cards and answers: a hand edit shows)."""
    body = _body(progress)
    return json.dumps({"format": FORMAT, "version": VERSION, "saved": _iso(now), **body, "check": _check(body)},
                      ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes, points: Collection[str]) -> Progress:
    """The progress a file (or the browser's copy) holds, or ProgressError saying why it cannot be used.
    `points` are the codes this atlas knows."""
    if len(text) > MAX_BYTES:
        raise ProgressError(f"This file is {len(text) // 1000:,} kB; a progress file is far smaller, so it is not one.")
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise ProgressError("This file is not a progress file: it is not JSON.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressError("This file is not a progress file of the Meridian Chart Explorer's Learn page "
                            "(it does not say so in its 'format').")
    if isinstance(data.get("version"), int) and data["version"] > VERSION:
        raise ProgressError(f"This progress file is of version {data['version']}, made by a newer explorer; "
                            f"this one reads version {VERSION}.")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the file"
        raise ProgressError(f"This progress file is damaged: at {where}, {_said(error)}.")
    body = {"cards": data["cards"], "answers": data["answers"]}
    if _check(body) != data["check"]:
        raise ProgressError("This progress file was changed after it was saved (its check does not match), so it "
                            "is not used.")
    named = {c for cards in data["cards"].values() for c in cards} | {a["code"] for a in data["answers"]}
    unknown = sorted(named - set(points))
    if unknown:
        raise ProgressError(f"This progress file names points this chart does not have: {', '.join(unknown[:5])}.")
    try:
        for cards in data["cards"].values():
            for card in cards.values():
                Card.from_dict(card)
    except (ValueError, TypeError) as err:
        raise ProgressError(f"This progress file is damaged: a card cannot be read ({str(err)[:80]}).") from None
    answers = tuple(Answer(a["mode"], a["code"], a["at"], a["right"], a.get("cun"), a.get("hint"))
                    for a in data["answers"])
    return Progress({m: dict(c) for m, c in data["cards"].items()}, answers)


_PATTERNS = {_ISO: "a time (UTC, as ISO 8601 writes it)", _CODE["pattern"]: "a point's code"}


def _said(error) -> str:
    """A schema error in words: its patterns by what they stand for, the file's own text cut short."""
    if error.validator == "pattern" and error.validator_value in _PATTERNS:
        return f"{str(error.instance)[:24]!r} is not {_PATTERNS[error.validator_value]}"
    return error.message[:120]


def merged(mine: Progress, theirs: Progress) -> Progress:
    """Two devices' progress as one: each card as last reviewed on either, every answer once, in time order."""
    def last(card: dict) -> str:
        return card.get("last_review") or ""

    cards = {}
    for mode in MODES:
        a, b = mine.cards_of(mode), theirs.cards_of(mode)
        both = {c: max((x for x in (a.get(c), b.get(c)) if x), key=last) for c in {*a, *b}}
        if both:
            cards[mode] = dict(sorted(both.items()))
    answers = sorted(set(mine.answers) | set(theirs.answers), key=lambda a: (a.at, a.mode, a.code))
    return Progress(cards, tuple(answers)[-MAX_ANSWERS:])


@dataclass(frozen=True)
class MeridianProgress:
    meridian: str
    points: int  # the meridian's points a view shows
    answered: int  # of them, answered at least once in this mode
    right: int  # of them, right the last time


def by_meridian(atlas: Atlas, progress: Progress, mode: str = "find") -> tuple[MeridianProgress, ...]:
    """Each meridian's points: how many were answered, and how many were right the last time (meridians with none
    answered are left out)."""
    last: dict[str, bool] = {}
    for a in progress.answers:
        if a.mode == mode:
            last[a.code] = a.right
    rows = []
    for m in atlas.meridians:
        codes = [c for c in atlas.meridian_points(m) if atlas.views_of(c)]
        done = [c for c in codes if c in last]
        if done:
            rows.append(MeridianProgress(m, len(codes), len(done), sum(last[c] for c in done)))
    return tuple(rows)


def by_day(progress: Progress) -> tuple[tuple[date, int, int], ...]:
    """(day, answers, right answers) for each day with answers, both modes together, in order."""
    days: dict[date, list[int]] = {}
    for a in progress.answers:
        day = datetime.fromisoformat(a.at).date()
        counts = days.setdefault(day, [0, 0])
        counts[0] += 1
        counts[1] += a.right
    return tuple((d, n, r) for d, (n, r) in sorted(days.items()))


