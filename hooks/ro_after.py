"""After any engine's build, the steps over the built site that the MkDocs hook otherwise takes (issue 12).

Imports no MkDocs. For an engine that ignores `hooks:` (Zensical): `python hooks/ro_after.py site`, from the
project folder, after the build, and for the Spanish edition (its own build, into site/es/)
`python hooks/ro_after.py site/es --config mkdocs.es.yml`. It loads the data and pages as the Markdown
extension did (ro_markdown), then:

- takes the theme's inputs out of the site (`components/`, `print/`: the engine copied them from overrides/);
- writes `assets/ro/ro.js` and `ro.css`, the components' scripts and styles joined and minified, and
  minifies `print.css`;
- copies the PDFs, which the extension made (or took from the cache) before the pages rendered, into
  `downloads/`;
- publishes the plan page's catalogue (`plan/items.json`), with links relative to the plan page;
- writes the short addresses' pages (`go/…/`, see ro_go);
- writes the offline copy's service worker `sw.js` and its list `offline.json` at the root (see ro_offline).

Then it checks the result as the hook checks a build (`check`): every internal link of every page lands on a
file and an anchor that exist, and every renamed anchor (docs/data/aliases.yml) leads to one that exists.
Any problem is a line `page -> link (reason)` and exit code 1. Under MkDocs and ProperDocs this module is not
needed.
"""

from __future__ import annotations

import argparse
import posixpath
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import ro_aliases
import ro_assets
import ro_built
import ro_go
import ro_languages
import ro_markdown
import ro_offline
import ro_plan
import ro_registry


def run(site_dir: Path, data: Path, docs: Path, site_url: str = "", overrides: Path = Path("overrides"),
        config_file: Path = Path("mkdocs.yml")) -> list[str]:
    """Take the steps over `site_dir`, the site `config_file` describes; return what was done, a line each."""
    site, _ = ro_markdown.site_for(data, docs, site_url)  # a data or marker error ends here, file:line
    done = []
    for name in ("components", "print"):
        if (site_dir / name).is_dir():
            shutil.rmtree(site_dir / name)
            done.append(f"removed {name}/ (the theme's inputs, not files of the site)")
    assets = site_dir / "assets" / "ro"
    assets.mkdir(parents=True, exist_ok=True)
    for name, text in ro_assets.bundle(overrides / "components", ro_registry.asset_order()).items():
        (assets / name).write_text(text, encoding="utf-8")
        done.append(f"wrote assets/ro/{name}")
    ro_assets.minify(assets)
    for pdf in getattr(site.downloads, "pdfs", ()):
        if pdf.path is not None:
            (site_dir / "downloads").mkdir(exist_ok=True)
            shutil.copyfile(pdf.path, site_dir / "downloads" / pdf.job.name)
    if getattr(site.downloads, "pdfs", ()):
        done.append(f"copied {len(site.downloads.pdfs)} PDFs into downloads/")
    home = site.home_of("plan")
    if home is not None and site.plan_items_src:
        here = ro_markdown.url_of(home)
        resolve = ro_markdown.resolver(lambda path: ro_markdown.relative(ro_markdown.url_of(path), here))
        out = site_dir / site.plan_items_src
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(ro_plan.catalogue(site, home, resolve), encoding="utf-8")
        done.append(f"wrote {posixpath.normpath(site.plan_items_src)}")
    titles = {t.link: t.title for t in site.targets()}
    name = str(ro_markdown.read_config().get("site_name", ""))
    count = ro_go.write(site_dir, site.short_addresses(), titles, name, site.site_url)
    done.append(f"wrote {count} short addresses (go/…/)")
    # As the hook does: each page's twin in the sitemap, and the offline copy without the other editions' folders.
    config = ro_markdown.read_config(config_file)
    extra, language = config.get("extra") or {}, str((config.get("theme") or {}).get("language", "en"))
    site_url_ = str(config.get("site_url", ""))
    ro_languages.add_alternates(site_dir / "sitemap.xml", language, site_url_, extra.get("alternate"))
    done.append(ro_offline.write(site_dir, language, tuple(extra.get("ro_languages") or ())))  # last: it hashes all
    return done


def check(site_dir: Path, data: Path, docs: Path, config_file: Path = Path("mkdocs.yml"),
          site_url: str = "") -> list[str]:
    """Return the built site's broken internal links and broken aliases, a message each."""
    site, _ = ro_markdown.site_for(data, docs, "")

    def anchors_of(page: str) -> set[str] | None:
        html = site_dir / ro_markdown.url_of(page) / "index.html"
        return ro_built.Page(html.read_text(encoding="utf-8")).ids if html.is_file() else None

    aliases = site.guide.aliases.aliases if site.guide.aliases else ()
    # The other editions (es/), when not built (yet): the language switch's links into them are left unchecked.
    languages = (ro_markdown.read_config(config_file).get("extra") or {}).get("ro_languages") or []
    unbuilt = tuple(site_dir.resolve() / lang for lang in languages if not (site_dir / lang).is_dir())
    return (ro_built.broken_links(site_dir.resolve(), unbuilt, urlsplit(site_url).path or "/")
            + ro_aliases.problems(aliases, anchors_of, f"{data}/aliases.yml"))


def main(argv: list[str] | None = None) -> int:
    """`python hooks/ro_after.py SITE [--config mkdocs.yml] [--data …] [--docs …] [--site-url URL]`.

    The data, pages and address default to the config's: its ro_markdown options (mkdocs.es.yml: docs-es/data,
    docs-es), else its site_url.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the edition's config")
    parser.add_argument("--data", type=Path, default=None, help="default: the config's, or docs/data")
    parser.add_argument("--docs", type=Path, default=None, help="default: the config's, or docs")
    parser.add_argument("--site-url", default=None, help="default: the config's")
    args = parser.parse_args(argv)
    config = ro_markdown.read_config(args.config)
    options = (config.get("markdown_extensions") or {}).get("ro_markdown") if isinstance(
        config.get("markdown_extensions"), dict) else None
    options = options if isinstance(options, dict) else {}
    args.data = args.data or Path(options.get("data", "docs/data"))
    args.docs = args.docs or Path(options.get("docs", "docs"))
    if args.site_url is None:  # the address printed on the PDFs, as the build's extension had it
        args.site_url = str(options.get("site_url") or config.get("site_url", ""))
    if not args.site.is_dir():
        print(f"{args.site}: no built site there (build it first)", file=sys.stderr)
        return 1
    for line in run(args.site, args.data, args.docs, args.site_url, config_file=args.config):
        print(f"Reaching Out: {line}")
    problems = check(args.site, args.data, args.docs, args.config, args.site_url)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    if problems:
        print(f"Reaching Out: {len(problems)} broken links in {args.site}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
