"""Visits, démarches followed, referrals and appointments."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from guichet_web.annuaire.models import Structure

from ..catalogue import demarche_choices, demarche_title, frequent_reasons, reason_groups
from ..choices import (
    AppointmentChannel,
    AppointmentStatus,
    Autonomy,
    Channel,
    ConsentPurpose,
    DemarcheStatus,
    Outcome,
)
from ..services.base import ServiceError
from ..services.visits import check_when
from .base import DeskForm
from .files import ConsentMixin, VersionField

DURATIONS = [
    (5, "5 min"),
    (10, "10 min"),
    (20, "20 min"),
    (30, "30 min"),
    (45, "45 min"),
    (60, "1 h"),
]
NO_AUTONOMY = [("", "pas travaillée aujourd'hui")]


DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%Hh%M", "%H h %M", "%Hh"]


class VisitForm(DeskForm):
    """Three clicks: the channel, a reason, « Enregistrer » (the rest has a default).

    The day and the hour are left empty for a visit happening now; a phone call noted
    afterwards gets its own day and hour (checked by services.visits.check_when)."""

    # A service error about `at` (the visit's date and time) is shown on the day field.
    service_fields = {"at": "day"}

    channel = forms.ChoiceField(
        label="Comment la personne est venue",
        choices=Channel.choices,
        initial=Channel.DESK,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez comment la personne est venue."},
    )
    reasons = forms.MultipleChoiceField(
        label="Motif",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_reason = forms.ChoiceField(label="Autre motif", required=False)
    demarches = forms.MultipleChoiceField(
        label="Démarches faites ou expliquées",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    duration_minutes = forms.TypedChoiceField(
        label="Durée",
        choices=DURATIONS,
        coerce=int,
        initial=10,
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label="Suite donnée",
        choices=Outcome.choices,
        initial=Outcome.INFORMATION,
        widget=forms.RadioSelect,
    )
    day = forms.DateField(
        label="Jour du passage",
        required=False,
        help_text="Laissez vide pour aujourd'hui. Jusqu'à 7 jours avant. Format : 25/03/2026.",
        input_formats=DATE_FORMATS,
        error_messages={"invalid": "Écrivez la date ainsi : 25/03/2026."},
    )
    time = forms.TimeField(
        label="Heure du passage",
        required=False,
        help_text="Laissez vide pour maintenant. Format : 14:30.",
        input_formats=TIME_FORMATS,
        error_messages={"invalid": "Écrivez l'heure ainsi : 14:30."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reasons"].choices = frequent_reasons()
        self.fields["other_reason"].choices = [("", "Choisir…"), *reason_groups()]
        self.fields["demarches"].choices = demarche_choices()

    def clean(self):
        data = super().clean()
        reasons = list(data.get("reasons") or [])
        if data.get("other_reason"):
            reasons.append(data["other_reason"])
        if not reasons and "reasons" not in self.errors:
            self.add_error("reasons", "Choisissez au moins un motif.")
        data["all_reasons"] = reasons
        data["at"] = self._when(data)
        return data

    def _when(self, data) -> dt.datetime | None:
        """None for « now »; else the day (today by default) at the hour given."""
        day, time = data.get("day"), data.get("time")
        if day is None and time is None:
            return None
        if "day" in self.errors or "time" in self.errors:
            return None
        if time is None:
            self.add_error("time", "Écrivez l'heure du passage, par exemple 14:30.")
            return None
        at = timezone.make_aware(dt.datetime.combine(day or timezone.localdate(), time))
        try:
            check_when(at)
        except ServiceError as error:
            self.add_error("day", error.message)
            return None
        return at

    @property
    def when_has_errors(self) -> bool:
        return bool(self.is_bound and ({"day", "time"} & set(self.errors)))


class FileVisitForm(VisitForm):
    """The same, on a file: the autonomy seen today on each démarche followed."""

    def __init__(self, *args, followed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.followed = list(followed)
        for item in self.followed:
            self.fields[f"autonomy_{item.demarche_id}"] = forms.TypedChoiceField(
                label=demarche_title(item.demarche_id),
                choices=NO_AUTONOMY + list(Autonomy.choices),
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def autonomy_fields(self):
        return [self[f"autonomy_{item.demarche_id}"] for item in self.followed]

    def autonomy(self) -> dict[str, int]:
        return {
            item.demarche_id: self.cleaned_data[f"autonomy_{item.demarche_id}"]
            for item in self.followed
            if self.cleaned_data.get(f"autonomy_{item.demarche_id}") is not None
        }


class FollowForm(DeskForm):
    demarche_id = forms.ChoiceField(
        label="Démarche à suivre",
        error_messages={"required": "Choisissez une démarche."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["demarche_id"].choices = [("", "Choisir…"), *demarche_choices()]


class StatusForm(DeskForm):
    status = forms.ChoiceField(label="Où en est la démarche", choices=DemarcheStatus.choices)
    on = forms.DateField(
        label="Depuis le",
        required=False,
        help_text="Laissez vide pour aujourd'hui. Format : 25/03/2026.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Écrivez la date ainsi : 25/03/2026."},
    )
    version = VersionField()


class ReferralForm(ConsentMixin):
    purpose = ConsentPurpose.REFERRAL

    to_structure = forms.ModelChoiceField(
        label="Partenaire",
        queryset=Structure.objects.none(),
        empty_label="Choisir…",
        error_messages={"required": "Choisissez le partenaire."},
    )
    demarche_id = forms.ChoiceField(label="Pour la démarche (facultatif)", required=False)
    reason = forms.CharField(
        label="Motif",
        help_text="Ce que la personne demande, en une ou deux phrases.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Écrivez le motif de l'orientation."},
    )
    field_order = ["to_structure", "demarche_id", "reason", "accord", "consent_sha256"]

    def __init__(self, *args, own_structure_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_structure"].queryset = Structure.objects.exclude(pk=own_structure_id)
        self.fields["demarche_id"].choices = [("", "Aucune en particulier"), *demarche_choices()]


class AnswerForm(DeskForm):
    decision = forms.ChoiceField(
        label="Votre réponse",
        choices=[
            ("acceptee", "Nous acceptons"),
            ("refusee", "Nous refusons"),
            ("cloturee", "C'est terminé (clôturer)"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez votre réponse."},
    )
    motif = forms.CharField(
        label="Motif du refus",
        help_text="Obligatoire pour un refus : il sera expliqué à la personne.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = VersionField()


class AppointmentForm(DeskForm):
    structure = forms.ModelChoiceField(
        label="Lieu", queryset=Structure.objects.all(), empty_label=None
    )
    day = forms.DateField(
        label="Jour",
        help_text="Format : 25/03/2026.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Écrivez le jour.",
            "invalid": "Écrivez la date ainsi : 25/03/2026.",
        },
    )
    time = forms.TimeField(
        label="Heure",
        help_text="Format : 14:30.",
        input_formats=TIME_FORMATS,
        error_messages={
            "required": "Écrivez l'heure.",
            "invalid": "Écrivez l'heure ainsi : 14:30.",
        },
    )
    duration_minutes = forms.TypedChoiceField(
        label="Durée", choices=DURATIONS, coerce=int, initial=30
    )
    channel = forms.ChoiceField(
        label="Comment",
        choices=AppointmentChannel.choices,
        widget=forms.RadioSelect,
        initial=AppointmentChannel.ON_SITE,
    )
    purpose = forms.CharField(
        label="Pour quoi",
        max_length=200,
        error_messages={"required": "Écrivez pour quoi est ce rendez-vous."},
    )
    bring = forms.CharField(
        label="À apporter (facultatif)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, own_structure_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].initial = own_structure_id

    def starts_at(self) -> dt.datetime:
        naive = dt.datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"])
        return timezone.make_aware(naive)


class AppointmentStatusForm(DeskForm):
    status = forms.ChoiceField(
        label="Le rendez-vous",
        choices=[(c.value, c.label) for c in AppointmentStatus if c != AppointmentStatus.PLANNED],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez ce qui s'est passé."},
    )
    version = VersionField()
