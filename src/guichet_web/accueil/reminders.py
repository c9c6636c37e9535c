"""The reminder of an appointment, short enough for one SMS and plain enough to print."""

from __future__ import annotations

from django.utils import timezone

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
SMS_LENGTH = 160


def when(moment) -> str:
    """« mardi 3 juin à 14 h 30 »."""
    local = timezone.localtime(moment)
    day = "1er" if local.day == 1 else str(local.day)
    minutes = f" {local.minute:02d}" if local.minute else ""
    return f"{DAYS[local.weekday()]} {day} {MONTHS[local.month - 1]} à {local.hour} h{minutes}"


def _where(appointment) -> str:
    place = appointment.structure
    if appointment.channel == "telephone":
        return f"{place.nom} vous appellera"
    if appointment.channel == "visio":
        return f"en visio avec {place.nom}"
    address = f", {place.adresse}" if place.adresse else ""
    return f"{place.nom}{address}"


def sms_text(appointment) -> str:
    """At most one SMS: what, when, where; the phone to call when it is known."""
    place = appointment.structure
    text = f"Rappel : rendez-vous {when(appointment.starts_at)}, {_where(appointment)}."
    if appointment.bring:
        text += " Apportez vos papiers."
    if place.telephone:
        text += f" Empêché ? Appelez le {place.telephone}."
    return text if len(text) <= SMS_LENGTH else text[: SMS_LENGTH - 1] + "…"


def printed_lines(appointment) -> list[str]:
    """The paper given at the desk: one idea per line."""
    place = appointment.structure
    lines = [
        f"Votre rendez-vous : {appointment.purpose}",
        f"Quand : {when(appointment.starts_at)} (environ {appointment.duration_minutes} minutes)",
        f"Où : {_where(appointment)}",
    ]
    if place.code_postal or place.commune:
        lines.append(f"{place.code_postal} {place.commune}".strip())
    if appointment.bring:
        lines.append(f"À apporter : {appointment.bring}")
    if place.telephone:
        lines.append(f"Si vous ne pouvez pas venir, appelez le {place.telephone}.")
    return lines
