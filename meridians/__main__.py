"""Command line: `python -m meridians validate|export|render|preview|font`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from meridians.draw.body_images import ASSETS_DIR, draw_preview, render_all
from meridians.export.points import to_csv, to_json
from meridians.load import DATA_DIR, build_partial


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m meridians", description="Meridian Chart Explorer data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the data; one line per problem")
    v.add_argument("data_dir", nargs="?", type=Path, default=DATA_DIR)
    e = sub.add_parser("export", help="every point with its chart positions")
    e.add_argument("--format", choices=("json", "csv"), default="json")
    e.add_argument("--data", type=Path, default=DATA_DIR)
    r = sub.add_parser("render", help="draw the chart images from the body model")
    r.add_argument("--data", type=Path, default=DATA_DIR)
    r.add_argument("--out", type=Path, default=ASSETS_DIR)
    pv = sub.add_parser("preview", help="draw a view with every point that can be placed, labelled (works on unfinished data)")
    pv.add_argument("view")
    pv.add_argument("--data", type=Path, default=DATA_DIR)
    pv.add_argument("--out", type=Path, default=Path("preview.png"))
    f = sub.add_parser("font", help="make the printouts' font subset from the full Noto Sans CJK (fonts-noto-cjk)")
    f.add_argument("--from", dest="source", type=Path, required=True, help="NotoSansCJK-Regular.ttc or .otf")
    f.add_argument("--bold", type=Path, help="NotoSansCJK-Bold.ttc (default: beside --from)")
    args = parser.parse_args(argv)
    if args.command == "font":
        from meridians.printouts.fonts import BOLD, REGULAR, WEB, characters, make_subset, make_web_font

        bold = args.bold or args.source.with_name(args.source.name.replace("Regular", "Bold"))
        for source, out in ((args.source, REGULAR), (bold, BOLD)):
            print(f"wrote {make_subset(source, out, characters())} from {source}")
        print(f"wrote {make_web_font(REGULAR, WEB)} from {REGULAR}")
        return 0

    built = build_partial(getattr(args, "data_dir", None) or args.data, lenient=args.command in ("preview", "render"))
    if args.command == "preview":
        for p in built.problems:
            print(p, file=sys.stderr)
        if args.view not in built.views:
            print(f"unknown view '{args.view}' (views: {', '.join(built.views)})", file=sys.stderr)
            return 1
        colours = {code: built.meridians[p.meridian].colour for code, p in built.points.items()
                   if p.meridian in built.meridians}
        labels = {code: f"{code} {p.hanzi}" for code, p in built.points.items()}
        draw_preview(built.views[args.view], [p for p in built.positions if p.view == args.view], colours,
                     labels).save(args.out)
        print(f"wrote {args.out}")
        return 0
    if args.command == "render" and built.views and not any(p.file.startswith("body/") for p in built.problems):
        for path in render_all(built.views.values(), args.out):
            print(f"wrote {path}")
        return 0
    if built.problems:
        for p in built.problems:
            print(p, file=sys.stderr if args.command != "validate" else sys.stdout)
        return 1
    atlas = built.atlas
    if args.command == "validate":
        print(f"ok: {len(atlas.points)} points, {len(atlas.positions)} positions in {len(atlas.views)} views")
    else:
        sys.stdout.write(to_json(atlas) if args.format == "json" else to_csv(atlas))
    return 0


if __name__ == "__main__":
    sys.exit(main())
