"""The components' scripts and styles: joined in order and minified by ro_assets.bundle, and only the joined
files reach the built site."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

import ro_assets

SOURCES = Path(__file__).resolve().parent.parent / "overrides" / "components"


@pytest.fixture
def folder(tmp_path) -> Path:
    files = {
        "core.js": "// the core\nwindow.order = ['core'];\n",
        "base.css": "/* the base */\n.base  {  color : red ; }\n",
        "first.js": "(() => {\n  // first\n  window.order.push('first');\n})()",  # no final `;` nor line break
        "first.css": ".first { margin: 0; }\n",
        "second.js": "(() => { window.order.push('second'); })();\n",
        "style-only.css": ".style-only { padding: 0; }\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_offline_js_comes_right_after_the_core_and_only_once(folder):
    (folder / "offline.js").write_text("window.order.push('offline');\n")
    joined = ro_assets.bundle(folder, ["first", "offline", "second"])
    assert _run(joined["ro.js"]) == ["core", "offline", "first", "second"]


def test_bundle_joins_the_core_then_each_component_in_the_given_order(folder):
    joined = ro_assets.bundle(folder, ["second", "style-only", "first"], minified=False)
    script = joined["ro.js"]
    assert script.index("'core'") < script.index("'second'") < script.index("'first'")
    assert joined["ro.css"].index(".base") < joined["ro.css"].index(".style-only") < joined["ro.css"].index(".first")
    assert set(joined) == {"ro.js", "ro.css"}


def _run(script: str) -> list:
    """Run a joined script in Node.js with a bare `window`; return window.order."""
    done = subprocess.run(["node", "-e", "const window = {};" + script + ";console.log(JSON.stringify(window.order))"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("minified", [False, True])
def test_bundle_keeps_a_script_without_a_final_semicolon_apart_from_the_next(folder, minified):
    script = ro_assets.bundle(folder, ["first", "second"], minified=minified)["ro.js"]
    assert _run(script) == ["core", "first", "second"]  # `})()(()`, a call of the next file, would throw


def test_terser_output_is_cached_by_content(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(ro_assets, "CACHE", tmp_path / "cache")
    first = ro_assets.bundle(folder, ["first"])["ro.js"]
    assert len(list((tmp_path / "cache").glob("*.js"))) == 1 and not ro_assets.FALLBACK

    def no_terser(*args, **kwargs):
        raise AssertionError("terser ran again for the same script")
    monkeypatch.setattr(ro_assets.subprocess, "run", no_terser)
    assert ro_assets.bundle(folder, ["first"])["ro.js"] == first


def test_without_terser_rjsmin_stands_in_and_says_why(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(ro_assets, "TERSER", tmp_path / "no-terser")
    script = ro_assets.bundle(folder, ["first", "second"])["ro.js"]
    assert _run(script) == ["core", "first", "second"] and "// first" not in script
    assert "no-terser is missing" in ro_assets.FALLBACK[0]


def test_a_script_terser_cannot_parse_is_a_clear_error(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(ro_assets, "CACHE", tmp_path / "cache")
    (folder / "broken.js").write_text("(() => { if (x { })();\n")
    with pytest.raises(SyntaxError, match="terser could not minify the joined scripts"):
        ro_assets.bundle(folder, ["broken"])


def test_bundle_output_is_minified(folder):
    joined = ro_assets.bundle(folder, ["first", "second", "style-only"])
    assert "// the core" not in joined["ro.js"] and "// first" not in joined["ro.js"]
    assert re.search(r"window\.order\.push\(['\"]first['\"]\)", joined["ro.js"]), joined["ro.js"]
    assert "/* the base */" not in joined["ro.css"]
    assert ".base{color:red}" in joined["ro.css"]
    plain = ro_assets.bundle(folder, ["first", "second", "style-only"], minified=False)
    assert len(joined["ro.js"]) < len(plain["ro.js"]) and len(joined["ro.css"]) < len(plain["ro.css"])


def test_a_name_without_a_script_or_style_is_a_clear_error(folder):
    with pytest.raises(FileNotFoundError) as caught:
        ro_assets.bundle(folder, ["first", "nowhere"])
    message = str(caught.value)
    assert "nowhere.js" in message and "'nowhere'" in message and "neither a script nor a style" in message


def test_a_missing_core_is_a_clear_error(folder):
    (folder / "base.css").unlink()
    with pytest.raises(FileNotFoundError, match="base.css"):
        ro_assets.bundle(folder, ["first"])


def test_minify_leaves_the_bundle_alone_and_minifies_the_rest(tmp_path):
    (tmp_path / "ro.js").write_text("already();\n")
    (tmp_path / "print.css").write_text("/* print */\n.x  { color: red; }\n")
    sizes = ro_assets.minify(tmp_path)
    assert set(sizes) == {"print.css"}
    assert (tmp_path / "print.css").read_text() == ".x{color:red}"
    assert (tmp_path / "ro.js").read_text() == "already();\n"


# --- The build ---


def test_the_built_site_holds_every_component_in_one_script_and_one_stylesheet(sample_site):
    built = sample_site / "assets" / "ro"
    script = (built / "ro.js").read_text(encoding="utf-8")
    styles = (built / "ro.css").read_text(encoding="utf-8")
    scripts = sorted(p for p in SOURCES.glob("*.js") if p.name not in ro_assets.SITE_WIDE[".js"])
    assert scripts, "no component scripts in overrides/components/"
    assert 'window.ReachingOut={' in script.replace(" ", "")  # the core
    for source in scripts:
        registered = re.findall(r'component\("([a-z-]+)"', source.read_text(encoding="utf-8"))
        assert registered, f"{source.name} registers no component"
        for each in registered:
            # terser renames `component`, so look for any one name called with this component's
            assert re.search(rf'[\w$]+\("{each}",', script), f"ro.js lacks the {each} component of {source.name}"
    for source in sorted(SOURCES.glob("*.css")):
        rules = rcss_selectors(source.read_text(encoding="utf-8"))
        assert rules, f"{source.name} has no rules"
        missing = [rule for rule in rules if rule not in styles]
        assert missing == [], f"ro.css lacks rules of {source.name}: {missing}"
    assert "data-ro-sw" in script  # offline.js, site-wide (ro_offline)
    # each component file reads the core, and so does offline.js
    assert len(re.findall(r"=window\.ReachingOut\b", script)) == len(scripts) + 1


def rcss_selectors(css: str) -> list[str]:
    """The first selector of every rule in `css`, as the minified stylesheet spells it."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [re.sub(r"\s+", " ", m).strip().split(",")[0].replace(" > ", ">") for m in re.findall(r"([^{}]+)\{", css)
            if not m.strip().startswith("@")]


def test_the_sources_stay_out_of_the_built_site(sample_site):
    assert not any(p.is_dir() and p.name == "components" for p in sample_site.rglob("*"))
    names = {p.name for p in SOURCES.iterdir()}
    published = sorted(str(p.relative_to(sample_site)) for p in sample_site.rglob("*") if p.name in names)
    assert published == []
    assert sorted(p.name for p in (sample_site / "assets" / "ro").iterdir()) == \
        ["favicon.svg", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "manifest.webmanifest", "print.css",
         "ro.css", "ro.js"]
