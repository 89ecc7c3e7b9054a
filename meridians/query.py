"""Finding points: search by code or name, and the filters of the explorer."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from meridians.model import Atlas, Condition, Point, Study
from meridians.text import fold

BACK_PAIN = "low_back_pain"  # the condition the first screen offers a way into, and the older links' evidence
COURSES = {"all": "All meridians", "filtered": "Filtered meridians", "none": "None"}
_CODE = re.compile(r"^(?:(UB)|([A-Z]{2}))\s*-?\s*(\d{1,2})$")
_EXTRA = re.compile(r"^EX\s*-?\s*(HN|B|UE|LE|CA)\s*-?\s*(\d{1,2})$")


def normalise_code(text: str) -> str | None:
    """A WHO code from the ways people type it (bl-23, UB23, Bl 23, ex-b2); None if it is not one."""
    t = text.strip().upper()
    if m := _CODE.match(t):
        meridian = "BL" if m.group(1) else m.group(2)
        return f"{meridian}{int(m.group(3))}"
    if m := _EXTRA.match(t):
        return f"EX-{m.group(1)}{int(m.group(2))}"
    return None


def _names(point: Point) -> tuple[str, ...]:
    return tuple(fold(n) for n in (point.pinyin, point.english, point.hanzi, point.hanzi_simplified or "") if n)


def search(atlas: Atlas, text: str) -> tuple[str, ...]:
    """Codes of the points that match, best first: the exact code, then names that start, then contain."""
    text = text.strip()
    if not text:
        return ()
    code = normalise_code(text)
    folded = fold(text)
    exact = [code] if code in atlas.points else []
    starts, contains = [], []
    for p in atlas.points.values():
        if p.code in exact:
            continue
        names = _names(p)
        if fold(p.code).startswith(folded) or any(n.startswith(folded) for n in names):
            starts.append(p.code)
        elif any(folded in n for n in names):
            contains.append(p.code)
    return tuple(exact + starts + contains)


def studied_conditions(atlas: Atlas) -> tuple[Condition, ...]:
    """The conditions some trial in the library tested, in the order of conditions.yaml."""
    return tuple(c for c in atlas.conditions.values() if atlas.trials_of(c.id))


# Labels short enough for the sidebar's boxes; the widgets' help says the rest.
def evidence_filters(atlas: Atlas) -> dict[str, str]:
    return {c.id: f"Studied for {c.name.lower()}" for c in studied_conditions(atlas)}


def sizings(atlas: Atlas) -> dict[str, str]:
    return {c.id: f"By trials for {c.name.lower()}" for c in studied_conditions(atlas)}


@dataclass(frozen=True)
class Symptom:
    """What a search for a symptom finds in one condition: two groups of points that are never mixed."""

    condition: Condition
    word: str  # the condition's word that the search matched
    tested: tuple[tuple[str, tuple[Study, ...]], ...]  # points the condition's trials used, with those trials
    traditional: tuple[str, ...]  # points tradition uses for it, that no trial here tested

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.tested) + self.traditional

    @property
    def note(self) -> str | None:
        return self.condition.notes.get(self.word)


def _symptom(atlas: Atlas, condition: Condition, word: str) -> Symptom:
    by_point: dict[str, list[Study]] = {}
    for study in atlas.trials_of(condition.id):
        for code in study.used_points:
            by_point.setdefault(code, []).append(study)
    first = {code: i for i, code in enumerate(condition.studied)}  # the points its verdict is about lead
    tested = tuple(sorted(((c, tuple(ss)) for c, ss in by_point.items()),
                          key=lambda t: (first.get(t[0], len(first)), -len(t[1]))))
    traditional = tuple(c for c in condition.traditional if c not in by_point)
    return Symptom(condition, word, tested, traditional)


def symptoms(atlas: Atlas, text: str) -> tuple[Symptom, ...]:
    """The conditions a search names: one of their words is the search, is in it (the longest wins), or starts
    with it (four letters or more, as someone types). A word two conditions share finds both."""
    folded = fold(text)
    if not folded:
        return ()
    words = [(fold(w), w, c) for c in atlas.conditions.values() for w in c.words]
    found = ([m for m in words if m[0] == folded] or sorted((m for m in words if m[0] in folded), key=lambda m: -len(m[0]))
             or [m for m in words if len(folded) >= 4 and m[0].startswith(folded)])
    if not found:
        return ()
    best = found[0][0]
    return tuple(_symptom(atlas, c, w) for key, w, c in found if key == best)


def found(atlas: Atlas, text: str) -> tuple[str, ...]:
    """What a search finds, best first: a symptom's points (tested, then traditional), else points by code or name."""
    named = symptoms(atlas, text)
    if named:
        tested = [code for s in named for code, _ in s.tested]
        return tuple(dict.fromkeys(tested + [code for s in named for code in s.traditional]))
    return search(atlas, text)


def best_match(atlas: Atlas, text: str) -> str | None:
    """The point a search means outright (so Enter opens its card): its code, the one point found, or the one
    point whose name is the search. None for a symptom: its points are a list to choose from."""
    if symptoms(atlas, text):
        return None
    codes = search(atlas, text)
    if len(codes) == 1 or (codes and normalise_code(text) == codes[0]):
        return codes[0]
    exact = [c for c in codes if fold(text) in _names(atlas.points[c])]
    return exact[0] if len(exact) == 1 else None


def trial_counts(atlas: Atlas, condition: str) -> dict[str, int]:
    """How many studies of a condition used each point (points never used, or only named by a secondary
    source, are left out)."""
    counts: dict[str, int] = {}
    for s in atlas.trials_of(condition):
        for code in s.used_points:
            counts[code] = counts.get(code, 0) + 1
    return counts


def trial_points(atlas: Atlas, condition: str) -> frozenset[str]:
    return frozenset(trial_counts(atlas, condition))


def matching(atlas: Atlas, *, mechanisms=(), meridians=(), region=None, evidence=None, q="") -> frozenset[str]:
    """Codes of the points that every active filter lets through (all of them when none is active); `evidence`
    is a condition: the points its trials used."""
    codes = set(atlas.points)
    if mechanisms:
        codes = {c for c in codes if set(atlas.points[c].mechanisms) & set(mechanisms)}
    if meridians:
        codes = {c for c in codes if atlas.points[c].meridian in meridians}
    if region:
        codes = {c for c in codes if atlas.points[c].region == region}
    if evidence:
        codes &= trial_points(atlas, evidence)
    if q.strip() and (hits := found(atlas, q)):  # a search that finds nothing fades nothing (the page says so)
        codes &= set(hits)
    return frozenset(codes)


def listed_as(point: Point) -> str:
    """How a point is listed: with its pinyin also without tone marks, so 'hegu' typed in a list finds Hégǔ."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", point.pinyin) if not unicodedata.combining(ch))
    pinyin = point.pinyin if plain == point.pinyin else f"{point.pinyin} ({plain})"
    return f"{point.code} · {pinyin} · {point.hanzi} · {point.english}"


def studies_matching(atlas: Atlas, *, designs=(), certainties=(), claim=None, condition=None, mechanism=None, point=None,
                     q=""):
    """The studies every Research filter lets through, in library order."""
    folded = fold(q) if q.strip() else ""
    out = []
    for s in atlas.studies.values():
        if designs and s.design not in designs:
            continue
        if certainties and s.certainty not in certainties:
            continue
        if claim and s.claim != claim:
            continue
        if condition and s.condition != condition:
            continue
        if mechanism and mechanism not in s.mechanisms and s.id not in (
            atlas.mechanisms[mechanism].studies_for + atlas.mechanisms[mechanism].studies_against
        ):
            continue
        if point and point not in s.used_points:
            continue
        if folded and folded not in fold(f"{s.authors} {s.title} {s.journal} {s.year} {s.summary}"):
            continue
        out.append(s)
    return tuple(out)
