"""Shared test settings: a template that uses an unknown variable fails the test."""

from __future__ import annotations

import pytest
from django.template import TemplateSyntaxError


class InvalidTemplateVariable(str):
    """Set as `string_if_invalid`: Django formats it with the unknown name, and we raise.

    Django checks `"%s" in string_if_invalid`, then renders `string_if_invalid % name`
    (docs: « How invalid variables are handled »).
    """

    def __mod__(self, name):
        raise TemplateSyntaxError(f"variable de gabarit inconnue : {name!r}")


@pytest.fixture(autouse=True)
def strict_templates(settings):
    """Unknown template variables raise (a test may override this fixture, e.g. for the admin)."""
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "string_if_invalid": InvalidTemplateVariable("%s"),
            },
        }
    ]


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Static files need no `collectstatic` in tests (production uses the manifest)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def journal_emptied_after_transactional_tests(request):
    """The desk's journal refuses DELETE in the database itself (triggers of
    guichet_web.accueil, migration 0002), so Django's flush after a transactional test
    (live_server, transactional_db) could not empty it: this empties it first, with the
    triggers lifted for that moment only."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")  # set up before, so torn down after this
    yield
    from django.db import connection

    from guichet_web.accueil import journal_sql

    journal_sql.drop_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {journal_sql.TABLE}")
    finally:
        journal_sql.create_triggers(connection)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, with the second factor passed: the admin asks for it
    (django-otp's OTPAdminSite, see guichet_web.accueil.admin)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(admin_user)
    device = TOTPDevice.objects.create(user=admin_user, name="téléphone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture(autouse=True)
def french_after_each_test():
    """A request in Arabic leaves Arabic active in the thread (Django's LocaleMiddleware
    activates, nothing deactivates): each test starts and ends in the default language."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
