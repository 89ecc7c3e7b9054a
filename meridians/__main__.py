"""Command line: `python -m meridians validate|export|render`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .export import to_csv, to_json
from .loading import DATA_DIR, check
from .render import ASSETS_DIR, render_all


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
    args = parser.parse_args(argv)

    atlas, problems = check(getattr(args, "data_dir", None) or args.data)
    if problems:
        for p in problems:
            print(p, file=sys.stderr if args.command != "validate" else sys.stdout)
        return 1
    if args.command == "validate":
        print(f"ok: {len(atlas.points)} points, {len(atlas.positions)} positions in {len(atlas.views)} views")
    elif args.command == "export":
        sys.stdout.write(to_json(atlas) if args.format == "json" else to_csv(atlas))
    else:
        for path in render_all(atlas, args.out):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
