"""The AcroForm repair done after WeasyPrint: one field per radio group, named options, redrawable fields.

WeasyPrint's `pdf_forms` output needs these fixes before it is written (see `finisher`): each radio
group becomes one field valued by option ids (not one field per button valued by position), named by
the group's label, and each of its buttons by "group label: option label", so a screen reader says
which option it is on; every empty text and choice field gets an empty appearance; checkboxes and
radio buttons get a ZapfDingbats tick or dot, so a reader that redraws them (poppler-based ones do)
keeps the ticks; and ticks and dots drawn alike are one object, not one per button (the counselor
pack has some 300). Works on pydyf's objects; imports no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping


def finisher(labels: Mapping[str, str]) -> Callable[[object, object], None]:
    """Tidy WeasyPrint's form before it is written: one field per radio group, appearances for all.

    `labels` maps a field's name (a radio group's too), and a radio button's id (`NAME--OPTION`), to
    the label a screen reader says (/TU); a field without one keeps the label WeasyPrint gave it.

    WeasyPrint also names each button of a radio group as a field of its own (`name.name`) and uses
    option positions (/0, /1) as values; readers and scripts then see duplicate fields and opaque
    values. It also asks readers to redraw every field (NeedAppearances) but gives checkboxes and radio
    buttons no font to redraw with, so poppler-based readers lose their ticks. So: every empty text and
    choice field gets an empty appearance (readers draw a field when someone fills it), and buttons get
    the standard ZapfDingbats tick and dot for any tool that still asks for a redraw.
    """

    def finish(_document: object, pdf: object) -> None:
        import pydyf

        acroform = pdf.catalog.get("AcroForm")
        if not acroform:
            return
        objects = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)}
        buttons = _one_field_per_radio_group(objects, labels)
        for field in [o for o in objects.values() if "T" in o and "Kids" not in o]:
            name = str(getattr(field["T"], "string", field["T"]))
            if labels.get(name):
                field["TU"] = pydyf.String(labels[name])
        acroform["Fields"] = pydyf.Array([r for r in acroform["Fields"] if r not in buttons])
        # One empty appearance each: a reader that draws a filled field may write into its appearance.
        for widget in [o for o in objects.values() if o.get("FT") in ("/Tx", "/Ch") and "AP" not in o]:
            left, bottom, right, top = (float(v) for v in widget["Rect"])
            empty = pydyf.Stream([b"/Tx BMC EMC"], {
                "Type": "/XObject", "Subtype": "/Form",
                "BBox": pydyf.Array((0, 0, abs(right - left), abs(top - bottom))),
            })
            pdf.add_object(empty)
            widget["AP"] = pydyf.Dictionary({"N": empty.reference})
        _buttons_can_be_redrawn(pdf, acroform, objects)
        _share_alike_appearances(pdf, objects)
        acroform["NeedAppearances"] = "false"

    return finish


def _buttons_can_be_redrawn(pdf: object, acroform: dict, objects: dict) -> None:
    """Give the form's resources ZapfDingbats, and each button a DA and caption (tick or dot) using it."""
    import pydyf

    resources = objects.get(acroform.get("DR"), acroform.get("DR"))
    if not isinstance(resources, dict):
        return
    fonts = resources.get("Font")
    fonts = objects.get(fonts, fonts) if isinstance(fonts, bytes) else fonts
    dingbats = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": "/ZapfDingbats"})
    pdf.add_object(dingbats)
    # The form's own resources: the pages' (shared) resources stay free of the unembedded symbol font.
    form_resources = pydyf.Dictionary(resources)
    form_resources["Font"] = pydyf.Dictionary({**(fonts or {}), "ZaDb": dingbats.reference})
    acroform["DR"] = form_resources
    for widget in objects.values():
        parent = objects.get(widget.get("Parent"), {})
        if widget.get("Subtype") != "/Widget" or "/Btn" not in (widget.get("FT"), parent.get("FT")):
            continue
        radio = "Parent" in widget
        widget["DA"] = pydyf.String("/ZaDb 0 Tf 0 g")
        widget.setdefault("MK", pydyf.Dictionary())["CA"] = pydyf.String("l" if radio else "4")


def _one_field_per_radio_group(objects: dict, labels: Mapping[str, str]) -> set:
    """Make each radio group one field valued by option ids, its buttons named; return the buttons' references."""
    import pydyf

    buttons = set()
    for group in [o for o in objects.values() if o.get("FT") == "/Btn" and "Kids" in o and "Opt" in o]:
        values = [str(getattr(v, "string", v)) for v in group["Opt"]]
        name = str(getattr(group["T"], "string", group["T"]))
        group_label = labels.get(name) or str(getattr(group.get("TU"), "string", name))
        for index, reference in enumerate(group["Kids"]):
            button = objects[reference]
            buttons.add(reference)
            button.pop("T", None)
            option = labels.get(f"{name}--{values[index]}") or str(getattr(button.get("TU"), "string", values[index]))
            button["TU"] = pydyf.String(f"{group_label}: {option}")
            states = button["AP"]["N"]
            appearance = states.pop(index, None) or states.pop(str(index), None)
            if appearance is None or not re.fullmatch(r"[a-z0-9-]+", values[index]):
                raise RuntimeError(f"unexpected radio button structure in WeasyPrint's output ({group['T']})")
            states[values[index]] = appearance
            if button.get("AS") not in (None, "/Off"):
                button["AS"] = group["V"] = f"/{values[index]}"
        del group["Opt"]
        group["TU"] = pydyf.String(group_label)
    return buttons


def _share_alike_appearances(pdf: object, objects: dict) -> None:
    """Point buttons whose ticks or dots are drawn alike (same size, same strokes) at one drawing.

    Only buttons: a reader changes a button's state, not its drawing, while a text field's appearance
    is what a reader rewrites when someone types (poppler writes into the object, so text fields
    sharing one would all show the same text).
    """
    import pydyf

    first: dict[bytes, bytes] = {}  # drawing → the first appearance drawn so
    kept: dict[bytes, bytes] = {}  # appearance → the one it is replaced by (or itself)
    for widget in objects.values():
        states = widget.get("AP", {}).get("N")
        if widget.get("Subtype") != "/Widget" or not isinstance(states, dict):  # buttons: one drawing per state
            continue
        for state, reference in states.items():
            if reference not in kept:
                stream = pdf.objects[int(reference.split()[0])]
                kept[reference] = first.setdefault(pydyf.Stream(stream.stream, stream.extra).data, reference)
                if kept[reference] != reference:
                    discard(pdf, reference)
            states[state] = kept[reference]


def discard(pdf: object, reference: bytes) -> None:
    """Empty an object nothing refers to any longer (pydyf numbers objects by position, so none is removed)."""
    import pydyf

    number = int(reference.split()[0])
    placeholder = pydyf.Dictionary()
    placeholder.number = number
    pdf.objects[number] = placeholder
