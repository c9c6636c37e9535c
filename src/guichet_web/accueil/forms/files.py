"""The person's file: identity, consent, notes, search, documents."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from .. import consent as consent_texts
from ..choices import ConsentPurpose
from .base import DeskForm


class VersionField(forms.IntegerField):
    """The version of the object when the form was opened (optimistic concurrency)."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, min_value=1, **kwargs)


class IdentityForm(DeskForm):
    first_name = forms.CharField(
        label="Prénom", max_length=100, error_messages={"required": "Écrivez le prénom."}
    )
    last_name = forms.CharField(
        label="Nom", max_length=100, error_messages={"required": "Écrivez le nom."}
    )
    birth_year = forms.IntegerField(
        label="Année de naissance (facultatif)",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
        error_messages={"invalid": "Écrivez l'année avec 4 chiffres, par exemple 1980."},
    )
    phone = forms.RegexField(
        label="Téléphone (facultatif, pour les rappels de rendez-vous)",
        required=False,
        max_length=20,
        regex=r"^[0-9 +.]{10,20}$",
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        error_messages={"invalid": "Écrivez un numéro de téléphone, par exemple 06 12 34 56 78."},
    )

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError("Écrivez une année entre 1900 et cette année.")
        return year


class ConsentMixin(DeskForm):
    """The consent text is shown (or read); its fingerprint comes back with the form."""

    purpose = ConsentPurpose.FILE

    accord = forms.BooleanField(
        label="La personne a entendu ce texte et elle est d'accord.",
        error_messages={"required": "Sans l'accord de la personne, rien n'est enregistré."},
    )
    consent_sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent_sha256"].initial = consent_texts.current_fingerprint(self.purpose)

    @property
    def consent_text(self) -> str:
        return consent_texts.current_text(self.purpose)


class OpenFileForm(IdentityForm, ConsentMixin):
    pass


class EditIdentityForm(IdentityForm):
    version = VersionField()


class NoteForm(DeskForm):
    text = forms.CharField(
        label="Nouvelle note",
        help_text="Seulement ce qui sert à aider la personne. Elle peut tout lire.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "La note est vide."},
    )


class SearchForm(DeskForm):
    q = forms.CharField(label="Nom, prénom ou numéro de dossier", max_length=100, required=False)


class DocumentForm(DeskForm):
    label = forms.CharField(
        label="Ajouter une pièce à la liste",
        max_length=300,
        error_messages={"required": "Écrivez le nom de la pièce."},
    )


class ResumeCodeForm(DeskForm):
    """The code a person made on « Mes droits », read to the mediator (often by phone)."""

    code = forms.CharField(
        label="Code de reprise donné par la personne",
        help_text="8 lettres et chiffres, par exemple KMTP-7XW3.",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": "Écrivez le code que la personne vous donne."},
    )
    accord = forms.BooleanField(
        label="La personne est d'accord pour que ses réponses soient reprises dans son dossier.",
        error_messages={"required": "Sans l'accord de la personne, son code n'est pas utilisé."},
    )
    version = VersionField()
