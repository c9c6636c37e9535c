"""Compile the interface translations (.po → .mo) with Babel, without GNU gettext.

    .venv/bin/python scripts/compile_messages.py          # writes every django.mo
    .venv/bin/python scripts/compile_messages.py --check  # exit 1 if a .mo is out of date

The .mo files are committed next to their .po, so that a fresh install serves the
translations without a build step. tests/web/test_i18n.py checks that they are current.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "guichet_web" / "locale"


def po_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))


def read_catalog(po_path: Path):
    with po_path.open("rb") as handle:
        return read_po(handle, locale=po_path.parents[1].name, domain="django")


def compile_po(po_path: Path) -> bytes:
    """The .mo bytes for a .po file (fuzzy and untranslated entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(po_path), use_fuzzy=False)
    return buffer.getvalue()


def translations(mo_bytes: bytes) -> dict:
    """msgid → msgstr of a compiled catalogue (plural entries as tuples), header left out."""
    catalog = read_mo(io.BytesIO(mo_bytes))
    return {_key(message.id): _key(message.string) for message in catalog if message.id}


def _key(value):
    return tuple(value) if isinstance(value, list | tuple) else value


def is_current(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return False
    return translations(mo_path.read_bytes()) == translations(compile_po(po_path))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for po_path in po_files():
        if check:
            if not is_current(po_path):
                stale.append(po_path)
            continue
        po_path.with_suffix(".mo").write_bytes(compile_po(po_path))
        print(f"compilé : {po_path.with_suffix('.mo').relative_to(LOCALE_DIR.parent)}")
    for po_path in stale:
        print(f"à recompiler : {po_path}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
