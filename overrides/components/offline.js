// Offline (issue 15): registers the service worker the build writes at the site's root (sw.js; how it behaves is
// in hooks/ro_offline.py), which keeps a copy of the guide's pages in this browser after the first visit. When a
// newer build's worker has stored the new copy and taken over, this says so, politely (role=status, in
// Material's dialog box), with a Reload button; the first install says nothing. Joined right after core.js, for
// every page. Runs once even if loaded twice; no worker (file://, an old browser, `mkdocs serve`, whose pages name
// none in data-ro-sw) is no error. Reads no storage: saved progress is never touched.
(() => {
  "use strict";
  const R = window.ReachingOut, src = document.currentScript?.getAttribute("data-ro-sw");
  if (!src || R.offline) return; // (from file:// register() fails, quietly)
  R.offline = 1;
  try {
    const sw = navigator.serviceWorker; // reading it throws in a sandboxed frame
    let had = sw.controller; // none on the first visit: the first worker's taking over is no news
    const box = R.make("div", { class: "md-dialog md-dialog__inner md-typeset", role: "status" });
    document.body.append(box); // empty until there is news, so that the news is announced
    sw.oncontrollerchange = () => {
      if (had) {
        const button = R.make("button", { class: "ro-button" }, [R.words(R.SCRIPT, "Reload")]);
        button.onclick = () => location.reload();
        box.replaceChildren(R.words(R.SCRIPT, "Updated"), button);
        box.classList.add("md-dialog--active");
      }
      had = 1;
    };
    // register() alone does not look for a new sw.js when one is installed: update() does (offline, it fails).
    // When sw.js is gone (404) or moved (a redirect: a new domain), the copy retires, or it would be served forever.
    // After the page has loaded (ro.js is deferred: it always runs before): the first visit's copy of the whole
    // guide then downloads after the page the reader opened, not against it.
    addEventListener("load", () => sw.register(src).then((reg) => reg.update().catch(() => fetch(src).then((r) =>
      (r.status == 404 || r.redirected) && reg.unregister()))).catch(() => {}));
  } catch (e) { /* no worker: the guide works online as before */ }
})();
