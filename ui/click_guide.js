// A click on the body chart shows what a link to the point shows: both sides ringed and the guide from its
// landmark. plotly rings only the marker clicked, and the server does not send the chart again after a
// click (docs/architecture.md, "The click"), so the browser draws the rest, from the ring trace's
// customdata ([code, landmark x, y, label, label x, y, xanchor]) in the look its meta gives
// (meridians/draw/guides.py). Installed once per page.
(function () {
  if (window.__meridianClickGuide) return;
  window.__meridianClickGuide = true;

  function ringTrace(gd) {
    for (var i = (gd.data || []).length - 1; i >= 0; i--) {
      if (gd.data[i].name === "Selected" && gd.data[i].meta && gd.data[i].meta.guide) return i;
    }
    return -1;
  }

  function guides(ring, indices) {
    var look = ring.meta.guide, shapes = [], annotations = [];
    indices.forEach(function (i) {
      var d = ring.customdata[i];
      if (d.length < 7) return;
      var x = ring.x[i], y = ring.y[i], r = look.dot.radius;
      shapes.push({type: "line", xref: "x2", yref: "y2", x0: d[1], y0: d[2], x1: x, y1: y, line: look.line, layer: "above"});
      shapes.push({type: "circle", xref: "x2", yref: "y2", x0: d[1] - r, y0: d[2] - r, x1: d[1] + r, y1: d[2] + r,
                   fillcolor: look.dot.color, line: {width: 0}, layer: "above"});
      if (!annotations.length) {
        annotations.push(Object.assign({}, look.label, {x: d[4], y: d[5], text: d[3], xanchor: d[6]}));
      }
    });
    return {shapes: shapes, annotations: annotations};
  }

  // Ring both sides of the point `code` and draw its guide; null clears them.
  function ringCode(gd, code) {
    var r = ringTrace(gd), Plotly = window.Plotly;
    if (r < 0 || !Plotly) return;
    var ring = gd.data[r], indices = [];
    if (code !== null) ring.customdata.forEach(function (d, i) { if (d[0] === code) indices.push(i); });
    Plotly.update(gd, {selectedpoints: [indices.length ? indices : null]}, guides(ring, indices), [r]);
  }

  // plotly selects the clicked marker first, then tells of the click with that one point (plotly_click).
  function attach(gd) {
    if (gd.__meridianGuide || !gd.on) return;
    gd.__meridianGuide = true;
    gd.on("plotly_click", function (event) {
      var r = ringTrace(gd);
      var point = ((event && event.points) || []).filter(function (p) { return p.curveNumber === r; })[0];
      if (point) ringCode(gd, gd.data[r].customdata[point.pointIndex][0]);
    });
    gd.on("plotly_deselect", function () { ringCode(gd, null); });
  }

  var queued = false;
  new MutationObserver(function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; document.querySelectorAll(".js-plotly-plot").forEach(attach); });
  }).observe(document.body, {subtree: true, childList: true});
})();
