"""The AcroForm repair done after WeasyPrint: one field per radio group, and fields a reader can redraw.

WeasyPrint's `pdf_forms` output needs three fixes before it is written (see `finisher`): each radio
group becomes one field valued by option ids (not one field per button valued by position), with the
group's name for assistive technology; every empty text and choice field gets an empty appearance;
and checkboxes and radio buttons get a ZapfDingbats tick or dot, so a reader that redraws them
(poppler-based ones do) keeps the ticks. Works on pydyf's objects; imports no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping


def finisher(labels: Mapping[str, str]) -> Callable[[object, object], None]:
    """Tidy WeasyPrint's form before it is written: one field per radio group, appearances for all.

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
        acroform["Fields"] = pydyf.Array([r for r in acroform["Fields"] if r not in buttons])
        for widget in [o for o in objects.values() if o.get("FT") in ("/Tx", "/Ch") and "AP" not in o]:
            left, bottom, right, top = (float(v) for v in widget["Rect"])
            empty = pydyf.Stream([b"/Tx BMC EMC"], {
                "Type": "/XObject", "Subtype": "/Form",
                "BBox": pydyf.Array((0, 0, abs(right - left), abs(top - bottom))),
            })
            pdf.add_object(empty)
            widget["AP"] = pydyf.Dictionary({"N": empty.reference})
        _buttons_can_be_redrawn(pdf, acroform, objects)
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
    """Make each radio group one field valued by option ids; return the references of its buttons."""
    import pydyf

    buttons = set()
    for group in [o for o in objects.values() if o.get("FT") == "/Btn" and "Kids" in o and "Opt" in o]:
        values = [str(getattr(v, "string", v)) for v in group["Opt"]]
        for index, reference in enumerate(group["Kids"]):
            button = objects[reference]
            buttons.add(reference)
            button.pop("T", None)
            button.pop("TU", None)
            states = button["AP"]["N"]
            appearance = states.pop(index, None) or states.pop(str(index), None)
            if appearance is None or not re.fullmatch(r"[a-z0-9-]+", values[index]):
                raise RuntimeError(f"unexpected radio button structure in WeasyPrint's output ({group['T']})")
            states[values[index]] = appearance
            if button.get("AS") not in (None, "/Off"):
                button["AS"] = group["V"] = f"/{values[index]}"
        del group["Opt"]
        name = str(getattr(group["T"], "string", group["T"]))
        if name in labels:
            group["TU"] = pydyf.String(labels[name])
    return buttons
