"""The point card: where it is, how to press it, what might explain an effect, what was tested."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from meridians.card import CUN, in_general, location_line, sham_lines, uses_cun
from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.model import CERTAINTY_LABELS, DESIGN_LABELS, MECHANISM_KINDS, Atlas, Study
from meridians.research import NO_TRIALS, at_point
from meridians.safety import EVERY_POINT, NOT_ON_PREGNANCY_LISTS, PRESSURE_LIMIT

from .text import as_html, badge, badge_html, escape_markdown, icon_html

CARD_ANCHOR = "card"  # card_follows.js brings the heading of this id into sight
CHART_ANCHOR = "chart"
KIND_COLOURS = {"physiological_hypothesis": "blue", "nonspecific_effect": "violet", "traditional_belief": "gray"}


def certainty_badge(certainty: str) -> str:
    return badge(CERTAINTY_LABELS[certainty], CERTAINTY_COLOURS[certainty].name)


def identifiers(study: Study) -> str:
    """Links built only from validated identifiers, never from free text."""
    links = []
    if study.doi:
        links.append(f"[DOI {escape_markdown(study.doi)}](https://doi.org/{study.doi})")
    if study.pmid:
        links.append(f"[PubMed {study.pmid}](https://pubmed.ncbi.nlm.nih.gov/{study.pmid}/)")
    if study.pmcid:
        links.append(f"[{study.pmcid}](https://pmc.ncbi.nlm.nih.gov/articles/{study.pmcid}/)")
    if study.cochrane_id:
        links.append(f"Cochrane {study.cochrane_id}")
    return " · ".join(links)


def study_entry(study: Study) -> None:
    """The full entry of one study, as two elements (one Markdown, one caption): fewer elements to send and draw."""
    rows = [
        ("Who took part", study.population + (f" ({study.sample})" if study.sample else "")),
        ("Treatment", study.intervention),
        ("Compared with", study.comparison),
        ("Measured", study.outcome),
        ("Result", study.effect),
        ("How long it lasted", study.follow_up),
        ("How sure", study.certainty_note),
    ]
    if study.points_note:
        rows.append(("Points", study.points_note))
    st.markdown("\n\n".join([
        f"{badge(DESIGN_LABELS[study.design], 'primary')} {certainty_badge(study.certainty)}",
        escape_markdown(study.summary),
        *(f"**{name}**  \n{escape_markdown(value)}" for name, value in rows),
    ]))
    ids = identifiers(study)
    st.caption(escape_markdown(study.citation) + (f"  \n{ids}" if ids else ""))


def lazy_expander(label: str, key: str | None):
    """An expander; with a key, its content is sent only once it is opened (`drawn` is then whether to write it):
    on the card, which the browser draws again at every click, a closed box then costs it nothing inside."""
    box = st.expander(label, key=key, on_change="rerun" if key else "ignore")
    return box, key is None or bool(box.open)


def study_expander(study: Study, key: str | None = None) -> None:
    """A study in a box of its own: how sure and how long it lasted, then its first author, year and title,
    whose opening shows the full entry (written only when opened, with a key: see `lazy_expander`)."""
    with st.container(border=True):
        st.markdown(f"{certainty_badge(study.certainty)} Lasted: {escape_markdown(study.follow_up)}")
        box, drawn = lazy_expander(escape_markdown(f"{study.short}: {study.title}"), key)
        with box:
            if drawn:
                study_entry(study)


def certainty_badge_html(certainty: str) -> str:
    return badge_html(CERTAINTY_LABELS[certainty], CERTAINTY_COLOURS[certainty].name)


def _p(text: str, style: str = "") -> str:
    """A paragraph of the card's HTML: `text` is HTML already (escaped data and our own tags)."""
    return f'<p class="{style}">{text}</p>' if style else f"<p>{text}</p>"


def _h(title: str) -> str:
    return f"<h4>{as_html(title)}</h4>"


def show(atlas: Atlas, code: str, guides: tuple[str, ...], actions: Callable[[], None] = lambda: None) -> None:
    """The card of a point: its heading, the pregnancy caution, then its text as one HTML block (and, on the points
    trials used, each condition's verdict with its studies). Every element is drawn again by the browser after each
    click, and an HTML block costs it far less than Markdown (docs/architecture.md, "The click")."""
    point = atlas.points[code]
    meridian = atlas.meridians[point.meridian]
    hanzi = point.hanzi + (f" ({point.hanzi_simplified})" if point.hanzi_simplified and point.hanzi_simplified != point.hanzi else "")
    st.subheader(escape_markdown(f"{point.code} · {point.pinyin} · {hanzi} · {point.english}"), anchor=CARD_ANCHOR)
    # Shown on narrow screens only, where the card is under the chart (ui/page.css).
    st.html(f'<p class="meridian-back"><a href="#{CHART_ANCHOR}">{icon_html("arrow_upward")} Back to the chart</a></p>')
    actions()  # what the page offers with the card, in sight with its heading
    if point.pregnancy:
        st.warning(
            "**Traditionally avoided in pregnancy.** " + escape_markdown(point.pregnancy.note)
            + "  \n:small[Source: " + escape_markdown(point.pregnancy.source) + "]",
            icon=":material/pregnant_woman:",
        )
    parts = [
        _p(as_html(f"{meridian.name} ({meridian.id}), {atlas.regions[point.region].name}")),
        *([] if point.pregnancy else [_p(as_html(NOT_ON_PREGNANCY_LISTS), "small")]),
        _h("Where it is"), _p(as_html(point.location)),
        _p(as_html(location_line(point)), "small gray"),
        *([_p(as_html(CUN), "small gray")] if uses_cun(point.location + point.how_to_find) else []),
        _h("How to find it"), _p(as_html(point.how_to_find)),
        *(_p(as_html("On the chart: " + guide), "small gray") for guide in guides),
    ]
    if note := atlas.regions[point.region].note:
        parts.append(_p(f'{icon_html("touch_app")} <span class="meridian-note">{as_html(note)}</span>'))
    parts += [
        _h("How to press"), _p(as_html(point.how_to_press)),
        _p(f"<strong>{as_html(PRESSURE_LIMIT)}</strong>"),
        _h("Cautions"), _p(as_html(point.cautions)),
        _p(as_html(EVERY_POINT), "small gray"),
        _h("What might explain an effect"),
    ]
    for mid in point.mechanisms:
        m = atlas.mechanisms[mid]
        parts.append(_p(f"<strong>{as_html(m.name)}</strong> {badge_html(MECHANISM_KINDS[m.kind], KIND_COLOURS[m.kind])} "
                        f"{certainty_badge_html(m.certainty)}<br>{as_html(m.verdict)}"))
    parts += [
        _h("Traditional use"),
        _p(as_html(point.traditional_use + " (Traditional Chinese medicine; not evidence that it works.)")),
        _h("What the research shows"),
    ]
    research = at_point(atlas, code)
    if not research:
        parts.append(_p(as_html(NO_TRIALS)))
    st.html(f'<div class="meridian-card">{"".join(parts)}</div>')
    for found in research:  # each condition's verdict, and its studies one click away
        e, n = found.evidence, len(found.studies)
        st.html('<div class="meridian-card">' + "".join([
            _p(f"<strong>{as_html(e.condition.name)}</strong> {certainty_badge_html(e.certainty)}<br>"
               f"{as_html(e.condition.verdict or '')}<br>"
               f'<span class="small gray">{as_html(f"{e.rated_by}; {e.size}.")}</span>'),
            *(_p(as_html(line), "small") for line in (in_general(found, code),) if line),
            *(_p(f"{icon_html('balance')} {as_html(line)}") for line in sham_lines(found)),
        ]) + "</div>")
        which = "the study" if n == 1 else f"the {n} studies"
        box, drawn = lazy_expander(escape_markdown(f"{e.condition.name}: {which} that used {code}"),
                                   f"card_studies_{code}_{e.condition.id}")
        with box:
            for study in found.studies if drawn else ():
                st.markdown(f"##### {escape_markdown(f'{study.short}: {study.title}')}")
                study_entry(study)
    others = [s for s in atlas.studies_of(code) if s.claim != "trial"]
    if others:
        st.markdown("#### Other studies that used this point")
    for study in others:
        study_expander(study, f"card_study_{code}_{study.id}")
