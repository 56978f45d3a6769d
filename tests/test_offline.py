"""The offline copy and the home-screen install, without a browser (issue 15): what the build writes (sw.js at the
site's root and its list, offline.json), how its version follows the content, the manifest and its icons, and that
`mkdocs serve` writes no worker. The browser half is tests/test_browser_offline.py."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import ro_offline
from support import ROOT

OVERRIDES = ROOT / "overrides" / "assets" / "ro"


def _listed(site: Path) -> list[str]:
    return json.loads((site / ro_offline.LIST).read_text(encoding="utf-8"))


def _pages(site: Path) -> list[Path]:
    """The edition's pages (not its short addresses', nor the Spanish edition's in es/, which has its own worker)."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("go", "es"))


# --- What the real build writes ---


def test_the_worker_sits_at_the_root_and_lists_every_page_and_asset_but_no_pdf(real_site):
    worker = (real_site / "sw.js").read_text(encoding="utf-8")
    listed = _listed(real_site)
    assert listed == ro_offline.precache(real_site, "en", ("es",)) == sorted(set(listed))
    version = ro_offline.version(real_site, listed)
    assert f'"{version}"' in worker and "offline.json?" in worker
    pages = {"./" if p.name == "index.html" and p.parent == real_site else
             p.relative_to(real_site).as_posix().removesuffix("index.html") for p in _pages(real_site)}
    assert "404.html" in pages and "prepare/" in pages and "worksheets/conversation-prep/" in pages
    assert len(pages) >= 30
    assert pages <= set(listed), sorted(pages - set(listed))
    wanted = {"search/search_index.json", "sitemap.xml", "plan/items.json"}
    wanted |= {p.relative_to(real_site).as_posix() for p in (real_site / "assets" / "ro").iterdir()}
    assert wanted <= set(listed), sorted(wanted - set(listed))
    assert {"favicon.svg", "manifest.webmanifest", "icon-192.png", "ro.js", "ro.css", "print.css"} <= \
        {posixpath.basename(url) for url in listed}
    material = [url for url in listed if re.fullmatch(r"assets/(javascripts/(workers/)?\w+|stylesheets/\w+)"
                                                      r"\.[0-9a-f]{8}\.min\.(js|css)", url)]
    assert {posixpath.basename(url).split(".")[0] for url in material} == {"bundle", "search", "main", "palette"}
    assert not [url for url in listed if url.startswith("go/") or url.endswith((".pdf", ".map", ".gz"))]
    assert list((real_site / "downloads").glob("*.pdf")), "the build should have PDFs (cached when fetched)"
    for url in listed:  # relative to the root, and every one a file of the site
        assert "://" not in url and not url.startswith("/") and ".." not in url, url
        assert ro_offline._file(real_site, url).is_file(), url
    assert "http" not in worker and "//" not in worker.replace("\\/", ""), "the worker names no other address"


def test_the_spanish_edition_has_its_own_worker_with_its_pages_and_search_language(real_site):
    spanish = real_site / "es"
    listed = _listed(spanish)
    assert listed == ro_offline.precache(spanish, "es") == sorted(set(listed))
    assert {"prepare/", "worksheets/conversation-prep/", "search/search_index.json"} <= set(listed)
    assert {"assets/javascripts/lunr/min/lunr.es.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"} \
        <= set(listed) and not [url for url in listed if url.startswith("es/") or "lunr.fr" in url]
    assert f'"{ro_offline.version(spanish, listed)}"' in (spanish / "sw.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["", "es"], ids=["en", "es"])
def test_every_page_links_the_manifest_and_names_the_worker_at_the_root(real_site, edition):
    """Each edition's pages name its own manifest and worker, at its root (/ and /es/)."""
    root = f"/{edition}/" if edition else "/"
    for path in _pages(real_site / edition):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        here = "/" + path.parent.relative_to(real_site).as_posix() + "/"

        def resolve(href: str, here: str = here) -> str:
            return href if href.startswith("/") else posixpath.normpath(posixpath.join(here, href))
        manifest = soup.find("link", rel="manifest")
        assert manifest and resolve(manifest["href"]) == f"{root}assets/ro/manifest.webmanifest", path
        assert soup.find("meta", attrs={"name": "theme-color"}), path
        assert resolve(soup.find("link", rel="apple-touch-icon")["href"]) == f"{root}assets/ro/icon-192.png", path
        script = soup.find("script", src=re.compile(r"assets/ro/ro\.js$"))
        assert resolve(script["data-ro-sw"]) == f"{root}sw.js", path


# --- The version follows the content ---


@pytest.fixture
def two_builds(tmp_path) -> tuple[Path, Path]:
    first = tmp_path / "first"
    for path, text in {"index.html": "<h1>Home</h1>", "prepare/index.html": "<h1>Prepare</h1>",
                       "assets/ro/ro.js": "x()", "search/search_index.json": "{}",
                       "sitemap.xml": "<url><loc>/</loc><lastmod>2026-01-01</lastmod></url>",
                       "go/prepare/index.html": "forward", "downloads/sheet.pdf": "%PDF",
                       "assets/javascripts/bundle.0123abcd.min.js.map": "{}"}.items():
        (first / path).parent.mkdir(parents=True, exist_ok=True)
        (first / path).write_text(text)
    second = tmp_path / "second"
    shutil.copytree(first, second)
    return first, second


def _version(site: Path) -> str:
    return ro_offline.version(site, ro_offline.precache(site))


def test_the_list_skips_short_addresses_pdfs_and_source_maps(two_builds):
    first, _ = two_builds
    assert ro_offline.precache(first) == ["./", "assets/ro/ro.js", "prepare/", "search/search_index.json",
                                          "sitemap.xml"]


def test_the_version_changes_with_one_page_and_not_otherwise(two_builds):
    first, second = two_builds
    assert _version(first) == _version(second)
    (second / "sitemap.xml").write_text("<url><loc>/</loc><lastmod>2026-02-02</lastmod></url>")  # another build day
    (second / "go" / "prepare" / "index.html").write_text("forward elsewhere")  # not precached
    (second / "downloads" / "sheet.pdf").write_text("%PDF-2")  # cached when fetched, not versioned
    for page in (first / "index.html", second / "index.html"):  # another engine, or version, built the same pages
        engine = "mkdocs-1.6.1" if page.is_relative_to(first) else "properdocs-1.6.1"
        page.write_text(f'<meta name="generator" content="{engine}"><h1>Home</h1>')
    assert _version(first) == _version(second)
    (second / "prepare" / "index.html").write_text("<h1>Prepare, revised</h1>")
    assert _version(first) != _version(second)


def test_a_new_build_writes_a_new_worker_and_list(two_builds):
    first, second = two_builds
    ro_offline.write(first)
    (second / "worksheets").mkdir()
    (second / "worksheets" / "index.html").write_text("<h1>Worksheets</h1>")  # a new page
    ro_offline.write(second)
    assert (first / "sw.js").read_text() != (second / "sw.js").read_text()
    assert "worksheets/" in _listed(second) and "worksheets/" not in _listed(first)
    assert "sw.js" not in _listed(second) and "offline.json" not in _listed(second)
    again = (second / "sw.js").read_text()
    ro_offline.write(second)  # the same build again: the same worker, byte for byte (no needless update)
    assert (second / "sw.js").read_text() == again


# --- Installing on a phone ---


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_the_manifest_names_the_guide_and_icons_that_exist_at_their_sizes():
    manifest = json.loads((OVERRIDES / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Reaching Out" and manifest["short_name"] and manifest["description"]
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "../../"  # the site's root, from assets/ro/
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"]) and re.fullmatch(r"#[0-9a-f]{6}",
                                                                                  manifest["background_color"])
    sizes = {}
    for icon in manifest["icons"]:
        width, height = _png_size(OVERRIDES / icon["src"])
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png", icon
        sizes.setdefault(icon.get("purpose", "any"), set()).add(width)
    assert sizes["any"] >= {192, 512} and sizes["maskable"] == {512}
    assert all((OVERRIDES / icon["src"]).stat().st_size < 10_000 for icon in manifest["icons"])


def test_the_theme_colour_is_the_sites_teal():
    page = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    manifest = json.loads((OVERRIDES / "manifest.webmanifest").read_text(encoding="utf-8"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "primary: teal" in config  # Material's teal is #009688
    assert manifest["theme_color"] == "#009688" and '<meta name="theme-color" content="#009688">' in page


# --- mkdocs serve ---


def test_mkdocs_serve_writes_no_worker_and_its_pages_name_none(tmp_path, monkeypatch, sample_site):
    """A worker serving cached pages would hide an author's edits from the live preview."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from support import SAMPLE_DOCS, SAMPLE_NAV

    assert (sample_site / "sw.js").is_file()  # `mkdocs build` writes one
    monkeypatch.setenv("RO_PDFS", "0")
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(SAMPLE_DOCS), site_dir=str(tmp_path / "site"),
                         nav=SAMPLE_NAV, strict=True)
    config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` starts
    try:
        build(config)
    finally:
        config.plugins.on_startup(command="build", dirty=False)
    assert not (tmp_path / "site" / "sw.js").exists() and not (tmp_path / "site" / ro_offline.LIST).exists()
    page = (tmp_path / "site" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert "assets/ro/ro.js" in page and "data-ro-sw" not in page
