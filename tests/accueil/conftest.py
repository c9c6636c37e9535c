"""Fixtures of the desk: three structures and their staff, a file referred to the CAF."""

from __future__ import annotations

import pytest

from guichet_web.accueil.choices import Role

from . import factories


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Argon2 is the real hasher (tested in test_auth); MD5 keeps the other tests fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def agent(db):
    return factories.staff(Role.RECEPTION)


@pytest.fixture
def people(db):
    """One actor per role × ownership case of the permission matrix."""
    return {
        "agent": factories.staff(Role.RECEPTION),
        "social": factories.staff(Role.SOCIAL_WORKER),
        "partner": factories.staff(Role.RECEPTION, "caf-doubs"),
        "stranger": factories.staff(Role.RECEPTION, "cpam-doubs"),
        "coordinator": factories.staff(Role.COORDINATOR),
        "administrator": factories.staff(Role.ADMINISTRATOR),
    }


@pytest.fixture
def person(people):
    return factories.person_file(people["agent"])


@pytest.fixture
def referred(people, person):
    """The file, referred to the CAF with the person's consent."""
    factories.referral(people["agent"], person)
    return person
