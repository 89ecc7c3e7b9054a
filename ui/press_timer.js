// The press timer of the Routine page: counts down each side in the browser, so the server is not asked
// every second. Made to be used with the eyes closed: a tone and a vibration (where the device has one)
// when it is time to change side, a longer pair at the end, and, when the page's "go on by itself" is on,
// the next point opens and its timer starts by itself. Reads only numbers, fixed side names and a flag
// from its element's data attributes. Installed with each timer; each timer is set up once.
(function () {
  function clock(s) { return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); }

  // One audio context for the page, made on the first Start (browsers allow sound after a person's action).
  function audio() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!window.__meridianAudio && Ctx) window.__meridianAudio = new Ctx();
    return window.__meridianAudio || null;
  }
  function signal(times, length) {
    var ctx = audio();
    if (ctx) {
      if (ctx.state === "suspended" && ctx.resume) ctx.resume();
      for (var i = 0; i < times; i++) {
        var tone = ctx.createOscillator(), gain = ctx.createGain(), at = ctx.currentTime + i * (length + 0.15);
        tone.frequency.value = 660;
        gain.gain.setValueAtTime(0.25, at);
        gain.gain.setValueAtTime(0, at + length);
        tone.connect(gain); gain.connect(ctx.destination);
        tone.start(at); tone.stop(at + length);
      }
    }
    if (navigator.vibrate) {
      var pattern = [];
      for (var j = 0; j < times; j++) pattern.push(length * 1000, 150);
      navigator.vibrate(pattern);
    }
  }

  document.querySelectorAll(".press-timer:not([data-ready])").forEach(function (box) {
    box.dataset.ready = "1";
    var seconds = parseInt(box.dataset.seconds, 10);
    var sides = JSON.parse(box.dataset.sides);
    var onward = box.dataset.onward === "1";
    var side = 0, left = seconds, ticking = null, ends = 0;  // the count goes by the clock: a phone slows timers
    var label = box.querySelector(".press-timer-side"), face = box.querySelector(".press-timer-clock");
    var start = box.querySelector(".press-timer-start"), reset = box.querySelector(".press-timer-reset");
    function show() {
      var done = side >= sides.length;
      label.textContent = done ? (onward ? "Done: on to the next point" : "Done: go on to the next point") : sides[side];
      face.textContent = clock(left);
      start.textContent = ticking ? "Pause" : "Start";
    }
    function finished() {
      clearInterval(ticking); ticking = null;
      signal(2, 0.6);
      var next = document.querySelector(".st-key-next_point button");
      if (onward && next) setTimeout(function () { next.click(); }, 1500);
    }
    function tick() {
      if (!box.isConnected) { clearInterval(ticking); return; }
      left = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      if (left <= 0) {
        side += 1;
        left = side < sides.length ? seconds : 0;
        ends = Date.now() + left * 1000;
        if (side < sides.length) signal(1, 0.3); else finished();
      }
      show();
    }
    function go() { audio(); ends = Date.now() + left * 1000; ticking = setInterval(tick, 250); }
    start.addEventListener("click", function () {
      if (ticking) { clearInterval(ticking); ticking = null; }
      else if (side < sides.length) { go(); }
      show();
    });
    reset.addEventListener("click", function () {
      clearInterval(ticking); ticking = null; side = 0; left = seconds; show();
    });
    if (box.dataset.autostart === "1") go();
    show();
  });
})();
