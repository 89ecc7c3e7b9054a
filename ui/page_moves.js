// Moving between pages, on every page (ui/frame.py, page_frame); installed once per page load.
//
// One action, one entry in the browser's history. Streamlit adds an entry at each change of the link, and two
// for one move between pages: the new page's address and the link the page then writes, in either order, so
// the first is a screen nobody saw (the chart with an empty link, say), and Back showed it. Here a change of
// the link that no touch, click or key came before replaces the current entry instead of adding one.
//
// On a phone the sidebar covers the page: after a choice in its menu it closes, as after a point is chosen
// (card_follows.js calls window.meridianCloseSidebar too).
(function () {
  if (window.meridianCloseSidebar) return;
  window.meridianCloseSidebar = function () {
    var sidebar = document.querySelector("[data-testid='stSidebar']");
    var close = sidebar && sidebar.querySelector("button[aria-controls='stSidebar'][aria-expanded='true']");
    if (close && sidebar.getBoundingClientRect().width >= window.innerWidth * 0.6) close.click();
  };
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-testid='stSidebarNav'] a")) {
      setTimeout(window.meridianCloseSidebar, 0);  // after the menu has taken the click
    }
  });

  var acted = false;  // a person's touch, click or key since the history last changed
  ["pointerdown", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () { acted = true; }, true);
  });
  window.addEventListener("popstate", function () { acted = false; });
  var push = history.pushState.bind(history), replace = history.replaceState.bind(history);
  history.pushState = function (state, title, url) {
    var add = acted;
    acted = false;
    return add ? push(state, title, url) : replace(state, title, url);
  };
})();
