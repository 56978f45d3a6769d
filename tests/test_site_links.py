"""Broken links: every internal link and anchor in the built site resolves, downloads included."""

from __future__ import annotations

from ro_built import broken_links


def test_no_broken_links_in_the_guide(real_site):
    assert broken_links(real_site) == []


def test_no_broken_links_in_the_sample_site(sample_site):
    assert broken_links(sample_site) == []


def test_the_checker_finds_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="#top">ok</a><a href="#nope">x</a>')
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#top">ok</a><a href="b/">x</a>'
                                         '<a href="a/#gone">x</a><a href="https://example.org/">external</a>')
    assert broken_links(tmp_path) == [
        "a/index.html -> #nope (no such anchor)",
        "index.html -> b/ (no such file)",
        "index.html -> a/#gone (no such anchor)",
    ]
