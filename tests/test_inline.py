"""The safe inline Markdown subset used by data text."""

from __future__ import annotations

import pytest

import ro_inline


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("*a* **b** `c`", "<em>a</em> <strong>b</strong> <code>c</code>"),
        ("[x](https://example.org)", '<a href="https://example.org">x</a>'),
        ("[x](mailto:a@example.org)", '<a href="mailto:a@example.org">x</a>'),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("[x](JAVASCRIPT:alert(1))", "[x](JAVASCRIPT:alert(1))"),
        ("[x](data:text/html;base64,AAAA)", "[x](data:text/html;base64,AAAA)"),
        ("# not a heading", "# not a heading"),
    ],
)
def test_render(text, html):
    assert ro_inline.render(text) == html


def test_relative_links_go_through_the_resolver():
    html = ro_inline.render("[a](prepare.md#x) [b](#top) [c](https://e.org)", lambda t: "../" + t)
    assert html == '<a href="../prepare.md#x">a</a> <a href="#top">b</a> <a href="https://e.org">c</a>'


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("plain text with < and > and &", []),
        ("a <script>alert(1)</script>", ["contains HTML (expected plain text with Markdown: *emphasis*, `code`, "
                                         "[a link](https://…))"]),
        ("<!-- hidden -->", ["contains HTML (expected plain text with Markdown: *emphasis*, `code`, "
                             "[a link](https://…))"]),
        ("[x]( javascript:alert(1))", ["links to 'javascript:' (expected a link to http, https, mailto or a page "
                                       "of the guide)"]),
        ("[x](vbscript:msgbox)", ["links to 'vbscript:' (expected a link to http, https, mailto or a page of the "
                                  "guide)"]),
        ("[x](prepare.md) [y](https://e.org)", []),
    ],
)
def test_problems(text, problems):
    assert ro_inline.problems(text) == problems
