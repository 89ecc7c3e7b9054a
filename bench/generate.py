"""Synthetic atlases for the benchmark: the real data folder plus generated points (never shipped).

The generated points go to a points file of their own (`points/zz_generated.yaml`); extra meridians, when
needed, are added to `meridians.yaml`.

    python -m bench.generate 1500 /tmp/atlas-1500      # then: python -m meridians validate /tmp/atlas-1500

Every generated point is valid data: a code in the allowed pattern that starts with its meridian's id,
one posterior site placed from an existing landmark with `cun` and `lateral` offsets, bilateral, and
inside the body outline of the posterior view on both sides.

How many points the code pattern allows: `^([A-Z]{2}[1-9][0-9]?|EX-(HN|B|UE|LE|CA)[1-9][0-9]?)$` gives
99 numbers per prefix, and a code must start with its meridian's id. With the 14 standard meridians and
EX (five EX- prefixes) that is 14 * 99 + 5 * 99 = 1,881 codes, so an atlas of 5,000 points is impossible
with the 14 meridians + EX. `max_codes()` says so; beyond it the generator adds meridians of
`kind: extra` (XA, XB, ...), which the current loader accepts, and marks the atlas as such
(`Generated.extra_meridians`). The schema change that would make it possible without new meridians:
allow three-digit numbers, `[1-9][0-9]{0,2}` (14 * 999 + 5 * 999 = 18,981 codes).
"""

from __future__ import annotations

import argparse
import random
import shutil
import string
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from meridians.body import outline_mask, place
from meridians.load import DATA_DIR, STANDARD_MERIDIANS, load_atlas
from meridians.model import Site

EX_PREFIXES = ("EX-HN", "EX-B", "EX-UE", "EX-LE", "EX-CA")
NUMBERS = range(1, 100)  # the pattern allows one or two digits, no leading zero
VIEW = "posterior"
# Landmark, the (cun along the part's axis) range and the (lateral cun) range that can stay inside the
# body outline; the outline mask decides which lattice points are kept.
ANCHORS = (
    ("vertex", (0.0, 11.0), (0.25, 6.0)),          # head and neck
    ("below_L2", (-17.0, 13.0), (0.25, 12.0)),     # the whole back, shoulders to buttocks
    ("olecranon", (-8.0, 12.0), (-3.0, 3.0)),      # upper arm and forearm
    ("dorsal_wrist_crease", (-1.0, 5.0), (-2.0, 2.0)),  # hand
    ("popliteal_crease", (-14.0, 16.0), (-2.5, 3.0)),   # thigh and lower leg
)
STEPS = (2.0, 1.5, 1.0, 0.75, 0.5, 0.4, 0.3, 0.25, 0.2)  # lattice spacing in cun, coarse first
REGIONS = ("head_face", "neck_shoulder", "upper_back", "lower_back", "sacrum_buttock", "arm_hand", "leg_foot")
SYMBOLS = ("circle", "square", "diamond", "cross", "x", "triangle-up", "pentagon", "hexagon", "star")


@dataclass(frozen=True)
class Generated:
    data_dir: Path
    points: int  # in the atlas, real and generated
    generated: int
    extra_meridians: tuple[str, ...]  # meridians of kind 'extra' added to fit the codes (beyond 14 + EX)


def max_codes() -> int:
    """How many point codes the pattern allows with the 14 standard meridians and EX."""
    return (len(STANDARD_MERIDIANS) + len(EX_PREFIXES)) * len(NUMBERS)


def _codes(taken: set[str], extra: tuple[str, ...], counts: dict[str, int] | None = None):
    """(code, meridian) pairs not yet taken: the standard meridians (up to their `count` of points, when the
    data gives one: the whole atlas has them all), then the EX- forms, then extra meridians."""
    counts = counts or {}
    for meridian in STANDARD_MERIDIANS:
        for n in NUMBERS:
            if n <= counts.get(meridian, len(NUMBERS)) and f"{meridian}{n}" not in taken:
                yield f"{meridian}{n}", meridian
    for prefix in EX_PREFIXES:
        for n in NUMBERS:
            if f"{prefix}{n}" not in taken:
                yield f"{prefix}{n}", "EX"
    for meridian in extra:
        for n in NUMBERS:
            yield f"{meridian}{n}", meridian


def _extra_ids(count: int, used: set[str]) -> tuple[str, ...]:
    ids = [a + b for a in "XYZW" for b in string.ascii_uppercase if a + b not in used]
    if count > len(ids):
        raise ValueError("too many points even with extra meridians")
    return tuple(ids[:count])


def _lattice(step: float):
    for at, (c0, c1), (l0, l1) in ANCHORS:
        n_c, n_l = int(round((c1 - c0) / step)), int(round((l1 - l0) / step))
        for i in range(n_c + 1):
            for j in range(n_l + 1):
                lateral = round(l0 + j * step, 3)
                if lateral != 0:  # a bilateral point must be off the midline (and never exactly on it)
                    yield at, round(c0 + i * step, 3), lateral


def _sites(n: int, seed: int) -> list[tuple[str, float, float]]:
    """n distinct (landmark, cun, lateral) whose positions fall inside the posterior outline on both sides."""
    atlas = load_atlas(DATA_DIR)
    view = atlas.views[VIEW]
    mask = outline_mask(view)
    w, h = view.size
    taken = {(round(p.x), round(p.y)) for p in atlas.positions_in(VIEW)}

    def inside(x: float, y: float) -> bool:
        return 0 <= x < w and 0 <= y < h and bool(mask.getpixel((int(x), int(y))))

    for step in STEPS:
        found, seen = [], set(taken)
        for at, cun, lateral in _lattice(step):
            site = Site(views=(VIEW,), at=at, cun=cun, lateral=lateral)
            placed = place("X", site, view, True)
            if len(placed) != 2 or not all(inside(p.x, p.y) for p in placed):
                continue
            if abs(placed[0].x - view.midline_x) < 3:  # keep the two sides apart
                continue
            key = (round(placed[0].x), round(placed[0].y))
            if key in seen:
                continue
            seen.add(key)
            found.append((at, cun, lateral))
        if len(found) >= n:
            rng = random.Random(seed)
            return sorted(rng.sample(found, n), key=lambda s: (s[0], s[1], s[2]))
    raise ValueError(f"cannot fit {n} distinct points inside the outline")


def _point(code: str, meridian: str, k: int, site: tuple[str, float, float]) -> dict:
    at, cun, lateral = site
    return {
        "code": code, "pinyin": f"Synthetic {k}", "hanzi": "合成", "english": f"Benchmark point {k}",
        "meridian": meridian, "region": REGIONS[k % len(REGIONS)],
        "location": "A generated point for the benchmark.", "how_to_find": "Generated.",
        "how_to_press": "Generated.", "cautions": "Generated.", "traditional_use": "None: generated.",
        "bilateral": True, "mechanisms": ["pain_gate"],
        "location_status": {"kind": "our_reading", "note": "A generated point, placed for the benchmark."},
        "sites": [{"views": [VIEW], "at": at, "cun": cun, "lateral": lateral}],
    }


def generate(total: int, out: Path, seed: int = 5, allow_extra_meridians: bool = True) -> Generated:
    """Copy data/ to `out` and add generated points until the atlas has `total` points."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(DATA_DIR, out)
    path = out / "meridians.yaml"  # the meridians (and regions); the points are in points/*.yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    existing = {p["code"] for f in sorted((out / "points").glob("*.yaml"))
                for p in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("points", [])}
    n_new = total - len(existing)
    if n_new < 0:
        raise ValueError(f"the real atlas already has {len(existing)} points")
    counts = {c["id"]: c["count"] for c in data["meridians"] if "count" in c}
    free = sum(1 for _ in _codes(existing, (), counts))
    extra: tuple[str, ...] = ()
    if n_new > free:
        if not allow_extra_meridians:
            raise ValueError(f"{total} points is impossible with the 14 meridians + EX: the code pattern and the "
                             f"meridians' counts leave {free} codes free")
        used = {c["id"] for c in data["meridians"]}
        extra = _extra_ids(-(-(n_new - free) // len(NUMBERS)), used)
        for i, cid in enumerate(extra):
            data["meridians"].append({
                "id": cid, "name": f"Synthetic {cid}", "pinyin": "Héchéng", "colour": f"#{(i * 2654435761) % 0xFFFFFF:06X}",
                "symbol": SYMBOLS[i % len(SYMBOLS)], "dash": "dot", "kind": "extra",
            })
        path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120),
                        encoding="utf-8")
    sites = _sites(n_new, seed)
    codes = _codes(existing, extra, counts)
    generated = []
    for k, site in enumerate(sites):
        code, meridian = next(codes)
        generated.append(_point(code, meridian, k, site))
    (out / "points" / "zz_generated.yaml").write_text(  # a points file of its own, merged on load like the others
        yaml.dump({"points": generated}, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120),
        encoding="utf-8")
    return Generated(out, total, n_new, extra)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("points", type=int, help="points in the atlas (real ones included)")
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--no-extra-meridians", action="store_true",
                        help=f"fail rather than add 'kind: extra' meridians beyond {max_codes()} points")
    args = parser.parse_args(argv)
    try:
        g = generate(args.points, args.out, args.seed, not args.no_extra_meridians)
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    note = f" (needs {len(g.extra_meridians)} extra meridians: {', '.join(g.extra_meridians)})" if g.extra_meridians else ""
    print(f"wrote {g.data_dir}: {g.points} points, {g.generated} generated{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
