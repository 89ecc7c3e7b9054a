"""The study library as BibTeX, RIS and CSV, for reference managers and spreadsheets; each study with the
condition it studied (its name, from `conditions`: the atlas's)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from meridians.model import CERTAINTY_LABELS, DESIGN_LABELS, Condition, Study

CSV_FIELDS = ("id", "authors", "year", "title", "journal", "volume", "issue", "pages", "doi", "pmid", "pmcid",
              "cochrane_id", "design", "condition", "n", "follow_up", "certainty", "points", "summary")


def _bib_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "{}&%$#_" else ch for ch in text)


def _condition(s: Study, conditions: Mapping[str, Condition]) -> str | None:
    return conditions[s.condition].name if s.condition else None


def bibtex(studies: Iterable[Study], conditions: Mapping[str, Condition]) -> str:
    entries = []
    for s in studies:
        kind = "misc" if s.design == "guideline" else "article"
        fields = {"author": " and ".join(s.author_list), "title": s.title, "journal": s.journal, "year": str(s.year),
                  "volume": s.volume, "number": s.issue, "pages": s.pages and s.pages.replace("-", "--"),
                  "doi": s.doi, "pmid": s.pmid, "keywords": _condition(s, conditions), "note": f"{DESIGN_LABELS[s.design]}; {CERTAINTY_LABELS[s.certainty]}"}
        body = ",\n".join(f"  {k} = {{{_bib_escape(v) if k != 'pages' else v}}}" for k, v in fields.items() if v)
        entries.append(f"@{kind}{{{s.id},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def ris(studies: Iterable[Study], conditions: Mapping[str, Condition]) -> str:
    lines = []
    for s in studies:
        lines.append("TY  - " + ("GEN" if s.design == "guideline" else "JOUR"))
        lines += [f"AU  - {a}" for a in s.author_list]
        lines += [f"TI  - {s.title}", f"JO  - {s.journal}", f"PY  - {s.year}"]
        if s.volume:
            lines.append(f"VL  - {s.volume}")
        if s.issue:
            lines.append(f"IS  - {s.issue}")
        if s.pages:
            first, _, last = s.pages.partition("-")
            lines.append(f"SP  - {first}")
            if last:
                lines.append(f"EP  - {last}")
        if s.doi:
            lines.append(f"DO  - {s.doi}")
        if s.pmid:
            lines.append(f"AN  - PMID:{s.pmid}")
        if s.condition:
            lines.append(f"KW  - {_condition(s, conditions)}")
        lines += [f"N1  - {DESIGN_LABELS[s.design]}; {CERTAINTY_LABELS[s.certainty]}", f"ID  - {s.id}", "ER  - ", ""]
    return "\n".join(lines)


def table(studies: Iterable[Study], conditions: Mapping[str, Condition]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for s in studies:
        row = {f: getattr(s, f) for f in CSV_FIELDS if f not in ("points", "condition")}
        writer.writerow({**row, "condition": _condition(s, conditions), "points": ";".join(s.points)})
    return buf.getvalue()
