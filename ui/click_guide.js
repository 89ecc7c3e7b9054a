// A click on the body chart shows what a link to the point shows: both sides ringed and the guide from its
// landmark. plotly rings only the marker clicked, and the server does not send the chart again after a click
// (docs/architecture.md, "The click"). So the browser draws the rest over the chart, in an SVG of its own
// (not through plotly, whose redraw of the figure made every click several times dearer), from the ring
// trace's customdata ([code, landmark x, y, label, label x, y, xanchor]) in the look its meta gives
// (meridians/draw/guides.py). A new figure from the server (its meta changes) takes the drawing away.
// Installed once per page; it watches nothing until a pointer goes down on a chart.
(function () {
  if (window.__meridianClickGuide) return;
  window.__meridianClickGuide = true;
  var NS = "http://www.w3.org/2000/svg";

  function ringTrace(gd) {
    for (var i = (gd.data || []).length - 1; i >= 0; i--) {
      if (gd.data[i].name === "Selected" && gd.data[i].meta && gd.data[i].meta.guide) return i;
    }
    return -1;
  }

  function element(parent, name, attributes) {
    var el = document.createElementNS(NS, name);
    Object.keys(attributes).forEach(function (k) { el.setAttribute(k, attributes[k]); });
    parent.appendChild(el);
    return el;
  }

  function layer(gd) {
    var svg = gd.querySelector("svg.meridian-guide");
    if (!svg) {
      var container = gd.querySelector(".svg-container");
      if (!container) return null;
      svg = element(container, "svg", {"class": "meridian-guide", "aria-hidden": "true"});
      svg.style.cssText = "position:absolute;left:0;top:0;pointer-events:none;overflow:visible";
    }
    svg.setAttribute("width", gd._fullLayout.width);
    svg.setAttribute("height", gd._fullLayout.height);
    svg.textContent = "";
    return svg;
  }

  function draw(gd) {
    var state = gd.__meridianGuide, r = ringTrace(gd);
    var drawn = [state.code, state.index, state.meta, gd._fullLayout.width, gd._fullLayout.height].join("|");
    if (drawn === gd.__meridianDrawn && gd.querySelector("svg.meridian-guide")) return;  // the same again: it holds
    gd.__meridianDrawn = drawn;
    var svg = layer(gd);
    if (!svg || r < 0 || !state.code) return;
    var ring = gd.data[r], look = ring.meta.guide, rim = ring.meta.ring;
    var xa = gd._fullLayout.xaxis2, ya = gd._fullLayout.yaxis2;
    var X = function (v) { return xa._offset + xa.l2p(v); }, Y = function (v) { return ya._offset + ya.l2p(v); };
    var labelled = false;
    ring.customdata.forEach(function (d, i) {
      if (d[0] !== state.code) return;
      var x = X(ring.x[i]), y = Y(ring.y[i]);
      if (i !== state.index) {  // plotly rings the clicked one
        element(svg, "circle", {cx: x, cy: y, r: rim.size / 2 - rim.width / 2, fill: "none", stroke: rim.color,
                                "stroke-width": rim.width, "class": "meridian-ring"});
      }
      if (d.length < 7) return;
      element(svg, "line", {x1: X(d[1]), y1: Y(d[2]), x2: x, y2: y, stroke: look.line.color,
                            "stroke-width": look.line.width, "stroke-dasharray": "2 3", "class": "meridian-guide-line"});
      element(svg, "circle", {cx: X(d[1]), cy: Y(d[2]), r: look.dot.radius * Math.abs(xa._m), fill: look.dot.color});
      if (labelled) return;
      labelled = true;
      var box = element(svg, "rect", {fill: look.label.bgcolor, stroke: look.label.bordercolor,
                                      "stroke-width": look.label.borderwidth});
      var text = element(svg, "text", {x: X(d[4]), y: Y(d[5]), "dominant-baseline": "central",
                                       "text-anchor": {left: "start", center: "middle", right: "end"}[d[6]],
                                       fill: look.label.font.color, "font-size": look.label.font.size,
                                       "font-family": "sans-serif", "class": "meridian-guide-label"});
      text.textContent = d[3];
      var b = text.getBBox(), pad = look.label.borderpad + 1;
      box.setAttribute("x", b.x - pad); box.setAttribute("y", b.y - pad);
      box.setAttribute("width", b.width + 2 * pad); box.setAttribute("height", b.height + 2 * pad);
    });
  }

  // Drawn at the next frame, not in plotly's click handler: the rerun request leaves first, and the browser
  // lays the page out once (the label's getBBox would otherwise force a layout before the request is sent).
  function later(gd) {
    if (gd.__meridianQueued) return;
    gd.__meridianQueued = true;
    requestAnimationFrame(function () { gd.__meridianQueued = false; draw(gd); });
  }

  function attach(gd) {
    if (gd.__meridianGuide || !gd.on || ringTrace(gd) < 0) return;
    gd.__meridianGuide = {code: null, index: -1, meta: gd.layout && gd.layout.meta};
    gd.__meridianDrawn = "";
    gd.on("plotly_click", function (event) {
      var r = ringTrace(gd);
      var point = ((event && event.points) || []).filter(function (p) { return p.curveNumber === r; })[0];
      if (!point) return;
      gd.__meridianGuide = {code: gd.data[r].customdata[point.pointIndex][0], index: point.pointIndex,
                            meta: gd.layout.meta};
      later(gd);
    });
    gd.on("plotly_deselect", function () { gd.__meridianGuide.code = null; later(gd); });
    gd.on("plotly_afterplot", function () {  // a resize redraws it; a new figure takes it away
      if (gd.layout.meta !== gd.__meridianGuide.meta) gd.__meridianGuide = {code: null, index: -1, meta: gd.layout.meta};
      later(gd);
    });
  }

  // A chart is made ready when a pointer goes down on it, before plotly's click: nothing watches the page.
  document.addEventListener("pointerdown", function (event) {
    var gd = event.target && event.target.closest && event.target.closest(".js-plotly-plot");
    if (gd) attach(gd);
  }, {capture: true, passive: true});
})();
