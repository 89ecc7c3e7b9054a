"""Finding points: search by code or name, and the filters of the explorer."""

from __future__ import annotations

import re
import unicodedata

from meridians.model import Atlas, Point

EVIDENCE_FILTERS = {"trial": "Used in a trial for low back pain"}
SIZINGS = {"evidence": "Size points by how many low-back-pain studies used them"}
COURSES = {"all": "All meridians", "filtered": "Filtered meridians", "none": "None"}
_CODE = re.compile(r"^(?:(UB)|([A-Z]{2}))\s*-?\s*(\d{1,2})$")
_EXTRA = re.compile(r"^EX\s*-?\s*(HN|B|UE|LE|CA)\s*-?\s*(\d{1,2})$")


def fold(text: str) -> str:
    """Lower case, tone marks and spaces removed: 'Shènshū' and 'shen shu' both become 'shenshu'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\-'’_.]", "", plain.casefold())


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


def trial_counts(atlas: Atlas) -> dict[str, int]:
    """How many studies of low back pain used each point (points never used are left out)."""
    counts: dict[str, int] = {}
    for s in atlas.studies.values():
        if s.claim == "lbp_trial":
            for code in s.points:
                counts[code] = counts.get(code, 0) + 1
    return counts


def trial_points(atlas: Atlas) -> frozenset[str]:
    return frozenset(trial_counts(atlas))


def matching(atlas: Atlas, *, mechanisms=(), meridians=(), region=None, evidence=None, q="") -> frozenset[str]:
    """Codes of the points that every active filter lets through (all of them when none is active)."""
    codes = set(atlas.points)
    if mechanisms:
        codes = {c for c in codes if set(atlas.points[c].mechanisms) & set(mechanisms)}
    if meridians:
        codes = {c for c in codes if atlas.points[c].meridian in meridians}
    if region:
        codes = {c for c in codes if atlas.points[c].region == region}
    if evidence == "trial":
        codes &= trial_points(atlas)
    if q.strip():
        codes &= set(search(atlas, q))
    return frozenset(codes)


def listed_as(point: Point) -> str:
    """How a point is listed: with its pinyin also without tone marks, so 'hegu' typed in a list finds Hégǔ."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", point.pinyin) if not unicodedata.combining(ch))
    pinyin = point.pinyin if plain == point.pinyin else f"{point.pinyin} ({plain})"
    return f"{point.code} · {pinyin} · {point.hanzi} · {point.english}"


def studies_matching(atlas: Atlas, *, designs=(), certainties=(), claim=None, mechanism=None, point=None, q=""):
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
        if mechanism and mechanism not in s.mechanisms and s.id not in (
            atlas.mechanisms[mechanism].studies_for + atlas.mechanisms[mechanism].studies_against
        ):
            continue
        if point and point not in s.points:
            continue
        if folded and folded not in fold(f"{s.authors} {s.title} {s.journal} {s.year} {s.summary}"):
            continue
        out.append(s)
    return tuple(out)
