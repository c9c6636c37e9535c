"""The need form of the home page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class NeedForm(forms.Form):
    texte = forms.CharField(
        label=_("Dites-nous ce qui ne va pas"),
        help_text=_(
            "Avec vos mots, même avec des fautes. Par exemple : « la CAF a coupé mon RSA »."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "true"}),
        error_messages={
            "required": _("Écrivez en quelques mots ce qui ne va pas."),
            "max_length": _(
                "Votre texte est trop long : gardez l'essentiel, en %(limit_value)d "
                "caractères au plus (vous en avez écrit %(show_value)d)."
            ),
        },
    )
