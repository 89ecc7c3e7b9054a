"""The notebook in notebooks/ runs top to bottom in a real Jupyter kernel, so it never rots."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from meridians.draw.chart import chart
from meridians.query import matching
from meridians.research import evidence_map

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


def test_the_notebook_runs_and_shows_the_chart_the_card_and_the_widget(atlas):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Run where Jupyter runs it: in the notebook's own folder.
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = {kind for o in outputs for kind in o.get("data", {})}
    assert {"application/vnd.plotly.v1+json", "application/vnd.jupyter.widget-view+json", "image/png"} <= kinds
    text = "\n".join(str(o.get("data", {}).get("text/plain", o.get("text", ""))) for o in outputs)
    assert "['BL23', 'GV3']" in text  # the filter's result
    assert "Cherkin DC 2009" in text  # the card's studies
    assert "('BL23', 'BL40', 'KI3', 'GV3')" in text  # a trial's routine
    flat = " ".join(text.split())  # as IPython prints a long list, over several lines
    assert "('Sickness after surgery', 'Low certainty, as Lee A 2015 rates it', ['Lee A 2015'])" in flat  # PC6's research
    maps = [o["data"]["application/vnd.plotly.v1+json"] for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert any(trace.get("customdata") == [[c] for c in (e.condition.id for e in evidence_map(atlas))]
               for fig in maps for trace in fig["data"])  # the evidence map, a bubble per condition
    # The notebook's chart is the app's chart for the same view, filters and selection.
    shown = next(o for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {}))
    traces = shown["data"]["application/vnd.plotly.v1+json"]["data"]
    app = chart(atlas, "lower_back", "app/static/lower_back.png", shown=matching(atlas, region="lower_back", evidence="low_back_pain"),
                selected="BL23").to_plotly_json()["data"]
    assert [(t.get("name"), list(t["x"]), t.get("marker", {}).get("opacity")) for t in traces] == [
        (t.get("name"), list(t["x"]), t.get("marker", {}).get("opacity")) for t in app]
