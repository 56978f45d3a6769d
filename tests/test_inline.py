"""The safe inline Markdown subset used by data text."""

from __future__ import annotations

import pytest

import ro_safe_markdown


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("*a* **b** `c`", "<em>a</em> <strong>b</strong> <code>c</code>"),
        ("[x](https://example.org)", '<a href="https://example.org" data-ro-external="">x</a>'),
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
    assert ro_safe_markdown.render(text) == html


def _data_texts(guide):
    import ro_model

    return sorted({text for items in guide.by_kind.values() for item in items.values()
                   for text in ro_model.strings(item)})


def test_text_without_markup_renders_as_the_parser_would(real_guide):
    """The shortcut for plain text gives markdown-it's own output, for all the guide's data and odd cases."""
    odd = ["a\nb", " lead", "trail ", "a  b", "<b>x</b>", "q \"x\" 'y'", "a > b", "\t tab", "x\r\ny", "\0nul",
           "a\n\nb", "emoji 😀", "# hash", "1. one", "- dash", "http://example.org", "a@b.org"]
    texts = _data_texts(real_guide) + odd
    shortcut = [t for t in texts if ro_safe_markdown._NEEDS_PARSER.search(t) is None]
    assert len(shortcut) > len(texts) // 2  # most text takes it
    for text in texts:
        assert ro_safe_markdown.render(text) == ro_safe_markdown._MD.renderInline(text), text


def test_relative_links_go_through_the_resolver():
    html = ro_safe_markdown.render("[a](prepare.md#x) [b](#top) [c](https://e.org)", lambda t: "../" + t)
    assert html == ('<a href="../prepare.md#x">a</a> <a href="#top">b</a> '
                    '<a href="https://e.org" data-ro-external="">c</a>')  # only the link to another site is marked


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
    assert ro_safe_markdown.problems(text) == problems
