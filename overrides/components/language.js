// The language switch (overrides/partials/alternate.html) links to the same page in the other language; this
// takes the reader's section (#anchor) along, and a plan's or summary's #…, which both languages read alike.
// Capturing, so it runs before Material's own handler of the click. Joined after offline.js, for every page.
addEventListener("click", (e) => {
  const a = e.target.closest?.("a[hreflang]");
  if (a) a.hash = location.hash;
}, true);
