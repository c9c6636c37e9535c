"""The letter form: paste the text, take a photo, or choose a file (PDF or photo)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_TEXT = 20_000
FILE_ERRORS = {
    "empty": _("Le fichier est vide : il n'y a rien à lire."),
    "invalid": _("Ce fichier n'a pas pu être envoyé. Réessayez."),
    "missing": _("Ce fichier n'a pas pu être envoyé. Réessayez."),
}


class LetterForm(forms.Form):
    texte = forms.CharField(
        label=_("Copiez ou tapez le texte du courrier"),
        help_text=_("Tout le courrier, ou seulement la partie que vous ne comprenez pas."),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        error_messages={
            "max_length": _(
                "Le texte est trop long : gardez la partie importante, en "
                "%(limit_value)d caractères au plus (vous en avez %(show_value)d)."
            )
        },
    )
    photo = forms.FileField(
        label=_("Ou prenez le courrier en photo"),
        help_text=_("Posez la lettre bien à plat, avec de la lumière. Une page par photo."),
        required=False,
        error_messages=FILE_ERRORS,
        widget=forms.FileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    fichier = forms.FileField(
        label=_("Ou choisissez un fichier"),
        help_text=_("Un PDF ou une photo (JPEG ou PNG), 10 Mo au plus."),
        required=False,
        error_messages=FILE_ERRORS,
        widget=forms.FileInput(attrs={"accept": "image/*,application/pdf"}),
    )

    def clean(self):
        data = super().clean()
        given = [name for name in ("texte", "photo", "fichier") if data.get(name)]
        if not given and not self.errors:
            self.add_error(
                "texte",
                _("Copiez le texte du courrier, ou prenez-le en photo, ou choisissez un fichier."),
            )
        elif len(given) > 1:
            self.add_error(
                given[1],
                _(
                    "Vous avez donné deux courriers : gardez seulement le texte, la photo ou le "
                    "fichier."
                ),
            )
        return data

    def upload(self):
        """(field, uploaded file) of the photo or the file, or None for a pasted text."""
        for name in ("photo", "fichier"):
            if self.cleaned_data.get(name):
                return name, self.cleaned_data[name]
        return None
