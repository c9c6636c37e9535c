"""Collect the interface's translatable strings into the .po files (GNU gettext not needed).

    .venv/bin/python scripts/extract_messages.py

Reads `{% translate %}` / `{% blocktranslate %}` in the templates (through Django's own
`templatize`, as `makemessages` does) and gettext calls in the Python code of
src/guichet_web, then updates src/guichet_web/locale/<lang>/LC_MESSAGES/django.po for each
language of settings.LANGUAGES but French: new strings are added untranslated, strings
that are gone are dropped, translations are kept. Then translate, and run
scripts/compile_messages.py.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "guichet_web"
LOCALE_DIR = WEB / "locale"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guichet_web.settings")
    import django

    django.setup()


def source_files() -> list[Path]:
    files = [p for p in WEB.rglob("*.py") if "migrations" not in p.parts]
    files += list(WEB.rglob("templates/**/*.html"))
    return sorted(files)


def _python_source(path: Path) -> bytes:
    if path.suffix != ".html":
        return path.read_bytes()
    from django.utils.translation.template import templatize

    return templatize(path.read_text(encoding="utf-8"), origin=str(path)).encode("utf-8")


def extract_template() -> Catalog:
    """Every translatable string of the interface, as an empty catalogue (a .pot)."""
    _setup_django()
    template = Catalog(domain="django", project="Guichet", fuzzy=False)
    for path in source_files():
        where = str(path.relative_to(ROOT))
        found = extract("python", io.BytesIO(_python_source(path)), keywords=KEYWORDS)
        for _lineno, message, _comments, context in found:
            template.add(message, locations=[(where, None)], context=context)
    return template


def updated_catalog(template: Catalog, po_path: Path, language: str) -> Catalog:
    if po_path.exists():
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain="django")
    else:
        catalog = Catalog(locale=language, domain="django", project="Guichet", fuzzy=False)
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.creation_date = created  # no churn in the header when nothing else changed
    return catalog


def write(catalog: Catalog, po_path: Path) -> None:
    po_path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=100, omit_header=False, ignore_obsolete=True, include_lineno=False
    )
    po_path.write_bytes(buffer.getvalue())


def languages() -> list[str]:
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def main() -> int:
    template = extract_template()
    for language in languages():
        po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
        catalog = updated_catalog(template, po_path, language)
        write(catalog, po_path)
        missing = sum(1 for message in catalog if message.id and not message.string)
        print(f"{po_path.relative_to(ROOT)} : {len(catalog)} messages, {missing} à traduire")
    return 0


if __name__ == "__main__":
    sys.exit(main())
