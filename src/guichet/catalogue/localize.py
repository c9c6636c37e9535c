"""A démarche in the reader's language, falling back to French field by field.

French is the source language of the catalogue. A translation may cover only some fields:
the others are shown in French, and the view says which ones, so that a page can mark them
(`lang="fr"` and a note « en français » in the reader's language) instead of hiding the gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from .schema import Demarche, Language

SOURCE_LANGUAGE = "fr"
TRANSLATED_LANGUAGES: tuple[str, ...] = get_args(Language)
TEXT_FIELDS = ("titre", "resume")
LIST_FIELDS = ("facile", "pour_qui", "ce_que_vous_recevez", "etapes", "documents")
TRANSLATABLE_FIELDS = TEXT_FIELDS + LIST_FIELDS


@dataclass(frozen=True)
class LocalizedDemarche:
    """The reader-facing texts of one démarche in one language.

    `fallback` names the fields shown in French although another language was asked for.
    Everything else (amounts, official names, sources) stays on `demarche`, in French.
    """

    demarche: Demarche
    lang: str
    titre: str
    resume: str
    facile: tuple[str, ...]
    pour_qui: tuple[str, ...]
    ce_que_vous_recevez: tuple[str, ...]
    etapes: tuple[str, ...]
    documents: tuple[str, ...]
    fallback: frozenset[str]

    @property
    def id(self) -> str:
        return self.demarche.id

    @property
    def untranslated(self) -> bool:
        """True when the reader asked for another language and nothing is translated."""
        return self.lang != SOURCE_LANGUAGE and bool(self.fallback) and not self.translated

    @property
    def translated(self) -> frozenset[str]:
        """The fields shown in the reader's language (empty for French itself)."""
        if self.lang == SOURCE_LANGUAGE:
            return frozenset()
        return frozenset(_present_fields(self.demarche)) - self.fallback

    def lang_of(self, field: str) -> str:
        """The language a field is shown in: the reader's, or French when it fell back."""
        return SOURCE_LANGUAGE if field in self.fallback else self.lang


def _present_fields(demarche: Demarche) -> list[str]:
    """Fields with French content (an empty list of documents has nothing to translate)."""
    return [name for name in TRANSLATABLE_FIELDS if getattr(demarche, name)]


def base_language(lang: str | None) -> str:
    """« en-gb » → « en »; an empty code means French."""
    return (lang or SOURCE_LANGUAGE).split("-")[0].split("_")[0].lower()


def localized(demarche: Demarche, lang: str | None) -> LocalizedDemarche:
    """The démarche in `lang`, each missing field replaced by its French text."""
    lang = base_language(lang)
    translation = demarche.traductions.get(lang) if lang != SOURCE_LANGUAGE else None
    values: dict[str, object] = {}
    fallback = set()
    for name in TRANSLATABLE_FIELDS:
        french = getattr(demarche, name)
        value = getattr(translation, name) if translation is not None else None
        if value is None:
            value = french
            if lang != SOURCE_LANGUAGE and french:
                fallback.add(name)
        values[name] = tuple(value) if name in LIST_FIELDS else value
    return LocalizedDemarche(demarche=demarche, lang=lang, fallback=frozenset(fallback), **values)
