"""Forms of the kiosk app: switching a computer to kiosk mode, and typing a resume code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import CODE_LENGTH, normalise_code


class ActivationForm(forms.Form):
    nom = forms.CharField(
        label="Nom du poste",
        help_text="Ce nom apparaît dans la file d'attente de l'accueil. Par exemple : Poste 2.",
        max_length=60,
        error_messages={"required": "Donnez un nom à ce poste, par exemple : Poste 2."},
    )
    jeton = forms.CharField(
        label="Code de l'accueil",
        help_text="Le code que l'équipe de l'accueil a reçu pour configurer les postes.",
        required=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class DeactivationForm(forms.Form):
    jeton = forms.CharField(
        label="Code de l'accueil",
        required=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class ResumeForm(forms.Form):
    """/reprendre, for anyone: in the reader's language (the desk's forms above stay French)."""

    code = forms.CharField(
        label=_("Votre code"),
        help_text=_(
            "Le code de 8 lettres et chiffres donné sur l'ordinateur. Par exemple : KMTP-7XW3."
        ),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Écrivez le code donné sur l'ordinateur.")},
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                _("Le code a 8 lettres et chiffres. Vérifiez-le sur votre papier ou votre photo.")
            )
        return code
