"""Signing in: password, then the six-digit code of the phone app (TOTP)."""

from __future__ import annotations

from django import forms

from .base import DeskForm


class LoginForm(DeskForm):
    username = forms.CharField(
        label="Identifiant",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
        error_messages={"required": "Écrivez votre identifiant."},
    )
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Écrivez votre mot de passe."},
    )


class TokenForm(DeskForm):
    token = forms.RegexField(
        label="Code à 6 chiffres",
        help_text="Le code affiché en ce moment par l'application de votre téléphone.",
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
        error_messages={
            "required": "Écrivez le code à 6 chiffres.",
            "invalid": "Le code a 6 chiffres, par exemple 123456.",
        },
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].replace(" ", "").strip()
