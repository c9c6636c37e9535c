"""Plain factory functions for the desk's models (through the services where they exist)."""

from __future__ import annotations

import itertools
import time

from django.contrib.auth.models import User
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from guichet_web.accueil import consent
from guichet_web.accueil.choices import ConsentPurpose, Role
from guichet_web.accueil.models import StaffProfile
from guichet_web.accueil.services import files, referrals
from guichet_web.accueil.views.access import LOGIN_AT
from guichet_web.annuaire.models import Structure

_numbers = itertools.count(1)

STRUCTURES = {
    "france-services-planoise": "France services Planoise",
    "caf-doubs": "CAF du Doubs",
    "cpam-doubs": "CPAM du Doubs",
}


def structure(slug: str = "france-services-planoise") -> Structure:
    place, _ = Structure.objects.get_or_create(
        pk=slug,
        defaults={
            "nom": STRUCTURES.get(slug, slug),
            "adresse": "7-9 rue Pablo Picasso",
            "code_postal": "25000",
            "commune": "Besançon",
            "telephone": "03 81 00 00 00",
        },
    )
    return place


def staff(
    role: str = Role.RECEPTION, slug: str = "france-services-planoise", password: str | None = None
) -> User:
    user = User.objects.create_user(f"agent{next(_numbers)}", password=password)
    StaffProfile.objects.create(user=user, role=role, structure=structure(slug))
    return user


def device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="téléphone", confirmed=True)


def token(device: TOTPDevice) -> str:
    """The code the phone would show now (RFC 6238), from the device's own key."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:0{device.digits}d}"


def sign_in(client, user: User) -> None:
    """Signed in with the second factor passed, as after the real flow (tested apart)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device(user).persistent_id
    session[LOGIN_AT] = int(time.time())
    session.save()


def person_file(user: User, **identity):
    identity = {"first_name": "Awa", "last_name": "Diallo", **identity}
    return files.open_file(
        user,
        consent_sha256=consent.current_fingerprint(ConsentPurpose.FILE),
        **identity,
    )


def referral(user: User, person_file, to: str = "caf-doubs", reason: str = "Dossier RSA"):
    return referrals.refer(
        user,
        person_file,
        to_structure=structure(to),
        reason=reason,
        consent_sha256=consent.current_fingerprint(ConsentPurpose.REFERRAL),
    )
