"""The routine sheet a physiotherapist hands out: a PDF with real, selectable text, made with fpdf2.

Pure: atlas and choices in, bytes out. fpdf2 wraps the text and flows a long routine onto more pages; each
point's block is kept whole on one page.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import segno
from fpdf import FPDF

from meridians.card import card_data
from meridians.model import Atlas
from meridians.printouts.charts import clearest_views, numbered_chart
from meridians.printouts.fonts import BOLD, REGULAR
from meridians.routine import press_plan
from meridians.safety import EVERY_POINT, NOT_ADVICE, PRESSURE_LIMIT

PAPERS = {"A4": "A4", "Letter": "Letter"}
SOURCES = ("Meridian Chart Explorer. Point locations after the WHO Standard Acupuncture Point Locations (2008); "
           "data CC BY 4.0.")
TITLE = "My acupressure routine"
EMPTY = "This routine has no points yet: add points from a point's card in the app, then print it again."
GREY = (90, 90, 90)
CHART_H = 70  # mm


class _Sheet(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Noto", size=7)
        self.set_text_color(*GREY)
        self.cell(0, 4, f"{SOURCES}  Page {self.page_no()}/{{nb}}", align="C")


def qr_png(link: str) -> bytes:
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def routine_pdf(atlas: Atlas, routine: tuple[str, ...], minutes: int, today: date, link: str,
                paper: str = "A4") -> bytes:
    """The routine: charts with its points numbered, the link to it as a QR code and text, then each point's
    block (its names, how to find and press it, its cautions and pregnancy note), the red flags and sources."""
    pdf = _Sheet(format=PAPERS[paper])
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("Noto", "", str(REGULAR))
    pdf.add_font("Noto", "B", str(BOLD))
    codes = ",".join(routine)
    pdf.set_title(TITLE)
    pdf.set_subject(f"Acupressure routine: {codes}")
    pdf.set_keywords(f"{codes} acupressure routine")
    pdf.set_author("Meridian Chart Explorer")
    pdf.set_creator("Meridian Chart Explorer")
    pdf.set_creation_date(datetime(today.year, today.month, today.day, tzinfo=UTC))
    pdf.add_page()
    width = pdf.epw

    pdf.image(io.BytesIO(qr_png(link)), x=pdf.l_margin + width - 30, y=pdf.t_margin, w=30, h=30)
    pdf.set_font("Noto", "B", 18)
    pdf.multi_cell(width - 34, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Noto", size=10)
    plan = (f"{len(routine)} point{'s' * (len(routine) != 1)}, in this order. Press each for {minutes} "
            f"minute{'s' * (minutes != 1)} a side with steady, comfortable pressure; both sides for paired points. "
            f"{PRESSURE_LIMIT} {EVERY_POINT}") if routine else EMPTY
    pdf.multi_cell(width - 34, 5, plan, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*GREY)
    pdf.multi_cell(width - 34, 4.5, f"Printed {today.isoformat()}. Scan the code or open this link for the same "
                   f"routine in the app: {link}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(max(pdf.get_y(), pdf.t_margin + 32))

    x, row_top = pdf.l_margin, pdf.get_y()
    for view in clearest_views(atlas, routine):  # charts of one height, side by side, in rows
        chart = numbered_chart(atlas, view, routine)[0]
        w = min(CHART_H * chart.width / chart.height, width)
        if x + w > pdf.l_margin + width + 0.01:
            x, row_top = pdf.l_margin, row_top + CHART_H + 8
        if row_top + CHART_H + 8 > pdf.page_break_trigger:
            pdf.add_page()
            row_top = pdf.get_y()
        pdf.image(chart, x=x, y=row_top, w=w, h=w * chart.height / chart.width)
        pdf.set_xy(x, row_top + CHART_H + 0.5)
        pdf.set_font("Noto", size=8)
        pdf.cell(w, 4, atlas.views[view].title, align="C")
        x += w + 4
    pdf.set_xy(pdf.l_margin, row_top + CHART_H + 9)

    for i, code in enumerate(routine, 1):
        card = card_data(atlas, code)
        seconds, sides = press_plan(atlas.points[code], minutes)
        with pdf.unbreakable() as doc:
            doc.set_font("Noto", "B", 11)
            doc.multi_cell(width, 6, f"{i}. {code} · {card['pinyin']} · {card['hanzi']} · {card['english']}",
                           align="L", new_x="LMARGIN", new_y="NEXT")
            paragraphs = [("Find", card["how_to_find"]),
                          ("Press", f"{card['how_to_press']} {seconds // 60} minute{'s' * (seconds != 60)}: "
                                    f"{' then '.join(sides).lower()}."),
                          ("Cautions", card["cautions"])]
            if card["pregnancy"]:
                paragraphs.append(("Pregnancy", f"Traditionally avoided in pregnancy. {card['pregnancy']['note']}"))
            for label, text in paragraphs:
                doc.set_font("Noto", "B", 9.5)  # a run-in label, the text flowing on from it to the margins
                doc.write(4.8, f"{label}: ")
                doc.set_font("Noto", size=9.5)
                doc.write(4.8, text)
                doc.ln(5.4)
            doc.ln(3)

    groups = atlas.safety.red_flags  # every group of data/safety.yaml, most urgent first, one line a flag
    cited = dict.fromkeys(s for group in groups for flag in group.flags for s in flag.sources)
    for n, group in enumerate(groups, 1):
        with pdf.unbreakable() as doc:
            doc.set_font("Noto", "B", 9.5)
            doc.multi_cell(width, 5, group.heading, align="L", new_x="LMARGIN", new_y="NEXT")
            doc.set_font("Noto", size=8.5)
            for flag in group.flags:
                doc.cell(4, 4.2, "•")
                doc.multi_cell(width - 4, 4.2, flag.text, align="L", new_x="LMARGIN", new_y="NEXT")
            doc.ln(1.5)
            if n == len(groups):  # the sources stay with the flags they stand for
                doc.set_text_color(*GREY)
                doc.multi_cell(width, 4.2, "Sources: " + "; ".join(atlas.safety.sources[s].citation for s in cited)
                               + f". {NOT_ADVICE}", align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
