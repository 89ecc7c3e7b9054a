// plotly.js works out which point a click selected from its last hover, and a tap on a touch
// screen brings no hover first, so a tap used to select the previously tapped point. Give plotly
// a hover at the tap's position before the tap's click arrives. Installed once per page.
(function () {
  if (window.__meridianTapHover) return;
  window.__meridianTapHover = true;
  document.addEventListener("touchstart", function (event) {
    var touch = event.touches && event.touches[0];
    if (!touch) return;
    var target = document.elementFromPoint(touch.clientX, touch.clientY);
    if (!target || !target.closest || !target.closest(".js-plotly-plot")) return;
    target.dispatchEvent(new MouseEvent("mousemove", {
      clientX: touch.clientX, clientY: touch.clientY, bubbles: true, cancelable: true, view: window
    }));
  }, {capture: true, passive: true});
})();
