"""The guide offline after the first visit: the service worker `sw.js` the build writes at the site's root (issue 15).

Imports no MkDocs. After a build (the hook's `on_post_build`, or `hooks/ro_after.py` for an engine without
hooks) `write` lists the files a reader needs with no connection (`precache`) in `offline.json`, hashes the
worker and those files' contents into one version (`version`), and writes `sw.js`: `WORKER` minified, with that
version in it (the list stays out of sw.js, which counts in the scripts' size budget). Both sit at the site's
root because a worker's scope cannot be wider than its folder (GitHub Pages cannot send Service-Worker-Allowed);
the list is relative to that root, so a copy published under a sub-path (`https://x.github.io/guide/`) works
too. `mkdocs serve` writes neither, and its pages name no worker (it would serve stale pages to an author).

How it behaves. On the first visit the worker stores every listed file in one cache (all or nothing), takes
control of the open page, and from then on serves the guide's own addresses from that cache, with the
connection or without: a page (`prepare/`, or `prepare/index.html`), the search index, the scripts and styles,
`sitemap.xml` (Material's instant navigation reads it to know which links are the guide's own: its bundle
fetches it as it starts), and the pages instant navigation fetches. A PDF is stored the first time it is
fetched. Anything else goes to the network as usual; a request to another origin is never touched. A new
published build is a new `sw.js` (another version; the page asks for it on each load): the browser installs
the new cache as a whole beside the old one, the new worker takes over, this site's older caches are removed,
and the open page (overrides/components/offline.js) says "The guide was updated." with a Reload button. The
first install says nothing.

Accessibility: the update notice is a polite status (role=status) with a real button, fixed at the bottom of
the window, hidden in print. Privacy: the cache holds only files of this site, as the server sent them; the
worker makes no request but to its own site, reads no storage, and never touches the reader's saved progress
(localStorage). Removing the copy: clear the site's data in the browser.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import ro_assets
import ro_i18n

NAME, LIST = "sw.js", "offline.json"
# Not precached: the short addresses' pages (645 tiny files that only forward to a page, which is cached),
# PDFs (each is cached when first fetched), source maps, the gzipped sitemap, Material's search languages
# (an English site's search worker loads none; another language's loads its own, see LUNR), the worker itself,
# and the other languages' sites in their folders (each has its own worker, see `write`).
SKIP = re.compile(r"^(go/|assets/javascripts/lunr/|sw\.js$|offline\.json$)|\.(pdf|map|gz)$", re.I)
# Not changes of the guide, so not in the version: the sitemap's build date (a new one every build day) and the
# engine's name and version in each page (ProperDocs or a newer MkDocs builds the same guide, byte for byte else).
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')

# The worker, as written; `@V` is the version. Its list is LIST, beside it, fetched once per version at install:
# in sw.js it would be ~460 bytes gzipped of the scripts' budget, for data the worker reads once.
WORKER = """\
// Reaching Out's service worker, written by the build (hooks/ro_offline.py, which says how it behaves).
const V = "@V", S = registration.scope, P = "ro " + S + " ", C = P + V, open = () => caches.open(C);
// install: every file of the list (offline.json, of this version), fetched afresh, or none (addAll is all or
// nothing); then this worker takes over at once, and the open page says the guide was updated (offline.js).
oninstall = (e) => e.waitUntil(fetch(S + "offline.json?" + V).then((r) => r.json()).then((list) =>
  open().then((c) => c.addAll(list.map((f) => new Request(S + f, { cache: "no-cache" }))))).then(skipWaiting));
// activate: this site's older caches go (only ours: named with P); then the open pages are served from here.
onactivate = (e) => e.waitUntil(caches.keys().then((names) => Promise.all(names
  .filter((n) => n.startsWith(P) && n != C).map((n) => caches.delete(n)))).then(() => clients.claim()));
// The guide's own GET requests: from the cache, else the network (a PDF is kept when first fetched).
// Another origin's, or outside the guide's folder: not touched. Pages are stored by their address (prepare/), as
// links and instant navigation ask for them; prepare/index.html is the same page; a query (Material's ?h=) is ignored.
onfetch = (e) => {
  const r = e.request, k = r.url.split("?")[0].replace(/\\/index\\.html$/, "/");
  if (r.method == "GET" && k.startsWith(S)) {
    e.respondWith(open().then((c) => c.match(k).then((hit) => hit || fetch(r).then((res) => {
      if (/\\.pdf$/i.test(k) && res.status == 200) c.put(k, res.clone()); // (not a 206 part: put refuses one)
      return res;
    }))));
  }
};
"""


# What Material's search worker loads for a language other than English: the stemmer support and its language.
LUNR = ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.{}.min.js")


def precache(site: Path, language: str = "en", others: tuple[str, ...] = ()) -> list[str]:
    """Return the URLs, relative to the site's root, that the worker stores on the first visit, sorted.

    `language` is the site's (its search files are kept); `others` are the folders of the other languages'
    sites inside this one (es/), which their own workers store.
    """
    urls = []
    search = set() if language == "en" else {name.format(language) for name in LUNR}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if (SKIP.search(rel) and rel not in search) or rel.split("/", 1)[0] in others:
            continue
        # A page by its address (prepare/), which instant navigation and links use; the root page is ./
        urls.append("./" if rel == "index.html" else rel.removesuffix("index.html") if rel.endswith("/index.html")
                    else rel)
    return sorted(urls)


def _file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url.endswith("/") else url).removeprefix("./")


def version(site: Path, urls: list[str]) -> str:
    """Return the hash of the worker and of the listed files' contents (LASTMOD and GENERATOR left out)."""
    digest = hashlib.sha256(WORKER.encode())
    for url in urls:
        data = _file(site, url).read_bytes()
        if url == "sitemap.xml":
            data = LASTMOD.sub(b"", data)
        elif url.endswith(("/", ".html")):  # a page
            data = GENERATOR.sub(b"", data)
        digest.update(b"\0" + url.encode() + b"\0" + data)
    return digest.hexdigest()[:16]


def worker(version_: str) -> str:
    """Return the text of sw.js for one version: the worker, minified (by terser, cached: it never changes)."""
    small = ro_assets.jsmin(WORKER)
    if "@V" not in small or not re.fullmatch(r"[0-9a-f]+", version_):
        raise ValueError(f"ro_offline: no placeholder @V in the minified worker, or a version not in hex: {version_!r}")
    return small.replace("@V", version_)  # terser may have folded it into a string ("offline.json?@V")


def icons(folder: Path) -> list[Path]:
    """Draw the home-screen icons from favicon.svg's shapes with Pillow (run once; the PNGs are committed)."""
    from PIL import Image, ImageDraw  # only here: `python hooks/ro_offline.py icons` makes them again

    made = []
    for name, size, full in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                             ("icon-maskable-512.png", 512, True)):
        k = size * 4 / 24  # drawn 4 times larger, then scaled down: smooth edges
        image = Image.new("RGBA", (size * 4,) * 2, (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        if full:  # maskable: the background fills the square; the bubble lies inside the 80% safe circle
            draw.rectangle((0, 0, size * 4, size * 4), fill="#00796b")
        else:
            draw.ellipse((k * 1, k * 1, k * 23, k * 23), fill="#00796b")
        draw.rounded_rectangle((k * 5, k * 8, k * 19, k * 16), radius=k * 2, fill="#ffffff")
        draw.polygon([(k * 12, k * 15.9), (k * 8, k * 19), (k * 8, k * 15.9)], fill="#ffffff")
        small = image.resize((size, size), Image.LANCZOS).quantize(64, method=Image.Quantize.FASTOCTREE)
        small.save(folder / name, optimize=True)  # 64 colours: the edges stay smooth, the file small
        made.append(folder / name)
    return made


def _manifest_in(path: Path, language: str) -> None:
    """Give an edition's copy of the manifest its language and its description in it (the build's catalogue)."""
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["lang"], manifest["description"] = language, ro_i18n.gettext(manifest["description"])
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write(site: Path, language: str = "en", others: tuple[str, ...] = ()) -> str:
    """Write sw.js and its list (offline.json) at the root of the built site in `site`; return a line saying so.

    A site in another language, in a folder of this one (es/), has a worker of its own there, whose scope is
    that folder: its pages are stored and served by it (see `precache` for `language` and `others`).
    """
    if language != "en":
        _manifest_in(site / "assets" / "ro" / "manifest.webmanifest", language)
    urls = precache(site, language, others)
    (site / LIST).write_text(json.dumps(urls, indent=0) + "\n", encoding="utf-8")
    (site / NAME).write_text(worker(version(site, urls)), encoding="utf-8")
    return f"wrote {NAME} and {LIST} ({len(urls)} files precached)"


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["icons"]:
        print(*icons(Path(__file__).resolve().parent.parent / "overrides" / "assets" / "ro"), sep="\n")
