// After a person chooses a point (a tap on the chart, the finder, a search), its card must be in sight:
// on a phone the card sits under the chart. When the card's heading (id "card") changes after a touch, a
// click or a key, and it is out of sight, scroll it into view; and close the sidebar where it covers the
// page. After a key, the focus goes to the card's heading. A link opened cold is left where it starts (the
// chart, with the point ringed). Installed once per page. It looks at the heading once a frame for a while
// after each touch, click or key, and not at all otherwise: a watch on every change to the page made each
// click's redrawing dearer (bench/README.md).
(function () {
  if (window.__meridianCardFollows) return;
  window.__meridianCardFollows = true;
  var WATCH_MS = 30000;  // a rerun on a slow phone takes seconds
  var last = null, until = 0, byKey = false;
  function text() {
    var heading = document.getElementById("card");
    return heading ? heading.textContent : "";
  }
  function follow(heading) {
    if (window.meridianCloseSidebar) window.meridianCloseSidebar();  // where it covers the page (page_moves.js)
    var box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) heading.scrollIntoView({block: "start"});
    if (byKey) {  // a point chosen with the keyboard: the card is where the keyboard goes next
      heading.setAttribute("tabindex", "-1");
      heading.focus({preventScroll: true});
    }
  }
  function look() {
    var now = text();
    if (now !== last) {
      last = null;
      var heading = document.getElementById("card");
      if (heading) follow(heading);
      return;
    }
    if (performance.now() < until) requestAnimationFrame(look);
    else last = null;
  }
  ["pointerdown", "touchstart", "keydown"].forEach(function (type) {
    document.addEventListener(type, function () {
      byKey = type === "keydown";
      until = performance.now() + WATCH_MS;
      if (last === null) {  // not watching yet: the heading as it is before the action's rerun
        last = text();
        requestAnimationFrame(look);
      }
    }, {capture: true, passive: true});
  });
})();
