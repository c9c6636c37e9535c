"""The letter's own words inside a page in another language: marked as French.

What comes from the letter or from guichet.letters (quotes, rules, definitions) is French
content: in a page in English, Arabic or Turkish it carries `lang="fr"` (and `dir="ltr"` in
Arabic) so that a screen reader reads it with a French voice (WCAG 3.1.2).
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from guichet.catalogue.localize import SOURCE_LANGUAGE
from guichet_web.pages.templatetags.languages import current_language, french_attrs, in_french_note

register = template.Library()


@register.filter
def in_french(text) -> str:
    """The text, escaped, in a `<span lang="fr">` when the page is not in French."""
    if current_language() == SOURCE_LANGUAGE:
        return format_html("{}", text)
    return format_html("<span{}>{}</span>", french_attrs(), text)


@register.simple_tag
def french_part_note() -> str:
    """« (en français) » in the reader's language, after the heading of French content."""
    return "" if current_language() == SOURCE_LANGUAGE else in_french_note()
