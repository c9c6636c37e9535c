"""Text inputs, checkboxes and selects written in Python: the HTML of Django's widget
templates, character for character (tested), without a template per widget and per option.

The one-page « Mes droits » form has some fifty fields and forty options: through Django's
templates they took about 18 ms of the page's 30 ms (measured 2026-12-04), on every
household of a queue at the desk.
"""

from __future__ import annotations

from django.forms import widgets
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: `` name="value"``, a bare `` name`` for True."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(format_html(' {}="{}"', name, str(value)))
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        value,
        mark_safe(_attrs(widget["attrs"])),
    )


def _option(option: dict) -> str:
    """django/forms/widgets/select_option.html (it ends with a new line)."""
    return format_html(
        '<option value="{}"{}>{}</option>\n',
        str(option["value"]),
        mark_safe(_attrs(option["attrs"])),
        option["label"],
    )


def _select(widget: dict) -> str:
    """django/forms/widgets/select.html."""
    parts = [
        format_html('<select name="{}"{}>', widget["name"], mark_safe(_attrs(widget["attrs"])))
    ]
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        parts.extend("\n  " + _option(option) for option in group_choices)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class TextInput(widgets.TextInput):
    def _render(self, template_name, context, renderer=None):
        return mark_safe(_input(context["widget"]))


class CheckboxInput(widgets.CheckboxInput):
    def _render(self, template_name, context, renderer=None):
        return mark_safe(_input(context["widget"]))


class Select(widgets.Select):
    def _render(self, template_name, context, renderer=None):
        return mark_safe(_select(context["widget"]))
