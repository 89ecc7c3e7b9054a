"""Scripts run in the page, on the first plotly chart (the explorer's body chart, or the benchmark's floor)."""

import json

# The chart's markers as drawn: plotly's markers, or a crowded view's shapes (meridians.draw.chart.CROWDED).
MARKERS = ".js-plotly-plot .scatterlayer path.point, .js-plotly-plot .scatterlayer path.js-fill"

# The chart is laid out and has its markers.
CHART_READY_JS = """() => { const gd = document.querySelector('.js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullData && gd.querySelector(MARKERS)); }""".replace("MARKERS", json.dumps(MARKERS))

# The viewport centre of the nth marker of a code ({x, y}, or null), from plotly's own axes, optionally
# scrolled into view first. Traces are searched in drawing order: the explorer's meridian markers come before
# its "Selected" ring (a ring over every marker), which is the only trace of markers on a crowded view.
MARKER_JS = """([code, nth, scroll]) => {
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData || !gd._fullLayout) return null;
  let seen = 0;
  for (const tr of gd._fullData) {
    if (!tr.mode || !tr.mode.includes('markers') || !tr.customdata) continue;
    for (let i = 0; i < tr.customdata.length; i++) {
      if (!tr.customdata[i] || tr.customdata[i][0] !== code || seen++ !== nth) continue;
      if (scroll) {
        for (const g of gd.querySelectorAll('.scatterlayer g.trace')) {
          const cd = g.__data__;
          if (!cd || !cd[0] || cd[0].trace.index !== tr.index) continue;
          for (const p of g.querySelectorAll('path.point')) {
            if (p.__data__ && p.__data__.i === i) p.scrollIntoView({block: 'center', inline: 'center'});
          }
        }
      }
      const xa = gd._fullLayout[tr.xaxis.replace('x', 'xaxis')], ya = gd._fullLayout[tr.yaxis.replace('y', 'yaxis')];
      const rect = gd.getBoundingClientRect();
      return {x: rect.left + xa._offset + xa.l2p(tr.x[i]), y: rect.top + ya._offset + ya.l2p(tr.y[i])};
    }
  }
  return null;
}"""

# The code plotly picks for the pointer's current position (what a click there would select), or null.
HOVERED_JS = """() => { const gd = document.querySelector('.js-plotly-plot'); const hd = gd && gd._hoverdata;
  return hd && hd.length && hd[0].customdata ? hd[0].customdata[0] : null; }"""

# The chart rings the code: plotly's selection on the "Selected" trace holds it.
RINGED_JS = """code => { const gd = document.querySelector('.js-plotly-plot');
  return !!(gd && gd.data && gd.data.some(t => t.name === 'Selected' && t.customdata && Array.isArray(t.selectedpoints)
            && t.selectedpoints.some(i => t.customdata[i] && t.customdata[i][0] === code))); }"""

# Resolves after the page has drawn two more frames: what the script's last messages changed is on screen.
PAINTED_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
