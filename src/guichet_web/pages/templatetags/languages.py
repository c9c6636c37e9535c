"""The reader's language on the pages: the switch, and French parts marked as such.

A text shown in French inside a page in another language carries `lang="fr"` (WCAG 3.1.2,
RGAA 8.7: language of parts), `dir="ltr"` inside a right-to-left page, and a visible note
« en français » written in the reader's language, so that nothing untranslated is hidden.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, gettext

from guichet.catalogue import Demarche, LocalizedDemarche, localized
from guichet.catalogue.localize import SOURCE_LANGUAGE, base_language

register = template.Library()


def current_language() -> str:
    return base_language(get_language())


def _french_attributes() -> str:
    if current_language() == SOURCE_LANGUAGE:
        return ""
    return ' lang="fr" dir="ltr"' if get_language_bidi() else ' lang="fr"'


@register.simple_tag
def language_choices() -> list[dict]:
    """Each language named in its own language, with its direction, for the switch."""
    current = current_language()
    return [
        {
            "code": code,
            "name": name,
            "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr",
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.filter(name="localized")
def localized_filter(demarche):
    """A démarche in the page's language (French for the fields not translated yet)."""
    if demarche is None or isinstance(demarche, LocalizedDemarche):
        return demarche
    if not isinstance(demarche, Demarche):
        raise TypeError(f"une démarche était attendue, pas {type(demarche).__name__}")
    return localized(demarche, current_language())


@register.simple_tag
def french_attrs() -> str:
    """` lang="fr"` on content that only exists in French (official names, sources…)."""
    return mark_safe(_french_attributes())


@register.simple_tag
def fallback_attrs(view: LocalizedDemarche, field: str) -> str:
    """` lang="fr"` on a field of a démarche shown in French for want of a translation."""
    return mark_safe(_french_attributes() if field in view.fallback else "")


@register.simple_tag
def fallback_note(view: LocalizedDemarche, field: str) -> str:
    """« (en français) » in the reader's language, for a field that fell back.

    Left out when the whole démarche is untranslated: the page says it once at the top.
    """
    if field not in view.fallback or view.untranslated:
        return ""
    return in_french_note()


@register.simple_tag
def in_french_note() -> str:
    """The note carries the reader's language, so it may sit inside a `lang="fr"` element."""
    return format_html(
        ' <span class="in-french" lang="{}" dir="{}">({})</span>',
        current_language(),
        "rtl" if get_language_bidi() else "ltr",
        gettext("en français"),
    )
