"""The network map's people in Chromium, on the sample site: edited in place, removed with an Undo.

An edit keeps the person's id (so their key, their ticks and anything else that refers to them); damaged
saved data does not stop the map.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import open_ready, store, stored
from test_browser_site import _axe

pytestmark = pytest.mark.browser

MAY = {"id": "p1", "name": "Aunt May", "note": "nurse", "asked": True, "talked": False}
JO = {"id": "p2", "name": "Jo", "note": "", "asked": False, "talked": True}
STATE = {"version": 1, "network": {"family": [MAY, JO]}}


def _open(page, sample_url, state=STATE):
    open_ready(page, sample_url + "template/")
    store(page, state)
    open_ready(page, sample_url + "network-map/")


def _names(page, category):
    return page.locator(f"#net-{category} .ro-network-map__name").all_inner_texts()


def _status(page):
    return page.locator("[data-ro-netmap] [data-ro-status]")


def test_edit_name_note_and_category_is_kept_with_the_same_key(page, sample_url):
    _open(page, sample_url)
    page.get_by_role("button", name="Edit Aunt May").click()
    form = page.get_by_role("form", name="Edit Aunt May")
    assert page.evaluate("document.activeElement.name") == "name"
    assert form.get_by_label("Category").input_value() == "family"
    form.get_by_label("Name").fill("May Parker")
    form.get_by_label("Note (optional)").fill("sells honey")
    form.get_by_label("Category").select_option(label="The farmers' market")
    form.get_by_role("button", name="Save").click()
    expect(_status(page)).to_have_text("Saved: May Parker")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Edit May Parker"
    page.reload()
    assert _names(page, "family") == ["Jo"]
    assert _names(page, "farmers-market") == ["May Parker"]
    assert page.locator("#net-farmers-market .ro-network-map__note").inner_text() == "sells honey"
    assert page.locator("#net-farmers-market").get_by_label("Asked: May Parker").is_checked()
    network = stored(page)["network"]
    assert network == {"family": [JO], "farmers-market": [dict(MAY, name="May Parker", note="sells honey")]}


def test_edit_by_keyboard_enter_saves_and_an_empty_name_is_refused(page, sample_url):
    _open(page, sample_url)
    page.get_by_role("button", name="Edit Jo").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    expect(_status(page)).to_have_text("Type a name first.")
    assert stored(page)["network"] == STATE["network"]
    page.keyboard.type("Joanna")
    page.keyboard.press("Enter")
    expect(_status(page)).to_have_text("Saved: Joanna")
    assert _names(page, "family") == ["Aunt May", "Joanna"]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Edit Joanna"
    assert stored(page)["network"]["family"][1] == dict(JO, name="Joanna")


@pytest.mark.parametrize("how", ["Cancel", "Escape"])
def test_cancel_and_escape_change_nothing(page, sample_url, how):
    _open(page, sample_url)
    page.get_by_role("button", name="Edit Aunt May").click()
    form = page.get_by_role("form", name="Edit Aunt May")
    form.get_by_label("Name").fill("Someone else")
    form.get_by_label("Category").select_option("farmers-market")
    if how == "Cancel":
        form.get_by_role("button", name="Cancel").click()
    else:
        form.get_by_label("Name").press("Escape")
    expect(form).to_have_count(0)
    assert _names(page, "family") == ["Aunt May", "Jo"]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Edit Aunt May"
    assert stored(page)["network"] == STATE["network"]


def test_undo_puts_a_removed_person_back_in_place_with_their_ticks(page, sample_url):
    _open(page, sample_url)
    page.get_by_role("button", name="Remove Aunt May").click()
    expect(_status(page)).to_have_text("Removed: Aunt May.")
    assert _names(page, "family") == ["Jo"]
    family = page.locator("#net-family")
    undo = family.get_by_role("button", name="Undo")
    expect(family.locator("[data-ro-net-undo]")).to_have_text("Removed: Aunt May. Undo")
    family.get_by_label("Name").fill("Ray")  # adding someone meanwhile does not spoil the Undo
    family.get_by_label("Name").press("Enter")
    undo.click()
    expect(_status(page)).to_have_text("Restored: Aunt May")
    assert _names(page, "family") == ["Aunt May", "Jo", "Ray"]
    assert stored(page)["network"]["family"][:2] == [MAY, JO]
    expect(undo).to_have_count(0)
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Edit Aunt May"


def test_only_the_last_removal_can_be_undone_and_not_after_leaving(page, sample_url):
    _open(page, sample_url)
    page.get_by_role("button", name="Remove Aunt May").click()
    page.get_by_role("button", name="Remove Jo").click()
    expect(page.locator("#net-family [data-ro-net-undo]")).to_have_text("Removed: Jo. Undo")
    page.get_by_role("button", name="Undo").click()
    assert _names(page, "family") == ["Jo"]
    page.get_by_role("button", name="Remove Jo").click()
    page.reload()
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)
    assert "family" not in stored(page)["network"]


def test_damaged_saved_people_do_not_break_the_map(page, sample_url):
    _open(page, sample_url, {"version": 1, "network": {
        "family": [{"id": "x", "note": "no name"}, "not a person", {"id": "y", "name": 3},
                   {"id": "p3", "name": "Ana", "note": 7, "asked": True}],
        "gone-category": [{"id": "g", "name": "Kept anyway"}]}})
    assert _names(page, "family") == ["Ana"]
    page.get_by_role("button", name="Edit Ana").click()
    form = page.get_by_role("form", name="Edit Ana")
    assert form.get_by_label("Note (optional)").input_value() == "7"
    form.get_by_label("Name").fill("Ana B")
    form.get_by_label("Name").press("Enter")
    expect(_status(page)).to_have_text("Saved: Ana B")
    network = stored(page)["network"]
    assert network["family"] == [{"id": "p3", "name": "Ana B", "note": "7", "asked": True}]
    assert network["gone-category"] == [{"id": "g", "name": "Kept anyway"}]


def test_the_edit_form_and_undo_are_accessible_touchable_and_do_not_print(page, sample_url):
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, sample_url)
    page.get_by_role("button", name="Remove Jo").click()
    page.get_by_role("button", name="Edit Aunt May").click()
    controls = page.locator("[data-ro-net-edit] :is(input, select, button), [data-ro-undo]")
    assert controls.count() == 6
    for box in [c.bounding_box() for c in controls.all()]:
        assert box["width"] >= 44 and box["height"] >= 44, box
    assert _axe(page) == []
    page.emulate_media(media="print")
    expect(page.locator("[data-ro-net-edit]")).to_be_hidden()
    expect(page.locator("#net-family [data-ro-net-undo]")).to_be_hidden()
