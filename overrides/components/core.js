// Reaching Out: saving and interactivity for pages that are complete without it. This is the shared core;
// each component is its own file (overrides/components/<name>.js), joined after this one into
// assets/ro/ro.js by the build (hooks/ro_assets.py). State: one versioned object in localStorage, keyed by
// the data's permanent ids. Components start once per element, on every page Material's instant
// navigation shows, each inside its own try/catch: one that throws is reported and the others keep working.
(() => {
  "use strict";
  if (window.ReachingOut) return; // loaded twice: the first copy stays in charge

  const KEY = "reaching-out";
  const SCRIPT = document.currentScript; // its tag holds the site-wide sentences (main.html)
  const VERSION = 2;
  const $ = (root, sel) => root.querySelector(sel);
  const $$ = (root, sel) => [...root.querySelectorAll(sel)];
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  // `changed`: when each item last changed (seconds since 1970), by its key in flat(); v1 had no times, and
  // an item without one is older than any that has one.
  const SECTIONS = { checklists: {}, questions: [], worksheets: {}, slots: {}, network: {}, changed: {} };
  // MIGRATIONS[n] turns version n into n + 1. v0 (unversioned) kept ticks as lists of item ids.
  const MIGRATIONS = [(s) => {
    for (const [id, ticks] of Object.entries(isObj(s.checklists) ? s.checklists : {})) {
      if (Array.isArray(ticks)) s.checklists[id] = Object.fromEntries(ticks.map((item) => [item, true]));
    }
    return s;
  }, (s) => s];

  // Every saved item by one key ("checklists the-day-before confirm" → "true"), its value as JSON: an object's
  // entries one by one; a list of things with ids (questions, people) by "#id"; any other value whole.
  const flat = (o, pre = "", out = {}) => {
    for (const [k, v] of Object.entries(o)) {
      const key = pre + k;
      // A key with a space or __proto__ in it (only a crafted file has one) would lead put() astray: left out.
      if (key === "changed" || /\s|__proto__/.test(k)) continue; // (version: a leaf the same on both sides)
      if (isObj(v)) flat(v, key + " ", out);
      else if (Array.isArray(v) && v.every((x) => isObj(x) && typeof x.id === "string" && !/\s|__proto__/.test(x.id))) {
        v.forEach((x) => { out[key + " #" + x.id] = JSON.stringify(x); });
      } else out[key] = JSON.stringify(v);
    }
    return out;
  };
  // Sets (or, with no value, removes) one item of flat() in the state.
  const put = (s, key, json) => key.split(" ").forEach((k, i, path) => {
    const list = Array.isArray(s), next = path[i + 1], at = list && s.findIndex((x) => x && "#" + x.id === k);
    if (list) k = at < 0 ? s.length : at;
    if (next) s = isObj(s[k]) || Array.isArray(s[k]) ? s[k] : s[k] = next[0] === "#" ? [] : {};
    else if (json) s[k] = JSON.parse(json);
    else list ? s.splice(k, 1) : delete s[k];
  });

  // --- Storage: every access guarded; without storage, state lives in memory ---

  let saving = (() => {
    try {
      localStorage.setItem(KEY + ":probe", "1");
      localStorage.removeItem(KEY + ":probe");
      return true;
    } catch (e) {
      return false;
    }
  })();
  let memory = null;

  // Unknown keys are kept.
  const migrate = (data) => {
    if (!isObj(data)) throw new Error("not an object");
    let version = Number.isInteger(data.version) && data.version > 0 ? data.version : 0;
    while (version < VERSION) data = MIGRATIONS[version++](data);
    data.version = version;
    for (const [key, fresh] of Object.entries(SECTIONS)) {
      if (Array.isArray(fresh) ? !Array.isArray(data[key]) : !isObj(data[key])) data[key] = Array.isArray(fresh) ? [] : {};
    }
    return data;
  };

  const read = () => {
    if (!saving) return memory || (memory = migrate({}));
    let raw;
    try {
      raw = localStorage.getItem(KEY);
    } catch (e) {
      off();
      return read();
    }
    if (raw === null) return migrate({});
    try {
      return migrate(JSON.parse(raw));
    } catch (e) {
      try {
        localStorage.setItem(KEY + ":damaged", raw);
        localStorage.removeItem(KEY);
      } catch (ignored) { /* nothing more can be done */ }
      notice("Damaged");
      return migrate({});
    }
  };

  const write = (state) => {
    if (saving) {
      try {
        localStorage.setItem(KEY, JSON.stringify(state));
        return;
      } catch (e) {
        off();
      }
    }
    memory = state;
  };

  const off = () => {
    saving = false;
    notice();
  };

  // Every item fn changes (added, changed or removed) is stamped with the time.
  const update = (fn) => {
    const state = read(), before = flat(state), now = Math.round(Date.now() / 1e3);
    fn(state);
    const after = flat(state);
    for (const k in { ...before, ...after }) if (before[k] !== after[k]) state.changed[k] = now;
    write(state);
    refresh();
  };

  // Brings another copy's state in, item by item: the newer wins (a removal too); an item only one side has,
  // with no newer removal on the other, is kept. Returns how many of each section's items were
  // { "checklists added": 2, "worksheets updated": 1, ... }.
  const merge = (data) => {
    const s = read(), o = migrate(data), a = flat(s), b = flat(o), done = {};
    for (const k in { ...a, ...b, ...o.changed }) {
      const mine = s.changed[k] || 0, theirs = o.changed[k] || 0;
      if (a[k] !== b[k] && (theirs > mine || theirs === mine && !a[k])) {
        put(s, k, b[k]);
        const n = k.split(" ")[0] + (a[k] ? b[k] ? " updated" : " removed" : " added");
        done[n] = (done[n] || 0) + 1;
      }
      if (theirs > mine) s.changed[k] = theirs;
    }
    write(s);
    refresh();
    return done;
  };

  const replaceAll = (data) => {
    memory = null;
    if (data) write(migrate(data));
    else if (saving) {
      try {
        [KEY, KEY + ":damaged"].forEach((k) => localStorage.removeItem(k));
      } catch (e) {
        off();
      }
    }
    refresh();
  };

  // --- Start-up: every component's init and render isolated (GOV.UK Frontend's createAll) ---

  const components = [];

  const failed = (c, error) => {
    try {
      console.error(`Reaching Out: ${c.name} failed`, error);
    } catch (ignored) { /* no console: nothing more to tell */ }
  };

  // Elements of a component, or none if its selector is not one (a component must not stop the others).
  const elements = (c, sel) => {
    try {
      return $$(document, sel);
    } catch (error) {
      failed(c, error);
      return [];
    }
  };

  // The notice goes before the first component on the page; it must never throw: it runs inside storage.
  const notice = (name) => { // a sentence of the script tag's (main.html): "Off" unless named
    try {
      const first = components.map((c) => elements(c, c.sel)[0]).filter(Boolean)
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
      if (!first) return;
      let p = $(document, "[data-ro-notice]");
      if (!p) {
        p = make("p", { class: "ro-notice", "data-ro-notice": "", role: "status" });
        first.before(p);
      }
      p.textContent = words(SCRIPT, name || "Off");
    } catch (ignored) { /* the notice is a courtesy: without it, everything else still works */ }
  };

  // Without saving, the notice moves to the component the reader is using: seen where it matters.
  addEventListener("change", (event) => {
    const p = !saving && $(document, "[data-ro-notice]");
    const root = p && event.target.closest("[data-ro-ready]");
    if (root && !root.contains(p)) root.before(p);
  }, true);

  const renderOne = (c, el, state) => {
    try {
      c.render(el, state);
    } catch (error) {
      failed(c, error);
    }
  };

  // Every element the script has dealt with is data-ro-ready; one whose init threw is also data-ro-failed,
  // and is neither rendered nor started again.
  const start = (c, state) => {
    for (const el of elements(c, c.sel)) {
      if (el.hasAttribute("data-ro-ready")) continue;
      el.setAttribute("data-ro-ready", "");
      try {
        c.init(el);
      } catch (error) {
        el.setAttribute("data-ro-failed", "");
        failed(c, error);
        continue;
      }
      renderOne(c, el, state);
    }
  };

  // component(name, selector, init, render): every component names itself, for the console when it fails.
  // Returns false when a component of that name or selector is already registered (the script ran twice).
  const component = (name, sel, init, render = () => {}) => {
    if (components.some((c) => c.name === name || c.sel === sel)) return false;
    const c = { name, sel, init, render };
    components.push(c);
    if (started) start(c, read());
    return true;
  };

  let started = false;
  const init = () => {
    started = true;
    const state = read();
    components.forEach((c) => start(c, state));
    if (!saving) notice();
  };

  const refresh = () => {
    const state = read();
    for (const c of components) {
      for (const el of elements(c, c.sel)) {
        if (el.hasAttribute("data-ro-ready") && !el.hasAttribute("data-ro-failed")) renderOne(c, el, state);
      }
    }
  };

  // --- Helpers ---

  function make(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    el.append(...(children || []).filter((c) => c != null));
    return el;
  }

  const rebuild = (box, children) => {
    const active = document.activeElement;
    const key = box.contains(active) && active.getAttribute("data-ro-key");
    box.replaceChildren(...children);
    const again = key && $$(box, "[data-ro-key]").find((el) => el.getAttribute("data-ro-key") === key);
    if (again) again.focus();
  };

  // Polite live regions; cleared first so a repeat is announced.
  const speak = (region, text) => {
    region.textContent = "";
    setTimeout(() => { region.textContent = text; }, 50);
  };
  // A sentence of the interface, kept in the component's partial as data-ro-say-NAME="… {file} …", so the words
  // stay with the page's other words (one place to edit them, or to translate them); {key} comes from `vars`.
  // (tests/test_conventions.py checks that every name a script asks for is written in a template)
  const words = (root, name, vars) => root.dataset["roSay" + name].replace(/\{(\w+)\}/g, (m, k) => vars[k]);
  const say = (root, text) => {
    const region = $(root, "[data-ro-status]");
    if (region) speak(region, text);
  };
  // A local day: YYYY-MM-DD from a Date (Swedish writes dates so), or YYYY-MM-DD in the page's words ("long", "full").
  const day = (d, style) => style ? new Date(d + "T00:00").toLocaleDateString(document.documentElement.lang, { dateStyle: style })
    : d.toLocaleDateString("sv");
  const tell = (root, name, vars) => say(root, words(root, name, vars)); // say one of the partial's sentences

  const download = (name, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    const a = make("a", { href: url, download: name, hidden: "" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const copy = (text) => (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject()).catch(() => {
    const focus = document.activeElement;
    const area = make("textarea", { class: "ro-visually-hidden" }, [text]);
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    focus.focus();
    if (!ok) throw new Error("copy refused");
  });

  // A class on <html> for print.css while printing; with `keep`, only it (and the path to it) prints.
  const print = (mode, keep) => {
    const path = [];
    if (keep) {
      keep.setAttribute("data-ro-print-keep", "");
      for (let el = keep.parentElement; el && el !== document.body; el = el.parentElement) path.push(el);
      path.forEach((el) => el.setAttribute("data-ro-print-path", ""));
    }
    document.documentElement.classList.add(mode);
    addEventListener("afterprint", () => {
      document.documentElement.classList.remove(mode);
      if (keep) keep.removeAttribute("data-ro-print-keep");
      path.forEach((el) => el.removeAttribute("data-ro-print-path"));
    }, { once: true });
    window.print();
  };

  const reveal = (root, sel) => $$(root, sel).forEach((el) => { el.hidden = false; });
  // A component's title, without the ¶ of its permalink.
  const title = (root) => {
    const h = $(root, "h2, h3, h4");
    const text = h ? [...h.childNodes].filter((n) => !(n.classList && n.classList.contains("headerlink")))
      .map((n) => n.textContent).join("") : "";
    return text || root.getAttribute("aria-label") || "";
  };

  const absolute = (href) => new URL(href, location.href).href;
  // A plan item's key (kind letter, dot, target), as the link index writes it and the plan page reads it.
  const PLAN_KEY = /^[a-z]\.[a-z0-9/_.:-]+$/;
  // The people saved under one network-map category (the network map and My progress read them).
  const people = (s, cat) => (Array.isArray(s.network[cat]) ? s.network[cat] : [])
    .filter((p) => isObj(p) && typeof p.name === "string");

  // --- Permalinks and renamed anchors, on every page ---

  // A global polite region for "Link copied" from permalinks anywhere on the page.
  const announce = (text) => {
    let region = $(document, "[data-ro-announce]");
    if (!region) {
      region = make("p", { class: "ro-visually-hidden", "data-ro-announce": "", "aria-live": "polite" });
      document.body.append(region);
    }
    speak(region, text);
  };
  const copyLink = (href) => copy(absolute(href)).then(() => announce(words(SCRIPT, "Copied")),
    () => announce(words(SCRIPT, "Blocked")));

  // Permalinks (¶ beside headings, checklists, items, questions, worksheets) also copy their address.
  // Without scripts they stay plain links to the spot. Registered once: the document outlives navigation.
  document.addEventListener("click", (event) => {
    const a = event.target.closest && event.target.closest("a.headerlink");
    if (a) copyLink(a.getAttribute("href"));
  });

  // The id in the address's #fragment ("" when there is none, or it is damaged: a plan link cut short).
  const hashId = () => { try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ""; } };
  // Where a link lands (an item, a question, a field, a template, a heading) is marked for a few seconds.
  const land = () => {
    const spot = hashId() && document.getElementById(hashId());
    if (!spot) return;
    spot.classList.remove("ro-landed");
    void spot.offsetWidth; // restart the mark's fade when the same spot is linked again
    spot.classList.add("ro-landed");
    setTimeout(() => spot.classList.remove("ro-landed"), 4000);
  };

  // An anchor renamed since a link was shared: #old → #new, from the page's own map.
  const followAlias = () => {
    const id = hashId();
    const map = $(document, "script[data-ro-aliases]");
    if (!id || !map || document.getElementById(id)) return land();
    let aliases = {};
    try { aliases = JSON.parse(map.textContent); } catch (e) { return; }
    const target = typeof aliases[id] === "string" && document.getElementById(aliases[id]);
    if (!target) return;
    history.replaceState(history.state, "", "#" + aliases[id]);
    target.scrollIntoView();
    land();
  };
  component("aliases", "script[data-ro-aliases]", followAlias, () => {});
  addEventListener("hashchange", followAlias);

  // For the component files and other scripts of the guide: register a component, read and change the
  // state, shared helpers. `start` starts components in content added later (the plan page's items).
  window.ReachingOut = {
    KEY, VERSION, SCRIPT, component, read, update, merge, migrate, make, say, tell, words, day, copy, download,
    $, $$, isObj, replaceAll, start: init, rebuild, speak, print, reveal, title, absolute, PLAN_KEY, people
  };
  document.documentElement.classList.add("ro-js");
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) refresh();
  });
  // On a phone the closed search box is out of sight, so out of the Tab order too (Material still focuses
  // it when the search opens).
  const wide = matchMedia("(min-width: 60em)");
  const searchTab = () => {
    const open = document.getElementById("__search"), box = $(document, ".md-search__input");
    if (open && box) box.tabIndex = open.checked || wide.matches ? 0 : -1;
  };
  addEventListener("change", (event) => { if (event.target.id === "__search") searchTab(); });
  wide.addEventListener("change", searchTab);
  const boot = () => {
    searchTab();
    const page = () => { init(); land(); };
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(page);
    else page();
  };
  // After every component file joined after this one has registered (they run in this same task).
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else Promise.resolve().then(boot);
})();
