// After a person chooses a point (a tap on the chart, the finder, a search), its card must be in sight:
// on a phone the card sits under the chart. When the card's heading (id "card") changes after a touch, a
// click or a key, and it is out of sight, scroll it into view; and close the sidebar where it covers the
// page. A link opened cold is left where it starts (the chart, with the point ringed). Installed once per page.
(function () {
  if (window.__meridianCardFollows) return;
  window.__meridianCardFollows = true;
  var last, armed = false, queued = false;
  ["pointerdown", "touchstart", "keydown"].forEach(function (type) {
    document.addEventListener(type, function () { armed = true; }, {capture: true, passive: true});
  });
  function follow(heading) {
    var sidebar = document.querySelector("[data-testid='stSidebar']");
    var close = sidebar && sidebar.querySelector("button[aria-controls='stSidebar'][aria-expanded='true']");
    if (close && sidebar.getBoundingClientRect().width >= window.innerWidth * 0.6) close.click();
    var box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) heading.scrollIntoView({block: "start"});
  }
  function check() {
    queued = false;
    var heading = document.getElementById("card");
    var text = heading ? heading.textContent : "";
    if (last === undefined || text === last) { last = text; return; }
    last = text;
    if (heading && armed) { armed = false; follow(heading); }
  }
  new MutationObserver(function () {
    if (!queued) { queued = true; requestAnimationFrame(check); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
})();
