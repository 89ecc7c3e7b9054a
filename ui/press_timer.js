// The press timer of the Routine page: counts down each side in the browser, so the server is not
// asked every second. Reads only numbers and fixed side names from its element's data attributes.
(function () {
  function clock(s) { return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); }
  document.querySelectorAll(".press-timer:not([data-ready])").forEach(function (box) {
    box.dataset.ready = "1";
    var seconds = parseInt(box.dataset.seconds, 10);
    var sides = JSON.parse(box.dataset.sides);
    var side = 0, left = seconds, ticking = null;
    var label = box.querySelector(".press-timer-side"), face = box.querySelector(".press-timer-clock");
    var start = box.querySelector(".press-timer-start"), reset = box.querySelector(".press-timer-reset");
    function show() {
      label.textContent = side < sides.length ? sides[side] : "Done: go on to the next point";
      face.textContent = clock(left);
      start.textContent = ticking ? "Pause" : "Start";
    }
    function tick() {
      if (!box.isConnected) { clearInterval(ticking); return; }
      left -= 1;
      if (left <= 0) {
        side += 1;
        left = side < sides.length ? seconds : 0;
        if (side >= sides.length) { clearInterval(ticking); ticking = null; }
      }
      show();
    }
    start.addEventListener("click", function () {
      if (ticking) { clearInterval(ticking); ticking = null; }
      else if (side < sides.length) { ticking = setInterval(tick, 1000); }
      show();
    });
    reset.addEventListener("click", function () {
      clearInterval(ticking); ticking = null; side = 0; left = seconds; show();
    });
    show();
  });
})();
