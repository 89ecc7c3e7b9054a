// The Learn page's progress, kept in this browser's localStorage and nowhere else (ui/learn.py). At the first
// run of a session the page asks (data.loaded false) and this hands over what the browser holds ("" for
// nothing); at every run after it, the page's progress comes back in data.save and is kept.
const KEY = "meridian-chart-explorer.learn-progress";

export default function ({ data, setStateValue }) {
  let storage = null;
  try {
    storage = window.localStorage;
  } catch (e) {
    storage = null; // storage turned off: the progress lasts the session, and the page says so
  }
  if (!data) return;
  if (data.save && storage) {
    try {
      if (storage.getItem(KEY) !== data.save) storage.setItem(KEY, data.save);
    } catch (e) {
      // full or refused: the export still keeps the progress
    }
  }
  if (!data.loaded) {
    let stored = "";
    try {
      stored = storage ? storage.getItem(KEY) || "" : "";
    } catch (e) {
      stored = "";
    }
    setStateValue("stored", storage ? stored : null);
  }
}
