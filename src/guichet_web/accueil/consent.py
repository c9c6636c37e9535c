"""The consent texts read or shown to the person, and their SHA-256 fingerprints.

A consent row stores the fingerprint of the exact text shown, so that the text a person
agreed to can always be found again: never edit a text in place, add the new version to
CURRENT and move the old one to ARCHIVE.
"""

from __future__ import annotations

import hashlib

from .choices import ConsentPurpose

CURRENT = {
    ConsentPurpose.FILE: (
        "France services garde un dossier à votre nom pour vous aider dans vos démarches. "
        "Il contient votre nom, vos démarches, vos rendez-vous et les notes de l'équipe. "
        "Seule l'équipe de ce lieu peut le lire. "
        "Vous pouvez voir tout ce qui est noté sur vous et demander une copie. "
        "Vous pouvez dire non, ou changer d'avis quand vous voulez : le dossier est alors fermé "
        "puis effacé. Sans contact pendant 2 ans, il est effacé."
    ),
    ConsentPurpose.REFERRAL: (
        "Nous envoyons votre demande au partenaire choisi, avec votre nom et le motif. "
        "L'équipe de ce partenaire peut lire votre dossier tant que la demande est en cours. "
        "Vous pouvez changer d'avis quand vous voulez."
    ),
}

# Former versions, by fingerprint: {sha256: text}. Empty until a text changes.
ARCHIVE: dict[str, str] = {}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_text(purpose: str) -> str:
    return CURRENT[ConsentPurpose(purpose)]


def current_fingerprint(purpose: str) -> str:
    return fingerprint(current_text(purpose))


def text_for(sha256: str) -> str | None:
    """The text a stored fingerprint stands for, current or archived."""
    for text in CURRENT.values():
        if fingerprint(text) == sha256:
            return text
    return ARCHIVE.get(sha256)
