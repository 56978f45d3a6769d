"""Ready-made plans (`ro:plans`) and the plan link's format: keys from references, the fragment, its length."""

from __future__ import annotations

from urllib.parse import unquote

from bs4 import BeautifulSoup

import ro_links
import ro_registry
import ro_site
from support import DOCS


def _page(site, name):
    return BeautifulSoup((site / name / "index.html").read_text(), "html.parser").select_one("article")


def test_ready_made_plan_opens_as_a_plan_link(sample_site, sample_guide):
    plan = _page(sample_site, "counselors").select_one("#plan-first-conversation")
    assert [a.get_text() for a in plan.select("ol a")] == [
        "Before you reach out", "How did you get started in this work?", 'Conversation "prep"',
        "A request through a friend"]
    href = plan.select_one("a.ro-button")["href"]
    path, _, fragment = href.partition("#")
    assert path == "../plan/"
    items, _, rest = fragment.partition("&n=")
    note, _, version = rest.partition("&")
    assert items == "i=c.before-you-reach-out,q.how-did-you-start,w.conversation-prep,t.warm-request"
    assert unquote(note) == sample_guide.get("plan", "first-conversation").note
    assert version == "v=1"


def test_plan_keys_from_references():
    assert ro_registry.plan_key_of_ref("question:who-else") == "q.who-else"
    assert ro_registry.plan_key_of_ref("section:reach-out.md#how-long-to-ask-for") == "s.reach-out:how-long-to-ask-for"
    assert ro_registry.plan_key_of_ref("section:worksheets/index.md") == "s.worksheets/index"
    assert ro_links.plan_fragment(["c.a", "q.b"], 'Hi <b> & "you"') == "#i=c.a,q.b&n=Hi%20%3Cb%3E%20%26%20%22you%22&v=1"
    assert ro_links.plan_fragment(["c.a"]) == "#i=c.a&v=1"


def test_forty_item_plan_link_stays_under_2000_characters(real_guide):
    """A 40-item plan mixing kinds as a counselor would, the longest keys of each kind, plus a 200-character note."""
    pages = {p.relative_to(DOCS).as_posix(): p.read_text() for p in sorted(DOCS.rglob("*.md"))}
    keys = {t.plan_key for t in ro_site.targets(real_guide, pages) if t.plan_key}

    def longest(prefix: str, count: int) -> list[str]:
        return sorted((k for k in keys if k.startswith(prefix)), key=len, reverse=True)[:count]

    plan = longest("s.", 16) + longest("c.", 6) + longest("q.", 12) + longest("w.", 4) + longest("t.", 2)
    assert len(plan) == 40
    url = "https://reaching-out.github.io/plan/" + ro_links.plan_fragment(plan, "x" * 200)
    assert len(url) < 2000, len(url)
