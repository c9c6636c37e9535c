"""The difficult words of our own pages, explained without JavaScript (issue 5, item 7).

    {% mots_difficiles view as mots %}   the glossary terms of a démarche's texts, in order
    {% avec_mots text %}                 the text, its terms linked to their explanation

In a text, the first time a term appears on the page it links to its explanation in the
list « Les mots difficiles de cette page » (pages/_glossaire.html: <dfn> and the
definition, always visible); an acronym is an <abbr> whose title also gives the definition.
The glossary is French: on a page in another language, nothing is marked.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

from guichet.letters import default_finder

register = template.Library()

PAGE_FIELDS = ("resume", "pour_qui", "ce_que_vous_recevez", "etapes", "documents")
SEEN = "glossaire_vus"


def anchor(term) -> str:
    return f"mot-{slugify(term.terme)}"


def _french() -> bool:
    return (get_language() or "fr").split("-")[0] == "fr"


def _texts(view) -> list[str]:
    texts = []
    for field in PAGE_FIELDS:
        value = getattr(view, field, None) or ()
        texts.extend([value] if isinstance(value, str) else value)
    return texts


@register.simple_tag
def mots_difficiles(view) -> list[dict]:
    """Each known term of the page once, in the order of the page."""
    if not _french():
        return []
    finder, terms, seen = default_finder(), [], set()
    for text in _texts(view):
        for found in finder.find(text):
            if found.known and found.terme not in seen:
                seen.add(found.terme)
                terms.append({"id": anchor(found.term), "term": found.term})
    return terms


@register.simple_tag(takes_context=True)
def avec_mots(context, text) -> str:
    """The text, escaped, with the first appearance of each term on the page linked."""
    text = "" if text is None else str(text)
    if not _french():
        return text
    seen = context.render_context.setdefault(SEEN, set())
    pieces, position = [], 0
    for found in default_finder().find(text):
        if not found.known or found.terme in seen:
            continue
        seen.add(found.terme)
        pieces.append(conditional_escape(text[position : found.start]))
        pieces.append(_marked(found))
        position = found.end
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))


def _marked(found) -> str:
    if found.text.isupper():
        return format_html(
            '<a class="term-ref" href="#{}"><abbr title="{}">{}</abbr></a>',
            anchor(found.term),
            found.definition,
            found.text,
        )
    return format_html('<a class="term-ref" href="#{}">{}</a>', anchor(found.term), found.text)
