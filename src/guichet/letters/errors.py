"""What can go wrong with a letter, said in plain French to the person."""

from __future__ import annotations


class LetterError(ValueError):
    """A letter we cannot read or explain; `message` is shown as it is. `code` names the
    case for the pages and the tests (« vide », « trop-gros », « type », « pdf-protege »,
    « pdf-abime », « trop-de-pages », « sans-texte », « langue », « ocr-absent »)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


class OcrUnavailable(LetterError):
    """Reading photos needs the Tesseract program, which this machine lacks."""

    def __init__(self, detail: str = ""):
        super().__init__(
            "Lire une photo n'est pas possible ici : l'outil de lecture des images n'est pas "
            "installé sur ce serveur. Copiez ou tapez le texte du courrier dans la case, ou "
            "venez avec votre courrier à France services." + (f" ({detail})" if detail else ""),
            "ocr-absent",
        )
